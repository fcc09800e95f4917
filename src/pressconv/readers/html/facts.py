"""The page's metadata: schema.org NewsArticle JSON-LD first, then ``<meta>`` tags, then ``<html lang>``.

The page ``<title>`` is kept apart (``page_title``): it is usually "Headline | Site".
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from pressconv.errors import Notes
from pressconv.readers.blocks import fold
from pressconv.readers.html.tree import attr
from pressconv.text import clean

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

_NEWS_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting"}
)


def page_facts(soup: BeautifulSoup) -> dict[str, str]:
    """Metadata from JSON-LD (first), then ``<meta>`` tags, then ``<html lang>``."""
    facts: dict[str, str] = {}
    for key, value in _json_ld(soup).items():
        facts.setdefault(key, value)
    for key, value in _meta_tags(soup).items():
        facts.setdefault(key, value)
    html = soup.find("html")
    if html is not None and "language" not in facts:
        lang = fold(attr(html, "lang") or attr(html, "xml:lang"))
        if lang:
            facts["language"] = lang
    title = soup.find("title")
    if title is not None:
        text = fold(clean(title.get_text(" "), Notes()))
        if text:
            facts["page_title"] = text
    return facts


def _json_ld(soup: BeautifulSoup) -> dict[str, str]:
    facts: dict[str, str] = {}
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.IGNORECASE)}):
        try:
            data = json.loads(script.get_text())
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and k.lower() in _NEWS_TYPES for k in kinds):
                continue
            _put(facts, "title", item.get("headline") or item.get("name"))
            _put(facts, "date", item.get("datePublished") or item.get("dateCreated"))
            _put(facts, "language", item.get("inLanguage"))
            _put(facts, "byline", _names(item.get("author")))
            _put(facts, "publisher", _names(item.get("publisher")))
            _put(facts, "dateline", item.get("dateline"))
            keywords = item.get("keywords")
            if isinstance(keywords, str):
                keywords = [k for k in keywords.split(",")]
            if isinstance(keywords, list):
                joined = "\n".join(fold(str(k)) for k in keywords if fold(str(k)))
                if joined:
                    facts.setdefault("keywords", joined)  # one per line; _put would fold the lines
            return facts
    return facts


def _ld_items(data: object) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            return [item for item in graph if isinstance(item, dict)]
        return [data]
    return []


def _names(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _put(facts: dict[str, str], key: str, value: object) -> None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = fold(str(value))
        if text:
            facts.setdefault(key, text)


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    wanted = {
        "og:title": "title",
        "twitter:title": "title",
        "article:published_time": "date",
        "date": "date",
        "dc.date": "date",
        "author": "byline",
        "article:author": "byline",
        "dc.creator": "byline",
        "og:locale": "language",
        "dc.language": "language",
        "keywords": "keywords",
        "news_keywords": "keywords",
        "og:site_name": "publisher",
    }
    facts: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = (attr(meta, "property") or attr(meta, "name")).strip().lower()
        target = wanted.get(key)
        content = fold(attr(meta, "content"))
        if target is None or not content:
            continue
        if target == "language":
            content = content.replace("_", "-")
        elif target == "keywords":
            content = "\n".join(fold(k) for k in content.split(",") if fold(k))
        facts.setdefault(target, content)
    return facts
