"""PDF writer: a Document -> a print-ready, tagged PDF through reportlab platypus.

The package, by concern: ``story`` (one handler per block type -> flowables) with
``flowables`` and ``paragraph`` (escaping, lazily parsed paragraphs), ``markup`` (the model's
text as paragraph markup, that of recurring words made once per process); ``tagging``
(structure tree and marked content), ``canvas`` and ``xmp``; ``fonts`` (discovery,
per-character fallback), ``embedding`` (TrueType faces as reportlab fonts) and
``unicode_blocks``; ``rtl`` (shaping and bidi drawing, imported only for
right-to-left text); ``styles`` (typography as data); ``furniture`` (the theme's
letterhead, logo and footer line); ``volume`` (a press kit's contents page).  This module
assembles the page template, footer and document, for one release or a press kit of several
(``write_volume``), and is the writer's entry point.  Every
reportlab internal the package needs goes through ``pressconv.compat.reportlab``.
"""

from __future__ import annotations

# First: reportlab loads with its patterns compiled through the pattern cache.
from pressconv.writers.pdf import preload  # noqa: F401  # isort: skip

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC
from functools import partial
from typing import IO, Any, cast

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from pressconv.errors import Notes, WriterError
from pressconv.model import Document, Quote, block_text
from pressconv.options import WriteOptions, document_datetime, page_size_for
from pressconv.theme import theme_of
from pressconv.writers._labels import labels
from pressconv.writers._pagination import page_words
from pressconv.writers._volume import volume_title
from pressconv.writers.pdf.canvas import PressCanvas
from pressconv.writers.pdf.embedding import glyph_additions
from pressconv.writers.pdf.fonts import font_set
from pressconv.writers.pdf.furniture import ThemeFooter, has_letterhead, letterhead
from pressconv.writers.pdf.markup import text_markup
from pressconv.writers.pdf.paragraph import escape
from pressconv.writers.pdf.story import Context, build_story, logical, paragraph_of
from pressconv.writers.pdf.styles import Styles, build_styles
from pressconv.writers.pdf.tagging import (
    PAGINATION_FOOTER,
    Marked,
    StructElem,
    Tagger,
    marked,
    write_structure,
)
from pressconv.writers.pdf.volume import PageMark, TocEntry, contents, define_page_forms

__all__ = ["MEDIA_TYPE", "SUFFIX", "escape", "write", "write_volume"]

SUFFIX = ".pdf"
MEDIA_TYPE = "application/pdf"

_PAGE_COUNT_FORM = "pcPageCount"
_PAGE_SIZES = {"a4": A4, "letter": LETTER}


# ---------------------------------------------------------------------------------------------------------
# Page furniture and the document.


