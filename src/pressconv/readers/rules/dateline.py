"""The lede's opening -> dateline ("WASHINGTON (AP) —", "LONDON, March 3, 2025 /PRNewswire/ --").

A dateline is a place, optionally a region, a date and a wire-service credit,
then a dash or colon, at the very start of the first body paragraph.  The
place must be in capitals, or — for European "Berlin, 12. März 2025 –"
forms — in Title Case with a date or a credit beside it.  The dateline is
recorded as written (dash included) and left in the paragraph's text; its
date, when it names year, month and day, becomes the document date.
"""

from __future__ import annotations

import re

from pressconv.readers._blocks import Kind
from pressconv.readers._dates import find_date
from pressconv.readers._lexicon import MONTHS, NOT_PLACES
from pressconv.readers._worklist import WorkList

# A word of a place name: hyphens only between letters, so "FRANCISCO--(BUSINESS WIRE)" splits.
_WORD = r"[^\W\d_](?:[\w.’'&]|-(?=\w))*(?![\w])"
_PLACE = rf"(?P<place>{_WORD}(?:[ ]{_WORD}){{0,3}})"
_REGION = rf"(?P<region>(?:,[ ]*{_WORD}(?:[ ]{_WORD}){{0,2}}){{0,2}})"
_DATE = (
    r"(?:(?:le|den|am|el|the)[ ]+)?"
    r"(?:[^\W\d_]+\.?[ ]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ ]+\d{4})?"
    r"|\d{1,2}(?:\.|er|st|nd|rd|th)?[ ]+(?:de[ ]+)?[^\W\d_]+\.?(?:,?[ ]+(?:de[ ]+)?\d{4})?"
    r"|\d{4}-\d{2}-\d{2})"
)
_CREDIT = r"(?P<credit>[ ]*(?:--|—|–)?[ ]*\([^()\n]{2,40}\)|[ ]*/[^/\n]{2,40}/)"
_SEPARATOR = r"[ ]*(?P<sep>--|—|–|:|[ ]-)[ ]*"
_DATELINE = re.compile(
    rf"^{_PLACE}{_REGION}(?P<date>(?:,|[ ]+[-–—])?[ ]*{_DATE})?{_CREDIT}?{_SEPARATOR}(?=\S)", re.UNICODE
)
_MAX_LENGTH = 100


def apply(work: WorkList) -> None:
    """Record the lede's dateline in ``work.dateline`` (front matter first); the lede keeps its text."""
    work.dateline = work.matter.dateline
    start = work.body_start()
    lede = next(
        (w for w in work.blocks[start:] if w.kind in (Kind.PARAGRAPH, Kind.QUOTE) and not w.date_line), None
    )
    if lede is None:
        return
    found = find_dateline(lede.text)
    if found is not None:
        work.dateline = work.dateline or found
        said = f'lede; dateline "{found}"'
        lede.reason = f"{lede.reason}; {said}" if lede.reason else said


def find_dateline(text: str) -> str | None:
    """The dateline at the start of ``text`` as written (separator included), or None."""
    match = _DATELINE.match(text[: _MAX_LENGTH + 20])
    if not match or match.end() > _MAX_LENGTH:
        return None
    place = match.group("place")
    letters = [ch for ch in place if ch.isalpha()]
    if len(letters) < 2:
        return None
    date_text = match.group("date") or ""
    has_date = bool(date_text) and _names_month(date_text)
    if date_text and not has_date:
        return None  # the "date" was ordinary words
    credit = match.group("credit") or ""
    region = match.group("region") or ""
    capitals = all(ch.isupper() for ch in letters)
    title_place = all(word[:1].isupper() for word in place.split()) and len(place.split()) <= 3
    if not capitals and not (title_place and (has_date or credit.strip())):
        return None
    if any(w.strip(".’'").lower() in NOT_PLACES for w in place.split()):
        return None  # "UPDATE —", "EDITOR’S NOTE:" are labels, not places
    # "NEW DELHI: The government …" is a dateline; "Berlin: …" is not
    if match.group("sep") == ":" and not (has_date or credit.strip()) and (not capitals or region):
        return None
    return text[: match.end()].rstrip()


def _names_month(text: str) -> bool:
    if re.search(r"\d{4}-\d{2}-\d{2}", text):
        return True
    return any(
        word.lower() in MONTHS or word.lower().rstrip(".") in MONTHS
        for word in re.findall(r"[^\W\d_]+\.?", text)
    )


def dateline_date(dateline: str) -> str | None:
    """The ISO date a dateline names, when it names a full one."""
    found = find_date(dateline)
    return found[0] if found else None
