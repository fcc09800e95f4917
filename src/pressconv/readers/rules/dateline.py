"""The lede's opening -> dateline ("WASHINGTON (AP) —", "LONDON, March 3, 2025 /PRNewswire/ --").

A dateline is a place, optionally a region, a date and a wire-service credit,
then a dash or colon, at the very start of the first body paragraph; the
place may stand in parentheses ("(WASHINGTON)—", "(Washington, DC) –"), and
Spanish and German copy close it with ".-" or a period ("MÉRIDA, 4 de marzo
de 2026.-", "Oberweiden, 3. März 2026. Nach …").  The place must be in
capitals, or in Title Case (small connecting words such as "de" allowed)
with a date, a credit, a region ("Cambridge, Mass. -") or a dash after it
("Hameln –").  The lede is looked for below a few short chrome blocks and
below one short sentence on a line of its own (a title typed with a period).
A colon or a period closes a dateline only after capitals or a date, so
"MODERATOR:" or "Q:" label lines are never datelines, and a colon without a
date or credit opens a lede only when the text is a sentence ("NEW DELHI: The
ministry said …."; not "SIGN-UPS OPEN: Children Can Register").  Austrian and
German wire copy may set a news agency's credit after the place with no dash
at all ("Elmford (OTS/RK) „…“", "Elmford, (ots) The …").  Initials before a
period are an honorific's ("S.E. M. le Ministre …"), not a place.  The dateline
is recorded as written (dash included) and left in the paragraph's text; its
date, when it names year, month and day, becomes the document date.
"""

from __future__ import annotations

import itertools
import re

from pressconv import lazy_re
from pressconv.readers.blocks import PARAGRAPH, QUOTE, Work
from pressconv.readers.dates import find_date
from pressconv.readers.document_cache import per_document
from pressconv.readers.heading_shape import ends_sentence, is_chrome_line, title_case
from pressconv.readers.lexicon import (
    DATE_LABELS,
    MONTHS,
    NOT_PLACES,
    PAGE_CHROME_OPENINGS,
    ROLE_WORDS,
    TITLE_WORDS,
)
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.worklist import WorkList

