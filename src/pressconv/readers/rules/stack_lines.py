"""A stack of furniture lines with no blank line between them: which items it holds, or None.

Web pages and Word letterheads set their furniture line under line: "News
Release" / "Release No. 32-117" / "Thursday, April 8, 2032" / "Contact: Press
Desk, …"; "SC/HS/4411" / "8 April 2032" / "Statements and Notices"; "From:" /
"Department for …" / "Published" / "12 June 2032".  SPEC §3 reads a
single newline as a wrapped line, but here every line is, on its own, one
shape of furniture — a path or menu, a page line ("Share this page", "News
provided by"), a date line, a release number, a contact line, a label naming
the kind of release or the page's section, a document code or meeting number,
a web address — so each line is an item of its own.  A bare label ("From:",
"Published", "News provided by") takes the line under it as its value.  One
line that is no furniture may stand on top (the issuer's name over its
"MEDIA ADVISORY" label); a wrapped sentence, a two-line headline or a contact
card (a name over a phone and an e-mail) is none of this and stays one block.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.heading_shape import ends_sentence, is_chrome_line, is_place_and_date
from pressconv.readers.lexicon import CONTACT_HEADERS, PAGE_CHROME_OPENINGS
from pressconv.readers.mail_header import mail_header
from pressconv.readers.press_furniture import (
    NOTICE_NUMBER_LINE,
    is_date_line,
    is_release_line,
)
from pressconv.readers.rules.headline_shape import (
    chrome_words,
    dates_only,
    names_only,
    place_and_date,
    release_kind,
)
from pressconv.readers.rules.masthead_lines import plural_section_label

MAX_STACK = 8
MAX_LINE = 80
_MAX_DATE_WORDS = 8
_MAX_LABEL_WORDS = 6
_MAX_CONTACT_WORDS = 12
_MAX_PATH_WORDS = 6
_MIN_CAPITALS = 6
_MIN_NAMED_STACK = 3  # a name among furniture lines: two of them at least besides it
_MAX_PLACE_WORDS = 2
_LABEL_REACH = 12
# Breadcrumb and menu separators: "Home › Newsroom › News Releases", "Inicio | Sede | Contacto".
_PATH_SEPARATOR = lazy_re.compile(r"\s(?:›|»|>|\||/|·)\s")
# "Release No. 32-117", "Pressemitteilung Nr. 88/2032", "Nota de prensa nº 112", "No. 45/2032".
_NUMBER_LINE = lazy_re.compile(
    r"^(?:[^\W\d_][\w.-]*\s+){0,3}(?:no\.?|nr\.?|nº|n°|n\.º|núm\.?|number|#)\s*\d[\w/.-]*$", re.IGNORECASE
)
# "SC/HS/4411", "AB/12", "PR-2031-14"; a meeting's number: "812TH MEETING (PM)", "72nd session".
_CODE = lazy_re.compile(r"^[A-Z]{1,8}(?:/[A-Z0-9.-]+)+$|^[A-Z]{1,5}-\d[\d/.-]*$")
_SESSION = lazy_re.compile(r"^\d+(?:st|nd|rd|th)\s+(?:session|meeting|plenary|sitting)\b", re.IGNORECASE)
# A numeric date, a time after it perhaps: "03/03/2031 12:45", "11.03.2031".
_NUMERIC_DATE = lazy_re.compile(
    r"^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*h)?)?$"
)
_EMAIL = lazy_re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = lazy_re.compile(r"(?:\+|\(?\d)[\d ()./-]{6,}\d")
_URL = lazy_re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# A contact header opening a line: "Contact:", "Media contact: Jo Bell, …".
_CONTACT_OPENINGS = tuple(sorted(CONTACT_HEADERS, key=len, reverse=True))
# The kinds of furniture a line shows on its own (named in --explain).
CHROME = "chrome"
DATE = "date"
NUMBER = "number"
CONTACT = "contact"
LABEL = "label"
CODE = "code"
URL = "url"


def stack_items(lines: list[str]) -> list[list[str]] | None:
    """The stack's items (a bare label with its value is one), when the lines are stacked furniture."""
    if not 2 <= len(lines) <= MAX_STACK or any(len(line) > MAX_LINE for line in lines):
        return None
    if any(not line[:1].isalnum() and line[:1] not in "#©(|" for line in lines):
        return None  # a list item, a quotation, a dash-led attribution: not furniture
    if mail_header(lines):
        return None  # a forwarded e-mail's header: the furniture rule's
    if _contact_opening(lines[1]) and _numbered(lines[0], lines[0].split()) in (CODE, NUMBER, DATE):
        return [lines[:1], lines[1:]]  # "IP/32/0411" over "Press contacts:" and the contacts: a code, a block
    items = _grouped(lines)
    if len(items) < 2:
        return items if related_list(items[0]) else None
    kinds = [_item_kind(item) for item in items]
    if kinds[0] == CONTACT:
        return None  # a contact block opening with its header
    named = [k for k, kind in enumerate(kinds) if kind is None and k > 0]
    if named and not _named_body(items, kinds, named):
        return None  # a line of text in the stack
    if kinds[0] is None:
        # the issuer's name over the kind of release, its code or its date (a release notice under it is
        # the furniture rule's letterhead); never over contact lines (a contact card)
        below = kinds[1:]
        name = items[0][0]
        if (
            CONTACT in below
            or is_release_line(items[1][0])
            or name.lower().startswith(_CONTACT_OPENINGS)
            or not (names_only(name) or _issuer_label(name) or (_capitals(name) and set(below) != {DATE}))
        ):  # "MINISTER OPENS NEW BRIDGE" over its date is a headline: in capitals, a name needs a label
            return None
    return items


