"""The article's elements -> hinted raw blocks, walked with an explicit stack (no recursion)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pressconv.decode import clean
from pressconv.errors import Notes
from pressconv.readers.blocks import Hint, RawBlock, fold
from pressconv.readers.html.tree import BLOCKS, CHROME, HEADINGS, attr, classes, dropped, text_length

if TYPE_CHECKING:
    from bs4 import Tag

_MAX_BYLINE = 200
_MARKER = re.compile(r"([·•◦▪o§–\-*]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])\s+")


@dataclass(slots=True)
class Frame:
    """One open block-level element while walking: what text inside it becomes."""

    tag: Tag
    role: str  # headline, heading, quote, item, list, pre, skip-class roles, or block
    speaker: tuple[str, str | None] | None = None
    """A blockquote's data-speaker and data-attribution."""
    ordered: bool = False
    items: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Walk:
    """Everything the walk collects."""

    structured: bool
    blocks: list[RawBlock] = field(default_factory=list)
    byline: str | None = None
    publisher: str | None = None
    date: str | None = None
    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    headline_seen: bool = False
    has_h1: bool = False
    loose_list: int = -1  # index of a list block built from loose items, which the next item extends


def _role(tag: Tag, title_taken: bool, headline_seen: bool) -> str:
    """What a block-level element's text becomes; ``title_taken`` when an h1 or title came already."""
    name = tag.name.lower()
    names = classes(tag)
    if "msotitle" in names or (name == "h1" and not headline_seen):
        return "headline"
    if "title" in names and name in ("p", "div") and not title_taken:
        return "headline"  # Google Docs' and LibreOffice's exported Title paragraph
    if "msosubtitle" in names or ("subtitle" in names and name not in HEADINGS):
        return "subtitle"
    if name in HEADINGS:
        return "heading"
    if name == "blockquote" or names & {"msoquote", "msointensequote"}:
        return "quote"
    if name in ("ul", "ol"):
        return "list"
    if name in ("li", "dt", "dd") or any(c.startswith("msolistparagraph") for c in names):
        return "item"
    if name == "pre":
        return "pre"
    if "publisher" in names and name == "p" and text_length(tag) <= _MAX_BYLINE:
        return "publisher"  # our writer's letterhead above the release line
    if names & {"byline", "published"} and text_length(tag) <= _MAX_BYLINE:
        # Only a short element: a CMS may put such a class on a whole column of text.
        return "byline" if "byline" in names else "published"
    return "block"


def walk_article(root: Tag, walk: Walk, keep_chrome: bool, notes: Notes) -> None:
    from bs4.element import CData, Comment, NavigableString, Tag

    # (node, closing): a closing entry finishes a block-level element after its children.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            _close(walk, notes)
            continue
        if isinstance(node, NavigableString):
            text = str(node)
            if type(node) is Comment and text.startswith("[CDATA[") and text.endswith("]]"):
                text = text[7:-2]  # XHTML CDATA, which an HTML parser keeps as a comment: its words are text
            elif type(node) not in (NavigableString, CData):
                continue
            if any(f.role == "pre" for f in walk.frames):
                pieces = text.split("\n")
                walk.current.append(pieces[0])
                for piece in pieces[1:]:
                    _newline(walk)
                    walk.current.append(piece)
            else:
                walk.current.append(text)
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if node is not root and dropped(node):
            continue
        if name in CHROME and not keep_chrome and node is not root:
            continue
        if name == "br":
            _newline(walk)
            continue
        if name in ("option", "optgroup"):
            walk.current.append(" ")  # a select's options are separate words
        role = _role(node, walk.headline_seen or walk.has_h1, walk.headline_seen)
        if name in BLOCKS or role != "block" or node is root:
            _flush(walk, notes)
            walk.headline_seen = walk.headline_seen or role == "headline"
            frame = Frame(node, role)
            if role == "list":
                frame.ordered = name == "ol"
                if walk.frames and walk.frames[-1].role == "item":
                    _finish_item(walk, walk.frames[-1], notes)
            elif role == "quote":
                speaker = fold(attr(node, "data-speaker"))
                if speaker:
                    frame.speaker = (speaker, fold(attr(node, "data-attribution")) or None)
            walk.frames.append(frame)
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))


