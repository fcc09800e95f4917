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

import pikepdf
import pytest
from bs4 import BeautifulSoup
from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
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