def related_list(item: list[str]) -> bool:
    """ "Related stories" over other stories' titles alone in the block: the page's links, a line each.

    The titles are short and close no sentence ("Read more" over a paragraph of text is no list)."""
    return (
        len(item) > 1
        and item[0].lower().rstrip(" :") in _RELATED_LABELS
        and not any(ends_sentence(line) or line.rstrip().endswith((",", ";")) for line in item[1:])
    )


def _named_body(items: list[list[str]], kinds: list[str | None], named: list[int]) -> bool:
    """ "Meetings Coverage and Press Releases" / "SC/16402" / "3 December 2026" / "Security Council" /
    "9876th Meeting (AM)": one body's name among three or more furniture lines, none a contact's."""
    name = items[named[0]][0]
    place = len(name.split()) <= _MAX_PLACE_WORDS and name[:1].isupper() and name.rstrip()[-1:].isalpha()
    return (
        len(named) == 1
        and kinds[0] is not None
        and len(items) >= _MIN_NAMED_STACK
        and CONTACT not in kinds
        and len(items[named[0]]) == 1
        and (names_only(name) or (place and kinds[named[0] - 1] == DATE))  # "2 December 2026" / "Brussels"
    )


def _issuer_label(line: str) -> bool:
    """ "Ashbridge Borough Council – Media Update": an issuer's name and a page label after a dash or bar."""
    head, _, label = line.rpartition(" – ") if " – " in line else line.rpartition(" | ")
    return bool(head) and names_only(head) and chrome_words(label)


def _item_kind(item: list[str]) -> str | None:
    if is_release_line(item[0]):
        return LABEL
    if item[0].lower().rstrip(" :") in _RELATED_LABELS:
        return CHROME
    return furniture_kind(" ".join(item))


def _grouped(lines: list[str]) -> list[list[str]]:
    """A bare label with its value, a release notice with the number and date under it: one item each."""
    items: list[list[str]] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        if _bare_label(line) and at + 1 < len(lines):
            items.append([line, lines[at + 1]])
            at += 2
            continue
        if line.lower().rstrip(" :") in _RELATED_LABELS:
            items.append(lines[at:])  # "Related stories" over other stories' titles: the page's links
            break
        item = [line]
        at += 1
        if is_release_line(line):
            # "NEWS RELEASE" / "No. 045" / "March 3, 2031": the release notice's own lines, read together
            while at < len(lines) and under_notice(lines[at]):
                item.append(lines[at])
                at += 1
        items.append(item)
    return items