def _footer(styles: Styles, language: str, rtl: bool) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Draws "Page X of " in the document's language (as the DOCX footer has it) and the page-count
    form, which is filled in when the last page is known.  A right-to-left document's footer starts at
    the right, as its paragraphs and the DOCX footer do: the whole line is the page's form
    (``_rtl_footer_forms``), since its width depends on the page count."""
    before, between = page_words(language, bidi=False)

    def draw(canv: Canvas, doc: BaseDocTemplate) -> None:
        m = styles.measures
        if rtl:
            with marked(canv, PAGINATION_FOOTER):
                canv.saveState()
                canv.translate(doc.pagesize[0] - m.margin_right, m.footer_y)
                canv.doForm(f"{_PAGE_COUNT_FORM}{canv.getPageNumber()}")
                canv.restoreState()
            return
        text = f"{before}{canv.getPageNumber()}{between}"
        with marked(canv, PAGINATION_FOOTER):
            canv.saveState()
            canv.setFont(styles.footer.name, styles.footer_size)
            canv.setFillColor(styles.footer_color)
            canv.drawString(m.margin_left, m.footer_y, text)
            canv.translate(
                m.margin_left + canv.stringWidth(text, styles.footer.name, styles.footer_size), m.footer_y
            )
            canv.doForm(_PAGE_COUNT_FORM)
            canv.restoreState()

    return draw


def _rtl_footer_forms(canv: Canvas, styles: Styles, language: str, pages: int) -> None:
    """Each page's whole footer line, ending at the form's origin (a right-to-left document's footer)."""
    before, between = page_words(language, bidi=False)
    for page in range(1, pages + 1):
        canv.beginForm(f"{_PAGE_COUNT_FORM}{page}", lowerx=-2000, lowery=-10, upperx=0, uppery=40)
        canv.setFont(styles.footer.name, styles.footer_size)
        canv.setFillColor(styles.footer_color)
        canv.drawRightString(0, 0, f"{before}{page}{between}{pages}")
        canv.endForm()


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

    With ``options.volume_title`` it is a press kit of one release.  Glyphs added for characters
    no font draws go to this write's copies of the faces (``glyph_additions``): the fonts
    registered for the whole process never change.
    """
    if (options.volume_title or "").strip():
        return write_volume([document], options, notes)
    with glyph_additions():
        return _render([document], None, options, notes)


def write_volume(documents: list[Document], options: WriteOptions, notes: Notes) -> bytes:
    """One PDF collecting several releases (a press kit): a contents page, then each release from a new
    page, in the order given, each with its bookmarks, under one theme."""
    title = volume_title(documents, options, notes)
    with glyph_additions():
        return _render(documents, title, options, notes)


def _runs_right_to_left(document: Document) -> bool:
    """Whether the document's direction is right to left (call only when it holds such text)."""
    from pressconv.text import direction  # the rule every writer follows, so the outputs agree

    return direction(document) == "rtl"


def _context(document: Document, base: Context, key: str) -> Context:
    """The render context of one document (right-to-left layout when it needs it; its own note labels; the
    words the writer adds, in its language)."""
    rtl = right_to_left(document)
    rtl_default = rtl and _runs_right_to_left(document)
    words = labels(document.metadata.language)
    return replace(base, rtl=rtl, rtl_default=rtl_default, labels={}, key=key, words=words)


def _render(
    documents: list[Document], volume_title: str | None, options: WriteOptions, notes: Notes
) -> bytes:
    theme = theme_of(options)
    fonts = font_set(options.pdf_font, theme.body_font, theme.heading_font)
    styles = build_styles(fonts, theme=theme)
    links: dict[str, str] = {}
    base = Context(fonts, styles, styles.faces, notes, links=links, show_speaker=theme.show_speaker)
    tagger = Tagger(link_texts=links) if options.pdf_tagged else None
    root = tagger.root if tagger is not None else StructElem("Document")
    first_note = len(notes.items)
    m = styles.measures
    document = documents[0]
    size = options.page_size or theme.page_size or page_size_for(document, options)
    width, height = _PAGE_SIZES[size]
    frame_width = width - m.margin_left - m.margin_right

    def head(ctx: Context, parent: StructElem) -> list[Flowable]:
        if not has_letterhead(theme):
            return []
        markup = partial(text_markup, ctx)
        return [letterhead(theme, styles, fonts, markup, parent, frame_width)]

    story: list[Flowable] = []
    kit_pages: dict[int, int] = {}
    if volume_title is None:
        ctx = _context(document, base, "pc-")
        story += head(ctx, root)
        story += build_story(ctx, document, root)
    else:
        ctx = _context(document, base, "pc-kit-")
        story += head(ctx, root)
        contexts = [_context(d, base, f"pc-r{n}-") for n, d in enumerate(documents, start=1)]
        entries = []
        for number, (release, release_ctx) in enumerate(zip(documents, contexts, strict=True), start=1):
            words = " ".join(release.headline.split())
            entries.append((words, paragraph_of(release_ctx, words, styles.toc), f"pc-r{number}-headline"))
        title_paragraph = paragraph_of(ctx, volume_title, styles.headline)
        page = contents(title_paragraph, entries, styles, root, _outline("pc-kit", volume_title))
        heading = page[0]
        assert isinstance(heading, Marked) and isinstance(heading.target, StructElem)
        logical(ctx, heading.target, volume_title)
        for entry, release_ctx in zip(page[1:], contexts, strict=True):
            assert isinstance(entry, TocEntry)
            logical(release_ctx, entry.link, entry.words)
        story += page
        for number, (release, ctx) in enumerate(zip(documents, contexts, strict=True), start=1):
            part = root.add("Part")
            if (release.metadata.language or "en") != (document.metadata.language or "en"):
                part.lang = release.metadata.language or "en"
            story += [PageBreak(), PageMark(kit_pages, number), *head(ctx, part)]
            story += build_story(ctx, release, part)
    _summarise_missing_glyphs(notes, first_note)

    when = max(document_datetime(d, options) for d in documents).astimezone(UTC)
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'")
    meta = document.metadata
    language = meta.language or "en"
    title = volume_title or document.title
    footer = ThemeFooter(theme.footer, styles, fonts, notes) if theme.footer else None
    rtl_footer = footer is None and right_to_left(document) and _runs_right_to_left(document)

    def before_save(canv: PressCanvas) -> None:
        canv.setDateFormatter(lambda *_: stamp)
        if footer is not None:
            footer.forms(canv, canv.page_count())
        elif rtl_footer:
            _rtl_footer_forms(canv, styles, language, canv.page_count())
        else:
            canv.beginForm(_PAGE_COUNT_FORM)
            canv.setFont(styles.footer.name, styles.footer_size)
            canv.setFillColor(styles.footer_color)
            canv.drawString(0, 0, str(canv.page_count()))
            canv.endForm()
        if kit_pages:
            define_page_forms(canv, kit_pages, styles)

    def finish(canv: PressCanvas) -> None:
        if tagger is not None:
            write_structure(canv, tagger, title, language, when)

    def canvasmaker(*args: Any, **kwargs: Any) -> PressCanvas:
        if tagger is not None:
            kwargs["pdfVersion"] = (1, 7)
        return PressCanvas(*args, tagger=tagger, before_save=before_save, finish=finish, **kwargs)

    out = _Sink()
    if volume_title is None:
        author, subject = meta.byline or meta.publisher or "", document.subtitle or document.headline
    else:
        author = theme.organisation or meta.publisher or ""
        subject = "; ".join(" ".join(d.headline.split()) for d in documents)
    doc = BaseDocTemplate(
        cast(IO[bytes], out),  # write() is all reportlab uses
        pagesize=(width, height),
        leftMargin=m.margin_left,
        rightMargin=m.margin_right,
        topMargin=m.margin_top,
        bottomMargin=m.margin_bottom,
        title=title,
        author=author,
        subject=subject,
        keywords=list(meta.keywords) if volume_title is None else [],
        creator="pressconv",
        invariant=1,
        pageCompression=1,
        lang=language,
        displayDocTitle=True,
        initialFontName=fonts.serif.regular.name,
    )
    frame = Frame(
        m.margin_left,
        m.margin_bottom,
        frame_width,
        height - m.margin_top - m.margin_bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    on_page = footer.draw if footer is not None else _footer(styles, language, rtl_footer)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page)])
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except LayoutError as exc:
        raise WriterError(f"PDF layout failed: {exc}") from None
    return out.value()


def _outline(key: str, title: str) -> Callable[[Canvas, float, float], None]:
    def add(canv: Canvas, x: float, top: float) -> None:
        canv.bookmarkHorizontal(key, x, top)
        canv.addOutlineEntry(title, key, level=0, closed=False)

    return add
