"""A Word paragraph's runs -> its folded text with inline marks, note references and images.

The runs are walked in document order as they read with tracked changes
accepted (deleted and moved-away text, a text box's own paragraphs and the
fallback copy of a drawing are not the paragraph's words).  Each run's text
is kept with what it carries: bold, italic or code (direct formatting or a
character style), the link it sits in (``w:hyperlink`` by relationship or
anchor, or a HYPERLINK field, simple or complex), a footnote or endnote
reference, an inline picture.  ``fold_pieces`` then folds whitespace the
way every reader does and keeps each mark on the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal, TypeAlias

from pressconv.errors import Notes
from pressconv.readers.blocks import MarkKind, RawMark, fold
from pressconv.readers.docx.package import MC, Part, R, w
from pressconv.readers.docx.styles import RunMark, Styles, direct_marks
from pressconv.text import clean

NoteKind: TypeAlias = Literal["footnote", "endnote"]

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"
_R, _T, _RPR, _RSTYLE, _VAL, _TAB, _BR, _CR = (
    w(t) for t in ("r", "t", "rPr", "rStyle", "val", "tab", "br", "cr")
)
_HYPERLINK, _FLD_SIMPLE, _INSTR, _ID = w("hyperlink"), w("fldSimple"), w("instr"), w("id")
_NO_BREAK_HYPHEN, _FOOTNOTE_REF, _ENDNOTE_REF = (
    w("noBreakHyphen"),
    w("footnoteReference"),
    w("endnoteReference"),
)
_FLD_CHAR, _FLD_CHAR_TYPE, _INSTR_TEXT = w("fldChar"), w("fldCharType"), w("instrText")
_CUSTOM_MARK = w("customMarkFollows")
_PICTURES = frozenset({w("drawing"), w("pict"), w("object")})
_ALTERNATE = f"{{{MC}}}AlternateContent"
# A nested paragraph (text box), deleted or moved-away text, the fallback copy of a drawing, properties.
_NOT_OWN = frozenset({w("p"), w("del"), w("moveFrom"), f"{{{MC}}}Fallback", w("pPr"), w("rPr")})
_FIELD_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_SWITCH_WITH_ARGUMENT = frozenset({"\\l", "\\o", "\\t"})


@dataclass(frozen=True, slots=True)
class Image:
    """An inline picture: its bytes and media type, and the words the document gives it."""

    data: bytes | None
    """The bytes of an embedded picture; None for one linked from outside the package."""
    media_type: str | None
    src: str | None
    """Where a linked picture is (its URL or path); None for an embedded one."""
    alt: str
    """``wp:docPr`` ``descr`` (or ``title`` when there is no description)."""
    title: str


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with the marks it carries; ``text`` "\\n" is a line break, "" with a note a reference."""

    text: str
    marks: frozenset[RunMark] = frozenset()
    link: str | None = None
    note: str | None = None


_LINE_BREAK = Piece("\n")


