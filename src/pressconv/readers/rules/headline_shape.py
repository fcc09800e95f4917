"""What the lines at the top of a text look like: a dek, a name or role line, a roll of names, page metadata.

Shape predicates only, each about one line or block and its words (a verb as
headlines write it, Title Case, an organisation's or a person's name); the
headline rule (``headline``) weighs them into scores and chooses, and the
summary rule asks ``dek_shaped`` and ``page_metadata``.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, PARAGRAPH, Work
from pressconv.readers.dates import find_date
from pressconv.readers.heading_shape import ends_sentence, is_chrome_line, is_place_and_date, title_case
from pressconv.readers.lexicon import (
    FINITE_VERBS,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PAGE_CHROME_OPENINGS,
    PAGE_CHROME_WORDS,
    TITLE_CASE_SMALL,
)
from pressconv.readers.name_runs import is_title_word, sentence_ends
from pressconv.readers.press_furniture import is_date_line
from pressconv.readers.quote_marks import starts_with_mark
from pressconv.readers.rules.dateline import find_dateline
from pressconv.readers.rules.stamps import reading_time

MAX_DEK_WORDS = 35
MIN_DEK_WORDS = 3  # a lone "Who" or "Appeals" under the headline is a label, not a dek
_MAX_NAME_WORDS = 9
MAX_LABEL_WORDS = 4
# Words that relate a name to something else: "Briefing by the Spokesperson for the Harbour Authority".
_RELATION = lazy_re.compile(
    r"\b(?:by|on|to|with|from|at|in|after|over|about|regarding|concerning|towards?|against|into)\b",
    re.IGNORECASE,
)
MAX_PERSON_WORDS = 5
_MIN_ROLL_ITEMS = 3
# A page's metadata lines between the summary and the text ("From: Department … Published 3 May 2027").
_METADATA_OPENINGS = ("from:", "published", "updated", "last updated", "posted", "date:")
_MAX_METADATA_CHARS = 300
# Nouns ending in -s that section labels and names are made of ("Transport news", "Inland Fisheries");
# not those headlines use as verbs ("Council releases", "Mayor highlights", "Minister updates").
PLURAL_NOUNS = frozenset(
    {
        "news",
        "series",
        "species",
        "headquarters",
        "affairs",
        "relations",
        "communications",
        "fisheries",
        "industries",
        "services",
        "sports",
        "arts",
        "events",
        "statements",
        "stories",
    }
)
_CASE_NAME = re.compile(r"\s(?:v|v\.|vs\.?)\s")
# Words that make comma-separated capitalised items a sentence, not a roll of names.
_SPACED_DASH = re.compile(r"\s[–—-]\s")
_ROLL_BREAKERS = frozenset({"to", "after", "as", "in", "at", "on", "for", "with", "from"})
# Organisation words of languages the shared lexicon lacks (Italian, Portuguese, Dutch), words that
# open an institution's name in them ("Comune di Valdarena", "Ministério do Ambiente"), and courts and
# legislatures (left out of the shared list, where "Court" may be a surname; here a name is chrome
# either way).
_MORE_ORGANISATION_WORDS = frozenset(
    {
        "ministero",
        "ministério",
        "ministerie",
        "comune",
        "câmara",
        "gemeente",
        "provincie",
        "regione",
        "região",
        "università",
        "universidade",
        "universiteit",
        "república",
        "repubblica",
        "republiek",
        "governo",
        "regering",
        "tribunal",
        "court",
        "courts",
        "judiciary",
        "parliament",
        "assembly",
        "senate",
        # Catalan, Spanish, Polish, Swedish, Norwegian and Danish institutions
        "ajuntament",
        "generalitat",
        "diputació",
        "diputación",
        "consell",
        "departament",
        "universitat",
        "junta",
        "cabildo",
        "concello",
        "urząd",
        "gmina",
        "starostwo",
        "ministerstwo",
        "komenda",
        "uniwersytet",
        "politechnika",
        "kommun",
        "kommune",
        "länsstyrelsen",
        "regeringen",
        "regjeringen",
        "departementet",
        "universitet",
        "polisen",
        "politiet",
        "stadt",
        "gemeinde",
        # unions, federations and chambers ("ALLIED HEALTH & CARE WORKERS UNION")
        "union",
        "unions",
        "confederation",
        "congress",
        "alliance",
        "guild",
        "chamber",
        "coalition",
        "syndicate",
        "cooperative",
        "co-operative",
        "sindicato",
        "confederación",
        "syndicat",
        "confédération",
        "gewerkschaft",
        "bund",
        # public bodies named by what they run ("Harlow Public Schools", "Riverside Medical Centers")
        "schools",
        "centers",
        "centres",
        "hospitals",
        "libraries",
        "recreation",
        "friends",
    }
)
# How many words an organisation's name may have when its organisation word comes first.
_MAX_ORGANISATION_FIRST_WORDS = 6
# Words after an organisation word that continue its name ("Office of …", "Department for …").
_NAME_LINKS = frozenset({"of", "for", "and", "de", "du", "des", "del", "für", "der", "&"})
WORD = lazy_re.compile(r"[^\W\d_][\w’'&.-]*")


def line_shaped(work: Work, max_words: int) -> bool:
    if work.kind != PARAGRAPH or work.hint not in (None,) or len(work.lines) > 2:
        return False
    if work.text.endswith(":"):
        return False  # a line ending in a colon introduces what follows
    words = work.text.split()
    return 0 < len(words) <= max_words and any(ch.isalpha() for ch in work.text)


def role_line(line: str) -> bool:
    """ "Minister for Infrastructure, Transport and Regional Development": a title word, then its remit."""
    words = line.split()
    return (
        0 < len(words) <= _MAX_NAME_WORDS
        and is_title_word(words[0].lower().strip(".,"))
        and title_case(line, share=1.0)
        and not has_verb(line, endings=False)
        and not any(w.lower().endswith(("’s", "'s")) for w in words)  # "PRESIDENT-ELECT’S PROPOSALS"
    )


def roll(text: str) -> bool:
    """ "JUSTICES: Lady A (President), Lord B, Lady C": names listed under a label, with no verb.

    Three or more short comma-separated items in capitals after an optional
    label; a headline with commas has a verb ("Mayor, Fire Chief to Demonstrate …").
    """
    label, colon, rest = text.partition(": ")
    body = rest if colon and len(label.split()) <= MAX_LABEL_WORDS else text
    if body.count(",") < _MIN_ROLL_ITEMS - 1:
        return False  # too few items (decided before the dash search)
    if _SPACED_DASH.search(body.split(",", 1)[0]):
        return False  # "CCTV appeal – fatal RTC, Hoylake Road, Wirral": a kicker, then what and where
    items = [item.strip() for item in body.split(",")]
    return (
        len(items) >= _MIN_ROLL_ITEMS
        and all(0 < len(item.split()) <= MAX_PERSON_WORDS and item[:1].isupper() for item in items)
        and not has_verb(body, endings=False)
        and not any(w.lower() in _ROLL_BREAKERS for w in body.split())
    )


def dek_shaped(work: Work) -> bool:
    """One line or two, one phrase or sentence of a dek's length, not a label, quotation or page chrome."""
    return (
        line_shaped(work, MAX_DEK_WORDS)
        and len(work.text.split()) >= MIN_DEK_WORDS
        and find_dateline(work.text) is None
        and not starts_with_mark(work.text)
        and not roll(work.text)
        and not is_chrome_line(work.text)
        and not work.text.lower().startswith(PAGE_CHROME_OPENINGS)
        and not sentence_ends(work.text.rstrip(".!?"))
    )


