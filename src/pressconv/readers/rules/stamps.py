"""Short stamps a page or a filing puts next to a release: a reading time, an exhibit number, a photo caption.

Shape tests of one line for the headline rules: none is ever a headline or a dek.
"""

from __future__ import annotations

import re

from pressconv import lazy_re

# A page's reading time next to its date: "3 min read", "5 minutes de lecture", "Lesezeit: 4 Min."
_READING_TIME = lazy_re.compile(
    r"^(?:\d{1,3}\s?(?:min|mins|minutes?|minutos|minuten|mn)\.?(?:\s(?:read|de lecture|de lectura|lesezeit))?"
    r"|(?:reading time|lecture|lectura|lesezeit):?\s\d{1,3}\s?(?:min|mins|minutes?|minutos|minuten|mn)\.?)$",
    re.IGNORECASE,
)
# A securities filing's exhibit number over the release it files: "EXHIBIT 99.1", "Exhibit 99", "EX-99.1".
_EXHIBIT = lazy_re.compile(r"^(?:exhibit|ex\.?-?)\s?\d{1,3}(?:\.\d{1,3})?\.?$", re.IGNORECASE)


def reading_time(text: str) -> bool:
    """ "3 min read", "Lesezeit: 4 Min.": how long the page takes to read."""
    return _READING_TIME.match(text.strip()) is not None


def exhibit_number(text: str) -> bool:
    """ "EXHIBIT 99.1", "EX-99.1": the exhibit a filed release is."""
    return _EXHIBIT.match(text.strip()) is not None


# A photo caption's marks: "Mayor Lena Ortiz, centre, …", "(left to right)", "pictured".
_CAPTION = lazy_re.compile(
    r",\s*(?:(?:far|second|third|from)\s+)?(?:left|right|centre|center|middle)\s*[,)]"
    r"|\((?:left|right|centre|center|l-r|l to r|from left|left to right|pictured)\b|\bpictured\b"
    r"|\[(?:left|right|centre|center|above|below|inset)\]"
    # a credit: "Photo: Harlow Council", "(Foto: Stadt Lindenfeld)", "Photo by Jo Bell", "Crédit photo : …"
    r"|(?:^|[\s(.])(?:photo|photograph|image|picture|foto|bild|crédit photo|photo credit)\s?:"
    r"|\bphoto(?:graph)? (?:by|courtesy of)\b",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 40


def caption_line(text: str) -> bool:
    """ "Mayor Lena Ortiz, centre, cuts the ribbon …": a photo caption, never the dek."""
    return len(text.split()) <= _MAX_CAPTION_WORDS and _CAPTION.search(text) is not None
