"""The Markdown reader: headline, sections, quotes, lists, front matter, plain inline text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressconv.errors import EmptyInputError, Notes, PressconvError
from pressconv.model import Cell, Document, ListBlock, Mark, Paragraph, Quotation, Quote, Table
from pressconv.options import ReadOptions
from pressconv.readers.markdown import read, read_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def parse(text: str) -> Document:
    return read_markdown(text, ReadOptions(), Notes(), source_path="notes.md")


def test_notes_fixture() -> None:
    document = read((FIXTURES / "notes.md").read_bytes(), ReadOptions(), Notes(), "notes.md")
    meta = document.metadata
    assert document.headline == "Acme opens a new plant"  # from the front matter
    assert (meta.byline, meta.date, meta.release, meta.end_mark) == (
        "Jane Doe",
        "2024-10-28",
        "FOR IMMEDIATE RELEASE",
        "###",  # a bare ### is the end mark, not an empty heading
    )
    assert [(s.heading, s.role) for s in document.sections] == [
        (None, "body"),
        ("Highlights", "body"),
        ("About Acme", "boilerplate"),
    ]
    lede = document.sections[0].blocks[0]
    # Emphasis, strong and links keep their words as text, the markup as marks over them.
    text = "SPRINGFIELD, Oct. 28, 2024 — Acme Corp. today opened its new plant in Springfield."
    assert lede == Paragraph(
        text,
        marks=(
            Mark(text.index("today"), text.index("today") + 5, "emphasis"),
            Mark(text.index("new"), text.index("new") + 3, "strong"),
            Mark(text.index("Springfield."), len(text) - 1, "link", "https://example.com"),
        ),
    )
    assert document.dateline == "SPRINGFIELD, Oct. 28, 2024 —"
    highlights = document.sections[1].blocks
    nested = ListBlock(False, ("300 new jobs", "Solar roof", "nested point"), ("-", "-", "*"), (0, 0, 1))
    assert highlights[0] == nested
    assert highlights[1] == ListBlock(True, ("first", "second"), ("1.", "2."))
    quote = highlights[2]
    assert isinstance(quote, Quote) and quote.speaker == "Tom Brown"


def test_hash_headline_and_sections() -> None:
    document = parse(
        "# Council Approves Park\n\nThe council voted on Monday for the park.\n\n"
        "## Next Steps\n\nWork starts in spring.\n\n### Costs\n\nIt costs $2 million.\n\n"
        "# Appendix\n\nMore.\n"
    )
    assert document.headline == "Council Approves Park" and not document.headline_derived
    assert [s.heading for s in document.sections] == [None, "Next Steps", "Costs", "Appendix"]


def test_blockquote_paragraphs_are_quotes_even_when_short() -> None:
    document = parse(
        "# Title Here\n\nSome opening text of the release.\n\n> Short.\n>\n> “Longer,” she said.\n"
    )
    blocks = document.blocks()
    assert [type(b) for b in blocks] == [Paragraph, Quote, Quote]


def test_without_marked_headings_the_plain_text_rules_decide() -> None:
    document = parse(
        "Council Approves Park\n\nThe council voted on Monday to build the park.\n\n"
        "Next Steps\n\nWork starts in the spring and lasts two years.\n"
    )
    assert document.headline == "Council Approves Park"
    assert [s.heading for s in document.sections] == [None, "Next Steps"]


def test_a_marked_headline_alone_leaves_headings_to_the_rules() -> None:
    document = parse(
        "# Council Approves Park\n\nThe council voted on Monday to build the park.\n\n"
        "Next Steps\n\nWork starts in the spring and lasts two years.\n"
    )
    assert [s.heading for s in document.sections] == [None, "Next Steps"]


def test_marked_sections_keep_other_short_lines_as_paragraphs() -> None:
    document = parse(
        "## Section One\n\nA sentence of body text here.\n\nShort line\n\nMore body text follows.\n"
    )
    assert [s.heading for s in document.sections] == ["Section One"]
    assert Paragraph("Short line") in document.blocks()


def test_inline_code_html_and_code_blocks_keep_words() -> None:
    document = parse(
        "## Notes\n\nRun `pressconv` with <b>care</b> and **bold** _words_.\n\n```\nline one\nline two\n```\n"
    )
    texts = [b.text for b in document.blocks() if isinstance(b, Paragraph)]
    assert texts == ["Run pressconv with care and bold words.", "line one line two"]


def test_straight_quotes_are_kept_as_written() -> None:
    document = parse('## Quotes\n\n"Straight quotes stay straight," Smith said.\n')
    quote = document.blocks()[0]
    assert isinstance(quote, Quote) and quote.text.startswith('"Straight')


@pytest.mark.parametrize("text", ["", "   \n\n", "---\ntitle:\n---\n"])
def test_empty_markdown_is_an_error(text: str) -> None:
    with pytest.raises(EmptyInputError):
        parse(text)


@pytest.mark.parametrize(
    "text",
    ["> " * 5000 + "deep words\n", "".join("  " * i + f"- item {i}\n" for i in range(12))],
    ids=["quotes", "lists"],
)
def test_nesting_markdown_it_would_truncate_is_a_clear_error(text: str) -> None:
    with pytest.raises(PressconvError, match="nested"):
        parse("# Deep\n\nSome body text first.\n\n" + text)


def test_ordinary_nesting_keeps_every_word() -> None:
    document = parse("# Deep\n\nSome body text first.\n\n" + "> " * 5 + "deep words\n")
    # a quote block without quotation marks is one quotation, the whole text
    assert document.blocks()[-1] == Quote("deep words", quotations=(Quotation(0, 10),))


def test_a_table_is_a_table_with_its_header_row_and_cell_marks() -> None:
    document = parse(
        "## Results\n\nThe figures for the year follow.\n\n"
        "| Region | Jobs |\n| --- | ---: |\n| North | 120 |\n| *South* | 80 |\n\nMore text after the table.\n"
    )
    blocks = document.blocks()
    assert blocks[1] == Table(
        rows=((Cell("North"), Cell("120")), (Cell("South", (Mark(0, 5, "emphasis"),)), Cell("80"))),
        header=((Cell("Region"), Cell("Jobs")),),
    )
    assert blocks[2] == Paragraph("More text after the table.")
