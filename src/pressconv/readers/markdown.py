"""Markdown -> Document: markdown-it-py's tokens as hinted raw blocks with their marks, then the news rules.

The YAML front matter at the top is split off by the same helper as plain
text.  ``#`` is the headline (a later ``#`` is a section heading), ``##`` is
a section heading at level 2, ``###`` level 3 and deeper ones level 4;
paragraphs inside ``>`` are quotes; lists keep their items, markers and
nesting (``ListBlock.levels``); code blocks stay paragraphs so no word is
lost.  Inline emphasis, strong, code, links and hard line breaks become marks
over the plain text (``RawBlock.marks``, carried through the rules by
``marks.MarkTrail``).  A GFM table is a ``Table`` (header row, body rows,
cells with their marks); a paragraph that is only an image is a ``Figure``
(its alt text, its source -- the bytes themselves for a base64 ``data:image``
URI -- and its title as the caption); an image inside running
text keeps its alt text as words.  Footnotes (``[^1]``, by ``mdit-py-plugins``)
become ``Document.notes`` with ``noteref`` marks where they are cited.  When the
Markdown marks no section heading, paragraphs go unhinted and the plain-text
rules find headline and headings as they would in a ``.txt``.  A bare ``###``
line, which CommonMark reads as an empty heading, is the press end mark.  With
the ``smart_quotes`` option quotes become typographic (markdown-it's
smartquotes, which sees across inline markup) and ``--``, ``---`` and ``...``
dashes and an ellipsis (``typography.smarten``), never inside code.
markdown-it's token stream is flat; nesting so deep that markdown-it would
drop words is refused with a clear error.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pressconv.decode import decode
from pressconv.errors import EmptyInputError, Notes, PressconvError
from pressconv.identifier import with_identifier
from pressconv.model import Cell, Document, Figure, Mark, Marks, Note, Row, Table
from pressconv.options import ReadOptions
from pressconv.readers.assemble import assemble
from pressconv.readers.blocks import Hint, RawBlock, RawMark, fold
from pressconv.readers.front_matter import split_front_matter
from pressconv.readers.links_and_notes import editors_notes, link_addresses
from pressconv.readers.marks import InlineText

if TYPE_CHECKING:
    from markdown_it.token import Token

SUFFIXES = (".md", ".markdown")

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_MARK_TOKENS = {"em_open": "emphasis", "strong_open": "strong", "link_open": "link"}
_CLOSE_TOKENS = frozenset({"em_close", "strong_close", "link_close"})


@dataclass(slots=True)
class _Item:
    """One list item while its words are gathered."""

    level: int
    marker: str
    inline: InlineText = field(default_factory=InlineText)
    started: bool = False


@dataclass(slots=True)
class _List:
    ordered: bool
    start: int
    bullet: str
    count: int = 0


@dataclass(slots=True)
class _Table:
    header: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    in_head: bool = False


@dataclass(slots=True)
class _Parsed:
    blocks: list[RawBlock] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


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
    parsed = _parse(body, smart_quotes=bool(options.extra.get("smart_quotes")))
    document = assemble(parsed.blocks, matter, options, notes, source_path)
    enriched = editors_notes(link_addresses(replace(document, notes=tuple(parsed.notes))))
    return document if enriched == document else with_identifier(enriched)


def markdown_blocks(text: str, *, smart_quotes: bool = False) -> list[RawBlock]:
    """The raw blocks of a Markdown body (front matter already removed)."""
    return _parse(text, smart_quotes=smart_quotes).blocks


def _parse(text: str, *, smart_quotes: bool) -> _Parsed:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"typographer": smart_quotes}).enable("table").use(footnote_plugin)
    if smart_quotes:
        md.enable("smartquotes")
    tokens = md.parse(text)
    # Past its nesting limit markdown-it silently drops the rest of a line; refuse well before it.
    limit = int(md.options["maxNesting"]) - 2
    if any(t.level >= limit for t in tokens):
        raise PressconvError(
            f"Markdown nested {limit} or more levels deep (quotes or lists): not a text to read"
        )
    return _Walk(tokens, smart_quotes).run()


class _Walk:
    """One pass over markdown-it's flat token stream, keeping what is open (quotes, lists, a table)."""

    def __init__(self, tokens: list[Token], smart_quotes: bool) -> None:
        self.tokens = tokens
        self.smart = smart_quotes
        self.out = _Parsed()
        # A heading's words are in the inline token right after its heading_open.
        self.end_marks = {
            i
            for i, t in enumerate(tokens[:-1])
            if t.type == "heading_open" and not fold(tokens[i + 1].content)
        }
        # Marked section headings mean the other paragraphs are not headings; a marked headline alone
        # says nothing about them, so they still go through the heading rule.
        structured = any(
            t.type == "heading_open" and t.tag != "h1" and i not in self.end_marks
            for i, t in enumerate(tokens)
        )
        self.plain: Hint | None = "paragraph" if structured else None
        self.lists: list[_List] = []
        self.items: list[_Item] = []
        self.item: _Item | None = None
        self.table: _Table | None = None
        self.quote_depth = 0
        self.heading: str | None = None
        self.headline_seen = False
        self.note: tuple[str, str, InlineText] | None = None  # id, label, text of the footnote being read

    def run(self) -> _Parsed:
        for index, token in enumerate(self.tokens):
            self.token(index, token)
        return self.out

    def token(self, index: int, token: Token) -> None:
        kind = token.type
        if index in self.end_marks:
            if token.markup.strip() == "###":
                self.out.blocks.append(RawBlock("###", ("###",)))  # the press end mark, not an empty heading
        elif kind == "heading_open":
            self.heading = token.tag
        elif kind == "heading_close":
            self.heading = None
        elif kind == "blockquote_open":
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(str(token.attrGet("start") or 1))
            self.lists.append(_List(kind == "ordered_list_open", start, token.markup or "-"))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
            if not self.lists:
                self._flush_list()
        elif kind == "list_item_open" and self.lists:
            current = self.lists[-1]
            number = current.start + current.count
            current.count += 1
            marker = f"{number}{current.bullet}" if current.ordered else current.bullet
            self.item = _Item(len(self.lists) - 1, marker)
            self.items.append(self.item)
        elif kind == "list_item_close":
            self.item = None
        elif kind == "footnote_open":
            number = int(token.meta.get("id", len(self.out.notes))) + 1
            self.note = (_note_id(token.meta.get("label"), number), str(number), InlineText())
        elif kind == "footnote_close" and self.note is not None:
            note_id, label, inline = self.note
            _, note_text, marks = inline.finish()
            if note_text:
                self.out.notes.append(Note(note_id, label, note_text, _model_marks(marks), "footnote"))
            self.note = None
        elif kind == "table_open":
            self.table = _Table()
        elif kind == "thead_open" and self.table is not None:
            self.table.in_head = True
        elif kind == "thead_close" and self.table is not None:
            self.table.in_head = False
        elif kind == "tr_close" and self.table is not None:
            (self.table.header if self.table.in_head else self.table.rows).append(tuple(self.table.cells))
            self.table.cells = []
        elif kind == "table_close" and self.table is not None:
            table = Table(rows=tuple(self.table.rows), header=tuple(self.table.header))
            self.out.blocks.append(RawBlock("", hint="embedded", block=table))
            self.table = None
        elif kind == "inline":
            self.inline(token)
        elif kind in ("fence", "code_block"):
            self.lines([fold(line) for line in token.content.split("\n")])
        elif kind == "html_block":
            self.lines([fold(html.unescape(line)) for line in _TAG.sub("", token.content).split("\n")])

    def inline(self, token: Token) -> None:
        if self.table is not None:
            _, text, marks = self.gather(token).finish()
            self.table.cells.append(Cell(text, _model_marks(marks)))
            return
        if self.note is not None:
            inline = self.note[2]
            if not inline.empty:
                inline.newline()  # the note's next paragraph
            self.gather(token, inline)
            return
        if self.item is not None:
            if self.item.started:
                self.item.inline.add(" ")  # the item's next paragraph
            self.gather(token, self.item.inline)
            self.item.started = True
            return
        figure = _figure(token)
        if figure is not None and self.heading is None:
            self.out.blocks.append(RawBlock("", hint="embedded", block=figure))
            return
        lines, text, marks = self.gather(token).finish()
        if not text:
            return
        if self.heading is not None:
            if self.heading == "h1" and not self.headline_seen:
                self.headline_seen = True
                self.out.blocks.append(RawBlock(text, hint="headline", marks=marks))
            else:
                level = min(4, max(2, int(self.heading[1:])))
                self.out.blocks.append(RawBlock(text, hint="heading", marks=marks, level=level))
            return
        hint = "quote" if self.quote_depth else self.plain
        self.out.blocks.append(RawBlock(text, lines, hint=hint, marks=marks))

    def gather(self, token: Token, inline: InlineText | None = None) -> InlineText:
        """The inline token's words and marks, appended to ``inline`` (a new one when None)."""
        inline = inline if inline is not None else InlineText()
        for child in token.children or []:
            kind = child.type
            if kind == "text":
                inline.add(_smarten(child.content) if self.smart else child.content)
            elif kind == "code_inline":
                inline.open("code")
                inline.add(child.content)
                inline.close()
            elif kind == "softbreak":
                inline.newline(hard=False)
            elif kind == "hardbreak":
                inline.newline(hard=True)
            elif kind in _MARK_TOKENS:
                target = str(child.attrGet("href") or "") or None if kind == "link_open" else None
                inline.open(_MARK_TOKENS[kind], target)  # type: ignore[arg-type]
            elif kind in _CLOSE_TOKENS:
                inline.close()
            elif kind == "image":
                inline.add(child.content)  # an image amid words: its alt text stays with them
            elif kind == "footnote_ref":
                number = int(child.meta.get("id", 0)) + 1
                inline.open("noteref", _note_id(child.meta.get("label"), number))
                inline.close()
            # html_inline: a tag, not words
        return inline

    def lines(self, lines: list[str]) -> None:
        """A code or HTML block: its lines as words (in a list item, part of the item)."""
        if self.item is not None:
            for line in lines:
                if line:
                    self.item.inline.add(" " + line if self.item.started else line)
                    self.item.started = True
            return
        kept = tuple(line for line in lines if line)
        if kept:
            hint = "quote" if self.quote_depth else self.plain
            self.out.blocks.append(RawBlock(" ".join(kept), kept, hint=hint))

    def _flush_list(self) -> None:
        texts: list[str] = []
        markers: list[str] = []
        levels: list[int] = []
        item_marks: list[tuple[RawMark, ...]] = []
        for item in self.items:
            _, text, marks = item.inline.finish()
            if text:
                texts.append(text)
                markers.append(item.marker)
                levels.append(item.level)
                item_marks.append(marks)
        ordered = self.lists[0].ordered if self.lists else _first_ordered(markers)
        self.items = []
        if texts:
            self.out.blocks.append(
                RawBlock(
                    " ".join(texts),
                    hint="list",
                    items=tuple(texts),
                    ordered=ordered,
                    markers=tuple(markers),
                    levels=tuple(levels),
                    item_marks=tuple(item_marks),
                )
            )