def page_metadata(work: Work) -> bool:
    """What a page sets between the summary and the text: a byline, a date, "From: … Published …"."""
    if work.aside:
        return True
    if work.kind == FURNITURE:
        return work.reason.startswith(("byline", "date"))
    if work.kind != PARAGRAPH or len(work.text) > _MAX_METADATA_CHARS:
        return False
    return work.text.lower().startswith(_METADATA_OPENINGS) or is_place_and_date(work.text)


def chrome_words(part: str) -> bool:
    words = [w.strip(".") for w in WORD.findall(part.lower()) if w not in TITLE_CASE_SMALL]
    return bool(words) and all(w in PAGE_CHROME_WORDS for w in words)


def paragraph_dek_shaped(work: Work) -> bool:
    return work.kind == PARAGRAPH and len(work.lines) <= 2 and 3 <= len(work.text.split()) <= MAX_DEK_WORDS


def names_only(text: str) -> bool:
    """ "U.S. Department of Rural Infrastructure", "PIO Sgt. Marcus Tillery", "CITY OF BRAMLEY HEIGHTS".

    An organisation's name has its organisation word at the end or before "of"
    ("Office of Communications"); "Council Approves Park" has a verb there.
    """
    words = WORD.findall(text)
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    lowered = [w.lower().strip(".") for w in words]
    named = text
    if len(words) > 1 and lowered[-1] in ORGANISATION_SUFFIXES:
        named = text[: text.rfind(words[-1])]  # "Hollin Marine Systems plc": the suffix in lower case
    if not (title_case(named, share=1.0) or named.isupper()):
        return False  # the cheap test first: a line in sentence case names nobody
    if has_verb(text, endings=False) or _RELATION.search(text):
        return False
    if _CASE_NAME.search(text):
        return False  # "Marlow Freight Ltd v Harbour Board": a case, the title of a judgment
    for k, word in enumerate(lowered):
        if word in ORGANISATION_WORDS or word in ORGANISATION_SUFFIXES or word in _MORE_ORGANISATION_WORDS:
            following = lowered[k + 1] if k + 1 < len(lowered) else None
            if following is None or following in _NAME_LINKS:
                return True
            if k == 0 and len(words) <= _MAX_ORGANISATION_FIRST_WORDS and not has_verb(text):
                return True  # "CLUB BALONCESTO RÍA DE AROUSA": the organisation word first
            if k == 0 and any(w in _NAME_LINKS for w in lowered[1:3]) and not has_verb(text):
                return True  # "Consell Comarcal de la Vall del Ter": the organisation word, "de", a place
    capitalised = [w for w in words if w[:1].isupper()]
    return (
        len(words) <= MAX_PERSON_WORDS
        and len(capitalised) == len(words)
        and any(is_title_word(w) for w in lowered)
        and not has_verb(text)
    )