def furniture_kind(line: str) -> str | None:
    """Which shape of furniture the line is on its own, or None."""
    line = line.lstrip("| ")  # "| Source: Northbay Outfitters Ltd.": a menu's bar
    first = line[:1]
    if " " not in line and ("@" in line or "://" in line or line.lower().startswith("www.")):
        return CONTACT if _EMAIL.fullmatch(line) else URL if _URL.match(line) else None
    if line.lower().rstrip(":") in _MENU_WORDS:
        return CHROME  # "Follow", "Share", "Print": a page's buttons
    if first.islower():
        return None  # a wrapped sentence goes on in lower case (decided before any pattern runs)
    words = line.split()
    if line.rstrip().endswith((",", ";")):
        return None
    digits = any(ch.isdigit() for ch in line)
    if ("@" in line or digits) and len(words) <= _MAX_CONTACT_WORDS and (_EMAIL.search(line) or _phone(line)):
        return CONTACT
    if is_chrome_line(line) or line.lower().startswith(PAGE_CHROME_OPENINGS) or _path(line, words):
        return CHROME
    if _contact_opening(line):
        return CONTACT
    if digits:
        return _numbered(line, words)
    if len(words) > _MAX_LABEL_WORDS or line.endswith((".", "!", "?")) or "," in line:
        return None  # a sentence; a role and its office ("Cabinet Secretary, Roads and Public Works")
    if is_release_line(line) or release_kind(words) or chrome_words(line) or plural_section_label(line):
        return LABEL  # "MEDIA ADVISORY", "Urgent statement", "Statements and Notices"
    return None


def under_notice(line: str) -> bool:
    """ "No. 45/2032", "March 3, 2031": a line the release notice above it takes as its own."""
    if NOTICE_NUMBER_LINE.match(line):
        return True
    return len(line.split()) <= _MAX_DATE_WORDS and is_date_line(line)


def contact_item(item: list[str]) -> bool:
    """A stack's item that is a contact block of its own lines ("Press contacts:" and the names under it)."""
    return len(item) > 1 and _contact_opening(item[0])


def _contact_opening(line: str) -> bool:
    return line.lower().startswith(_CONTACT_OPENINGS) and ":" in line


def _phone(line: str) -> bool:
    """ "Tel.: +49 30 000-0", "Jo Bell | 916-555-0163": a phone number after a label or a bar."""
    return (":" in line or "|" in line) and bool(_PHONE.search(line)) and not _numbered(line, line.split())


def _capitals(line: str) -> bool:
    """ "RIGHTS WITHOUT BORDERS": a name in capitals."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= _MIN_CAPITALS and all(ch.isupper() for ch in letters)


def _numbered(line: str, words: list[str]) -> str | None:
    """The shapes with a digit: a date line, a release number, a code, a meeting number."""
    bare = line.split(":", 1)[1].strip() if ":" in line[:_LABEL_REACH] else line  # "Datum: 03.02.2026"
    if len(words) <= _MAX_DATE_WORDS and (
        is_date_line(line)
        or dates_only(line)
        or place_and_date(line)
        or is_place_and_date(line)
        or _NUMERIC_DATE.match(bare)
    ):
        return DATE
    if _NUMBER_LINE.match(line) or is_release_line(line):
        return NUMBER
    if _CODE.match(line) or _SESSION.match(line):
        return CODE
    return None


def _path(line: str, words: list[str]) -> bool:
    """ "Home › Newsroom › News Releases", "Inicio | Sede | Contacto": a path or a menu."""
    return len(_PATH_SEPARATOR.findall(line)) >= 1 + (len(words) > _MAX_PATH_WORDS)


def _bare_label(line: str) -> bool:
    """ "From:", "Published", "News provided by": a page's label whose value is the line under it."""
    lowered = line.lower().rstrip(" :")
    return (line.endswith(":") and len(line.split()) <= 2) or lowered in _BARE_LABELS


# A page's buttons and menu items alone on their lines.
_MENU_WORDS = frozenset({"follow", "share", "print", "email", "e-mail", "tweet", "subscribe", "menu", "top"})
# A page's list of links to other stories: the label and every line under it.
_RELATED_LABELS = frozenset(
    {
        "related stories",
        "related news",
        "related articles",
        "related content",
        "more news",
        "more stories",
        "see also",
        "read more",
        "weitere meldungen",
        "noticias relacionadas",
        "à lire aussi",
        "sur le même sujet",
    }
)
_BARE_LABELS = frozenset(
    {
        "published",
        "updated",
        "last updated",
        "posted",
        "news provided by",
        "provided by",
        "from",
        "date",
        "datum",
        "fecha",
        "publié le",
        "veröffentlicht am",
        "publicado el",
    }
)
