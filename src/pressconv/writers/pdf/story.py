"""The model -> reportlab flowables: one handler per block type, each flowable marked for its element.

All model text reaches reportlab's Paragraph mini-markup through ``escape`` and ``_markup``
only.  The release notice sits above the headline; contacts, the "About" boilerplate and the
end mark follow the body.  A quote's speaker is printed under it as a layout artifact ("— Pat
Ryder"): those words are not in the model (the attribution inside the quote already is), so the
structure tree leaves them out and only plain-text extraction (pdftotext) shows them.  A
paragraph holding right-to-left text is laid out and drawn by ``rtl``, which only a document
with such text imports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, assert_never

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph

from pressconv.errors import Notes
from pressconv.model import Block, Document, Figure, ListBlock, Paragraph, Quote, Section, Table, block_text
from pressconv.writers.pdf.flowables import ListItem, QuoteBlock, Rule
from pressconv.writers.pdf.fonts import Face, FontSet
from pressconv.writers.pdf.paragraph import LazyParagraph, escape
from pressconv.writers.pdf.styles import Styles
from pressconv.writers.pdf.tagging import Artifact, Marked, StructElem


@dataclass(frozen=True, slots=True)
class Context:
    """Read-only facts for one render, plus the notes collector."""

    fonts: FontSet
    styles: Styles
    faces: dict[str, Face]
    notes: Notes
    rtl: bool = False
    """The document holds right-to-left characters: shape Arabic, lay such paragraphs out with ``rtl``."""
    rtl_default: bool = False
    """The direction of a paragraph without strong characters (the document's, as the HTML writer says)."""
    rtl_styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    """Right-aligned variants by style name: one each, not one per paragraph (a style holds ~800 bytes)."""
    piece_styles: dict[str, tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]] = field(
        default_factory=dict
    )
    """First, middle and last piece style of each style a long block was cut into pieces in."""


def _markup(ctx: Context, text: str, face: Face) -> str:
    """Escaped markup for ``text`` in ``face``, with fallback-font runs for characters the face lacks.

    In a right-to-left document Arabic is shaped first, so fonts are chosen for the joined forms drawn.
    """
    runs: list[tuple[Face | None, str]]
    if ctx.rtl:
        from pressconv.writers.pdf import rtl as bidi

        runs = []
        for run_face, chunk in ctx.fonts.runs(bidi.shape(text), face, ctx.notes):
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


def _direction(ctx: Context, text: str) -> bool | None:
    """None for text without right-to-left characters, else whether its paragraph runs right to left."""
    if not ctx.rtl:
        return None
    from pressconv.writers.pdf import rtl as bidi

    return bidi.base_is_rtl(text, ctx.rtl_default) if bidi.has_rtl(text) else None


def _flow(ctx: Context, markup: str, style: ParagraphStyle, text: str) -> RLParagraph:
    """The paragraph for ``markup`` (made from the model's ``text``), bidi-aware for right-to-left text."""
    rtl = _direction(ctx, text)
    if rtl is None:
        return LazyParagraph(markup, style)
    from pressconv.writers.pdf import rtl as bidi

    if rtl:
        if style.name not in ctx.rtl_styles:
            ctx.rtl_styles[style.name] = bidi.rtl_style(style)
        style = ctx.rtl_styles[style.name]
    return bidi.lazy_paragraph_class()(markup, style, rtl=rtl)


def _logical(ctx: Context, elem: StructElem, text: str) -> StructElem:
    """``elem``, given ``text`` as its ActualText when that text is drawn by the bidi rules (visual order)."""
    if _direction(ctx, text) is not None:
        elem.actual_text = " ".join(text.split())
    return elem


def _para(ctx: Context, text: str, style: ParagraphStyle) -> RLParagraph:
    return _flow(ctx, _markup(ctx, text, ctx.faces[style.fontName]), style, text)


def _marked(
    ctx: Context,
    text: str,
    style: ParagraphStyle,
    target: StructElem | Artifact,
    **hooks: Any,
) -> Flowable:
    if isinstance(target, StructElem):
        _logical(ctx, target, text)
    return Marked(_para(ctx, text, style), target, **hooks)


def _marked_pieces(
    ctx: Context,
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


def _piece_styles(ctx: Context, style: ParagraphStyle, count: int) -> list[ParagraphStyle]:
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
    ctx: Context, text: str, style: ParagraphStyle, dateline: str | None = None
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


def _paragraph(ctx: Context, block: Paragraph, parent: StructElem, dateline: str | None) -> list[Flowable]:
    elem = _logical(ctx, parent.add("P"), block.text)
    return [Marked(piece, elem) for piece in _pieced(ctx, block.text, ctx.styles.body, dateline)]


def _quote(ctx: Context, block: Quote, parent: StructElem) -> list[Flowable]:
    styles = ctx.styles
    quote = parent.add("BlockQuote")
    elem = _logical(ctx, quote.add("P"), block.text)
    bodies = _pieced(ctx, block.text, styles.quote)
    speaker = _para(ctx, f"— {block.speaker}", styles.speaker) if block.speaker else None
    last = len(bodies) - 1
    return [QuoteBlock(body, speaker if i == last else None, elem, styles) for i, body in enumerate(bodies)]


def _list(ctx: Context, block: ListBlock, parent: StructElem) -> list[Flowable]:
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
            flowables.append(ListItem(first_label, body, indent, lbl, lbody, space_after, rtl))
    return flowables


def _block(ctx: Context, block: Block, parent: StructElem, dateline: str | None) -> list[Flowable]:
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
    ctx: Context, section: Section, index: int, root: StructElem, dateline: str | None
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


def build_story(ctx: Context, document: Document, root: StructElem) -> list[Flowable]:
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
            story.append(Rule(styles))
        story.extend(_section(ctx, section, index, root, dateline))
        dateline = None
    for contact in meta.contacts:
        story.append(_lines(ctx, contact, styles.contacts, root))
    if meta.end_mark:  # several marks ("###" then "-30-") one per line, as written
        story.append(_lines(ctx, meta.end_mark, styles.end_mark, root))
    return story


def _lines(ctx: Context, text: str, style: ParagraphStyle, root: StructElem) -> Flowable:
    """One paragraph whose lines (joined by newlines in the model) keep their line breaks."""
    face = ctx.faces[style.fontName]
    lines = [_markup(ctx, line, face) for line in text.split("\n")]
    elem = _logical(ctx, root.add("P"), text)
    return Marked(_flow(ctx, "<br/>".join(lines), style, text), elem)



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
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in set("".join(texts)))
