"""Small questions about one element of the parsed page: its attributes, whether a reader sees it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pressconv.readers.blocks import fold

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

DROP = frozenset(
    {
        "script", "style", "noscript", "template", "form", "nav", "aside", "iframe", "object",
        "embed", "svg", "math", "canvas", "input", "textarea",
        "head", "title", "meta", "link", "audio", "video", "picture", "img", "map", "dialog",
    }
)  # fmt: skip
BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "address", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "caption", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body",
        "center", "details", "summary", "fieldset", "hgroup",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
CHROME = frozenset({"header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary", "dialog"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def iter_tags(root: Tag) -> Iterator[Tag]:
    """Every element under ``root`` in document order (bs4's iterator is not recursive)."""
    from bs4 import Tag

    for node in root.descendants:
        if isinstance(node, Tag):
            yield node


def attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def classes(tag: Tag) -> set[str]:
    return {c.lower() for c in attr(tag, "class").split()}


def dropped(tag: Tag) -> bool:
    """True for an element whose text no reader sees: scripts, navigation, hidden elements …"""
    name = tag.name.lower()
    if name in DROP or name.startswith(("v:", "w:")):  # Word's VML shapes and XML islands hold no words
        return True
    return concealed(tag)


def concealed(tag: Tag) -> bool:
    """True for an element hidden by its attributes (``hidden``, ``aria-hidden``, a chrome role, CSS)."""
    if tag.has_attr("hidden") or attr(tag, "aria-hidden").lower() == "true":
        return True
    if attr(tag, "role").lower() in CHROME_ROLES:
        return True
    return bool(HIDDEN_STYLE.search(attr(tag, "style")))


def text_length(tag: Tag) -> int:
    return len(fold(tag.get_text(" ")))


def hidden(tag: Tag, soup: BeautifulSoup) -> bool:
    """True when ``tag`` or an element around it is hidden or dropped: a reader never sees its text."""
    return dropped(tag) or any(dropped(p) for p in tag.parents if p.name and p is not soup)


def inside_chrome(tag: Tag, stop: Tag) -> bool:
    for parent in tag.parents:
        if parent is stop:
            return False
        if parent.name in CHROME or (parent.name and dropped(parent)):
            return True
    return False
