"""HTML and EPUB under a theme: every setting read back from the bytes, validators clean under both
example themes, the default theme changing nothing, and press kits (several releases in one page)."""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given

from _epubcheck import problems_of
from fidelity import fidelity_report, words
from pressconv import api, theme
from pressconv.cli import main
from pressconv.errors import Notes
from pressconv.model import Document, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.writers import _html_theme, epub, html
from test_properties import SETTINGS, documents
from validators import validate_html

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "themes"
SAMPLE = ROOT / "source" / "pentagon-briefing.txt"
SECOND = ROOT / "source" / "water-board-annual-report.md"
HARBOUR = theme.load(EXAMPLES / "harbour")
THEMES = {"default": theme.load(EXAMPLES / "default"), "harbour": HARBOUR}


def sample() -> Document:
    return api.parse(SAMPLE)


def page(document: Document, chosen: theme.Theme | None, **options: object) -> BeautifulSoup:
    data = html.write(document, WriteOptions(theme=chosen, **options), Notes())
    return BeautifulSoup(data, "html.parser")


def css_of(soup: BeautifulSoup) -> str:
    style = soup.find("style")
    assert style is not None
    return style.get_text()


def rule(css: str, selector: str) -> str:
    """The declarations of the rule whose selector list is exactly ``selector``."""
    found = re.search(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", css)
    assert found is not None, selector
    return found.group(1)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def theme_words(chosen: theme.Theme) -> set[str]:
    """The words a theme adds to a page besides the model's (letterhead, footer)."""
    texts = [chosen.letterhead or "", _html_theme.footer_line(chosen) or ""]
    return {w.casefold().strip(".,·") for t in texts for w in words(t)}


# --- HTML: each setting reaches the page -------------------------------------------------------------


def test_colours_and_typefaces_reach_the_stylesheet() -> None:
    css = css_of(page(sample(), HARBOUR))
    assert "color: #262626" in rule(css, "body")
    assert 'font-family: "Noto Sans", sans-serif' in rule(css, "body")
    headings = rule(css, "h1, h2, h3, h4")
    assert 'font-family: "Noto Serif", serif' in headings and "color: #8c1c2c" in headings
    assert "color: #8c1c2c" in rule(css, "a")
    assert "border-left: 3px solid #d39b2a" in rule(css, "blockquote")
    assert "border: 1px solid #d39b2a" in rule(css, "th, td")
    assert "background: #f6ebd4" in rule(css, "thead th")  # the accent, lightened for a fill
    assert "#1f4e79" not in css and "${" not in css


def test_the_logo_is_an_image_with_its_alt_text_and_the_letterhead_above_the_article() -> None:
    soup = page(sample(), HARBOUR)
    body = soup.body
    assert body is not None
    header, article, footer = body.find_all(recursive=False)
    assert header.name == "header" and "letterhead" in header["class"]
    logo = header.find("img")
    assert logo["alt"] == "Harbour City Council logo: a red lighthouse on three ochre waves"
    assert HARBOUR.logo is not None
    assert logo["src"] == "data:image/svg+xml;base64," + base64.b64encode(HARBOUR.logo.data).decode()
    # Under the logo, the organisation's name and the letterhead line: the PDF's and the DOCX's words.
    assert [p.get_text() for p in header.find_all("p")] == [HARBOUR.organisation, HARBOUR.letterhead]
    assert header.find("p")["class"] == ["organisation"]
    assert article.name == "article"
    assert footer.name == "footer" and footer.get_text() == "Harbour City Council"


def test_the_footer_line_drops_page_numbers_a_page_has_none_of() -> None:
    cases = {
        "Acme · page {page} of {pages}": "Acme",
        "Acme | Press office — {page}/{pages}": "Acme | Press office",
        "{page}": None,
        "Acme – press office": "Acme – press office",
        "Page {page} - Acme - 2025": "Acme - 2025",
    }
    for footer, shown in cases.items():
        assert _html_theme.footer_line(theme.Theme(footer=footer)) == shown, footer
    assert _html_theme.footer_line(theme.DEFAULT) is None


def test_show_speaker_adds_a_name_line_after_each_attributed_quote_only() -> None:
    document = Document(
        "Headline",
        sections=(
            Section(
                None,
                (
                    Quote("“We are ready,” Ana Ruiz said.", speaker="Ana Ruiz", attribution="Ana Ruiz said"),
                    Quote("“Nobody said this.”"),
                    Paragraph("After."),
                ),
            ),
        ),
    )
    shown = page(document, replace(theme.DEFAULT, show_speaker=True))
    lines = shown.find_all("p", class_="speaker")
    assert [line.get_text() for line in lines] == ["— Ana Ruiz"]
    assert lines[0].find_previous_sibling().name == "blockquote"  # outside it: not part of the quotation
    assert page(document, None).find_all("p", class_="speaker") == []


def test_the_organisation_is_the_json_ld_publisher_when_the_release_names_none() -> None:
    soup = page(sample(), HARBOUR)
    script = soup.find("script", type="application/ld+json")
    assert script is not None
    assert json.loads(script.get_text())["publisher"] == {
        "@type": "Organization",
        "name": "Harbour City Council",
    }


def test_a_fragment_is_only_the_article_even_under_a_theme() -> None:
    data = html.write(sample(), WriteOptions(theme=HARBOUR, html_fragment=True), Notes()).decode()
    assert data.startswith("<article") and "letterhead" not in data and "page-footer" not in data


def test_a_typeface_name_cannot_break_out_of_the_stylesheet() -> None:
    odd = replace(theme.DEFAULT, body_family='Evil" </style><script>x</script>')
    css = html.stylesheet(odd)
    assert "</style" not in css
    assert 'font-family: "Evil\\" \\3c /style>\\3c script>x\\3c /script>", serif' in css


def test_without_a_theme_or_with_the_default_one_nothing_changes() -> None:
    document = sample()
    plain = html.write(document, WriteOptions(), Notes())
    assert html.write(document, WriteOptions(theme=THEMES["default"]), Notes()) == plain
    assert b'class="letterhead"' not in plain and b'class="page-footer"' not in plain
    assert b'class="speaker"' not in plain
    assert html.stylesheet() == html.stylesheet(theme.DEFAULT)
    book = epub.write(document, WriteOptions(), Notes())
    assert epub.write(document, WriteOptions(theme=THEMES["default"]), Notes()) == book


def test_the_default_look_is_the_pdfs_colours() -> None:
    css = html.stylesheet()
    assert "color: #1f4e79" in rule(css, "a")
    assert "border-left: 3px solid #9db3c8" in rule(css, "blockquote")
    assert "color: #1a1a1a" in rule(css, "body") and "Georgia" in rule(css, "body")


def test_every_model_word_is_on_the_themed_page_and_only_the_themes_words_are_added() -> None:
    document = theme.with_defaults(sample(), HARBOUR)
    data = api.convert(sample(), "html", theme=HARBOUR)
    assert isinstance(data, bytes)
    report = fidelity_report(document, "html", data)
    assert report.missing_at is None and not report.missing_phrases, report.describe()
    extras = {w.casefold().strip(".,·") for _, w in report.extras}
    assert extras and extras <= theme_words(HARBOUR), extras - theme_words(HARBOUR)


# --- EPUB -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("logo", ["logo.svg", "logo.png"])
def test_the_epub_carries_the_theme(logo: str) -> None:
    chosen = theme.from_table(
        {**_harbour_table(), "logo": logo}, EXAMPLES / "harbour" / "theme.toml", name="harbour"
    )
    assert chosen.logo is not None
    files = parts(epub.write(sample(), WriteOptions(theme=chosen), Notes()))
    css = files["EPUB/style.css"].decode()
    assert css == html.stylesheet(chosen)
    assert "color: #8c1c2c" in rule(css, "a") and '"Noto Sans", sans-serif' in rule(css, "body")
    suffix = Path(logo).suffix
    assert files[f"EPUB/images/logo{suffix}"] == chosen.logo.data
    opf = files["EPUB/content.opf"].decode()
    media = "image/svg+xml" if suffix == ".svg" else "image/png"
    assert re.search(rf'<item [^>]*href="images/logo{suffix}"[^>]*media-type="{re.escape(media)}"', opf), opf
    assert 'schema:accessMode">visual' in opf and "alternativeText" in opf
    soup = BeautifulSoup(files["EPUB/release.xhtml"], "html.parser")
    image = soup.find("img", class_="logo")
    assert image["src"] == f"images/logo{suffix}" and image["alt"] == chosen.logo.alt
    lines = soup.find("header", class_="letterhead").find_all("p")
    assert [p.get_text() for p in lines] == [chosen.organisation, chosen.letterhead]
    assert soup.find("footer", class_="page-footer").get_text() == "Harbour City Council"
    assert [p.get_text() for p in soup.find_all("p", class_="speaker")][:1] == ["— Pat Ryder"]
    # The theme's boilerplate joins the model in api.render, not in a writer: not here, but through the API.
    assert "About Harbour City Council" not in soup.get_text()
    data = api.convert(sample(), "epub", theme=chosen)
    assert isinstance(data, bytes)
    assert b"About Harbour City Council" in parts(data)["EPUB/release.xhtml"]


def _harbour_table() -> dict[str, object]:
    import tomllib

    return tomllib.loads((EXAMPLES / "harbour" / "theme.toml").read_text(encoding="utf-8"))


def test_themed_outputs_are_reproducible() -> None:
    for fmt in ("html", "epub"):
        first = api.convert([SAMPLE, SECOND], fmt, theme=HARBOUR, volume_title="Kit")
        assert first == api.convert(
            [SAMPLE, SECOND], fmt, theme=str(EXAMPLES / "harbour"), volume_title="Kit"
        )


# --- validators under both themes ------------------------------------------------------------------


def test_vnu_and_epubcheck_pass_under_both_themes(tmp_path: Path) -> None:
    pages: list[Path] = []
    books: dict[str, bytes] = {}
    for name, chosen in THEMES.items():
        for kind, sources in (("one", [SAMPLE]), ("kit", [SAMPLE, SECOND])):
            data = api.convert(sources, "html", theme=chosen, volume_title="Press kit")
            assert isinstance(data, bytes)
            (tmp_path / f"{name}-{kind}.html").write_bytes(data)
            pages.append(tmp_path / f"{name}-{kind}.html")
            book = api.convert(
                sources, "epub", theme=chosen, volume_title="Press kit" if kind == "kit" else None
            )
            assert isinstance(book, bytes)
            books[f"{name}-{kind}"] = book
    png = theme.from_table({**_harbour_table(), "logo": "logo.png"}, EXAMPLES / "harbour" / "theme.toml")
    books["png-logo"] = epub.write(sample(), WriteOptions(theme=png), Notes())
    assert validate_html(pages) == []
    assert problems_of(books) == {name: [] for name in books}


# --- press kits ------------------------------------------------------------------------------------


def kit(*sources: Path, **options: object) -> BeautifulSoup:
    data = api.convert(list(sources), "html", **options)
    assert isinstance(data, bytes)
    return BeautifulSoup(data, "html.parser")


def test_a_press_kit_is_one_page_with_contents_and_each_release_in_order() -> None:
    soup = kit(SAMPLE, SECOND, volume_title="Press kit, March", theme=HARBOUR)
    assert soup.title is not None and soup.title.get_text() == "Press kit, March"
    assert soup.find("h1", id="volume-title").get_text() == "Press kit, March"
    articles = soup.find_all("article")
    first, second = api.parse(SAMPLE), api.parse(SECOND)
    assert [a.find("h1").get_text() for a in articles] == [first.headline, second.headline]
    contents = soup.find("nav", class_="contents")
    top = [li.find("a") for li in contents.find("ol").find_all("li", recursive=False)]
    assert [a.get_text() for a in top] == [first.headline, second.headline]
    assert [a["href"] for a in top] == ["#r1-headline", "#r2-headline"]
    # Every id is unique and every in-page link finds its target.
    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    for link in soup.find_all("a", href=True):
        if link["href"].startswith("#"):
            assert link["href"][1:] in ids, link["href"]
    sections = [a.get_text() for a in contents.find_all("ol")[1].find_all("a")]
    assert sections == [s.heading for s in theme.with_defaults(first, HARBOUR).sections if s.heading]
    # The theme frames the page once, not each release.
    assert len(soup.find_all("header", class_="letterhead")) == 1
    assert len(soup.find_all("footer", class_="page-footer")) == 1


def test_every_word_of_each_release_is_in_the_kit_in_order() -> None:
    data = api.convert([SAMPLE, SECOND], "html", volume_title="Kit")
    assert isinstance(data, bytes)
    soup = BeautifulSoup(data, "html.parser")
    for document, article in zip(
        [api.parse(SAMPLE), api.parse(SECOND)], soup.find_all("article"), strict=True
    ):
        report = fidelity_report(document, "html", f"<html><body>{article}</body></html>".encode())
        assert report.ok, report.describe()


def test_a_kit_from_the_command_line_and_its_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kit.html"
    assert main(["to-html", str(SAMPLE), str(SECOND), "-o", str(out), "--volume-title", "Kit"]) == 0
    assert out.read_bytes() == api.convert([SAMPLE, SECOND], "html", volume_title="Kit")
    assert main(["to-html", str(SAMPLE), str(SECOND), "-o", str(out), "--title", "Via title"]) == 0
    assert BeautifulSoup(out.read_bytes(), "html.parser").title.get_text() == "Via title"
    notes = Notes()
    data = html.write_volume([api.parse(SAMPLE), api.parse(SECOND)], WriteOptions(), notes)
    assert [n.code for n in notes.items] == ["volume-title"]
    assert BeautifulSoup(data, "html.parser").title.get_text() == api.parse(SAMPLE).title
    capsys.readouterr()


def test_a_kit_fragment_has_no_page_around_it() -> None:
    data = html.write_volume(
        [api.parse(SAMPLE), api.parse(SECOND)], WriteOptions(html_fragment=True, volume_title="Kit"), Notes()
    ).decode()
    assert data.startswith('<div class="press-kit"') and "<html" not in data and data.count("<article") == 2


# --- a linked stylesheet from a build into subfolders ----------------------------------------------


def test_a_relative_stylesheet_counts_from_dist_for_outputs_in_subfolders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.pressconv]\nformats = ["html"]\nhtml_stylesheet = "house.css"\n',
        encoding="utf-8",
    )
    for rel in ("top.txt", "press/2025/deep.txt"):
        (tmp_path / "source" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "source" / rel).write_text("Council opens library\n\nThe council opened it.\n")
    assert main(["build"]) == 0
    capsys.readouterr()

    def link(rel: str) -> str:
        soup = BeautifulSoup((tmp_path / "dist" / rel).read_bytes(), "html.parser")
        return str(soup.find("link", rel="stylesheet")["href"])

    assert link("top.html") == "house.css"
    assert link("press/2025/deep.html") == "../../house.css"
    assert main(["build", "--stylesheet", "https://example.org/house.css", "--force"]) == 0
    assert link("press/2025/deep.html") == "https://example.org/house.css"
    capsys.readouterr()


