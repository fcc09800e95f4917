"""Markdown (#18): links, emphasis, strong, code, breaks, figures, GFM tables, footnotes, nested lists,
heading levels, notes to editors and smart quotes -- read into the model, written to every format, and
read back by the fidelity harness (words in order; link targets, alt text, cells and notes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import fidelity
from pressconv import api
from pressconv.errors import Notes
from pressconv.model import Document, Figure, ListBlock, Paragraph, Quote, Table
from pressconv.options import WriteOptions

FIXTURES = Path(__file__).parent / "fixtures" / "markdown18"
MARKDOWN = sorted(FIXTURES.glob("*.md"))


@cache
def doc(name: str, smart: bool = False) -> Document:
    options = {"smart_quotes": True} if smart else {}
    return api.parse(FIXTURES / name, notes=Notes(), **options)


def marks_of(block: Paragraph | Quote) -> list[tuple[str, str, str | None]]:
    return [(m.kind, block.text[m.start : m.end], m.target) for m in block.marks]


def test_link_and_autolink() -> None:
    (lede,) = doc("link.md").blocks()
    assert isinstance(lede, Paragraph)
    assert marks_of(lede) == [
        ("link", "engineering summary", "https://riverton.example/barrier"),
        ("link", "barrier@riverton.example", "mailto:barrier@riverton.example"),
    ]
    assert "<" not in lede.text and "barrier@riverton.example." in lede.text


def test_emphasis_strong_code_and_hard_break() -> None:
    (block,) = doc("emphasis-and-code.md").blocks()
    assert isinstance(block, Paragraph)
    found = marks_of(block)
    assert ("emphasis", "every", None) in found and ("strong", "reading room", None) in found
    assert ("code", "SUN-8", None) in found
    breaks = [m for m in block.marks if m.kind == "break"]
    assert len(breaks) == 1 and block.text[breaks[0].start :] == "at the mobile library on Tuesdays."


def test_gfm_table() -> None:
    document = doc("table.md")
    (table,) = [b for b in document.blocks() if isinstance(b, Table)]
    assert [c.text for c in table.header[0]] == ["Route", "2025", "2026"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["4 Harbour", "12,400", "14,950"],
        ["9 Hillside", "8,100", "9,020"],
        ["12 Airport", "5,300", "6,875"],
    ]
    assert table.rows[1][2].marks[0].kind == "emphasis"
    assert document.sections[-1].heading == "Ridership by route"


def test_an_image_paragraph_is_a_figure() -> None:
    blocks = doc("figure.md").blocks()
    (figure,) = [b for b in blocks if isinstance(b, Figure)]
    assert figure == Figure(
        alt="A wide mural of fishing boats in a harbour at dawn",
        src="images/mural.jpg",
        caption="The restored harbour mural in the east hall",
    )
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[-1], Paragraph)


def test_footnotes_become_notes_cited_where_they_stand() -> None:
    document = doc("footnotes.md")
    (lede,) = document.blocks()
    assert isinstance(lede, Paragraph)
    refs = [(lede.text[: m.start].split()[-1], m.target) for m in lede.marks if m.kind == "noteref"]
    assert refs == [("days", "fn-1"), ("opened", "fn-opened")]
    assert [(n.id, n.label, n.kind, n.text) for n in document.notes] == [
        ("fn-1", "1", "footnote", "Measured from referral to first appointment, January to March."),
        ("fn-opened", "2", "footnote", "The clinic opened in 2019."),
    ]


def test_nested_list_levels() -> None:
    (lst,) = doc("nested-list.md").blocks()
    assert isinstance(lst, ListBlock)
    assert lst.items == (
        "Music",
        "Brass bands on the quay",
        "A choir in the old church",
        "Food",
        "A harvest market",
        "Boat races",
    )
    assert lst.levels == (0, 1, 1, 0, 1, 0)


def test_heading_levels() -> None:
    sections = doc("heading-levels.md").sections
    assert [(s.heading, s.level) for s in sections] == [
        ("Cargo", 2),
        ("Bulk goods", 3),
        ("Timber", 4),
        ("Passengers", 2),
    ]


def test_numbered_notes_to_editors() -> None:
    document = doc("notes-to-editors.md")
    assert document.notes_heading == "Notes to editors"
    assert [(n.label, n.kind) for n in document.notes] == [("1", "editors"), ("2", "editors")]
    assert document.notes[1].marks[0].target == "https://www.coastal-path.example/photos"
    assert [s.heading for s in document.sections] == [None]


def test_smart_quotes_only_when_asked_and_never_in_code() -> None:
    plain = doc("smart-quotes.md")
    assert plain.headline == 'Mayor "delighted" by turnout -- finally'
    smart = doc("smart-quotes.md", smart=True)
    assert smart.headline == "Mayor “delighted” by turnout – finally"
    (block,) = smart.blocks()
    assert block.text.startswith("“It’s the best turnout since the ’90s,” the mayor said…")
    assert 'The --verbose flag and “code” stay as written in "code".' in block.text


@pytest.mark.parametrize("fmt", fidelity.FORMATS)
@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: p.name)
def test_every_format_carries_every_word_and_structure(path: Path, fmt: str) -> None:
    document = doc(path.name)
    data = api.render([document], fmt, WriteOptions(), Notes())
    fidelity.check_fidelity(document, fmt, data)
    if fmt in fidelity.STRUCTURE_EXTRACTORS:
        fidelity.check_structure(document, fmt, data)
    elif fmt == "docx" and hasattr(fidelity, "docx_structure_problems"):
        assert fidelity.docx_structure_problems(document, data) == []


def test_the_pages_and_book_of_every_fixture_validate(tmp_path: Path) -> None:
    from _epubcheck import problems
    from validators import validate_html

    pages = []
    for path in MARKDOWN:
        out = tmp_path / f"{path.stem}.html"
        out.write_bytes(api.render([doc(path.name)], "html", WriteOptions(), Notes()))
        pages.append(out)
    assert validate_html(pages) == []
    volume = api.render(
        [doc(path.name) for path in MARKDOWN], "epub", WriteOptions(volume_title="Markdown"), Notes()
    )
    assert problems(volume) == []


def test_a_data_uri_image_is_embedded_and_a_bad_one_stays_a_reference() -> None:
    import base64

    from rich_document import png_bytes

    png = base64.b64encode(png_bytes()).decode("ascii")
    document = api.parse(
        f"# Chart\n\nThe figures follow.\n\n![Bars](data:image/png;base64,{png})\n".encode(),
        from_format="markdown",
    )
    (figure,) = [b for b in document.blocks() if isinstance(b, Figure)]
    assert (figure.data, figure.media_type, figure.src, figure.alt) == (
        png_bytes(),
        "image/png",
        None,
        "Bars",
    )
    broken = api.parse(
        b"# Chart\n\nThe figures follow.\n\n![Bars](data:image/png;base64,@@@)\n", from_format="markdown"
    )
    assert not any(isinstance(b, Figure) and b.data for b in broken.blocks())
