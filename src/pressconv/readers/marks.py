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

from bisect import bisect_left, bisect_right
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
    def blank_line(self) -> bool:
        """True when a line was started and nothing but whitespace came since (two line breaks in a row)."""
        if not self._lines:
            return False
        start, at, gathered = self._lines[-1], self._length, []
        for part in reversed(self._parts):
            if at <= start:
                break
            gathered.append(part[max(0, start - (at - len(part))) :])
            at -= len(part)
        return not "".join(gathered).strip()

    def carry(self) -> InlineText:
        """A new, empty text with this one's open marks open in it (a block that starts inside a link)."""
        following = InlineText()
        following._open = [_Open(0, mark.kind, mark.target) for mark in self._open]
        return following

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
        spans = self._marks
        line_starts = self._lines
        if clean is not None:
            cleaned = clean(raw)
            if len(cleaned) != len(raw):  # characters removed: every offset moves back past them
                gone = sorted(_removed(raw, cleaned))
                spans = [(_less(s, gone), _less(e, gone), k, g) for s, e, k, g in spans]
                line_starts = [_less(offset, gone) for offset in line_starts]
                raw = cleaned
        # the folded text, and the new offset of each raw offset a mark or a line needs: whitespace
        # runs become one space, lines are joined by one space (an offset inside whitespace may land on
        # either side of its space: marks are trimmed of spaces below)
        needed = sorted({offset for s, e, _, _ in spans for offset in (s, e)})
        where: dict[int, int] = {}
        out: list[str] = []
        lines: list[str] = []
        length = 0
        for start, end in pairwise([0, *line_starts, len(raw)]):
            line: list[str] = []
            line_length = 0
            pending = False
            relative: list[tuple[int, int]] = []
            at = start
            for cut in [*needed[bisect_left(needed, start) : bisect_right(needed, end)], end]:
                piece = raw[at:cut]
                if piece:
                    if line_length and piece[0].isspace():
                        pending = True
                    words = piece.split()
                    if words:
                        if pending:
                            line.append(" ")
                            line_length += 1
                        folded = " ".join(words)
                        line.append(folded)
                        line_length += len(folded)
                        pending = piece[-1].isspace()
                relative.append((cut, line_length))
                at = cut
            base = length + 1 if lines else length
            for offset, position in relative:
                where[offset] = base + position
            if line_length:
                text_line = "".join(line)
                if lines:
                    out.append(" ")
                lines.append(text_line)
                out.append(text_line)
                length = base + line_length
        text = "".join(out)
        marks: list[RawMark] = []
        for start, end, kind, target in sorted(spans, key=lambda m: (m[0], -m[1])):
            a, b = min(where.get(start, 0), len(text)), min(where.get(end, 0), len(text))
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
        return tuple(lines), text, tuple(_unique_breaks(_merged(text, marks)))


def joined(
    pieces: Sequence[tuple[str, tuple[RawMark, ...]]], *, broken: bool = True
) -> tuple[str, tuple[RawMark, ...]]:
    """Folded texts with their marks joined by a space; ``broken`` puts a ``break`` mark at each join
    (paragraphs of one table cell, list item or note)."""
    text = ""
    marks: list[RawMark] = []
    for piece, piece_marks in pieces:
        if not piece:
            continue
        if text:
            text += " "
            if broken:
                marks.append(RawMark(len(text), len(text), "break"))
        shift = len(text)
        marks.extend(m._replace(start=m.start + shift, end=m.end + shift) for m in piece_marks)
        text += piece
    return text, tuple(marks)


def shifted(marks: tuple[RawMark, ...], start: int, end: int) -> tuple[RawMark, ...]:
    """The marks over ``text[start:end]`` with offsets into that slice (clipped; dropped when outside)."""
    return _clipped(marks, start, end)


def _less(offset: int, gone: list[int]) -> int:
    """``offset`` moved back by the removed characters before it."""
    return offset - bisect_left(gone, offset)


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


def _merged(text: str, marks: list[RawMark]) -> list[RawMark]:
    """Marks of one kind and target that only whitespace separates, as one (``<em>a</em> <em>b</em>``,
    or a writer's emphasis cut at a quotation's edge)."""
    out: list[RawMark] = []
    for mark in marks:
        twin = next(
            (
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i].kind == mark.kind
                and out[i].target == mark.target
                and out[i].end <= mark.start
                and not text[out[i].end : mark.start].strip()
            ),
            None,
        )
        if twin is not None and mark.kind not in ("break", "noteref") and _alone(out, twin, mark.start):
            out[twin] = out[twin]._replace(end=max(out[twin].end, mark.end))
            continue
        out.append(mark)
    return out


def _alone(marks: list[RawMark], index: int, until: int) -> bool:
    """True when no mark after ``marks[index]`` starts before ``until`` (merging would cross it)."""
    return all(m.start >= until or m.kind in ("break", "noteref") for m in marks[index + 1 :])


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
        self._at = 0
        self._offset = 0
        if not any(raw.marks or any(raw.item_marks) for raw in raw_blocks):
            self.marked = False  # plain text: no block has a mark, so nothing is folded or looked for
            return
        for raw in raw_blocks:
            if raw.items:
                marks = raw.item_marks if len(raw.item_marks) == len(raw.items) else ((),) * len(raw.items)
                self._texts.extend(_checked(item, m) for item, m in zip(raw.items, marks, strict=True))
            elif raw.text:
                self._texts.append(_checked(raw.text, raw.marks))
        self.marked = any(marks for _, marks in self._texts)

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