# A word of a place name: hyphens only between letters, so "FRANCISCO--(BUSINESS WIRE)" splits.
_WORD = r"[^\W\d_](?:[\w.’'&]|-(?=\w))*(?![\w])"
# Cities joined by a slash share a dateline: "BERLIN/PARIS –", "GENEVA/NEW YORK (3 March 2031) –".
# Two places share a wire dateline too: "NEW YORK and LONDON, …", "SAN JOSE, Calif. & AUSTIN, Texas--".
_JOIN = r"(?:[ /]|[ ](?:and|&)[ ])"
_PLACE = rf"(?P<open>\()?(?P<place>{_WORD}(?:{_JOIN}{_WORD}){{0,3}})"
_REGION = rf"(?P<region>(?:,[ ]*{_WORD}(?:(?:[ ]|[ ]&[ ]){_WORD}){{0,2}}){{0,2}})"
_DATE = (
    r"(?:(?:le|den|am|el|the)[ ]+)?"
    r"(?:[^\W\d_]+\.?[ ]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ ]+\d{4})?"
    r"|\d{1,2}(?:\.|er|st|nd|rd|th)?[ ]+(?:de[ ]+|d['’])?[^\W\d_]+\.?"
    # Polish "9 lutego 2032 r.", Croatian and Serbian "3. prosinca 2032. –" (the year an ordinal)
    r"(?:,?[ ]+(?:de[ ]+)?\d{4}(?:[ ]r(?=\.)|\.(?=[ ]?(?:--|—|–|-)))?)?"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4})"  # "Brussels, 3.3.2031 –", "Luxembourg, 03/03/2031 –"
)
_CREDIT = r"(?P<credit>[ ]*(?:--|—|–)?[ ]*\([^()\n]{2,40}\)|[ ]*/[^/\n]{2,40}/)"
# A lone slash closes a wire dateline too: "KELLSBRIDGE, Dec. 7, 2031 / The Port …".
_SEPARATOR = r"[ ]*(?P<sep>--|—|–|:|[ ]-|[ ]/(?=[ ]))[ ]*"
# A separator is made of one of these characters ("--", "—", "–", ":", " -", " /"): no such character in the
# text, no dateline closed by one.
_SEPARATOR_CHARS = re.compile(r"[-—–:/]")
# Spanish ".-" and German "." close a dateline too; tried second, so "WASHINGTON, Jan. 11 —" is not cut
# at the abbreviation's period.
_PERIOD_SEPARATOR = r"[ ]*(?P<sep>\.-|\.(?=[ ]))[ ]*"
_DATELINE, _DATELINE_PERIOD = (
    lazy_re.compile(
        # a date may follow the wire credit: "SAN FRANCISCO--(BUSINESS WIRE)--Dec. 7, 2031--",
        # "NEW YORK, NY / ACCESSWIRE / December 7, 2031 /"
        # a syndicator may repeat the date: "BOISE, Idaho, Nov 12, 2030, Nov. 12, 2030 (GLOBE NEWSWIRE) —"
        rf"^{_PLACE}{_REGION}(?(open)\))(?P<date>(?:,|[ ]+[-–—])?[ ]*{_DATE}(?:,[ ]*{_DATE})?)?{_CREDIT}?"
        rf"(?(credit)(?P<wire_date>[ ]*(?:--|—|–)?[ ]*{_DATE})?){separator}(?=\S)",
        re.UNICODE,
    )
    for separator in (_SEPARATOR, _PERIOD_SEPARATOR)
)
# The date first, then the place, each closed by a dash: "May 3, 2030 – Saint Andrews, New Brunswick –".
_DATE_FIRST = lazy_re.compile(
    # a wire credit may come first: "(NewMediaWire) - July 17, 2031 - DALLAS -"
    rf"^(?:\([^()\n]{{2,40}}\)[ ]*(?:--|—|–|-)[ ]*)?(?P<date>{_DATE})[ ]*(?:--|—|–|[ ]-)[ ]*"
    rf"(?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}}){_REGION}[ ]*(?P<sep>--|—|–|[ ]-)[ ]*(?=\S)",
    re.UNICODE,
)
# The date, then the place and its state in parentheses: "February 24, 2031 (Nyack, NY) – …".
_DATE_THEN_ENCLOSED = lazy_re.compile(
    rf"^(?P<date>{_DATE})[ ]+\((?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}}),[ ]*{_WORD}(?:[ ]{_WORD}){{0,2}}\)"
    r"[ ]*(?P<sep>--|—|–|[ ]-)[ ]*(?=\S)",
    re.UNICODE,
)
_DATE_FIRST_REACH = 20
# A place, then a news agency's credit and no dash before the text: "Elmford (OTS/RK) „We …",
# "Elmford, (ots) The …" (Austrian and German wire copy); the credit is an abbreviation in capitals or
# in lower case, and the text after it opens with a capital or a quotation mark.
_AGENCY_CREDIT = lazy_re.compile(
    # "MURCIA, 11 (EUROPA PRESS)": the day of the month may stand before the credit
    rf"(?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}}),?[ ]*(?:\d{{1,2}}[ ]*)?"
    r"\((?P<credit>[A-Z]{2,8}(?:[ /][A-Z]{1,8})?|[a-z]{2,4}(?:/[a-z]{1,4})?)\)[ ]+(?=[A-ZÀ-Þ„“\"«‚‘])",
    re.UNICODE,
)
# "(Elmford, Mississippi) Today, the Attorney General …": the place and its state in parentheses, in Title
# Case or capitals, then the lede's first word.
_ENCLOSED_PLACE = lazy_re.compile(
    r"^\((?:[A-Z][\w.’'-]*[ ]){0,3}[A-Z][\w.’'-]*,[ ]*(?:[A-Z][\w.’'-]*[ ]){0,2}[A-Z][\w.’'-]*\)[ ]+(?=[A-Z])"
)
_NOT_ENCLOSED = NOT_PLACES | {"left", "right", "center", "centre", "photo", "pictured", "from", "file", "top"}
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\.?")
# Small words that may stand lower-case inside a place name ("Ciudad de Guatemala", "Frankfurt am Main").
_PLACE_LINKS = frozenset(
    {"de", "del", "la", "las", "los", "el", "do", "da", "am", "an", "der", "sur", "upon", "on"}
)
_CLOSERS = ' ”’"»)]'
_PLACE_JOINERS = frozenset({"and", "&"})
_DASHES = frozenset({"--", "—", "–", " -", ".-"})
_MAX_LENGTH = 100
# The lede may sit under a few short chrome blocks ("News provided by" / the issuer / a time).
_LEDE_BLOCKS = 3
# One-line results highlights between the headline and the lede do not count among those blocks.
_MAX_HIGHLIGHTS = 6
_MAX_CHROME_WORDS = 20
_MAX_CHROME_LINE = 60
_MAX_TITLE_LINES = 3
_MAX_TITLE_PLACE_WORDS = 4
_MAX_TITLE_SENTENCE_WORDS = 16
_MIN_CAPS_PLACE = 4


