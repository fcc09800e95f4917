"""A text and its inline marks as runs: character styles, hyperlinks, line breaks, note references.

Marks are spans over the plain text (``model.Mark``: emphasis, strong, code,
link, and the zero-width break and noteref).  The text is cut at every mark
boundary; each piece becomes one w:r whose character style is the most
specific mark over it (Hyperlink, then HTML Code, Strong, Emphasis, then the
paragraph's own run style such as Dateline), with the other marks as direct
bold or italic; consecutive pieces under one link share a w:hyperlink whose
r:id names an external relationship (one per target).  A break is a w:br; a
note reference a w:footnoteReference or w:endnoteReference run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from lxml import etree  # type: ignore[import-untyped]

from pressconv.writers.docx.ooxml import R, w
from pressconv.writers.docx.relations import Relations
from pressconv.writers.docx.runs import run
from pressconv.writers.docx.styles import TextKind


class Span(Protocol):
    """What the writer reads of an inline mark (``model.Mark`` is one)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def target(self) -> str | None: ...


#: A note id -> ("footnote" | "endnote", the w:id it has in its part); None when it is not a real note.
NoteLookup = Callable[[str], tuple[str, int] | None]

_STYLED: tuple[TextKind, ...] = ("code", "strong", "emphasis")


def render(
    paragraph: etree._Element,
    text: str,
    marks: Sequence[Span],
    ids: dict[TextKind, str],
    links: Relations,
    notes: NoteLookup,
    clean: Callable[[str], str],
    *,
    head: tuple[int, str] | None = None,
) -> None:
    """Append ``text`` with its ``marks`` to ``paragraph`` as runs.

    ``ids`` are the style ids by kind of text; ``head`` is (length, style id) of a prefix that wears
    a run style of its own (the dateline); ``clean`` strips what XML cannot carry, piece by piece.
    """
    spans = [m for m in marks if 0 <= m.start <= m.end <= len(text)]
    cuts = {0, len(text)}
    for mark in spans:
        cuts.update((mark.start, mark.end))
    if head is not None and 0 < head[0] < len(text):
        cuts.add(head[0])
    points = sorted(cuts)
    hyperlink: etree._Element | None = None
    link_mark: Span | None = None
    for index, start in enumerate(points):
        for mark in spans:  # zero-width marks stand before the text that follows them
            if mark.start == mark.end == start:
                hyperlink = link_mark = None
                _point(paragraph, mark, ids, notes)
        if index + 1 == len(points):
            break
        end = points[index + 1]
        piece = clean(text[start:end])
        if not piece:
            continue
        over = [m for m in spans if m.start <= start and end <= m.end and m.start < m.end]
        link = next((m for m in reversed(over) if m.kind == "link" and m.target), None)
        kinds = {m.kind for m in over}
        styles = [kind for kind in _STYLED if kind in kinds]
        head_style = head[1] if head is not None and end <= head[0] else None
        if link is not None:
            style: str | None = ids["hyperlink"]
        elif styles:
            style = ids[styles.pop(0)]
        else:
            style = head_style
        if link is None:
            hyperlink = link_mark = None
            parent = paragraph
        else:
            if hyperlink is None or link_mark is not link:
                target = link.target or ""
                if target.startswith("#"):  # a place in this document: a bookmark, not a relationship
                    hyperlink = etree.SubElement(paragraph, w("hyperlink"), {w("anchor"): target[1:]})
                else:
                    rel = links.link(target)
                    hyperlink = etree.SubElement(paragraph, w("hyperlink"), {f"{{{R}}}id": rel})
                link_mark = link
            parent = hyperlink
        run(parent, piece, style, bold="strong" in styles, italic="emphasis" in styles)


def _point(paragraph: etree._Element, mark: Span, ids: dict[TextKind, str], notes: NoteLookup) -> None:
    if mark.kind == "break":
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("br"))
    elif mark.kind == "noteref" and mark.target is not None:
        found = notes(mark.target)
        if found is None:
            return
        kind, number = found
        element = etree.SubElement(paragraph, w("r"))
        properties = etree.SubElement(element, w("rPr"))
        style: TextKind = "endnote_reference" if kind == "endnote" else "footnote_reference"
        etree.SubElement(properties, w("rStyle"), {w("val"): ids[style]})
        etree.SubElement(element, w(f"{kind}Reference"), {w("id"): str(number)})
