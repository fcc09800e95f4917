"""Decoded text -> raw blocks, and the mutable working block every inference rule refines.

A paragraph break is one or more lines that are empty or hold only whitespace
(no-break spaces included).  Inside a block each line has its whitespace runs
folded to one space; the block's text joins the lines with a space.  Other
readers (Markdown, HTML, DOCX) build ``RawBlock`` values themselves, with a
``hint`` where their format already says what a block is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal, NamedTuple, TypeAlias

from pressconv import lazy_re
from pressconv.model import Block, Quotation

Hint: TypeAlias = Literal["headline", "subtitle", "heading", "quote", "list", "paragraph", "embedded"]
# The part of the release a block belongs to: the body, or the "About …" boilerplate after it.
ReleasePart: TypeAlias = Literal["body", "boilerplate"]
MarkKind: TypeAlias = Literal["emphasis", "strong", "link", "code", "break", "noteref"]


class RawMark(NamedTuple):
    """Inline markup a format states over a raw block's text (or over one list item's text).

    ``start``/``end`` are character offsets into the folded text (``RawBlock.text``,
    or the item); a ``break`` (a line break inside the block) is zero-width.
    ``target`` is a link's URL or a note reference's note label.  The rules may
    trim or split the text (a glued heading, a contact block, a dateline): marks
    follow the words they cover or are dropped, never shifted onto other words
    (see ``marks.MarkTrail``).
    """

    start: int
    end: int
    kind: MarkKind
    target: str | None = None


class Kind(StrEnum):
    """What a working block has been found to be; rules and the assembler match on it exhaustively."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    QUOTE = "quote"
    HEADLINE = "headline"
    SUBTITLE = "subtitle"
    FURNITURE = "furniture"
    EMBEDDED = "embedded"
    """A finished model block the format built itself (a table, a figure): passed through the rules."""


# The members as module constants: reading ``Kind.X`` through the class costs an enum look-up on every
# use (about ten times a name look-up on Python 3.11), and the rules compare kinds in every loop.
PARAGRAPH: Final = Kind.PARAGRAPH
HEADING: Final = Kind.HEADING
LIST: Final = Kind.LIST
QUOTE: Final = Kind.QUOTE
HEADLINE: Final = Kind.HEADLINE
SUBTITLE: Final = Kind.SUBTITLE
FURNITURE: Final = Kind.FURNITURE
EMBEDDED: Final = Kind.EMBEDDED


# The reason of a block that is a page number or running head of the source's pages: kept as text, set
# apart, and it does not part a quotation that runs on across the page break.
PAGINATION: Final = "pagination: a page number or running head of the source's pages, kept as text, set apart"
# The reason of the header of a forwarded or replied e-mail (set apart, kept as text): what is above it is
# the forwarder's cover note.
MAIL_HEADER: Final = "the header of a forwarded e-mail: kept as text, set apart from the release"
# The reason of the issuer's letterhead above the release notice; a name in it ("Sheriff Leonard T. Dunning")
# is the fullest form of a speaker's name the text may give.
LETTERHEAD: Final = "letterhead above the release notice -> metadata.publisher"


# A line holding only whitespace; str.isspace() covers NBSP and the other Unicode spaces.
_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")
_INDENT = re.compile(r"^(?:\t|[^\S\n]{2,})")
_LIST_LINE = lazy_re.compile(r"^\s*(?:[-*•·▪◦‣⁃►■□●○✓✔–o]|\d{1,2}[.)]|[a-z]\)|\((?:\d{1,2}|[a-z])\))\s")


class RawBlock(NamedTuple):
    """One block of source text before inference.

    ``text`` is the block's words, whitespace folded; ``lines`` the source lines
    (folded) when the format has lines, else empty.  ``hint`` says what the
    source format already knows; for a ``list`` hint, ``items`` (and optionally
    ``markers`` and ``ordered``) carry the items.  What else a format may state:
    ``speaker`` and ``attribution`` of a quote (used as given, not inferred),
    ``derived`` on a ``headline`` block (the headline was derived from the lede,
    so it is not body text and the Document says ``headline_derived``), and
    ``role`` on a ``heading`` block (``boilerplate`` for an "About …" section).

    A named tuple, like ``RawMark``: a reader makes one per paragraph, and a tuple is built in one step
    where a frozen dataclass sets each of its sixteen fields through ``object.__setattr__``.
    """

    text: str
    lines: tuple[str, ...] = ()
    hint: Hint | None = None
    items: tuple[str, ...] = ()
    ordered: bool = False
    markers: tuple[str, ...] = ()
    speaker: str | None = None
    attribution: str | None = None
    derived: bool = False
    role: ReleasePart | None = None
    marks: tuple[RawMark, ...] = ()
    item_marks: tuple[tuple[RawMark, ...], ...] = ()
    level: int | None = None
    levels: tuple[int, ...] = ()
    block: Block | None = None
    folded: bool = False
    """True when ``text`` is folded already (``split_blocks`` folds every line): ``to_work`` does not
    fold it again.  A reader that is not sure leaves it false."""


# A one-line block of ``split_blocks``: every field after ``text`` and ``lines`` at its default, and
# ``folded``.  Built with ``tuple.__new__``, the same tuple without the named tuple's Python-level
# ``__new__`` (one per paragraph of the text).
_FOLDED_DEFAULTS: Final = (*(RawBlock._field_defaults[name] for name in RawBlock._fields[2:-1]), True)
_new_tuple = tuple.__new__


