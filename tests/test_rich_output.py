"""Model version 3 in the HTML and EPUB writers: every inline mark, table, figure, note, level and nesting."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup

from pressconv.errors import Notes
from pressconv.model import Document, Mark, Paragraph, Section
from pressconv.options import WriteOptions
from pressconv.writers import epub, html
from rich_document import png_bytes, rich_document


def page(document: Document) -> BeautifulSoup:
    return BeautifulSoup(html.write(document, WriteOptions(), Notes()).decode("utf-8"), "html.parser")


def test_links_emphasis_code_and_breaks() -> None:
    soup = page(rich_document())
    links = {a.get_text(): a.get("href") for a in soup.select("article p a:not(.noteref)")}
    assert links["full report"] == "https://oakbridge-water.example/report-2025"
    assert links["summary"] == "summary.html"  # a relative reference stays as given in a page
    assert links["board@oakbridge-water.example"] == "mailto:board@oakbridge-water.example"
    assert "plain language" not in links  # javascript: is never written; the words are
    assert "plain language" in soup.get_text()
    assert soup.select_one("h1 em").get_text() == "record"
    assert soup.select_one("strong").get_text() == "annual report"
    assert soup.select_one("code").get_text() == "RES-2"
    code_paragraph = soup.select_one("code").parent
    assert code_paragraph.find("br") is not None
    assert (
        code_paragraph.get_text()
        == "The rate code RES-2 stays the same. Bills arrive as before. Tariff tables follow."
    )


def test_marks_crossing_a_quotation_nest_and_add_no_character() -> None:
    soup = page(rich_document())
    text = "She added that “the work goes on, street by street,” until the last lead line is gone."
    paragraph = next(p for p in soup.select("article p") if p.get_text().startswith("She added"))
    assert paragraph.get_text() == text + "2"  # the note reference shows its label, nothing else is added
    assert (
        "".join(em.get_text() for em in paragraph.find_all("em")) == "work goes on, street by street,” until"
    )
    assert paragraph.select_one("span.quotation")["data-speaker"] == "Priya Lund"


def test_heading_levels_nested_list_and_table() -> None:
    soup = page(rich_document())
    assert [h.get_text() for h in soup.select("h2, h3, h4")][:3] == [
        "Where the work was done",
        "Pipes by district",
        "Photographs",
    ]
    assert [h.name for h in soup.select("h2, h3, h4")][:3] == ["h2", "h3", "h4"]
    outer = soup.select_one("section ul")
    assert [li.find(string=True, recursive=False) for li in outer.find_all("li", recursive=False)] == [
        "North district",
        "South district",
    ]
    assert [li.get_text() for li in outer.select("li > ul > li")] == ["Elm Street", "Quarry Lane"]
    table = soup.select_one("table")
    assert table.caption.get_text() == "Pipes renewed by district"
    assert [th.get_text() for th in table.select("thead th")] == ["District", "Kilometres", "Homes"]
    assert [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")] == [
        ["North", "14.2", "1,310"],
        ["South", "9.8", "870"],
        ["Both districts together", "2,180"],
    ]
    assert table.select("tbody tr")[2].td["colspan"] == "2"


def test_a_heading_never_skips_a_level() -> None:
    doc = Document(
        headline="H", sections=(Section("Deep", (Paragraph("p"),), level=4), Section("Back", (), level=2))
    )
    assert [h.name for h in page(doc).select("h2, h3, h4")] == ["h2", "h2"]


def test_figures_keep_alt_caption_and_credit() -> None:
    soup = page(rich_document())
    embedded, referenced = soup.select("figure")
    assert embedded.img["alt"] == "A trench on Elm Street with new blue pipe laid in it"
    assert embedded.img["src"].startswith("data:image/png;base64,")
    assert embedded.figcaption.get_text() == "New pipe on Elm Street Photo: Oakbridge Water Board"
    assert referenced.img["src"] == "maps/districts.png" and referenced.img["alt"] == "A map of the districts"


def test_notes_are_linked_both_ways_and_notes_to_editors_follow() -> None:
    soup = page(rich_document())
    refs = soup.select("a.noteref")
    assert [(a["href"], a["id"], a.get_text()) for a in refs] == [
        ("#note_1", "ref_1", "1"),
        ("#note_2", "ref_2", "2"),
    ]
    notes = soup.select("section.notes li")
    assert [li["id"] for li in notes] == ["note_1", "note_2"]
    assert [li.select_one("a.backlink")["href"] for li in notes] == ["#ref_1", "#ref_2"]
    assert notes[1].select_one("a:not(.backlink)")["href"] == "https://oakbridge-water.example/method"
    editors = soup.select_one("section.notes-to-editors")
    assert editors.h2.get_text() == "Notes to editors:"
    assert [li.get_text() for li in editors.find_all("li")] == [
        "High-resolution photographs are available on request.",
        "The board meets in public on the first Monday of each month.",
    ]
    assert editors.select("a.backlink") == []  # unreferenced: no way back to give


def test_contact_addresses_and_numbers_are_links() -> None:
    contact = page(rich_document()).select_one("address.contacts")
    assert {a.get_text(): a["href"] for a in contact.find_all("a")} == {
        "(415) 555-0172": "tel:+14155550172",
        "press@oakbridge-water.example": "mailto:press@oakbridge-water.example",
    }


def test_a_reference_to_no_note_and_marks_out_of_range_are_ignored() -> None:
    text = "Plain words."
    doc = Document(
        headline="H",
        sections=(
            Section(None, (Paragraph(text, marks=(Mark(0, 99, "strong"), Mark(3, 3, "noteref", "x"))),)),
        ),
    )
    paragraph = page(doc).select_one("article p")
    assert paragraph.get_text() == text and paragraph.find(True) is None


def test_the_page_with_every_element_is_valid_html(tmp_path: Path) -> None:
    from validators import validate_html

    out = tmp_path / "rich.html"
    out.write_bytes(html.write(rich_document(), WriteOptions(), Notes()))
    assert validate_html([out]) == []


def test_epub_embeds_images_as_items_and_links_only_outward() -> None:
    data = epub.write(rich_document(), WriteOptions(), Notes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        images = [n for n in names if n.startswith("EPUB/images/")]
        assert len(images) == 1 and archive.read(images[0]) == png_bytes()
        opf = archive.read("EPUB/content.opf").decode()
        xhtml = archive.read("EPUB/release.xhtml").decode()
    assert images[0].removeprefix("EPUB/") in opf and 'media-type="image/png"' in opf
    assert 'schema:accessMode">visual' in opf and "alternativeText" in opf
    soup = BeautifulSoup(xhtml, "xml")
    assert soup.find("img")["src"] == images[0].removeprefix("EPUB/")
    # The referenced map is outside the book: its alt text stands in for it.
    assert soup.find("p", class_="figure-alt").get_text() == "A map of the districts"
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert "summary.html" not in hrefs and "https://oakbridge-water.example/report-2025" in hrefs
    assert soup.find("a", class_="noteref")["epub:type"] == "noteref"


def test_epubcheck_passes_the_book_with_every_element() -> None:
    from _epubcheck import problems

    assert problems(epub.write(rich_document(), WriteOptions(), Notes())) == []


def test_the_fidelity_harness_reads_every_word_and_structure_back() -> None:
    from fidelity import check_fidelity, check_structure

    document = rich_document()
    for fmt in ("html", "epub"):
        data = (
            html.write(document, WriteOptions(), Notes())
            if fmt == "html"
            else epub.write(document, WriteOptions(), Notes())
        )
        check_fidelity(document, fmt, data)
        found = check_structure(document, fmt, data)
        assert ("full report", "https://oakbridge-water.example/report-2025") in found.links
        assert found.alts[0] == "A trench on Elm Street with new blue pipe laid in it"
        assert found.tables[0][1][0] == ["District", "Kilometres", "Homes"]
        assert found.notes[-1] == "Lead lines are counted by service address. See the method online."


def test_the_structure_check_catches_a_lost_link_alt_cell_and_note() -> None:
    import dataclasses

    import pytest

    from fidelity import check_structure

    document = rich_document()
    data = html.write(document, WriteOptions(), Notes())
    first = document.sections[0]
    lede = first.blocks[0]
    assert isinstance(lede, Paragraph)
    moved = dataclasses.replace(
        lede, marks=(Mark(lede.marks[1].start, lede.marks[1].end, "link", "https://elsewhere.example"),)
    )
    changed = dataclasses.replace(
        document,
        sections=(dataclasses.replace(first, blocks=(moved, *first.blocks[1:])), *document.sections[1:]),
    )
    with pytest.raises(AssertionError, match="elsewhere"):
        check_structure(changed, "html", data)
    with pytest.raises(AssertionError, match="notes"):
        check_structure(dataclasses.replace(document, notes=document.notes[:-1]), "html", data)
