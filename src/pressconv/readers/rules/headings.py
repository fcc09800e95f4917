"""Rule: short title-like lines followed by body text -> section headings (see ``heading_shape``)."""

from __future__ import annotations

from pressconv.readers.heading_shape import classify_headings
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Mark heading-shaped blocks below the headline and dek as headings when body text follows."""
    classify_headings(work.blocks, work.body_start())
