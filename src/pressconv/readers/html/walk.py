"""The article's elements -> hinted raw blocks, walked with an explicit stack (no recursion).

Inline markup becomes marks over the blocks' text (see ``inline``); a data
table, a figure and an image with alt text become embedded blocks where they
stand (see ``embedded``); headings keep their level (``h5``/``h6`` are level
4) and nested lists their depth; footnote containers are left to
``footnotes``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pressconv.errors import Notes
from pressconv.model import Block
from pressconv.readers.blocks import Hint, RawBlock, RawMark, fold
from pressconv.readers.html.embedded import data_table, figure_of, image_of, table_of
from pressconv.readers.html.inline import mark_of, text_of
from pressconv.readers.html.tree import (
    BLOCKS,
    CHROME,
    HEADINGS,
    attr,
    classes,
    concealed,
    dropped,
    text_length,
)
from pressconv.readers.marks import InlineText, joined, shifted
from pressconv.text import clean

if TYPE_CHECKING:
    from bs4 import Tag

_MAX_BYLINE = 200
_MARKER = re.compile(r"([·•◦▪o§–\-*]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])\s+")
_LEVELS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
Marked = tuple[str, tuple[RawMark, ...]]
Item = tuple[str, tuple[RawMark, ...], int]
"""A list item: its text, marks and nesting depth."""
_OPEN, _CLOSE_BLOCK, _CLOSE_MARK = 0, 1, 2


@dataclass(slots=True)
class Frame:
    """One open block-level element while walking: what text inside it becomes."""

    tag: Tag
    role: str  # headline, heading, quote, item, list, pre, skip-class roles, or block
    speaker: tuple[str, str | None] | None = None
    """A blockquote's data-speaker and data-attribution."""
    ordered: bool = False
    items: list[Item] = field(default_factory=list)
    parts: list[Marked] = field(default_factory=list)


@dataclass(slots=True)
class Walk:
    """Everything the walk collects."""

    structured: bool
    blocks: list[RawBlock] = field(default_factory=list)
    byline: str | None = None
    publisher: str | None = None
    date: str | None = None
    inline: InlineText = field(default_factory=InlineText)
    frames: list[Frame] = field(default_factory=list)
    headline_seen: bool = False
    has_h1: bool = False
    loose_list: int = -1  # index of a list block built from loose items, which the next item extends
    refs: Mapping[str, str] = field(default_factory=dict)
    """Page ids of footnotes -> note ids: a link to one is a note reference."""
    skip: set[int] = field(default_factory=set)
    """``id()`` of elements the walk leaves out (footnote containers)."""


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
    from bs4.element import Tag

    # (node, step): _OPEN reads the node; _CLOSE_BLOCK finishes a block-level element after its
    # children; _CLOSE_MARK ends the mark an inline element opened.
    stack: list[tuple[Any, int]] = [(root, _OPEN)]
    while stack:
        node, step = stack.pop()
        if step == _CLOSE_BLOCK:
            _close(walk, notes)
            continue
        if step == _CLOSE_MARK:
            walk.inline.close()
            continue
        text = text_of(node)
        if text is not None:
            if any(f.role == "pre" for f in walk.frames):
                pieces = text.split("\n")
                walk.inline.add(pieces[0])
                for piece in pieces[1:]:
                    walk.inline.newline()
                    walk.inline.add(piece)
            else:
                walk.inline.add(text)
            continue
        if not isinstance(node, Tag) or id(node) in walk.skip:
            continue
        name = (node.name or "").lower()
        if name in ("img", "picture") and node is not root:
            _image(walk, node, notes)
            continue
        if node is not root and dropped(node):
            continue
        if name in CHROME and not keep_chrome and node is not root:
            continue
        if name == "br":
            _line_break(walk, notes)
            continue
        if name in ("option", "optgroup"):
            walk.inline.add(" ")  # a select's options are separate words
        if node is not root and _embedded(walk, node, name, notes):
            continue
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
            stack.append((node, _CLOSE_BLOCK))
        else:
            mark = mark_of(node, walk.refs)
            if mark is not None:
                walk.inline.open(*mark)
                if mark[0] == "noteref":
                    walk.inline.close()
                    continue  # the reference's label is the note's, shown with it
                stack.append((node, _CLOSE_MARK))
        stack.extend((child, _OPEN) for child in reversed(node.contents))


def _line_break(walk: Walk, notes: Notes) -> None:
    """A ``br``; a second one in a row ends the paragraph, as a blank line does in text (blog posts and
    old pages write paragraphs as text between ``<br><br>``)."""
    frame = _innermost(walk)
    if walk.inline.blank_line and not walk.inline.empty and (frame is None or frame.role == "quote"):
        _flush(walk, notes)
        return
    walk.inline.newline()