@dataclass(slots=True)
class Inline:
    """What a paragraph's runs hold, before folding."""

    pieces: list[Piece] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """The note references (``footnote:ID``) in reading order."""
    labels: dict[str, str] = field(default_factory=dict)
    """A note reference -> the mark typed in its place (``w:customMarkFollows``: "*", "†")."""


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text with its marks; ``lines`` are the text split at its line breaks."""

    text: str
    lines: tuple[str, ...]
    marks: tuple[RawMark, ...]


@dataclass(slots=True)
class _Field:
    instruction: list[str] = field(default_factory=list)
    link: str | None = None
    showing: bool = False


class _Walk:
    """One paragraph's walk: the part (for relationships), styles, the open fields."""

    def __init__(self, part: Part, styles: Styles, notes: Notes) -> None:
        self.part = part
        self.styles = styles
        self.notes = notes
        self.fields: list[_Field] = []
        self.out = Inline()

    def link(self, outer: str | None) -> str | None:
        for open_field in reversed(self.fields):
            if open_field.showing and open_field.link:
                return open_field.link
        return outer

    def children(self, element: Any, link: str | None) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self.run(child, link)
            elif tag in _NOT_OWN or not isinstance(tag, str):
                continue
            elif tag == _HYPERLINK:
                self.children(child, _hyperlink(child, self.part) or link)
            elif tag == _FLD_SIMPLE:
                self.children(child, field_link(child.get(_INSTR, "")) or link)
            else:  # w:ins, w:moveTo, w:smartTag, w:sdt, w:sdtContent, w:customXml, mc:AlternateContent …
                self.children(child, link)

    def run(self, run: Any, outer: str | None) -> None:
        rpr = run.find(_RPR)
        marks: frozenset[RunMark] = frozenset()
        if rpr is not None:
            marks = direct_marks(rpr)
            style = rpr.find(_RSTYLE)
            if style is not None:
                marks = marks | self.styles.run_marks(style.get(_VAL, ""))
        custom: str | None = None  # a note reference whose mark is the text that follows it
        for child in run:
            tag = child.tag
            if tag == _T:
                # itertext, not .text: an entity reference (never resolved) splits the text node
                text = child.text if len(child) == 0 else "".join(child.itertext())
                if custom is not None and text and text.strip():
                    self.out.labels[custom] = " ".join(text.split())  # the note's label, shown by writers
                    custom = None
                    continue
                self.add(text, marks, outer)
            elif tag == _RPR:
                continue
            elif tag == _TAB:
                self.add(" ", marks, outer)
            elif tag in (_BR, _CR):
                self.out.pieces.append(_LINE_BREAK)
            elif tag == _NO_BREAK_HYPHEN:
                self.add("\u2011", marks, outer)
            elif tag in (_FOOTNOTE_REF, _ENDNOTE_REF):
                kind = "footnote" if tag == _FOOTNOTE_REF else "endnote"
                ref = f"{kind}:{child.get(_ID, '')}"
                self.out.notes.append(ref)
                self.out.pieces.append(Piece("", note=ref))
                if child.get(_CUSTOM_MARK) in ("1", "true", "on"):
                    custom = ref
            elif tag == _FLD_CHAR:
                self.field_char(child.get(_FLD_CHAR_TYPE))
            elif tag == _INSTR_TEXT and self.fields and not self.fields[-1].showing:
                self.fields[-1].instruction.append("".join(child.itertext()))
            elif tag in _PICTURES:
                self.images(child)
            elif tag == _ALTERNATE:
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    for inner in choice:
                        if inner.tag in _PICTURES:
                            self.images(inner)

    def add(self, text: str, marks: frozenset[RunMark], outer: str | None) -> None:
        if not text:
            return
        text, link = clean(text, self.notes), self.link(outer)
        pieces = self.out.pieces
        if pieces:
            last = pieces[-1]
            if last.marks == marks and last.link == link and last.note is None and last.text != "\n":
                pieces[-1] = Piece(last.text + text, marks, link)  # Word splits runs for its own reasons
                return
        pieces.append(Piece(text, marks, link))

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            current = self.fields[-1]
            current.showing = True
            current.link = field_link("".join(current.instruction))
        elif kind == "end" and self.fields:
            self.fields.pop()

    def images(self, element: Any) -> None:
        """Pictures in a drawing (DrawingML ``a:blip``) or VML shape (``v:imagedata``), with their words."""
        for blip in element.iter(f"{{{_A}}}blip"):
            if _in_text_box(blip, element):
                continue  # a picture in a text box is read with the text box's own paragraphs
            props = next((a.find(f"{{{_WP}}}docPr") for a in blip.iterancestors() if a.tag in _ANCHORS), None)
            title = fold_text(props.get("title", "")) if props is not None else ""
            descr = fold_text(props.get("descr", "")) if props is not None else ""
            self.picture(blip.get(f"{{{R}}}embed") or blip.get(f"{{{R}}}link"), descr or title, title)
        for data in element.iter(f"{{{_V}}}imagedata"):
            if _in_text_box(data, element):
                continue
            shape = data.getparent()
            title = fold_text(data.get(f"{{{_O}}}title", ""))
            alt = fold_text(shape.get("alt", "")) if shape is not None else ""
            self.picture(data.get(f"{{{R}}}id"), alt or title, title)

    def picture(self, rel_id: str | None, alt: str, title: str) -> None:
        embedded = self.part.blob(rel_id)
        if embedded is not None:
            self.out.images.append(Image(embedded[0], embedded[1], None, alt, title))
            return
        rel = self.part.relations.get(rel_id or "")
        if rel is not None and rel.external:
            self.out.images.append(Image(None, None, rel.target, alt, title))


_ANCHORS = frozenset({f"{{{_WP}}}inline", f"{{{_WP}}}anchor"})


def _in_text_box(element: Any, within: Any) -> bool:
    for parent in element.iterancestors():
        if parent is within:
            return False
        if parent.tag == w("txbxContent"):
            return True
    return False


