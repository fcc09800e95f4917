"""The model -> reportlab flowables: one handler per block type, each flowable marked for its element.

All model text reaches reportlab's Paragraph mini-markup through ``markup`` (escaped, fallback fonts,
inline marks) only.  The release notice sits above the headline; contacts, the "About" boilerplate and the
end mark follow the body.  When the theme shows speakers, a quote's speaker is printed under
it as a layout artifact ("— Pat Ryder"): those words are not in the model (the attribution
inside the quote already is), so the structure tree leaves them out and only plain-text
extraction (pdftotext) shows them.  A
paragraph holding right-to-left text is laid out and drawn by ``rtl``, which only a document
with such text imports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, assert_never

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus import Paragraph as RLParagraph

from pressconv.errors import Notes
from pressconv.model import (
    Block,
    Document,
    Figure,
    ListBlock,
    Marks,
    Paragraph,
    Quote,
    Section,
    Table,
)
from pressconv.text import body_and_boilerplate, is_boilerplate
from pressconv.writers._labels import LABELS, Labels
from pressconv.writers.pdf import tables
from pressconv.writers.pdf.contacts import contact_marks
from pressconv.writers.pdf.flowables import ListItem, QuoteBlock, Rule
from pressconv.writers.pdf.fonts import Face, FontSet
from pressconv.writers.pdf.inline import clip
from pressconv.writers.pdf.markup import markup as _markup
from pressconv.writers.pdf.paragraph import LazyParagraph, piece_starts, pieces_of
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
    labels: dict[str, str] = field(default_factory=dict)
    """Each note's id -> its label, for note references."""
    links: dict[str, str] = field(default_factory=dict)
    """Each link target drawn -> the words of its first link (the annotation's alternate text)."""
    show_speaker: bool = False
    """Print "— Name" under each attributed quote (the theme's setting)."""
    key: str = "pc-"
    """How this document's bookmark names start (one prefix per release of a press kit)."""
    words: Labels = LABELS["en"]
    """The words the writer adds (notes headings, an image's fallback alt text) in the document's language."""


def _cells(ctx: Context) -> tables.Cells:
    """What the table and figure handlers need of this render."""
    return tables.Cells(
        ctx.styles,
        lambda text, style, marks: _para(ctx, text, style, marks),
        lambda elem, text: _logical(ctx, elem, text),
        ctx.notes,
        ctx.words.image,
    )


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


def _para(
    ctx: Context, text: str, style: ParagraphStyle, marks: Marks = (), *, recurring: bool = False
) -> RLParagraph:
    return _flow(ctx, _markup(ctx, text, ctx.faces[style.fontName], marks, recurring=recurring), style, text)


def paragraph_of(ctx: Context, text: str, style: ParagraphStyle) -> RLParagraph:
    """A paragraph of ``text`` outside the model's blocks (fallback fonts, bidi-aware)."""
    return _para(ctx, text, style)


def logical(ctx: Context, elem: StructElem, text: str) -> StructElem:
    """``elem`` with ``text`` as its ActualText when ``paragraph_of`` draws it right to left."""
    return _logical(ctx, elem, text)


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
    marks: Marks = (),
    *,
    recurring: bool = False,
) -> list[Flowable]:
    """A heading or headline of any length as one structure element: pieces for a long one (linear)."""
    _logical(ctx, target, text)
    return [
        Marked(piece, target, on_first_draw=on_first_draw if i == 0 else None)
        for i, piece in enumerate(_pieced(ctx, text, style, marks=marks, recurring=recurring))
    ]


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
    ctx: Context,
    text: str,
    style: ParagraphStyle,
    dateline: str | None = None,
    marks: Marks = (),
    *,
    recurring: bool = False,
) -> list[RLParagraph]:
    """The paragraphs that lay ``text`` out in ``style``: one, or one per ``PIECE`` of a long text.

    Every kind of block goes through here (body text, quotes, list items, headings, the headline), so
    layout time is linear in the size of any block.  The caller gives all pieces one structure
    element, so the text reads and tags as one paragraph.  Each piece gets the marks over its words.
    """
    pieces = pieces_of(text)
    texts = list(pieces)  # the model's words of each piece, the dateline included
    starts = piece_starts(text, pieces)
    last = len(pieces) - 1
    spans = [
        clip(marks, start, start + len(piece), last=i == last) if marks else ()
        for i, (start, piece) in enumerate(zip(starts, pieces, strict=True))
    ]
    face = ctx.faces[style.fontName]
    head = ""
    if dateline and text.startswith(dateline) and len(pieces[0]) >= len(dateline):
        dateline_face = ctx.styles.dateline
        cut = len(dateline)
        head_marks = clip(spans[0], 0, cut, last=False) if spans[0] else ()
        head_markup = _markup(ctx, dateline, dateline_face, head_marks)
        head = f'<font name="{dateline_face.name}">{head_markup}</font>'
        spans[0] = clip(spans[0], cut, len(pieces[0]), last=last == 0) if spans[0] else ()
        pieces[0] = pieces[0][cut:]
    markups = [
        _markup(ctx, piece, face, span, recurring=recurring)
        for piece, span in zip(pieces, spans, strict=True)
    ]
    markups[0] = head + markups[0]
    styles = _piece_styles(ctx, style, len(markups))
    return [
        _flow(ctx, markup, piece_style, piece)
        for markup, piece_style, piece in zip(markups, styles, texts, strict=True)
    ]


