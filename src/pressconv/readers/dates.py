"""Written dates ("Oct. 28, 2024", "12. März 2025", "3 mars 2025", "2025-03-03") -> ISO 8601.

Only dates that name a year, a month and a day are read: "March 3" alone is
not reliable enough to stamp a document with.  Numeric dates other than ISO
(03/04/2025) are ambiguous between conventions and are not read.
"""

from __future__ import annotations

import datetime as dt
import re

from pressconv import lazy_re
from pressconv.readers.lexicon import DAY_FIRST_MONTHS, MONTHS, trie_pattern

# A prefix tree of the month names: a plain alternation of ~100 names is slow to try at every position.
# Month first ("March 3, 2025") only with the names of languages that write dates so.
_MONTH = trie_pattern(sorted(MONTHS))
_MONTH_FIRST = trie_pattern(sorted(name for name in MONTHS if name not in DAY_FIRST_MONTHS))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?")
# "Oct. 28, 2024", "March 3rd 2025"
_MDY = lazy_re.compile(
    rf"(?<!\w)({_MONTH_FIRST})(?!\w)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
# "28 October 2024", "12. März 2025", "3 mars 2025", "3 de marzo de 2025", "1er mars 2025", "7 d'abril de
# 2031", "7 grudnia 2031", "7. joulukuuta 2031"
_DMY = lazy_re.compile(
    rf"\b(\d{{1,2}})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+|d['’])?({_MONTH})(?!\w)\.?,?\s+(?:de\s+)?(\d{{4}})\b",
    re.IGNORECASE,
)
# Every date pattern above holds a four-digit year: a text without four digits in a row holds no date.
# Spelt out, not "\d{4}": a pattern opening with a character class is searched for that class first
# (twice as fast as trying the repeat at every position).
_YEAR_DIGITS = re.compile(r"\d\d\d\d")
# "09:00", "9:00 a.m.", "9 a.m.", "00:01 GMT"
# "17:00", "5 p.m.", "11.30 Uhr", "10h30", "10 h 30" (a French hour, "h" between hours and minutes).
_TIME = lazy_re.compile(
    r"\b(\d{1,2})(?:(?::|\.|\s?h\s?)(\d{2})(?!\d))?\s*(a\.?m\.?|p\.?m\.?|h\b|uhr\b)?", re.IGNORECASE
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date in ``text`` as (ISO date, start, end), or None."""
    if _YEAR_DIGITS.search(text) is None:
        return None  # decided before the three date patterns run
    best: tuple[str, int, int] | None = None
    for pattern, order in ((_ISO, "ymd"), (_MDY, "mdy"), (_DMY, "dmy")):
        match = pattern.search(text)
        if not match or (best is not None and match.start() >= best[1]):
            continue
        iso = _iso(match, order)
        if iso is not None:
            best = (iso, match.start(), match.end())
    return best


def find_datetime(text: str) -> str | None:
    """A date with its time of day when one is written next to it (embargo lines), ISO 8601."""
    found = find_date(text)
    if found is None:
        return None
    iso, start, end = found
    if "T" in iso:
        return iso
    for match in _TIME.finditer(text):
        if start <= match.start() < end:
            continue
        hour_text, minute_text, suffix = match.group(1), match.group(2), (match.group(3) or "").lower()
        if minute_text is None and not suffix:
            continue  # a bare number is a day or a count, not a time
        hour, minute = int(hour_text), int(minute_text or 0)
        if suffix.startswith("p") and hour < 12:
            hour += 12
        if suffix.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return f"{iso}T{hour:02d}:{minute:02d}"
    return iso


def _iso(match: re.Match[str], order: str) -> str | None:
    try:
        if order == "ymd":
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if match.group(4) is not None:
                hour, minute = int(match.group(4)), int(match.group(5))
                if hour < 24 and minute < 60:
                    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
            return day.isoformat()
        if order == "mdy":
            month, day_number, year = MONTHS[match.group(1).lower()], int(match.group(2)), int(match.group(3))
        else:
            day_number, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
        return dt.date(year, month, day_number).isoformat()
    except (ValueError, KeyError):
        return None
