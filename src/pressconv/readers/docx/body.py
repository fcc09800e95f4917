"""The document body (and each note) -> paragraphs, tables and pictures in reading order.

Body children are read in order: paragraphs, tables, and what wraps them
(content controls, custom XML, inserted or moved-here text).  A table
(``w:tbl``) is rows of cells, each cell's paragraphs and nested tables its
words; its header rows are those marked ``w:tblHeader``, or the first row when
the table style sets it apart; ``w:gridSpan`` and ``w:vMerge`` give spans; a
row deleted with changes tracked is left out.  A text box's paragraphs
follow the paragraph that anchors it.  A drop cap -- a framed paragraph
(``w:framePr w:dropCap``) holding the first letter -- is joined to the word
it starts in the next paragraph.  A paragraph's pictures follow its text.
Footnotes and endnotes are read the same way from their own parts, in the
order the body refers to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeAlias

from pressconv.errors import Notes
from pressconv.readers.blocks import RawMark
from pressconv.readers.docx.inline import Folded, Image, Inline, NoteKind, Piece, fold_pieces, runs
from pressconv.readers.docx.package import MC, Package, Part, w
from pressconv.readers.docx.styles import StyledAs, Styles, num_pr, on, outline

_QUOTE_BOOKMARK_PREFIX = "_Quote_"
# Bits of the legacy w:tblLook w:val: first row formatted apart.
_LOOK_FIRST_ROW = 0x0020


@dataclass(frozen=True, slots=True)
class Para:
    """One non-empty Word paragraph: its words and marks, what its style says, its list numbering."""

    folded: Folded
    role: StyledAs
    level: int = 0
    """Heading level for a heading (0 = most important); nesting depth for a list item (0 = top)."""
    ordered: bool = False
    quote_number: int | None = None
    style: str = ""
    """The paragraph's style id as written (empty for the default style)."""
    numbering: str = ""
    """A list item's numbering instance (``w:numId``): another instance is another list."""

    @property
    def text(self) -> str:
        return self.folded.text

    @property
    def lines(self) -> tuple[str, ...]:
        return self.folded.lines


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell's words (its paragraphs joined by line breaks) and marks."""

    text: str
    marks: tuple[RawMark, ...] = ()
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A Word table: its rows of cells; the first ``header_rows`` rows are column headings."""

    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture standing in the text."""

    image: Image


Item: TypeAlias = Para | Table | Figure


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or endnote: its kind, its id in the notes part, its words and marks."""

    kind: NoteKind
    id: str
    folded: Folded
    label: str | None = None
    """The mark typed in the reference's place ("*"), when the note is not numbered."""


