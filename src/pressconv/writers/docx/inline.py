"""A text and its inline marks as runs: character styles, hyperlinks, line breaks, note references.

Marks are spans over the plain text (``model.Mark``: emphasis, strong, code,
link, and the zero-width break and noteref).  The text is cut at every mark
boundary; each piece becomes one w:r whose character style is the most
specific mark over it (Hyperlink, then HTML Code, Strong, Emphasis, then the
paragraph's own run style such as Dateline), with the other marks as direct
bold or italic; consecutive pieces under one link share a w:hyperlink whose
r:id names an external relationship (one per target); a link Word should not
follow (``javascript:``, a relative reference) keeps its words, unlinked.  A break is a w:br; a
note reference a w:footnoteReference or w:endnoteReference run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from lxml import etree  # type: ignore[import-untyped]

from pressconv.writers.docx.ooxml import XML_SPACE, R, w
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


#: A note id -> ("footnote" | "endnote", its w:id, its own mark or None); None when it is no Word note.
NoteLookup = Callable[[str], tuple[str, int, str | None] | None]

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp", "ftps", "sms", "news"})

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
    if not marks:  # most text: one run, or the dateline's and the rest
        split = head[0] if head is not None and 0 < head[0] < len(text) else 0
        for start, end, piece_style in ((0, split, head[1] if head else None), (split, len(text), None)):
            piece = clean(text[start:end]) if start < end else ""
            if piece:
                run(paragraph, piece, piece_style)
        return
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
        link = next((m for m in reversed(over) if m.kind == "link" and safe_target(m.target)), None)
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
                rel = links.link(safe_target(link.target) or "")
                hyperlink = etree.SubElement(paragraph, w("hyperlink"), {f"{{{R}}}id": rel})
                link_mark = link
            parent = hyperlink
        run(parent, piece, style, bold="strong" in styles, italic="emphasis" in styles)


def safe_target(target: str | None) -> str | None:
    """A link target Word may follow: an absolute address with a known scheme; else None.

    A relative reference or a fragment would point beside the .docx or to a bookmark it does not
    have, and ``javascript:`` and other schemes are not links to follow: their words stay, unlinked.
    """
    if target is None:
        return None
    target = target.strip()
    found = _SCHEME.match(target)
    return target if found is not None and found.group(1).lower() in _SAFE_SCHEMES else None


def _point(paragraph: etree._Element, mark: Span, ids: dict[TextKind, str], notes: NoteLookup) -> None:
    if mark.kind == "break":
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("br"))
    elif mark.kind == "noteref" and mark.target is not None:
        found = notes(mark.target)
        if found is None:
            return
        kind, number, own_mark = found
        element = etree.SubElement(paragraph, w("r"))
        properties = etree.SubElement(element, w("rPr"))
        style: TextKind = "endnote_reference" if kind == "endnote" else "footnote_reference"
        etree.SubElement(properties, w("rStyle"), {w("val"): ids[style]})
        if own_mark is None:
            etree.SubElement(element, w(f"{kind}Reference"), {w("id"): str(number)})
        else:  # the note's own mark follows the reference, and Word does not number it
            attributes = {w("customMarkFollows"): "1", w("id"): str(number)}
            etree.SubElement(element, w(f"{kind}Reference"), attributes)
            etree.SubElement(element, w("t"), {XML_SPACE: "preserve"}).text = own_mark