def _embedded(walk: Walk, node: Tag, name: str, notes: Notes) -> bool:
    """True when ``node`` became an embedded block (a data table, a figure)."""
    block: Block | None = None
    if name == "table" and data_table(node):
        block = table_of(node, notes, walk.refs)
    elif name == "figure":
        block = figure_of(node, notes, walk.refs)
    if block is None:
        return False
    _flush(walk, notes)
    walk.blocks.append(RawBlock("", hint="embedded", block=block))
    return True


def _image(walk: Walk, node: Tag, notes: Notes) -> None:
    """An image standing alone with alt text: a figure where it stands (an image inside running text
    or a hidden one is left out, as before)."""
    image = node if node.name == "img" else node.find("img")
    if image is None or concealed(node) or concealed(image) or not walk.inline.empty:
        return
    figure = image_of(image, notes)
    if figure is not None:
        _flush(walk, notes)
        walk.blocks.append(RawBlock("", hint="embedded", block=figure))


def _take(walk: Walk, notes: Notes) -> tuple[tuple[str, ...], str, tuple[RawMark, ...]]:
    """The lines, text and marks gathered since the last block boundary; the open marks carry on."""
    following = walk.inline.carry()
    taken = walk.inline.finish(lambda raw: clean(raw, notes))
    walk.inline = following
    return taken


def _flush(walk: Walk, notes: Notes) -> None:
    """The text gathered since the last block boundary, as a block of the innermost frame's kind."""
    lines, text, marks = _take(walk, notes)
    if not lines:
        return
    frame = _innermost(walk)
    role = frame.role if frame is not None else "block"
    quote = next((f for f in reversed(walk.frames) if f.role == "quote"), None)
    if role == "item":
        frame_item = frame
        assert frame_item is not None
        frame_item.parts.append((text, marks))
    elif role == "list" and frame is not None:
        frame.items.append((text, marks, 0))
    elif role in ("headline", "heading", "subtitle"):
        hint: Hint = "headline" if role == "headline" else "heading" if role == "heading" else "subtitle"
        # our writer sets "About …" sections apart as <section class="boilerplate">: say so, not guess
        boiler = hint == "heading" and any(
            f.tag.name == "section" and "boilerplate" in classes(f.tag) for f in walk.frames
        )
        level = _LEVELS.get(frame.tag.name.lower()) if frame is not None and hint == "heading" else None
        walk.blocks.append(
            RawBlock(text, hint=hint, role="boilerplate" if boiler else None, marks=marks, level=level)
        )
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
                lines,
                hint="quote",
                speaker=said[0] if said else None,
                attribution=said[1] if said else None,
                marks=marks,
            )
        )
    else:
        hinted: Hint | None = "paragraph" if walk.structured else None
        walk.blocks.append(RawBlock(text, lines, hint=hinted, marks=marks))


def _innermost(walk: Walk) -> Frame | None:
    """The frame that decides what loose text is: the nearest one that is not a plain block."""
    for frame in reversed(walk.frames):
        if frame.role != "block":
            return frame
    return None


def _finish_item(walk: Walk, frame: Frame, notes: Notes) -> None:
    _flush(walk, notes)
    text, marks = joined(frame.parts)
    frame.parts.clear()
    if not text:
        return
    target = next((f for f in reversed(walk.frames) if f.role == "list"), None)
    if target is not None:
        target.items.append((text, marks, 0))
        return
    # A Word list paragraph (its bullet or number typed into the text) or a stray li:
    # consecutive ones make one list.
    marker = _MARKER.match(text)
    ordered = bool(marker and marker.group(1)[0].isdigit())
    cut = marker.end() if marker and marker.end() < len(text) else 0
    item, item_marks = text[cut:], shifted(marks, cut, len(text))
    last = walk.blocks[-1] if walk.blocks else None
    if last is not None and walk.loose_list == len(walk.blocks) - 1 and last.ordered == ordered:
        items = (*last.items, item)
        walk.blocks[-1] = RawBlock(
            " ".join(items),
            hint="list",
            items=items,
            ordered=ordered,
            item_marks=(*last.item_marks, item_marks),
        )
    else:
        walk.blocks.append(
            RawBlock(item, hint="list", items=(item,), ordered=ordered, item_marks=(item_marks,))
        )
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
        # a nested list: its items one level deeper than the item they sit under
        outer.items.extend((text, marks, level + 1) for text, marks, level in frame.items)
    else:
        walk.blocks.append(
            RawBlock(
                " ".join(text for text, _, _ in frame.items),
                hint="list",
                items=tuple(text for text, _, _ in frame.items),
                ordered=frame.ordered,
                item_marks=tuple(marks for _, marks, _ in frame.items),
                levels=tuple(level for _, _, level in frame.items),
            )
        )