def apply(work: WorkList) -> None:
    """Record the lede's dateline in ``work.dateline`` (front matter first); the lede keeps its text."""
    work.dateline = work.matter.dateline
    start = work.body_start()
    texts = (
        w for w in work.blocks[start:] if w.kind in (PARAGRAPH, QUOTE) and not w.aside and not _chrome(w.text)
    )
    found = None
    counted = 0
    for lede in itertools.islice(texts, _LEDE_BLOCKS + _MAX_HIGHLIGHTS):
        found = dateline_alone(lede.text) or find_dateline(lede.text) or _dated_first_line(lede)
        if found is None and _highlight(lede):
            # "Net loss narrowed to $4.7 million": a results highlight above the lede, not the lede
            said = "one line, no closing period: a highlight above the lede"
            lede.reason = f"{lede.reason}; {said}" if lede.reason else said
            continue
        counted += 1
        if (
            counted >= _LEDE_BLOCKS
            or found is not None
            or (len(lede.text.split()) > _MAX_CHROME_WORDS and not _untitled_title(lede))
            or (lede.text.rstrip()[-1:] in ".!?:" and not title_sentence(lede))
        ):
            break  # the dateline opens the lede; short blocks above it ("News provided by …") are chrome
    if found is not None:
        work.dateline = work.dateline or found
        said = f'lede; dateline "{found}"'
        lede.reason = f"{lede.reason}; {said}" if lede.reason else said


def _untitled_title(work: Work) -> bool:
    """A title and its dek no rule took for the headline (a PDF's wrapped title, no closing period, at most
    three lines): the lede is under it."""
    return len(work.lines) <= _MAX_TITLE_LINES and work.text.rstrip()[-1:] not in ".!?:…"


def _highlight(work: Work) -> bool:
    """One line with no closing punctuation under the headline ("Net sales rose 6% to $212 million"): a
    summary point set above the lede, which is running text ending in a period."""
    return len(work.lines) == 1 and work.text.rstrip()[-1:] not in ".!?:;…" and len(work.text.split()) <= 40


def title_sentence(work: Work) -> bool:
    """ "AGENCY City: Suspect arrested after joint search.": one short sentence on one line above the
    lede is a title (a headline or dek typed with a period), not the lede; the dateline may follow."""
    text = work.text
    if len(work.lines) > 1 or len(text.split()) > _MAX_TITLE_SENTENCE_WORDS:
        return False
    return len(sentence_ends(text)) <= 1


def _chrome(text: str) -> bool:
    """ "News provided by", "Share this article": page chrome between the headline and the lede."""
    return len(text) < _MAX_CHROME_LINE and (
        is_chrome_line(text) or text.lower().startswith(PAGE_CHROME_OPENINGS)
    )


