"""Inline markup -> marks: which elements are emphasis, strong, code, a link or a note reference.

``a href`` is a link (its URL as written; a page-internal ``#…`` link is no
link once the page is converted, unless it points at a footnote: then it is a
note reference, zero-width, and its label text is left out since the note
shows it).  ``em``/``i``/``cite`` are emphasis, ``strong``/``b`` strong,
``code``/``kbd``/``samp``/``tt`` code.  ``inline_of`` reads a small element
(a table cell, a caption, a note) into text and marks with the same rules,
its paragraphs joined by line breaks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pressconv.errors import Notes
from pressconv.readers.blocks import MarkKind, RawMark
from pressconv.readers.html.tree import BLOCKS, attr, dropped
from pressconv.readers.marks import InlineText
from pressconv.text import clean

if TYPE_CHECKING:
    from bs4 import Tag

_KINDS: dict[str, MarkKind] = {
    "em": "emphasis",
    "i": "emphasis",
    "cite": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
_NOT_LINKS = ("javascript:", "#", "data:")


def mark_of(tag: Tag, refs: Mapping[str, str]) -> tuple[MarkKind, str | None] | None:
    """The mark an inline element opens, with its target; None for an element that marks nothing.

    ``refs`` maps the page ids of footnotes to their note ids: a link to one is a ``noteref``.
    """
    name = tag.name
    if name == "a":
        href = attr(tag, "href").strip()
        if href.startswith("#") and href[1:] in refs:
            return "noteref", refs[href[1:]]
        if href and not href.lower().startswith(_NOT_LINKS):
            return "link", href
        return None
    kind = _KINDS.get(name)
    return (kind, None) if kind is not None else None


def text_of(node: Any) -> str | None:
    """A text node's words (XHTML CDATA included); None for comments and other non-text nodes."""
    from bs4.element import CData, Comment, NavigableString

    if not isinstance(node, NavigableString):
        return None
    text = str(node)
    if type(node) is Comment and text.startswith("[CDATA[") and text.endswith("]]"):
        return text[7:-2]  # XHTML CDATA, which an HTML parser keeps as a comment: its words are text
    if type(node) not in (NavigableString, CData):
        return None
    return text


def inline_of(
    root: Tag,
    notes: Notes,
    refs: Mapping[str, str],
    skip: Callable[[Tag], bool] = lambda tag: False,
) -> tuple[str, tuple[RawMark, ...]]:
    """The folded text of a small element and its marks; block elements inside it are line breaks."""
    from bs4.element import Tag

    inline = InlineText()
    # (node, step): step 0 reads the node, 1 closes its mark, 2 ends its block with a line break
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, step = stack.pop()
        if step:
            inline.close() if step == 1 else inline.newline()
            continue
        text = text_of(node)
        if text is not None:
            inline.add(text)
            continue
        if not isinstance(node, Tag) or (node is not root and (dropped(node) or skip(node))):
            continue
        if node.name == "br":
            inline.newline()
            continue
        if node is not root:
            if node.name in BLOCKS:
                inline.newline()
                stack.append((node, 2))
            mark = mark_of(node, refs)
            if mark is not None:
                inline.open(*mark)
                if mark[0] == "noteref":
                    inline.close()
                    continue  # the reference's label is the note's, shown with it
                stack.append((node, 1))
        stack.extend((child, 0) for child in reversed(node.contents))
    _, text, marks = inline.finish(lambda raw: clean(raw, notes))
    return text, marks
