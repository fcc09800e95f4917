"""Model v3 in the PDF: marks in the embedded faces, tagged links, tables, figures, notes, levels, nesting.

Checked by what can be read back: the words (pdftotext), the structure tree and annotations
(``fidelity.pdf_structure``, ``_pdfua.check``), the fonts on the page (pikepdf), and qpdf --check.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTImage, LTTextLine
from PIL import Image as PILImage

from _pdfua import check
from fidelity import extract_text, pdf_structure, words
from pdf_layout import walk
from pressconv.errors import Notes
from pressconv.model import (
    Cell,
    Contact,
    Document,
    Figure,
    ListBlock,
    Mark,
    Metadata,
    Note,
    Paragraph,
    Section,
    Table,
)
from pressconv.options import WriteOptions
from pressconv.writers import pdf
from pressconv.writers.pdf.inline import keep_amounts_together


def render(document: Document) -> bytes:
    return pdf.write(document, WriteOptions(), Notes())


def _png(width: int = 200, height: int = 120) -> bytes:
    image = PILImage.new("RGB", (width, height), (31, 78, 121))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


LEDE = "The port board approved a $40 million plan; read the full report online before Friday."


def _span(text: str, part: str) -> tuple[int, int]:
    return text.index(part), text.index(part) + len(part)


LEDE_MARKS = (
    Mark(*_span(LEDE, "port board"), "strong"),
    Mark(*_span(LEDE, "$40 million"), "emphasis"),
    Mark(*_span(LEDE, "the full report"), "link", "https://example.org/report"),
    Mark(len(LEDE), len(LEDE), "noteref", "f1"),
)
HEADER = ((Cell("Quarter"), Cell("Tonnes"), Cell("Change")),)
ROWS = tuple(
    (Cell(f"Q{n % 4 + 1} {2020 + n // 4}"), Cell(f"{n * 1250:,}"), Cell(f"+{n}.5%")) for n in range(60)
)
CONTACT = "Ana Ruiz, Press Officer\nana.ruiz@example.org\n+31 10 555 0100"


def rich() -> Document:
    return Document(
        headline="Port board approves the north quay plan",
        metadata=Metadata(
            contacts=(CONTACT,),
            contact_details=(
                Contact(CONTACT, name="Ana Ruiz", email="ana.ruiz@example.org", phone="+31105550100"),
            ),
            end_mark="###",
        ),
        sections=(
            Section(
                None,
                (
                    Paragraph(LEDE, marks=LEDE_MARKS),
                    Paragraph("Run pressconv build nightly.", marks=(Mark(4, 19, "code"),)),
                    ListBlock(
                        ordered=False,
                        items=("Deeper berths", "Two cranes", "Electric ones", "Shore power", "Longer hours"),
                        markers=("-", "*", "+", "-", "*"),
                        levels=(0, 0, 1, 1, 0),
                    ),
                ),
            ),
            Section("Cargo by quarter", (Table(rows=ROWS, header=HEADER, caption="Cargo handled"),)),
            Section(
                "Pictures",
                (
                    Figure(
                        alt="The north quay at dawn",
                        data=_png(),
                        media_type="image/png",
                        caption="North quay",
                    ),
                    Figure(alt="Map of the extension", src="https://example.org/map.png"),
                ),
                level=4,  # right after an H2: tagged H3, never a skipped level
            ),
        ),
        notes=(
            Note("f1", "1", "Figures are unaudited."),
            Note("e1", "1", "Photos are available on request.", kind="editors"),
        ),
        notes_heading="Notes to editors:",
    )


@pytest.fixture(scope="module")
def rich_pdf() -> bytes:
    return render(rich())


def test_rich_document_passes_the_pdfua_checks(rich_pdf: bytes) -> None:
    report = check(rich_pdf)
    assert report.failures == []
    assert report.links == 3 and report.link_annotations == 3  # the report link, the e-mail, the phone
    assert {"Table", "TR", "TH", "TD", "Caption", "Figure", "Link", "H3"} <= set(report.types)
    assert "H4" not in report.types


@pytest.mark.skipif(not shutil.which("qpdf"), reason="qpdf is not installed")
def test_rich_document_passes_qpdf_check(rich_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "rich.pdf"
    path.write_bytes(rich_pdf)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_links_keep_their_targets_and_words(rich_pdf: bytes) -> None:
    links = pdf_structure(rich_pdf).links
    assert ("https://example.org/report", "the full report") in links
    assert ("mailto:ana.ruiz@example.org", "ana.ruiz@example.org") in links
    assert ("tel:+31105550100", "+31 10 555 0100") in links


def test_figures_carry_their_alt_text_and_an_image(rich_pdf: bytes) -> None:
    assert pdf_structure(rich_pdf).alts == ["The north quay at dawn", "Map of the extension"]
    with pikepdf.open(io.BytesIO(rich_pdf)) as doc:
        images = [
            x
            for page in doc.pages
            for x in page.obj.Resources.get("/XObject", pikepdf.Dictionary()).values()
            if x.get("/Subtype") == "/Image"
        ]
    assert len(images) == 1
    text = extract_text("pdf", rich_pdf)
    assert "Map of the extension" in text  # no bytes to draw: its alt text is shown instead
    assert "North quay" in text


def test_every_figure_has_a_layout_bbox_where_its_content_is_drawn(rich_pdf: bytes) -> None:
    """The image's box is where pdfminer finds the image; the figure shown as its alt text holds that text."""
    with pikepdf.open(io.BytesIO(rich_pdf)) as doc:
        pages = {page.obj.objgen: n for n, page in enumerate(doc.pages)}
        figures = [
            (str(obj.Alt), pages[obj.Pg.objgen], str(obj.A.O), [float(v) for v in obj.A.BBox])
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"
        ]
    assert [(alt, owner) for alt, _, owner, _ in figures] == [
        ("The north quay at dawn", "/Layout"),
        ("Map of the extension", "/Layout"),
    ]
    for alt, page_index, _, (left, bottom, right, top) in figures:
        [page] = extract_pages(io.BytesIO(rich_pdf), page_numbers=[page_index])
        if alt == "The north quay at dawn":
            [image] = [item for item in walk(page) if isinstance(item, LTImage)]
            assert [round(v, 1) for v in image.bbox] == [round(v, 1) for v in (left, bottom, right, top)]
            continue
        [line] = [item for item in walk(page) if isinstance(item, LTTextLine) and alt in item.get_text()]
        assert left <= line.x0 < line.x1 <= right and bottom <= line.y0 < line.y1 <= top


