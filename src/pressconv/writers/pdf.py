"""PDF writer: a Document -> a print-ready, tagged PDF through reportlab platypus.

One handler per block type turns the model into flowables; every flowable is
wrapped in marked content for its structure element (``_pdftags``), styles
come from ``_pdfstyles``, fonts and per-character fallback from ``_fonts``.
All model text reaches reportlab's Paragraph mini-markup through ``escape``
and ``_markup`` only.  The release notice sits above the headline; contacts,
the "About" boilerplate and the end mark follow the body.  A quote's speaker is
printed under it as a layout artifact ("— Pat Ryder"): those words are not in
the model (the attribution inside the quote already is), so the structure tree
leaves them out and only plain-text extraction (pdftotext) shows them.
A paragraph holding right-to-left text is laid out and drawn by ``_bidi``,
which only a document with such text imports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from typing import IO, Any, ClassVar, assert_never, cast

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.doctemplate import LayoutError

from pressconv.errors import Notes, WriterError
from pressconv.model import Block, Document, Figure, ListBlock, Paragraph, Quote, Section, Table, block_text
from pressconv.options import WriteOptions, document_datetime, page_size_for
from pressconv.writers._fonts import Face, FontSet, font_set
from pressconv.writers._pagination import page_words
from pressconv.writers._pdfstyles import Styles, build_styles
from pressconv.writers._pdftags import (
    LAYOUT,
    PAGINATION_FOOTER,
    REDUNDANT,
    Artifact,
    Marked,
    PressCanvas,
    StructElem,
    Tagger,
    marked,
    write_structure,
)

SUFFIX = ".pdf"
MEDIA_TYPE = "application/pdf"

_PAGE_COUNT_FORM = "pcPageCount"
_PAGE_SIZES = {"a4": A4, "letter": LETTER}


def escape(text: str) -> str:
    """Model text as literal Paragraph markup: ``<b>``, ``&amp;`` and ``<script>`` print as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Paragraph(RLParagraph):
    """reportlab's Paragraph, parsing its markup into fragments only when layout first looks at it.

    A parsed paragraph holds a dozen-attribute fragment object per font run (~1.5 kB a
    paragraph); the whole story is built before layout starts, so a 10 MB release held all of
    them at once (+135 MB of peak RSS).  Parsed on first use, each lives from its layout to its
    drawing.  Any attribute the object lacks triggers the parse (then reportlab's own __init__
    sets everything it would have set, and the object becomes a plain Paragraph), so it behaves
    exactly as an eager one.
    """

    EAGER: ClassVar[type[RLParagraph]] = RLParagraph
    """The class the object becomes when parsed (a subclass may defer another Paragraph class)."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        if text is None:  # a part made by split(): fragments given, nothing to defer
            self.__class__ = self.EAGER  # type: ignore[assignment]
            self.EAGER.__init__(self, text, style, *args, **kwargs)  # type: ignore[arg-type]  # None: reportlab does it
        else:
            self.__dict__["_pending"] = (text, style, args, kwargs)

    def __getattr__(self, name: str) -> Any:
        pending = self.__dict__.pop("_pending", None)
        if pending is None:
            raise AttributeError(name)
        text, style, args, kwargs = pending
        # From now on a plain Paragraph: reportlab probes many absent attributes (getattr with a
        # default), and each would otherwise run this method.
        eager = self.EAGER
        self.__class__ = eager  # type: ignore[assignment]
        eager.__init__(self, text, style, *args, **kwargs)
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class _Context:
    """Read-only facts for one render, plus the notes collector."""

    fonts: FontSet
    styles: Styles
    faces: dict[str, Face]
    notes: Notes
    rtl: bool = False
    """The document holds right-to-left characters: shape Arabic, lay such paragraphs out with ``_bidi``."""
    rtl_default: bool = False
    """The direction of a paragraph without strong characters (the document's, as the HTML writer says)."""
    rtl_styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    """Right-aligned variants by style name: one each, not one per paragraph (a style holds ~800 bytes)."""
    piece_styles: dict[str, tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]] = field(
        default_factory=dict
    )
    """First, middle and last piece style of each style a long block was cut into pieces in."""


