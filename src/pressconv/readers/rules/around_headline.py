"""Lines around the headline that are neither headline, dek nor lede: a label above it, a caption under it.

Split from ``headline`` and ``headline_shape``; the headline rule sets such text aside as text.
"""

from __future__ import annotations

from pressconv import lazy_re
from pressconv.readers.blocks import LIST, Work
from pressconv.readers.heading_shape import title_case
from pressconv.readers.lexicon import TITLE_CASE_SMALL
from pressconv.readers.quote_marks import QUOTED_SHARE, quoted_share, scan, starts_with_mark
from pressconv.readers.rules.headline_shape import (
    MAX_DEK_WORDS,
    MIN_DEK_WORDS,
    case_field,
    label_line,
    line_shaped,
    role_line,
)
from pressconv.readers.rules.stamps import caption_line

# A title opening with its issuer's code, as police and fire services file them: "POL-OM: …", "FW-HH: …".
_CODED_TITLE = lazy_re.compile(r"^[A-ZÄÖÜ]{2,5}-[A-ZÄÖÜ]{1,5}:\s+\S")


def split_label_line(works: list[Work], at: int) -> int:
    """A page's label on the headline block's first line ("Samples:" over the title), or the issuer's name
    over a title filed under its code ("POL-OM: …"): its own block.

    The label is kept as text above the headline; returns the headline block's new index.
    """
    first = works[at]
    if first.hint is not None or len(first.lines) != 2:
        return at
    if label_line(first.lines[0]):
        why = 'a label line above the headline ("Samples:", "Press release:"): kept as text'
    elif _CODED_TITLE.match(first.lines[1]):
        # "Polizeidirektion Ostmark" over "POL-OM: Fahrraddiebe …": the issuer's name, then its coded title
        why = "the issuer's name over a coded title: masthead, kept as text"
    else:
        return at
    label = Work(text=first.lines[0], lines=first.lines[:1], hint="paragraph", aside=True)
    label.reason = why
    first.lines, first.text = first.lines[1:], first.lines[1]
    works.insert(at, label)
    return at + 1


def under_headline(work: Work, headline: str, below: str) -> str | None:
    """What the block under the headline is when it is neither the dek nor the lede, or None.

    A photo caption, a case's field, a staff member's role ("Director of
    Communications") or another story's title: each is kept as text.
    """
    if caption_line(work.text) or case_field(work.text):
        return "a photo caption or a case field"
    if len(work.text.split()) >= MIN_DEK_WORDS and role_line(work.text):
        # shorter lines are never the dek ("General" over a Q&A's questions is a heading)
        return 'a staff role ("Director of Communications")'
    if line_shaped(work, MAX_DEK_WORDS) and unrelated_line(work.text, headline, below):
        return "another story's title (none of its own words recur in the text)"
    return None


_STEM_WORD = lazy_re.compile(r"[^\W\d_]{4,}")
_STEM = 5  # letters compared: "appeal" and "appealing", "injured" and "injuries" meet
_MIN_OWN_WORDS = 4
_FUNCTION_WORDS = TITLE_CASE_SMALL | {
    "that",
    "this",
    "these",
    "those",
    "near",
    "after",
    "before",
    "about",
    "than",
}
_MIN_BELOW_WORDS = 150


def unrelated_line(line: str, headline: str, below: str) -> bool:
    """ "Appeal after bicycle stolen in Riverton": another story's title under the headline, not its dek.

    A dek restates or extends the story, so in a text of some length some of its
    own words (those not in the headline) recur below it; a related post's title
    on a page shares none of at least four.  A short statement may not repeat its
    dek's words ("PROPOSALS FOR UN ROLE …" over two paragraphs), so it is not judged.
    """
    if len(below.split()) < _MIN_BELOW_WORDS:
        return False
    own = _stems(line) - _stems(headline)
    return len(own) >= _MIN_OWN_WORDS and not own & _stems(below)


def _stems(text: str) -> set[str]:
    """The first letters of the words that carry meaning ("from", "with", "über" aside)."""
    return {w.lower()[:_STEM] for w in _STEM_WORD.findall(text) if w.lower() not in _FUNCTION_WORDS}


_MAX_LIST_LABEL_WORDS = 6
_LABEL_STOPS = frozenset(',;:.!?"“”«»„')


def list_label(work: Work, after: Work) -> bool:
    """A section's label in Title Case over a list ("2023 Fourth Quarter Results", "Financial Highlights"
    over bullet lines) under the headline: a heading, not the dek (a dek over a list reads as a sentence)."""
    text = work.text
    if after.kind != LIST or len(work.lines) != 1 or len(text.split()) > _MAX_LIST_LABEL_WORDS:
        return False
    return not _LABEL_STOPS.intersection(text) and title_case(text, share=1.0)


def quoted_line(text: str) -> bool:
    """A line under the headline that opens with a quotation mark and is mostly quoted: a pull quote, never
    the dek; "„Virtuelles Medienzentrum“ mit Videomaterial für Redaktionen" opens with a quoted name only."""
    return starts_with_mark(text) and quoted_share(text, scan(text, "double")[0]) > QUOTED_SHARE
