"""The HTML reader finds the story on a page by its text density, not by the first or longest ``article``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressconv.errors import Notes
from pressconv.model import Document, Figure, ListBlock, Paragraph, Table
from pressconv.options import ReadOptions
from pressconv.readers.html import read

FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "html"


def parse(name: str) -> Document:
    return read((FIXTURES / name).read_bytes(), ReadOptions(), Notes(), name)


def text_of(document: Document) -> str:
    parts = [document.headline, *(s.heading or "" for s in document.sections)]
    for block in document.blocks():
        if isinstance(block, ListBlock):
            parts.append(" ".join(block.items))
        elif isinstance(block, Figure):
            parts.append(f"{block.alt} {block.caption or ''}")
        elif not isinstance(block, Table):
            parts.append(block.text)
    return " ".join(parts)


def test_teaser_cards_beside_a_story_outside_any_article() -> None:
    document = parse("teasers-beside-story.html")
    assert document.headline == "Harbour Ferry Returns After Two-Year Refit"
    assert document.dateline == "PORT ELLIN, March 3, 2025 —"
    texts = [b.text for b in document.blocks() if not isinstance(b, ListBlock)]
    assert texts[0].startswith("PORT ELLIN, March 3, 2025 — The old harbour ferry")
    assert texts[-1].startswith("Crossings will run every half hour")
    assert len(texts) == 4
    words = text_of(document)
    for teaser in ("petition", "Lighthouse", "second bridge", "Fishing fleet", "More stories"):
        assert teaser not in words, teaser


def test_the_story_article_wins_over_a_longer_article_of_links() -> None:
    document = parse("story-article-among-link-lists.html")
    assert document.headline == "City Library Opens Until Midnight During Exam Season"
    words = text_of(document)
    assert "café on the ground floor" in words
    for link in ("cherry trees", "night service", "Latest from the newsroom"):
        assert link not in words, link


def test_loose_text_of_a_blog_post_outweighs_a_sidebar_of_words() -> None:
    document = parse("blog-loose-text.html")
    words = text_of(document)
    assert "brittle as old paper" in words
    assert "steam iron to undo it" in words
    assert [s.heading for s in document.sections] == ["Rebuilding a Pedal Organ, Part Two", "What went wrong"]
    # <br><br> ends a paragraph, as a blank line does in text; one <br> is a line break inside it
    opening = [b.text for b in document.sections[0].blocks]
    assert opening == [
        "This week the bellows came out of the case, and the leather was as brittle as old paper.",
        "I cut new gussets from goat skin and glued them with hot hide glue, which gives you a minute or"
        " two to move things before it grabs.",
    ]
    for chrome in ("Archive", "November", "restoration"):
        assert chrome not in words, chrome


@pytest.mark.parametrize(
    ("page", "story"),
    [
        ("<article><p>Only text in the article, no paragraph long enough.</p></article>", "Only text"),
        ("<main><p>A main element with one paragraph of ordinary length in it.</p></main>", "ordinary"),
    ],
)
def test_pages_without_dense_text_still_read(page: str, story: str) -> None:
    document = read(page.encode(), ReadOptions(), Notes(), None)
    assert story in text_of(document)


def test_a_story_cut_in_pieces_by_figures_is_read_whole() -> None:
    document = parse("story-cut-by-figures.html")
    assert document.headline == "Volunteers Map Every Old Orchard in the Valley"
    texts = [b.text for b in document.blocks() if isinstance(b, Paragraph)]
    assert texts[0].startswith("HOLLOWAY, Sept. 30, 2025")
    assert texts[-1].startswith("The survey will be published")
    assert len(texts) == 5
    figures = [b for b in document.blocks() if isinstance(b, Figure)]
    assert [f.alt for f in figures] == ["Rows of old apple trees on a slope in autumn"]
    words = text_of(document)
    for chrome in ("Share this", "More stories", "Another story"):
        assert chrome not in words, chrome
