"""Rule: short title-like lines followed by body text -> section headings.

A block shaped like a heading (``heading_shape``: a short one-line block, no
closing punctuation, …) is a heading when body text follows it (or another
heading that is followed).  What stands around it decides the rest: a contact
line under "Notes to editors" does not cut the heading off from the text below;
a title over a list is a heading however long in sentence case; a sentence that
introduces the list under it ("Two centres remain open:"), a phrase its list's
clauses complete ("Under the order:") and a "Quotes attributable to …:" line
are text (SPEC §3).
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, HEADING, LIST, PARAGRAPH, QUOTE, Work
from pressconv.readers.heading_shape import (
    CODE_LINE,
    MAX_COLON_LABEL_WORDS,
    MAX_SENTENCE_CASE_WORDS,
    MAX_WORDS,
    SHORT_LINE,
    ends_sentence,
    first_letter,
    has_finite_verb,
    heading_shape,
    is_boilerplate_heading,
    not_a_heading,
    title_case,
)
from pressconv.readers.lexicon import FINITE_VERBS
from pressconv.readers.quote_marks import starts_with_mark
from pressconv.readers.rules.page_items import INVITATION_CHARS, INVITATION_HEADING, invitation_heading
from pressconv.readers.speakers.surroundings import signature_line
from pressconv.readers.worklist import WorkList

# The furniture rule's reasons for a contact block: a heading over one still heads the text below it.
_CONTACT_REASONS = ("media contact block", "contact details")
# "Quotes attributable to Minister for Transport, Jane Doe:" over the quotes it attributes.
_QUOTES_ATTRIBUTABLE = lazy_re.compile(
    r"(?:(?:additional|further|more)\s+)?(?:quotes?|quotations?|comments?|remarks?)\s+"
    r"(?:attributable|attributed)\s+to\s+\S",
    re.IGNORECASE,
)
# Verbs of a sentence that introduces a list ("Two centres remain open:"), beside the lexicon's introducers.
_LIST_VERBS = frozenset(
    {"remain", "remains", "stay", "stays", "apply", "applies", "affect", "affects", "involve", "involves"}
    | {"require", "requires", "contain", "contains", "comprise", "comprises", "consist", "consists"}
    | {"continue", "continues", "bleiben", "bleibt", "gelten", "gilt", "restent", "demeurent", "permanecen"}
    | {"siguen", "restano", "rimangono", "forbliver", "gælder", "gjelder", "tetap"}
)
# Prepositions opening an adverbial phrase ("Under the order:", "During the closure:", "Pendant les …").
_PREPOSITIONS = frozenset(
    {"under", "during", "after", "before", "from", "until", "since", "with", "without", "following"}
    | {"throughout", "durante", "tras", "bajo", "desde", "pendant", "après", "avant", "dès", "während"}
    | {"nach", "ab", "bis", "seit", "unter"}
)


def apply(work: WorkList) -> None:
    """Mark heading-shaped blocks below the headline and dek as headings when body text follows."""
    classify_headings(work.blocks, work.body_start())


def _completed_by_list(text: str, works: list[Work], at: int) -> bool:
    """ "Under the order:" over "- attorneys must register …;": a phrase the list's clauses complete.

    A sentence-case phrase opening with a preposition and ending in a colon, whose
    list items are clauses (lower case, each with a finite verb), reads as one
    sentence with them (SPEC §3: a sentence that introduces a list is no heading);
    "In brief:" over "- 140 berths" is a label.
    """
    words = text.split()
    if not text.endswith(":") or len(words) > MAX_SENTENCE_CASE_WORDS:
        return False
    if words[0].lower() not in _PREPOSITIONS:
        return False
    after = works[at + 1] if at + 1 < len(works) else None
    if after is None or after.kind != LIST or not after.items or title_case(text):
        return False
    return all(
        first_letter(item).islower() and any(w.lower().strip(".,;:") in FINITE_VERBS for w in item.split())
        for item in after.items
    )


def _title_over_list(work: Work, works: list[Work], at: int) -> bool:
    """ "Measures in the protection zone (3 km)", a blank line, then its list: the list's title.

    A one-line block of at most twelve words, in sentence case too, without a verb
    or final punctuation, set apart from the list below it by a blank line.
    """
    after = works[at + 1] if at + 1 < len(works) else None
    if after is None or after.kind != LIST or "introducing line" in after.reason:
        return False  # no list below, or the line is fused with it (a lead-in)
    if work.kind != PARAGRAPH or work.hint is not None or len(work.lines) != 1 or work.aside:
        return False
    text = work.text
    words = text.split()
    return (
        MAX_SENTENCE_CASE_WORDS < len(words) <= MAX_WORDS
        and not ends_sentence(text)
        and not text.endswith(":")
        and not starts_with_mark(text)
        and not has_finite_verb(words, short_ok=False)
        and not not_a_heading(text)
    )


def _introduces_list(text: str, works: list[Work], at: int) -> bool:
    """ "Two reception centres remain open:" on the line above its items: a sentence, not a label."""
    after = works[at + 1] if at + 1 < len(works) else None
    if after is None or after.kind != LIST or not text.endswith(":") or title_case(text):
        return False
    words = [w.lower().strip(":,") for w in text.split()]
    return len(words) > MAX_COLON_LABEL_WORDS and any(w in _LIST_VERBS for w in words[1:])


def _quotation_ends(text: str) -> bool:
    """True for a paragraph of quotation with no attribution after it: it opens with a quotation mark and
    ends with one, or its last mark opens a quotation left open ("“We will …" running to the end)."""
    text = text.rstrip()
    if not starts_with_mark(text):
        return False
    if text[-1] in _MARKS:
        return True
    # the last mark, read from the end (no list of every mark in a long paragraph)
    last = next((c for c in reversed(text) if c in _MARKS), None)
    if last is None:
        return False  # single marks: not read here
    return last in _OPENERS or (last == '"' and text.count('"') % 2 == 1)


_MARKS = '“”„«»"'
_OPENERS = "“„«"


def classify_headings(works: list[Work], start: int) -> None:
    """Mark heading-shaped blocks from ``start`` on as headings when body text follows them."""
    shapes = [None] * start + [heading_shape(w) for w in works[start:]]
    followed = False  # is the block after this one body text (or a heading that is followed by body)?
    for i in range(len(works) - 1, start - 1, -1):
        work = works[i]
        if work.kind == FURNITURE:
            # a heading needs body text before the end mark or a closing contact block; a contact line
            # opening a section ("Notes to editors" / "For further information …" / text) is passed over
            followed = followed and work.reason.startswith(_CONTACT_REASONS)
            continue
        shape = shapes[i]
        if shape is None and _title_over_list(work, works, i):
            shape = "a title over the list below it: no verb, no final punctuation"
        if shape is None and len(work.text) < INVITATION_CHARS and invitation_heading(works, i):
            shape = INVITATION_HEADING
        if shape is not None and work.hint is None and _introduces_list(work.text, works, i):
            shape = None
            work.reason = "a sentence ending in a colon that introduces the list under it: not a heading"
        if shape is not None and work.hint is None and _completed_by_list(work.text, works, i):
            shape = None
            work.reason = "a phrase ending in a colon that the list below completes: a sentence, no heading"
        if shape is not None and _QUOTES_ATTRIBUTABLE.match(work.text) and work.text.endswith(":"):
            shape = None  # names whose words the quotes below are, like "Jane Roe said:"
            work.reason = 'a line naming whose the quotes below are ("Quotes attributable to …:"): no heading'
        if shape is not None and i and _quotation_ends(works[i - 1].text) and signature_line(work.text):
            shape = None  # "Jane Doe, Commissioner for X" under a quote signs it, as a dash line does
            work.reason = "a name and title under a quote: who said it, no heading"
        if shape is not None and (followed or work.hint == "heading"):
            work.kind = HEADING
            work.reason = shape
            if work.stated_role is not None:
                work.role = work.stated_role  # the source format says what the section is
            elif is_boilerplate_heading(work.text):
                work.role = "boilerplate"
            followed = True
        elif shape is not None:
            work.reason = "short line but nothing follows it: a paragraph"
            followed = True
        else:
            # a document code ("QANDA/28/402") under a link's label is not the body a heading needs
            text = work.text
            followed = work.kind in (PARAGRAPH, QUOTE, LIST) and not (
                "/" in text and " " not in text and CODE_LINE.match(text)
            )
            if not work.reason and work.kind == PARAGRAPH and len(work.lines) == 1 and len(text) < SHORT_LINE:
                work.reason = not_a_heading(text)  # for --explain: why a short line is text
