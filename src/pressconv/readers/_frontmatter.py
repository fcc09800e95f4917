"""Text -> (front matter fields, rest of the text): a YAML block between ``---`` lines at the very top.

Only ``yaml.safe_load`` is used.  A block that is not valid YAML or not a
mapping is not front matter: the text is left whole (and a warning says so),
so no words are lost.  Values are normalised to strings, dates to ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pressconv.errors import Notes

_OPEN = re.compile(r"\A\ufeff?[^\S\n]*---[^\S\n]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front-matter fields pressconv knows, as strings (keywords as a tuple)."""

    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    date: str | None = None
    dateline: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()
    publisher: str | None = None


def split_front_matter(text: str, notes: Notes) -> tuple[FrontMatter | None, str]:
    """The front matter (None when there is none) and the text after it."""
    opening = _OPEN.match(text)
    if not opening:
        return None, text
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return None, text
    try:
        import yaml  # most texts have no front matter: do not pay for PyYAML at start-up

        data = yaml.safe_load(text[opening.end() : closing.start()])
    except yaml.YAMLError as err:
        notes.warn(
            "front-matter", f"front matter is not valid YAML, read as text: {str(err).splitlines()[0]}"
        )
        return None, text
    if data is None:
        data = {}
    if not isinstance(data, dict):
        notes.warn("front-matter", "front matter is not a YAML mapping, read as text")
        return None, text
    fields = {str(key).strip().lower(): value for key, value in data.items()}
    keywords = fields.get("keywords", fields.get("tags"))
    if isinstance(keywords, str):
        keyword_list = tuple(k.strip() for k in keywords.split(",") if k.strip())
    elif isinstance(keywords, list):
        keyword_list = tuple(_string(k) or "" for k in keywords if _string(k))
    else:
        keyword_list = ()
    matter = FrontMatter(
        title=_string(fields.get("title", fields.get("headline"))),
        subtitle=_string(fields.get("subtitle", fields.get("dek", fields.get("subheadline")))),
        byline=_string(fields.get("byline", fields.get("author", fields.get("authors")))),
        date=_date(fields.get("date")),
        dateline=_string(fields.get("dateline")),
        language=_string(fields.get("language", fields.get("lang"))),
        keywords=keyword_list,
        publisher=_string(fields.get("publisher", fields.get("organization", fields.get("organisation")))),
    )
    return matter, text[closing.end() :]


def _string(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        parts = [_string(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def _date(value: object) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if value is None:
        return None
    from pressconv.readers._dates import find_date

    text = str(value).strip()
    found = find_date(text)
    if found is not None:
        return found[0]
    return None