class Reader:
    """Reads paragraphs and tables of one part (the body or a notes part) with the document's styles."""

    def __init__(self, part: Part, styles: Styles, notes: Notes) -> None:
        self.part = part
        self.styles = styles
        self.notes = notes
        self.references: list[str] = []
        """Note references (``footnote:ID``) in reading order."""
        self.labels: dict[str, str] = {}
        """Note references with a typed mark -> that mark."""

    def items(self, container: Any) -> list[Item]:
        found: list[Item] = []
        drop: list[Piece] = []
        for element, inline in self._elements(container):
            if isinstance(element, Table):
                found.append(element)
                found.extend(Figure(image) for image in inline.images)  # pictures in cells follow the table
                continue
            if _drop_cap(element):
                drop.extend(inline.pieces)
                found.extend(Figure(image) for image in inline.images)
                continue
            if drop:
                inline.pieces[:0] = drop  # "D" + "rop cap": one word again
                drop = []
            para = self._para(element, fold_pieces(inline.pieces))
            if para is not None:
                found.append(para)
            found.extend(Figure(image) for image in inline.images)
        if drop:  # a drop cap with nothing after it keeps its letter
            para = Para(fold_pieces(drop), "body")
            if para.text:
                found.append(para)
        return found

    def _elements(self, container: Any) -> Iterator[tuple[Any, Inline]]:
        """(w:p element, its runs) or (Table, the pictures in its cells), in reading order.

        A text box's paragraphs follow the paragraph that anchors it.
        """
        for child in container:
            tag = child.tag
            if tag == w("p"):
                inline = runs(child, self.part, self.styles, self.notes)
                self.references.extend(inline.notes)
                self.labels.update(inline.labels)
                yield child, inline
                for box in _text_boxes(child):
                    yield from self._elements(box)
            elif tag == w("tbl"):
                images: list[Image] = []
                yield self._table(child, images), Inline(images=images)
            elif tag in (w("del"), w("moveFrom"), w("sectPr"), w("tblPr"), f"{{{MC}}}Fallback"):
                continue
            elif isinstance(tag, str):  # w:sdt, w:sdtContent, w:customXml, w:ins, w:moveTo …
                yield from self._elements(child)

    def _para(self, p: Any, folded: Folded) -> Para | None:
        if not folded.text:
            return None
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else None
        role, level, num, numbered_name, depth = self.styles.describe(style_id)
        own_num = num_pr(ppr) if ppr is not None else None
        num = own_num or num
        found = outline(ppr)
        if role == "body" and found is not None:
            role, level = "heading", found
        if role == "body" and num is not None and num[0] != "0":
            role = "item"
        if role == "item" and num is not None and num[0] == "0" and not numbered_name:
            role = "body"
        ordered = False
        if role == "item":
            active = num if num and num[0] != "0" else None
            ordered = self.styles.ordered(active, numbered_name)
            level = max(depth, int(active[1]) if active and active[1].isdigit() else 0)
        quote_number = None
        for mark in p.iter(w("bookmarkStart")):
            name = mark.get(w("name"), "")
            if name.startswith(_QUOTE_BOOKMARK_PREFIX) and name[len(_QUOTE_BOOKMARK_PREFIX) :].isdigit():
                quote_number = int(name[len(_QUOTE_BOOKMARK_PREFIX) :])
                break
        numbering = num[0] if role == "item" and num is not None else ""
        return Para(folded, role, level, ordered, quote_number, style_id or "", numbering)

    def _table(self, tbl: Any, images: list[Image]) -> Table:
        rows: list[list[Cell]] = []
        header_rows = 0
        counting = True
        above: dict[int, tuple[int, int]] = {}  # grid column -> (row, cell) of the cell starting there
        for tr in _rows(tbl):
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                continue  # a row deleted with changes tracked: read as accepted
            column = _number(trpr.find(w("gridBefore")) if trpr is not None else None, 0)
            cells: list[Cell] = []
            for tc in _cells(tr):
                tcpr = tc.find(w("tcPr"))
                span = max(1, _number(tcpr.find(w("gridSpan")) if tcpr is not None else None, 1))
                merge = tcpr.find(w("vMerge")) if tcpr is not None else None
                cell = self._cell(tc, images, span)
                if merge is not None and merge.get(w("val"), "continue") == "continue" and column in above:
                    row_at, cell_at = above[column]
                    if not cell.text:  # covered by the cell above: not listed, the one above spans it
                        owner = rows[row_at][cell_at]
                        rows[row_at][cell_at] = replace(owner, rowspan=owner.rowspan + 1)
                        column += span
                        continue
                above[column] = (len(rows), len(cells))
                cells.append(cell)
                column += span
            if not cells:
                continue
            if counting and trpr is not None and on(trpr.find(w("tblHeader"))):
                header_rows += 1
            else:
                counting = False
            rows.append(cells)
        if not header_rows and rows and self._first_row_styled(tbl) and len(rows) > 1:
            header_rows = 1
        return Table(tuple(tuple(row) for row in rows), header_rows)

    def _cell(self, tc: Any, images: list[Image], colspan: int = 1) -> Cell:
        pieces: list[Piece] = []
        for item in self._flat(tc, self.references, images):
            if pieces:
                pieces.append(Piece("\n"))
            pieces.extend(item)
        folded = fold_pieces(pieces)
        return Cell(folded.text, folded.marks, colspan)

    def _flat(self, container: Any, references: list[str], images: list[Image]) -> Iterator[list[Piece]]:
        """The pieces of every paragraph inside a cell or note, nested tables' cells included, in order."""
        for p in container.iter(w("p")):
            if any(a.tag in (w("del"), w("moveFrom"), f"{{{MC}}}Fallback") for a in p.iterancestors()):
                continue
            inline = runs(p, self.part, self.styles, self.notes)
            references.extend(inline.notes)
            self.labels.update(inline.labels)
            images.extend(inline.images)
            yield inline.pieces

    def _first_row_styled(self, tbl: Any) -> bool:
        """A table whose style formats the first row apart, with that formatting switched on."""
        props = tbl.find(w("tblPr"))
        if props is None:
            return False
        look = props.find(w("tblLook"))
        if look is None:
            return False
        first = look.get(w("firstRow"))
        if first is None:
            try:
                enabled = bool(int(look.get(w("val"), "0"), 16) & _LOOK_FIRST_ROW)
            except ValueError:
                enabled = False
        else:
            enabled = first in ("1", "true", "on")
        style = props.find(w("tblStyle"))
        return enabled and self.styles.header_style(style.get(w("val")) if style is not None else None)

    def notes_in_order(self, package: Package) -> list[Note]:
        """Every footnote and endnote: those referred to first, in reading order, then any others."""
        found: dict[str, Note] = {}
        kinds: tuple[tuple[NoteKind, Part | None], ...] = (
            ("footnote", package.footnotes),
            ("endnote", package.endnotes),
        )
        for kind, part in kinds:
            if part is None:
                continue
            reader = Reader(part, self.styles, self.notes)
            for note in part.root.findall(w(kind)):
                if note.get(w("type")) not in (None, "normal"):
                    continue  # the separator lines Word keeps among the notes
                note_id = note.get(w("id"), "")
                label = self.labels.get(f"{kind}:{note_id}")
                pieces: list[Piece] = []
                for item in reader._flat(note, [], []):
                    if pieces:
                        pieces.append(Piece("\n"))
                    pieces.extend(item)
                folded = fold_pieces(_without_label(pieces, label) if label else pieces)
                if folded.text:
                    found[f"{kind}:{note_id}"] = Note(kind, note_id, folded, label)
        ordered = [found.pop(ref) for ref in dict.fromkeys(self.references) if ref in found]
        return ordered + list(found.values())


