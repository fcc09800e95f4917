"""The writer's canvas: lines that end in a space, pages compressed as they finish, and hooks at save.

With a ``Tagger`` each page gets its StructParents and Tabs entries; ``before_save`` and
``finish`` run once every page is drawn (the page-count form, the structure tree).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from pressconv.compat.reportlab import (
    SpacedTextObject,
    add_page_entries,
    encode_page_now,
    has_unfinished_page,
    last_annotation,
    link_to_destination,
    pages,
    pdf_document,
)
from pressconv.writers.pdf.tagging import Tagger


class PressCanvas(Canvas):
    """The writer's canvas: spaced line ends; with a tagger, StructParents per page and the tree on save."""

    def __init__(
        self,
        *args: Any,
        tagger: Tagger | None = None,
        before_save: Callable[[PressCanvas], None] | None = None,
        finish: Callable[[PressCanvas], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.tagger = tagger
        self._before_save = before_save
        self._finish = finish

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return SpacedTextObject(self, x, y, direction=direction)

    def linkURL(  # reportlab's names
        self,
        url: str,
        rect: Any,
        relative: Any = 0,
        thickness: Any = 0,
        color: Any = None,
        dashArray: Any = None,
        kind: str = "URI",
        **kw: Any,
    ) -> None:
        """A link annotation; when tagging, with its words as /Contents and owned by a Link element."""
        if self.tagger is not None:
            kw.setdefault("Contents", pdfdoc.PDFString(self.tagger.link_texts.get(url) or url))
        super().linkURL(url, rect, relative, thickness, color, dashArray, kind, **kw)
        if self.tagger is not None:
            annotation, reference = last_annotation(self)
            self.tagger.link(self, annotation, reference)

    def link_to(self, destination: str, rect: tuple[float, ...], contents: str) -> None:
        """A link to the bookmark ``destination`` over ``rect`` (current coordinates); when tagging, with
        ``contents`` as its /Contents and owned by a Link element (as ``linkURL``)."""
        link_to_destination(self, destination, rect, contents)
        if self.tagger is not None:
            annotation, reference = last_annotation(self)
            self.tagger.link(self, annotation, reference)

    def showPage(self) -> None:
        super().showPage()
        done = pages(self)
        encode_page_now(done[-1])
        if self.tagger is not None:
            add_page_entries(done[-1], StructParents=len(done) - 1, Tabs=pdfdoc.PDFName("S"))

    @property
    def pdf_document(self) -> Any:
        """reportlab's PDFDocument behind this canvas."""
        return pdf_document(self)

    def page_count(self) -> int:
        """Pages finished so far (all of them once drawing is done)."""
        return len(pages(self))

    def save(self) -> None:
        if has_unfinished_page(self):
            self.showPage()
        if self._before_save is not None:
            self._before_save(self)
        if self._finish is not None:
            self._finish(self)
        super().save()
