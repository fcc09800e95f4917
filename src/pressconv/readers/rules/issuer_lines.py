"""Lines above a headline that name who sends the release or how it came: never the headline (SPEC §3).

Shape predicates for the headline rule's scores, each a cheap test of one short
line (a length gate first, then a pattern):

- ``acronym_name``: an organisation's full name with its acronym in brackets
  ("Agence des Nations Unies pour la santé de l'enfant (ANUSE)"), the letters
  of the acronym the initials of the name's words, no verb.
- ``recurring_name``: a short capitalised name with no verb ("Harrowgate
  Bakeries") that the title line and the text below repeat: the company or
  newsroom the page belongs to.
- ``dated_release_label``: the kind of release and its date ("Communiqué de
  presse – 3 décembre 2026", "Pressemitteilung vom 2. Dezember 2026").
- ``alert_chrome``: a mail alert's line about viewing it elsewhere ("Having
  trouble reading this release? View it online.", "Si vous ne visualisez pas
  correctement ce message …").
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.dates import find_date
from pressconv.readers.heading_shape import ends_sentence, title_case
from pressconv.readers.lexicon import PAGE_CHROME_WORDS
from pressconv.readers.rules.headline_shape import has_verb

# "Name of the Body (NOB)": a name, then a bracketed acronym ending the line.
_ACRONYM_NAME = lazy_re.compile(r"^(?P<name>[^()]{8,140}?)\s*\((?P<acronym>[A-ZÀ-Ý][A-ZÀ-Ý&.-]{1,9})\)$")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_MAX_ACRONYM_LINE = 160
_MIN_ACRONYM_SHARE = 0.6  # of the acronym's letters, in order among the name's initials
_MAX_NAME_WORDS = 5
_MIN_TITLE_WORDS = 5  # the title line under a name is longer than a name
# The words between a release's kind and its date: "Pressemitteilung vom …", "Communiqué du …", "… of …".
_DATE_LINKS = frozenset({"vom", "von", "am", "du", "le", "del", "el", "of", "from", "dated", "on"})
_LABEL_SEPARATORS = " -–—|,:·/"
# What a newsletter or wire alert says about reading it elsewhere, in English, French, Spanish, German.
_ALERT = lazy_re.compile(
    r"\b(?:trouble (?:reading|viewing|seeing)|(?:view|read|open|see) (?:it |this (?:e-?mail|message|release)"
    r" |the (?:e-?mail|release) )?(?:online|in (?:your|a) (?:web )?browser)|click here to view"
    r"|web version|browser version|ne (?:visualisez|voyez|parvenez) pas|ne s'affiche pas"
    r"|version en ligne|dans votre navigateur|no (?:se )?(?:visualiza|ve|puede ver)|en (?:su|tu) navegador"
    r"|versión (?:web|en línea)|nicht (?:richtig|korrekt) angezeigt|im browser (?:ansehen|öffnen|anzeigen)"
    r"|webversion|online-version)\b",
    re.IGNORECASE,
)
_MAX_ALERT_CHARS = 220


def acronym_name(text: str) -> bool:
    """ "Agence des Nations Unies pour la santé de l'enfant (ANUSE)": a body's full name and its acronym."""
    if len(text) > _MAX_ACRONYM_LINE or not text.endswith(")"):
        return False
    match = _ACRONYM_NAME.match(text.strip())
    if match is None:
        return False
    name = match.group("name")
    if ends_sentence(name) or has_verb(name, endings=False) or not name[:1].isupper():
        return False
    initials = [word[0].upper() for word in _NAME_WORD.findall(name)]
    letters = [ch for ch in match.group("acronym") if ch.isalpha()]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    found, at = 0, 0
    for letter in letters:
        while at < len(initials) and initials[at] != letter:
            at += 1
        if at == len(initials):
            break
        found, at = found + 1, at + 1
    return found >= max(2, _MIN_ACRONYM_SHARE * len(letters))


def recurring_name(text: str, title: str, below: str) -> bool:
    """A short name with no verb that the title line under it and the text below both repeat.

    "Harrowgate Bakeries" over "Harrowgate Bakeries to switch all delivery vans …"
    and a lede naming it again: the company whose newsroom the page is, not a title.
    """
    words = text.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or len(title.split()) < _MIN_TITLE_WORDS:
        return False
    if ends_sentence(text) or not (title_case(text, share=1.0) or text.isupper()):
        return False
    if has_verb(text, endings=False) or any(ch.isdigit() for ch in text):
        return False
    name = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", re.IGNORECASE)
    return name.search(title) is not None and name.search(below) is not None


def dated_release_label(text: str) -> bool:
    """ "Communiqué de presse – 3 décembre 2026", "Press release - 4 March 2026": a release kind, a date."""
    if len(text) > _MAX_ACRONYM_LINE:
        return False
    found = find_date(text)
    if found is None or text[found[2] :].strip(" .)"):
        return False
    words = [word.strip(_LABEL_SEPARATORS).lower() for word in text[: found[1]].split()]
    words = [word for word in words if word]
    while words and words[-1] in _DATE_LINKS:
        words.pop()
    return bool(words) and all(word in PAGE_CHROME_WORDS for word in words) and len(words) <= _MAX_NAME_WORDS


def alert_chrome(text: str) -> bool:
    """ "Having trouble reading this release? View it online.": a mail alert's line, not the release."""
    return len(text) <= _MAX_ALERT_CHARS and _ALERT.search(text) is not None
