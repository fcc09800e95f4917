"""Rule: a block whose first line is an "About …" heading is split so the heading stands alone."""

from __future__ import annotations

from pressconv.readers.press_furniture import split_about_lines
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Split "About Acme\\nAcme is …" into a heading line and its paragraph."""
    work.blocks = split_about_lines(work.blocks)
