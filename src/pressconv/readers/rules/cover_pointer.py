"""A covering note that points at the release below it: "Dear colleagues, / Please find below a statement …".

A press office's e-mail often opens with a greeting and one sentence that
hands the release over ("Please find below …", "Veuillez trouver ci-dessous
…", "A continuación le enviamos …", "anbei erhalten Sie …"), with no
forward marker and no sign-off under it.  Those blocks are the sender's
note, not the release: the headline rule (``cover_note``) looks below them.
Split from ``cover_note`` (the note's other shapes).
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import Work
from pressconv.readers.heading_shape import ends_sentence

# Greetings of a note to journalists in English, French, Spanish and German, besides the common ones
# ``cover_note`` lists ("Dear …", "Bonjour", "Hola", "Sehr geehrte …"): a pattern fragment.
SALUTATIONS = (
    r"good evening|greetings|bonsoir|salut|madame,? (?:et )?monsieur|mesdames,? (?:et )?messieurs"
    r"|buen(?:os|as) (?:días|tardes|noches)|apreciad[oa]s?|distinguid[oa]s?|señor(?:es|as) periodistas"
    r"|guten (?:morgen|tag|abend)|grüß gott|moin|liebe kolleginnen"
)
# The words by which a note points at the release under it, in the four languages: a pattern fragment
# (``cover_note``'s pointer under a forward's header uses these too).
POINTER_WORDS = r"below|attached|enclosed|ci-dessous|ci-joint|adjunt[oa]s?|a continuación|anbei|im anhang"
# A word that points at the release from the note: "below", "ci-dessous", "a continuación", "anbei".
_POINTS_AT = lazy_re.compile(
    rf"\b(?:{POINTER_WORDS}|herewith|ci-après|en pièce jointe|adjuntamos|os remitimos|le remitimos"
    r"|les remitimos|nachfolgend|nachstehend|untenstehend)\b",
    re.IGNORECASE,
)
# A note of one sentence with no greeting opens with its pointer: "Please find below our release."
# (A prefix test, no pattern: every text without a greeting on top asks it.)
_POINTER_OPENINGS = (
    *("please find ", "please see ", "kindly find ", "attached is ", "attached please ", "below is "),
    *("below please ", "below you will find ", "veuillez trouver ", "vous trouverez ci-", "ci-dessous"),
    *("ci-joint", "adjunt", "a continuación ", "os remitimos ", "le remitimos ", "les remitimos "),
    *("anbei ", "im anhang ", "nachfolgend ", "nachstehend "),
)
_OPENING_CHARS = 24  # the longest opening above, and a little
_MAX_NOTE_WORDS = 60


def pointer_note(works: list[Work], content: list[int], greeted: bool) -> int:
    """How many blocks the note takes: the greeting and its pointer sentence, the pointer alone, or 0.

    ``greeted``: the first content block is a greeting ("Dear colleagues,"); the pointer sentence is
    the block under it.  Without one, the first block must open with its pointer ("Please find …").
    """
    at = 1 if greeted else 0
    if len(content) <= at + 1:
        return 0  # the note must have a release under it
    text = works[content[at]].text
    if not greeted and not text[:_OPENING_CHARS].lower().startswith(_POINTER_OPENINGS):
        return 0  # the cheap test first: most texts open with their headline
    if len(text.split()) > _MAX_NOTE_WORDS or not ends_sentence(text):
        return 0
    return at + 1 if not greeted or _POINTS_AT.search(text) is not None else 0