def has_verb(text: str, endings: bool = True) -> bool:
    """A finite verb as headlines write them: "Department Awards", "names", "to open", "will host".

    Without ``endings`` only auxiliaries and "to" count, not words ending in -s or -ed.
    """
    words = [w.lower().strip(".,;:!?’'") for w in text.split()]
    for k, word in enumerate(words):
        if word in FINITE_VERBS or (word == "to" and k + 1 < len(words) and words[k + 1].isalpha()):
            return True
        if (
            endings
            and k > 0
            and "’" not in word
            and "'" not in word
            and len(word) > 3
            and word.endswith(("s", "ed"))
            and not word.endswith(("ss", "us", "is", "ics"))
            and word not in PLURAL_NOUNS
        ):
            previous = words[k - 1]
            if previous not in TITLE_CASE_SMALL and not previous.endswith(("’s", "'s")):
                return True
    return False


def title_case_statement(text: str) -> bool:
    """Every word capitalised, a period at the end ("City Unveils Tree Plan."): a headline, not a lede."""
    if not text.endswith(".") or len(text.split()) < 4:
        return False
    return title_case(text, share=1.0) and not sentence_ends(text[:-1])  # the cheaper test first


def headline_over_dek(lines: list[str]) -> bool:
    """Two lines at the top that are a headline and a dek, not one headline wrapped in two."""
    first, second = lines
    if ends_sentence(first) or first.endswith((",", ":", ";")) or not second[:1].isupper():
        return False
    if (first.isupper() and second.isupper()) or first.rsplit(None, 1)[-1].lower() in TITLE_CASE_SMALL:
        return False  # "… GIFT TO" / "REBUILD ITS 1911 LIBRARY": one headline wrapped
    if (
        len(second) <= len(first)
        and title_case(first, share=1.0)
        and title_case(second, share=1.0)
        and not has_verb(second, endings=False)
    ):
        return False  # "Harlow Council Approves New Riverside" / "Cycle Lanes": a Title Case headline wrapped
    if title_case(first, share=1.0) and not title_case(second):
        return True  # a Title Case headline over a dek in sentence case, however long the headline
    return (first.isupper() and not second.isupper()) or len(first) < 50


