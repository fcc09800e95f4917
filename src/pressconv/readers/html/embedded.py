"""Tables and figures: HTML elements that become one model block each, outside the text rules.

A ``table`` is a data table -- a ``Table`` of header rows (``thead``, or
leading rows of ``th`` cells), body rows and its ``caption`` -- unless it is
laid out for the page: ``role="presentation"``, a table inside it, headings,
lists or quotes in its cells, a cell of more than a paragraph's text, or a
single cell; such a table is walked as text, as before.  A ``figure`` holding
an image is a ``Figure`` (the image's ``alt``, its ``src`` or the bytes of a
``data:`` URI, the ``figcaption`` as caption, an element whose class names a
credit as the credit; our EPUB writer's ``figure-alt`` text stands in for an
image outside the book).  An ``img`` standing alone with an ``alt`` text is a
figure too; one without is decoration (``alt=""``) or a tracking pixel.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from pressconv.errors import Notes
from pressconv.model import Cell, Figure, Mark, Row, Table
from pressconv.readers.blocks import RawMark, fold
from pressconv.readers.html.inline import inline_of
from pressconv.readers.html.tree import attr, classes, text_length
from pressconv.text import clean

if TYPE_CHECKING:
    from bs4 import Tag

_LAYOUT = frozenset(
    {
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "blockquote",
        "article",
        "section",
        "form",
        "pre",
    }
)
_MAX_CELL = 600
"""Characters: a cell holding more is a column of the page's layout, not a table's cell."""
_MAX_SPAN = 1000
_DATA_URI = re.compile(r"data:([\w.+/-]+)?((?:;[\w-]+=[^;,]*)*)(;base64)?,(.*)", re.DOTALL | re.IGNORECASE)
_MAX_DATA = 20_000_000
"""Characters of a ``data:`` URI decoded; a larger one is left as it is."""
_TINY = 2
"""Pixels: an image this small is a tracking pixel."""


def data_table(table: Tag) -> bool:
    """True when ``table`` holds data in rows and columns rather than the page's layout."""
    if attr(table, "role").lower() in ("presentation", "none"):
        return False
    if table.find(_LAYOUT) is not None:
        return False
    cells = table.find_all(("td", "th"))
    if len(cells) < 2:
        return False
    return all(text_length(cell) <= _MAX_CELL for cell in cells)


def table_of(table: Tag, notes: Notes, refs: Mapping[str, str]) -> Table:
    """The model table of a data table."""
    header: list[Row] = []
    rows: list[Row] = []
    for tr in _rows(table):
        cells = [c for c in tr.find_all(("td", "th"), recursive=False)]
        if not cells:
            continue
        row = tuple(_cell(cell, notes, refs) for cell in cells)
        in_head = tr.parent is not None and tr.parent.name == "thead"
        if in_head or (not rows and all(cell.name == "th" for cell in cells)):
            header.append(row)
        else:
            rows.append(row)
    caption_tag = table.find("caption")
    caption, caption_marks = inline_of(caption_tag, notes, refs) if caption_tag is not None else ("", ())
    return Table(tuple(rows), tuple(header), caption or None, _model(caption_marks) if caption else ())


def _rows(table: Tag) -> list[Tag]:
    """The table's own rows in order: ``thead`` rows first, then the body's, then ``tfoot``'s."""
    head: list[Tag] = []
    body: list[Tag] = []
    foot: list[Tag] = []
    for tr in table.find_all("tr"):
        section = tr.parent.name if tr.parent is not None else ""
        (head if section == "thead" else foot if section == "tfoot" else body).append(tr)
    return [*head, *body, *foot]


def _cell(cell: Tag, notes: Notes, refs: Mapping[str, str]) -> Cell:
    text, marks = inline_of(cell, notes, refs)
    return Cell(text, _model(marks), _span(cell, "colspan"), _span(cell, "rowspan"))


def _span(cell: Tag, name: str) -> int:
    try:
        value = int(attr(cell, name).strip() or "1")
    except ValueError:
        return 1
    return min(max(value, 1), _MAX_SPAN)


def figure_of(figure: Tag, notes: Notes, refs: Mapping[str, str]) -> Figure | None:
    """The figure of a ``figure`` element holding an image; None when it holds other words too."""
    image = figure.find("img")
    stand_in = figure.find(class_="figure-alt") if image is None else None
    if image is None and stand_in is None:
        return None
    caption_tag = figure.find("figcaption")
    credit_tag = figure.find(_credit)
    words = _letters(figure)
    words -= _letters(caption_tag) if caption_tag is not None else 0
    if credit_tag is not None and (caption_tag is None or credit_tag not in caption_tag.descendants):
        words -= _letters(credit_tag)
    if stand_in is not None:
        words -= _letters(stand_in)
    if words > 0:
        return None  # words of the text beside the image: walked as text, not hidden in a figure
    caption, caption_marks = (
        inline_of(caption_tag, notes, refs, skip=lambda tag: tag is credit_tag)
        if caption_tag is not None
        else ("", ())
    )
    credit = fold(clean(credit_tag.get_text(" "), notes)) if credit_tag is not None else ""
    if image is None:  # our EPUB writer's figure of an image outside the book: its alt text stands in
        alt = fold(clean(stand_in.get_text(" "), notes)) if stand_in is not None else ""
        return Figure(
            alt=alt, caption=caption or None, caption_marks=_model(caption_marks), credit=credit or None
        )
    return _figure(image, notes, caption, caption_marks, credit)


def image_of(image: Tag, notes: Notes) -> Figure | None:
    """The figure of an image standing alone: only one with an ``alt`` text, and no tracking pixel."""
    alt = fold(clean(attr(image, "alt"), notes))
    if not alt or _tiny(image):
        return None
    return _figure(image, notes, "", (), "")


def _figure(image: Tag, notes: Notes, caption: str, marks: tuple[RawMark, ...], credit: str) -> Figure:
    src = attr(image, "src").strip() or attr(image, "data-src").strip() or None
    data: bytes | None = None
    media_type: str | None = None
    if src is not None and src[:5].lower() == "data:":
        data, media_type = _data_uri(src)
        if data is not None:
            src = None
    return Figure(
        alt=fold(clean(attr(image, "alt"), notes)),
        src=src,
        data=data,
        media_type=media_type,
        caption=caption or None,
        caption_marks=_model(marks) if caption else (),
        credit=credit or None,
    )


def _letters(tag: Tag) -> int:
    """The characters of the element's text that are not whitespace."""
    return sum(len(word) for word in tag.get_text(" ").split())


def _credit(tag: Tag) -> bool:
    return any("credit" in name for name in classes(tag))


def _tiny(image: Tag) -> bool:
    for name in ("width", "height"):
        value = attr(image, name).strip().removesuffix("px")
        if value.isdigit() and int(value) <= _TINY:
            return True
    return False


def _data_uri(uri: str) -> tuple[bytes | None, str | None]:
    """The bytes and media type of a ``data:`` URI; (None, None) when it is not one that decodes."""
    if len(uri) > _MAX_DATA:
        return None, None
    found = _DATA_URI.fullmatch(uri.strip())
    if found is None or found.group(3) is None:
        return None, None
    try:
        data = base64.b64decode("".join(found.group(4).split()), validate=True)
    except (binascii.Error, ValueError):
        return None, None
    return data, (found.group(1) or "").lower() or None


def _model(marks: tuple[RawMark, ...]) -> tuple[Mark, ...]:
    return tuple(Mark(m.start, m.end, m.kind, m.target) for m in marks)
