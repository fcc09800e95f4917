"""Lines above a headline that name who sends the release or how it came: never the headline (SPEC §3).

``issuer_line`` gives the headline rule's score its reason; the predicates are
each a cheap test of one short line (a length gate first, then a pattern):

- ``acronym_name``: an organisation's full name with its acronym in brackets
  ("Agence des Nations Unies pour la santé de l'enfant (ANUSE)"), the letters
  of the acronym the initials of the name's words, no verb.
- ``recurring_name``: a name with no verb over a longer title line, which the
  text repeats: a short capitalised name the title and the lede repeat
  ("Harrowgate Bakeries"), one an "About …" heading repeats, or an organisation
  word's name the lede repeats: the company or body the release comes from.
- ``dated_release_label``: the kind of release and its date ("Communiqué de
  presse – 3 décembre 2026", "Pressemitteilung vom 2. Dezember 2026").
- ``alert_chrome``: a mail alert's line about viewing it elsewhere ("Having
  trouble reading this release? View it online.", "Si vous ne visualisez pas
  correctement ce message …") or about why the reader gets it ("You are
  receiving this release because you subscribed to …", ``mail_alert``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, PARAGRAPH, Work
from pressconv.readers.dates import find_date
from pressconv.readers.document_cache import per_document
from pressconv.readers.heading_shape import ends_sentence, title_case
from pressconv.readers.lexicon import BOILERPLATE_HEADINGS, ORGANISATION_WORDS, PAGE_CHROME_WORDS
from pressconv.readers.rules.headline_shape import has_verb, place_and_date
from pressconv.readers.rules.mail_alert import subscription_notice
from pressconv.readers.rules.stamps import exhibit_number

# "Name of the Body (NOB)": a name, then a bracketed acronym ending the line.
_ACRONYM_NAME = lazy_re.compile(r"^(?P<name>[^()]{8,140}?)\s*\((?P<acronym>[A-ZÀ-Ý][A-ZÀ-Ý&.-]{1,9})\)$")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_MAX_ACRONYM_LINE = 160
_MIN_ACRONYM_SHARE = 0.6  # of the acronym's letters, in order among the name's initials
_MAX_NAME_WORDS = 5
_MAX_ORGANISATION_WORDS = 12  # "Agence des Nations Unies pour la santé de l'enfant"
_MIN_TITLE_WORDS = 5  # the title line under a name is longer than a name
# The words between a release's kind and its date: "Pressemitteilung vom …", "Communiqué du …", "… of …".
_DATE_LINKS = frozenset({"vom", "von", "am", "du", "le", "del", "el", "of", "from", "dated", "on"})
_LABEL_SEPARATORS = " -–—|,:·/"
# Kinds of release the shared chrome words lack, and a release's number ("Press release No. 45/2031").
_MORE_KINDS = frozenset(
    {"medienmitteilung", "presseerklärung", "pressemeldung", "informativa", "informative", "information"}
)
_NUMBER = lazy_re.compile(r"^(?:no\.?|nr\.?|n°|nº|núm\.?|#)?[\d/.-]*\d[\d/.-]*$|^(?:no|nr|n°|nº|núm)\.?$")
# What a newsletter or wire alert says about reading it elsewhere, in English, French, Spanish, German:
# phrases no headline uses ("Having trouble reading this release?", "Si vous ne visualisez pas …") …
_ALERT = lazy_re.compile(
    r"\b(?:(?:trouble|problems?) (?:reading|viewing|seeing|displaying)|click here to (?:view|read)"
    r"|si vous ne (?:visualisez|voyez|parvenez) pas|ne s'affiche pas correctement"
    r"|cliquez ici pour (?:voir|lire)"
    r"|si no (?:puede ver|visualiza|se (?:ve|visualiza))|haga clic aquí para ver"
    r"|falls (?:diese|die) (?:e-mail|mail|nachricht|newsletter) nicht|nicht (?:richtig|korrekt) angezeigt"
    r"|view (?:it |this )?in (?:your |a )?browser|view (?:the )?(?:online|web) version"
    r"|(?:voir|afficher|consulter) (?:la )?version (?:en ligne|web|navigateur)"
    r"|ver (?:la )?versión (?:web|en línea|online)|im browser (?:ansehen|öffnen|anzeigen|lesen))",
    re.IGNORECASE,
)
# … or an imperative to view it online or in a browser, in a line that names the mail ("View it online").
_VIEW = lazy_re.compile(
    r"(?:^|[.?!:]\s|please\s)(?:view|read|open|see|voir|consulter|ver|abrir|öffnen|ansehen)\b[^.?!]{0,40}"
    r"(?:\bonline\b|\bbrowser\b|navigateur|navegador|en ligne|en línea)",
    re.IGNORECASE,
)
# A word of each of those phrases, in lower case ("trouble", "click here to", "si vous ne", "correctement",
# "ici pour", "si no", "haga", "falls", "angezeigt", "browser", " version", " versión"): a line holding none
# of them holds no such phrase.  The keys avoid "i", "k" and "s", which the pattern (ignoring case) also
# matches to "ı", "İ", "K" and "ſ"; their spaces are the pattern's own (not any white space).
_ALERT_KEYS = (
    *("trouble", "problem", "here to", "vou", "correctement", " pour"),
    *(" no ", "haga", "fall", "angez", "brow", " ver"),
)
_MAIL_WORDS = (
    *("mail", "message", "release", "newsletter", "alert"),
    *("courriel", "communiqué", "correo", "mensaje", "nachricht"),
)
_MAX_ALERT_CHARS = 220
_MAX_ABOUT_CHARS = 80
# The first letters of the "About …" headings: a line whose first letter, lowered, is none of them is not
# one, and is not lowered in full (text.lower() opens with the lowered first character).
_ABOUT_FIRSTS = frozenset(heading[:1] for heading in BOILERPLATE_HEADINGS)
_TOP_BLOCKS = 3  # the blocks at the top where a filing's exhibit number stands


def issuer_line(text: str, below: list[Work], about: str, body_like: Callable[[Work], bool]) -> str | None:
    """Why a headline candidate is a line of chrome this module knows, or None.

    ``below`` holds the candidates under it and the lede, ``about`` the text's
    "About …" headings (``about_headings``), ``body_like`` tells running text.
    """
    if exhibit_number(text):
        return 'a document code: a securities filing\'s exhibit number ("EXHIBIT 99.1")'
    if acronym_name(text):
        return "an organisation or unit name: its full name and its acronym in brackets"
    if (
        below
        and len(text.split()) <= _MAX_ORGANISATION_WORDS
        and _named_above_title(text, below, about, body_like)
    ):
        return "an organisation or unit name over the title: the text repeats it (title, lede or 'About')"
    if dated_release_label(text):
        return 'a section label: the kind of release and its date ("Communiqué de presse – 3 mars")'
    if alert_chrome(text):
        return 'page chrome: a mail alert\'s line ("View it online", "You are receiving this … because …")'
    return None


def _named_above_title(text: str, below: list[Work], about: str, body_like: Callable[[Work], bool]) -> bool:
    """A name line over a longer title line with a verb, the text naming it again (``recurring_name``)."""
    lines = (w for w in below if w.kind == PARAGRAPH and w.hint is None and len(w.lines) <= 2)
    title = next((w for w in lines if not body_like(w) and has_verb(w.text)), None)
    if title is None:
        return False
    rest = " ".join(w.text for w in below if w is not title)
    return recurring_name(text, title.text, rest, about)


def split_exhibits(works: list[Work]) -> None:
    """A filing's exhibit number on a top block's first line: its own block, kept as text and passed over.

    "Exhibit 99.1" directly over the headline (no blank line) is split off before the headline is chosen.
    """
    seen = 0
    for at, work in enumerate(works):
        if work.kind == FURNITURE or work.aside:
            continue
        if (
            work.kind == PARAGRAPH
            and work.hint is None
            and len(work.lines) > 1
            and exhibit_number(work.lines[0])
        ):
            label = Work(text=work.lines[0], lines=work.lines[:1], hint="paragraph", aside=True)
            label.reason = 'a filing\'s exhibit number above the release ("EXHIBIT 99.1"): kept as text'
            work.lines = work.lines[1:]
            work.text = " ".join(work.lines)
            works.insert(at, label)
            return
        seen += 1
        if seen >= _TOP_BLOCKS:
            return


def about_headings(works: list[Work]) -> str:
    """The short "About …" lines among ``works`` ("About Lumen Ridge Energy"), joined."""
    return " | ".join(
        w.text
        for w in works
        if len(w.text) <= _MAX_ABOUT_CHARS
        and w.text[:1].lower()[:1] in _ABOUT_FIRSTS
        and w.text.lower().startswith(BOILERPLATE_HEADINGS)
    )


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
    words = _NAME_WORD.findall(name)
    initials = [word[0].upper() for word in words]
    letters = [ch for ch in match.group("acronym") if ch.isalpha()]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    if name.isupper() and has_verb(name):
        return False  # "MINISTRY OF HEALTH OPENS CLINICS (MOH)"
    if not name.isupper() and any(word[0].isupper() and word[0] not in letters for word in words):
        return False  # "Ministry of Health Opens Clinics (MOH)": a capitalised word the acronym leaves out
    found, at = 0, 0
    for letter in letters:  # the acronym's letters found in order among the initials; the others skipped
        if letter in initials[at:]:
            found, at = found + 1, initials.index(letter, at) + 1
    return found >= max(2, _MIN_ACRONYM_SHARE * len(letters))


def recurring_name(text: str, title: str, below: str, about: str = "") -> bool:
    """A name with no verb over a longer title line, the text repeating the name: not a title.

    "Harrowgate Bakeries" over "Harrowgate Bakeries to switch all delivery vans …"
    and a lede naming it again, a name an "About …" heading repeats, or an
    organisation word's name the lede repeats ("Agence des Nations Unies pour la
    santé de l'enfant" / "… selon l'Agence des Nations Unies pour la santé de
    l'enfant"): the body or company the release comes from.
    """
    words = text.split()
    if not 0 < len(words) <= _MAX_ORGANISATION_WORDS or len(title.split()) < _MIN_TITLE_WORDS:
        return False
    if ends_sentence(text) or has_verb(text, endings=False) or any(ch.isdigit() for ch in text):
        return False
    name = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)", re.IGNORECASE)
    if about and name.search(about) is not None:
        return True  # "Lumen Ridge Energy" … "About Lumen Ridge Energy"
    if words[0].lower() in ORGANISATION_WORDS and name.search(below) is not None:
        return True
    short_name = len(words) <= _MAX_NAME_WORDS and (title_case(text, share=1.0) or text.isupper())
    return short_name and name.search(title) is not None and name.search(below) is not None


def dated_release_label(text: str) -> bool:
    """ "Communiqué de presse – 3 décembre 2026", "Press release - 4 March 2026": a release kind, a date."""
    if len(text) > _MAX_ACRONYM_LINE:
        return False
    found = find_date(text)
    if found is None:
        return False
    before, after = text[: found[1]], text[found[2] :]
    if before.strip(_LABEL_SEPARATORS) and after.strip(_LABEL_SEPARATORS + ".)"):
        return False  # words on both sides of the date
    label = before if before.strip(_LABEL_SEPARATORS) else after  # "3 décembre 2026 – Communiqué de presse"
    kind, dash, place = label.partition(" – ") if " – " in label else label.partition(" - ")
    if dash and place_and_date(place + text[found[1] :]):
        label = kind  # "Communiqué – Lyon, le 3 décembre 2031": the kind, then the place and date
    words = [word.strip(_LABEL_SEPARATORS).lower() for word in label.split()]
    words = [word for word in words if word]
    while words and words[-1] in _DATE_LINKS:
        words.pop()
    kinds = [word for word in words if _NUMBER.match(word) is None]
    return (
        bool(kinds)
        and len(kinds) <= _MAX_NAME_WORDS
        and all(word in PAGE_CHROME_WORDS or word in _MORE_KINDS for word in kinds)
    )


@per_document(maxsize=1024)  # a pure function of the text; the headline rule asks it of a lede twice
def alert_chrome(text: str) -> bool:
    """ "Having trouble reading this release? View it online.": a mail alert's line, not the release."""
    if len(text) > _MAX_ALERT_CHARS:
        return False
    lowered = text.lower()
    if any(map(lowered.__contains__, _ALERT_KEYS)) and _ALERT.search(text) is not None:
        return True  # the keys decide before the pattern searches every position
    if not any(map(lowered.__contains__, _MAIL_WORDS)):
        return False
    # "View it online", or "You are receiving this release because you subscribed to … alerts"
    return _VIEW.search(text) is not None or subscription_notice(lowered)
