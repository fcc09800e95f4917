"""Document -> quote sheet: each speaker with their title and their quotations, in order of first quotation.

What press officers and journalists ask for: who said what.  Every direct
quotation of the text is listed once — the quote blocks' and the partial
quotes inside narrative paragraphs — from the model's quotation spans; the
pieces of a quotation split around its attribution, or running over several
paragraphs, are one entry.  Speakers appear in the order they are first
quoted; quotations without a known speaker come last under ``speaker: None``.
Each entry keeps the paragraph(s) it stands in (``text``) and the quoted words
(``quoted``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pressconv.model import Document, Paragraph, Quote


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quotation on the sheet."""

    text: str
    """The paragraph(s) the quotation stands in, as written (several joined by a newline)."""
    quoted: str
    """Only the words inside quotation marks, the marks included, pieces joined by a space."""
    attribution: str | None
    """The attribution clause of a quote block, as written."""
    section: str | None
    """Heading of the section the quotation starts in (None for the opening section)."""
    kind: str = "quote"
    """``quote`` when it stands in a quote block, ``partial`` inside a narrative paragraph."""


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """A speaker and everything they are quoted as saying."""

    speaker: str | None
    """Full name; None collects the quotations no speaker could be found for."""
    title: str | None
    """The speaker's title on first reference."""
    quotes: tuple[QuoteEntry, ...]
    """Their quotations, in document order."""


@dataclass(slots=True)
class _Open:
    speaker: str | None
    texts: list[str]
    pieces: list[str]
    attribution: str | None
    section: str | None
    kind: str


def quote_sheet(document: Document) -> list[SpeakerQuotes]:
    """The document's quotations grouped by speaker, speakers in order of their first quotation."""
    entries: list[_Open] = []
    titles: dict[str | None, str | None] = {}
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, (Paragraph, Quote)):
                continue
            attribution = block.attribution if isinstance(block, Quote) else None
            kind = "quote" if isinstance(block, Quote) else "partial"
            if isinstance(block, Quote) and block.speaker and titles.get(block.speaker) is None:
                titles[block.speaker] = block.speaker_title
            for quotation in block.quotations:
                piece = block.text[quotation.start : quotation.end].strip()
                if quotation.joined and entries:
                    current = entries[-1]
                    if current.texts[-1] is not block.text:
                        current.texts.append(block.text)
                    current.pieces.append(piece)
                    current.attribution = current.attribution or attribution
                    continue
                entries.append(
                    _Open(quotation.speaker, [block.text], [piece], attribution, section.heading, kind)
                )
    order: list[str | None] = []
    grouped: dict[str | None, list[QuoteEntry]] = {}
    for entry in entries:
        if entry.speaker not in grouped:
            order.append(entry.speaker)
            grouped[entry.speaker] = []
        grouped[entry.speaker].append(
            QuoteEntry(
                "\n".join(entry.texts), " ".join(entry.pieces), entry.attribution, entry.section, entry.kind
            )
        )
    if None in order:
        order.remove(None)
        order.append(None)
    return [SpeakerQuotes(name, titles.get(name), tuple(grouped[name])) for name in order]


def quote_sheet_to_dict(sheet: list[SpeakerQuotes]) -> list[dict[str, Any]]:
    """The sheet as JSON-ready data."""
    return [
        {
            "speaker": item.speaker,
            "title": item.title,
            "quotes": [
                {
                    "text": q.text,
                    "quoted": q.quoted,
                    "attribution": q.attribution,
                    "section": q.section,
                    "kind": q.kind,
                }
                for q in item.quotes
            ],
        }
        for item in sheet
    ]


def to_json(sheet: list[SpeakerQuotes]) -> list[dict[str, Any]]:
    """The sheet as JSON-ready data (the name the CLI uses)."""
    return quote_sheet_to_dict(sheet)


def format_quote_sheet(sheet: list[SpeakerQuotes], headline: str | None = None) -> str:
    """The sheet as plain text: one block per speaker, their quotes numbered."""
    lines: list[str] = []
    if headline:
        lines += [f"Quote sheet: {headline}", ""]
    if not sheet:
        lines.append("No quotes.")
    for item in sheet:
        name = item.speaker or "Unattributed"
        count = len(item.quotes)
        lines.append(f"{name}, {item.title} ({count})" if item.title else f"{name} ({count})")
        for number, entry in enumerate(item.quotes, start=1):
            where = f"  [{entry.section}]" if entry.section else ""
            lines.append(f"  {number}. {entry.quoted}{where}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
