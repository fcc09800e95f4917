"""Markdown -> Document: markdown-it-py's block tokens as hinted raw blocks, then the shared news rules.

The YAML front matter at the top is split off by the same helper as plain
text.  ``#`` is the headline (a later ``#`` is a section heading), ``##`` and
deeper are section headings, paragraphs inside ``>`` are quotes, lists keep
their items and markers, code blocks stay paragraphs so no word is lost, and
a table is one paragraph with a line per row.  Inline emphasis, links and
code are kept as their plain text.  When the Markdown marks no section
heading, paragraphs go unhinted and the plain-text rules find headline and
headings as they would in a ``.txt``.  A bare ``###`` line, which CommonMark
reads as an empty heading, is the press end mark and is passed on as text.
markdown-it's token stream is flat; nesting so deep that markdown-it would
drop words is refused with a clear error.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pressconv.decode import decode
from pressconv.errors import EmptyInputError, Notes, PressconvError
from pressconv.model import Document
from pressconv.options import ReadOptions
from pressconv.readers.assemble import assemble
from pressconv.readers.blocks import Hint, RawBlock, fold
from pressconv.readers.front_matter import split_front_matter

if TYPE_CHECKING:
    from markdown_it.token import Token

SUFFIXES = (".md", ".markdown")

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


@dataclass(slots=True)
class _List:
    ordered: bool
    start: int
    bullet: str
    items: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def finish_item(self) -> None:
        text = fold(" ".join(self.parts))
        self.parts.clear()
        if text:
            number = self.start + len(self.items)
            self.markers.append(f"{number}{self.bullet}" if self.ordered else self.bullet)
            self.items.append(text)


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Decode the bytes, then read the Markdown."""
    return read_markdown(decode(data, notes, source_path).text, options, notes, source_path=source_path)


def read_markdown(
    text: str,
    options: ReadOptions | None = None,
    notes: Notes | None = None,
    *,
    source_path: str | None = None,
) -> Document:
    """A Document from Markdown text; raises EmptyInputError when it holds no words."""
    options = options or ReadOptions()
    notes = notes if notes is not None else Notes()
    if not text.strip():
        raise EmptyInputError("no text (the input is empty or only whitespace)", source_path)
    matter, body = split_front_matter(text, notes, options.limits)
    return assemble(markdown_blocks(body), matter, options, notes, source_path)


def markdown_blocks(text: str) -> list[RawBlock]:
    """The raw blocks of a Markdown body (front matter already removed)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    # Past its nesting limit markdown-it silently drops the rest of a line; refuse well before it.
    limit = int(md.options["maxNesting"]) - 2
    if any(t.level >= limit for t in tokens):
        raise PressconvError(
            f"Markdown nested {limit} or more levels deep (quotes or lists): not a text to read"
        )
    # A heading's words are in the inline token right after its heading_open.
    end_marks = {
        i for i, t in enumerate(tokens[:-1]) if t.type == "heading_open" and not fold(tokens[i + 1].content)
    }
    # Marked section headings mean the other paragraphs are not headings; a marked headline alone
    # says nothing about them, so they still go through the heading rule.
    structured = any(
        t.type == "heading_open" and t.tag != "h1" and i not in end_marks for i, t in enumerate(tokens)
    )
    plain: Hint | None = "paragraph" if structured else None
    blocks: list[RawBlock] = []
    lists: list[_List] = []
    rows: list[str] | None = None  # a table's rows while one is open, each "cell | cell"
    cells: list[str] = []
    quote_depth = 0
    heading: str | None = None  # the tag of the heading being read
    headline_seen = False
    for index, token in enumerate(tokens):
        kind = token.type
        if index in end_marks:
            if token.markup.strip() == "###":
                blocks.append(RawBlock("###", ("###",)))  # the press end mark, not an empty heading
        elif kind == "heading_open":
            heading = token.tag
        elif kind == "heading_close":
            heading = None
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if lists:
                lists[-1].finish_item()  # the outer item's own words come before its sub-items
            start = int(str(token.attrGet("start") or 1))
            lists.append(_List(kind == "ordered_list_open", start, token.markup or "-"))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            done = lists.pop()
            done.finish_item()
            if lists:  # nested lists flatten into the outer one: the model has one level
                lists[-1].items.extend(done.items)
                lists[-1].markers.extend(done.markers)
            elif done.items:
                blocks.append(
                    RawBlock(
                        " ".join(done.items),
                        hint="list",
                        items=tuple(done.items),
                        ordered=done.ordered,
                        markers=tuple(done.markers),
                    )
                )
        elif kind == "list_item_close" and lists:
            lists[-1].finish_item()
        elif kind == "table_open":
            rows = []
        elif kind == "tr_close" and rows is not None:
            rows.append(" | ".join(cells))
            cells = []
        elif kind == "table_close" and rows is not None:
            # One block, a row per line: the words in reading order, never taken for headings.
            _add(blocks, rows, "quote" if quote_depth else "paragraph")
            rows = None
        elif kind == "inline" and rows is not None:
            cells.append(" ".join(_inline_lines(token)))
        elif kind == "inline":
            lines = _inline_lines(token)
            if lists:
                lists[-1].parts.extend(lines)
            elif heading is not None:
                words = " ".join(lines)
                if not fold(words):
                    continue
                if heading == "h1" and not headline_seen:
                    headline_seen = True
                    blocks.append(RawBlock(fold(words), hint="headline"))
                else:
                    blocks.append(RawBlock(fold(words), hint="heading"))
            else:
                _add(blocks, lines, "quote" if quote_depth else plain)
        elif kind in ("fence", "code_block"):
            lines = [fold(line) for line in token.content.split("\n")]
            if lists:
                lists[-1].parts.extend(lines)
            else:
                _add(blocks, lines, "quote" if quote_depth else plain)
        elif kind == "html_block":
            lines = [fold(html.unescape(line)) for line in _TAG.sub("", token.content).split("\n")]
            _add(blocks, lines, "quote" if quote_depth else plain)
    return blocks


def _add(blocks: list[RawBlock], lines: list[str], hint: Hint | None) -> None:
    kept = tuple(line for line in lines if line)
    if kept:
        blocks.append(RawBlock(" ".join(kept), kept, hint=hint))


def _inline_lines(token: Token) -> list[str]:
    """The plain text of an inline token, one string per source line."""
    lines: list[str] = []
    current: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            current.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            lines.append(fold("".join(current)))
            current = []
        elif kind == "image":
            current.append(child.content)
        elif kind == "html_inline":
            continue  # a tag, not words
    lines.append(fold("".join(current)))
    return [line for line in lines if line]
