"""A model Table as a real Word table: the table style, a repeated header row, merged cells, a caption.

The caption is a Caption-style paragraph above the table (where Word's Insert
Caption puts a table's) and also the table's w:tblCaption, the title assistive
technology announces.  Header rows are marked w:tblHeader, so Word repeats
them on every page the table runs onto, and the table style's first-row look
sets them apart.  Spans become w:gridSpan and w:vMerge; a row shorter than the
grid is padded with empty cells, so every row fills the grid as Word expects.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree  # type: ignore[import-untyped]

from pressconv.model import Cell, Marks, Table
from pressconv.writers.docx.ooxml import w
from pressconv.writers.docx.styles import TextKind

#: Text width in twips that fits both page sizes (A4 less two one-inch margins).
TEXT_WIDTH = 11906 - 2 * 1440

#: Writes ``text`` with its ``marks`` into a new paragraph of style ``style_id`` under ``parent``.
Writer = Callable[[etree._Element, str, str, Marks], etree._Element]

# (column, columns spanned, the cell, True for the first row of a vertical merge)
_Slot = tuple[int, int, Cell | None, bool]


def table(
    parent: etree._Element, model: Table, ids: dict[TextKind, str], paragraph: Writer, *, rtl: bool = False
) -> None:
    """Append the caption paragraph (if any) and the w:tbl to ``parent``; ``rtl``: columns run right to
    left (w:bidiVisual), as a right-to-left document's tables do."""
    if model.caption:
        paragraph(parent, ids["caption"], model.caption, model.caption_marks)
    rows = [*model.header, *model.rows]
    columns, layout = _layout(rows)
    element = etree.SubElement(parent, w("tbl"))
    properties = etree.SubElement(element, w("tblPr"))
    etree.SubElement(properties, w("tblStyle"), {w("val"): ids["table"]})
    if rtl:
        etree.SubElement(properties, w("bidiVisual"))
    etree.SubElement(properties, w("tblW"), {w("w"): "5000", w("type"): "pct"})
    # w:val for Word 2007 (0x0020 first row, 0x0200 no row bands, 0x0400 no column bands), the rest after.
    look = {"val": "0620" if model.header else "0600"}
    look |= {"firstRow": "1" if model.header else "0", "lastRow": "0", "firstColumn": "0", "lastColumn": "0"}
    look |= {"noHBand": "1", "noVBand": "1"}
    etree.SubElement(properties, w("tblLook"), {w(k): v for k, v in look.items()})
    if model.caption:
        etree.SubElement(properties, w("tblCaption"), {w("val"): model.caption})
    width = TEXT_WIDTH // max(columns, 1)
    grid = etree.SubElement(element, w("tblGrid"))
    for _ in range(columns):
        etree.SubElement(grid, w("gridCol"), {w("w"): str(width)})
    for index, slots in enumerate(layout):
        row = etree.SubElement(element, w("tr"))
        if index < len(model.header):
            # Repeated at the top of each page; Word repeats only header rows that open the table.
            etree.SubElement(etree.SubElement(row, w("trPr")), w("tblHeader"))
        for _column, span, cell, first in slots:
            tc = etree.SubElement(row, w("tc"))
            tc_properties = etree.SubElement(tc, w("tcPr"))
            etree.SubElement(tc_properties, w("tcW"), {w("w"): str(width * span), w("type"): "dxa"})
            if span > 1:
                etree.SubElement(tc_properties, w("gridSpan"), {w("val"): str(span)})
            if cell is not None and cell.rowspan > 1 and first:
                etree.SubElement(tc_properties, w("vMerge"), {w("val"): "restart"})
            elif cell is not None and not first:
                etree.SubElement(tc_properties, w("vMerge"))
            if cell is not None and first:
                paragraph(tc, ids["table_text"], cell.text, cell.marks)
            else:  # a merged continuation or padding: a cell must hold a paragraph
                etree.SubElement(tc, w("p"))


def _layout(rows: list[tuple[Cell, ...]]) -> tuple[int, list[list[_Slot]]]:
    """The grid's width and each row's slots, left to right, with cells covered by spans filled in."""
    covered: dict[tuple[int, int], tuple[Cell, int, int]] = {}  # (row, col) -> (cell, row offset, col offset)
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            colspan, rowspan = max(cell.colspan, 1), max(cell.rowspan, 1)
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    covered.setdefault((r + dr, c + dc), (cell, dr, dc))
            c += colspan
    columns = 1 + max((c for _, c in covered), default=-1)
    layout: list[list[_Slot]] = []
    for r in range(len(rows)):
        slots: list[_Slot] = []
        c = 0
        while c < columns:
            found = covered.get((r, c))
            if found is None or found[2] != 0:
                slots.append((c, 1, None, True))
                c += 1
                continue
            cell, dr, _ = found
            span = max(cell.colspan, 1)
            slots.append((c, span, cell, dr == 0))
            c += span
        layout.append(slots)
    return columns, layout