def _paragraph(ctx: Context, block: Paragraph, parent: StructElem, dateline: str | None) -> list[Flowable]:
    elem = _logical(ctx, parent.add("P"), block.text)
    pieces = _pieced(ctx, block.text, ctx.styles.body, dateline, block.marks)
    return [Marked(piece, elem) for piece in pieces]


def _quote(ctx: Context, block: Quote, parent: StructElem) -> list[Flowable]:
    styles = ctx.styles
    quote = parent.add("BlockQuote")
    elem = _logical(ctx, quote.add("P"), block.text)
    bodies = _pieced(ctx, block.text, styles.quote, marks=block.marks)
    speaker = None
    if block.speaker and ctx.show_speaker:  # a speaker's line recurs in release after release
        speaker = _para(ctx, f"— {block.speaker}", styles.speaker, recurring=True)
    last = len(bodies) - 1
    return [
        QuoteBlock(body, speaker if i == last else None, elem, styles, i == last)
        for i, body in enumerate(bodies)
    ]


#: The label of an unordered item by depth: the same whatever bullet the source used.
BULLETS = ("•", "◦", "▪")


def _list(ctx: Context, block: ListBlock, parent: StructElem) -> list[Flowable]:
    """A list, nested by item level: a deeper item opens a list inside the previous item's body."""
    styles = ctx.styles
    indent = styles.measures.list_indent
    stack = [parent.add("L")]  # the open list at each depth
    bodies_at: list[StructElem] = []  # the last item's body at each depth
    numbers = [0]  # the running number at each depth
    flowables: list[Flowable] = []
    count = len(block.items)
    for index, text in enumerate(block.items):
        depth = min(block.level(index), len(bodies_at))  # at most one deeper than the item before
        if depth == len(stack):  # one level deeper: a list inside the last item's body
            stack.append(bodies_at[depth - 1].add("L"))
            numbers.append(0)
        del stack[depth + 1 :], numbers[depth + 1 :], bodies_at[depth:]
        numbers[depth] += 1
        li = stack[depth].add("LI")
        lbl, lbody = li.add("Lbl"), _logical(ctx, li.add("LBody"), text)
        bodies_at.append(lbody)
        marker = f"{numbers[depth]}." if block.ordered else BULLETS[min(depth, len(BULLETS) - 1)]
        rtl = bool(_direction(ctx, text))
        label_style = styles.list_label
        if rtl:  # a right-to-left item: its label right-aligned in a gutter on the right
            name = f"{label_style.name}-rtl"
            if name not in ctx.rtl_styles:
                ctx.rtl_styles[name] = ParagraphStyle(name, parent=label_style, alignment=TA_RIGHT)
            label_style = ctx.rtl_styles[name]
        label = _para(ctx, marker, label_style)
        bodies = _pieced(ctx, text, styles.list_item, marks=block.marks(index))
        last = index == count - 1
        for i, body in enumerate(bodies):
            final = i == len(bodies) - 1
            space_after = styles.body.spaceAfter if last and final else None
            first_label = label if i == 0 else None
            flowables.append(
                ListItem(first_label, body, indent, lbl, lbody, space_after, rtl, indent * depth)
            )
    return flowables


def _block(ctx: Context, block: Block, parent: StructElem, dateline: str | None) -> list[Flowable]:
    match block:
        case Paragraph():
            return _paragraph(ctx, block, parent, dateline)
        case Quote():
            return _quote(ctx, block, parent)
        case ListBlock():
            return _list(ctx, block, parent)
        case Table():
            return tables.table(_cells(ctx), block, parent)
        case Figure():
            return tables.figure(_cells(ctx), block, parent)
        case _:
            assert_never(block)


def _bookmark(key: str, title: str, level: int) -> Callable[[Canvas, float, float], None]:
    def add(canv: Canvas, x: float, top: float) -> None:
        canv.bookmarkHorizontal(key, x, top)
        canv.addOutlineEntry(title, key, level=level, closed=False)

    return add


def _section(
    ctx: Context, section: Section, index: int, root: StructElem, dateline: str | None, level: int
) -> list[Flowable]:
    """A section; ``level`` is its heading level in the tags (never more than one below the last)."""
    boilerplate = is_boilerplate(section)
    styles = ctx.styles
    flowables: list[Flowable] = []
    if section.heading is not None:
        style = styles.boilerplate_heading if boilerplate else styles.headings[level]
        hook = _bookmark(f"{ctx.key}section-{index}", section.heading, level - 1)
        heading = root.add(f"H{level}")
        pieces = _marked_pieces(
            ctx, section.heading, style, heading, hook, section.heading_marks, recurring=boilerplate
        )
        if section.blocks and isinstance(section.blocks[0], Table):
            # Kept with the table by the page break the table asks for, not by keepWithNext, which would
            # move a table longer than the space left to the next page whole.
            flowables.append(CondPageBreak(tables.TABLE_START + 2 * style.leading))
            for piece in pieces:
                assert isinstance(piece, Marked)
                piece.keep_with_next(False)
        flowables.extend(pieces)
    for block in section.blocks:
        if boilerplate and isinstance(block, Paragraph):
            flowables.extend(
                _marked_pieces(
                    ctx, block.text, styles.boilerplate, root.add("P"), marks=block.marks, recurring=True
                )
            )
        else:
            flowables.extend(_block(ctx, block, root, dateline))
        dateline = None
    return flowables


