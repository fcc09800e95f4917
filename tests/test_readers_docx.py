"""The DOCX reader: styles (built-in, localised, custom by outline level), lists, properties, bad files."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pressconv import api
from pressconv.errors import EmptyInputError, Notes, PressconvError
from pressconv.model import Document, ListBlock, Paragraph, Quote, Section, Table, block_text
from pressconv.options import ReadOptions, WriteOptions
from pressconv.readers.docx import read
from pressconv.writers import docx as docx_writer


def parse(data: bytes) -> Document:
    return read(data, ReadOptions(), Notes(), "release.docx")


def save(doc: Any) -> bytes:
    props = doc.core_properties
    props.author, props.title, props.keywords = "", "", ""
    props.created = dt.datetime(1980, 1, 1)  # the writers' "no date" stamp
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def outline(style: Any, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    ppr.append(element)


def test_localised_and_custom_styles_map_by_name_and_outline_level() -> None:
    doc = WordDocument()
    styles = doc.styles
    title = styles.add_style("Pressetitel", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = styles["Title"]
    section = styles.add_style("Zwischentitel", WD_STYLE_TYPE.PARAGRAPH)
    outline(section, 1)
    derived = styles.add_style("Abschnitt", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = section  # the outline level comes from the base style
    styles.add_style("Zitat", WD_STYLE_TYPE.PARAGRAPH)
    styles.add_style("Untertitel", WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Stadt eröffnet neue Brücke", style="Pressetitel")
    doc.add_paragraph("Zwei Stadtteile rücken zusammen", style="Untertitel")
    doc.add_paragraph("BERLIN, 2. Mai 2024 — Die neue Brücke ist seit heute offen.")
    doc.add_paragraph("Kurz", style="Zitat")  # styled as a quote: a quote, however short
    doc.add_paragraph("Die Planung", style="Zwischentitel")
    doc.add_paragraph("Die Planung begann vor zehn Jahren.")
    doc.add_paragraph("Der Bau", style="Abschnitt")
    doc.add_paragraph("Der Bau dauerte drei Jahre.")
    document = parse(save(doc))
    assert document.headline == "Stadt eröffnet neue Brücke"
    assert document.subtitle == "Zwei Stadtteile rücken zusammen"
    assert [s.heading for s in document.sections] == [None, "Die Planung", "Der Bau"]
    assert isinstance(document.sections[0].blocks[1], Quote)


def test_heading_1_over_heading_2_sections_is_the_headline() -> None:
    doc = WordDocument()
    doc.add_heading("Acme Opens a Plant", level=1)
    doc.add_paragraph("Acme opened a plant in Springfield today, its largest yet.")
    doc.add_heading("The Jobs", level=2)
    doc.add_paragraph("The plant brings 300 jobs to the region.")
    document = parse(save(doc))
    assert document.headline == "Acme Opens a Plant" and not document.headline_derived
    assert [s.heading for s in document.sections] == [None, "The Jobs"]


def test_normal_paragraphs_get_the_plain_text_rules() -> None:
    doc = WordDocument()
    for text in (
        "Acme Opens a Plant",
        "Acme opened a plant in Springfield today, its largest yet.",
        "“It is a great day for the town and for all of us,” said Maria Lopez.",
        "The Jobs",
        "The plant brings 300 jobs to the region.",
    ):
        doc.add_paragraph(text)
    document = parse(save(doc))
    assert document.headline == "Acme Opens a Plant"
    assert [s.heading for s in document.sections] == [None, "The Jobs"]
    quote = document.sections[0].blocks[1]
    assert isinstance(quote, Quote) and quote.speaker == "Maria Lopez"  # a Normal paragraph, still a quote


def test_lists_by_style_and_by_numbering() -> None:
    doc = WordDocument()
    doc.add_heading("Plan", level=0)
    doc.add_paragraph("The plan has three parts and two options.")
    for item in ("first step", "second step"):
        doc.add_paragraph(item, style="List Number")
    doc.add_paragraph("The options are:")
    for item in ("red", "blue"):
        doc.add_paragraph(item, style="List Bullet")
    # A Normal paragraph numbered directly with List Bullet's numbering is an item of that list.
    bullet_num = doc.styles["List Bullet"].element.pPr.numPr.numId.val
    p = doc.add_paragraph("green")
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = bullet_num
    num_pr.get_or_add_ilvl().val = 0
    blocks = parse(save(doc)).blocks()
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [(b.ordered, b.items) for b in lists] == [
        (True, ("first step", "second step")),
        (False, ("red", "blue", "green")),
    ]


def test_core_properties_are_metadata() -> None:
    doc = WordDocument()
    doc.add_heading("Acme Opens a Plant", level=0)
    doc.add_paragraph("Acme opened a plant in Springfield today, its largest yet.")
    buffer = io.BytesIO()
    props = doc.core_properties
    props.author, props.title, props.keywords = "Jane Doe", "Acme plant release", "solar, jobs"
    props.language, props.created = "en-GB", dt.datetime(2024, 10, 28)
    doc.save(buffer)
    meta = parse(buffer.getvalue()).metadata
    assert (meta.byline, meta.title, meta.keywords) == ("Jane Doe", "Acme plant release", ("solar", "jobs"))
    assert (meta.language, meta.date) == ("en-GB", "2024-10-28")


def test_tables_and_line_breaks_keep_their_words_in_order() -> None:
    doc = WordDocument()
    doc.add_paragraph("Before the table comes this opening sentence of the release.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Left cell words"
    table.cell(0, 1).text = "Right cell words"
    p = doc.add_paragraph("After the table")
    p.add_run().add_break()
    p.add_run("on a second line.")
    document = parse(save(doc))
    texts = [t for s in document.sections for t in (s.heading, *(block_text(b) for b in s.blocks)) if t]
    joined = " ".join(texts)
    assert joined.index("Before") < joined.index("Left") < joined.index("Right") < joined.index("After")
    assert "After the table on a second line." in texts
    table = document.blocks()[1]
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0]] == ["Left cell words", "Right cell words"]


def test_our_speaker_properties_are_read_back() -> None:
    # "he said" with nobody named: inference cannot know, the writer's custom property does.
    quote = Quote("“We are ready for anything,” he said.", "Jane Roe", "he said")
    document = Document(
        headline="Ready", sections=(Section(None, (Paragraph("A short opening paragraph."), quote)),)
    )
    data = docx_writer.write(document, WriteOptions(), Notes())
    back = parse(data).blocks()[1]
    assert isinstance(back, Quote) and back.speaker == "Jane Roe"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello, not a zip", "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old binary Word .doc"),
        (b"", "not a zip archive"),
    ],
)
def test_not_a_docx_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(PressconvError, match=message):
        parse(data)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ({"hello.txt": b"hi"}, "not a DOCX"),
        ({"[Content_Types].xml": b"<broken", "word/document.xml": b"<w:document/>"}, "not a readable DOCX"),
        ({"mimetype": b"application/epub+zip", "EPUB/package.opf": b"<package/>"}, "not a DOCX"),
    ],
    ids=["plain-zip", "broken-xml", "epub"],
)
def test_a_zip_that_is_not_a_docx_is_a_clear_error(entries: dict[str, bytes], message: str) -> None:
    with pytest.raises(PressconvError, match=message):
        parse(_zip(entries))


def test_a_docx_with_no_words_is_an_empty_input_error() -> None:
    with pytest.raises(EmptyInputError):
        parse(save(WordDocument()))


@pytest.mark.parametrize("data", [b"not a zip at all", _zip({"a.txt": b"x"})], ids=["not-zip", "zip"])
def test_cli_bad_docx_is_one_line_exit_2(data: bytes, tmp_path: Path) -> None:
    source = tmp_path / "release.docx"
    source.write_bytes(data)
    out = tmp_path / "out.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "pressconv.cli", "to-pdf", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "release.docx" in run.stderr
    assert "Traceback" not in run.stderr and not out.exists()


def test_our_docx_of_a_release_round_trips_through_the_api(tmp_path: Path) -> None:
    text = (
        "Headline of the Day\n\nThe lede sentence is here, and it is long enough.\n\n"
        "About Acme\n\nAcme makes things.\n"
    )
    out = tmp_path / "r.docx"
    api.convert(text, "docx", out)
    document = api.parse(out)
    assert document.headline == "Headline of the Day"
    assert [(s.heading, s.role) for s in document.sections] == [(None, "body"), ("About Acme", "boilerplate")]


def test_tracked_changes_read_as_accepted() -> None:
    from lxml import etree

    doc = WordDocument()
    doc.add_paragraph("A headline for the tracked draft")
    p = doc.add_paragraph("Kept words ")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for xml in (
        f'<w:ins xmlns:w="{w}" w:id="1" w:author="a">'
        '<w:r><w:t xml:space="preserve">inserted words </w:t></w:r></w:ins>',
        f'<w:del xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:delText>deleted words</w:delText></w:r></w:del>',
        f'<w:moveFrom xmlns:w="{w}" w:id="3" w:author="a"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>',
        f'<w:moveTo xmlns:w="{w}" w:id="4" w:author="a"><w:r><w:t>and moved here.</w:t></w:r></w:moveTo>',
    ):
        p._p.append(etree.fromstring(xml))
    blocks = parse(save(doc)).blocks()
    assert Paragraph("Kept words inserted words and moved here.") in blocks


@pytest.mark.slow
def test_a_ten_megabyte_paragraph_of_our_own_reads_back(tmp_path: Path) -> None:
    # Over libxml2's 10 MB text-node limit, which python-docx's parser keeps.
    text = "Headline Of The Long One\n\n" + "word " * 2_100_000
    out = tmp_path / "long.docx"
    api.convert(text, "docx", out)
    document = api.parse(out)
    assert document.headline == "Headline Of The Long One"
    assert len(document.blocks()[0].text.split()) == 2_100_000


def test_deeply_nested_docx_xml_is_a_clear_error() -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    deep = (
        "<w:sdt><w:sdtContent>" * 400 + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * 400
    )
    document_xml = f'<w:document xmlns:w="{w}"><w:body>{deep}</w:body></w:document>'
    good = save(WordDocument())
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["word/document.xml"] = document_xml.encode()
    with pytest.raises(PressconvError, match="not a readable DOCX"):
        parse(_zip(entries))
