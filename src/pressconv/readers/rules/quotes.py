"""Rule: paragraphs most of whose words are quoted -> quotes, multi-paragraph runs (see ``quote_marks``)."""

from __future__ import annotations

from pressconv.readers.quote_marks import classify_quotes
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Classify quotes and record every block's quoted spans."""
    classify_quotes(work.blocks, work.notes)
