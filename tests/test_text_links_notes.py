"""Plain text (#18): bare addresses become links, numbered notes to editors become notes, and the
``smart_quotes`` option gives typographic punctuation only when asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pressconv import api, serialize
from pressconv.cli import cli
from pressconv.errors import Notes
from pressconv.identifier import content_identifier
from pressconv.model import Document, ListBlock, Paragraph
from pressconv.options import WriteOptions
from pressconv.readers.text import read_text
from pressconv.writers import html

FIXTURES = Path(__file__).parent / "fixtures" / "text18"


def _read(name: str, **options: object) -> Document:
    return api.parse(FIXTURES / name, **options)


def _links(document: Document) -> list[tuple[str, str | None]]:
    found = []
    for block in document.blocks():
        if isinstance(block, Paragraph):
            found += [(block.text[m.start : m.end], m.target) for m in block.marks if m.kind == "link"]
    return found


def test_bare_web_and_email_addresses_become_links() -> None:
    document = _read("links-and-notes.txt")
    assert _links(document) == [
        ("https://harbourside-library.example/ebikes", "https://harbourside-library.example/ebikes"),
        ("lending@harbourside-library.example", "mailto:lending@harbourside-library.example"),
        ("www.harbourside-library.example/book", "https://www.harbourside-library.example/book"),
    ]
    # the text itself is unchanged: the marks only say where the links are
    lede = document.blocks()[0]
    assert isinstance(lede, Paragraph) and lede.text.endswith(
        "questions go to lending@harbourside-library.example."
    )


def test_numbered_notes_to_editors_become_notes_with_their_numbers_and_links() -> None:
    document = _read("links-and-notes.txt")
    assert [s.heading for s in document.sections] == [None, "About Harbourside Library"]
    assert document.notes_heading == "Notes to editors:"
    assert [(n.label, n.kind, n.text) for n in document.notes] == [
        ("1", "editors", "Photographs of the first loans are available on request."),
        (
            "2",
            "editors",
            "The scheme is funded for two years; details at www.harbourside-library.example/funding.",
        ),
    ]
    note = document.notes[1]
    assert [(note.text[m.start : m.end], m.target) for m in note.marks] == [
        ("www.harbourside-library.example/funding", "https://www.harbourside-library.example/funding")
    ]


def test_unnumbered_notes_to_editors_stay_a_section() -> None:
    text = "Title here\n\nLONDON — Body text of the release.\n\nNotes to editors\n\nThe survey ran in May.\n"
    document = read_text(text)
    assert document.notes == () and "Notes to editors" in [s.heading for s in document.sections]


def test_the_page_links_addresses_and_shows_the_notes_to_editors() -> None:
    page = html.write(_read("links-and-notes.txt"), WriteOptions(), Notes())
    soup = BeautifulSoup(page, "html.parser")
    hrefs = [a["href"] for a in soup.select("article a")]
    assert "mailto:lending@harbourside-library.example" in hrefs
    assert "tel:+442079460321" in hrefs and "mailto:press@harbourside-library.example" in hrefs
    editors = soup.select_one("section.notes-to-editors")
    assert editors.h2.get_text() == "Notes to editors:"
    assert [li["value"] for li in editors.select("li")] == ["1", "2"]


def test_a_document_without_addresses_or_notes_is_the_one_the_rules_built() -> None:
    document = read_text("Title here\n\nLONDON — Body text.\n\n- one\n- two\n")
    assert not any(isinstance(b, Paragraph) and b.marks for b in document.blocks())
    assert all(not isinstance(b, ListBlock) or b.item_marks == () for b in document.blocks())


@pytest.mark.parametrize("name", ["links-and-notes.txt", None])
def test_the_identifier_is_the_finished_documents(name: str | None) -> None:
    """Computed once, after links and notes to editors are added: the identifier of what is returned."""
    document = _read(name) if name else read_text("Title here\n\nLONDON — Body text.\n")
    assert document.metadata.identifier == content_identifier(document)
    assert len(document.metadata.identifier or "") == 64


def test_straight_quotes_stay_straight_by_default() -> None:
    source = (FIXTURES / "straight-quotes.txt").read_text(encoding="utf-8")
    document = _read("straight-quotes.txt")
    assert document.headline == 'Council "welcomes" the plan -- at last'
    assert document.blocks()[-1].text == source.strip().split("\n\n")[-1]


def test_smart_quotes_on_request_quotes_apostrophes_dashes_ellipses() -> None:
    document = _read("straight-quotes.txt", smart_quotes=True)
    assert document.headline == "Council “welcomes” the plan – at last"
    lede = document.blocks()[0].text
    assert lede.endswith("was “the right one” — and that the work has waited since the ’90s…")
    last = document.blocks()[-1].text
    assert last.startswith("“We’ve waited long enough,” she said.")
    assert "a\\b and x < y & z stay as written." in last  # backslash, < and & untouched


def test_smart_quotes_flag_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["parse", "--smart-quotes", str(FIXTURES / "straight-quotes.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "“welcomes”" in out.read_text(encoding="utf-8")


def test_a_reader_without_the_option_refuses_it(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(Exception, match="unknown option 'smart_quotes'"):
        api.parse(page, smart_quotes=True)


def test_parse_json_keeps_the_notes_words_in_sections_and_loads_back_the_same() -> None:
    # SPEC §2: richer content goes under added keys and every block keeps its plain text in
    # "sections", so a consumer (or a scorer) that reads only the sections loses no word.
    document = _read("links-and-notes.txt")
    data = json.loads(serialize.dumps(document))
    notes = [s for s in data["sections"] if s["role"] == "notes"]
    assert notes == [
        {
            "heading": "Notes to editors:",
            "role": "notes",
            "blocks": [
                {
                    "type": "list",
                    "ordered": True,
                    "items": [note.text for note in document.notes],
                    "text": "\n".join(note.text for note in document.notes),
                    "speaker": None,
                }
            ],
        }
    ]
    # where the source had them: after the "About" section, as the fixture has it
    headings = [s["heading"] for s in data["sections"]]
    assert headings == [None, "About Harbourside Library", "Notes to editors:"]
    assert data["notes_at"] == 2 and document.notes_at == 2
    assert [n["label"] for n in data["notes"]] == ["1", "2"]
    assert serialize.loads(serialize.dumps(document)) == document

