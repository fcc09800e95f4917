"""The one value every inference rule works on: the blocks, plus the few facts rules pass to each other.

Each rule in ``rules/`` is ``apply(work: WorkList) -> None``; it may replace
or reclassify ``blocks`` and set the fields below that it owns.  Everything a
rule may share with a later rule is a named field here, so what flows between
rules is visible in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pressconv.errors import Notes
from pressconv.readers.blocks import FURNITURE, HEADLINE, SUBTITLE, Work
from pressconv.readers.front_matter import FrontMatter
from pressconv.readers.press_furniture import Furniture

# How far below the last headline or dek block another may still stand (the headline rule's reach).
_HEADLINE_REACH = 64


@dataclass(slots=True)
class WorkList:
    """The document while the rules run."""

    blocks: list[Work]
    """The blocks in order; rules reclassify them and may split or merge them."""
    notes: Notes
    """Warnings for the caller (unbalanced quotation marks …)."""
    matter: FrontMatter = field(default_factory=FrontMatter)
    """Front matter (read only)."""
    given_title: str | None = None
    """The headline given by option or front matter: no headline is guessed, only matched."""
    source_derived: str | None = None
    """A headline the source format marks as derived from the lede (not body text)."""
    furniture: Furniture = field(default_factory=Furniture)
    """Set by the furniture rule: release notice, byline, contacts, end mark."""
    dateline: str | None = None
    """Set by the dateline rule (front matter first)."""
    headline: str | None = None
    """Set by the headline rules: the headline text, when one was found or derived."""
    headline_derived: bool = False
    """True when ``headline`` was derived from the lede."""
    headline_evidence: list[str] = field(default_factory=list)
    """The headline rule's candidates and scores, for ``parse --explain``."""
    issuer: str | None = None
    """Set by the statement rule: the person a statement is issued in the name of."""
    issuer_evidence: str = ""
    """Why ``issuer`` was chosen."""

    def body_start(self) -> int:
        """The index of the first block after the headline and dek (0 when there are none).

        The headline and dek stand near the top, so the search stops after the
        first run of content once neither has been seen for a while.
        """
        last = -1
        for i, block in enumerate(self.blocks):
            if block.kind in (HEADLINE, SUBTITLE):
                last = i
            elif i - last > _HEADLINE_REACH:
                break
        return last + 1

    def content(self) -> list[int]:
        """Indexes of the blocks that are neither furniture nor set aside (a date line, a mail header)."""
        return [i for i, w in enumerate(self.blocks) if w.kind != FURNITURE and not w.aside]
