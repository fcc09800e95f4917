"""HTML -> Document: the article inside a page as hinted raw blocks, then the shared news rules.

beautifulsoup4 (with lxml's parser, which closes ``<p>`` and ``<li>`` the
way browsers do) parses the page. The article is found by text density (see
``article.article_root``): the ``article`` element whose paragraphs hold the
most text outside links, unless that is a teaser beside a story marked up
otherwise; else ``main``; else the densest column of paragraphs. Navigation,
scripts, styles, forms, hidden elements and comments are dropped, and a
header or footer counts as page chrome unless it sits inside the article.
Inside it: the first ``h1`` is the headline, other headings are section
headings, ``p`` and loose text are paragraphs, ``blockquote`` holds quotes
(our own ``data-speaker`` is taken as the speaker), ``ul``/``ol`` are lists
(nested ones keep their depth), ``br`` separates lines; an h1 above the text
column (or in a title header) is still the headline. Headings keep their
level (h2-h4; h5/h6 are level 4); links, emphasis, strong, code and line
breaks are marks over the text; a data table is a ``Table``, a figure or an
image with alt text a ``Figure``, footnotes are the document's notes.
Word-exported HTML keeps its class names (MsoTitle, MsoQuote,
MsoListParagraph …) and Google Docs its ``title`` and ``subtitle`` classes;
those are read as hints too. Other paragraphs are hinted as body text only
when the page marks section headings, so a page that marks none gets the
plain-text heading rule. schema.org NewsArticle JSON-LD and ``<meta>`` tags
fill the metadata (the page ``<title>`` does not: it is usually "Headline |
Site").

The package, by concern: ``source`` (bytes -> parsed tree: decoding, the
depth guard), ``tree`` (questions about one element: hidden, dropped,
chrome), ``article`` (where the story is), ``facts`` (JSON-LD and ``<meta>``
metadata), ``walk`` (the article's elements -> hinted raw blocks),
``inline`` (inline elements -> marks), ``embedded`` (tables and figures),
``footnotes`` (notes and their references). Nothing visible is lost to the
parser: XHTML CDATA sections are text, button, label and select text is
kept, ``<noframes>`` content is parsed as markup, a DOCTYPE's internal
subset is not text, and a hidden ``<article>`` is never taken for the
article.
"""

from __future__ import annotations

from pressconv.errors import EmptyInputError, Notes
from pressconv.model import Document
from pressconv.options import ReadOptions
from pressconv.readers.assemble import assemble
from pressconv.readers.blocks import RawBlock
from pressconv.readers.front_matter import FrontMatter, language_tag
from pressconv.readers.html.article import article_root, has_structure, outside_headline, split_column
from pressconv.readers.html.facts import page_facts
from pressconv.readers.html.footnotes import page_notes
from pressconv.readers.html.source import soup_of
from pressconv.readers.html.walk import Walk, walk_article

SUFFIXES = (".html", ".htm", ".xhtml")


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Parse the page, find the article, read it through the shared rules."""
    if not data.strip():
        raise EmptyInputError("no text (the input is empty or only whitespace)", source_path)
    soup = soup_of(data, options.limits.html_depth, notes, source_path)
    facts = page_facts(soup)
    root, left_out = split_column(article_root(soup))
    keep_chrome = root.name in ("article", "main")
    found = page_notes(soup, notes)
    walk = Walk(
        structured=has_structure(root),
        has_h1=root.find("h1") is not None,
        refs=found.refs,
        skip=found.containers | left_out,
    )
    headline = outside_headline(soup, root, keep_chrome, facts.get("title") or facts.get("page_title"))
    if headline:
        walk.blocks.append(RawBlock(headline, hint="headline"))
        walk.headline_seen = True
    walk_article(root, walk, keep_chrome, notes)
    if not any(b.text.strip() or b.block is not None for b in walk.blocks):
        raise EmptyInputError(
            "no text in the HTML (no words outside scripts, styles and navigation)", source_path
        )
    matter = FrontMatter(
        title=facts.get("title") if not walk.headline_seen else None,
        byline=walk.byline or facts.get("byline"),
        date=walk.date or facts.get("date"),
        language=language_tag(facts.get("language"), notes, "the page's"),
        keywords=tuple(k for k in facts.get("keywords", "").split("\n") if k),
        publisher=walk.publisher or facts.get("publisher"),
        dateline=facts.get("dateline"),
    )
    return assemble(
        walk.blocks,
        matter,
        options,
        notes,
        source_path,
        # The page's <title> is not taken: it is "Headline | Site" or, from pandoc, the file name.
        title=facts.get("title"),
        footnotes=found.notes,
        notes_heading=found.heading,
    )
