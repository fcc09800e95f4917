"""Tables and figures: reportlab Table and Image flowables, tagged Table/TR/TH/TD and Figure with Alt.

A table keeps its header rows at the top of every page it runs onto (``repeatRows``); on the
pages after the first the repeated header is drawn as a pagination artifact, so the structure
tree holds each header cell's words once.  Grid lines and shading are layout artifacts.  A
cell spanning rows or columns is placed with reportlab's SPAN and tagged with RowSpan/ColSpan.

A figure with image bytes is drawn scaled to the column (and at most half a page high) and tagged
``Figure`` with its alt text as ``/Alt``; its caption and credit follow as paragraphs.  A figure
whose image is only referenced (a URL or path: nothing to embed) shows its alt text instead, in
the caption's style, so its words still reach the page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import CondPageBreak, Flowable, Image, TableStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from pressconv.errors import Notes
from pressconv.model import Cell, Figure, Marks, Table
from pressconv.writers.pdf.styles import Styles
from pressconv.writers.pdf.tagging import LAYOUT, REPEATED_HEADER, Marked, StructElem, Tagger

#: Room (points) a table needs left on the page to start there: its caption and a few rows.
TABLE_START = 96.0


@dataclass(frozen=True, slots=True)
class Cells:
    """What the handlers here need of the render: styles, a paragraph maker, the notes collector."""

    styles: Styles
    para: Callable[[str, ParagraphStyle, Marks], RLParagraph]
    """A paragraph for a text in a style with its marks (escaped, fonts chosen, bidi-aware)."""
    logical: Callable[[StructElem, str], StructElem]
    """The element, given the text as ActualText when it is drawn right to left."""
    notes: Notes
    image_label: str
    """An image's alternative text where the source gave neither alt text nor caption (its language's)."""


def _artifacts(table: RLTable, event: str, *args: Any) -> None:
    """reportlab's table render callback: shading and rules drawn as layout artifacts."""
    tagger: Tagger | None = getattr(table.canv, "tagger", None)
    if tagger is None:
        return
    if event in ("startBG", "startLines"):
        tagger.begin(table.canv, LAYOUT)
    elif event in ("endBG", "endLines"):
        tagger.end(table.canv)


def _grid(rows: list[tuple[Cell, ...]]) -> tuple[list[list[tuple[int, Cell] | None]], int]:
    """Cells placed on a grid (row, column) around the spans above and to the left; and the width."""
    taken: set[tuple[int, int]] = set()
    placed: list[list[tuple[int, Cell]]] = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        here: list[tuple[int, Cell]] = []
        for cell in row:
            while (r, c) in taken:
                c += 1
            here.append((c, cell))
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    taken.add((r + dr, c + dc))
            c += max(1, cell.colspan)
        placed.append(here)
        width = max([width, c, *(cc + 1 for rr, cc in taken if rr == r)])
    grid: list[list[tuple[int, Cell] | None]] = [[None] * width for _ in rows]
    for r, here in enumerate(placed):
        for c, cell in here:
            grid[r][c] = (c, cell)
    return grid, width


def table(cells: Cells, block: Table, parent: StructElem) -> list[Flowable]:
    styles = cells.styles
    elem = parent.add("Table")
    flowables: list[Flowable] = []
    if block.caption:
        caption = cells.logical(elem.add("Caption"), block.caption)
        flowables.append(Marked(cells.para(block.caption, styles.caption, block.caption_marks), caption))
    rows = [*block.header, *block.rows]
    if not rows:
        return flowables
    grid, width = _grid(rows)
    header_count = len(block.header)
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # Empty grid cells are drawn as empty strings: in an embedded face, never reportlab's Helvetica.
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.rule_color),
        ("BOX", (0, 0), (-1, -1), 0.6, styles.rule_color),
    ]
    if header_count:
        commands.append(("BACKGROUND", (0, 0), (-1, header_count - 1), styles.header_fill))
        commands.append(("LINEBELOW", (0, header_count - 1), (-1, header_count - 1), 1.0, styles.rule_color))
    for r, line in enumerate(grid):
        tr = elem.add("TR")
        header = r < header_count
        values: list[Any] = []
        for slot in line:
            if slot is None:
                values.append("")
                continue
            c, cell = slot
            tag = "TH" if header else "TD"
            attributes = {"O": "Table"}
            if header:
                attributes["Scope"] = "Column"
            if cell.colspan > 1:
                attributes["ColSpan"] = str(cell.colspan)
            if cell.rowspan > 1:
                attributes["RowSpan"] = str(cell.rowspan)
            cell_elem = cells.logical(tr.add(tag), cell.text)
            cell_elem.attributes = attributes
            style = styles.cell_header if header else styles.cell
            values.append(
                Marked(
                    cells.para(cell.text, style, cell.marks),
                    cell_elem,
                    repeated=REPEATED_HEADER if header else None,
                )
            )
            if cell.colspan > 1 or cell.rowspan > 1:
                end = (c + max(1, cell.colspan) - 1, r + max(1, cell.rowspan) - 1)
                commands.append(("SPAN", (c, r), end))
        data.append(values)
    flowables.append(
        RLTable(
            data,
            colWidths=[f"{100 / width:.4f}%"] * width,
            repeatRows=header_count,
            style=TableStyle(commands),
            hAlign="LEFT",
            spaceBefore=4,
            spaceAfter=styles.body.spaceAfter,
            renderCB=cast(Any, _artifacts),  # any callable: reportlab calls it per event
        )
    )
    # The caption and the first rows start on one page: a page break unless there is room for a few rows
    # (not keepWithNext, which would move a table longer than the space left to the next page whole).
    return [CondPageBreak(TABLE_START), *flowables]


class _Picture(Image):
    """An image scaled into the space it is given: the column width, at most ``max_height`` high."""

    def __init__(self, data: bytes, max_height: float) -> None:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
        super().__init__(io.BytesIO(data), width=float(width), height=float(height))
        self.max_height = max_height
        self.hAlign = "LEFT"  # in line with its caption

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        natural_w, natural_h = self.imageWidth, self.imageHeight
        scale = min(1.0, avail_width / natural_w, self.max_height / natural_h)
        self.drawWidth, self.drawHeight = natural_w * scale, natural_h * scale
        return super().wrap(avail_width, avail_height)


def figure(cells: Cells, block: Figure, parent: StructElem) -> list[Flowable]:
    styles = cells.styles
    elem = parent.add("Figure")
    elem.alt = block.alt or block.caption or cells.image_label
    flowables: list[Flowable] = []
    picture: Flowable | None = None
    if block.data:
        try:
            picture = _Picture(block.data, styles.measures.figure_max_height)
        except Exception:  # PIL raises many kinds on bytes it cannot read
            cells.notes.warn(
                "bad-image", f"an image ({block.media_type or 'unknown type'}) could not be read"
            )
    if picture is not None:
        flowables.append(Marked(picture, elem))
    elif block.alt:
        flowables.append(Marked(cells.para(block.alt, styles.caption, ()), elem))
    for text, marks in ((block.caption, block.caption_marks), (block.credit, ())):
        if text:
            flowables.append(
                Marked(cells.para(text, styles.caption, marks), cells.logical(parent.add("P"), text))
            )
    first = flowables[0] if flowables else None
    if len(flowables) > 1 and isinstance(first, Marked):
        first.keep_with_next()  # an image never ends a page without its caption
    return flowables
