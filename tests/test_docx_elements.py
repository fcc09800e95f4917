"""DOCX writer, model v3 (#18): links, run styles, tables, pictures, notes, heading levels, nested lists.

Each element is read back from the package's XML (what Word reads) and, where
python-docx has an API for it, through python-docx; the words are checked by
the fidelity harness, and link targets, alt text, cell text and note text by
its DOCX structure extraction.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
from pressconv.model import (
    Cell,
    Document,
    Figure,
    ListBlock,
    Mark,
    Metadata,
    Note,
    Paragraph,
    Quote,
    Section,
    Table,
)
from pressconv.options import WriteOptions
from pressconv.writers import docx as docx_writer
from validators import libreoffice_pdf

sys.path.insert(0, str(Path(__file__).parent))
from fidelity import check_fidelity, docx_structure, docx_structure_problems

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "r": R, "wp": WP, "rel": REL}

REPORT_URL = "https://example.org/reports/clinics-2025"
DONATE_URL = "https://example.org/give"


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small solid-colour PNG, written out by hand so the bytes never depend on an imaging library."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    row = b"\x00" + bytes(rgb) * width
    pixels = zlib.compress(row * height, 9)
    # pHYs: 3,780 pixels a metre (96 dpi), so the picture has a known size in the page.
    physical = struct.pack(">IIB", 3780, 3780, 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"pHYs", physical)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


PHOTO = png(192, 96, (30, 110, 160))
WIDE = png(2400, 300, (200, 60, 40))

NOTE = "Figures from the March survey, see the report."
LEDE = "GENEVA — The agency opened three clinics today, read the full report or donate here. Details follow."


def _span(text: str, words: str, kind: str, target: str | None = None) -> Mark:
    start = text.index(words)
    return Mark(start, start + len(words), kind, target)  # type: ignore[arg-type]


def elements() -> Document:
    """One of every model v3 element the DOCX writer renders."""
    lede_marks = (
        _span(LEDE, "three clinics", "strong"),
        _span(LEDE, "full report", "link", REPORT_URL),
        Mark(
            LEDE.index("full report") + len("full report"),
            LEDE.index("full report") + len("full report"),
            "noteref",
            "n1",
        ),
        _span(LEDE, "donate here", "link", DONATE_URL),
        Mark(LEDE.index("Details"), LEDE.index("Details"), "break"),
    )
    quote = "“We go where the need is,” said Dr. Lena Ortiz, reached at press@example.org."
    quote_marks = (
        _span(quote, "need", "emphasis"),
        _span(quote, "press@example.org", "link", "mailto:press@example.org"),
        Mark(len(quote), len(quote), "noteref", "e1"),
    )
    second = "Read the full report again, and the code CLN-2025 opens the data."
    second_marks = (
        _span(second, "full report", "link", REPORT_URL),
        _span(second, "CLN-2025", "code"),
    )
    cell_text = "Source: the agency"
    table = Table(
        header=((Cell("Clinic"), Cell("Opened"), Cell("Patients a month")),),
        rows=(
            (Cell("North", rowspan=2), Cell("March"), Cell("12,000")),
            (Cell("April"), Cell("9,500")),
            (Cell("South"), Cell("June", colspan=2)),
            (Cell(cell_text, (_span(cell_text, "the agency", "link", DONATE_URL),), colspan=3),),
        ),
        caption="Clinics opened in 2025",
    )
    return Document(
        headline="Relief Agency Opens Three Field Clinics",
        headline_marks=(Mark(0, len("Relief Agency"), "emphasis"),),
        subtitle="Mobile teams reach 40,000 people a month",
        dateline="GENEVA —",
        metadata=Metadata(
            language="en-US",
            date="2025-03-03",
            contacts=("Media contact:\nAna Ruiz\npress@example.org",),
            end_mark="###",
        ),
        sections=(
            Section(
                None,
                (
                    Paragraph(LEDE, marks=lede_marks),
                    Quote(quote, "Lena Ortiz", "said Dr. Lena Ortiz", marks=quote_marks),
                    Paragraph(second, marks=second_marks),
                    ListBlock(
                        False,
                        ("Vaccines", "Measles", "Polio", "Oral drops", "Clean water"),
                        levels=(0, 1, 1, 2, 0),
                    ),
                ),
            ),
            Section(
                "Where the clinics are",
                (
                    table,
                    Figure(
                        alt="A mobile clinic truck parked beside a tent",
                        data=PHOTO,
                        media_type="image/png",
                        caption="The first clinic, north of the city",
                        credit="Photo: Ana Ruiz",
                    ),
                    Figure(alt="A banner across the road", data=WIDE, media_type="image/png"),
                ),
                level=2,
            ),
            Section(
                "Staffing",
                (
                    ListBlock(
                        True,
                        ("Hire staff", "Nurses", "Drivers", "Train volunteers", "First aid", "Radio"),
                        levels=(0, 1, 1, 0, 1, 1),
                    ),
                ),
                level=3,
            ),
            Section("Volunteers", (Paragraph("Two hundred have signed up."),), level=4),
            Section(
                "About the agency",
                (Paragraph("The agency works in 30 countries."),),
                role="boilerplate",
            ),
        ),
        notes=(
            Note("n1", "1", NOTE, (_span(NOTE, "the report", "link", REPORT_URL),)),
            Note("e1", "1", "Interview recorded on 2 March.", kind="endnote"),
            Note("n9", "*", "A note nothing refers to."),
            Note("ed1", "1", "The agency was founded in 1990.", kind="editors"),
            Note("ed2", "2", "Photos are free to use with credit.", kind="editors"),
        ),
        notes_heading="Notes to editors",
    )


def render(document: Document, options: WriteOptions | None = None) -> bytes:
    return docx_writer.write(document, options or WriteOptions(), Notes())


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


def styled_runs(data: bytes) -> list[tuple[str | None, str, bool, bool]]:
    """(character style id, text, direct bold, direct italic) of each body run, in order."""
    found = []
    for run in xml(data, "word/document.xml").iter(f"{{{W}}}r"):
        style = run.find("w:rPr/w:rStyle", NS)
        text = "".join(t.text or "" for t in run.findall("w:t", NS))
        bold = run.find("w:rPr/w:b", NS) is not None
        italic = run.find("w:rPr/w:i", NS) is not None
        found.append((style.get(f"{{{W}}}val") if style is not None else None, text, bold, italic))
    return found


# --- inline: links and run styles ----------------------------------------------------------------


def test_links_are_hyperlink_relationships_one_per_target() -> None:
    data = render(elements())
    rels = xml(data, "word/_rels/document.xml.rels")
    by_id = {rel.get("Id"): rel for rel in rels}
    links = xml(data, "word/document.xml").findall(".//w:hyperlink", NS)
    found = []
    for link in links:
        rel = by_id[link.get(f"{{{R}}}id")]
        assert rel.get("Type").endswith("/relationships/hyperlink")
        assert rel.get("TargetMode") == "External"
        styles = {r.get(f"{{{W}}}val") for r in link.findall("w:r/w:rPr/w:rStyle", NS)}
        assert styles == {"Hyperlink"}
        found.append(("".join(t.text for t in link.iter(f"{{{W}}}t")), rel.get("Target")))
    assert found == [
        ("full report", REPORT_URL),
        ("donate here", DONATE_URL),
        ("press@example.org", "mailto:press@example.org"),
        ("full report", REPORT_URL),
        ("the agency", DONATE_URL),
    ]
    targets = [rel.get("Target") for rel in rels if rel.get("TargetMode") == "External"]
    assert targets == [REPORT_URL, DONATE_URL, "mailto:press@example.org"]  # one relationship per target


def test_emphasis_strong_and_code_wear_character_styles() -> None:
    runs = styled_runs(render(elements()))
    assert ("Emphasis", "Relief Agency", False, False) in runs
    assert ("Strong", "three clinics", False, False) in runs
    assert ("Emphasis", "need", False, False) in runs
    assert ("HTMLCode", "CLN-2025", False, False) in runs
    assert ("Dateline", "GENEVA —", False, False) in runs
    styles = {s.name: s for s in docx.Document(io.BytesIO(render(elements()))).styles}
    # Links wear the theme's primary colour (the default theme's without one).
    assert styles["Hyperlink"].font.underline and str(styles["Hyperlink"].font.color.rgb) == "1F4E79"
    assert styles["Strong"].font.bold and styles["Emphasis"].font.italic
    assert styles["HTML Code"].font.name == "Courier New"


def test_strong_inside_a_link_is_direct_bold_on_the_hyperlink_style() -> None:
    text = "See the annual report now."
    start = text.index("annual report")
    marks = (Mark(start, start + 13, "link", REPORT_URL), Mark(start, start + 6, "strong"))
    document = Document(headline="H", sections=(Section(None, (Paragraph(text, marks=marks),)),))
    runs = styled_runs(render(document))
    assert ("Hyperlink", "annual", True, False) in runs
    assert ("Hyperlink", " report", False, False) in runs
    link = xml(render(document), "word/document.xml").findall(".//w:hyperlink", NS)
    assert len(link) == 1 and len(link[0].findall("w:r", NS)) == 2  # one link, two runs


def test_a_break_mark_is_a_line_break_and_the_words_stay() -> None:
    p = docx.Document(io.BytesIO(render(elements()))).paragraphs[2]
    assert p.text.endswith("donate here. \nDetails follow.")


# --- headings and nested lists --------------------------------------------------------------------


def test_section_levels_two_to_four_wear_heading_one_to_three() -> None:
    paragraphs = docx.Document(io.BytesIO(render(elements()))).paragraphs
    found = {p.text: p.style.name for p in paragraphs if p.style.name.startswith("Heading")}
    assert found == {"Where the clinics are": "Heading 1", "Staffing": "Heading 2", "Volunteers": "Heading 3"}


def test_nested_list_items_wear_deeper_list_styles() -> None:
    paragraphs = docx.Document(io.BytesIO(render(elements()))).paragraphs
    found = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("List")]
    assert found[:5] == [
        ("List Bullet", "Vaccines"),
        ("List Bullet 2", "Measles"),
        ("List Bullet 2", "Polio"),
        ("List Bullet 3", "Oral drops"),
        ("List Bullet", "Clean water"),
    ]
    assert found[5:] == [
        ("List Number", "Hire staff"),
        ("List Number 2", "Nurses"),
        ("List Number 2", "Drivers"),
        ("List Number", "Train volunteers"),
        ("List Number 2", "First aid"),
        ("List Number 2", "Radio"),
    ]


def test_each_nested_numbered_list_counts_from_one_under_its_parent() -> None:
    data = render(elements())
    body = xml(data, "word/document.xml")
    numbering = xml(data, "word/numbering.xml")
    sublists = []
    for p in body.iter(f"{{{W}}}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is not None and style.get(f"{{{W}}}val") == "ListNumber2":
            num = p.find("w:pPr/w:numPr/w:numId", NS)
            assert num is not None
            sublists.append(num.get(f"{{{W}}}val"))
    assert len(sublists) == 4 and sublists[0] == sublists[1] != sublists[2] == sublists[3]
    styles = xml(data, "word/styles.xml")
    style = next(s for s in styles.findall("w:style", NS) if s.get(f"{{{W}}}styleId") == "ListNumber2")
    own = style.find("w:pPr/w:numPr/w:numId", NS).get(f"{{{W}}}val")
    abstract = next(
        n.find("w:abstractNumId", NS).get(f"{{{W}}}val")
        for n in numbering.findall("w:num", NS)
        if n.get(f"{{{W}}}numId") == own
    )
    for num_id in set(sublists):
        num = next(n for n in numbering.findall("w:num", NS) if n.get(f"{{{W}}}numId") == num_id)
        assert num.find("w:abstractNumId", NS).get(f"{{{W}}}val") == abstract
        assert num.find("w:lvlOverride/w:startOverride", NS).get(f"{{{W}}}val") == "1"


# --- tables ---------------------------------------------------------------------------------------


def test_a_table_is_a_word_table_with_style_header_row_and_spans() -> None:
    data = render(elements())
    word = docx.Document(io.BytesIO(data))
    assert len(word.tables) == 1
    table = word.tables[0]
    assert table.style is not None and table.style.name == "Press Table"
    assert [c.text for c in table.rows[0].cells] == ["Clinic", "Opened", "Patients a month"]
    assert [c.text for c in table.rows[1].cells] == ["North", "March", "12,000"]
    assert [c.text for c in table.rows[2].cells] == ["North", "April", "9,500"]  # merged down
    assert [c.text for c in table.rows[3].cells] == ["South", "June", "June"]  # merged across
    assert [c.text for c in table.rows[4].cells] == ["Source: the agency"] * 3
    rows = xml(data, "word/document.xml").findall(".//w:tbl/w:tr", NS)
    headers = [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows]
    assert headers == [True, False, False, False, False]
    properties = xml(data, "word/document.xml").find(".//w:tbl/w:tblPr", NS)
    assert properties.find("w:tblCaption", NS).get(f"{{{W}}}val") == "Clinics opened in 2025"
    assert properties.find("w:tblLook", NS).get(f"{{{W}}}firstRow") == "1"
    caption = next(p for p in word.paragraphs if p.style.name == "Caption")
    assert caption.text == "Clinics opened in 2025"


def test_the_table_style_sets_the_header_row_apart() -> None:
    styles = xml(render(elements()), "word/styles.xml")
    style = next(s for s in styles.findall("w:style", NS) if s.get(f"{{{W}}}styleId") == "PressTable")
    assert style.get(f"{{{W}}}type") == "table"
    first_row = style.find("w:tblStylePr[@w:type='firstRow']", NS)
    assert first_row is not None and first_row.find("w:rPr/w:b", NS) is not None
    assert style.find("w:tblPr/w:tblBorders/w:insideH", NS) is not None


def test_a_tables_docx_style_input_is_one_table() -> None:
    # pandoc's tables.docx shape: a header row and short cells that would read as headings as paragraphs.
    header = (Cell("Right"), Cell("Left"), Cell("Center"), Cell("Default"))
    rows = tuple(tuple(Cell(str(n * 10 + i)) for i in range(4)) for n in range(1, 4))
    document = Document(headline="Tables", sections=(Section(None, (Table(rows, (header,)),)),))
    data = render(document)
    assert len(docx.Document(io.BytesIO(data)).tables) == 1
    assert docx_structure(data).tables == [[[c.text for c in row] for row in (header, *rows)]]


# --- figures --------------------------------------------------------------------------------------


def test_a_figure_is_an_inline_picture_with_its_description() -> None:
    data = render(elements())
    word = docx.Document(io.BytesIO(data))
    assert len(word.inline_shapes) == 2
    descriptions = [el.get("descr") for el in xml(data, "word/document.xml").iter(f"{{{WP}}}docPr")]
    assert descriptions == ["A mobile clinic truck parked beside a tent", "A banner across the road"]
    ids = [el.get("id") for el in xml(data, "word/document.xml").iter(f"{{{WP}}}docPr")]
    assert ids == ["1", "2"]
    names = [n for n in parts(data) if n.startswith("word/media/")]
    import hashlib

    assert sorted(names) == sorted(
        f"word/media/image-{hashlib.sha256(image).hexdigest()[:16]}.png" for image in (PHOTO, WIDE)
    )
    assert parts(data)[names[0]] in (PHOTO, WIDE)
    types = xml(data, "[Content_Types].xml")
    defaults = {d.get("Extension"): d.get("ContentType") for d in types if d.tag.endswith("Default")}
    assert defaults["png"] == "image/png"
    styled = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Caption", "The first clinic, north of the city") in styled
    assert ("Photo Credit", "Photo: Ana Ruiz") in styled


def test_a_picture_keeps_its_size_or_is_scaled_to_the_text_width() -> None:
    word = docx.Document(io.BytesIO(render(elements())))
    small, wide = word.inline_shapes
    assert (small.width, small.height) == (192 * 9525, 96 * 9525)  # 96 dpi: 9,525 EMU a pixel
    assert wide.width == (11906 - 2880) * 635  # the text width
    assert wide.height == 300 * 9525 * wide.width // (2400 * 9525)


def test_the_same_picture_twice_is_one_part() -> None:
    figure = Figure(alt="Logo", data=PHOTO, media_type="image/png")
    document = Document(headline="H", sections=(Section(None, (figure, figure)),))
    data = render(document)
    assert len([n for n in parts(data) if n.startswith("word/media/")]) == 1
    assert len(docx.Document(io.BytesIO(data)).inline_shapes) == 2


def test_a_picture_word_cannot_show_keeps_its_alt_text_and_warns() -> None:
    figure = Figure(alt="A chart of clinic visits", data=b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    document = Document(headline="H", sections=(Section(None, (figure,)),))
    notes = Notes()
    data = docx_writer.write(document, WriteOptions(), notes)
    assert not [n for n in parts(data) if n.startswith("word/media/")]
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs][-1] == "A chart of clinic visits"
    assert [w.code for w in notes.items] == ["docx-image"]
    assert "format Word cannot show" in notes.items[0].message



def test_a_truncated_picture_keeps_its_alt_text_and_warns_instead_of_failing() -> None:
    """A PNG cut short (a broken download, a damaged data: URI) is not a traceback: the alt text stands in."""
    figure = Figure(alt="The harbour at dawn", data=PHOTO[:40], media_type="image/png")
    document = Document(headline="H", sections=(Section(None, (figure,)),))
    notes = Notes()
    data = docx_writer.write(document, WriteOptions(), notes)
    assert not [n for n in parts(data) if n.startswith("word/media/")]
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs][-1] == "The harbour at dawn"
    assert [w.code for w in notes.items] == ["docx-image"]

def test_a_figure_with_only_an_address_links_its_alt_text() -> None:
    figure = Figure(alt="The clinic map", src="https://example.org/map.png", caption="Map")
    data = render(Document(headline="H", sections=(Section(None, (figure,)),)))
    assert docx_structure(data).links == [("The clinic map", "https://example.org/map.png")]


# --- notes ----------------------------------------------------------------------------------------


def test_footnotes_and_endnotes_are_word_notes_with_references() -> None:
    data = render(elements())
    body = xml(data, "word/document.xml")
    footnote_refs = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    endnote_refs = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}endnoteReference")]
    assert footnote_refs == ["1"] and endnote_refs == ["1"]
    footnotes = xml(data, "word/footnotes.xml")
    kinds = [(n.get(f"{{{W}}}type"), n.get(f"{{{W}}}id")) for n in footnotes]
    assert kinds == [("separator", "-1"), ("continuationSeparator", "0"), (None, "1")]
    note = footnotes[2]
    assert note.find("w:p/w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == "FootnoteText"
    assert note.find("w:p/w:r/w:footnoteRef", NS) is not None
    assert "".join(t.text for t in note.iter(f"{{{W}}}t")).strip() == NOTE
    endnotes = xml(data, "word/endnotes.xml")
    assert "".join(t.text for t in endnotes[2].iter(f"{{{W}}}t")).strip() == "Interview recorded on 2 March."
    rels = xml(data, "word/_rels/document.xml.rels")
    types = {rel.get("Type").rsplit("/", 1)[1]: rel.get("Target") for rel in rels}
    assert types["footnotes"] == "footnotes.xml" and types["endnotes"] == "endnotes.xml"
    overrides = {o.get("PartName") for o in xml(data, "[Content_Types].xml") if o.tag.endswith("Override")}
    assert {"/word/footnotes.xml", "/word/endnotes.xml"} <= overrides
    # A link inside a footnote is a relationship of the footnotes part.
    note_rels = xml(data, "word/_rels/footnotes.xml.rels")
    assert [rel.get("Target") for rel in note_rels] == [REPORT_URL]
    section = body.find("w:body/w:sectPr", NS)
    assert section.find("w:endnotePr/w:numFmt", NS).get(f"{{{W}}}val") == "decimal"


def test_notes_to_editors_and_unreferenced_notes_follow_the_boilerplate() -> None:
    paragraphs = [(p.style.name, p.text) for p in docx.Document(io.BytesIO(render(elements()))).paragraphs]
    start = paragraphs.index(("Boilerplate", "The agency works in 30 countries."))
    assert paragraphs[start + 1 :] == [
        ("Notes Heading", "Notes to editors"),
        ("Note to Editors", "1.\tThe agency was founded in 1990."),
        ("Note to Editors", "2.\tPhotos are free to use with credit."),
        ("Footnote Text", "*\tA note nothing refers to."),
        ("Contact", "Media contact:\nAna Ruiz\npress@example.org"),
        ("End Mark", "###"),
    ]


def test_a_document_without_notes_has_no_notes_parts() -> None:
    document = Document(headline="H", sections=(Section(None, (Paragraph("Text."),)),))
    names = parts(render(document))
    assert "word/footnotes.xml" not in names and "word/endnotes.xml" not in names


# --- the whole ------------------------------------------------------------------------------------


def test_every_word_link_alt_cell_and_note_reaches_the_docx() -> None:
    document = elements()
    data = render(document)
    check_fidelity(document, "docx", data)
    assert docx_structure_problems(document, data) == []


def test_the_structure_check_fails_when_a_link_target_is_wrong() -> None:
    document = elements()
    files = parts(render(document))
    rels = "word/_rels/document.xml.rels"
    files[rels] = files[rels].replace(REPORT_URL.encode(), b"https://example.org/elsewhere")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    data = buffer.getvalue()
    problems = docx_structure_problems(document, data)
    assert any("full report" in problem for problem in problems)


def test_same_document_same_bytes() -> None:
    assert render(elements()) == render(elements())


def test_a_reference_document_with_its_own_footnotes_keeps_its_separators(tmp_path: Path) -> None:
    reference = tmp_path / "house.docx"
    reference.write_bytes(render(elements()))  # a pressconv output has footnotes, links and pictures
    data = render(elements(), WriteOptions(docx_reference=reference))
    footnotes = xml(data, "word/footnotes.xml")
    ids = [n.get(f"{{{W}}}id") for n in footnotes]
    assert ids == ["-1", "0", "1"]  # the reference's own note is dropped, its separators kept
    rel_ids = [rel.get("Id") for rel in xml(data, "word/_rels/document.xml.rels")]
    assert len(rel_ids) == len(set(rel_ids))
    check_fidelity(elements(), "docx", data)
    assert docx_structure_problems(elements(), data) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_it_and_keeps_table_picture_link_and_notes(tmp_path: Path) -> None:
    source = tmp_path / "elements.docx"
    source.write_bytes(render(elements()))
    libreoffice_pdf(source)
    text = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "elements.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    for words in ("Patients a month", "Photo: Ana Ruiz", NOTE, "Interview recorded on 2 March."):
        assert words in text


def test_golden_parts() -> None:
    # The XML parts, canonical and indented, as tests/test_docx.py keeps them (PRESSCONV_REGEN=1 rewrites).
    from test_docx import GOLDEN, canonical

    files = parts(render(elements()))
    folder = GOLDEN / "elements"
    manifest = "\n".join(files) + "\n"
    rendered = {n: canonical(n, d) for n, d in files.items() if n.endswith((".xml", ".rels"))}
    if os.environ.get("PRESSCONV_REGEN"):
        shutil.rmtree(folder, ignore_errors=True)
        for name, text in {**rendered, "MANIFEST": manifest}.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    assert manifest == (folder / "MANIFEST").read_text(encoding="utf-8")
    for name, text in rendered.items():
        assert text == (folder / name).read_text(encoding="utf-8"), name


def test_a_note_with_its_own_mark_keeps_it_and_word_numbers_the_others() -> None:
    text = "Costs fell. Prices rose. Wages held."
    marks = (
        Mark(text.index(" Prices"), text.index(" Prices"), "noteref", "star"),
        Mark(text.index(" Wages"), text.index(" Wages"), "noteref", "one"),
    )
    document = Document(
        headline="H",
        sections=(Section(None, (Paragraph(text, marks=marks),)),),
        notes=(Note("star", "*", "Seasonally adjusted."), Note("one", "1", "Median hourly pay.")),
    )
    data = render(document)
    refs = xml(data, "word/document.xml").findall(".//w:footnoteReference", NS)
    assert [(r.get(f"{{{W}}}id"), r.get(f"{{{W}}}customMarkFollows")) for r in refs] == [
        ("1", "1"),
        ("2", None),
    ]
    assert refs[0].getnext().text == "*"  # the own mark follows the reference in its run
    footnotes = xml(data, "word/footnotes.xml")
    star, one = footnotes[2], footnotes[3]
    assert star.find("w:p/w:r/w:footnoteRef", NS) is None
    assert star.find("w:p/w:r/w:t", NS).text == "*"
    assert one.find("w:p/w:r/w:footnoteRef", NS) is not None  # Word shows 1: the first it numbers
    check_fidelity(document, "docx", data)
    assert docx_structure_problems(document, data) == []


def test_a_right_to_left_documents_tables_run_right_to_left() -> None:
    table = Table(((Cell("واحد"), Cell("اثنان")),), ((Cell("العمود"), Cell("القيمة")),))
    for language, expected in (("ar-EG", True), ("en", False)):
        document = Document(
            headline="عنوان", metadata=Metadata(language=language), sections=(Section(None, (table,)),)
        )
        found = xml(render(document), "word/document.xml").find(".//w:tbl/w:tblPr/w:bidiVisual", NS)
        assert (found is not None) is expected, language


def test_a_link_word_should_not_follow_keeps_its_words_unlinked() -> None:
    text = "Click here or there or elsewhere."
    marks = (
        _span(text, "here", "link", "javascript:alert(1)"),
        _span(text, "there", "link", "../relative/page.html"),
        _span(text, "elsewhere", "link", "https://example.org/ok"),
    )
    document = Document(headline="H", sections=(Section(None, (Paragraph(text, marks=marks),)),))
    data = render(document)
    assert docx_structure(data).links == [("elsewhere", "https://example.org/ok")]
    assert b"javascript" not in parts(data)["word/_rels/document.xml.rels"]
    check_fidelity(document, "docx", data)
    assert docx_structure_problems(document, data) == []


# --- the shared rich document (tests/rich_document.py), as the HTML and EPUB writers' tests use it --


def test_the_rich_document_keeps_every_word_link_alt_cell_and_note() -> None:
    from rich_document import rich_document

    document = rich_document()
    data = render(document)
    check_fidelity(document, "docx", data)
    assert docx_structure_problems(document, data) == []
    word = docx.Document(io.BytesIO(data))
    assert len(word.tables) == 1 and len(word.inline_shapes) == 1


def test_contacts_link_their_email_web_address_and_phone() -> None:
    from rich_document import CONTACT, rich_document

    data = render(rich_document())
    links = docx_structure(data).links
    assert ("press@oakbridge-water.example", "mailto:press@oakbridge-water.example") in links
    assert ("(415) 555-0172", "tel:+14155550172") in links
    contact = next(p for p in docx.Document(io.BytesIO(data)).paragraphs if p.style.name == "Contact")
    assert contact.text == CONTACT  # the words as written, lines kept
