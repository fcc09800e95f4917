"""Rule: paragraphs most of whose words are quoted -> quotes, multi-paragraph runs (see ``_quotes``)."""

from __future__ import annotations

from pressconv.readers._quotes import classify_quotes
from pressconv.readers._worklist import WorkList


def apply(work: WorkList) -> None:
    """Classify quotes and record every block's quoted spans."""
    classify_quotes(work.blocks, work.notes)
