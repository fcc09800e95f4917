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

from pressconv.model import Quotation
from pressconv.readers._blocks import Kind, Work
from pressconv.readers._lexicon import ACCORDING_TO, SPEECH_VERBS
from pressconv.readers._names import sentence_ends
from pressconv.readers._worklist import WorkList

# The words between two pieces of one quotation: one attribution sentence ("Austin said in his remarks at …").
_MAX_ATTRIBUTION_WORDS = 20
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def apply(work: WorkList) -> None:
    """Set ``quotations`` on every paragraph and quote block."""
    previous: Work | None = None  # the block before, when its last quotation was left open
    for block in work.blocks:
        match block.kind:
            case Kind.QUOTE:
                spans = block.spans or ((0, len(block.text)),)
                pieces = [(start, end, block.speaker) for start, end in spans]
            case Kind.PARAGRAPH:
                pieces = [(p.start, p.end, p.speaker) for p in block.partial]
            case Kind.HEADING | Kind.LIST | Kind.HEADLINE | Kind.SUBTITLE | Kind.FURNITURE:
                previous = None
                continue
        quotations: list[Quotation] = []
        for k, (start, end, speaker) in enumerate(pieces):
            if k == 0:
                joined = previous is not None and block.continues_quote and start == 0
            else:
                before = quotations[-1]
                joined = before.speaker == speaker and _attribution_only(block.text[before.end : start])
            quotations.append(Quotation(start, end, speaker, joined))
        block.quotations = tuple(quotations)
        previous = (
            block if block.opens_unclosed and quotations and quotations[-1].end == len(block.text) else None
        )


def _attribution_only(gap: str) -> bool:
    """True when the words between two quoted pieces are their attribution (", she said, "), one clause.

    A gap of two sentences ("she said. The ministry published figures.") holds
    narrative too: the pieces are two quotations.
    """
    words = _WORD.findall(gap)
    if not words or len(words) > _MAX_ATTRIBUTION_WORDS:
        return False
    if any(gap[end:].strip(" .,;:!?—–-") for end in sentence_ends(gap)):
        return False
    lowered = [w.lower() for w in words]
    text = " ".join(lowered)
    return any(w in SPEECH_VERBS for w in lowered) or any(phrase in text for phrase in ACCORDING_TO)
