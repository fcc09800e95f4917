"""Text -> (front matter fields, rest of the text): a YAML block between ``---`` lines at the very top.

Only PyYAML's safe loader is used, with the front-matter limits of
``pressconv.limits``: no aliases (an alias bomb expands nine levels of anchors
into hundreds of millions of values) and a nesting depth far below Python's
recursion limit; either one exceeded is an error.  A block that is not valid
YAML or not a mapping is not front matter: the text is left whole (and a
warning says so), so no words are lost.  Values are normalised to strings,
dates to ISO 8601; a date that is no date (``2024-02-30``) or a language that
is no language tag (``7``) is ignored with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pressconv.errors import Notes
from pressconv.limits import DEFAULT_LIMITS, LimitError, Limits

_OPEN = re.compile(r"\A\ufeff?[^\S\n]*---[^\S\n]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
# BCP 47 in outline: a 2-8 letter primary subtag, then subtags of 1-8 letters or digits.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


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


def split_front_matter(
    text: str, notes: Notes, limits: Limits = DEFAULT_LIMITS
) -> tuple[FrontMatter | None, str]:
    """The front matter (None when there is none) and the text after it."""
    opening = _OPEN.match(text)
    if not opening:
        return None, text
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return None, text
    try:
        import yaml  # most texts have no front matter: do not pay for PyYAML at start-up

        data = _load(text[opening.end() : closing.start()], limits)
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
        date=_date(fields.get("date"), notes),
        dateline=_string(fields.get("dateline")),
        language=language_tag(_string(fields.get("language", fields.get("lang"))), notes),
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


def language_tag(value: str | None, notes: Notes, where: str = "front matter") -> str | None:
    """``value`` when it has the shape of a BCP 47 language tag; otherwise None, with a warning."""
    if value is None or _LANGUAGE_TAG.fullmatch(value):
        return value
    notes.warn("language", f"{where} language {value!r} is not a language tag (such as en-GB): ignored")
    return None


def _date(value: object, notes: Notes) -> str | None:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if value is None:
        return None
    from pressconv.options import parse_iso
    from pressconv.readers.dates import find_date

    text = str(value).strip()
    found = find_date(text)
    if found is not None and parse_iso(found[0]) is not None:
        return found[0]
    notes.warn("front-matter", f"front matter date {text[:40]!r} is not a valid date: ignored")
    return None


def _load(text: str, limits: Limits) -> Any:
    """The YAML document in ``text``, loaded safely within ``limits`` (aliases, depth)."""
    loader = _loader_class()(text)
    loader.limits = limits
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


@cache
def _loader_class() -> type[Any]:
    import yaml

    class Loader(yaml.SafeLoader):
        """PyYAML's safe loader that counts aliases and depth, and keeps an impossible date as text."""

        limits: Limits = DEFAULT_LIMITS
        depth = 0
        aliases = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > self.limits.yaml_aliases:
                    raise LimitError(
                        "front matter uses a YAML alias (*name); the limit is "
                        f"{self.limits.yaml_aliases} (yaml_aliases), so that aliases cannot expand"
                    )
            self.depth += 1
            try:
                if self.depth > self.limits.yaml_depth:
                    raise LimitError(
                        f"front matter nested more than {self.limits.yaml_depth} levels deep "
                        "(the yaml_depth limit)"
                    )
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def construct_yaml_timestamp(self, node: Any) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:  # "2024-02-30" has the shape of a date but is none
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader
