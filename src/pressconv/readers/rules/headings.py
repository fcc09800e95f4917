"""Rule: short title-like lines followed by body text -> section headings (see ``heading_shape``).

Then the lines directly above a list, which the list itself tells apart
(SPEC §3: a heading is a title-like line; a sentence that introduces a list
is not):

- a title in sentence case over a list ("Measures in the protection zone (3
  km)" / "- All poultry must be housed …") is a heading although it is longer
  than the six words a sentence-case heading over text may have: it has no verb
  and no closing punctuation, and a list is no continuation of a sentence that
  lost its period;
- a line ending in a colon that names a verb ("Two reception centres remain
  open:") is a sentence introducing the list, text; ``--explain`` names the verb.
"""

from __future__ import annotations

from pressconv.readers.blocks import HEADING, LIST, PARAGRAPH, Work
from pressconv.readers.heading_shape import (
    MAX_SENTENCE_CASE_WORDS,
    MAX_WORDS,
    classify_headings,
    ends_sentence,
    is_boilerplate_heading,
    is_chrome_line,
    is_place_and_date,
    title_case,
)
from pressconv.readers.lexicon import FINITE_VERBS, LIST_INTRODUCERS
from pressconv.readers.quote_marks import starts_with_mark
from pressconv.readers.worklist import WorkList

# Endings that leave a line open: it goes on in the list ("… such as", "… for example").
_OPEN_LAST_WORDS = frozenset({"and", "or", "of", "to", "for", "the", "a", "an", "such", "as", "with", "by"})
_DASHES = ("-", "–", "—", "―")


def apply(work: WorkList) -> None:
    """Mark heading-shaped blocks below the headline and dek as headings when body text follows."""
    start = work.body_start()
    classify_headings(work.blocks, start)
    titles_over_lists(work.blocks, start)


def titles_over_lists(works: list[Work], start: int) -> None:
    """Lines directly above a list: a verbless title is a heading, a colon sentence says why it is text."""
    for i in range(max(start, 0), len(works) - 1):
        work, below = works[i], works[i + 1]
        if below.kind != LIST or work.kind != PARAGRAPH or work.hint is not None or len(work.lines) != 1:
            continue
        if work.aside:
            continue
        text = work.text
        if text.endswith(":"):
            verb = _introducing_verb(text)
            if verb:
                work.reason = f'a sentence ending in a colon ("{verb}") over its list: not a heading'
            continue
        if _title_over_list(text):
            work.kind = HEADING
            words = len(text.split())
            work.reason = f"{words}-word title in sentence case over a list: no verb, no closing punctuation"
            if is_boilerplate_heading(text):
                work.role = "boilerplate"


def _introducing_verb(text: str) -> str:
    """The word that makes a colon line a sentence ("remain" in "Two reception centres remain open:")."""
    for word in text.split()[1:]:
        lowered = word.lower().strip(":,;")
        if lowered in LIST_INTRODUCERS or lowered in FINITE_VERBS:
            return lowered
    return ""


def _title_over_list(text: str) -> bool:
    """A verbless sentence-case title too long for a heading over text ("Measures in the protection zone")."""
    words = text.split()
    if not MAX_SENTENCE_CASE_WORDS < len(words) <= MAX_WORDS or title_case(text):
        return False  # shorter lines and Title Case lines were decided by the heading shape
    if ends_sentence(text) or text.rstrip()[-1:] in ",;-–—" or not words[0][:1].isupper():
        return False
    if starts_with_mark(text) or text.startswith(_DASHES) or "://" in text or "@" in text:
        return False
    if is_chrome_line(text) or is_place_and_date(text):
        return False
    lowered = [w.lower().strip(".,;:!?()") for w in words]
    if lowered[-1] in _OPEN_LAST_WORDS or lowered[-1] in LIST_INTRODUCERS:
        return False  # "The measures include", "Residents are asked to": a sentence the list goes on
    return not any(
        w in FINITE_VERBS or w in LIST_INTRODUCERS or (len(w) > 4 and w.endswith("ed")) for w in lowered[1:]
    )