def _markup(ctx: _Context, text: str, face: Face) -> str:
    """Escaped markup for ``text`` in ``face``, with fallback-font runs for characters the face lacks.

    In a right-to-left document Arabic is shaped first, so fonts are chosen for the joined forms drawn.
    """
    runs: list[tuple[Face | None, str]]
    if ctx.rtl:
        from pressconv.writers import _bidi

        runs = []
        for run_face, chunk in ctx.fonts.runs(_bidi.shape(text), face, ctx.notes):
            # The fallback search hands out one run per character (a new Face each time): joined, a
            # word is one font tag, and one fragment for reportlab to measure (4x faster for Arabic).
            last = runs[-1][0] if runs else None
            if last is not None and run_face is not None and last.name == run_face.name:
                runs[-1] = (last, runs[-1][1] + chunk)
            else:
                runs.append((run_face, chunk))
    else:
        runs = ctx.fonts.runs(text, face, ctx.notes)
    parts: list[str] = []
    for run_face, chunk in runs:
        if run_face is None:
            parts.append(escape(chunk))
        else:
            parts.append(f'<font name="{run_face.name}">{escape(chunk)}</font>')
    return "".join(parts)


def _direction(ctx: _Context, text: str) -> bool | None:
    """None for text without right-to-left characters, else whether its paragraph runs right to left."""
    if not ctx.rtl:
        return None
    from pressconv.writers import _bidi

    return _bidi.base_is_rtl(text, ctx.rtl_default) if _bidi.has_rtl(text) else None


def _flow(ctx: _Context, markup: str, style: ParagraphStyle, text: str) -> RLParagraph:
    """The paragraph for ``markup`` (made from the model's ``text``), bidi-aware for right-to-left text."""
    rtl = _direction(ctx, text)
    if rtl is None:
        return _Paragraph(markup, style)
    from pressconv.writers import _bidi

    if rtl:
        if style.name not in ctx.rtl_styles:
            ctx.rtl_styles[style.name] = _bidi.rtl_style(style)
        style = ctx.rtl_styles[style.name]
    return _bidi.lazy_paragraph_class()(markup, style, rtl=rtl)


def _logical(ctx: _Context, elem: StructElem, text: str) -> StructElem:
    """``elem``, given ``text`` as its ActualText when that text is drawn by the bidi rules (visual order)."""
    if _direction(ctx, text) is not None:
        elem.actual_text = " ".join(text.split())
    return elem


def _para(ctx: _Context, text: str, style: ParagraphStyle) -> RLParagraph:
    return _flow(ctx, _markup(ctx, text, ctx.faces[style.fontName]), style, text)


def _marked(
    ctx: _Context,
    text: str,
    style: ParagraphStyle,
    target: StructElem | Artifact,
    **hooks: Any,
) -> Flowable:
    if isinstance(target, StructElem):
        _logical(ctx, target, text)
    return Marked(_para(ctx, text, style), target, **hooks)


def _marked_pieces(
    ctx: _Context,
    text: str,
    style: ParagraphStyle,
    target: StructElem,
    on_first_draw: Callable[[Canvas, float, float], None] | None = None,
) -> list[Flowable]:
    """A heading or headline of any length as one structure element: pieces for a long one (linear)."""
    _logical(ctx, target, text)
    return [
        Marked(piece, target, on_first_draw=on_first_draw if i == 0 else None)
        for i, piece in enumerate(_pieced(ctx, text, style))
    ]


class _ListItem(Flowable):
    """A list item: label (Lbl) in the gutter beside the body (LBody); only the first part has the label.

    The gutter is on the left, or on the right for a right-to-left item.
    """

    def __init__(
        self,
        label: RLParagraph | None,
        body: Flowable,
        indent: float,
        lbl: StructElem,
        lbody: StructElem,
        space_after: float | None = None,
        rtl: bool = False,
    ) -> None:
        """``space_after`` overrides the body's, for the last item of a list."""
        super().__init__()
        self.label, self.body, self.indent, self.lbl, self.lbody = label, body, indent, lbl, lbody
        self.space_after, self.rtl = space_after, rtl

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self.body_height = self.body.wrap(avail_width - self.indent, avail_height)
        if self.label is not None:
            self.label.wrap(self.indent, avail_height)
        self.width, self.height = avail_width, self.body_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width - self.indent, avail_height)
        last = len(parts) - 1
        return [
            _ListItem(
                self.label if i == 0 else None,
                part,
                self.indent,
                self.lbl,
                self.lbody,
                self.space_after if i == last else None,
                self.rtl,
            )
            for i, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.space_after if self.space_after is not None else self.body.getSpaceAfter())

    def draw(self) -> None:
        canv = self.canv
        label_x, body_x = (self.width - self.indent, 0.0) if self.rtl else (0.0, self.indent)
        if self.label is not None:
            with marked(canv, self.lbl):
                self.label.drawOn(canv, label_x, self.body_height - self.label.height)
        with marked(canv, self.lbody):
            self.body.drawOn(canv, body_x, 0)


