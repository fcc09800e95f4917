"""Rule: a one-sentence summary under the headline, above the page's byline, date or "From:" line -> the dek.

Government and university pages set a summary sentence directly under the
headline, then the page's metadata (a byline, a date line, "From: Department
… Published 3 May 2027", "Jaén, 12/02/2026"), then the text.  That sentence is
the subtitle, not the lede.  The rule runs after the speaker rule: a summary
often names the person the quotes below refer to by role only ("The Foreign
Secretary said:"), so the speaker rule reads it as text first.
"""

from __future__ import annotations

from pressconv.readers.blocks import FURNITURE, HEADLINE, LIST, PARAGRAPH, QUOTE, SUBTITLE, Work
from pressconv.readers.rules.headline_shape import dek_shaped, page_metadata
from pressconv.readers.worklist import WorkList

_RULE_SIGNS = "_=-*#~"


def apply(work: WorkList) -> None:
    """Mark the summary sentence under the headline as the subtitle when page metadata follows it."""
    blocks = work.blocks
    at = next((i for i, w in enumerate(blocks[: work.body_start()]) if w.kind is HEADLINE), None)
    if at is None or any(w.kind is SUBTITLE for w in blocks[at : at + 2]):
        return
    content: list[int] = []  # the first two blocks of text under the headline
    for i in range(at + 1, len(blocks)):
        if blocks[i].kind != FURNITURE and not blocks[i].aside:
            content.append(i)
            if len(content) == 2:
                break
    if len(content) < 2:
        return
    summary = blocks[content[0]]
    if (
        summary.kind is not PARAGRAPH
        or summary.partial
        or summary.text[:1] in _RULE_SIGNS
        or not dek_shaped(summary)
    ):
        return  # a summary opens with a word ("_____ / For Immediate Release …" is a rule and a notice)
    if _summary_under_metadata(blocks, at, content):
        summary.kind = SUBTITLE
        summary.reason = "one-sentence summary under the headline and the page's metadata (part of …)"
        return
    following = content[0] + 1
    if (
        following < len(blocks)
        and page_metadata(blocks[following])
        and blocks[content[1]].kind in (PARAGRAPH, QUOTE, LIST)  # the text, or its key points first
    ):
        summary.kind = SUBTITLE
        summary.reason = (
            "one-sentence summary under the headline, above the page's byline, date or From: line"
        )


_PAGE_STAMPS = ("published:", "updated:", "part of:")
_MAX_SHORT_SUMMARY_WORDS = 15


def _summary_under_metadata(blocks: list[Work], at: int, content: list[int]) -> bool:
    """ "Part of: Education / Published: 9 February 2032" between the headline and one short sentence over
    a longer paragraph: a government page's summary, set under its metadata rather than above it."""
    between = blocks[at + 1 : content[0]]
    if not between or not all(page_metadata(w) for w in between):
        return False
    stamps = " ".join(w.text.lower() for w in between)
    if "from:" in stamps or not any(stamp in stamps for stamp in _PAGE_STAMPS):
        # a date line alone over a one-sentence lede is no page's metadata; a page that names its issuer
        # ("From: …") sets its summary above the metadata, and a sentence under it is the lede
        return False
    summary, text = blocks[content[0]], blocks[content[1]]
    words = len(summary.text.split())
    return (
        len(summary.lines) == 1
        and words <= _MAX_SHORT_SUMMARY_WORDS
        and summary.text.endswith(".")
        and text.kind is PARAGRAPH
        and len(text.text.split()) >= 2 * words
    )