def test_table_cells_read_back_once_with_the_header_repeated_on_the_next_page(rich_pdf: bytes) -> None:
    cells = pdf_structure(rich_pdf).cells
    expected = [("TH", c.text) for row in HEADER for c in row] + [("TD", c.text) for row in ROWS for c in row]
    assert cells == expected
    pages = extract_text("pdf", rich_pdf).count("Quarter Tonnes Change")
    assert pages >= 2  # drawn at the top of each page the table runs onto, tagged once


def test_notes_and_their_references(rich_pdf: bytes) -> None:
    structure = pdf_structure(rich_pdf)
    assert structure.notes == ["Photos are available on request.", "Figures are unaudited."]
    text = extract_text("pdf", rich_pdf)
    assert "Notes to editors:" in text and "Notes" in text.split("Notes to editors:")[1]


def test_marks_are_set_in_bold_italic_and_monospaced_faces(rich_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(rich_pdf)) as doc:
        names = {str(f.BaseFont).split("+")[-1] for p in doc.pages for f in p.obj.Resources.Font.values()}
    assert {"DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSansMono"} <= names, names
    assert "Helvetica" not in " ".join(names)


def test_list_markers_are_uniform_and_nested_lists_nest(rich_pdf: bytes) -> None:
    text = extract_text("pdf", rich_pdf)
    labels = re.findall(
        r"^(\S+) (?:Deeper berths|Two cranes|Electric ones|Shore power|Longer hours)$", text, re.M
    )
    assert labels == ["•", "•", "◦", "◦", "•"]
    with pikepdf.open(io.BytesIO(rich_pdf)) as doc:

        def nested(elem: object, inside_body: bool = False) -> bool:
            if not isinstance(elem, pikepdf.Dictionary):
                return False
            if elem.get("/S") == "/L" and inside_body:
                return True
            kids = elem.get("/K")
            body = elem.get("/S") == "/LBody"
            return any(nested(k, body) for k in (kids if isinstance(kids, pikepdf.Array) else [kids]))

        assert nested(doc.Root.StructTreeRoot.K)