class _QuoteBlock(Flowable):
    """A quote (P inside BlockQuote) behind a rule, with its speaker line (an artifact) under the last part.

    One flowable rather than two kept together: the speaker line can never start a
    page alone, and no KeepTogether re-wraps the quote on every frame.
    """

    def __init__(self, body: Flowable, speaker: RLParagraph | None, elem: StructElem, styles: Styles) -> None:
        super().__init__()
        self.body, self.speaker, self.elem, self.styles = body, speaker, elem, styles

    def _speaker_height(self, avail_width: float, avail_height: float) -> float:
        if self.speaker is None:
            return 0.0
        _, height = self.speaker.wrap(avail_width, avail_height)
        return float(height + self.speaker.getSpaceBefore())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self.body_height = self.body.wrap(avail_width, avail_height)
        self.width, self.height = (
            avail_width,
            self.body_height + self._speaker_height(avail_width, avail_height),
        )
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width, avail_height)
        if len(parts) < 2:
            # The words fit but the speaker line does not: carry the last lines over with it.
            room = avail_height - self._speaker_height(avail_width, avail_height)
            parts = self.body.split(avail_width, room)
            if len(parts) < 2:
                return []
        last = len(parts) - 1
        return [
            _QuoteBlock(part, self.speaker if i == last else None, self.elem, self.styles)
            for i, part in enumerate(parts)
        ]

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        source = self.speaker if self.speaker is not None else self.body
        return float(source.getSpaceAfter())

    def draw(self) -> None:
        canv, m = self.canv, self.styles.measures
        top = self.height
        with marked(canv, LAYOUT):
            canv.saveState()
            canv.setStrokeColor(self.styles.rule_color)
            canv.setLineWidth(m.quote_rule_width)
            if getattr(self.body, "rtl", False):  # the rule stands where a right-to-left line starts
                rule_x = self.width - self.styles.quote.rightIndent + m.quote_rule_x
            else:
                rule_x = self.styles.quote.leftIndent - m.quote_rule_x
            canv.line(rule_x, top - self.body_height + 2, rule_x, top - 1)
            canv.restoreState()
        with marked(canv, self.elem):
            self.body.drawOn(canv, 0, top - self.body_height)
        if self.speaker is not None:
            # The speaker's name is not in the model's words (the attribution in the quote is), so
            # assistive technology skips it: an artifact, not a P.
            with marked(canv, REDUNDANT):
                self.speaker.drawOn(canv, 0, 0)


class _Rule(Flowable):
    """A thin full-width rule, a layout artifact, that sets the "About" boilerplate apart from the body."""

    def __init__(self, styles: Styles) -> None:
        super().__init__()
        self.styles = styles
        self.keepWithNext = 1  # never alone at a page foot, away from the heading it introduces

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 1.0
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.styles.boilerplate_heading.spaceBefore)

    def draw(self) -> None:
        with marked(self.canv, LAYOUT):
            self.canv.saveState()
            self.canv.setStrokeColor(self.styles.rule_color)
            self.canv.setLineWidth(0.5)
            self.canv.line(0, 0.5, self.width, 0.5)
            self.canv.restoreState()


# ---------------------------------------------------------------------------------------------------------
# One handler per block type.


#: Paragraphs longer than this many characters are laid out in pieces.  reportlab re-breaks the
#: whole remainder of a paragraph on every page it splits it across, which is quadratic in its
#: length (a 10 MB one-paragraph text would take hours); pieces of a few pages keep it linear.
_PIECE = 20_000