def build_story(ctx: Context, document: Document, root: StructElem) -> list[Flowable]:
    styles = ctx.styles
    meta = document.metadata
    ctx.labels.update((note.id, note.label) for note in document.notes)
    story: list[Flowable] = []
    if meta.publisher:  # the letterhead, where a reader expects it: above the release line
        story.append(_lines(ctx, meta.publisher, styles.publisher, root))
    if meta.release:
        story.append(_marked(ctx, meta.release, styles.release, root.add("P")))
    headline = _bookmark(f"{ctx.key}headline", document.headline, 0)
    story.extend(
        _marked_pieces(
            ctx, document.headline, styles.headline, root.add("H1"), headline, document.headline_marks
        )
    )
    if document.subtitle:
        story.extend(
            _marked_pieces(
                ctx, document.subtitle, styles.subtitle, root.add("P"), marks=document.subtitle_marks
            )
        )
    if meta.byline:
        story.append(_marked(ctx, meta.byline, styles.byline, root.add("P")))
    body, about = body_and_boilerplate(document.sections)
    dateline = document.dateline
    level = 1  # the headline's
    for index, section in enumerate([*body, *about]):
        if about and section is about[0]:
            story.append(Rule(styles))
        if section.heading is not None:
            level = max(2, min(section.level, level + 1, 4))
        story.extend(_section(ctx, section, index, root, dateline, level))
        dateline = None
    closing: list[Flowable] = []
    for number, contact in enumerate(meta.contacts):
        details = meta.contact_details[number] if len(meta.contact_details) == len(meta.contacts) else None
        closing.append(_lines(ctx, contact, styles.contacts, root, contact_marks(contact, details)))
    if meta.end_mark:  # several marks ("###" then "-30-") one per line, as written
        closing.append(_lines(ctx, meta.end_mark, styles.end_mark, root))
    if closing and story:
        # The contacts and end mark never start a page alone: each is kept with what follows it,
        # and the last block before them with them.
        for flowable in [story[-1], *closing[:-1]]:
            keep_with_next(flowable)
    story.extend(closing)
    story.extend(notes_list(ctx, document, root))
    return story


def keep_with_next(flowable: Flowable) -> None:
    """Keep ``flowable`` on the page of the flowable after it."""
    if isinstance(flowable, Marked):
        flowable.keep_with_next()
    else:
        flowable.keepWithNext = 1


def notes_list(ctx: Context, document: Document, root: StructElem) -> list[Flowable]:
    """The notes after the body: the notes to editors under their heading, then foot- and endnotes.

    Each is a list item labelled as the source labelled it; a note reference in the text shows the
    same label, raised.
    """
    styles = ctx.styles
    flowables: list[Flowable] = []
    editors = document.notes_heading or ctx.words.notes_to_editors
    groups = [
        (editors, [n for n in document.notes if n.kind == "editors"]),
        (ctx.words.notes, [n for n in document.notes if n.kind != "editors"]),
    ]
    for heading, notes in groups:
        if not notes:
            continue
        flowables.extend(_marked_pieces(ctx, heading, styles.boilerplate_heading, root.add("H2")))
        items = root.add("L")
        for note in notes:
            li = items.add("LI")
            lbl, lbody = li.add("Lbl"), _logical(ctx, li.add("LBody"), note.text)
            label = _para(ctx, note.label, styles.note)
            bodies = _pieced(ctx, note.text, styles.note, marks=note.marks)
            indent = styles.measures.list_indent
            flowables += [
                ListItem(
                    label if i == 0 else None,
                    body,
                    indent,
                    lbl,
                    lbody,
                    None,
                    bool(_direction(ctx, note.text)),
                )
                for i, body in enumerate(bodies)
            ]
    return flowables


def _lines(ctx: Context, text: str, style: ParagraphStyle, root: StructElem, marks: Marks = ()) -> Flowable:
    """One paragraph whose lines (joined by newlines in the model) keep their line breaks."""
    face = ctx.faces[style.fontName]
    lines, at = [], 0
    for line in text.split("\n"):
        line_marks = clip(marks, at, at + len(line), last=True) if marks else ()
        lines.append(_markup(ctx, line, face, line_marks, recurring=True))  # contacts, end marks recur
        at += len(line) + 1
    elem = _logical(ctx, root.add("P"), text)
    return Marked(_flow(ctx, "<br/>".join(lines), style, text), elem)
