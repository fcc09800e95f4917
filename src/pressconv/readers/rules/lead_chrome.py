"""Rule: page chrome between the headline and the lede is not a section heading.

SPEC §3: a section heading is a short line "followed by body text".  The
headings rule reads from the bottom up and sees only that text follows a
line; a line above the lede, before any body, has nothing to head.  Web pages
put chrome there: a kicker or a page label ("Peer-Reviewed Publication"), the
issuer's name, a "Published" line, a photo caption, a newsletter's banner with
its date.  The lead is the run of blocks from the headline and dek (the top,
when the text has no headline line) down to the first block of body text; a
heading in it is chrome, text set apart (``aside``: never headline, heading,
dek or lede), when

* the text has no headline line: nothing above the lede is a section's title;
* two or more heading-shaped lines are stacked there: a page's labels (not
  where one is a question: a Q&A's section over its first question);
* it is the only one, and it is a caption (it names a picture credit), it
  carries a full date (a banner, "Daily News 04 / 04 / 2019"), or the lede
  under it opens with a dateline (the dateline opens the release's text, so
  nothing under the headline above it is a section's title).

A title typed as one short sentence directly under the headline (a headline or
dek the headline rule did not take) belongs to the lead when the block under
the lead there opens with a dateline.

A dateline on a line of its own ("MÉRIDA 27 Oct. (AGENCY) -") is the lede's
opening, never a heading: it stays a paragraph for the dateline rule to read.
A heading the source format states is left alone.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, HEADING, HEADLINE, LIST, PARAGRAPH, QUOTE, SUBTITLE, Work
from pressconv.readers.dates import find_date
from pressconv.readers.heading_shape import ends_sentence, is_chrome_line
from pressconv.readers.rules.dateline import dateline_alone, find_dateline, title_sentence
from pressconv.readers.worklist import WorkList

# A picture credit inside a line: "Festnahme (Symbolbild; Quelle: Polizei)", "The mayor (Photo: City)".
_CAPTION = lazy_re.compile(
    r"(?:^|[(\[;,|]\s*)(?:photo|foto|bild|symbolbild|image|picture|credit|crédit|crédito|quelle|source"
    r"|fuente|photograph|archivbild|archive)\b\s*(?:[:;)\]]|by\b)|©",
    re.IGNORECASE,
)
# "12 / 07 / 2021", "15.06.2016": a numeric date with a year (dates.find_date reads ISO and named months).
_NUMERIC_DATE = lazy_re.compile(r"\b\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{4}\b")
_MAX_CHROME_WORDS = 12  # a short line without a sentence's end, between headings, is chrome too
_STACK = 2
_DATELINE_REACH = 6  # blocks below the headline where a dateline on its own line may stand


def apply(work: WorkList) -> None:
    """Headings between the headline (or the top) and the lede -> chrome text; a lone dateline -> text."""
    blocks = work.blocks
    has_headline = any(w.kind == HEADLINE for w in blocks)
    start = work.body_start()
    lead, lede = _lead(blocks, start)
    if lede is not None and lede is not blocks[-1] and title_sentence(lede) and lede.kind == PARAGRAPH:
        # a title typed as a sentence above the lede (an undetected headline or dek): the lead goes on
        # below it when the block under the lead there opens with a dateline
        below = blocks.index(lede) + 1
        more, under = _lead(blocks, below)
        if under is not None and find_dateline(under.text):
            lead, lede = [*lead, lede, *more], under
    dated = False  # a dateline on a line of its own opens the lede (under a "Published" line, too)
    for block in blocks[start : start + _DATELINE_REACH]:
        if block.kind == HEADING and block.hint != "heading" and dateline_alone(block.text):
            block.kind, block.role, dated = PARAGRAPH, "body", True
            block.reason = "a dateline on a line of its own: the lede's opening, not a heading"
    headings = [w for w in lead if w.kind == HEADING and w.hint != "heading"]
    if not headings or lede is None:
        return
    if not has_headline:
        why = "above the lede of a text without a headline line: page chrome, not a heading"
    elif len(headings) >= _STACK and not any(w.text.rstrip().endswith("?") for w in headings):
        # (a question among them opens a Q&A: a section over its first question is a heading)
        why = f"{len(headings)} title-like lines stacked above the lede: page labels, not headings"
    elif _CAPTION.search(headings[0].text):
        why = "a caption (it names a picture credit) above the lede: not a heading"
    elif _NUMERIC_DATE.search(headings[0].text) or find_date(headings[0].text):
        why = "a banner or page line with a date above the lede: not a heading"
    elif dated or find_dateline(lede.text):
        why = "above a lede that opens with its dateline: page chrome, not a heading"
    else:
        return
    for heading in headings:
        heading.kind, heading.role, heading.aside = PARAGRAPH, "body", True
        heading.reason = why


def _lead(blocks: list[Work], start: int) -> tuple[list[Work], Work | None]:
    """The blocks from ``start`` down to the first block of body text, and that block (None: none)."""
    lead: list[Work] = []
    for block in blocks[start:]:
        chrome = block.kind == PARAGRAPH and _short_chrome(block.text)
        if chrome or block.kind in (HEADING, FURNITURE, HEADLINE, SUBTITLE) or block.aside:
            lead.append(block)
        else:
            return lead, block if block.kind in (PARAGRAPH, QUOTE, LIST) else None
    return lead, None


def _short_chrome(text: str) -> bool:
    """A caption, a credit or a place and date on a short line ("©Agency / Jane Roe"): chrome in the lead."""
    if len(text.split()) > _MAX_CHROME_WORDS or ends_sentence(text):
        return False
    dated = _NUMERIC_DATE.search(text) or find_date(text)
    return bool(is_chrome_line(text) or _CAPTION.search(text) or dated)
