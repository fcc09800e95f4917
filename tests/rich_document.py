"""One document holding every element of model version 3, built in code, for the writers' tests.

Every new element appears at least once: emphasis, strong, code, links (web, e-mail, phone, relative and
an unsafe one), line breaks, note references, a nested list, a table with a caption, header row and a
spanning cell, an embedded figure and a referenced one, headings at levels 3 and 4, footnotes, notes to
editors and a structured contact.  The words are this project's own.
"""

from __future__ import annotations

import struct
import zlib

from pressconv.contacts import parse_contact
from pressconv.model import (
    Cell,
    Document,
    Figure,
    ListBlock,
    Mark,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    Quote,
    Section,
    Table,
)


def png_bytes() -> bytes:
    """A valid one-pixel PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x20\x60\xa0"))
        + chunk(b"IEND", b"")
    )


def _at(text: str, words: str, kind: str, target: str | None = None) -> Mark:
    start = text.index(words)
    return Mark(start, start + len(words), kind, target)  # type: ignore[arg-type]


LEDE = (
    "OAKBRIDGE, May 4, 2026 — The Oakbridge Water Board published its annual report today, "
    "and the full report is online."
)
LINKED = (
    "Residents can read the summary in plain language or write to board@oakbridge-water.example "
    "with questions."
)
QUOTE = "“Every pipe we replaced this year was older than the town hall,” said Priya Lund, the board’s chair."
CROSSING = "She added that “the work goes on, street by street,” until the last lead line is gone."
NOTE2 = "Lead lines are counted by service address. See the method online."
CODES = "The rate code RES-2 stays the same.\u00a0Bills arrive as before. Tariff tables follow."
CONTACT = (
    "Media contact:\nTomas Berg, Communications Officer, Oakbridge Water Board\n(415) 555-0172\n"
    "press@oakbridge-water.example"
)


def rich_document() -> Document:
    codes = " ".join(CODES.split())
    crossing_quote = Quotation(CROSSING.index("“"), CROSSING.index("”") + 1, "Priya Lund")
    return Document(
        headline="Oakbridge Water Board reports a record year of pipe renewal",
        headline_marks=(
            _at("Oakbridge Water Board reports a record year of pipe renewal", "record", "emphasis"),
        ),
        subtitle="Lead lines fall below one in a hundred homes",
        dateline="OAKBRIDGE, May 4, 2026 —",
        metadata=Metadata(
            date="2026-05-04",
            contacts=(CONTACT,),
            contact_details=(parse_contact(CONTACT),),
            end_mark="###",
        ),
        sections=(
            Section(
                None,
                (
                    Paragraph(
                        LEDE,
                        marks=(
                            _at(LEDE, "annual report", "strong"),
                            _at(LEDE, "full report", "link", "https://oakbridge-water.example/report-2025"),
                            Mark(LEDE.index(" today"), LEDE.index(" today"), "noteref", "fn1"),
                        ),
                    ),
                    Paragraph(
                        LINKED,
                        marks=(
                            _at(LINKED, "summary", "link", "summary.html"),
                            _at(LINKED, "plain language", "link", "javascript:alert(1)"),
                            _at(
                                LINKED,
                                "board@oakbridge-water.example",
                                "link",
                                "mailto:board@oakbridge-water.example",
                            ),
                        ),
                    ),
                    Quote(
                        QUOTE,
                        "Priya Lund",
                        "said Priya Lund",
                        "the board’s chair",
                        (Quotation(0, QUOTE.index("”") + 1, "Priya Lund"),),
                    ),
                    Paragraph(
                        CROSSING,
                        (crossing_quote,),
                        (
                            _at(CROSSING, "work goes on, street by street,” until", "emphasis"),
                            Mark(len(CROSSING), len(CROSSING), "noteref", "fn2"),
                        ),
                    ),
                    Paragraph(
                        codes,
                        marks=(
                            _at(codes, "RES-2", "code"),
                            Mark(codes.index("Bills"), codes.index("Bills"), "break"),
                        ),
                    ),
                ),
            ),
            Section(
                "Where the work was done",
                (
                    ListBlock(
                        False,
                        ("North district", "Elm Street", "Quarry Lane", "South district"),
                        levels=(0, 1, 1, 0),
                        item_marks=((), (Mark(0, 3, "strong"),), (), ()),
                    ),
                ),
            ),
            Section(
                "Pipes by district",
                (
                    Table(
                        caption="Pipes renewed by district",
                        caption_marks=(Mark(0, 5, "emphasis"),),
                        header=((Cell("District"), Cell("Kilometres"), Cell("Homes")),),
                        rows=(
                            (Cell("North"), Cell("14.2"), Cell("1,310")),
                            (Cell("South"), Cell("9.8"), Cell("870", (Mark(0, 3, "strong"),))),
                            (Cell("Both districts together", colspan=2), Cell("2,180")),
                        ),
                    ),
                ),
                level=3,
            ),
            Section(
                "Photographs",
                (
                    Figure(
                        alt="A trench on Elm Street with new blue pipe laid in it",
                        data=png_bytes(),
                        media_type="image/png",
                        caption="New pipe on Elm Street",
                        credit="Photo: Oakbridge Water Board",
                    ),
                    Figure(
                        alt="A map of the districts", src="maps/districts.png", caption="The two districts"
                    ),
                ),
                level=4,
            ),
            Section(
                "About the Oakbridge Water Board",
                (Paragraph("The board runs the town’s water since 1911."),),
                "boilerplate",
            ),
        ),
        notes=(
            Note("fn1", "1", "The report covers the year to March 31.", kind="footnote"),
            Note(
                "fn2",
                "2",
                NOTE2,
                (
                    Mark(NOTE2.index("See"), NOTE2.index("See"), "break"),
                    _at(
                        NOTE2,
                        "method",
                        "link",
                        "https://oakbridge-water.example/method",
                    ),
                ),
                kind="footnote",
            ),
            Note("ed1", "1", "High-resolution photographs are available on request.", kind="editors"),
            Note("ed2", "2", "The board meets in public on the first Monday of each month.", kind="editors"),
        ),
        notes_heading="Notes to editors:",
    )
