"""The HTML reader keeps links, emphasis, code, breaks, tables, figures, notes, heading levels, nesting."""

from __future__ import annotations

from pathlib import Path

from pressconv.errors import Notes
from pressconv.model import Document, Figure, ListBlock, Mark, Paragraph, Quote, Table
from pressconv.options import ReadOptions
from pressconv.readers.html import read

FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "html"


def parse(name: str) -> Document:
    return read((FIXTURES / name).read_bytes(), ReadOptions(), Notes(), name)


def page(body: str) -> Document:
    return read(f"<html><body><article>{body}</article></body></html>".encode(), ReadOptions(), Notes(), None)


def marked(text: str, marks: tuple[Mark, ...]) -> list[tuple[str, str, str | None]]:
    return [(m.kind, text[m.start : m.end], m.target) for m in marks]


def test_links_emphasis_strong_code_and_breaks() -> None:
    document = parse("inline-marks.html")
    assert document.headline == "City Publishes Its First Water Quality Report"
    assert marked(document.headline, document.headline_marks) == [("emphasis", "First", None)]
    lede, tools, quote = document.blocks()[:3]
    assert isinstance(lede, Paragraph) and isinstance(tools, Paragraph) and isinstance(quote, Quote)
    assert marked(lede.text, lede.marks) == [
        ("link", "its first water quality report", "https://water.example.org/report-2025.pdf"),
        ("strong", "all 14 treatment sites", None),
        ("emphasis", "every", None),
    ]
    assert tools.text == (
        "Residents can look up their street with the lookup tool or call the help line."
        " The line is open on weekdays."
    )
    assert marked(tools.text, tools.marks) == [("code", "lookup", None), ("break", "", None)]
    assert tools.marks[1].start == tools.text.index("The line")
    assert quote.speaker == "Priya Nand"
    assert marked(quote.text, quote.marks) == [("strong", "a measurement", None)]


def test_marks_in_headings_and_list_items_and_links_that_are_not_links() -> None:
    document = parse("inline-marks.html")
    section = document.sections[1]
    assert section.heading == "Where to read more"
    assert marked(section.heading, section.heading_marks) == [("emphasis", "read more", None)]
    listed = section.blocks[0]
    assert isinstance(listed, ListBlock)
    assert listed.items[1] == "The full data set, opened in a viewer"
    assert [marked(item, listed.marks(i)) for i, item in enumerate(listed.items)] == [
        [("link", "two-page summary", "https://water.example.org/summary")],
        [],  # javascript: is no target
        [],  # a #fragment of the page is no target once the page is converted
    ]


def test_a_mark_follows_its_words_when_the_rules_cut_the_block() -> None:
    # no section headings: the plain-text rules split the glued heading line off this paragraph
    document = page(
        "<h1>Utility Fits Leak Sensors Across the City</h1>"
        "<p>SPRINGFIELD — The utility fitted sensors to its water mains this year.</p>"
        "<p><b>Why it matters</b><br>Leaks waste a fifth of the water the city treats, and the sensors find"
        " them within hours instead of weeks, according to <a href='https://u.example/r'>the report</a>"
        " the utility published on Tuesday morning.</p>"
    )
    heading = next(s for s in document.sections if s.heading == "Why it matters")
    assert marked(heading.heading or "", heading.heading_marks) == [("strong", "Why it matters", None)]
    body = heading.blocks[0]
    assert isinstance(body, Paragraph)
    assert marked(body.text, body.marks) == [("link", "the report", "https://u.example/r")]


