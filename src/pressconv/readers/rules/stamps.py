"""Short stamps a page or a filing puts next to a release: a reading time, an exhibit number, breadcrumbs.

Shape tests of one line for the headline rule (``headline_shape``): neither is ever a headline or a dek.
"""

from __future__ import annotations

import re

from pressconv import lazy_re

# A page's reading time next to its date: "3 min read", "5 minutes de lecture", "Lesezeit: 4 Min."
_READING_TIME = lazy_re.compile(
    r"^(?:\d{1,3}\s?(?:min|mins|minutes?|minutos|minuten|mn)\.?(?:\s(?:read|de lecture|de lectura|lesezeit))?"
    r"|(?:reading time|lecture|lectura|lesezeit):?\s\d{1,3}\s?(?:min|mins|minutes?|minutos|minuten|mn)\.?)$",
    re.IGNORECASE,
)
# A securities filing's exhibit number over the release it files: "EXHIBIT 99.1", "Exhibit 99", "EX-99.1".
_EXHIBIT = lazy_re.compile(r"^(?:exhibit|ex\.?-?)\s?\d{1,3}(?:\.\d{1,3})?\.?$", re.IGNORECASE)


def reading_time(text: str) -> bool:
    """ "3 min read", "Lesezeit: 4 Min.": how long the page takes to read."""
    return _READING_TIME.match(text.strip()) is not None


def exhibit_number(text: str) -> bool:
    """ "EXHIBIT 99.1", "EX-99.1": the exhibit a filed release is."""
    return _EXHIBIT.match(text.strip()) is not None


# Breadcrumbs: a bar, an arrow or a slash between spaced parts, or a path from "Home".  The marks are looked
# for before the pattern runs; searching for it costs ~10 µs a line.
_BREADCRUMB_MARKS = (">", "›", "»", "|", "/", "::")
_BREADCRUMB_BAR = lazy_re.compile(r"\s(?:>|›|»|\||/|::)\s")
_BREADCRUMB_HOME = lazy_re.compile(r"^\s*(?:home|accueil|inicio|startseite)\b", re.IGNORECASE)


def breadcrumbs(text: str) -> bool:
    """Marks between spaced parts ("Home > News > 2031", "News | Press"), or a path from "Home"."""
    marked = any(map(text.__contains__, _BREADCRUMB_MARKS)) and _BREADCRUMB_BAR.search(text) is not None
    return marked or _BREADCRUMB_HOME.match(text) is not None
