"""Where the story is on a page, and its headline when that stands above the text column."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pressconv.errors import Notes
from pressconv.readers.blocks import fold
from pressconv.readers.html.embedded import data_table
from pressconv.readers.html.tree import (
    BLOCKS,
    CHROME,
    SECTION_HEADINGS,
    classes,
    dropped,
    hidden,
    inside_chrome,
    iter_tags,
    text_length,
)
from pressconv.text import clean

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag


_PARAGRAPHS = frozenset({"p", "pre", "blockquote", "h2", "h3"})
# Elements whose loose text (between their block-level children) counts as a paragraph.
_TEXT_HOLDERS = frozenset({"div", "td", "section"})
_NOT_LOOSE = BLOCKS | {"a"}
_BETWEEN = frozenset(
    {"figure", "picture", "img", "blockquote", "h2", "h3", "h4", "h5", "h6", "p", "hr", "ul", "ol", "table"}
)
_SPLIT_DEPTH = 5
"""Levels of single-child wrappers climbed to find the pieces of a story cut by figures."""
_SHORT = 25
"""Characters of a paragraph's own (unlinked) text below which it is a caption or teaser line, not story."""
_TEASER_SHARE = 0.5
"""An article holding less than this share of the densest column's text is a teaser beside the story."""


def article_root(soup: BeautifulSoup) -> Tag:
    """The element that holds the story.

    The page's text is measured as readability measures it: each paragraph (a
    ``p``, ``pre``, ``blockquote``, ``h2``/``h3``, or a ``div`` holding only
    inline content) counts the characters of its text outside links, when that
    is more than a teaser's line.  The story is the visible ``article`` holding
    the most such text -- a news page's teaser cards are ``article`` elements too,
    but their words are links and one-line blurbs -- unless it holds less than
    half of what the densest column of the page holds: then the teasers sit
    beside a story that is not marked up as an ``article`` (``main`` or that
    column is taken).  With no ``article``, ``main``; else the densest column.
    """
    body = soup.body or soup
    totals: dict[int, float] = {}
    columns: dict[int, tuple[float, Tag]] = {}
    for p in iter_tags(body):
        if not _paragraph(p) or dropped(p) or inside_chrome(p, body):
            continue
        length = _own_text(p)
        for ancestor in p.parents:
            totals[id(ancestor)] = totals.get(id(ancestor), 0.0) + length
        # The densest column: the element whose own paragraphs hold the most text; half counts for
        # the grandparent, so a wrapper of several text columns can win over one column.
        parent = p.parent
        if parent is None:
            continue
        old = columns.get(id(parent), (0.0, parent))
        columns[id(parent)] = (old[0] + length, parent)
        grand = parent.parent
        if grand is not None and grand is not body.parent:
            old = columns.get(id(grand), (0.0, grand))
            columns[id(grand)] = (old[0] + length / 2, grand)
    column = max(columns.values(), key=lambda pair: pair[0])[1] if columns else None
    if column is not None:
        column = _around_table(column)
    densest = totals.get(id(column), 0.0) if column is not None else 0.0
    articles = [t for t in soup.find_all("article") if text_length(t) > 0 and not hidden(t, soup)]
    if articles:
        best = max(articles, key=lambda a: (totals.get(id(a), 0.0), text_length(a)))
        if totals.get(id(best), 0.0) >= _TEASER_SHARE * densest:
            return best
    main = soup.find("main") or soup.find(True, attrs={"role": "main"})
    visible_main = main is not None and text_length(main) > 0 and not hidden(main, soup)
    if main is not None and visible_main and (column is None or not articles or _inside(column, main)):
        return main
    return column if column is not None and densest > 0 else body


def split_column(root: Tag) -> tuple[Tag, set[int]]:
    """The story's element when it is a column the page cut in pieces, and the elements to leave out.

    A story set between figures and pull quotes is often several sibling
    elements of one class (each perhaps wrapped a few levels deep); the
    densest alone is a part of the story.  Their parent is then the story,
    without its other children but figures, quotes, headings, paragraphs and
    lists standing between them and what holds the ``h1``; a piece that is
    mostly links is left out too.
    """
    from bs4.element import Tag

    piece: Tag = root
    for _ in range(_SPLIT_DEPTH):
        parent = piece.parent
        if parent is None or piece.name in ("article", "main", "body") or parent.name in ("body", "html"):
            break
        kind = sorted(classes(piece))
        pieces = [
            child
            for child in parent.children
            if isinstance(child, Tag) and kind and child.name == piece.name and sorted(classes(child)) == kind
        ]
        prose = [p for p in pieces if p is piece or _prose(p)]
        if len(prose) >= 2:
            skip = {
                id(child)
                for child in parent.children
                if isinstance(child, Tag)
                and child not in prose
                and child.name not in _BETWEEN
                and child.find("h1") is None  # the headline above the pieces stays
            }
            return parent, skip
        if len(pieces) >= 2 or any(isinstance(c, Tag) and c is not piece for c in parent.children):
            break  # a parent with other content is where the column stands: no pieces
        piece = parent
    return root, set()


def _prose(tag: Tag) -> bool:
    """True when most of the element's words are not links (a piece of story, not a list of links)."""
    length = text_length(tag)
    linked = sum(text_length(a) for a in tag.find_all("a"))
    return length >= _SHORT and linked * 2 < length


def _paragraph(tag: Tag) -> bool:
    """True for an element whose own text is counted as a paragraph."""
    return tag.name in _PARAGRAPHS or tag.name in _TEXT_HOLDERS


def _own_text(tag: Tag) -> float:
    """The characters of the paragraph's text outside links; 0 for a teaser's line.

    For a ``div`` (``td``, ``section``) that is its loose text: the text nodes and
    inline elements between its block-level children, as a blog post's body
    written with ``br`` between paragraphs holds its words.
    """
    from bs4.element import NavigableString, Tag

    if tag.name in _PARAGRAPHS:
        length = text_length(tag) - sum(text_length(a) for a in tag.find_all("a"))
    else:
        length = 0
        for child in tag.children:
            if type(child) is NavigableString:
                length += len(fold(child))
            elif (
                isinstance(child, Tag)
                and child.name not in BLOCKS
                and child.name != "a"
                and not dropped(child)
            ):
                length += text_length(child) - sum(text_length(a) for a in child.find_all("a"))
    return float(length) if length >= _SHORT else 0.0


def _around_table(column: Tag) -> Tag:
    """The element around a data table when the densest column is its row or cell: the table is the text."""
    table = column if column.name == "table" else column.find_parent("table")
    if table is not None and table.parent is not None and data_table(table):
        return table.parent
    return column


def _inside(tag: Tag, container: Tag) -> bool:
    return tag is container or any(parent is container for parent in tag.parents)


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
