"""Text rules every layer shares: XML-illegal characters, script direction, the reading order of sections.

Readers and writers both need these, and each rule must give one answer
everywhere: a character one writer drops and another keeps, or a document
laid out right to left in HTML and left to right in DOCX, is a bug.  So they
live here, once, below the readers and the writers, importing nothing above
the model (``errors`` for ``Notes``, ``model`` for the node types).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from pressconv.errors import Notes
from pressconv.model import Document, Section, block_text

# --- characters -------------------------------------------------------------------------------------

# C0 controls except TAB/LF/CR, DEL and C1 controls, surrogates, the two XML non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str, notes: Notes) -> str:
    """``text`` with XML-illegal characters removed, reporting how many and which."""
    found = _ILLEGAL.findall(text)
    if found:
        kinds = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(found))[:5])
        more = "…" if len(set(found)) > 5 else ""
        notes.warn(
            "control-chars", f"removed {len(found)} control or XML-illegal character(s): {kinds}{more}"
        )
        text = _ILLEGAL.sub("", text)
    return text


# --- script direction -------------------------------------------------------------------------------

#: Primary language subtags (BCP 47) written right to left: Arabic, Hebrew, Persian, Urdu, Yiddish,
#: Pashto, Dhivehi, Uyghur, Central Kurdish, Sindhi.  The one list every writer asks.
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "dv", "ug", "ckb", "sd"})

#: Characters of the headline and first blocks weighed by ``direction`` when the language does not decide.
_SAMPLE = 4000

#: Unicode bidirectional classes of strong right-to-left characters (Hebrew's R, Arabic's AL).
_RTL_CLASSES = ("R", "AL")


def primary_language(language: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case: ``ar`` for ``ar-EG``."""
    return language.split("-")[0].lower()


def is_rtl_language(language: str) -> bool:
    """Whether ``language`` (a BCP 47 tag) is written right to left."""
    return primary_language(language) in RTL_LANGUAGES


def direction(document: Document) -> str:
    """``rtl`` when the language or most strong characters of the text are right-to-left, else ``ltr``."""
    if is_rtl_language(document.metadata.language):
        return "rtl"
    sample = " ".join([document.headline, *(block_text(b) for b in document.blocks()[:5])])[:_SAMPLE]
    # Most text holds no right-to-left character at all: then rtl > ltr cannot hold, and asking each
    # distinct character once (a set of ~80) says so at a fifth of the cost of weighing all of them.
    if not any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in set(sample)):
        return "ltr"
    rtl = ltr = 0
    for ch in sample:
        bidi = unicodedata.bidirectional(ch)
        if bidi in _RTL_CLASSES:
            rtl += 1
        elif bidi == "L":
            ltr += 1
    return "rtl" if rtl > ltr else "ltr"


# --- reading order ----------------------------------------------------------------------------------


def is_boilerplate(section: Section) -> bool:
    """Whether ``section`` is press boilerplate ("About Acme"), which every output sets after the body."""
    return section.role == "boilerplate"


def body_and_boilerplate(sections: Sequence[Section]) -> tuple[list[Section], list[Section]]:
    """The body sections and the boilerplate sections, each in source order."""
    body = [s for s in sections if not is_boilerplate(s)]
    return body, [s for s in sections if is_boilerplate(s)]


def reading_order(sections: Sequence[Section]) -> list[int]:
    """Indices of ``sections`` in the order every output shows them: the body, then the boilerplate.

    Indices rather than sections, so a writer keeps whatever it holds beside each section (its anchor).
    """
    body = [i for i, s in enumerate(sections) if not is_boilerplate(s)]
    return body + [i for i, s in enumerate(sections) if is_boilerplate(s)]
