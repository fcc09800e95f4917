"""Written forms of one person's name: the first of two surnames, and which forms may be one person.

Pure functions of a name's words, asked by the person index (``people``) each time a form is added
or resolved.
"""

from __future__ import annotations

import re

from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import NAME_PARTICLES, NAME_SUFFIXES

# "Seo-yeon", "Min-jun": a Korean given name, written after the family name.
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")


# A pure function of the name's words, memoised per document: every mention of a person adds the name again.
@per_document(maxsize=4096)
def first_of_two_surnames(name: tuple[str, ...]) -> str | None:
    """ "Quintana" in "Beatriz Quintana Sanz": the word before the last of a name of three words or more,
    a capitalised word (not an initial, a particle or a suffix) that the text may use alone; and the family
    name a Korean name gives first ("Park" in "Park Seo-yeon": a given name of two hyphened syllables)."""
    if len(name) == 2 and _HYPHENED_GIVEN.fullmatch(name[1]) and len(name[0]) >= 2:
        return name[0]
    core = [w for w in name if w.lower() not in NAME_SUFFIXES]
    if len(core) < 3:
        return None
    word = core[-2].rstrip(",")
    if len(word) < 3 or not word[:1].isupper() or word.endswith(".") or word.lower() in NAME_PARTICLES:
        return None
    return word


def ends_with(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """True when a run ends in a known full name ("Selon Marie Dupont" ~ "Marie Dupont")."""
    return len(name) >= 2 and len(words) > len(name) and words[-len(name) :] == name


def compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when every word of the short form appears in the full form (Ryder ~ Pat Ryder)."""
    if len(short) == 1:
        return short[0] in full  # the usual lone surname: no generator to run
    return all(word in full for word in short)
