"""Inline marks from a format's markup to the finished blocks: gathered with the text, found after the rules.

Readers gather a block's text piece by piece (HTML text nodes, DOCX runs) and
open and close marks between the pieces; ``InlineText`` folds the whitespace
the way every reader does (``fold``) and moves each mark's offsets with it.
The rules then may split a block (a glued heading, a contact block, unwrapped
paragraphs) or take part of it into the metadata; ``MarkTrail`` walks the raw
blocks' texts in order and finds each finished block's text in them, so a mark
keeps covering the same words, is clipped where the block was cut, or is
dropped when the text is not found -- never moved onto other words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from pressconv.readers.blocks import MarkKind, RawBlock, RawMark, fold

#: How many raw texts past the current one a finished block's text is looked for.
_LOOK_AHEAD = 8


@dataclass(slots=True)
class _Open:
    start: int
    kind: MarkKind
    target: str | None


@dataclass(slots=True)
class InlineText:
    """One block's text as a reader gathers it, with marks and line breaks at raw offsets."""

    _parts: list[str] = field(default_factory=list)
    _length: int = 0
    _open: list[_Open] = field(default_factory=list)
    _marks: list[tuple[int, int, MarkKind, str | None]] = field(default_factory=list)
    _lines: list[int] = field(default_factory=list)
    """Raw offsets where a new line starts."""

    def add(self, text: str) -> None:
        """Append text (whitespace is folded at the end)."""
        if text:
            self._parts.append(text)
            self._length += len(text)

    def open(self, kind: MarkKind, target: str | None = None) -> None:
        """Start a mark at the current position; ``close`` ends the innermost open one."""
        self._open.append(_Open(self._length, kind, target))

    def close(self) -> None:
        if self._open:
            mark = self._open.pop()
            self._marks.append((mark.start, self._length, mark.kind, mark.target))

    def newline(self, *, hard: bool = True) -> None:
        """A line break: a new source line, and a ``break`` mark when ``hard`` (an HTML ``br``)."""
        self._lines.append(self._length)
        if hard:
            self._marks.append((self._length, self._length, "break", None))

    @property
    def empty(self) -> bool:
        return not any(part.strip() for part in self._parts)

    def finish(
        self, clean: Callable[[str], str] | None = None
    ) -> tuple[tuple[str, ...], str, tuple[RawMark, ...]]:
        """The folded lines (empty ones left out), the block's text (lines joined by a space), the marks.

        ``clean`` may remove characters from the text (XML-illegal ones); it is
        called once on the whole text.  Marks still open are closed at the end.
        A mark that covers only whitespace is dropped; a ``break`` at the start
        or end of the text too.
        """
        while self._open:
            self.close()
        raw = "".join(self._parts)
        removed = _removed(raw, clean(raw)) if clean is not None else frozenset()
        bounds = [0, *self._lines, len(raw)]
        # new offset of every raw offset: the folded line's characters are copied, whitespace runs
        # become one space, and lines are joined by one space
        where = [0] * (len(raw) + 1)
        out: list[str] = []
        lines: list[str] = []
        length = 0
        for start, end in pairwise(bounds):
            line: list[str] = []
            pending = False
            joined = bool(lines)
            for i in range(start, end):
                ch = raw[i]
                if removed and i in removed:
                    where[i] = length + len(line)
                    continue
                if ch.isspace():
                    pending = bool(line)
                    where[i] = length + len(line) + (1 if joined and not line else 0)
                    continue
                if pending:
                    line.append(" ")
                    pending = False
                if not line and joined:
                    out.append(" ")
                    length += 1
                    joined = False
                where[i] = length + len(line)
                line.append(ch)
            where[end] = length + len(line)
            if line:
                text_line = "".join(line)
                lines.append(text_line)
                out.append(text_line)
                length += len(text_line)
        text = "".join(out)
        marks: list[RawMark] = []
        for start, end, kind, target in sorted(self._marks, key=lambda m: (m[0], -m[1])):
            a, b = min(where[start], len(text)), min(where[end], len(text))
            if kind == "break":
                if 0 < b < len(text):
                    marks.append(RawMark(b, b, kind))
                continue
            if kind == "noteref":  # zero-width where the reference stood, the end of the text included
                marks.append(RawMark(a, a, kind, target))
                continue
            while a < b and text[a] == " ":
                a += 1
            while b > a and text[b - 1] == " ":
                b -= 1
            if a < b:
                marks.append(RawMark(a, b, kind, target))
        return tuple(lines), text, tuple(_unique_breaks(marks))