def fold_text(text: str) -> str:
    return " ".join(text.split())


def _hyperlink(element: Any, part: Part) -> str | None:
    target = part.link(element.get(f"{{{R}}}id"))
    anchor = element.get(w("anchor"))
    if target and anchor:
        return f"{target}#{anchor}"
    return target or (f"#{anchor}" if anchor else None)


def field_link(instruction: str) -> str | None:
    """The target of a HYPERLINK field instruction (``HYPERLINK "url" \\l "anchor"``); None for others."""
    tokens = [quoted or bare for quoted, bare in _FIELD_TOKEN.findall(instruction)]
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return None
    url: str | None = None
    anchor: str | None = None
    rest = iter(tokens[1:])
    for token in rest:
        switch = token.lower()
        if switch in _SWITCH_WITH_ARGUMENT:
            argument = next(rest, None)
            if switch == "\\l":
                anchor = argument
        elif switch.startswith("\\"):
            continue
        elif url is None:
            url = token
    if url and anchor:
        return f"{url}#{anchor}"
    return url or (f"#{anchor}" if anchor else None)


def runs(paragraph: Any, part: Part, styles: Styles, notes: Notes) -> Inline:
    """The paragraph's own runs as marked pieces, its note references and its pictures."""
    walk = _Walk(part, styles, notes)
    walk.children(paragraph, None)
    return walk.out


def fold_pieces(pieces: list[Piece]) -> Folded:
    """Pieces -> folded text (whitespace runs one space, line breaks one space between lines) and marks.

    A mark covers the pieces that carry it, whitespace between them included but
    never at its ends.  Marks nest and never partly overlap: when a mark stops
    while marks opened inside it go on, those are closed and opened again after
    it.  A line break is a zero-width mark where its new line starts; a note
    reference a zero-width mark where it stood.
    """
    if len(pieces) == 1 and not pieces[0].marks and pieces[0].link is None and pieces[0].note is None:
        text = fold(pieces[0].text) if pieces[0].text != "\n" else ""
        return Folded(text, (text,) if text else (), ())  # a plain paragraph, the common case
    out: list[str] = []
    length = 0
    pending = ""  # "" nothing, " " a space, "\n" a line break owed before the next word
    stack: list[tuple[MarkKind, str | None]] = []  # open marks, outermost first
    starts: dict[tuple[MarkKind, str | None], int] = {}
    ends: dict[tuple[MarkKind, str | None], int] = {}
    marks: list[RawMark] = []
    for piece in pieces:
        if piece.note is not None:
            marks.append(RawMark(length, length, "noteref", piece.note))
            continue
        if piece.text == "\n":
            if length:
                pending = "\n"
            continue
        core = " ".join(piece.text.split())
        if not core:
            if length and not pending:
                pending = " "
            continue
        if length and (pending or piece.text[0].isspace()):
            out.append(" ")
            length += 1
            if pending == "\n":
                marks.append(RawMark(length, length, "break"))
        pending = ""
        # Sorted, never a set's order: the marks come out in the same order on every run.
        keys: list[tuple[MarkKind, str | None]] = [(kind, None) for kind in sorted(piece.marks)]
        if piece.link is not None:
            keys.insert(0, ("link", piece.link))
        stopped = next((i for i, key in enumerate(stack) if key not in keys), None)
        if stopped is not None:
            for key in reversed(stack[stopped:]):  # close from the innermost out
                marks.append(RawMark(starts.pop(key), ends.pop(key), key[0], key[1]))
            reopened = [key for key in stack[stopped:] if key in keys]
            del stack[stopped:]
            for key in reopened:
                stack.append(key)
                starts[key] = length
        for key in keys:
            if key not in starts:
                stack.append(key)
                starts[key] = length
        out.append(core)
        length += len(core)
        for key in stack:
            ends[key] = length
        if piece.text[-1].isspace():
            pending = " "
    for key in reversed(stack):
        marks.append(RawMark(starts[key], ends[key], key[0], key[1]))
    text = "".join(out)
    # In order of start, the longer (outer) first; the sort is stable, so references keep reading order.
    marks.sort(key=lambda m: (m.start, -m.end))
    breaks = [m.start for m in marks if m.kind == "break"]
    cuts = [0, *breaks, length + 1]
    lines = tuple(text[a : b - 1] for a, b in pairwise(cuts))
    return Folded(text, tuple(line for line in lines if line), tuple(marks))