def test_a_data_table_is_one_table_with_header_caption_and_spans() -> None:
    document = parse("table.html")
    tables = [b for b in document.blocks() if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert table.caption == "Results for the quarter, in millions of pounds"
    assert marked(table.caption, table.caption_marks) == [("emphasis", "millions", None)]
    assert [[c.text for c in row] for row in table.header] == [["Measure", "Q2 2025", "Q2 2024"]]
    assert [[c.text for c in row] for row in table.rows[:2]] == [
        ["Revenue", "412.5", "371.6"],
        ["Operating profit", "38.2", "30.9"],
    ]
    assert marked(table.rows[1][1].text, table.rows[1][1].marks) == [("strong", "38.2", None)]
    note = table.rows[2][0]
    assert note.colspan == 3
    assert marked(note.text, note.marks) == [("link", "the full statement", "https://ir.example.com/q2")]
    kinds = [type(b).__name__ for b in document.blocks()]
    assert kinds[:3] == ["Paragraph", "Table", "Paragraph"]  # the table stands where it stood


def test_a_layout_table_stays_text() -> None:
    document = parse("table.html")
    words = " ".join(
        [s.heading or "" for s in document.sections]
        + [b.text for b in document.blocks() if isinstance(b, Paragraph)]
    )
    assert "Registered in England" in words and "1 Dock Road" in words


def test_header_rows_of_th_cells_without_a_thead_and_a_one_cell_table_as_text() -> None:
    document = page(
        "<h1>Opening hours change</h1><p>The museum changes its hours from June onwards.</p>"
        "<table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday</td><td>closed</td></tr></table>"
        "<table><tr><td>Tickets at the door only, no booking.</td></tr></table>"
    )
    table = next(b for b in document.blocks() if isinstance(b, Table))
    assert [[c.text for c in row] for row in table.header] == [["Day", "Hours"]]
    assert [[c.text for c in row] for row in table.rows] == [["Monday", "closed"]]
    assert document.blocks()[-1] == Paragraph("Tickets at the door only, no booking.")


def test_figures_with_alt_caption_credit_and_embedded_bytes() -> None:
    document = parse("figures.html")
    figures = [b for b in document.blocks() if isinstance(b, Figure)]
    assert [f.alt for f in figures] == [
        "Two nurses water plants in a roof garden beside the ward",
        "Floor plan of the new ward with forty beds",
        "The hospital logo",
    ]
    first, plan, logo = figures
    assert first.src == "images/ward-garden.jpg"
    assert first.caption == "The roof garden was planted by local schools."
    assert marked(first.caption, first.caption_marks) == [("emphasis", "local schools", None)]
    assert first.credit == "Photo: Lena Ortiz"
    assert plan.src == "images/floor-plan.png" and plan.caption is None
    assert logo.src is None and logo.media_type == "image/png"
    assert logo.data is not None and logo.data.startswith(b"\x89PNG\r\n\x1a\n") and len(logo.data) > 50
    # a decorative image (alt="") in running text and a tracking pixel are no figures; the text stays
    assert Paragraph("Families can visit at any hour.") in document.blocks()
    assert not any("tracking" in f.alt for f in figures)


def test_a_figure_with_words_beside_the_image_is_read_as_text() -> None:
    document = page(
        "<h1>Bridge repaired</h1><p>The old bridge reopened to traffic on Monday after repairs.</p>"
        "<figure><img src='b.jpg' alt='The bridge'><p>Engineers replaced every one of the old bolts.</p>"
        "<figcaption>The bridge at dawn</figcaption></figure>"
    )
    texts = [b.text for b in document.blocks() if isinstance(b, Paragraph)]
    assert "Engineers replaced every one of the old bolts." in texts
    assert "The bridge at dawn" in texts


def test_footnotes_become_notes_with_zero_width_references() -> None:
    document = parse("footnotes.html")
    lede, second, third = document.blocks()
    assert isinstance(lede, Paragraph) and isinstance(second, Paragraph) and isinstance(third, Paragraph)
    assert "lane, a survey" in lede.text  # the reference's "1" is not a word of the text
    ref = lede.marks[0]
    assert (ref.kind, ref.start, ref.end, ref.target) == (
        "noteref",
        lede.text.index(" a survey"),
        ref.start,
        "fn1",
    )
    assert second.marks == (Mark(len(second.text), len(second.text), "noteref", "fn2"),)
    assert third.marks == (Mark(len(third.text), len(third.text), "noteref", "note-a"),)
    assert [(n.id, n.label, n.kind) for n in document.notes] == [
        ("fn1", "1", "footnote"),  # HTML has no page foot: a doc-endnotes list holds footnotes
        ("fn2", "2", "footnote"),
        ("note-a", "a", "footnote"),
    ]
    first = document.notes[0]
    assert first.text == "Of 2,400 people asked in March, by an independent pollster."  # no back-link arrow
    assert marked(first.text, first.marks) == [
        ("link", "an independent pollster", "https://survey.example.org")
    ]
    words = " ".join(b.text for b in document.blocks() if isinstance(b, Paragraph))
    assert "busiest corridors" not in words  # the aside's words are the note's, once


def test_heading_levels_and_nested_lists() -> None:
    document = parse("levels.html")
    assert [(s.heading, s.level) for s in document.sections] == [
        (None, 2),
        ("Music", 2),
        ("Main stage", 3),
        ("Saturday", 4),
        ("Late set", 4),  # h5 and h6 are level 4
        ("Getting there", 2),
    ]
    listed = document.sections[-1].blocks[0]
    assert isinstance(listed, ListBlock) and listed.ordered
    assert listed.items == ("By ferry", "From Aberdeen", "Overnight sailing", "From Scrabster", "By air")
    assert listed.levels == (0, 1, 2, 1, 0)


def test_a_link_around_a_block_carries_into_it() -> None:
    document = page(
        "<h1>Annual report out</h1><p>The charity published its annual report today, in full.</p>"
        "<a href='https://c.example/report'><p>Read the annual report</p></a>"
    )
    last = document.blocks()[-1]
    assert isinstance(last, Paragraph)
    assert marked(last.text, last.marks) == [("link", "Read the annual report", "https://c.example/report")]


def test_endnotes_by_class_and_notes_to_editors() -> None:
    document = page(
        "<h1>Library extends its hours</h1>"
        "<p>The library opens until ten from Monday.<a href='#e1'>i</a></p>"
        "<ol class='endnotes'><li id='e1'>Except on public holidays.</li></ol>"
        "<section class='notes-to-editors'><h2>Notes for editors</h2><ol class='notes'>"
        "<li>Photographs are available.</li><li value='7'>The library was founded in 1901.</li>"
        "</ol></section>"
    )
    assert [(n.kind, n.label, n.text) for n in document.notes] == [
        ("endnote", "i", "Except on public holidays."),
        ("editors", "1", "Photographs are available."),
        ("editors", "7", "The library was founded in 1901."),
    ]
    assert document.notes_heading == "Notes for editors"
    assert [s.heading for s in document.sections] == [None]


def test_a_page_that_is_one_table_is_that_table() -> None:
    rows = "".join(f"<tr><td>Site {n}</td><td>{n * 12}</td><td>open</td></tr>" for n in range(1, 8))
    markup = "<table><caption><p>Sites and their staff</p></caption><thead><tr><th>Site</th><th>Staff</th>"
    markup += f"<th>Status</th></tr></thead><tbody>{rows}</tbody></table>"
    document = read(markup.encode(), ReadOptions(), Notes(), None)
    assert len(document.blocks()) == 1
    table = document.blocks()[0]
    assert isinstance(table, Table)
    assert table.caption == "Sites and their staff"
    assert len(table.header) == 1 and len(table.rows) == 7
    assert table.rows[-1][1].text == "84"


def test_word_exported_footnotes() -> None:
    document = parse("word-footnotes.html")
    lede = document.blocks()[0]
    assert isinstance(lede, Paragraph)
    assert "collection, which holds" in lede.text  # the reference's "[1]" is the note's label
    assert lede.marks == (Mark(lede.text.index(", which"), lede.text.index(", which"), "noteref", "_ftn1"),)
    assert [(n.id, n.label, n.text, n.kind) for n in document.notes] == [
        ("_ftn1", "1", "The grant comes from a national heritage fund.", "footnote")
    ]
    assert "heritage fund" not in " ".join(b.text for b in document.blocks() if isinstance(b, Paragraph))