class Partial(NamedTuple):
    """A direct quotation inside a narrative paragraph, as the speaker rule found it."""

    start: int
    end: int
    speaker: str | None
    clause: str | None
    """The attribution clause as written, when one was found in the quotation's sentence."""
    reason: str
    """How the speaker was bound, for ``parse --explain``."""


@dataclass(slots=True)
class Work:
    """A block while the rules run: each rule may change its kind and says why."""

    text: str
    lines: list[str]
    hint: Hint | None = None
    kind: Kind = PARAGRAPH
    reason: str = ""
    # Tuples until a list rule merges items into them: most blocks are no list, and a list per
    # block per field is garbage-collector work on large documents.
    items: tuple[str, ...] | list[str] = ()
    markers: tuple[str, ...] | list[str] = ()
    ordered: bool = False
    role: ReleasePart = "body"
    stated_role: ReleasePart | None = None
    """The section role the source format states for a heading."""
    level: int | None = None
    """A heading's level as the source format states it (None: not stated)."""
    levels: tuple[int, ...] = ()
    """A source list's nesting depth per item (empty: every item at the outermost level)."""
    block: Block | None = None
    """An ``EMBEDDED`` block's finished model block."""
    date_line: bool = False
    """A line holding only a date above the body (its date may date the document); also ``aside``."""
    aside: bool = False
    """Text set apart from the release: kept as text, but never headline, heading, dek or lede (a
    lone date line, the header of a forwarded e-mail)."""
    # Quote analysis (filled by the quote rule).
    quoted_share: float = 0.0
    opens_unclosed: bool = False
    spans: tuple[tuple[int, int], ...] = ()
    continues_quote: bool = False
    speaker: str | None = None
    speaker_title: str | None = None
    attribution: str | None = None
    speaker_reason: str = ""
    stated_speaker: str | None = None
    """The quote's speaker as the source format states it (used instead of the inferred one)."""
    stated_attribution: str | None = None
    partial: tuple[Partial, ...] = ()
    """A paragraph's direct quotations with their speakers (set by the speaker and statement rules)."""
    quotations: tuple[Quotation, ...] = ()
    """Every direct quotation of the block, in the model's form (set by the quotations rule)."""

    @property
    def one_line(self) -> bool:
        """True when the block was a single source line."""
        return len(self.lines) <= 1


def fold(text: str) -> str:
    """Whitespace runs (any Unicode space) folded to one space, ends trimmed."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # already folded: every Unicode space but " " is unprintable
    stripped = text.strip()  # the same spaces as split(): a line that only ends in spaces (or a NBSP)
    if stripped.isprintable() and "  " not in stripped:
        return stripped
    return " ".join(text.split())


def split_blocks(text: str) -> list[RawBlock]:
    """The text's blocks, separated by blank or whitespace-only lines (or first-line indents, see below)."""
    blocks: list[RawBlock] = []
    for chunk in _BREAK.split(text):
        if "\n" not in chunk:  # a one-line paragraph (unwrapped copy): the common case, read directly
            line = fold(chunk)
            if line:
                blocks.append(_new_tuple(RawBlock, (line, (line,), *_FOLDED_DEFAULTS)))
            continue
        for part in _indented_paragraphs(chunk.split("\n")):
            lines = tuple(folded for folded in (fold(line) for line in part) if folded)
            if lines:
                # folded lines joined by single spaces: folded too
                blocks.append(_new_tuple(RawBlock, (" ".join(lines), lines, *_FOLDED_DEFAULTS)))
    return blocks


def _indented_paragraphs(lines: list[str]) -> list[list[str]]:
    """Copy that marks paragraphs by indenting their first line, with no blank lines: one part each.

    Only when the chunk opens with an indented line, later lines are indented
    again, and no line is a list item (whose wrapped lines are indented too).
    """
    if len(lines) < 3 or not _INDENT.match(lines[0]) or any(_LIST_LINE.match(line) for line in lines):
        return [lines]
    starts = [i for i, line in enumerate(lines) if _INDENT.match(line) and line.strip()]
    if len(starts) < 2 or len(starts) == len([line for line in lines if line.strip()]):
        return [lines]  # every line indented: an indented block, not indented paragraphs
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def to_work(raw: RawBlock) -> Work:
    """A working block from a raw block."""
    text = raw.text if raw.folded else fold(raw.text)  # folded once, not for its lines again
    work = Work(text, list(raw.lines) if raw.lines else [text], raw.hint)  # positional: quicker
    if raw.speaker:
        work.stated_speaker, work.stated_attribution = fold(raw.speaker), raw.attribution
    if raw.role is not None:
        work.stated_role = raw.role
    if raw.level is not None:
        work.level = raw.level
    if raw.hint == "embedded":
        work.kind, work.block, work.reason = EMBEDDED, raw.block, "embedded (source format)"
        return work
    if raw.hint == "list":
        work.kind = LIST
        work.items = tuple(fold(item) for item in raw.items)
        work.markers = raw.markers
        work.ordered = raw.ordered
        work.levels = raw.levels if len(raw.levels) == len(raw.items) else ()
        work.reason = "list (source format)"
    return work
