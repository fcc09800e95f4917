"""The block under a headline that is neither its dek nor the lede: a caption, a role, another story's title.

Split from ``headline_shape``; the headline rule sets such a block aside as text.
"""

from __future__ import annotations

from pressconv import lazy_re
from pressconv.readers.blocks import Work
from pressconv.readers.lexicon import TITLE_CASE_SMALL
from pressconv.readers.rules.headline_shape import (
    MAX_DEK_WORDS,
    caption_line,
    case_field,
    line_shaped,
    role_line,
)


def under_headline(work: Work, headline: str, below: str) -> str | None:
    """What the block under the headline is when it is neither the dek nor the lede, or None.

    A photo caption, a case's field, a staff member's role ("Director of
    Communications") or another story's title: each is kept as text.
    """
    if caption_line(work.text) or case_field(work.text):
        return "a photo caption or a case field"
    if role_line(work.text):
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