@per_document(maxsize=256)  # a pure function of the text; the headline rule asks about the lede again
def find_dateline(text: str) -> str | None:
    """The dateline at the start of ``text`` as written (separator included), or None."""
    head = text[: _MAX_LENGTH + 20]
    reach = _DATE_FIRST_REACH + (head.find(")") + 1 if head[:1] == "(" else 0)  # past a "(Wire) -" credit
    if (head[:1].isdigit() or head[:1].isupper() or head[:1] == "(") and any(map(str.isdigit, head[:reach])):
        first = _date_first(head)  # a date first has its first digit within reach ("the September 12")
        if first is not None:
            return first
    # each pattern only where its separator's characters occur (decided before the costly patterns run)
    match = _DATELINE.match(head) if _SEPARATOR_CHARS.search(head) else None
    if match is None and (".-" in head or ". " in head):
        match = _DATELINE_PERIOD.match(head)
    if not match or match.end() > _MAX_LENGTH:
        return _agency_credit(head)
    place = match.group("place")
    letters = [ch for word in place.split() if word not in _PLACE_JOINERS for ch in word if ch.isalpha()]
    if len(letters) < 2:
        return None
    date_text = match.group("date") or ""
    has_date = bool(date_text) and _names_month(date_text)
    if date_text and not has_date:
        return None  # the "date" was ordinary words
    wire_date = match.group("wire_date") or ""
    if wire_date and not _names_month(wire_date):
        return None
    has_date = has_date or bool(wire_date)
    credit = match.group("credit") or ""
    region = match.group("region") or ""
    capitals = all(ch.isupper() for ch in letters)
    words = place.split()
    title_place = (
        words[0][:1].isupper()
        and all(word[:1].isupper() or word in _PLACE_LINKS or word in _PLACE_JOINERS for word in words)
        and len(words) <= _MAX_TITLE_PLACE_WORDS
    )
    separator = match.group("sep")
    dashed = separator in _DASHES
    joined = any(word in _PLACE_JOINERS for word in words) or " & " in region
    if joined and not (capitals or has_date or credit.strip()):
        return None  # "Rock & Roll – The band …": two places share a wire dateline with its date or credit
    if not capitals and not (title_place and (has_date or credit.strip() or region or dashed)):
        return None
    if (
        not (capitals or has_date or credit.strip() or region)
        and not text[match.end() : match.end() + 1].isupper()
    ):
        return None  # "Meanwhile – the rain …": a Title Case word and a dash open a sentence, not a dateline
    if dashed and not (capitals or has_date or credit.strip()) and _dash_pair(text, match.end()):
        return None  # "Three Group Members - A, B and C - have been chosen": two dashes set off an aside
    if separator in (".", ":") and not (capitals or has_date):
        return None  # "Berlin: …", "Hameln. Die …": a period or colon after Title Case is a sentence
    if separator == "." and not (has_date or len(place) >= _MIN_CAPS_PLACE):
        return None
    if any(w.strip(".’'").lower() in NOT_PLACES for w in place.split()):
        return None  # "UPDATE —", "EDITOR’S NOTE:" are labels, not places
    if separator == "." and all(_INITIALS.fullmatch(w) for w in words):
        return None  # "S.E. M. le Ministre …": an honorific's initials, not a place
    # "NEW DELHI: The government …" is a dateline; "Berlin: …" is not
    if separator == ":" and not (has_date or credit.strip()) and (not capitals or region):
        return None
    if separator == ":" and not (has_date or credit.strip()) and text.rstrip(_CLOSERS)[-1:] not in ".!?…":
        return None  # "SIGN-UPS OPEN: Children Can Register …": a label over a title, not a lede
    if separator == ":" and any(_role_word(w.lower()) for w in words):
        return None  # "ENGINEER:", "SPOKESPERSON:", "JUSTICES:" label a speaker or a roll of names
    return text[: match.end()].rstrip()


def _dash_pair(text: str, start: int) -> bool:
    """True when a spaced dash later in the same sentence closes the aside the dash before ``start`` opens."""
    ends = sentence_ends(text[start:])
    stop = start + ends[0] if ends else len(text)
    return any(dash in text[start:stop] for dash in (" - ", " – ", " — ", " -- "))


