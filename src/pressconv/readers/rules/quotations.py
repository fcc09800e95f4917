"""Rule: every direct quotation in the text -> a quotation span with its speaker, pieces of one quote joined.

Runs after the speaker rule.  A quote block's quoted spans are the quote
block's speaker's (a quote block of the source format with no marks is one
quotation, the whole text); a narrative paragraph's quotations are the ones
the speaker rule bound, each to the speaker of its own sentence.  Pieces of one
quotation are marked ``joined``: a quotation split around its attribution
("“We will,” she said, “and soon.”" — the words between are only the
attribution) and a quotation running on into the next paragraph (left open,
reopened there).
"""

from __future__ import annotations

import re
from typing import assert_never

from pressconv.model import Quotation
from pressconv.readers import blocks as kinds
from pressconv.readers.blocks import PAGINATION, PARAGRAPH, Work
from pressconv.readers.lexicon import ACCORDING_TO, SPEECH_VERBS
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.quote_marks import is_page_line
from pressconv.readers.worklist import WorkList

# The words between two pieces of one quotation: one attribution sentence ("Austin said in his remarks at …").
_MAX_ATTRIBUTION_WORDS = 20
_MAX_GAP_CHARS = 200
# Where a sentence might end inside the words between two pieces (checked properly when found).
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+\S")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def apply(work: WorkList) -> None:
    """Set ``quotations`` on every paragraph and quote block."""
    previous: Work | None = None  # the block before, when its last quotation was left open
    for block in work.blocks:
        if block.kind is PARAGRAPH and not block.partial:
            if previous is None or not (block.reason is PAGINATION or is_page_line(block.text)):
                previous = None  # a page footer between two pieces of one quotation does not part them
            continue  # most paragraphs quote no one: decided before the match reads any enum member
        match block.kind:  # members as module constants: the enum class's look-up is ten times slower
            case kinds.QUOTE:
                spans = block.spans or ((0, len(block.text)),)
                pieces = [(start, end, block.speaker) for start, end in spans]
                if block.partial:  # a later quotation of the block attributed to someone else
                    pieces = [(p.start, p.end, p.speaker) for p in block.partial]
            case kinds.PARAGRAPH:
                if not block.partial:
                    previous = None
                    continue  # most paragraphs quote no one
                pieces = [(p.start, p.end, p.speaker) for p in block.partial]
            case kinds.HEADING | kinds.LIST | kinds.HEADLINE | kinds.SUBTITLE:
                previous = None
                continue
            case kinds.FURNITURE | kinds.EMBEDDED:
                previous = None
                continue
            case _:
                assert_never(block.kind)
        quotations: list[Quotation] = []
        for k, (start, end, speaker) in enumerate(pieces):
            if k == 0:
                joined = previous is not None and block.continues_quote and start == 0
            else:
                before = quotations[-1]
                joined = before.speaker == speaker and _attribution_only(block.text[before.end : start])
            quotations.append(Quotation(start, end, speaker, joined))
        block.quotations = tuple(quotations)
        open_at_end = block.opens_unclosed and quotations[-1].end == len(block.text)
        previous = block if open_at_end else None


def _attribution_only(gap: str) -> bool:
    """True when the words between two quoted pieces are their attribution (", she said, "), one clause.

    A gap of two sentences ("she said. The ministry published figures.") holds
    narrative too: the pieces are two quotations.
    """
    if len(gap) > _MAX_GAP_CHARS:
        return False
    words = _WORD.findall(gap)
    if not words or len(words) > _MAX_ATTRIBUTION_WORDS:
        return False
    lowered = [w.lower() for w in words]
    if SPEECH_VERBS.isdisjoint(lowered):
        text = " ".join(lowered)
        if not any(phrase in text for phrase in ACCORDING_TO):
            return False
    if not _SENTENCE_BREAK.search(gap):
        return True  # no sentence can end inside it: one clause
    return not any(gap[end:].strip(" .,;:!?—–-") for end in sentence_ends(gap))
