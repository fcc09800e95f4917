"""Rule: a heading right under a label heading ("WHO:", "When:") is the label's value, not a heading.

Media advisories set their facts out as labels on lines of their own, each
followed by its value ("WHEN:" / "Thursday, March 11" / "10:30 a.m."); a short
value line is shaped like a heading, but it is what the label introduces.
"""

from __future__ import annotations

from itertools import pairwise

from pressconv.readers.blocks import HEADING, PARAGRAPH
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Turn a heading that directly follows a colon-ended label heading back into a paragraph."""
    blocks = work.blocks
    for before, block in pairwise(blocks):
        if (
            before.kind == HEADING
            and before.text.rstrip().endswith(":")
            and block.kind == HEADING
            and block.hint != "heading"
            and not block.text.rstrip().endswith(":")
        ):
            block.kind = PARAGRAPH
            block.reason = f'the value of the label "{before.text}" above it, not a heading'