def _agency_credit(head: str) -> str | None:
    """ "Elmford (OTS/RK) „…“", "Elmford, (OTS) The …": a place and a news agency's credit, no dash;
    "(Elmford, Mississippi) Today …": a place and its state in parentheses, no dash."""
    if "(" not in head[:_MAX_LENGTH]:
        return None  # decided before the pattern runs
    enclosed = _ENCLOSED_PLACE.match(head)
    if enclosed is not None and not any(
        w.strip("().,’'").lower() in _NOT_ENCLOSED or _role_word(w.strip("(),").lower())
        for w in enclosed.group(0).split()
    ):
        return enclosed.group(0).rstrip()
    match = _AGENCY_CREDIT.match(head)
    if match is None:
        return None
    words = match.group("place").split()
    if not all(word[:1].isupper() or word in _PLACE_LINKS for word in words):
        return None
    if any(w.strip(".’'").lower() in NOT_PLACES or _role_word(w.lower()) for w in words):
        return None
    if any(_role_word(part.lower()) for part in match.group("credit").split("/")):
        return None  # "Jane Roe (CEO) The …": a person and a title, not a place and an agency
    return head[: match.end()].rstrip()


def place_dated(line: str) -> bool:
    """ "Copenhagen, 4 March 2032": a place of a few capitalised words, a comma, a full date, no more."""
    if not any(ch.isdigit() for ch in line) or "," not in line:
        return False  # decided before the date patterns run
    found = find_date(line)
    if found is None or line[found[2] :].strip(" ."):
        return False
    place, comma, between = line[: found[1]].rpartition(",")
    words = place.split()
    return (
        bool(comma)
        and 0 < len(words) <= _MAX_TITLE_PLACE_WORDS
        and len(between.split()) <= 1  # "le 3 mars", "den 3. März"
        and words[0].lower().strip(".") not in DATE_LABELS  # "Tuesday, 3 March 2026" is a date alone
        and title_case(place, share=1.0)
    )


def _dated_first_line(lede: Work) -> str | None:
    """ "Brussels, 2 December 2026" on the line over the lede's text: the dateline, on a line of its own."""
    first = lede.lines[0] if len(lede.lines) > 1 else ""
    return first if first and place_dated(first) else None


def dateline_alone(text: str) -> str | None:
    """ "HARLOW, England —" set apart from the lede by a blank line (a PDF paste): the whole block."""
    if len(text) > _MAX_LENGTH or text.rstrip()[-1:] not in "-–—)":
        return None  # the cheap test first: a dateline alone ends with its dash, or its agency's credit
    found = find_dateline(f"{text.rstrip()} X")
    return found if found == text.rstrip() else None


def _role_word(lowered: str) -> bool:
    singular = lowered[:-1] if lowered.endswith("s") else lowered
    return any(w in TITLE_WORDS or w in ROLE_WORDS for w in (lowered, singular))


def _date_first(head: str) -> str | None:
    """ "May 3, 2030 – Saint Andrews, New Brunswick –", "May 3, 2030 (Nyack, NY) –": a full date, a place in
    capitals or Title Case."""
    match = _DATE_FIRST.match(head) or _DATE_THEN_ENCLOSED.match(head)
    if not match or match.end() > _MAX_LENGTH or find_date(match.group("date")) is None:
        return None
    words = match.group("place").split()
    if not all(word[:1].isupper() or word in _PLACE_LINKS for word in words):
        return None
    if any(w.strip(".’'").lower() in NOT_PLACES for w in words):
        return None
    return head[: match.end()].rstrip()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}")
_LETTERS = re.compile(r"[^\W\d_]+\.?")


def _names_month(text: str) -> bool:
    if _ISO_DATE.search(text):
        return True
    return any(
        word.lower() in MONTHS or word.lower().rstrip(".") in MONTHS for word in _LETTERS.findall(text)
    )


def dateline_date(dateline: str) -> str | None:
    """The ISO date a dateline names, when it names a full one."""
    found = find_date(dateline)
    return found[0] if found else None


def dashed_label(text: str, line_count: int) -> bool:
    """ "Earnings – Acme Reports Second Quarter Results": a label, a dash and a Title Case title on one
    line with no closing period is a headline, not a lede opening with a dateline."""
    found = find_dateline(text)
    if found is None or line_count > 1 or ends_sentence(text) or any(ch.isdigit() for ch in found):
        return False
    rest = text[len(found) :].strip()
    return len(found.split()) <= 2 and len(rest.split()) >= 4 and title_case(rest)
