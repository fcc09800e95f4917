"""Rule: a daily bulletin (several news items under one masthead) -> the masthead is the headline, the
items' titles are headings.

An institution's daily news page ("Daily News 14 / 09 / 2032", "Midday Express
of 2012-09-28", "Brussels Daily") is no single release: under its masthead and
date stand several items, each a title line over a paragraph or two.  The
headline rule, scoring lines, picks the first item's title; but SPEC §3 names
the headline as the title line of the whole text, which here is the masthead,
and each item's title heads its own section — the first one too.  So when a
masthead above the chosen headline names a bulletin and at least
``_MIN_ITEMS`` item titles (the chosen headline among them) each stand over
body text, the masthead line becomes the headline (the one carrying the date
where there are two, "Northvale Regional Council - Daily News" over "Daily
News 14 / 09 / 2032") and every item title a heading.  With no headline line
chosen (a police "DAILY NEWS RELEASE" over an introduction and its cases),
the masthead may be the release notice itself: it is the bulletin's title.
"""

from __future__ import annotations

from itertools import pairwise

from pressconv.readers.blocks import FURNITURE, HEADING, HEADLINE, PARAGRAPH, QUOTE, SUBTITLE, Work
from pressconv.readers.dates import find_date
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.quote_marks import starts_with_mark
from pressconv.readers.worklist import WorkList

# Words naming a bulletin of several items in a masthead (lower case; matched as a phrase in the line).
_BULLETIN_WORDS = (
    "daily news",
    "daily news release",
    "daily bulletin",
    "daily log",
    "midday express",
    "news digest",
    "daily digest",
    "news bulletin",
    "brussels daily",
    "daily briefing",
    "press digest",
    "revue de presse",
    "actualités du jour",
    "tagesmeldungen",
    "resumen de noticias",
)
_MIN_ITEMS = 3
_MAX_ITEM_BLOCKS = 3  # the text blocks of one item: a bulletin's items are short
_MAX_TITLE_WORDS = 24
_MIN_BODY_WORDS = 20
_MAX_MASTHEAD_WORDS = 10
_MASTHEAD_REACH = 6  # blocks above the chosen headline looked at
_TOP_REACH = 10  # with no headline line chosen, the blocks from the top looked at for a masthead


def apply(work: WorkList) -> None:
    """Make a bulletin's masthead the headline and its items' titles headings."""
    blocks = work.blocks
    if work.given_title is not None or work.matter.title:
        return  # a headline the option or front matter gave
    at = next((i for i, w in enumerate(blocks) if w.kind is HEADLINE), None)
    if at is not None and blocks[at].hint is not None:
        return  # a headline the source format marks
    above = blocks[max(0, at - _MASTHEAD_REACH) : at] if at is not None else blocks[:_TOP_REACH]
    mastheads = [w for w in above if _masthead(w)]
    if not mastheads:
        return  # decided before the items are counted
    start = at if at is not None else blocks.index(mastheads[-1]) + 1
    titles = [i for i in range(start, len(blocks)) if _item_title(blocks, i)]
    if len(titles) < _MIN_ITEMS or (at is not None and titles[0] != at):
        return
    if any(b - a > _MAX_ITEM_BLOCKS + 1 for a, b in pairwise(titles)):
        return  # an article under a paper's masthead: its headline stands over many paragraphs
    masthead = next((w for w in mastheads if find_date(w.text) is not None), mastheads[-1])
    if masthead.kind is FURNITURE and masthead.text in work.furniture.release:
        work.furniture.release.remove(masthead.text)  # "DAILY NEWS RELEASE": the bulletin's title
    masthead.kind, masthead.hint, masthead.aside = HEADLINE, None, False
    masthead.reason = (
        f"headline: the masthead of a bulletin of {len(titles)} items (each item's title heads its section)"
    )
    for i in titles:
        blocks[i].kind = HEADING
        blocks[i].reason = "the title of one item of the bulletin: a heading"
    for w in blocks[start : titles[1]]:
        if w.kind is SUBTITLE:  # a line the headline rule read as the first item's dek is its text
            w.kind, w.reason = PARAGRAPH, "text of the bulletin's first item"


def _masthead(work: Work) -> bool:
    """A one-line block naming a bulletin: text, or the release notice "DAILY NEWS RELEASE"."""
    if len(work.lines) != 1:
        return False
    notice = work.kind is FURNITURE and work.reason.startswith("release notice")
    if work.kind is not PARAGRAPH and not notice:
        return False
    return _names_bulletin(work.text)


def _names_bulletin(text: str) -> bool:
    # a long line stops splitting at the first word past the limit (the same count test, made cheap)
    if len(text.split(None, _MAX_MASTHEAD_WORDS)) > _MAX_MASTHEAD_WORDS:
        return False
    lowered = text.lower()
    return any(word in lowered for word in _BULLETIN_WORDS)


def _item_title(blocks: list[Work], at: int) -> bool:
    """A one-line title (no closing period, not a quotation) directly over an item's body text."""
    work = blocks[at]
    if work.kind not in (PARAGRAPH, HEADLINE, HEADING) or len(work.lines) != 1 or work.aside:
        return False
    text = work.text
    if len(text.split()) > _MAX_TITLE_WORDS or ends_sentence(text) or starts_with_mark(text):
        return False
    if not text[:1].isupper() and not text[:1].isdigit():
        return False
    body = blocks[at + 1] if at + 1 < len(blocks) else None
    return body is not None and body.kind in (PARAGRAPH, QUOTE) and len(body.text.split()) >= _MIN_BODY_WORDS