def _without_label(pieces: list[Piece], label: str) -> list[Piece]:
    """A note's pieces without the typed mark that opens it ("* The survey…" -> "The survey…")."""
    for at, piece in enumerate(pieces):
        if piece.note is not None or not piece.text.strip():
            continue
        if piece.text.lstrip().startswith(label):
            rest = piece.text.lstrip()[len(label) :]
            return [*pieces[:at], Piece(rest, piece.marks, piece.link), *pieces[at + 1 :]]
        break
    return pieces


def _drop_cap(p: Any) -> bool:
    frame = p.find(f"{w('pPr')}/{w('framePr')}")
    return frame is not None and frame.get(w("dropCap")) in ("drop", "margin")


def _text_boxes(p: Any) -> list[Any]:
    """The outermost text box contents of a paragraph's drawings, the fallback copy left out."""
    boxes = []
    for box in p.iter(w("txbxContent")):
        if not any(a.tag in (w("txbxContent"), f"{{{MC}}}Fallback") for a in box.iterancestors()):
            boxes.append(box)
    return boxes


def _rows(tbl: Any) -> Any:
    for child in tbl:
        if child.tag == w("tr"):
            yield child
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml"), w("ins"), w("moveTo")):
            yield from _rows(child)


def _cells(tr: Any) -> Any:
    for child in tr:
        if child.tag == w("tc"):
            yield child
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _cells(child)


def _number(element: Any, default: int) -> int:
    value = element.get(w("val"), "") if element is not None else ""
    return int(value) if value.isdigit() else default
