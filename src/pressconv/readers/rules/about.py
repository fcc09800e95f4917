"""Rule: a block whose first line is an "About …" heading is split so the heading stands alone."""

from __future__ import annotations

from pressconv.readers.blocks import PARAGRAPH, Work
from pressconv.readers.press_furniture import is_about_heading
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Split "About Acme\\nAcme is …" into a heading line and its paragraph."""
    work.blocks = split_about_lines(work.blocks)


def split_about_lines(works: list[Work]) -> list[Work]:
    """Split "About Acme\\nAcme is …" so the heading line stands as its own block."""
    out: list[Work] = []
    for work in works:
        if (
            work.kind == PARAGRAPH
            and work.hint is None
            and len(work.lines) > 1
            and is_about_heading(work.lines[0])
        ):
            first, rest = work.lines[0], work.lines[1:]
            if len(rest) == 1 and not rest[0].endswith(":"):
                out.append(work)  # "About Acme" fused with the one line of its text: one paragraph
                continue
            if len(first) < 0.7 * max(len(line) for line in rest) or first.endswith(":"):
                head = Work(text=first, lines=[first])
                out.append(head)
                out.append(Work(text=" ".join(rest), lines=list(rest)))
                continue
        out.append(work)
    return out