def _newline(walk: Walk) -> None:
    walk.lines.append("".join(walk.current))
    walk.current = []


def _take_lines(walk: Walk, notes: Notes) -> list[str]:
    _newline(walk)
    lines = [fold(clean(line, notes)) for line in walk.lines]
    walk.lines = []
    return [line for line in lines if line]


def _flush(walk: Walk, notes: Notes) -> None:
    """The text gathered since the last block boundary, as a block of the innermost frame's kind."""
    lines = _take_lines(walk, notes)
    if not lines:
        return
    frame = _innermost(walk)
    role = frame.role if frame is not None else "block"
    quote = next((f for f in reversed(walk.frames) if f.role == "quote"), None)
    text = " ".join(lines)
    if role == "item":
        frame_item = frame
        assert frame_item is not None
        frame_item.parts.extend(lines)
    elif role == "list" and frame is not None:
        frame.items.append(text)
    elif role in ("headline", "heading", "subtitle"):
        hint: Hint = "headline" if role == "headline" else "heading" if role == "heading" else "subtitle"
        # our writer sets "About …" sections apart as <section class="boilerplate">: say so, not guess
        boiler = hint == "heading" and any(
            f.tag.name == "section" and "boilerplate" in classes(f.tag) for f in walk.frames
        )
        walk.blocks.append(RawBlock(text, hint=hint, role="boilerplate" if boiler else None))
    elif role == "byline" and walk.byline is None:
        walk.byline = text
    elif role == "publisher" and walk.publisher is None:
        walk.publisher = "\n".join(lines)
    elif role == "published" and walk.date is None:
        stamp = frame.tag.find("time") if frame is not None else None
        walk.date = fold(attr(stamp, "datetime")) if stamp is not None else None
        walk.date = walk.date or text
    elif quote is not None:
        said = quote.speaker
        walk.blocks.append(
            RawBlock(
                text,
                tuple(lines),
                hint="quote",
                speaker=said[0] if said else None,
                attribution=said[1] if said else None,
            )
        )
    else:
        walk.blocks.append(RawBlock(text, tuple(lines), hint="paragraph" if walk.structured else None))


def _innermost(walk: Walk) -> Frame | None:
    """The frame that decides what loose text is: the nearest one that is not a plain block."""
    for frame in reversed(walk.frames):
        if frame.role != "block":
            return frame
    return None


def _finish_item(walk: Walk, frame: Frame, notes: Notes) -> None:
    _flush(walk, notes)
    text = fold(" ".join(frame.parts))
    frame.parts.clear()
    if not text:
        return
    target = next((f for f in reversed(walk.frames) if f.role == "list"), None)
    if target is not None:
        target.items.append(text)
        return
    # A Word list paragraph (its bullet or number typed into the text) or a stray li:
    # consecutive ones make one list.
    marker = _MARKER.match(text)
    ordered = bool(marker and marker.group(1)[0].isdigit())
    item = text[marker.end() :] if marker and marker.end() < len(text) else text
    last = walk.blocks[-1] if walk.blocks else None
    if last is not None and walk.loose_list == len(walk.blocks) - 1 and last.ordered == ordered:
        items = (*last.items, item)
        walk.blocks[-1] = RawBlock(" ".join(items), hint="list", items=items, ordered=ordered)
    else:
        walk.blocks.append(RawBlock(item, hint="list", items=(item,), ordered=ordered))
    walk.loose_list = len(walk.blocks) - 1


def _close(walk: Walk, notes: Notes) -> None:
    frame = walk.frames[-1]
    if frame.role == "item":
        _finish_item(walk, frame, notes)
        walk.frames.pop()
        return
    _flush(walk, notes)
    walk.frames.pop()
    if frame.role != "list" or not frame.items:
        return
    outer = next((f for f in reversed(walk.frames) if f.role == "list"), None)
    if outer is not None:
        outer.items.extend(frame.items)  # nested lists flatten: the model has one level
    else:
        walk.blocks.append(
            RawBlock(" ".join(frame.items), hint="list", items=tuple(frame.items), ordered=frame.ordered)
        )