# --- any document under a theme --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "epub"])
@SETTINGS
@given(document=documents())
def test_any_document_under_the_example_theme_keeps_its_words_and_bytes(fmt: str, document: Document) -> None:
    data = api.render([document], fmt, WriteOptions(theme=HARBOUR), Notes())
    assert data == api.render([document], fmt, WriteOptions(theme=HARBOUR), Notes())
    report = fidelity_report(theme.with_defaults(document, HARBOUR), fmt, data)
    assert report.missing_at is None and not report.missing_phrases, report.describe()
    extras = {w.casefold().strip(".,·") for _, w in report.extras}
    assert extras <= theme_words(HARBOUR), extras - theme_words(HARBOUR)


# --- typefaces given as font files ------------------------------------------------------------------


def _font_theme(folder: Path, **table: object) -> theme.Theme:
    """A theme whose body (and heading, when asked) typeface is a TrueType file beside its theme.toml."""
    from _fontfile import build

    build(folder / "face.ttf")
    build(folder / "face-bold.ttf", bold=True)
    return theme.from_table({"body_font": "face.ttf", **table}, folder / "theme.toml", name="fonts")


def test_a_font_file_is_in_the_page_as_a_data_url(tmp_path: Path) -> None:
    chosen = _font_theme(tmp_path, heading_font="face-bold.ttf")
    data = html.write(sample(), WriteOptions(theme=chosen), Notes())
    css = css_of(BeautifulSoup(data, "html.parser"))
    faces = re.findall(
        r'@font-face \{ font-family: "Pressconv Test Face"; '
        r'src: url\("data:font/ttf;base64,([A-Za-z0-9+/=]+)"\) '
        r'format\("truetype"\); font-weight: (\d+); font-style: normal; \}',
        css,
    )
    assert [(base64.b64decode(b), w) for b, w in faces] == [
        ((tmp_path / "face.ttf").read_bytes(), "400"),
        ((tmp_path / "face-bold.ttf").read_bytes(), "700"),
    ]
    assert rule(css, "body").count('"Pressconv Test Face", serif') == 1
    # One self-contained file: no path of the theme's folder, no link to a font file.
    assert str(tmp_path).encode() not in data and b".ttf" not in data
    assert data == html.write(sample(), WriteOptions(theme=chosen), Notes())


