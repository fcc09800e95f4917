"""Inline content for the HTML writer: text with its quotations and marks as nested elements.

``inline`` turns a text and its offset spans (``Quotation``, ``Mark``) into
ElementTree children without adding a character; ``Context`` is what it needs
about the whole article (note numbers, the EPUB's image store).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, TypeAlias

from pressconv.model import Document, Mark, Marks, Quotation

_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_TAGS: dict[str, str] = {"emphasis": "em", "strong": "strong", "code": "code", "link": "a"}
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

ImageStore: TypeAlias = Callable[[bytes, str], str]
"""Given an embedded image's bytes and media type, the ``src`` to refer to it by (the EPUB writer stores
it as a package item and returns its path)."""


def image_type(data: bytes) -> str | None:
    """The media type of PNG, JPEG, GIF, WebP or SVG bytes, judged by their content; else None."""
    for magic, media_type in _IMAGE_MAGIC:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return None


@dataclass(slots=True)
class Context:
    """What rendering one article needs besides the node at hand: note numbers, images, the target."""

    numbers: dict[str, int]
    """``Note.id`` -> the note's number in the document (1, 2, …): its element id."""
    labels: dict[str, str]
    """``Note.id`` -> the label the note shows."""
    refs: dict[int, int] = field(default_factory=dict)
    """Note number -> references rendered so far (the first has id ``ref_N``, later ``ref_N_2`` …)."""
    images: ImageStore | None = None
    """Set for EPUB: embedded images become package items, and links stay absolute."""
    level: int = 1
    """The level of the last heading written (the headline is 1)."""
    show_speaker: bool = False
    """The theme's ``show_speaker``: a "— Name" line after each attributed quote."""

    @property
    def epub(self) -> bool:
        return self.images is not None


def href(ctx: Context, target: str | None) -> str | None:
    """A link target safe to write: a known scheme, or (HTML only) a relative reference; else None."""
    if target is None or not target.strip():
        return None
    target = target.strip()
    scheme = _SCHEME.match(target)
    if scheme is None:
        # A relative reference points beside the page: fine on the web, but a missing package resource
        # (or an undefined fragment) in an EPUB, so there the words stay unlinked.
        return None if ctx.epub else target
    return target if scheme.group(1).lower() in _SAFE_SCHEMES else None


def add_text(parent: ET.Element, text: str, lines: bool = False) -> None:
    """Append ``text`` after whatever ``parent`` holds so far; with ``lines``, newlines become ``br``."""
    if not text:
        return
    if lines and "\n" in text:
        first, *rest = text.split("\n")
        add_text(parent, first)
        for line in rest:
            ET.SubElement(parent, "br")
            add_text(parent, line)
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class _Span(NamedTuple):
    start: int
    end: int
    rank: int  # quotations outside marks of the same extent
    order: int
    tag: str
    attrs: dict[str, str]


def inline(
    ctx: Context,
    element: ET.Element,
    text: str,
    quotations: tuple[Quotation, ...] = (),
    marks: Marks = (),
    lines: bool = False,
) -> None:
    """The text into ``element``, with its direct quotations and inline marks as elements.

    Each quotation is a ``span.quotation`` with its speaker (a piece that
    continues the quotation before it also has the class
    ``quotation-continued``); marks become ``em``, ``strong``, ``code``, ``a``,
    ``br`` and note references.  Only elements are added, never characters of
    the text (a note reference shows its note's label).  Spans that cross are
    split so the markup nests; offsets that do not fit the text are ignored,
    and so is a link whose target is unsafe (``javascript:``).
    """
    n = len(text)
    spans: list[_Span] = []
    points: dict[int, list[Mark]] = {}
    for i, quotation in enumerate(quotations):
        if 0 <= quotation.start < quotation.end <= n:
            classes = "quotation quotation-continued" if quotation.joined else "quotation"
            attrs = {"class": classes}
            if quotation.speaker:
                attrs["data-speaker"] = quotation.speaker
            spans.append(_Span(quotation.start, quotation.end, 0, i, "span", attrs))
    for i, mark in enumerate(marks):
        if mark.kind in ("break", "noteref"):
            if 0 <= mark.start <= n:
                points.setdefault(mark.start, []).append(mark)
            continue
        if not 0 <= mark.start < mark.end <= n:
            continue
        attrs = {}
        if mark.kind == "link":
            target = href(ctx, mark.target)
            if target is None:
                continue
            attrs["href"] = target
        spans.append(_Span(mark.start, mark.end, 1, i, _TAGS[mark.kind], attrs))
    if not spans and not points:
        add_text(element, text, lines)
        return
    spans.sort()
    bounds = sorted({0, n, *points, *(s.start for s in spans), *(s.end for s in spans)})
    stack: list[tuple[_Span, ET.Element]] = []
    active: list[_Span] = []
    waiting = 0
    for index, pos in enumerate(bounds):
        active = [s for s in active if s.end > pos]
        while waiting < len(spans) and spans[waiting].start <= pos:
            active.append(spans[waiting])
            waiting += 1
        active.sort()
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep][0] is active[keep]:
            keep += 1
        del stack[keep:]
        parent = stack[-1][1] if stack else element
        for mark in points.get(pos, ()):
            point(ctx, parent, mark)
        for span in active[keep:]:
            parent = ET.SubElement(parent, span.tag, span.attrs)
            stack.append((span, parent))
        if index + 1 < len(bounds):
            add_text(parent, text[pos : bounds[index + 1]], lines)


def point(ctx: Context, parent: ET.Element, mark: Mark) -> None:
    """A zero-width mark: a line break, or a reference to a note (its label, linked to the note)."""
    if mark.kind == "break":
        ET.SubElement(parent, "br")
        return
    number = ctx.numbers.get(mark.target or "")
    if number is None:
        return  # a reference to no note of this document: nothing to link to
    seen = ctx.refs.get(number, 0) + 1
    ctx.refs[number] = seen
    attrs = {
        "href": f"#note_{number}",
        "id": f"ref_{number}" if seen == 1 else f"ref_{number}_{seen}",
        "class": "noteref",
        "role": "doc-noteref",
    }
    if ctx.epub:
        attrs["epub:type"] = "noteref"
    link = ET.SubElement(parent, "a", attrs)
    ET.SubElement(link, "sup").text = ctx.labels[mark.target or ""]


def context(document: Document, images: ImageStore | None, show_speaker: bool = False) -> Context:
    numbers: dict[str, int] = {}
    labels: dict[str, str] = {}
    for number, note in enumerate(document.notes, start=1):
        numbers.setdefault(note.id, number)
        labels.setdefault(note.id, note.label or str(number))
    return Context(numbers, labels, images=images, show_speaker=show_speaker)
