"""DOCX and the theme (#19): every setting read back from the package's XML, the reference document
winning, the speaker line, and press kits (several releases in one DOCX) read back by the fidelity
harness release by release."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]
from PIL import Image

from fidelity import check_fidelity, extract_words, words
from pressconv import api
from pressconv.cli import main
from pressconv.errors import Notes, PressconvError, WriterError
from pressconv.model import Document, Metadata, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.readers.text import read_text
from pressconv.theme import DEFAULT, Logo, Theme
from pressconv.writers import docx as docx_writer
from test_docx import _documents as any_document
from test_docx import features, pentagon
from test_docx_elements import elements
from validators import libreoffice_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "r": R, "wp": WP}
DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def png_logo() -> bytes:
    image = Image.new("RGB", (300, 100), "#aa3300")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


SVG_LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60">'
    b'<rect width="240" height="60" fill="#225522"/><circle cx="30" cy="30" r="20" fill="#ffcc00"/></svg>'
)

CONTRAST = Theme(
    name="contrast",
    source="themes/harbour/theme.toml",
    organisation="Harbour Trust",
    logo=Logo(png_logo(), "image/png", "Harbour Trust logo", "logo.png"),
    primary="#aa3300",
    accent="#e8a33d",
    ink="#202040",
    body_font="Harbour Serif",
    heading_font="Harbour Sans",
    page_size="a4",
    margins_mm=(25.0, 20.0, 25.0, 30.0),
    letterhead="Harbour Trust · 1 Quay Street <b>&amp;",
    footer="Harbour Trust press office — page {page} of {pages}",
    show_speaker=True,
)


def render(document: Document, theme: Theme | None = None, **options: object) -> bytes:
    return docx_writer.write(document, WriteOptions(theme=theme, **options), Notes())


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def tree(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(parts(data)[name])


def style(styles: etree._Element, style_id: str) -> etree._Element:
    found = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
    assert found, style_id
    return found[0]


def attr(element: etree._Element, path: str, name: str) -> str | None:
    found = element.xpath(path, namespaces=NS)
    return found[0].get(f"{{{W}}}{name}") if found else None


def shown(paragraph: etree._Element) -> str:
    return "".join(paragraph.xpath(".//w:t/text()", namespaces=NS))


def section_properties(data: bytes) -> etree._Element:
    found = tree(data, "word/document.xml").xpath("/w:document/w:body/w:sectPr", namespaces=NS)
    assert len(found) == 1
    return found[0]


# --- styles: colours and typefaces ------------------------------------------------------------------


def test_theme_colours_are_in_the_styles() -> None:
    styles = tree(render(pentagon(), CONTRAST), "word/styles.xml")
    for style_id in ("Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Hyperlink", "Letterhead"):
        assert attr(style(styles, style_id), "w:rPr/w:color", "val") == "AA3300", style_id
        assert attr(style(styles, style_id), "w:rPr/w:color", "themeColor") is None, style_id
    assert attr(style(styles, "Title"), "w:pPr/w:pBdr/w:bottom", "color") == "AA3300"
    assert attr(style(styles, "Letterhead"), "w:pPr/w:pBdr/w:bottom", "color") == "AA3300"
    assert attr(style(styles, "Quote"), "w:pPr/w:pBdr/w:left", "color") == "E8A33D"
    table = style(styles, "PressTable")
    assert {b.get(f"{{{W}}}color") for b in table.xpath("w:tblPr/w:tblBorders/*", namespaces=NS)} == {
        "E8A33D"
    }
    assert attr(table, "w:tblStylePr/w:tcPr/w:shd", "fill") == "E8A33D"
    assert attr(styles, "w:docDefaults/w:rPrDefault/w:rPr/w:color", "val") == "202040"
    assert attr(style(styles, "Quote"), "w:rPr/w:color", "val") == "202040"


def test_typefaces_are_in_the_styles_with_east_asian_and_complex_fonts_kept() -> None:
    styles = tree(render(pentagon(), CONTRAST), "word/styles.xml")
    fonts = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", namespaces=NS)[0]
    assert (fonts.get(f"{{{W}}}ascii"), fonts.get(f"{{{W}}}hAnsi")) == ("Harbour Serif", "Harbour Serif")
    assert fonts.get(f"{{{W}}}asciiTheme") is None and fonts.get(f"{{{W}}}hAnsiTheme") is None
    # Text the theme's font may not cover keeps the template's fonts: Word falls back per script.
    assert (
        fonts.get(f"{{{W}}}eastAsiaTheme") == "minorEastAsia" and fonts.get(f"{{{W}}}cstheme") == "minorBidi"
    )
    for style_id in ("Title", "Subtitle", "Heading1", "Heading2", "Heading3"):
        assert attr(style(styles, style_id), "w:rPr/w:rFonts", "ascii") == "Harbour Sans", style_id
        assert attr(style(styles, style_id), "w:rPr/w:rFonts", "asciiTheme") is None, style_id


@pytest.mark.skipif(not DEJAVU_SERIF.is_file(), reason="DejaVu Serif (fonts-dejavu-core) is not installed")
def test_a_font_file_gives_its_family_name() -> None:
    styles = tree(render(pentagon(), replace(CONTRAST, heading_font=str(DEJAVU_SERIF))), "word/styles.xml")
    assert attr(style(styles, "Heading1"), "w:rPr/w:rFonts", "ascii") == "DejaVu Serif"


def test_default_theme_is_the_look_without_a_theme() -> None:
    assert render(features(), DEFAULT) == render(features())
    styles = tree(render(features()), "word/styles.xml")
    assert attr(style(styles, "Title"), "w:rPr/w:color", "val") == DEFAULT.primary.lstrip("#").upper()
    assert attr(style(styles, "Quote"), "w:pPr/w:pBdr/w:left", "color") == DEFAULT.accent.lstrip("#").upper()
    assert attr(styles, "w:docDefaults/w:rPrDefault/w:rPr/w:color", "val") == DEFAULT.ink.lstrip("#").upper()
    # No header, no first-page set-up, no speaker lines without a theme that asks for them.
    names = parts(render(features()))
    assert not any("header" in name for name in names)
    assert section_properties(render(features())).find(f"{{{W}}}titlePg") is None


def test_a_theme_with_only_colours_changes_only_the_styles() -> None:
    plain, coloured = parts(render(features())), parts(render(features(), Theme(primary="#aa3300")))
    assert sorted(plain) == sorted(coloured)
    assert [name for name in plain if plain[name] != coloured[name]] == ["word/styles.xml"]


# --- header, footer, page ---------------------------------------------------------------------------


def test_logo_and_letterhead_in_the_first_page_header() -> None:
    data = render(pentagon(), CONTRAST)
    files = parts(data)
    properties = section_properties(data)
    assert properties.find(f"{{{W}}}titlePg") is not None
    first = properties.xpath("w:headerReference[@w:type='first']", namespaces=NS)
    assert len(first) == 1 and not properties.xpath("w:headerReference[@w:type='default']", namespaces=NS)
    rels = etree.fromstring(files["word/_rels/document.xml.rels"])
    target = {rel.get("Id"): rel.get("Target") for rel in rels}[first[0].get(f"{{{R}}}id")]
    header = etree.fromstring(files[f"word/{target}"])
    doc_pr = header.xpath("//wp:inline/wp:docPr", namespaces=NS)
    assert [d.get("descr") for d in doc_pr] == ["Harbour Trust logo"]
    blip = header.xpath("//*[local-name()='blip']")[0].get(f"{{{R}}}embed")
    header_rels = etree.fromstring(files[f"word/_rels/{target}.rels"])
    picture = {rel.get("Id"): rel.get("Target") for rel in header_rels}[blip]
    assert files[f"word/{picture}"] == CONTRAST.logo.data  # type: ignore[union-attr]
    texts = ["".join(p.itertext()) for p in header.iter(f"{{{W}}}p")]
    assert texts[1:] == ["Harbour Trust", "Harbour Trust · 1 Quay Street <b>&amp;"]  # markup kept as text
    assert b'Extension="png"' in files["[Content_Types].xml"]
    assert f'PartName="/word/{target}"'.encode() in files["[Content_Types].xml"]
    # Word and LibreOffice both read it as the first page's header.
    opened = docx.Document(io.BytesIO(data)).sections[-1]
    assert opened.different_first_page_header_footer
    assert opened.first_page_header.paragraphs[-1].text == texts[-1]


def test_svg_logo_is_drawn_as_png() -> None:
    theme = replace(CONTRAST, logo=Logo(SVG_LOGO, "image/svg+xml", "Green logo", "logo.svg"))
    files = parts(render(pentagon(), theme))
    pictures = [name for name in files if name.startswith("word/media/logo-")]
    assert len(pictures) == 1 and pictures[0].endswith(".png")
    assert files[pictures[0]].startswith(b"\x89PNG\r\n\x1a\n")
    assert b'descr="Green logo"' in files["word/header-first.xml"]


def test_a_logo_that_cannot_be_drawn_is_one_error_naming_the_theme() -> None:
    theme = replace(
        CONTRAST, logo=Logo(b"<svg xmlns='http://www.w3.org/2000/svg'><rect", "image/svg+xml", "x", "l.svg")
    )
    with pytest.raises(WriterError) as caught:
        render(pentagon(), theme)
    assert caught.value.path == "themes/harbour/theme.toml"
    assert "SVG logo" in str(caught.value)


def test_footer_line_with_page_fields_on_every_page() -> None:
    data = render(pentagon(), CONTRAST)
    properties = section_properties(data)
    footers = {
        ref.get(f"{{{W}}}type"): ref.get(f"{{{R}}}id")
        for ref in properties.findall(f"{{{W}}}footerReference")
    }
    assert footers["first"] == footers["default"]  # the first page is numbered like the rest
    footer = tree(data, "word/footer1.xml")
    codes = [code.text.strip() for code in footer.iter(f"{{{W}}}instrText")]
    assert codes == ["PAGE", "NUMPAGES"]
    shown = "".join(t.text for t in footer.iter(f"{{{W}}}t"))
    assert shown == "Harbour Trust press office — page 1 of 1"


def test_page_size_and_margins() -> None:
    properties = section_properties(render(pentagon(), CONTRAST))
    size = properties.find(f"{{{W}}}pgSz")
    assert (size.get(f"{{{W}}}w"), size.get(f"{{{W}}}h")) == ("11906", "16838")  # A4 although "en"
    margins = properties.find(f"{{{W}}}pgMar")
    got = [margins.get(f"{{{W}}}{side}") for side in ("top", "right", "bottom", "left")]
    assert got == ["1417", "1134", "1417", "1701"]  # 25, 20, 25, 30 mm
    # An explicit page size still wins over the theme's.
    asked = section_properties(render(pentagon(), CONTRAST, page_size="letter")).find(f"{{{W}}}pgSz")
    assert asked.get(f"{{{W}}}w") == "12240"


# --- the speaker line -------------------------------------------------------------------------------


def test_speaker_line_under_each_attributed_quote_when_asked() -> None:
    document = pentagon()
    quotes = [b for b in document.blocks() if isinstance(b, Quote)]
    shown = docx.Document(io.BytesIO(render(document, CONTRAST)))
    lines = [p.text for p in shown.paragraphs if p.style.name == "Quote Speaker"]
    assert lines == [f"— {q.speaker}" for q in quotes if q.speaker]
    styles = [p.style.name for p in shown.paragraphs]
    for index, name in enumerate(styles):
        if name == "Quote Speaker":
            assert styles[index - 1] == "Quote"
    for paragraph in shown.paragraphs:  # the quote keeps with its speaker line
        if paragraph.style.name == "Quote" and paragraph.paragraph_format.keep_with_next:
            break
    else:
        raise AssertionError("no quote keeps with its speaker line")
    hidden = docx.Document(io.BytesIO(render(document, replace(CONTRAST, show_speaker=False))))
    assert not [p for p in hidden.paragraphs if p.style.name == "Quote Speaker"]
    check_fidelity(document, "docx", render(document, CONTRAST))  # the names are furniture, not new words


def test_no_space_between_a_quote_and_its_speaker_line() -> None:
    body = tree(render(pentagon(), CONTRAST), "word/document.xml")
    paragraphs = body.xpath("/w:document/w:body/w:p", namespaces=NS)
    pairs = [
        (before, after)
        for before, after in pairwise(paragraphs)
        if attr(after, "w:pPr/w:pStyle", "val") == "QuoteSpeaker"
    ]
    assert pairs
    for quote, _ in pairs:
        assert attr(quote, "w:pPr/w:pStyle", "val") == "Quote"
        assert attr(quote, "w:pPr/w:spacing", "after") == "0"  # the rule runs on into the speaker line
    # A quote without a speaker line keeps its style's space after.
    hidden = tree(render(pentagon(), replace(CONTRAST, show_speaker=False)), "word/document.xml")
    assert not hidden.xpath("//w:p[w:pPr/w:pStyle/@w:val='Quote']/w:pPr/w:spacing", namespaces=NS)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler are not installed",
)
def test_libreoffice_draws_one_unbroken_rule_down_a_quote_and_its_speaker_line(tmp_path: Path) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTCurve

    source = tmp_path / "quotes.docx"
    source.write_bytes(render(pentagon(), replace(CONTRAST, body_font=None, heading_font=None)))
    libreoffice_pdf(source)
    page = next(iter(extract_pages(str(tmp_path / "quotes.pdf"), page_numbers=[0])))
    # The quote rule: vertical strokes at one x, each quote's pieces (the quote's and its speaker
    # line's) overlapping or touching, never a gap between them.
    strokes = sorted(
        {
            (round(item.y0, 1), round(item.y1, 1))
            for item in page
            if isinstance(item, LTCurve) and item.width < 4
        },
        reverse=True,
    )
    assert len(strokes) >= 2
    gaps = [above[0] - below[1] for above, below in pairwise(strokes)]
    # Between a quote and its own speaker line the rule is continuous (a gap of at most 0); the
    # larger gaps are between one quote's speaker line and the next quote.
    small = [gap for gap in gaps if gap < 12]
    assert small and all(gap <= 0 for gap in small), gaps


# --- the reference document wins --------------------------------------------------------------------


def _reference(tmp_path: Path, *, header: bool) -> Path:
    template = docx.Document()
    title = template.styles["Title"]
    title.font.color.rgb = docx.shared.RGBColor(0x12, 0x34, 0x56)
    title.font.name = "Reference Face"
    if header:
        template.sections[0].header.paragraphs[0].text = "Reference letterhead"
    path = tmp_path / "reference.docx"
    template.save(str(path))
    return path


def test_reference_document_styles_survive_the_theme(tmp_path: Path) -> None:
    data = render(pentagon(), CONTRAST, docx_reference=_reference(tmp_path, header=True))
    styles = tree(data, "word/styles.xml")
    assert attr(style(styles, "Title"), "w:rPr/w:color", "val") == "123456"
    assert attr(style(styles, "Title"), "w:rPr/w:rFonts", "ascii") == "Reference Face"
    assert attr(style(styles, "Heading1"), "w:rPr/w:color", "val") != "AA3300"
    opened = docx.Document(io.BytesIO(data)).sections[-1]
    assert opened.header.paragraphs[0].text == "Reference letterhead"
    assert not any(name.startswith("word/media/logo-") for name in parts(data))
    notes = Notes()
    docx_writer.write(
        pentagon(), WriteOptions(theme=CONTRAST, docx_reference=_reference(tmp_path, header=True)), notes
    )
    assert [item.code for item in notes.items] == ["docx-theme"]


def test_reference_without_a_header_gets_the_theme_letterhead(tmp_path: Path) -> None:
    data = render(pentagon(), CONTRAST, docx_reference=_reference(tmp_path, header=False))
    assert attr(style(tree(data, "word/styles.xml"), "Title"), "w:rPr/w:color", "val") == "123456"
    assert b'descr="Harbour Trust logo"' in parts(data)["word/header-first.xml"]


# --- reproducible -----------------------------------------------------------------------------------


def test_same_bytes_twice_and_in_a_fresh_process(tmp_path: Path) -> None:
    first = render(pentagon(), CONTRAST)
    assert render(pentagon(), CONTRAST) == first  # the cached styles, header and footer
    script = (
        "import sys\n"
        "from test_docx_theme import CONTRAST, render\n"
        "from test_docx import pentagon\n"
        "sys.stdout.buffer.write(render(pentagon(), CONTRAST))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, cwd=Path(__file__).parent
    )
    assert done.stdout == first


# --- press kits -------------------------------------------------------------------------------------


def third_release() -> Document:
    text = (
        "Ferry timetable changes for the summer\n\n"
        "PORT ELLEN, May 2, 2025 — The harbour adds two evening crossings from June.\n\n"
        "Passenger numbers\n\n"
        "“We listened to the islanders,” said Morag Bell, the harbour master. “They asked for later boats.”\n"
    )
    return read_text(text)


def kit_documents() -> list[Document]:
    return [pentagon(), features(), third_release()]


def body_chunks(data: bytes) -> list[bytes]:
    """The kit cut after each section break: one DOCX per part (front matter, each release)."""
    files = parts(data)
    root = etree.fromstring(files["word/document.xml"])
    body = root.find(f"{{{W}}}body")
    children = [c for c in body if c.tag != f"{{{W}}}sectPr"]
    chunks: list[list[etree._Element]] = [[]]
    for element in children:
        chunks[-1].append(element)
        if element.xpath("w:pPr/w:sectPr", namespaces=NS):
            chunks.append([])
    out = []
    for chunk in chunks:
        copy = etree.fromstring(files["word/document.xml"])
        copy_body = copy.find(f"{{{W}}}body")
        for element in list(copy_body):
            if element.tag != f"{{{W}}}sectPr":
                copy_body.remove(element)
        for element in chunk:
            copy_body.insert(len(copy_body) - 1, etree.fromstring(etree.tostring(element)))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in files.items():
                if name in ("word/footnotes.xml", "word/endnotes.xml"):
                    continue  # a release's cited notes are checked apart (the harness's docx rule)
                archive.writestr(name, etree.tostring(copy) if name == "word/document.xml" else content)
        out.append(buffer.getvalue())
    return out


def test_kit_has_title_contents_and_each_release_on_a_new_page() -> None:
    documents = kit_documents()
    data = docx_writer.write_volume(
        documents, WriteOptions(theme=CONTRAST, volume_title="Harbour kit"), Notes()
    )
    opened = docx.Document(io.BytesIO(data))
    paragraphs = opened.paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Volume Title", "Harbour kit")
    assert (paragraphs[1].style.name, paragraphs[1].text) == ("TOC Heading", "Contents")
    root = tree(data, "word/document.xml")
    codes = [code.text for code in root.iter(f"{{{W}}}instrText")]
    assert codes == [' TOC \\h \\z \\t "Title,1,Heading 1,2" ']
    # The written contents: one linked entry per headline (level 1) and level-2 heading (level 2).
    entries = root.xpath("//w:p[w:pPr/w:pStyle/@w:val='toc1' or w:pPr/w:pStyle/@w:val='toc2']", namespaces=NS)
    headlines = [e for e in entries if e.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["toc1"]]
    assert [shown(e) for e in headlines] == [d.headline for d in documents]
    bookmarks = {b.get(f"{{{W}}}name"): b for b in root.iter(f"{{{W}}}bookmarkStart")}
    ids = [b.get(f"{{{W}}}id") for b in root.iter(f"{{{W}}}bookmarkStart")]
    assert len(ids) == len(set(ids))  # TOC bookmarks never reuse a quote bookmark's id
    for entry in entries:
        anchor = entry.xpath("w:hyperlink/@w:anchor", namespaces=NS)[0]
        target = bookmarks[anchor].getparent()
        assert shown(target) == shown(entry)
    # Each release is a section of its own from a new page, with its headline in the Title style: a
    # section break ends the front matter and every release but the last (the body's own sectPr).
    breaks = root.xpath("//w:p/w:pPr/w:sectPr", namespaces=NS)
    assert len(breaks) == len(documents)
    assert [b.xpath("w:type/@w:val", namespaces=NS) for b in breaks] == [["nextPage"]] * len(breaks)
    sections: list[list[str | None]] = [[]]
    for element in root.find(f"{{{W}}}body"):
        sections[-1].append(attr(element, "w:pPr/w:pStyle", "val"))
        if element.xpath("w:pPr/w:sectPr", namespaces=NS):
            sections.append([])
    assert [section.count("Title") for section in sections] == [0] + [1] * len(documents)
    assert opened.core_properties.title == "Harbour kit"
    assert opened.core_properties.created.year == 2025  # the newest release's date, not the clock
    # The theme reaches the kit: letterhead on its first page, speaker lines, footer.
    assert b"Harbour Trust logo" in parts(data)["word/header-first.xml"]
    assert "— Pat Ryder" in [p.text for p in paragraphs]


def test_kit_every_release_opens_under_the_letterhead() -> None:
    documents = kit_documents()
    data = docx_writer.write_volume(documents, WriteOptions(theme=CONTRAST, volume_title="Kit"), Notes())
    root = tree(data, "word/document.xml")
    rels = tree(data, "word/_rels/document.xml.rels")
    header_ids = {
        r.get("Id")
        for r in rels
        if r.get("Target") == "header-first.xml" and r.get("Type").endswith("/header")
    }
    assert len(header_ids) == 1
    sections = root.xpath("//w:sectPr", namespaces=NS)
    assert len(sections) == 1 + len(documents)  # the front matter's, each release's

    def reference(section: etree._Element, kind: str, slot: str) -> str:
        [found] = section.xpath(f"w:{kind}Reference[@w:type='{slot}']/@r:id", namespaces=NS)
        return str(found)

    footer_id = reference(sections[-1], "footer", "default")
    for section in sections:
        # The letterhead is each section's first-page header, and its first page keeps the footer.
        assert reference(section, "header", "first") in header_ids
        assert section.find(f"{{{W}}}titlePg") is not None
        assert reference(section, "footer", "first") == footer_id
        assert attr(section, "w:pgSz", "w") == attr(sections[-1], "w:pgSz", "w")  # the theme's A4 in each
    # The front matter's break stands in a paragraph of its own, after the contents' field ends.
    front_break = sections[0].getparent().getparent()
    assert shown(front_break) == "" and not front_break.xpath(".//w:fldChar", namespaces=NS)


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler are not installed",
)
def test_libreoffice_shows_the_letterhead_on_each_releases_first_page(tmp_path: Path) -> None:
    documents = kit_documents()
    theme = replace(CONTRAST, body_font=None, heading_font=None)
    source = tmp_path / "kit.docx"
    source.write_bytes(
        docx_writer.write_volume(documents, WriteOptions(theme=theme, volume_title="Kit"), Notes())
    )
    libreoffice_pdf(source)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "kit.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")[:-1]
    line = "Harbour Trust · 1 Quay Street <b>&amp;"
    headed = [n for n, page in enumerate(pages, start=1) if line in page]
    folded = [" ".join(page.split()) for page in pages]
    # Each release's first page: after the title page (whose contents name every headline), the first
    # page showing the headline's opening words.
    starts = [
        next(n for n, page in enumerate(folded[1:], start=2) if " ".join(d.headline.split()[:4]) in page)
        for d in documents
    ]
    # The title page and every release's first page, and no other page, wear the letterhead.
    assert headed == [1, *starts], (headed, starts)
    for number, page in enumerate(pages, start=1):  # every page numbered, the title page too
        assert f"page {number} of {len(pages)}" in page, number


def test_fidelity_harness_reads_each_release_of_a_kit_back_in_order() -> None:
    documents = kit_documents()
    data = docx_writer.write_volume(
        documents, WriteOptions(theme=CONTRAST, volume_title="Harbour kit"), Notes()
    )
    front, *releases = body_chunks(data)
    assert len(releases) == len(documents)
    for document, chunk in zip(documents, releases, strict=True):
        check_fidelity(document, "docx", chunk)
    # The front matter holds the title, "Contents" and the headlines and headings it lists, nothing else.
    listed = {"Harbour", "kit", "Contents"}
    for document in documents:
        listed |= set(words(document.headline))
        listed |= {w for s in document.sections if s.heading for w in words(s.heading)}
    assert set(extract_words("docx", front)) <= listed
    # And the whole kit is the releases' words after the front matter, in the order given.
    whole = extract_words("docx", body_chunks(data)[0]) + [
        word for chunk in releases for word in extract_words("docx", chunk)
    ]
    assert extract_words("docx", data)[: len(whole)] == whole


def test_kit_notes_and_quote_speakers_run_on_through_the_releases() -> None:
    documents = [elements(), pentagon(), elements()]
    data = docx_writer.write_volume(documents, WriteOptions(volume_title="Notes kit"), Notes())
    files = parts(data)
    footnotes = etree.fromstring(files["word/footnotes.xml"])
    ids = [n.get(f"{{{W}}}id") for n in footnotes.findall(f"{{{W}}}footnote")]
    assert len(ids) == len(set(ids))
    references = [
        r.get(f"{{{W}}}id")
        for r in etree.fromstring(files["word/document.xml"]).iter(f"{{{W}}}footnoteReference")
    ]
    assert len(references) == 2 and set(references) <= set(ids)
    custom = files["docProps/custom.xml"].decode()
    quotes = sum(1 for d in documents for b in d.blocks() if isinstance(b, Quote) and b.speaker)
    assert custom.count('name="Quote ') == quotes  # "Quote N speaker", N counting on through the kit
    assert f'name="Quote {quotes} speaker"' in custom
    docx.Document(io.BytesIO(data))  # opens


def test_kit_reproducible_and_in_the_order_given() -> None:
    documents = kit_documents()
    options = WriteOptions(theme=CONTRAST, volume_title="Harbour kit")
    data = docx_writer.write_volume(documents, options, Notes())
    assert docx_writer.write_volume(documents, options, Notes()) == data
    reversed_kit = docx_writer.write_volume(documents[::-1], options, Notes())
    titles = [p.text for p in docx.Document(io.BytesIO(reversed_kit)).paragraphs if p.style.name == "Title"]
    assert titles == [d.headline for d in documents[::-1]]


def test_kit_without_a_title_is_named_after_its_first_release() -> None:
    notes = Notes()
    data = docx_writer.write_volume(kit_documents(), WriteOptions(), notes)
    assert [item.code for item in notes.items] == ["volume-title"]
    assert docx.Document(io.BytesIO(data)).core_properties.title == pentagon().title


def test_api_and_command_line_make_a_kit(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Harbour opens a new berth\n\nThe new berth takes ships up to 200 metres.\n", encoding="utf-8"
    )
    b.write_text("Ferry timetable changes\n\nTwo evening crossings are added in June.\n", encoding="utf-8")
    out = tmp_path / "kit.docx"
    assert main(["to-docx", str(a), str(b), "-o", str(out), "--volume-title", "Spring kit"]) == 0
    paragraphs = docx.Document(str(out)).paragraphs
    assert paragraphs[0].text == "Spring kit"
    assert [p.text for p in paragraphs if p.style.name == "Title"] == [
        "Harbour opens a new berth",
        "Ferry timetable changes",
    ]
    by_api = api.convert([str(a), str(b)], "docx", volume_title="Spring kit", notes=Notes())
    assert by_api == out.read_bytes()


def test_a_kit_of_one_when_a_volume_title_is_given() -> None:
    document = Document(
        headline="One release",
        metadata=Metadata(language="en"),
        sections=(Section(None, (Paragraph("Body words."),)),),
    )
    data = render(document, None, volume_title="Kit of one")
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "Kit of one"
    assert render(document) != data


# --- the repository's example themes ----------------------------------------------------------------


def test_example_themes_reach_the_docx() -> None:
    from pressconv import theme as themes

    examples = Path(__file__).resolve().parent.parent / "examples" / "themes"
    try:
        harbour = themes.load(examples / "harbour")
    except PressconvError as err:  # a machine without the example's fonts (fonts-noto-core)
        pytest.skip(f"the harbour theme does not load here: {err}")
    data = docx_writer.write(pentagon(), WriteOptions(theme=harbour), Notes())
    styles = tree(data, "word/styles.xml")
    assert attr(style(styles, "Title"), "w:rPr/w:color", "val") == harbour.primary.lstrip("#").upper()
    assert attr(style(styles, "Heading1"), "w:rPr/w:rFonts", "ascii") == harbour.heading_family
    fonts = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", namespaces=NS)[0]
    assert fonts.get(f"{{{W}}}ascii") == harbour.body_family
    header = parts(data)["word/header-first.xml"].decode()
    assert f'descr="{harbour.logo.alt}"' in header  # type: ignore[union-attr]
    assert any(n.startswith("word/media/logo-") and n.endswith(".png") for n in parts(data))  # SVG drawn
    default = themes.load(examples / "default")
    assert docx_writer.write(pentagon(), WriteOptions(theme=default), Notes()) == docx_writer.write(
        pentagon(), WriteOptions(), Notes()
    )


# --- any document -----------------------------------------------------------------------------------


@settings(derandomize=True, max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_document, min_size=1, max_size=3))
def test_any_documents_themed_or_as_a_kit_write_the_same_bytes_and_open(documents: list[Document]) -> None:
    options = WriteOptions(theme=CONTRAST, volume_title="Kit" if len(documents) > 1 else None)
    data = api.render(documents, "docx", options, Notes())
    assert api.render(documents, "docx", options, Notes()) == data
    opened = docx.Document(io.BytesIO(data))
    titles = [p for p in opened.paragraphs if p.style.name == "Title"]
    assert len(titles) == len(documents)