def _first_ordered(markers: list[str]) -> bool:
    return bool(markers) and markers[0][:1].isdigit()


def _note_id(label: object, number: int) -> str:
    return f"fn-{label}" if label is not None else f"fn-{number}"


def _smarten(text: str) -> str:
    from pressconv.readers.typography import smarten

    return smarten(text, quotes=False)  # markdown-it's smartquotes did the quotes, across markup


def _model_marks(marks: tuple[RawMark, ...]) -> Marks:
    return tuple(Mark(m.start, m.end, m.kind, m.target) for m in marks)


def _figure(token: Token) -> Figure | None:
    """A paragraph that is one image (perhaps linked): the figure it shows."""
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    images = [c for c in children if c.type == "image"]
    others = [c for c in children if c.type not in ("image", "link_open", "link_close", "softbreak")]
    if len(images) != 1 or others:
        return None
    image = images[0]
    title = fold(str(image.attrGet("title") or "")) or None
    src = str(image.attrGet("src") or "") or None
    embedded = _data_uri(src) if src else None
    if embedded is not None:  # the image itself, carried in the text: embedded in every output
        return Figure(alt=fold(image.content), data=embedded[1], media_type=embedded[0], caption=title)
    return Figure(alt=fold(image.content), src=src, caption=title)


_DATA_URI = re.compile(r"^data:(image/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)$", re.IGNORECASE)


def _data_uri(src: str) -> tuple[str, bytes] | None:
    """(media type, bytes) of a base64 ``data:image/…`` URI; None for anything else."""
    found = _DATA_URI.match(src)
    if found is None:
        return None
    try:
        return found.group(1).lower(), base64.b64decode("".join(found.group(2).split()), validate=True)
    except binascii.Error:
        return None
