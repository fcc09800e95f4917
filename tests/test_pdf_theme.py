"""The theme in the PDF: each setting read back from the bytes, tagging kept, same bytes twice.

Colours are read as colour operators in the page content, typefaces as the embedded fonts'
names, the logo as an image XObject (PNG) or vector paths (SVG) inside a ``Figure`` element with
the logo's ``/Alt``, the letterhead and footer as pagination artifacts, page size as the
MediaBox, margins from where pdfminer finds the text.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTTextContainer

from _pdfua import check
from pdf_layout import walk
from pressconv.errors import Notes
from pressconv.model import Document, Metadata, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.theme import DEFAULT, Logo, Theme
from pressconv.writers import pdf
from test_pdf import every_block, expected_words, sample

FIXTURES = Path(__file__).parent / "fixtures" / "theme"
NOTO = Path("/usr/share/fonts/truetype/noto")
has_noto = pytest.mark.skipif(
    not (NOTO / "NotoSans-Regular.ttf").is_file() or not (NOTO / "NotoSerif-Bold.ttf").is_file(),
    reason="Noto Sans and Noto Serif (fonts-noto-core) are not installed",
)
MM = 72 / 25.4


def logo(kind: str = "svg") -> Logo:
    media = "image/svg+xml" if kind == "svg" else "image/png"
    return Logo((FIXTURES / f"logo.{kind}").read_bytes(), media, "Tideway Water Board", f"logo.{kind}")  # type: ignore[arg-type]


def tideway(kind: str = "svg", **changes: Any) -> Theme:
    """A theme unlike the default in every setting the PDF applies."""
    theme = Theme(
        name="tideway",
        organisation="Tideway Water Board",
        logo=logo(kind),
        primary="#aa3300",
        accent="#2b6e4f",
        ink="#202830",
        page_size="a4",
        margins_mm=(25.0, 20.0, 25.0, 30.0),
        letterhead="12 Quay Road, Harbourtown",
        footer="Tideway Water Board, page {page} of {pages}",
        show_speaker=True,
    )
    return replace(theme, **changes)


def render(document: Document, theme: Theme | None = None, **options: Any) -> bytes:
    if theme is not None:
        options["theme"] = theme
    return pdf.write(document, WriteOptions(**options), Notes())


def colours(data: bytes, operator: str) -> set[tuple[float, ...]]:
    """Every colour set with ``operator`` (rg fill, RG stroke) in the pages' content, rounded."""
    found = set()
    with pikepdf.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            for op in pikepdf.parse_content_stream(page):
                if str(op.operator) == operator:
                    found.add(tuple(round(float(x), 3) for x in op.operands))
    return found


def rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(round(int(hex_colour[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))


def fonts(data: bytes) -> set[str]:
    """The embedded fonts' names, subset prefix dropped."""
    names = set()
    with pikepdf.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            for _, font in (page.Resources.get("/Font") or {}).items():
                names.add(str(font.BaseFont).split("+", 1)[-1])
    return names


def artifact_texts(data: bytes, page: int, subtype: str) -> list[str]:
    """The text shown inside /Artifact <</Type /Pagination /Subtype …>> sequences on a page (as bytes)."""
    found: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as doc:
        depth = 0
        for op in pikepdf.parse_content_stream(doc.pages[page]):
            name = str(op.operator)
            if (
                name == "BDC"
                and op.operands[0] == "/Artifact"
                and str(op.operands[1].get("/Subtype")) == subtype
            ):
                depth = 1
            elif depth and name in ("BDC", "BMC"):
                depth += 1
            elif depth and name == "EMC":
                depth -= 1
            elif depth and name in ("Tj", "TJ", "Do"):
                found.append(name)
    return found


def figure_elements(data: bytes) -> list[Any]:
    with pikepdf.open(io.BytesIO(data)) as doc:
        return [
            {"alt": str(obj.get("/Alt", "")), "kids": obj.get("/K")}
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"
        ]


# ---------------------------------------------------------------------------------------------------------
# No theme, the default theme.


def test_the_default_theme_is_the_unthemed_pdf_byte_for_byte() -> None:
    document = every_block()
    assert render(document, DEFAULT) == render(document)


def test_without_a_theme_there_is_no_letterhead_and_the_page_footer() -> None:
    data = render(sample())
    text = extract_text(io.BytesIO(data))
    assert "Page 1 of" in text
    assert figure_elements(data) == []
    assert artifact_texts(data, 0, "/Header") == []


# ---------------------------------------------------------------------------------------------------------
# Colours, typefaces, page set-up.


def test_theme_colours_reach_the_content_streams() -> None:
    theme = tideway()
    data = render(every_block(), theme)
    fills, strokes = colours(data, "rg"), colours(data, "RG")
    assert rgb(theme.primary) in fills  # headings, the release line, the organisation's name
    assert rgb(theme.ink) in fills  # body text
    assert rgb(theme.accent) in strokes  # quote rules
    assert rgb(theme.primary) in strokes  # the letterhead rule
    default = render(every_block())
    assert rgb(theme.primary) not in colours(default, "rg")
    assert rgb(DEFAULT.primary) in colours(default, "rg") and rgb(DEFAULT.ink) in colours(default, "rg")


def test_accent_reaches_table_borders() -> None:
    from pressconv.model import Cell, Table

    table = Table(header=((Cell("Quay"), Cell("Length")),), rows=((Cell("North"), Cell("300 m")),))
    document = Document("Quays", sections=(Section(None, (Paragraph("Our quays."), table)),))
    theme = Theme(accent="#336699")
    assert rgb("#336699") in colours(render(document, theme), "RG")


@has_noto
def test_body_and_heading_typefaces_are_embedded() -> None:
    data = render(every_block(), Theme(body_font="Noto Sans", heading_font="Noto Serif"))
    names = fonts(data)
    assert {"NotoSans-Regular", "NotoSans-Italic", "NotoSerif-Bold"} <= names
    assert not any(name.startswith("DejaVuSerif") for name in names)
    report = check(data)
    assert report.failures == []  # every font embedded, with a ToUnicode map


@has_noto
def test_a_typeface_by_file_path_and_the_pdf_font_option_winning() -> None:
    theme = Theme(body_font=str(NOTO / "NotoSans-Regular.ttf"))
    assert "NotoSans-Regular" in fonts(render(every_block(), theme))
    both = render(every_block(), theme, pdf_font="DejaVu Serif")
    assert not any(name.startswith("Noto") for name in fonts(both))


def test_fallback_still_draws_characters_the_theme_face_lacks() -> None:
    # Greek and Cyrillic in every-block: with the theme's faces the fallback search still finds glyphs.
    notes = Notes()
    data = pdf.write(every_block(), WriteOptions(theme=Theme(body_font="DejaVu Sans")), notes)
    assert [n for n in notes.items if n.code == "missing-glyph"] == []
    assert "Москва" in extract_text(io.BytesIO(data))


def test_page_size_from_the_theme_and_the_option_winning() -> None:
    document = sample()  # English without a region: Letter without a theme
    sizes = {}
    for name, theme, options in (
        ("plain", None, {}),
        ("theme", Theme(page_size="a4"), {}),
        ("option", Theme(page_size="a4"), {"page_size": "letter"}),
    ):
        with pikepdf.open(io.BytesIO(render(document, theme, **options))) as doc:
            sizes[name] = [round(float(v)) for v in doc.pages[0].MediaBox]
    assert sizes == {"plain": [0, 0, 612, 792], "theme": [0, 0, 595, 842], "option": [0, 0, 612, 792]}


def test_margins_from_the_theme() -> None:
    theme = Theme(page_size="a4", margins_mm=(30.0, 15.0, 40.0, 35.0))
    data = render(sample(), theme)
    page = next(iter(extract_pages(io.BytesIO(data), page_numbers=[1])))
    boxes = [box for box in page if isinstance(box, LTTextContainer) and box.get_text().strip()]
    body = [box for box in boxes if box.y0 > 40 * MM]  # the footer sits in the bottom margin
    assert min(box.x0 for box in body) == pytest.approx(35 * MM, abs=0.5)
    # A line's box takes in the space it ends with (a few points), never the default 66-point margin.
    assert page.width - 15 * MM - 10 < max(box.x1 for box in body) <= page.width - 15 * MM + 4
    assert max(box.y1 for box in body) <= page.height - 30 * MM + 0.5
    footer = [box for box in boxes if box.y1 < 40 * MM]
    assert footer and all(box.y0 > 0 for box in footer)


# ---------------------------------------------------------------------------------------------------------
# Letterhead, logo, footer.


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_logo_is_a_figure_with_alt_text(kind: str) -> None:
    data = render(sample(), tideway(kind))
    figures = figure_elements(data)
    assert [f["alt"] for f in figures] == ["Tideway Water Board"]
    with pikepdf.open(io.BytesIO(data)) as doc:
        images = [x for _, x in doc.pages[0].Resources.XObject.items() if x.Subtype == "/Image"]
        second = doc.pages[1].Resources.get("/XObject") or {}
        ops = list(pikepdf.parse_content_stream(doc.pages[0]))
    start = next(i for i, op in enumerate(ops) if str(op.operator) == "BDC" and op.operands[0] == "/Figure")
    end = next(i for i in range(start, len(ops)) if str(ops[i].operator) == "EMC")
    drawn = {str(op.operator) for op in ops[start:end]}
    if kind == "png":
        assert [(int(x.Width), int(x.Height)) for x in images] == [(96, 48)]
        assert "Do" in drawn
    else:
        assert images == []  # vectors, not a picture
        assert drawn & {"f", "f*", "B"}
    assert not any(x.Subtype == "/Image" for _, x in second.items())  # the letterhead is on page 1 only
    assert check(data).failures == []


def test_svg_logo_texts_use_an_embedded_face() -> None:
    data = render(sample(), tideway("svg"))
    assert not any("Helvetica" in name for name in fonts(data))
    assert check(data).failures == []


def test_letterhead_is_a_header_artifact_on_the_first_page_only() -> None:
    data = render(sample(), tideway())
    first = extract_text(io.BytesIO(data), page_numbers=[0])
    assert "Tideway Water Board" in first and "12 Quay Road, Harbourtown" in first
    assert "12 Quay Road" not in extract_text(io.BytesIO(data), page_numbers=[1])
    assert artifact_texts(data, 0, "/Header") and not artifact_texts(data, 1, "/Header")
    report = check(data)
    assert report.failures == []
    assert not any("Quay Road" in text for _, text in report.elements)  # not the release's words
    assert report.text_words(frozenset({"Figure"})) == expected_words(sample())


def test_letterhead_without_a_logo() -> None:
    data = render(sample(), Theme(organisation="Tideway Water Board", letterhead="Harbourtown"))
    assert figure_elements(data) == []
    assert "Tideway Water Board" in extract_text(io.BytesIO(data), page_numbers=[0])
    assert check(data).failures == []


def test_footer_line_with_page_numbers_on_every_page_as_an_artifact() -> None:
    data = render(sample(), tideway())
    with pikepdf.open(io.BytesIO(data)) as doc:
        pages = len(doc.pages)
    assert pages > 1
    lines = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    text = lines.stdout.decode("utf-8")
    for page in range(1, pages + 1):
        assert f"Tideway Water Board, page {page} of {pages}" in text
        assert artifact_texts(data, page - 1, "/Footer")
    assert "Page 1 of" not in text  # the theme's line replaces the built-in one
    assert not any("page 1 of" in t for _, t in check(data).elements)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{pages} pages, this is {page}", "2 pages, this is {n}"),
        ("Embargoed copy", "Embargoed copy"),
        ("p. {page}", "p. {n}"),
    ],
)
def test_footer_templates(template: str, expected: str) -> None:
    data = render(sample(), Theme(footer=template))
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    for n in (1, 2):
        assert expected.format(n=n) in pages[n - 1]


