"""Rule: press furniture (release notice, embargo, byline, date line, contacts, end mark) -> metadata.

The recognition lives in ``press_furniture``; this rule runs it over the work
list, then looks for a contact card closing the text with no header over it
(``contact_card``).  A text made of nothing but furniture-shaped lines keeps them as text
rather than lose every word.
"""

from __future__ import annotations

from pressconv.readers.blocks import FURNITURE
from pressconv.readers.contact_card import mark_card
from pressconv.readers.press_furniture import Furniture, extract_furniture
from pressconv.readers.worklist import WorkList


def apply(work: WorkList) -> None:
    """Mark furniture blocks and record what they say in ``work.furniture``."""
    found = Furniture()
    marked = extract_furniture(work.blocks, found)
    if not found.contacts:
        mark_card(marked, found.contacts)  # a contact card at the end with no header over it
    if all(w.kind == FURNITURE for w in marked):
        return  # nothing but furniture-shaped lines: keep them as text
    work.blocks, work.furniture = marked, found
