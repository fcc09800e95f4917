"""Rule: no headline from option, front matter, source format or text -> from the lede's first sentence."""

from __future__ import annotations

from pressconv.readers.blocks import HEADLINE
from pressconv.readers.rules.headline import derive_headline
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Set ``work.headline`` (and ``headline_derived``) from wherever the headline comes."""
    line = next((w for w in work.blocks if w.kind == HEADLINE), None)
    if work.given_title:
        work.headline = work.given_title
    elif line is not None:
        work.headline = line.text
    elif work.source_derived is not None:
        work.headline, work.headline_derived = work.source_derived, True
    else:
        work.headline = derive_headline(work.blocks, work.dateline) if work.blocks else ""
        work.headline_derived = True
