"""Rule: quote blocks -> speakers: attribution clause, full name, title, pronouns (see ``speakers``)."""

from __future__ import annotations

from pressconv.readers.speakers import assign_speakers
from pressconv.readers.speakers.capitals import names_in_ordinary_case
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Set speaker, title and attribution on every quote block, and the speaker of every partial quotation."""
    with names_in_ordinary_case(work.blocks):  # "JANE DOE, Under-Secretary-General, said …"
        assign_speakers(work.blocks, work.issuer)