def test_a_fontconfig_family_stays_a_name(tmp_path: Path) -> None:
    css = html.stylesheet(HARBOUR)
    assert "@font-face" not in css and '"Noto Sans", sans-serif' in rule(css, "body")
    book = parts(epub.write(sample(), WriteOptions(theme=HARBOUR), Notes()))
    assert not [name for name in book if "/fonts/" in name]
    assert "@font-face" not in book["EPUB/style.css"].decode()


def test_a_font_file_is_an_epub_font_item_its_stylesheet_names(tmp_path: Path) -> None:
    chosen = _font_theme(tmp_path)
    data = epub.write(sample(), WriteOptions(theme=chosen), Notes())
    files = parts(data)
    assert files["EPUB/fonts/face.ttf"] == (tmp_path / "face.ttf").read_bytes()
    opf = files["EPUB/content.opf"].decode()
    assert re.search(r'<item [^>]*href="fonts/face\.ttf"[^>]*media-type="font/ttf"', opf), opf
    css = files["EPUB/style.css"].decode()
    assert '@font-face { font-family: "Pressconv Test Face"; src: url("fonts/face.ttf")' in css
    assert "base64" not in css  # the package carries the file once, not inside the stylesheet
    assert data == epub.write(sample(), WriteOptions(theme=chosen), Notes())


def test_pages_and_books_with_a_font_file_pass_vnu_and_epubcheck(tmp_path: Path) -> None:
    chosen = _font_theme(tmp_path, heading_font="face-bold.ttf")
    page_path = tmp_path / "fonts.html"
    page_path.write_bytes(html.write(sample(), WriteOptions(theme=chosen), Notes()))
    assert validate_html([page_path]) == []
    books = {
        "one": epub.write(sample(), WriteOptions(theme=chosen), Notes()),
        "kit": epub.write_volume(
            [sample(), api.parse(SECOND)], WriteOptions(theme=chosen, volume_title="Kit"), Notes()
        ),
    }
    assert problems_of(books) == {name: [] for name in books}