def test_show_speaker_prints_the_name_under_quotes_and_default_does_not() -> None:
    document = Document(
        "Quay opens",
        sections=(Section(None, (Quote("“We are ready,” said Jan Bakker.", speaker="Jan Bakker"),)),),
    )
    shown = extract_text(io.BytesIO(render(document, Theme(show_speaker=True))))
    hidden = extract_text(io.BytesIO(render(document)))
    assert "— Jan Bakker" in shown and "— Jan Bakker" not in hidden


# ---------------------------------------------------------------------------------------------------------
# Validity and determinism.


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
@pytest.mark.parametrize("kind", ["png", "svg"])
def test_themed_pdf_passes_qpdf_and_the_pdfua_checks(kind: str, tmp_path: Path) -> None:
    for document in (sample(), every_block()):
        data = render(document, tideway(kind))
        target = tmp_path / "x.pdf"
        target.write_bytes(data)
        subprocess.run(["qpdf", "--check", str(target)], check=True, capture_output=True)
        report = check(data)
        assert report.failures == [] and report.untagged_ops == 0


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_themed_pdf_is_reproducible(kind: str) -> None:
    assert render(every_block(), tideway(kind)) == render(every_block(), tideway(kind))


def test_svglib_is_imported_only_for_an_svg_logo() -> None:
    code = (
        f"import sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_pdf_theme import render, tideway\nfrom test_pdf import sample\n"
        "render(sample()); render(sample(), tideway('png'))\n"
        "print('svglib' in sys.modules)\n"
        "render(sample(), tideway('svg'))\nprint('svglib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_an_unreadable_logo_is_one_clear_error() -> None:
    from pressconv.errors import PressconvError

    bad = Logo(b"not a png", "image/png", "Logo", "logo.png")
    with pytest.raises(PressconvError, match=r"logo\.png"):
        render(sample(), Theme(logo=bad))
    with pytest.raises(PressconvError, match="SVG logo"):
        render(sample(), Theme(logo=Logo(b"<svg", "image/svg+xml", "Logo", "logo.svg")))


def test_organisation_in_a_script_the_face_lacks_falls_back() -> None:
    theme = Theme(organisation="Водоканал Тайдвей", footer="Водоканал — {page}")
    data = render(Document("Quay opens", metadata=Metadata(language="ru")), theme)
    text = extract_text(io.BytesIO(data))
    assert "Водоканал Тайдвей" in text and "Водоканал — 1" in text
    assert check(data).failures == []


# ---------------------------------------------------------------------------------------------------------
# The repository's example themes, loaded as a user's would be.

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "themes"


def test_the_example_default_theme_gives_the_unthemed_bytes(tmp_path: Path) -> None:
    from pressconv.cli import main

    source = Path(__file__).resolve().parent.parent / "source" / "pentagon-briefing.txt"
    plain, themed = tmp_path / "plain.pdf", tmp_path / "themed.pdf"
    assert main(["to-pdf", str(source), "-o", str(plain)]) == 0
    assert main(["to-pdf", str(source), "-o", str(themed), "--theme", str(EXAMPLES / "default")]) == 0
    assert plain.read_bytes() == themed.read_bytes()


@has_noto
def test_the_example_harbour_theme_through_the_cli(tmp_path: Path) -> None:
    from pressconv.cli import main
    from pressconv.theme import load

    theme = load(EXAMPLES / "harbour")
    source = Path(__file__).resolve().parent.parent / "source" / "pentagon-briefing.txt"
    out = tmp_path / "harbour.pdf"
    assert main(["to-pdf", str(source), "-o", str(out), "--theme", str(EXAMPLES / "harbour")]) == 0
    data = out.read_bytes()
    assert theme.logo is not None and theme.organisation and theme.footer
    assert [f["alt"] for f in figure_elements(data)] == [theme.logo.alt]
    assert rgb(theme.primary) in colours(data, "rg") and rgb(theme.accent) in colours(data, "RG")
    assert {"NotoSans-Regular", "NotoSerif-Bold"} <= fonts(data)
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert [round(float(v)) for v in doc.pages[0].MediaBox] == [0, 0, 595, 842]
        pages = len(doc.pages)
    text = extract_text(io.BytesIO(data))
    assert theme.organisation in text
    assert theme.footer.format(page=pages, pages=pages) in " ".join(text.split())
    assert "— Pat Ryder" in text  # show_speaker = true
    report = check(data)
    assert report.failures == [] and report.untagged_ops == 0
    target = tmp_path / "x.pdf"
    target.write_bytes(data)
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--check", str(target)], check=True, capture_output=True)


# ---------------------------------------------------------------------------------------------------------
# The logo's box, and a right-to-left letterhead and footer.


def figure_boxes(data: bytes) -> list[tuple[str, list[float]]]:
    """Each Figure element's layout attribute owner and /BBox, as written in its /A dictionary."""
    with pikepdf.open(io.BytesIO(data)) as doc:
        return [
            (str(obj.A.O), [float(v) for v in obj.A.BBox])
            for obj in doc.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure" and "/A" in obj
        ]


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_logo_figure_has_a_layout_bbox_around_the_drawn_logo(kind: str, tmp_path: Path) -> None:
    data = render(sample(), tideway(kind))
    [(owner, box)] = figure_boxes(data)
    assert owner == "/Layout"
    left, bottom, right, top = box
    # The logo fixtures (PNG 96 x 48, SVG 120 x 48) keep their proportions, drawn at the top left of the
    # text frame (A4; margins 25 mm top, 30 mm left).
    assert right - left == pytest.approx((2 if kind == "png" else 2.5) * (top - bottom), abs=0.1)
    assert left == pytest.approx(30 * MM, abs=0.1)
    assert top == pytest.approx(842 - 25 * MM, abs=1)
    if kind == "png":  # where pdfminer finds the image is where the box says
        [image] = [
            item
            for page in extract_pages(io.BytesIO(data), page_numbers=[0])
            for item in walk(page)
            if type(item).__name__ == "LTImage"
        ]
        assert [round(v, 1) for v in image.bbox] == [round(v, 1) for v in box]
    target = tmp_path / "logo.pdf"
    target.write_bytes(data)
    subprocess.run(["qpdf", "--check", str(target)], check=True, capture_output=True)
    assert check(data).failures == []


def test_the_letterhead_lines_sit_under_the_logo_as_in_the_other_formats() -> None:
    data = render(sample(), tideway("png"))
    [(_, (left, bottom, _, _))] = figure_boxes(data)
    lines = [
        item
        for page in extract_pages(io.BytesIO(data), page_numbers=[0])
        for item in walk(page)
        if isinstance(item, LTTextContainer)
        and ("Tideway Water Board" in item.get_text() or "Quay" in item.get_text())
    ]
    assert lines and all(line.y1 <= bottom and line.x0 == pytest.approx(left, abs=0.5) for line in lines)


ARABIC_ORG = "مجلس مدينة الميناء"
ARABIC_LINE = "المكتب الصحفي · ٢ شارع الرصيف (الميناء)"
ARABIC_FOOTER = "مجلس مدينة الميناء · صفحة {page} من {pages}"


def _arabic_theme() -> Theme:
    return tideway("png", organisation=ARABIC_ORG, letterhead=ARABIC_LINE, footer=ARABIC_FOOTER)


def _raw_text(data: bytes, page: int) -> str:
    import unicodedata

    out = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    # pdftotext marks right-to-left runs with embedding controls; the words are what matter here.
    return " ".join(unicodedata.normalize("NFKC", out.replace("\u202b", "").replace("\u202c", "")).split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")
def test_a_right_to_left_letterhead_and_footer_read_back_in_logical_order() -> None:
    data = render(sample(), _arabic_theme())
    first = _raw_text(data, 1)
    assert first.startswith(f"{ARABIC_ORG} ")
    for word in ARABIC_LINE.replace("(", " ").replace(")", " ").split():
        assert word in first
    with pikepdf.open(io.BytesIO(data)) as doc:
        pages = len(doc.pages)
    for page in range(1, pages + 1):
        assert ARABIC_FOOTER.format(page=page, pages=pages) in _raw_text(data, page)


def test_a_right_to_left_letterhead_is_shaped_and_placed_right_to_left() -> None:
    data = render(sample(), _arabic_theme())
    chars = [
        item
        for page in extract_pages(io.BytesIO(data), page_numbers=[0])
        for item in walk(page)
        if type(item).__name__ == "LTChar"
    ]
    name = sorted((c for c in chars if abs(c.size - 13) < 0.6), key=lambda c: c.x0)
    right_edge = 595.28 - 20 * MM
    # Right-aligned, and the first letter written (the meem of مجلس) drawn rightmost: visual order.
    assert name[-1].x1 == pytest.approx(right_edge, abs=0.5)
    assert name[-1].get_text() == "م"
    # Shaped: the meem is drawn in two joined forms (initial in مجلس and مدينة, medial in الميناء), each
    # its own glyph, both read back as the letter.
    meems = {(c.fontname, c.matrix[0], c.adv) for c in name if c.get_text() == "م"}
    assert len(meems) == 2
    footer = sorted((c for c in chars if c.y0 < 80), key=lambda c: c.x0)
    assert footer[-1].x1 == pytest.approx(right_edge, abs=0.5)
    assert footer[-1].get_text() == "م"


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
def test_a_right_to_left_letterhead_passes_the_checks_and_is_reproducible(tmp_path: Path) -> None:
    notes = Notes()
    data = pdf.write(sample(), WriteOptions(theme=_arabic_theme()), notes)
    assert notes.items == []
    assert data == render(sample(), _arabic_theme())
    target = tmp_path / "rtl.pdf"
    target.write_bytes(data)
    subprocess.run(["qpdf", "--check", str(target)], check=True, capture_output=True)
    report = check(data)
    assert report.failures == [] and report.untagged_ops == 0
    assert not any(ARABIC_ORG in text for _, text in report.elements)  # artifacts, not the release's words


def test_an_svg_logo_drawn_once_and_replayed_gives_the_bytes_rendered_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pressconv.writers.pdf import furniture

    svg = (
        Path(__file__).resolve().parent.parent / "examples" / "themes" / "harbour" / "logo.svg"
    ).read_bytes()
    theme = tideway("svg", logo=Logo(svg, "image/svg+xml", "Harbour logo", "logo.svg"))
    # A logo of paths and colours only is kept as operators; one with text (the fixture's) is not.
    assert furniture._svg_operators(svg, "Helvetica") is not None
    assert furniture._svg_operators(logo("svg").data, "Helvetica") is None
    kept = furniture._svg_operators
    replays: list[str] = []

    def counted(data: bytes, font: str) -> str | None:
        found = kept(data, font)
        if found is not None:
            replays.append(font)
        return found

    monkeypatch.setattr(furniture, "_svg_operators", counted)
    replayed = [render(sample(), theme), render(every_block(), theme)]
    assert len(replays) == 2  # both documents replayed the operators
    monkeypatch.setattr(furniture, "_svg_operators", lambda data, font: None)
    afresh = [render(sample(), theme), render(every_block(), theme)]
    assert replayed == afresh
    assert check(replayed[0]).failures == []
