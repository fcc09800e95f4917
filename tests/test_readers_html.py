"""The HTML reader: the article inside a page, messy markup cleaned, metadata, and bad pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pressconv.errors import EmptyInputError, Notes, PressconvError
from pressconv.model import Document, ListBlock, Mark, Paragraph, Quote
from pressconv.options import ReadOptions
from pressconv.readers.html import read

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def parse(html: str | bytes, **options: str) -> Document:
    data = html.encode("utf-8") if isinstance(html, str) else html
    return read(data, ReadOptions(**options), Notes(), "page.html")


def words(document: Document) -> str:
    parts = [document.headline, *(s.heading or "" for s in document.sections)]
    for block in document.blocks():
        parts.append(" ".join(block.items) if isinstance(block, ListBlock) else block.text)
    return " ".join(parts)


def test_a_page_yields_only_its_article() -> None:
    document = parse((FIXTURES / "news-page.html").read_bytes())
    assert document.headline == "Acme Opens Solar Plant in Springfield"
    assert not document.headline_derived
    assert [s.heading for s in document.sections] == [None, "What the plant makes"]
    kinds = [type(b).__name__ for b in document.blocks()]
    assert kinds == ["Paragraph", "Quote", "ListBlock", "Quote"]
    text = words(document)
    for chrome in (
        "cookies",
        "Accept",
        "Home",
        "Sport",
        "Most read",
        "Council",
        "rights reserved",
        "Privacy",
        "Advertisement",
        "Hidden teaser",
        "dataLayer",
        "font-family",
        "tracking",
    ):
        assert chrome not in text, chrome
    lede = (
        "SPRINGFIELD, Ill., Oct. 28, 2024 — Acme Corp. today opened a solar panel plant in Springfield,"
        " its largest investment in the Midwest."
    )
    today = lede.index("today")
    assert document.blocks()[0] == Paragraph(lede, marks=(Mark(today, today + 5, "strong"),))
    quote = document.blocks()[1]
    assert isinstance(quote, Quote) and quote.speaker == "Maria Lopez"


def test_page_metadata_from_json_ld_and_meta_tags() -> None:
    meta = parse((FIXTURES / "news-page.html").read_bytes()).metadata
    assert meta.byline == "By Jane Reporter"  # the visible byline wins over the tags
    assert meta.date == "2024-10-28"
    assert meta.language == "en-US"
    assert meta.keywords == ("solar", "jobs", "Springfield")
    assert meta.publisher == "Springfield Daily"
    assert meta.title is None  # og:title is the headline itself


def test_meta_tags_alone_fill_metadata() -> None:
    page = """<html lang="de"><head>
    <meta property="og:title" content="Neue Brücke eröffnet">
    <meta property="article:published_time" content="2024-05-02T10:00:00Z">
    <meta name="author" content="Max Muster"></head>
    <body><p>Die neue Brücke über den Fluss ist seit heute offen.</p>
    <p>Sie verbindet zwei Stadtteile.</p></body></html>"""
    document = parse(page)
    assert document.headline == "Neue Brücke eröffnet"  # no h1: the page's title is the headline
    assert document.metadata.byline == "Max Muster"
    assert document.metadata.date and document.metadata.date.startswith("2024-05-02")
    assert document.metadata.language == "de"


def test_densest_block_without_article_or_main() -> None:
    document = parse((FIXTURES / "div-soup.html").read_bytes())
    assert document.headline == "Council Approves New Park"
    text = words(document)
    assert "Home | About" not in text and "Links:" not in text and "Copyright" not in text
    assert len(document.blocks()) == 3
    assert isinstance(document.blocks()[1], Quote) and document.blocks()[1].speaker == "Ana Ruiz"


def test_word_exported_html_is_cleaned_to_plain_text() -> None:
    document = parse((FIXTURES / "word-export.html").read_bytes())
    assert document.headline == "Acme Opens Solar Plant"  # MsoTitle, &nbsp; runs folded
    first, quote, items, last = document.blocks()
    assert first == Paragraph("SPRINGFIELD, Oct. 28, 2024 — Acme Corp. opened a solar plant today.")
    assert isinstance(quote, Quote) and quote.text.startswith("“This is a milestone,”")  # windows-1252
    assert quote.speaker == "Maria Lopez"
    assert items == ListBlock(False, ("300 new jobs", "A solar roof"))
    assert last == Paragraph("Production starts in January.")  # st1: smart tags keep their words
    assert document.dateline == "SPRINGFIELD, Oct. 28, 2024 —"


def test_br_separated_lines_and_loose_text() -> None:
    page = """<body><div>
    <h1>Short headline here</h1>
    Loose text before a break,<br>continued on the next line.
    <p>First line<br/>Second line</p>
    <h2>Media contact</h2>
    </div></body>"""
    blocks = parse(page).blocks()
    loose = "Loose text before a break, continued on the next line."
    at = loose.index("continued")
    assert blocks[0] == Paragraph(loose, marks=(Mark(at, at, "break"),))
    assert blocks[1] == Paragraph("First line Second line", marks=(Mark(11, 11, "break"),))


def test_lists_ordered_and_nested() -> None:
    page = """<article><h1>Plan announced today</h1><p>The plan has steps.</p>
    <ol><li>Design <ul><li>sketch</li><li>review</li></ul></li><li><p>Build</p></li></ol>
    <p>More text follows here.</p></article>"""
    lists = [b for b in parse(page).blocks() if isinstance(b, ListBlock)]
    assert lists == [ListBlock(True, ("Design", "sketch", "review", "Build"), levels=(0, 1, 1, 0))]


def test_our_blockquote_speaker_is_a_hint() -> None:
    page = """<article><h1>A release with a quote</h1><p>Some text comes first here.</p>
    <blockquote class="quote" data-speaker="Pat Ryder" data-attribution="he said">
    <p>“We are ready,” he said.</p></blockquote></article>"""
    quote = parse(page).blocks()[1]
    assert isinstance(quote, Quote)
    assert (quote.speaker, quote.attribution) == ("Pat Ryder", "he said")


def test_a_plain_paragraph_that_is_a_quote_is_still_a_quote() -> None:
    page = """<article><h1>Headline of the piece</h1><h2>Section</h2>
    <p>“Quoted words make up most of this paragraph,” Jane Smith said.</p></article>"""
    block = parse(page).blocks()[0]
    # (a lone "Smith" named nowhere in full could be an organisation: no speaker, see test_quotes)
    assert isinstance(block, Quote) and block.speaker == "Jane Smith"


def test_our_boilerplate_section_keeps_its_role() -> None:
    page = """<article><h1>A release</h1><p>Some text comes first here.</p>
    <section class="boilerplate"><h2>Who we are</h2><p>Acme makes things.</p></section></article>"""
    document = parse(page)
    assert [(s.heading, s.role) for s in document.sections] == [(None, "body"), ("Who we are", "boilerplate")]


def test_markup_in_text_stays_text() -> None:
    page = "<article><h1>Escapes</h1><p>Use &lt;script&gt; and &amp;amp; and &lt;b&gt; as text.</p></article>"
    assert parse(page).blocks()[0] == Paragraph("Use <script> and &amp; and <b> as text.")


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"   \n",
        b"<html><head><title>Only a title</title></head><body></body></html>",
        b"<html><body><script>var x = 1;</script><style>p{}</style>"
        b"<!-- nothing --><nav>Home</nav></body></html>",
        b"<p>&nbsp;&nbsp;</p><div>  </div>",
    ],
)
def test_html_with_no_text_is_a_clear_error(page: bytes) -> None:
    with pytest.raises(EmptyInputError, match="no text"):
        parse(page)


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 100_000 + "deep" + "</div>" * 100_000,
        "<span>" * 100_000 + "never closed",
        # Under the fast count's generous limit: the parsed tree's depth check catches it.
        "<section>" * 1_000 + "x",
    ],
    ids=["closed", "unclosed", "parsed-check"],
)
def test_tag_bomb_is_a_clear_error_not_a_recursion_error(page: str) -> None:
    with pytest.raises(PressconvError, match="nested more than"):
        parse(page)


def test_tag_bomb_from_the_cli_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html"
    bomb.write_text("<div>" * 100_000 + "x" + "</div>" * 100_000, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "pressconv.cli", "to-html", str(bomb), "-o", str(tmp_path / "out.html")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1
    assert "bomb.html" in run.stderr and "nested" in run.stderr
    assert not (tmp_path / "out.html").exists()


def test_moderately_deep_real_markup_is_fine() -> None:
    page = "<div>" * 200 + "<h1>Deep but fine</h1><p>Body text of the article is here.</p>" + "</div>" * 200
    assert parse(page).headline == "Deep but fine"


def test_xhtml_reads_without_warnings() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<h1>An XHTML chapter</h1><p>Its only paragraph, long enough to be a body.</p></body></html>"
    )
    document = parse(page)
    assert document.headline == "An XHTML chapter"


def test_a_byline_class_on_a_whole_column_keeps_its_words() -> None:
    body = "<p>A long paragraph of body text that must not vanish into the byline field.</p>" * 5
    page = f'<article><h1>Headline for the column</h1><div class="byline">{body}</div></article>'
    document = parse(page)
    assert document.metadata.byline is None
    assert len(document.blocks()) == 5


def test_google_docs_style_title_and_subtitle_classes() -> None:
    page = """<html><body class="c5 doc-content">
    <p class="c2 title" id="h.1"><span class="c4">Park Opens to the Public</span></p>
    <p class="c2 subtitle"><span>Two years of work end this weekend</span></p>
    <p class="c1"><span>The new park opened on Saturday with a concert for families.</span></p>
    <h2 class="c3"><span>Opening Hours</span></h2>
    <p class="c1"><span>The park is open from dawn to dusk every day.</span></p>
    </body></html>"""
    document = parse(page)
    assert document.headline == "Park Opens to the Public"
    assert document.subtitle == "Two years of work end this weekend"
    assert [s.heading for s in document.sections] == [None, "Opening Hours"]


def test_a_title_class_does_not_replace_an_h1() -> None:
    page = """<article><p class="title">Section label</p><h1>The Real Headline Here</h1>
    <p>Body text of the article follows the headline.</p></article>"""
    document = parse(page)
    assert document.headline == "The Real Headline Here"
    assert "Section label" in " ".join(b.text for b in document.blocks() if isinstance(b, Paragraph))