def _removed(raw: str, cleaned: str) -> frozenset[int]:
    """The offsets of the characters of ``raw`` that ``cleaned`` lacks (a removed one is never a kept one)."""
    if len(cleaned) == len(raw):
        return frozenset()
    gone: set[int] = set()
    j = 0
    for i, ch in enumerate(raw):
        if j < len(cleaned) and cleaned[j] == ch:
            j += 1
        else:
            gone.add(i)
    return frozenset(gone)


def _unique_breaks(marks: list[RawMark]) -> Iterable[RawMark]:
    seen: set[int] = set()
    for mark in marks:
        if mark.kind == "break":
            if mark.start in seen:
                continue
            seen.add(mark.start)
        yield mark


class MarkTrail:
    """The raw blocks' texts in source order, for finding the marks of each finished block's text.

    Call ``take`` with every finished text in order (a block's text, or each
    item of a list).  The text is looked for from where the last one was found,
    in the current raw text and a few after it; found, the raw text's marks are
    clipped to it and moved to its offsets; not found, it has no marks.
    """

    def __init__(self, raw_blocks: Sequence[RawBlock]) -> None:
        self._texts: list[tuple[str, tuple[RawMark, ...]]] = []
        for raw in raw_blocks:
            if raw.items:
                marks = raw.item_marks if len(raw.item_marks) == len(raw.items) else ((),) * len(raw.items)
                self._texts.extend(_checked(item, m) for item, m in zip(raw.items, marks, strict=True))
            elif raw.text:
                self._texts.append(_checked(raw.text, raw.marks))
        self.marked = any(marks for _, marks in self._texts)
        self._at = 0
        self._offset = 0

    def take(self, text: str) -> tuple[RawMark, ...]:
        """The marks over ``text``, the next finished text of the document; () when none or not found."""
        if not text or not self.marked:
            return ()
        for index in range(self._at, min(self._at + _LOOK_AHEAD + 1, len(self._texts))):
            source, marks = self._texts[index]
            start = self._offset if index == self._at else 0
            found = source.find(text, start)
            if found < 0:
                continue
            self._at, self._offset = index, found + len(text)
            return _clipped(marks, found, found + len(text)) if marks else ()
        return ()


def _checked(text: str, marks: tuple[RawMark, ...]) -> tuple[str, tuple[RawMark, ...]]:
    """The folded text and its marks; the marks are dropped when they do not fit the folded text."""
    folded = fold(text)
    if folded != text or any(not 0 <= m.start <= m.end <= len(text) for m in marks):
        return folded, ()
    return folded, marks


def _clipped(marks: tuple[RawMark, ...], start: int, end: int) -> tuple[RawMark, ...]:
    kept: list[RawMark] = []
    for mark in marks:
        if mark.kind == "break":
            if start < mark.start < end:
                kept.append(mark._replace(start=mark.start - start, end=mark.start - start))
            continue
        if mark.kind == "noteref":
            if start <= mark.start <= end:
                kept.append(mark._replace(start=mark.start - start, end=mark.start - start))
            continue
        a, b = max(mark.start, start), min(mark.end, end)
        if a < b:
            kept.append(mark._replace(start=a - start, end=b - start))
    return tuple(kept)
