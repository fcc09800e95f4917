"""PDF writer: a Document -> a print-ready, tagged PDF through reportlab platypus.

The package, by concern: ``story`` (one handler per block type -> flowables) with
``flowables`` and ``paragraph`` (escaping, lazily parsed paragraphs); ``tagging``
(structure tree and marked content), ``canvas`` and ``xmp``; ``fonts`` (discovery,
per-character fallback), ``embedding`` (TrueType faces as reportlab fonts) and
``unicode_blocks``; ``rtl`` (shaping and bidi drawing, imported only for
right-to-left text); ``styles`` (typography as data).  This module assembles the
page template, footer and document and is the writer's entry point.  Every
reportlab internal the package needs goes through ``pressconv.compat.reportlab``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import UTC
from typing import IO, Any, cast

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from pressconv.errors import Notes, WriterError
from pressconv.model import Document, Quote, block_text
from pressconv.options import WriteOptions, document_datetime, page_size_for
from pressconv.writers._pagination import page_words
from pressconv.writers.pdf.canvas import PressCanvas
from pressconv.writers.pdf.embedding import glyph_additions
from pressconv.writers.pdf.fonts import font_set
from pressconv.writers.pdf.paragraph import escape
from pressconv.writers.pdf.story import Context, build_story
from pressconv.writers.pdf.styles import Styles, build_styles
from pressconv.writers.pdf.tagging import PAGINATION_FOOTER, StructElem, Tagger, marked, write_structure

__all__ = ["MEDIA_TYPE", "SUFFIX", "escape", "write"]

SUFFIX = ".pdf"
MEDIA_TYPE = "application/pdf"

_PAGE_COUNT_FORM = "pcPageCount"
_PAGE_SIZES = {"a4": A4, "letter": LETTER}


# ---------------------------------------------------------------------------------------------------------
# Page furniture and the document.


def _footer(styles: Styles, language: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Draws "Page X of " in the document's language (as the DOCX footer has it) and the page-count
    form, which is filled in when the last page is known."""
    before, between = page_words(language, bidi=False)

    def draw(canv: Canvas, doc: BaseDocTemplate) -> None:
        m = styles.measures
        text = f"{before}{canv.getPageNumber()}{between}"
        with marked(canv, PAGINATION_FOOTER):
            canv.saveState()
            canv.setFont(styles.footer.name, styles.footer_size)
            canv.setFillColor(styles.footer_color)
            canv.drawString(m.margin_x, m.footer_y, text)
            canv.translate(
                m.margin_x + canv.stringWidth(text, styles.footer.name, styles.footer_size), m.footer_y
            )
            canv.doForm(_PAGE_COUNT_FORM)
            canv.restoreState()

    return draw


def right_to_left(document: Document) -> bool:
    """Whether any text the PDF shows holds a right-to-left character (then ``rtl`` lays it out)."""
    meta = document.metadata
    texts = [
        document.headline,
        document.subtitle or "",
        meta.publisher or "",
        meta.release or "",
        meta.byline or "",
        meta.end_mark or "",
        *meta.contacts,
    ]
    texts += [s.heading or "" for s in document.sections]
    texts += [block_text(b) + (b.speaker or "" if isinstance(b, Quote) else "") for b in document.blocks()]
    texts += [note.text for note in document.notes] + [document.notes_heading or ""]
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in set("".join(texts)))


class _Sink:
    """The file reportlab saves into: it keeps the bytes reportlab hands over (the whole PDF, in one write).

    A BytesIO would copy them, and that copy was the peak of a long document's memory (+30 MB for a
    10 MB release).
    """

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._chunks.append(data)
        return len(data)

    def value(self) -> bytes:
        if len(self._chunks) == 1 and type(self._chunks[0]) is bytes:
            return self._chunks[0]
        return b"".join(self._chunks)


#: Up to this many characters without a glyph are reported one line each; more make one summary line.
_GLYPHS_LISTED = 5


def _summarise_missing_glyphs(notes: Notes, first: int) -> None:
    """A CJK or emoji-heavy text should give one warning, not one line per character."""
    added = notes.items[first:]
    missing = [item for item in added if item.code == "missing-glyph"]
    if len(missing) <= _GLYPHS_LISTED:
        return
    listed = "; ".join(item.message.split(":")[0] for item in missing[:_GLYPHS_LISTED])
    del notes.items[first:]
    notes.items.extend(item for item in added if item.code != "missing-glyph")
    notes.warn(
        "missing-glyph",
        f"{len(missing)} characters no installed font can draw print as empty boxes: {listed}; "
        f"and {len(missing) - _GLYPHS_LISTED} more (install a font that covers them or pass --pdf-font)",
    )


def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    """Render ``document`` as PDF bytes; same document and options, same bytes.

    Glyphs added for characters no font draws go to this write's copies of the faces
    (``glyph_additions``): the fonts registered for the whole process never change.
    """
    with glyph_additions():
        return _render(document, options, notes)


def _render(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    fonts = font_set(options.pdf_font)
    styles = build_styles(fonts)
    ctx = Context(fonts, styles, styles.faces, notes)
    if right_to_left(document):
        from pressconv.text import direction  # the rule every writer follows, so the outputs agree

        ctx = Context(fonts, styles, styles.faces, notes, True, direction(document) == "rtl")
    tagger = Tagger(link_texts=ctx.links) if options.pdf_tagged else None
    root = tagger.root if tagger is not None else StructElem("Document")
    first_note = len(notes.items)
    story = build_story(ctx, document, root)
    _summarise_missing_glyphs(notes, first_note)

    when = document_datetime(document, options).astimezone(UTC)
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'")
    meta = document.metadata
    language = meta.language or "en"
    m = styles.measures
    width, height = _PAGE_SIZES[page_size_for(document, options)]

    def before_save(canv: PressCanvas) -> None:
        canv.setDateFormatter(lambda *_: stamp)
        canv.beginForm(_PAGE_COUNT_FORM)
        canv.setFont(styles.footer.name, styles.footer_size)
        canv.setFillColor(styles.footer_color)
        canv.drawString(0, 0, str(canv.page_count()))
        canv.endForm()

    def finish(canv: PressCanvas) -> None:
        if tagger is not None:
            write_structure(canv, tagger, document.title, language, when)

    def canvasmaker(*args: Any, **kwargs: Any) -> PressCanvas:
        if tagger is not None:
            kwargs["pdfVersion"] = (1, 7)
        return PressCanvas(*args, tagger=tagger, before_save=before_save, finish=finish, **kwargs)

    out = _Sink()
    doc = BaseDocTemplate(
        cast(IO[bytes], out),  # write() is all reportlab uses
        pagesize=(width, height),
        leftMargin=m.margin_x,
        rightMargin=m.margin_x,
        topMargin=m.margin_top,
        bottomMargin=m.margin_bottom,
        title=document.title,
        author=meta.byline or meta.publisher or "",
        subject=document.subtitle or document.headline,
        keywords=list(meta.keywords),
        creator="pressconv",
        invariant=1,
        pageCompression=1,
        lang=language,
        displayDocTitle=True,
        initialFontName=fonts.serif.regular.name,
    )
    frame = Frame(
        m.margin_x,
        m.margin_bottom,
        width - 2 * m.margin_x,
        height - m.margin_top - m.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_footer(styles, language))])
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except LayoutError as exc:
        raise WriterError(f"PDF layout failed: {exc}") from None
    return out.value()
