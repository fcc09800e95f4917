"""Where the story is on a page, and its headline when that stands above the text column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressconv.decode import clean
from pressconv.errors import Notes
from pressconv.readers._blocks import fold
from pressconv.readers.html.tree import (
    CHROME,
    SECTION_HEADINGS,
    dropped,
    hidden,
    inside_chrome,
    iter_tags,
    text_length,
)

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag


def article_root(soup: BeautifulSoup) -> Tag:
    articles = [t for t in soup.find_all("article") if text_length(t) > 0 and not hidden(t, soup)]
    if articles:
        return max(articles, key=text_length)
    main = soup.find("main") or soup.find(True, attrs={"role": "main"})
    if main is not None and text_length(main) > 0 and not hidden(main, soup):
        return main
    body = soup.body or soup
    # The densest block: the element whose own paragraphs hold the most text; half counts for
    # the grandparent, so a wrapper of several text columns can win over one column.
    scores: dict[int, tuple[float, Tag]] = {}
    for p in iter_tags(body):
        if p.name not in ("p", "pre", "blockquote", "h2", "h3") or inside_chrome(p, body):
            continue
        length = text_length(p)
        parent = p.parent
        if parent is None:
            continue
        old = scores.get(id(parent), (0.0, parent))
        scores[id(parent)] = (old[0] + length, parent)
        grand = parent.parent
        if grand is not None and grand is not body.parent:
            old = scores.get(id(grand), (0.0, grand))
            scores[id(grand)] = (old[0] + length / 2, grand)
    if not scores:
        return body
    best = max(scores.values(), key=lambda pair: pair[0])[1]
    return best


def has_structure(root: Tag) -> bool:
    h1s = 0
    for tag in iter_tags(root):
        h1s += tag.name == "h1"
        if tag.name in SECTION_HEADINGS or h1s > 1:  # only the first h1 is the headline
            return True
    return False


def _walked(tag: Tag, root: Tag, keep_chrome: bool) -> bool:
    """True when the walk from ``root`` reaches ``tag`` (it is inside and not in dropped chrome)."""
    for parent in tag.parents:
        if parent is root:
            return True
        if dropped(parent) or (not keep_chrome and parent.name in CHROME):
            return False
    return False


def outside_headline(soup: BeautifulSoup, root: Tag, keep_chrome: bool, page_title: str | None) -> str | None:
    """The page's h1 when the article's walk reaches none (a headline above the text column).

    An h1 inside a page header is taken only when it matches the page's stated title or is
    more than a logo's couple of words; one inside navigation or a footer never is.
    """
    h1s = soup.find_all("h1")
    if root.name == "article" or any(_walked(h1, root, keep_chrome) for h1 in h1s):
        return None
    fallback: str | None = None
    for h1 in h1s:
        ancestors = [p.name for p in h1.parents if p.name]
        if "footer" in ancestors or any(dropped(p) for p in h1.parents if p.name and p is not soup):
            continue
        text = fold(clean(h1.get_text(" "), Notes()))
        if not text:
            continue
        if page_title and fold(page_title).startswith(text):
            return text
        if "header" not in ancestors:
            return text
        if fallback is None and len(text.split()) > 2:
            fallback = text
    return fallback
