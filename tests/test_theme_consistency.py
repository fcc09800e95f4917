"""One theme, four formats, one look (#19): the same letterhead words in the same order under the logo,
and the headline in the theme's primary colour, read back from each format's bytes; a kit's contents
heading from one table of labels (``writers._labels``) in the HTML and the DOCX.

The rules: the headline is a heading, so it wears ``primary`` (the colour the theme gives headings,
links and the letterhead rule) in the PDF, DOCX, HTML and EPUB alike; the logo comes first, the
organisation's name and the letterhead line under it, in that order, in all four.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import replace
from typing import Any

import pikepdf
import pytest
from bs4 import BeautifulSoup
from lxml import etree  # type: ignore[import-untyped]
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

from pdf_layout import walk
from pressconv.errors import Notes
from pressconv.model import Quote
from pressconv.options import WriteOptions
from pressconv.theme import Theme
from pressconv.writers import docx, epub, html, pdf
from test_pdf import sample
from test_pdf_theme import logo

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

THEMES = {
    "svg": Theme(
        organisation="Tideway Water Board",
        logo=logo("svg"),
        primary="#aa3300",
        accent="#2b6e4f",
        ink="#202830",
        letterhead="12 Quay Road, Harbourtown",
    ),
    "no-logo": Theme(organisation="Tideway Water Board", primary="#115577", letterhead="Harbourtown"),
    "name-only": Theme(organisation="Tideway Water Board", primary="#115577"),
}


def write(fmt: str, theme: Theme) -> bytes:
    writer = {"html": html, "epub": epub, "docx": docx, "pdf": pdf}[fmt]
    return writer.write(sample(), WriteOptions(theme=theme), Notes())


def letterhead_lines(fmt: str, data: bytes) -> tuple[bool, list[str]]:
    """(whether the logo comes first, the letterhead's lines in order) as the format shows them."""
    if fmt in ("html", "epub"):
        if fmt == "epub":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = archive.read("EPUB/release.xhtml")
        header = BeautifulSoup(data, "html.parser").find("header", class_="letterhead")
        assert header is not None
        children = header.find_all(recursive=False)
        return children[0].name == "img", [p.get_text() for p in header.find_all("p")]
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = etree.fromstring(archive.read("word/header-first.xml"))
        paragraphs = root.findall(f"{{{W}}}p")
        has_logo = bool(paragraphs[0].findall(f".//{{{W}}}drawing"))
        lines = ["".join(p.itertext()) for p in paragraphs]
        return has_logo, [line for line in lines if line]
    # PDF: the letterhead is the first page's text before the headline; the logo Figure is drawn first.
    text = subprocess.run(
        ["pdftotext", "-raw", "-f", "1", "-l", "1", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")
    lines = text.splitlines()
    head = lines[: lines.index(next(line for line in lines if line.startswith("The Pentagon")))]
    with pikepdf.open(io.BytesIO(data)) as document:
        ops = [op for op in pikepdf.parse_content_stream(document.pages[0]) if str(op.operator) == "BDC"]
    # The first of the letterhead's marked sequences: the logo's Figure, or the header artifact of its lines.
    first = next(
        str(op.operands[0])
        for op in ops
        if op.operands[0] == "/Figure" or str(op.operands[1].get("/Subtype", "")) == "/Header"
    )
    # Drawn before it: the page footer ("Page 1 of 3"), and the SVG logo's own word ("Tide", in the Figure).
    shown = [line for line in head if line.strip() and not re.fullmatch(r"Page \d+ of \d+|Tide", line)]
    return first == "/Figure", shown


@pytest.mark.parametrize("name", list(THEMES))
def test_the_four_formats_carry_the_same_letterhead_in_the_same_order(name: str) -> None:
    theme = THEMES[name]
    expected = [line for line in (theme.organisation, theme.letterhead) if line]
    for fmt in ("html", "epub", "docx", "pdf"):
        logo_first, lines = letterhead_lines(fmt, write(fmt, theme))
        assert lines == expected, fmt
        assert logo_first == (theme.logo is not None), fmt


def _css_colour(css: str, selector: str) -> str:
    for match in re.finditer(r"(?m)^([^{}\n]+) \{([^}]*)\}", css):
        if selector in [s.strip() for s in match.group(1).split(",")]:
            found = re.search(r"(?:^|;)\s*color: (#[0-9a-f]{6})", match.group(2))
            if found:
                return found.group(1)
    raise AssertionError(f"no colour for {selector}")


def headline_colour(fmt: str, data: bytes) -> str:
    if fmt == "html":
        style = BeautifulSoup(data, "html.parser").find("style")
        assert style is not None
        return _css_colour(style.get_text(), "h1")
    if fmt == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _css_colour(archive.read("EPUB/style.css").decode(), "h1")
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = etree.fromstring(archive.read("word/styles.xml"))
        [colour] = styles.xpath("w:style[@w:styleId='Title']/w:rPr/w:color/@w:val", namespaces=NS)
        return "#" + str(colour).lower()
    # PDF: the fill colour in force when the headline (the H1 element's content) is drawn.
    with pikepdf.open(io.BytesIO(data)) as document:
        ops = list(pikepdf.parse_content_stream(document.pages[0]))
    start = next(i for i, op in enumerate(ops) if str(op.operator) == "BDC" and op.operands[0] == "/H1")
    fill = next(op for op in ops[start:] if str(op.operator) == "rg")
    return "#" + "".join(f"{round(float(v) * 255):02x}" for v in fill.operands)


@pytest.mark.parametrize("primary", ["#aa3300", "#1f4e79"])
def test_the_headline_wears_the_primary_colour_in_every_format(primary: str) -> None:
    theme = replace(THEMES["svg"], primary=primary)
    for fmt in ("html", "epub", "docx", "pdf"):
        assert headline_colour(fmt, write(fmt, theme)) == primary, fmt


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Contents"), ("de-DE", "Inhalt"), ("fr", "Sommaire"), ("ar", "المحتويات"), ("xx", "Contents")],
)
def test_a_kits_contents_heading_is_in_the_kits_language_in_html_and_docx(
    language: str, heading: str
) -> None:
    documents = [replace(d, metadata=replace(d.metadata, language=language)) for d in (sample(), sample())]
    options = WriteOptions(volume_title="Kit")
    page = BeautifulSoup(html.write_volume(documents, options, Notes()), "html.parser")
    assert page.find("h2", id="contents").get_text() == heading
    data = docx.write_volume(documents, options, Notes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    found = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TOCHeading']//w:t/text()", namespaces=NS)
    assert "".join(found) == heading


# --- one look per property: quotes, the letterhead line, the footer ---------------------------------------
#
# The rules (issue #19): a quote is italic inside its rule, its speaker line upright, in all four formats
# (the paged formats' look); the letterhead line wears the primary colour, as the organisation's name and
# the rule do (the DOCX's and HTML's look); the footer line starts at the line's start, never centred (the
# PDF's, HTML's and EPUB's look).

FOOTED = replace(THEMES["svg"], footer="Tideway Water Board · page {page} of {pages}", show_speaker=True)
LOOKS = {"svg": FOOTED, "no-logo": replace(THEMES["no-logo"], footer="{page} / {pages}")}


def stylesheet(fmt: str, data: bytes) -> str:
    if fmt == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("EPUB/style.css").decode("utf-8")
    style = BeautifulSoup(data, "html.parser").find("style")
    assert style is not None
    return style.get_text()


def declarations(css: str, selector: str) -> dict[str, str]:
    """The declarations of the top-level rules naming ``selector`` (one rule a line, as the sheet is)."""
    found: dict[str, str] = {}
    for match in re.finditer(r"(?m)^([^{}\n@]+) \{([^{}]*)\}", css):
        if selector in [s.strip() for s in match.group(1).split(",")]:
            for declaration in match.group(2).split(";"):
                name, _, value = declaration.partition(":")
                if name.strip():
                    found[name.strip()] = value.strip()
    return found


def docx_parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = ["word/styles.xml", "word/header-first.xml", "word/footer1.xml", "word/document.xml"]
        return {name: etree.fromstring(archive.read(name)) for name in names if name in archive.namelist()}


def docx_style_property(styles: etree._Element, style_id: str, path: str) -> etree._Element | None:
    """A property of a paragraph style (``w:rPr/w:i``), looked up through the styles it is based on."""
    while style_id:
        [style] = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        found = style.find(path, NS)
        if found is not None:
            return found  # type: ignore[no-any-return]
        style_id = "".join(style.xpath("w:basedOn/@w:val", namespaces=NS))
    return None


def _on(element: etree._Element | None) -> bool:
    """A toggle property (w:i, w:b) is on when present without w:val "0" or "false"."""
    return element is not None and element.get(f"{{{W}}}val", "1") not in ("0", "false")


def pdf_chars(data: bytes) -> list[Any]:
    """Every character pdfminer finds on every page, with its font and fill colour."""
    return [
        item for page in extract_pages(io.BytesIO(data)) for item in walk(page) if isinstance(item, LTChar)
    ]


def _line_chars(chars: list[Any], words: str) -> list[Any]:
    """The characters of the first run of characters spelling ``words``, in drawing order."""
    text = "".join(c.get_text() for c in chars)
    start = text.index(words)
    return chars[start : start + len(words)]


QUOTE = next(b.text for b in sample().blocks() if isinstance(b, Quote))
SPEAKER = next(b.speaker for b in sample().blocks() if isinstance(b, Quote) and b.speaker)


@pytest.mark.parametrize("name", list(LOOKS))
def test_quotes_are_italic_and_speaker_lines_upright_in_every_format(name: str) -> None:
    theme = LOOKS[name]
    for fmt in ("html", "epub"):
        css = stylesheet(fmt, write(fmt, theme))
        assert declarations(css, "blockquote").get("font-style") == "italic", fmt
        assert declarations(css, ".speaker").get("font-style") == "normal", fmt
    styles = docx_parts(write("docx", theme))["word/styles.xml"]
    assert _on(docx_style_property(styles, "Quote", "w:rPr/w:i"))
    [speaker] = styles.xpath("w:style[w:name/@w:val='Quote Speaker']/@w:styleId", namespaces=NS)
    assert not _on(docx_style_property(styles, speaker, "w:rPr/w:i"))
    chars = pdf_chars(write("pdf", theme))
    quoted = _line_chars(chars, QUOTE[:30])
    assert all("Italic" in c.fontname for c in quoted if c.get_text().strip())
    if theme.show_speaker:
        line = _line_chars(chars, f"— {SPEAKER}")
        assert not any("Italic" in c.fontname for c in line)


@pytest.mark.parametrize("name", list(LOOKS))
def test_the_letterhead_line_wears_the_primary_colour_in_every_format(name: str) -> None:
    theme = LOOKS[name]
    assert theme.letterhead
    for fmt in ("html", "epub"):
        css = stylesheet(fmt, write(fmt, theme))
        assert declarations(css, ".letterhead").get("color") == theme.primary, fmt
        assert "color" not in declarations(css, ".letterhead p"), fmt
    parts = docx_parts(write("docx", theme))
    [letterhead] = parts["word/styles.xml"].xpath(
        "w:style[w:name/@w:val='Letterhead']/@w:styleId", namespaces=NS
    )
    colour = docx_style_property(parts["word/styles.xml"], letterhead, "w:rPr/w:color")
    assert colour is not None and "#" + colour.get(f"{{{W}}}val").lower() == theme.primary
    header = parts["word/header-first.xml"]
    [line] = [p for p in header.findall("w:p", NS) if "".join(p.itertext()) == theme.letterhead]
    assert line.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == [letterhead]
    assert line.findall(".//w:rPr/w:color", NS) == []  # no colour of its own over the style's
    chars = _line_chars(pdf_chars(write("pdf", theme)), theme.letterhead)
    fills = {tuple(round(v * 255) for v in c.graphicstate.ncolor) for c in chars if c.get_text().strip()}
    assert fills == {tuple(int(theme.primary[i : i + 2], 16) for i in (1, 3, 5))}


@pytest.mark.parametrize("name", list(LOOKS))
def test_the_footer_line_starts_at_the_start_of_the_line_in_every_format(name: str) -> None:
    theme = LOOKS[name]
    for fmt in ("html", "epub"):
        css = stylesheet(fmt, write(fmt, theme))
        for selector in (".page-footer", ".page-footer p"):
            assert declarations(css, selector).get("text-align", "start") in ("start", "left"), fmt
    parts = docx_parts(write("docx", theme))
    jc = docx_style_property(parts["word/styles.xml"], "Footer", "w:pPr/w:jc")
    assert jc is None or jc.get(f"{{{W}}}val") in ("start", "left")
    [footer] = [p for p in parts["word/footer1.xml"].findall("w:p", NS)]
    assert footer.find("w:pPr/w:jc", NS) is None
    data = write("pdf", theme)
    chars = pdf_chars(data)
    first = next(c for c in chars if c.y0 < 60)  # the footer: the only words in the bottom margin
    body = min(c.x0 for c in chars if c.y0 > 100)
    assert first.x0 == pytest.approx(body, abs=0.5)
