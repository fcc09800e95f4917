"""A contact card at the end of a text with no "Media contact" header over it -> metadata.contacts.

German police and agency pages end with the press office's card: its name,
street and town, the officer's name, then labelled lines ("Telefon: …",
"E-Mail: …").  With no contact header above it, the furniture rule's contact
blocks do not start; the short name and address lines then look like section
headings over the labelled lines.  A card is the last block of text when it
holds at least two lines opening with a contact field's label, and every
short line directly above it — no sentence, a few capitalised words, a
street or a postcode and town — belongs to it.  SPEC §3: contact blocks go
into metadata.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, PARAGRAPH, Work
from pressconv.readers.heading_shape import ends_sentence

# "Telefon: …", "Tel.: …", "E-Mail: …", "Phone: …", "Fax: …", "Mobil: …", "Twitter: @…"
_FIELD = lazy_re.compile(
    r"(?:tel(?:efon|ephone|éfono|éphone)?|phone|mobil(?:e)?|handy|fax|e-?mail|courriel|correo|web|internet"
    r"|twitter|x)\.?\s*:\s*\S",
    re.IGNORECASE,
)
_MIN_FIELDS = 2
_MAX_CARD_LINES = 8
_MAX_LINE_WORDS = 5
_MAX_ABOVE = 6


def mark_card(works: list[Work], contacts: list[str]) -> None:
    """Mark a headerless contact card closing the text (and its name lines) as contact furniture."""
    last = next((i for i in range(len(works) - 1, -1, -1) if works[i].kind != FURNITURE), None)
    if last is None or not _card(works[last]):
        return
    first = last
    while first > 0 and last - first < _MAX_ABOVE and _card_line(works[first - 1]):
        first -= 1
    lines = [line for work in works[first : last + 1] for line in work.lines]
    for work in works[first : last + 1]:
        work.kind, work.reason = FURNITURE, "contact card closing the text -> metadata.contacts"
    contacts.append("\n".join(lines))


def _card(work: Work) -> bool:
    if work.kind != PARAGRAPH or len(work.lines) > _MAX_CARD_LINES:
        return False
    return sum(1 for line in work.lines if _FIELD.match(line)) >= _MIN_FIELDS


def _card_line(work: Work) -> bool:
    """ "Kopernikusstr. 1b", "18057 Rostock", "Sascha Alexas": a short line of a card, not a sentence."""
    if work.kind != PARAGRAPH or len(work.lines) > 1 or work.aside:
        return False
    text = work.text
    words = text.split()
    return (
        len(words) <= _MAX_LINE_WORDS
        and not ends_sentence(text)
        and not text.endswith(":")
        and all(w[:1].isupper() or w[:1].isdigit() for w in words)
    )