def titled_question(text: str) -> bool:
    """ "Is This the End of Cash?" — a Title Case question or exclamation heading the text."""
    return (
        text.endswith(("?", "!"))
        and len(text.split()) >= 3
        and title_case(text)
        and not sentence_ends(text[:-1])
    )


# A title's date stamp on the line under it, the date in figures: "Issued 07/12/2031 at 06:00".
DATE_STAMP = lazy_re.compile(
    r"^(?:issued|updated|last updated|published|posted|released|as of)\s*:?\s*(?:on\s+)?"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
# A kicker alone on the headline block's first line: "EXCLUSIVE:", "BREAKING NEWS:", "FACT SHEET:".
LONE_KICKER = lazy_re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý’' &-]{2,30}:$")
# A page's metadata field on a line of its own: "Category: Engineering works", "Region & Route: Western".
_FIELD = lazy_re.compile(r"^([A-ZÀ-Ý][\w’'&/ -]{0,40}?)\s?:\s+(\S.*)$")
_MAX_FIELD_LABEL_WORDS = 4
_MAX_FIELD_VALUE_WORDS = 6
_MAX_PLACE_WORDS = 5
# The kinds of release a label names under the issuer's name ("Urgent statement", "Media advisory").
_RELEASE_KINDS = frozenset(
    {"statement", "release", "advisory", "notice", "alert", "bulletin", "announcement", "communiqué"}
    | {"déclaration", "comunicado", "erklärung", "dichiarazione", "verklaring"}
)
_MAX_KIND_WORDS = 3
# The words that qualify a kind in such a label; any other word makes it a title ("Hostage release",
# "Data release", "First release" are headlines, not labels).
_KIND_QUALIFIERS = frozenset(
    {"press", "news", "media", "joint", "urgent", "public", "official", "ministerial", "written", "daily"}
    | {"weekly", "travel", "weather", "safety", "health", "traffic", "emergency", "service", "policy"}
    | {"important", "general", "special", "executive", "corporate", "community", "embargoed", "immediate"}
)


def field_line(line: str) -> bool:
    """ "Region & Route: Western", "Category: Engineering works": a page's field, a short label and value."""
    match = _FIELD.match(line)
    return (
        match is not None
        and len(match.group(1).split()) <= _MAX_FIELD_LABEL_WORDS
        and len(match.group(2).split()) <= _MAX_FIELD_VALUE_WORDS
        and not ends_sentence(line)
    )


def release_kind(words: list[str]) -> bool:
    """ "Urgent statement", "Joint statement", "Public notice": a short label naming the kind of release."""
    return (
        len(words) <= _MAX_KIND_WORDS
        and words[-1].lower().strip(".:") in _RELEASE_KINDS
        and all(word.lower().strip(".:,") in _KIND_QUALIFIERS for word in words[:-1])
        and not has_verb(" ".join(words), endings=False)
    )


def place_and_date(text: str) -> bool:
    """ "San Bernardo del Monte, 9 de abril de 2032": a place of a few capitalised words, a comma, a date."""
    found = find_date(text)
    if found is None or text[found[2] :].strip(" .") or "," not in text[: found[1]]:
        return False
    place, _, between = text[: found[1]].rpartition(",")
    words = place.split()
    return (
        0 < len(words) <= _MAX_PLACE_WORDS
        and len(between.split()) <= 1  # "le 3 mars", "den 3. März", "el 3 de marzo"
        and title_case(place, share=1.0)
        and not has_verb(place, endings=False)
    )


def case_field(text: str) -> bool:
    """ "On appeal from: [2031] EWCA Civ 212", "Case No: 2031-44": a case's field, a number in its value."""
    match = _FIELD.match(text)
    return match is not None and field_line(text) and any(ch.isdigit() for ch in match.group(2))


_PATH = re.compile(r"\s[|/]\s")  # a bar or a slash; ">" marks a path, whatever follows
_ARROW = re.compile(r"\s[>›»]\s")
_BREADCRUMB_START = lazy_re.compile(r"^\s*(?:home|accueil|inicio|startseite)\b", re.IGNORECASE)
# A time of day: "6:15 p.m.", "10.30", "11 a.m." (a live update's label carries one).
_CLOCK = lazy_re.compile(r"\b\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.m\.)", re.IGNORECASE)
_MAX_TIME_LABEL_WORDS = 6
_MIN_TITLE_PART_WORDS = 4
_CHROME_SHARE_NUM, _CHROME_SHARE_DEN = 2, 3  # two words in three are page words: a section's name
_LONG_TITLE_WORDS = 7  # longer than a name and its section ("Embassy of Valmont in Kestria | News")


def titled_pair(text: str) -> bool:
    """ "Library opens on Elm Street | City Press Office": a page's title and its site, not breadcrumbs.

    Breadcrumbs are a path of short labels ("Home > News > 2031"); a title with a
    site's name after a bar, or two titles joined by a slash, is two parts, the
    title one a headline's length with a verb (or the first, the longer and a
    title's length: a verb the lexicon does not know, "… sieht Wahlergebnis als Auftrag").
    """
    if _BREADCRUMB_START.match(text) or _ARROW.search(text) or "::" in text:
        return False
    parts = [part.strip() for part in _PATH.split(text)]
    if len(parts) != 2 or not all(parts):
        return False
    first, second = (len(part.split()) for part in parts)
    title = parts[0] if first >= second else parts[1]
    size = len(title.split())
    long_first = size >= _LONG_TITLE_WORDS and first > second
    return size >= _MIN_TITLE_PART_WORDS and (has_verb(title) or long_first) and not _mostly_chrome(title)


def _mostly_chrome(part: str) -> bool:
    """ "Press releases and statements archive": a section's name in page words, however long."""
    words = [w.strip(".") for w in WORD.findall(part.lower()) if w not in TITLE_CASE_SMALL]
    chrome = sum(w in PAGE_CHROME_WORDS or w.startswith("archiv") for w in words)
    return bool(words) and chrome * _CHROME_SHARE_DEN >= len(words) * _CHROME_SHARE_NUM


def dates_only(line: str) -> bool:
    """ "7 May 2031, 16:35 | Updated: 7 May 2031, 16:43": a date line, or date lines joined by bars.

    A reading time beside the date ("27 November 2031 · 3 min read") is part of the page's date line.
    """
    if "·" not in line:
        return all(is_date_line(part) for part in line.split("|"))
    parts = [part.strip() for part in re.split(r"[|·]", line)]
    return any(is_date_line(part) for part in parts) and all(
        is_date_line(part) or reading_time(part) for part in parts
    )


_LABEL_LINE = lazy_re.compile(r"^[A-ZÀ-Ý][\w’' &-]{1,30}:$")
_MAX_LABEL_LINE_WORDS = 3


def label_line(line: str) -> bool:
    """ "Samples:", "Press release:": a label alone on its line, not a kicker ("Holz statt Beton:")."""
    words = line.split()
    return (
        len(words) <= _MAX_LABEL_LINE_WORDS
        and _LABEL_LINE.match(line) is not None
        and LONE_KICKER.match(line) is None
        and (len(words) == 1 or chrome_words(line.rstrip(" :")))
    )


def date_stamp(line: str) -> bool:
    """ "Issued 14/01/2032 at 07:30", "7 May 2031, 16:35 | Updated: 7 May 2031, 16:43": a date stamp."""
    return DATE_STAMP.match(line) is not None or dates_only(line)


def time_label(text: str) -> bool:
    """ "Update – 6:15 p.m. Saturday", "UPDATE 10:30 GMT": a short label with a time of day, no verb."""
    return (
        len(text.split()) <= _MAX_TIME_LABEL_WORDS
        and bool(_CLOCK.search(text))
        and not has_verb(text, endings=False)
    )