def test_every_word_of_the_body_reaches_the_page(rich_pdf: bytes) -> None:
    output = words(extract_text("pdf", rich_pdf))
    for text in (LEDE, "Run pressconv build nightly.", "Cargo handled", "Figures are unaudited."):
        wanted = words(text)
        assert any(output[i : i + len(wanted)] == wanted for i in range(len(output))), text


def test_a_currency_amount_and_its_unit_never_part_at_a_line_end() -> None:
    assert keep_amounts_together("a $40 million and USD 12 bn") == "a $40\xa0million and USD\xa012\xa0bn"
    assert keep_amounts_together("40 million people") == "40 million people"  # no currency: unchanged
    paragraphs = tuple(Paragraph("word " * n + "raised $40 Million from investors.") for n in range(4, 30))
    data = render(Document("Amounts", sections=(Section(None, paragraphs),)))
    lines = extract_text("pdf", data).splitlines()
    assert not [line for line in lines if line.rstrip().endswith("$40")]
    assert sum(line.count("$40 Million") for line in lines) == len(paragraphs)  # extracted as two words


def _pages(data: bytes) -> list[str]:
    """The text of each page (pdftotext -raw, pages apart)."""
    done = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8").split("\f")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
@pytest.mark.parametrize("count", [27, 28, 29, 58, 59])
def test_contacts_and_end_mark_never_start_a_page_alone(count: int) -> None:
    # With these counts the body ends at a page foot: without keepWithNext the contacts or end mark
    # started the next page alone (measured: exactly these counts between 25 and 75).
    line = "of the release text, long enough to fill a line or so."
    body = tuple(Paragraph(f"Paragraph {n} {line}") for n in range(count))
    document = Document(
        "Stranding",
        metadata=Metadata(contacts=("Media: press@example.org",), end_mark="###"),
        sections=(Section(None, body),),
    )
    pages = _pages(render(document))
    contacts = next(p for p in pages if "press@example.org" in p)
    end = next(p for p in pages if "###" in p)
    assert "Paragraph" in contacts, f"contacts alone on a page with {count} paragraphs"
    assert "Paragraph" in end or "press@example.org" in end


def test_marked_text_is_escaped_and_only_web_mail_and_phone_links_open() -> None:
    text = 'Click <b>here</b> & "there" now'
    marks = (
        Mark(text.index("<b>here"), text.index(" &"), "link", 'https://example.org/?a=1&b="2"'),
        Mark(text.index('"there"'), text.index(" now"), "link", "javascript:alert(1)"),
    )
    data = render(Document("Escaping", sections=(Section(None, (Paragraph(text, marks=marks),)),)))
    assert text in extract_text("pdf", data)
    assert pdf_structure(data).links == [('https://example.org/?a=1&b="2"', "<b>here</b>")]


def test_the_shared_rich_document_reads_back_from_the_pdf() -> None:
    """tests/rich_document.py (every model v3 element, as the other writers' tests use it)."""
    from fidelity import check_fidelity
    from rich_document import rich_document

    document = rich_document()
    data = render(document)
    assert check(data).failures == []
    report = check_fidelity(document, "pdf", data)
    assert report.ok, report.describe()
    structure = pdf_structure(data)
    marked = [
        (m.target, block.text[m.start : m.end])
        for block in document.blocks()
        if isinstance(block, Paragraph)
        for m in block.marks
        if m.kind == "link" and (m.target or "").startswith(("http://", "https://", "mailto:", "tel:"))
    ]
    assert marked and all(link in structure.links for link in marked), (marked, structure.links)
    figures = [b for b in document.blocks() if isinstance(b, Figure)]
    assert structure.alts == [f.alt or f.caption or "Image" for f in figures]
    tables = [b for b in document.blocks() if isinstance(b, Table)]
    cells = [c.text for t in tables for row in (*t.header, *t.rows) for c in row]
    assert [text for _, text in structure.cells] == [" ".join(c.split()) for c in cells]
    assert structure.notes and all(
        any(" ".join(n.text.split()) in found for found in structure.notes) for n in document.notes
    )
