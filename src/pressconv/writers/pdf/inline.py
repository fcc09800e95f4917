"""Inline marks -> Paragraph markup: emphasis, strong, code in the embedded faces, links, breaks, note refs.

A block's text stays the model's plain words; its marks are spans over it (``model.Mark``).
``render`` cuts the text at every mark boundary and sets each piece in the face its marks ask
for (strong -> bold, emphasis -> italic, code -> the monospaced family), named explicitly with
``<font name=…>`` so no font family has to be registered with reportlab.  A link becomes one
``<a href>`` around its pieces (reportlab draws the link annotation; the canvas tags it); a line
break becomes ``<br/>``; a note reference its label, raised.  Characters still go through the
per-character font fallback of the face they are set in (``plain``).

``keep_amounts_together`` puts a no-break space inside a currency amount and its unit word
("$40 million", "USD 12"): reportlab never breaks a line there, and text extraction reads the
no-break space as a space, so the words are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from pressconv import lazy_re
from pressconv.model import Mark, Marks
from pressconv.writers.pdf.fonts import Face, FontSet
from pressconv.writers.pdf.paragraph import escape

#: Links are told apart from the words around them by colour (the theme's primary, as headings use).
LINK_COLOR = "#1f4e79"

#: Link targets drawn as link annotations; anything else (javascript:, data:, relative paths) stays text.
LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:", "ftp://")

_CODE = r"(?:US\$|USD|EUR|GBP|CHF|JPY|CAD|AUD|NZD|INR|CNY|RMB|SEK|NOK|DKK)"
_UNIT = r"(?:million|billion|trillion|thousand|bn|mn|m|k)\b"
_AMOUNT_UNIT = lazy_re.compile(rf"((?:[$€£¥₹]|\b{_CODE}[ ]?)\d[\d.,]*)[ ](?={_UNIT})", re.IGNORECASE)
_CODE_AMOUNT = lazy_re.compile(rf"\b({_CODE})[ ](?=\d)")
_DIGIT = re.compile(r"\d")


def keep_amounts_together(text: str) -> str:
    """``text`` with a no-break space between a currency amount and its unit word, and a code and its
    amount; the same length, so mark offsets still hold."""
    if _DIGIT.search(text) is None:  # both patterns need a digit (a scan in C, not a loop per character)
        return text
    text = _AMOUNT_UNIT.sub("\\1\xa0", text)
    return _CODE_AMOUNT.sub("\\1\xa0", text)


def clip(marks: Marks, start: int, end: int, *, last: bool) -> Marks:
    """The marks over ``text[start:end]``, shifted to it (zero-width ones at ``end`` only when ``last``)."""
    clipped: list[Mark] = []
    for mark in marks:
        if mark.start == mark.end:
            if start <= mark.start < end or (last and mark.start == end):
                clipped.append(Mark(mark.start - start, mark.end - start, mark.kind, mark.target))
        elif mark.start < end and mark.end > start:
            clipped.append(
                Mark(max(mark.start, start) - start, min(mark.end, end) - start, mark.kind, mark.target)
            )
    return tuple(clipped)


def link_target(mark: Mark) -> str | None:
    """The URL a link mark is drawn with, or None when it is not one the PDF should open."""
    target = (mark.target or "").strip()
    return target if target.lower().startswith(LINK_SCHEMES) else None


def _attribute(value: str) -> str:
    return escape(value).replace('"', "&quot;")


def render(
    text: str,
    face: Face,
    marks: Marks,
    *,
    fonts: FontSet,
    plain: Callable[[str, Face], str],
    labels: Mapping[str, str],
    links: dict[str, str] | None = None,
    link_color: str = LINK_COLOR,
) -> str:
    """Markup for ``text`` in ``face`` with its ``marks``; ``plain`` makes the markup of unmarked text.

    ``labels`` gives each note id its label; ``links`` (when given) collects each link target with
    the words it is drawn on, for the annotation's alternate text.
    """
    if not marks:
        return plain(text, face)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    parts: list[str] = []
    open_link: str | None = None

    def set_link(url: str | None) -> None:
        nonlocal open_link
        if url == open_link:
            return
        if open_link is not None:
            parts.append("</a>")
        if url is not None:
            parts.append(f'<a href="{_attribute(url)}" color="{link_color}">')
        open_link = url

    for a, b in zip(cuts, [*cuts[1:], None], strict=True):
        for mark in marks:  # zero-width marks standing at this cut
            if mark.start == mark.end == a:
                if mark.kind == "break":
                    parts.append("<br/>")
                elif mark.kind == "noteref" and (label := labels.get(mark.target or "")) is not None:
                    set_link(None)
                    parts.append(f"<super>{plain(label, face)}</super>")
        if b is None or b == a:
            continue
        active = [m for m in marks if m.start <= a and b <= m.end and m.start < m.end]
        bold = face.bold or any(m.kind == "strong" for m in active)
        italic = face.italic or any(m.kind == "emphasis" for m in active)
        code = any(m.kind == "code" for m in active)
        family = (fonts.mono or fonts.sans) if code else fonts.family_of(face)
        styled = family.style(bold, italic)
        chunk = plain(text[a:b], styled)
        if styled.name != face.name:
            chunk = f'<font name="{styled.name}">{chunk}</font>'
        link = next((m for m in reversed(active) if m.kind == "link" and link_target(m)), None)
        url = link_target(link) if link is not None else None
        set_link(url)
        if link is not None and url is not None and links is not None:
            links.setdefault(url, " ".join(text[link.start : link.end].split()))
        parts.append(chunk)
    set_link(None)
    return "".join(parts)
