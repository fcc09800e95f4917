"""The HTML writer: semantic structure, escaping, JSON-LD, fragment, stylesheet, every word in order."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from pressconv import parse
from pressconv.errors import Notes
from pressconv.model import Document, ListBlock, Metadata, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.writers import html

FULL = Document(
    headline="Acme opens a plant",
    subtitle="Two hundred jobs",
    dateline="BERLIN, March 3, 2025 —",
    metadata=Metadata(
        byline="Jane Roe",
        date="2025-03-03",
        language="de-DE",
        release="FOR IMMEDIATE RELEASE",
        contacts=("Media contact\nJane Roe\npress@example.org",),
        end_mark="###",
        keywords=("industry", "jobs"),
    ),
    sections=(
        Section(None, (Paragraph("BERLIN, March 3, 2025 — Acme opened a plant."),)),
        Section(
            "Local reaction",
            (
                Quote("“We are glad,” said Max Muster.", "Max Muster", "said Max Muster"),
                ListBlock(False, ("one", "two")),
                ListBlock(True, ("first",)),
            ),
        ),
        Section("About Acme", (Paragraph("Acme makes things."),), role="boilerplate"),
    ),
)


def render(document: Document, **options: object) -> BeautifulSoup:
    data = html.write(document, WriteOptions(**options), Notes())  # type: ignore[arg-type]
    return BeautifulSoup(data.decode("utf-8"), "html.parser")


def test_semantic_structure() -> None:
    soup = render(FULL)
    assert soup.html is not None and soup.html["lang"] == "de-DE"
    assert soup.title is not None and soup.title.string == "Acme opens a plant"
    article = soup.find("article")
    assert article is not None
    assert article.find("h1").get_text() == "Acme opens a plant"
    assert [h.get_text() for h in article.find_all("h2")] == ["Local reaction", "About Acme"]
    quote = article.find("blockquote")
    assert quote["data-speaker"] == "Max Muster"
    assert quote.get_text() == "“We are glad,” said Max Muster."
    assert [li.get_text() for li in article.find("ul").find_all("li")] == ["one", "two"]
    assert article.find("ol") is not None
    assert "boilerplate" in article.find_all("section")[-1]["class"]
    assert article.find(class_="release").get_text() == "FOR IMMEDIATE RELEASE"
    assert article.find("address").get_text("|") == "Media contact|Jane Roe|press@example.org"
    assert article.find(class_="end-mark").get_text() == "###"
    assert soup.find(style=True) is None, "no inline styles"


def test_json_ld_is_news_article() -> None:
    soup = render(FULL)
    script = soup.find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Acme opens a plant"
    assert data["dateline"] == "BERLIN, March 3, 2025 —"
    assert data["datePublished"] == "2025-03-03"
    assert data["mentions"] == [{"@type": "Person", "name": "Max Muster"}]


def test_markup_in_text_comes_out_as_visible_text() -> None:
    nasty = "<script>alert(1)</script> & <b>bold</b> &amp; ]]> </p>"
    doc = Document(headline=nasty, sections=(Section(None, (Paragraph(nasty),)),))
    data = html.write(doc, WriteOptions(), Notes()).decode()
    assert "<script>alert" not in data and "<b>" not in data
    soup = BeautifulSoup(data, "html.parser")
    assert soup.find("article").find("p").get_text() == nasty
    assert soup.find("h1").get_text() == nasty
    # The JSON-LD cannot close its script element early.
    assert "</script>" not in soup.find("script", type="application/ld+json").string


def test_fragment_is_only_the_article() -> None:
    data = html.write(FULL, WriteOptions(html_fragment=True), Notes()).decode()
    assert data.startswith("<article") and "<html" not in data and "<style" not in data


def test_external_stylesheet_is_linked_not_embedded() -> None:
    soup = render(FULL, html_stylesheet="/css/site.css")
    assert soup.find("link", rel="stylesheet")["href"] == "/css/site.css"
    assert soup.find("style") is None


def test_rtl_text_sets_dir() -> None:
    doc = Document(headline="مرحبا بالعالم", sections=(Section(None, (Paragraph("هذا نص عربي قصير."),)),))
    assert render(doc).html["dir"] == "rtl"
    assert render(FULL).html["dir"] == "ltr"


def test_every_word_of_the_sample_in_order(sample_path: Path) -> None:
    doc = parse(sample_path)
    soup = BeautifulSoup(html.write(doc, WriteOptions(), Notes()).decode(), "html.parser")
    out_words = soup.find("article").get_text(" ").split()
    src_words = sample_path.read_text(encoding="utf-8").split()
    position = 0
    for word in src_words:
        position = out_words.index(word, position) + 1  # ValueError names a missing or reordered word


def test_same_bytes_twice() -> None:
    assert html.write(FULL, WriteOptions(), Notes()) == html.write(FULL, WriteOptions(), Notes())


def test_repeated_headings_get_numbered_ids_that_skip_taken_ones() -> None:
    """Ids stay unique when a heading repeats and when a heading's own text looks like a numbered id."""
    from pressconv.model import Document, Metadata, Paragraph, Section
    from pressconv.writers.html import section_ids

    headings = ["About Acme", "About Acme 2", "About Acme", "About Acme", "Headline", "About Acme 3", "2024"]
    document = Document(
        headline="Release",
        metadata=Metadata(),
        sections=tuple(Section(heading=h, blocks=(Paragraph(text="Words."),)) for h in headings),
    )
    assert section_ids(document) == [
        "about-acme",
        "about-acme-2",
        "about-acme-3",
        "about-acme-4",
        "headline-2",
        "about-acme-3-2",
        "s-2024",
    ]


QUOTED_RELEASE = (
    "Council Approves Cycle Lane on Quarry Road\n\n"
    "Councillor Jun Harwood described the road as “the most dangerous mile in the borough” on Thursday.\n\n"
    "“We have waited long enough,” said Mayor Tessa Ubarri, “and so have the parents.”\n"
)


def test_each_quotation_is_a_span_with_its_speaker_and_no_word_is_added(tmp_path: Path) -> None:
    from validators import validate_html

    document = parse(QUOTED_RELEASE)
    page = html.write(document, WriteOptions(), Notes())
    soup = BeautifulSoup(page, "html.parser")
    spans = soup.select("span.quotation")
    assert [(s.get_text(), s.get("data-speaker")) for s in spans] == [
        ("“the most dangerous mile in the borough”", "Jun Harwood"),
        ("“We have waited long enough,”", "Tessa Ubarri"),
        ("“and so have the parents.”", "Tessa Ubarri"),
    ]
    assert "quotation-continued" in spans[2]["class"] and "quotation-continued" not in spans[1]["class"]
    # the paragraph reads exactly as written: the spans add markup, never characters
    texts = [p.get_text() for p in soup.select("article p")]
    assert document.blocks()[0].text in texts and document.blocks()[1].text in texts
    out = tmp_path / "quoted.html"
    out.write_bytes(page)
    assert validate_html([out]) == []
