"""Document -> quote sheet: each speaker with their title and their quotes, in order of first quote.

What press officers and journalists ask for: who said what.  Speakers appear
in the order they are first quoted; quotes without a known speaker come last
under ``speaker: None``.  Each quote keeps its whole paragraph (``text``) and
the words inside the quotation marks (``quoted``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pressconv.model import Document, Quote
from pressconv.readers._quotes import scan, style_of


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quote on the sheet."""

    text: str
    """The whole paragraph as written, attribution included."""
    quoted: str
    """Only the words inside quotation marks, the marks included, pieces joined by a space."""
    attribution: str | None
    """The attribution clause as written."""
    section: str | None
    """Heading of the section the quote stands in (None for the opening section)."""


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    """A speaker and everything they are quoted as saying."""

    speaker: str | None
    """Full name; None collects the quotes no speaker could be found for."""
    title: str | None
    """The speaker's title on first reference."""
    quotes: tuple[QuoteEntry, ...]
    """Their quotes, in document order."""


def quote_sheet(document: Document) -> list[SpeakerQuotes]:
    """The document's quotes grouped by speaker, speakers in order of their first quote."""
    quotes = [(section.heading, block) for section in document.sections for block in section.blocks]
    only_quotes = [(heading, block) for heading, block in quotes if isinstance(block, Quote)]
    style = style_of(block.text for _, block in only_quotes)
    order: list[str | None] = []
    grouped: dict[str | None, list[QuoteEntry]] = {}
    titles: dict[str | None, str | None] = {}
    for heading, block in only_quotes:
        spans, _, _ = scan(block.text, style)
        quoted = " ".join(block.text[start:end].strip() for start, end in spans) or block.text
        entry = QuoteEntry(block.text, quoted, block.attribution, heading)
        if block.speaker not in grouped:
            order.append(block.speaker)
            grouped[block.speaker] = []
            titles[block.speaker] = None
        grouped[block.speaker].append(entry)
        if titles[block.speaker] is None and block.speaker_title:
            titles[block.speaker] = block.speaker_title
    if None in order:
        order.remove(None)
        order.append(None)
    return [SpeakerQuotes(name, titles[name], tuple(grouped[name])) for name in order]


def quote_sheet_to_dict(sheet: list[SpeakerQuotes]) -> list[dict[str, Any]]:
    """The sheet as JSON-ready data."""
    return [
        {
            "speaker": item.speaker,
            "title": item.title,
            "quotes": [
                {"text": q.text, "quoted": q.quoted, "attribution": q.attribution, "section": q.section}
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