def _pieces(text: str) -> list[str]:
    """``text`` cut at spaces into runs of at most ``_PIECE`` characters (a word longer than that is cut)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > _PIECE:
        cut = text.rfind(" ", start + _PIECE // 2, start + _PIECE)
        if cut == -1:
            pieces.append(text[start : start + _PIECE])
            start += _PIECE
        else:
            pieces.append(text[start:cut])
            start = cut + 1
    pieces.append(text[start:])
    return pieces


def _piece_styles(ctx: _Context, style: ParagraphStyle, count: int) -> list[ParagraphStyle]:
    """``style`` for each of ``count`` pieces: no space between them, and only the last kept with next."""
    if count == 1:
        return [style]
    key = style.name
    if key not in ctx.piece_styles:
        ctx.piece_styles[key] = (
            ParagraphStyle(f"{key}-first", parent=style, spaceAfter=0, keepWithNext=0),
            ParagraphStyle(f"{key}-cont", parent=style, spaceBefore=0, spaceAfter=0, keepWithNext=0),
            ParagraphStyle(f"{key}-last", parent=style, spaceBefore=0),
        )
    first, middle, last = ctx.piece_styles[key]
    return [first] + [middle] * (count - 2) + [last]


def _pieced(
    ctx: _Context, text: str, style: ParagraphStyle, dateline: str | None = None
) -> list[RLParagraph]:
    """The paragraphs that lay ``text`` out in ``style``: one, or one per ``_PIECE`` of a long text.

    Every kind of block goes through here (body text, quotes, list items, headings, the headline), so
    layout time is linear in the size of any block.  The caller gives all pieces one structure
    element, so the text reads and tags as one paragraph.
    """
    pieces = _pieces(text)
    texts = list(pieces)  # the model's words of each piece, the dateline included
    face = ctx.faces[style.fontName]
    head = ""
    if dateline and text.startswith(dateline) and len(pieces[0]) >= len(dateline):
        dateline_face = ctx.styles.dateline
        head = f'<font name="{dateline_face.name}">{_markup(ctx, dateline, dateline_face)}</font>'
        pieces[0] = pieces[0][len(dateline) :]
    markups = [_markup(ctx, piece, face) for piece in pieces]
    markups[0] = head + markups[0]
    styles = _piece_styles(ctx, style, len(markups))
    return [
        _flow(ctx, markup, piece_style, piece)
        for markup, piece_style, piece in zip(markups, styles, texts, strict=True)
    ]


def _paragraph(ctx: _Context, block: Paragraph, parent: StructElem, dateline: str | None) -> list[Flowable]:
    elem = _logical(ctx, parent.add("P"), block.text)
    return [Marked(piece, elem) for piece in _pieced(ctx, block.text, ctx.styles.body, dateline)]


def _quote(ctx: _Context, block: Quote, parent: StructElem) -> list[Flowable]:
    styles = ctx.styles
    quote = parent.add("BlockQuote")
    elem = _logical(ctx, quote.add("P"), block.text)
    bodies = _pieced(ctx, block.text, styles.quote)
    speaker = _para(ctx, f"— {block.speaker}", styles.speaker) if block.speaker else None
    last = len(bodies) - 1
    return [_QuoteBlock(body, speaker if i == last else None, elem, styles) for i, body in enumerate(bodies)]


def _list(ctx: _Context, block: ListBlock, parent: StructElem) -> list[Flowable]:
    styles = ctx.styles
    items = parent.add("L")
    markers = block.markers if len(block.markers) == len(block.items) else ()
    flowables: list[Flowable] = []
    for number, text in enumerate(block.items, start=1):
        li = items.add("LI")
        lbl, lbody = li.add("Lbl"), _logical(ctx, li.add("LBody"), text)
        marker = markers[number - 1] if markers else (f"{number}." if block.ordered else "•")
        rtl = bool(_direction(ctx, text))
        label_style = styles.list_label
        if rtl:  # a right-to-left item: its label right-aligned in a gutter on the right
            name = f"{label_style.name}-rtl"
            if name not in ctx.rtl_styles:
                ctx.rtl_styles[name] = ParagraphStyle(name, parent=label_style, alignment=TA_RIGHT)
            label_style = ctx.rtl_styles[name]
        label = _para(ctx, marker, label_style)
        bodies = _pieced(ctx, text, styles.list_item)
        last = number == len(block.items)
        indent = styles.measures.list_indent
        for i, body in enumerate(bodies):
            final = i == len(bodies) - 1
            space_after = styles.body.spaceAfter if last and final else None
            first_label = label if i == 0 else None
            flowables.append(_ListItem(first_label, body, indent, lbl, lbody, space_after, rtl))
    return flowables


def _block(ctx: _Context, block: Block, parent: StructElem, dateline: str | None) -> list[Flowable]:
    match block:
        case Paragraph():
            return _paragraph(ctx, block, parent, dateline)
        case Quote():
            return _quote(ctx, block, parent)
        case ListBlock():
            return _list(ctx, block, parent)
        case Table() | Figure():
            # Until this writer renders them: their words as paragraphs, in reading order.
            lines = [line for line in block_text(block).split("\n") if line]
            return [f for line in lines for f in _paragraph(ctx, Paragraph(line), parent, None)]
        case _:
            assert_never(block)


def _bookmark(key: str, title: str, level: int) -> Callable[[Canvas, float, float], None]:
    def add(canv: Canvas, x: float, top: float) -> None:
        canv.bookmarkHorizontal(key, x, top)
        canv.addOutlineEntry(title, key, level=level, closed=False)

    return add


def _section(
    ctx: _Context, section: Section, index: int, root: StructElem, dateline: str | None
) -> list[Flowable]:
    boilerplate = section.role == "boilerplate"
    styles = ctx.styles
    flowables: list[Flowable] = []
    if section.heading is not None:
        style = styles.boilerplate_heading if boilerplate else styles.heading
        hook = _bookmark(f"pc-section-{index}", section.heading, 1)
        flowables.extend(_marked_pieces(ctx, section.heading, style, root.add("H2"), hook))
    for block in section.blocks:
        if boilerplate and isinstance(block, Paragraph):
            flowables.extend(_marked_pieces(ctx, block.text, styles.boilerplate, root.add("P")))
        else:
            flowables.extend(_block(ctx, block, root, dateline))
        dateline = None
    return flowables


def _story(ctx: _Context, document: Document, root: StructElem) -> list[Flowable]:
    styles = ctx.styles
    meta = document.metadata
    story: list[Flowable] = []
    if meta.publisher:  # the letterhead, where a reader expects it: above the release line
        story.append(_lines(ctx, meta.publisher, styles.publisher, root))
    if meta.release:
        story.append(_marked(ctx, meta.release, styles.release, root.add("P")))
    headline = _bookmark("pc-headline", document.headline, 0)
    story.extend(_marked_pieces(ctx, document.headline, styles.headline, root.add("H1"), headline))
    if document.subtitle:
        story.extend(_marked_pieces(ctx, document.subtitle, styles.subtitle, root.add("P")))
    if meta.byline:
        story.append(_marked(ctx, meta.byline, styles.byline, root.add("P")))
    body = [s for s in document.sections if s.role != "boilerplate"]
    about = [s for s in document.sections if s.role == "boilerplate"]
    dateline = document.dateline
    for index, section in enumerate([*body, *about]):
        if about and section is about[0]:
            story.append(_Rule(styles))
        story.extend(_section(ctx, section, index, root, dateline))
        dateline = None
    for contact in meta.contacts:
        story.append(_lines(ctx, contact, styles.contacts, root))
    if meta.end_mark:  # several marks ("###" then "-30-") one per line, as written
        story.append(_lines(ctx, meta.end_mark, styles.end_mark, root))
    return story


def _lines(ctx: _Context, text: str, style: ParagraphStyle, root: StructElem) -> Flowable:
    """One paragraph whose lines (joined by newlines in the model) keep their line breaks."""
    face = ctx.faces[style.fontName]
    lines = [_markup(ctx, line, face) for line in text.split("\n")]
    elem = _logical(ctx, root.add("P"), text)
    return Marked(_flow(ctx, "<br/>".join(lines), style, text), elem)


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


def _right_to_left(document: Document) -> bool:
    """Whether any text the PDF shows holds a right-to-left character (then ``_bidi`` lays it out)."""
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
    """Render ``document`` as PDF bytes; same document and options, same bytes."""
    fonts = font_set(options.pdf_font)
    styles = build_styles(fonts)
    ctx = _Context(fonts, styles, styles.faces, notes)
    if _right_to_left(document):
        from pressconv.text import direction  # the rule every writer follows, so the outputs agree

        ctx = _Context(fonts, styles, styles.faces, notes, True, direction(document) == "rtl")
    tagger = Tagger() if options.pdf_tagged else None
    root = tagger.root if tagger is not None else StructElem("Document")
    first_note = len(notes.items)
    story = _story(ctx, document, root)
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
