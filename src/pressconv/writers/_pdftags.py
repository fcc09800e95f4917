"""PDF tagging: a tree of structure elements + marked content drawn by platypus -> a tagged PDF.

The writer builds a ``StructElem`` tree from the model before layout and wraps
each flowable in ``Marked``; while the pages are drawn, ``Tagger`` brackets each
flowable's operators in ``/Tag <</MCID n>> BDC … EMC`` (or an ``/Artifact``
sequence) and records which element owns each MCID on each page.  When the
canvas is saved it writes StructTreeRoot, ParentTree, per-page StructParents
and Tabs, MarkInfo and XMP metadata as reportlab PDF objects.  A flowable that
splits across pages keeps its one element, which then owns MCIDs on two pages.

Why this module touches reportlab internals, and only this one: reportlab has
no API for structure trees.  Tested with reportlab 4.2.0, 4.2.5 and 5.1.0 (the
whole PDF test suite passes on each; pyproject's ``reportlab>=4.2`` holds).
Everything it needs beyond the public canvas (``addLiteral``, ``getPageNumber``, ``beginText``,
``canvasmaker=``) is here: ``canvas._doc`` (the PDFDocument, its ``Catalog``,
``Pages.pages`` and ``Reference``), adding ``StructParents``/``Tabs`` to a page
by extending that page object's ``__NoDefault__`` key list, and overriding
``PDFTextObject._textOut`` in a subclass our canvas hands out (never patched
globally) so each paragraph line ends with a space: without it, text read
through the structure tree glues the last word of a line to the next line's
first word.  XMP is an own ``PDFStream``, so reportlab's ``pdfdoc.XMP``
(4.2.2+) is not needed.  Two font fixes live here for the same reason:
``EmbeddedTTFont`` rewrites reportlab's ToUnicode entries for characters beyond
the BMP (it writes ``<1F600>`` where PDF wants the UTF-16 pair ``<D83DDE00>``,
so emoji extracted as U+1F60) and maps the Arabic presentation forms the PDF
writer draws for shaped Arabic back to the letters they join, and ``draw_as_notdef``/``draw_invisible`` map a
character no font has to glyph 0 (or to a zero-width blank, for invisible
format characters) in our own font object's cmap dict, so it keeps a text code
of its own instead of reportlab's shared code 0 (which extracts as U+0000).
"""

from __future__ import annotations

import re
import struct
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

#: The standard structure types the writer may use (ISO 32000-1 §14.8.4); no RoleMap is written.
STANDARD_TYPES = frozenset(
    {
        "Document",
        "Part",
        "Sect",
        "Div",
        "H1",
        "H2",
        "H3",
        "P",
        "BlockQuote",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Span",
    }
)


@dataclass(eq=False, slots=True)
class StructElem:
    """One structure element; kids are elements or (page index, MCID) pairs, in reading order."""

    tag: str
    parent: StructElem | None = None
    kids: list[StructElem | tuple[int, int]] = field(default_factory=list)
    number: int = -1
    """Its place in the written tree (object name ``pcSE<number>``), set by ``write_structure``."""
    actual_text: str | None = None
    """Its words in logical order, written as /ActualText: set where the content draws right-to-left
    glyphs in visual order, so assistive technology reading the tree gets the words as written."""

    def add(self, tag: str) -> StructElem:
        """A new child element, appended."""
        assert tag in STANDARD_TYPES, tag
        child = StructElem(tag, self)
        self.kids.append(child)
        return child


@dataclass(frozen=True, slots=True)
class Artifact:
    """Content that is not part of the text: page furniture, decoration, repeated words."""

    properties: str = ""
    """The property list after ``/Artifact``, e.g. ``/Type /Pagination /Subtype /Footer``."""


PAGINATION_FOOTER = Artifact("/Type /Pagination /Subtype /Footer")
LAYOUT = Artifact("/Type /Layout")
REDUNDANT = Artifact()


@dataclass(slots=True)
class Tagger:
    """Numbers marked content per page while drawing, and remembers which element owns each MCID."""

    root: StructElem = field(default_factory=lambda: StructElem("Document"))
    owners: dict[int, list[StructElem]] = field(default_factory=dict)
    """Page index (0-based) -> the element owning MCID i at position i."""

    def begin(self, canv: Canvas, target: StructElem | Artifact) -> None:
        """Open a marked-content sequence for ``target`` on the current page."""
        if isinstance(target, Artifact):
            props = f" <<{target.properties}>> BDC" if target.properties else " BMC"
            canv.addLiteral("/Artifact" + props)
            return
        page = canv.getPageNumber() - 1
        owners = self.owners.setdefault(page, [])
        mcid = len(owners)
        owners.append(target)
        target.kids.append((page, mcid))
        canv.addLiteral(f"/{target.tag} <</MCID {mcid}>> BDC")

    @staticmethod
    def end(canv: Canvas) -> None:
        """Close the innermost marked-content sequence."""
        canv.addLiteral("EMC")


@contextmanager
def marked(canv: Canvas, target: StructElem | Artifact) -> Iterator[None]:
    """Bracket what is drawn inside in marked content, when the canvas tags at all."""
    tagger = getattr(canv, "tagger", None)
    if tagger is None:
        yield
        return
    tagger.begin(canv, target)
    try:
        yield
    finally:
        tagger.end(canv)


#: Runs when a flowable's first part is drawn: (canvas, x, y of its top).
FirstDraw = Callable[[Canvas, float, float], None]


class Marked(Flowable):
    """Any flowable, drawn inside a marked-content sequence for its element; parts of a split share it.

    Everything but drawing and splitting is delegated, so keepWithNext, spacing and
    widow control behave exactly as for the wrapped flowable.
    """

    def __init__(
        self,
        inner: Flowable,
        target: StructElem | Artifact,
        *,
        on_first_draw: FirstDraw | None = None,
    ) -> None:
        """``on_first_draw`` runs once, when the first part is drawn (e.g. to bookmark it)."""
        self.__dict__.update(inner=inner, target=target, on_first_draw=on_first_draw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["inner"], name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            self.__dict__[name] = value
        else:
            setattr(self.__dict__["inner"], name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self.__dict__["inner"], name)

    def _parts(self, parts: list[Flowable]) -> list[Flowable]:
        return [
            Marked(
                part,
                self.target,
                on_first_draw=self.on_first_draw if i == 0 else None,
            )
            for i, part in enumerate(parts)
        ]

    # Flowable defines these on the class, where __getattr__ never sees them: forward them by hand.
    @property
    def _fixedWidth(self) -> Any:
        return self.inner._fixedWidth

    @property
    def _fixedHeight(self) -> Any:
        return self.inner._fixedHeight

    def getKeepWithNext(self) -> Any:
        # The doc template clears keepWithNext by writing straight into __dict__ once it has grouped the
        # flowable with the next one; honour that, or the group is regrouped forever.
        if "keepWithNext" in self.__dict__:
            return self.__dict__["keepWithNext"]
        return self.inner.getKeepWithNext()

    def getSpaceBefore(self) -> Any:
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> Any:
        return self.inner.getSpaceAfter()

    def minWidth(self) -> Any:
        return self.inner.minWidth()

    def isIndexing(self) -> Any:
        return self.inner.isIndexing()

    def identity(self, maxLen: int | None = None) -> Any:
        return self.inner.identity(maxLen)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.inner.wrap(avail_width, avail_height)  # type: ignore[no-any-return]

    def wrapOn(self, canv: Canvas, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.inner.wrapOn(canv, avail_width, avail_height)  # type: ignore[no-any-return]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._parts(self.inner.split(avail_width, avail_height))

    def splitOn(self, canv: Canvas, avail_width: float, avail_height: float) -> list[Flowable]:
        return self._parts(self.inner.splitOn(canv, avail_width, avail_height))

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self.on_first_draw is not None:
            self.on_first_draw(canv, x, y + self.inner.height)
        with marked(canv, self.target):
            self.inner.drawOn(canv, x, y, _sW)


_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16_entry(match: re.Match[str]) -> str:
    code = int(match[2], 16) - 0x10000
    return f"<{match[1]}> <{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}>"


#: A ToUnicode entry for an Arabic presentation form (U+FB50–U+FDFF, U+FE70–U+FEFF).
_FORM_ENTRY = re.compile(r"<([0-9A-F]{2})> <(F(?:B[5-9A-F]|[CD][0-9A-F]|E[7-9A-F])[0-9A-F])>")


def _letters_entry(match: re.Match[str]) -> str:
    """A shaped Arabic glyph read back as the letters it joins (its NFKC form).

    A lam-alef ligature stands for two letters; they are listed in drawing order (alef, then lam),
    since right-to-left glyphs are drawn in visual order and extraction reverses the run they sit in.
    """
    letters = unicodedata.normalize("NFKC", chr(int(match[2], 16)))
    if letters == chr(int(match[2], 16)):
        return match[0]
    return f"<{match[1]}> <{letters[::-1].encode('utf-16-be').hex().upper()}>"


class FastFace(TTFontFace):
    """reportlab's TTFontFace, reading the cmap, hmtx and loca tables as whole arrays.

    ``TTFontFile.extractInfo`` reads them one number at a time through method calls, ~15 ms of CPU per
    DejaVu face; this gives the very same attributes (``charToGlyph``, ``glyphToChar`` with its lists in
    the same order, ``charWidths``, ``hmetrics``, ``glyphPos``, ``defaultWidth``) in a third of that.
    It lets reportlab read the headers itself, and falls back to reportlab's whole parse for cmap
    formats other than 4 and 12 and for anything unexpected.  A test compares both on every system font.
    """

    def extractInfo(self, charInfo: Literal[0, 1] | bool = 1) -> None:  # reportlab's name
        super().extractInfo(0)  # names, flags, metrics, numGlyphs: everything before the cmap
        if not charInfo:
            return
        try:
            done = self._tables()
        except (struct.error, KeyError, IndexError):
            done = False
        if not done:
            super().extractInfo(charInfo)

    def _tables(self) -> bool:
        data: bytes = self._ttf_data  # type: ignore[attr-defined]  # private to reportlab
        head = self.table["head"]["offset"]
        index_to_loc_format, glyph_data_format = struct.unpack_from(">HH", data, head + 50)
        (number_of_hmetrics,) = struct.unpack_from(">H", data, self.table["hhea"]["offset"] + 34)
        num_glyphs = self.numGlyphs
        if glyph_data_format != 0 or index_to_loc_format not in (0, 1):
            return False  # reportlab's own parse raises its error
        cmap_offset = self.table["cmap"]["offset"]
        cmap_version, count = struct.unpack_from(">HH", data, cmap_offset)
        if count == 0 and cmap_version != 0:
            count = cmap_version
        encoffs = None
        enc = 0
        for n in range(count):  # reportlab's choice of subtable, kept exactly
            platform, encoding, offset = struct.unpack_from(">HHL", data, cmap_offset + 4 + 8 * n)
            if platform == 3:
                enc, encoffs = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, encoffs = 2, offset
            elif (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
                enc, encoffs = 1, offset
        if encoffs is None:
            return False
        encoffs += cmap_offset
        (fmt,) = struct.unpack_from(">H", data, encoffs)
        char_to_glyph: dict[int, int] = {}
        glyph_to_char: dict[int, list[int]] = {}
        if fmt == 4:
            self._format4(data, encoffs, char_to_glyph, glyph_to_char)
        elif fmt == 12:
            (groups,) = struct.unpack_from(">L", data, encoffs + 12)
            if encoffs + 16 + 12 * groups > len(data):
                return False  # truncated: reportlab's parse fails on it as it always did
            for start, end, first in struct.iter_unpack(
                ">LLL", data[encoffs + 16 : encoffs + 16 + 12 * groups]
            ):
                chars, glyphs = range(start, end + 1), range(first, first + end - start + 1)
                char_to_glyph.update(zip(chars, glyphs, strict=True))
                for unichar, glyph in zip(chars, glyphs, strict=True):
                    if glyph in glyph_to_char:
                        glyph_to_char[glyph].append(unichar)
                    else:
                        glyph_to_char[glyph] = [unichar]
        else:
            return False

        scale: Callable[[int], Any] = self._pdfScale  # type: ignore[attr-defined]
        hmtx = self.table["hmtx"]["offset"]
        pairs = struct.unpack_from(f">{2 * number_of_hmetrics}H", data, hmtx)
        advances = pairs[0::2]
        hmetrics = list(zip(advances, pairs[1::2], strict=True))
        rest = max(0, num_glyphs - number_of_hmetrics)
        last = scale(advances[-1])
        lsbs = struct.unpack_from(f">{rest}H", data, hmtx + 4 * number_of_hmetrics)
        hmetrics += [(last, lsb) for lsb in lsbs]  # reportlab keeps the scaled width here
        char_widths: dict[int, Any] = {}
        bound = max(number_of_hmetrics, num_glyphs)  # reportlab visits glyphs below this, in order
        for glyph in sorted(glyph_to_char):
            if glyph >= bound:
                break
            width = scale(advances[glyph]) if glyph < number_of_hmetrics else last
            for char in glyph_to_char[glyph]:
                char_widths[char] = width

        loca = self.table["loca"]["offset"]
        if index_to_loc_format == 0:
            glyph_pos = [x << 1 for x in struct.unpack_from(f">{num_glyphs + 1}H", data, loca)]
        else:
            glyph_pos = list(struct.unpack_from(f">{num_glyphs + 1}L", data, loca))

        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        self.charToGlyph = char_to_glyph
        self.glyphToChar = glyph_to_char
        self.charWidths = char_widths
        self.defaultWidth = scale(advances[0])
        self.hmetrics = hmetrics
        self.glyphPos = glyph_pos
        self._pos = loca + (num_glyphs + 1) * (2 if index_to_loc_format == 0 else 4)
        return True

    @staticmethod
    def _format4(
        data: bytes, at: int, char_to_glyph: dict[int, int], glyph_to_char: dict[int, list[int]]
    ) -> None:
        length, _, seg_x2 = struct.unpack_from(">HHH", data, at + 2)
        limit = at + length
        n = seg_x2 // 2
        ends = struct.unpack_from(f">{n}H", data, at + 14)
        starts = struct.unpack_from(f">{n}H", data, at + 16 + 2 * n)
        deltas = struct.unpack_from(f">{n}h", data, at + 16 + 4 * n)
        range_start = at + 16 + 6 * n
        range_offsets = struct.unpack_from(f">{n}H", data, range_start)
        ushort = struct.Struct(">H").unpack_from
        for i in range(n):
            start, end, delta, range_offset = starts[i], ends[i], deltas[i], range_offsets[i]
            if range_offset == 0:
                for unichar in range(start, end + 1):
                    glyph = (unichar + delta) & 0xFFFF
                    char_to_glyph[unichar] = glyph
                    glyph_to_char.setdefault(glyph, []).append(unichar)
                continue
            base = range_start + 2 * i + range_offset
            for unichar in range(start, end + 1):
                offset = base + (unichar - start) * 2
                if offset >= limit:
                    glyph = 0  # reportlab's workaround for broken fonts
                else:
                    (glyph,) = ushort(data, offset)
                    if glyph != 0:
                        glyph = (glyph + delta) & 0xFFFF
                char_to_glyph[unichar] = glyph
                glyph_to_char.setdefault(glyph, []).append(unichar)


class EmbeddedTTFont(TTFont):
    """reportlab's TTFont with ToUnicode entries beyond the BMP written as UTF-16 surrogate pairs.

    Its face is parsed by ``FastFace``; the rest is what ``TTFont.__init__`` sets (a test compares them).
    """

    def __init__(self, name: str, filename: str) -> None:
        from fnmatch import fnmatch
        from weakref import WeakKeyDictionary

        from reportlab.pdfbase.ttfonts import unShapedFontGlob  # type: ignore[attr-defined]

        self.fontName = name
        self.face = FastFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        for name, obj in doc.idToObject.items():
            if isinstance(name, str) and name.startswith("toUnicodeCMap:") and isinstance(obj.content, str):
                obj.content = _WIDE_ENTRY.sub(_utf16_entry, obj.content)
                if "<F" in obj.content:  # only a document with shaped Arabic draws presentation forms
                    obj.content = _FORM_ENTRY.sub(_letters_entry, obj.content)


def draw_as_notdef(font_name: str, char: str) -> None:
    """Give a character the registered font lacks its own text code, drawn with the .notdef glyph."""
    pdfmetrics.getFont(font_name).face.charToGlyph.setdefault(ord(char), 0)  # type: ignore[attr-defined]


def draw_invisible(font_name: str, char: str) -> None:
    """Give a default-ignorable character the font lacks (a variation selector, a BOM) a blank glyph.

    It draws as the font's space glyph with zero advance: nothing shows, and the character
    keeps its text code for extraction.
    """
    face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
    face.charToGlyph.setdefault(ord(char), face.charToGlyph.get(32, 0))
    face.charWidths.setdefault(ord(char), 0)


class _SpacedText(PDFTextObject):
    """A text object whose lines each end in a space, so line ends stay word breaks in extracted text."""

    def _textOut(self, text: str, TStar: int = 0) -> None:
        super()._textOut(text + " " if TStar else text, TStar)  # type: ignore[misc]


class _Applied:
    """A stream filter whose work is already done: only its name goes into the file."""

    def __init__(self, pdfname: str) -> None:
        self.pdfname = pdfname

    def encode(self, content: bytes) -> bytes:
        return content


def _encode_now(page: Any) -> None:
    """Compress a finished page's content stream now, as reportlab's save would (the same bytes).

    reportlab keeps every page's stream as text until the file is saved; a long release held all of
    them at once (a 10 MB Arabic release, whose lines are drawn word by word, peaked at 500 MB).
    """
    if page.Contents or not page.stream or not page.compression:
        return
    filters: list[Any] = [pdfdoc.PDFZCompress]
    if rl_config.useA85:  # as PDFPage.check_format chooses them
        filters.insert(0, pdfdoc.PDFBase85Encode)
    content = page.stream
    for step in reversed(filters):
        content = step.encode(content)
    stream = pdfdoc.PDFStream(content=content, filters=[_Applied(step.pdfname) for step in filters])
    stream.__Comment__ = "page stream"  # type: ignore[attr-defined]  # reportlab's own marker, as it sets it
    page.Contents = stream
    page.stream = None


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
        return _SpacedText(self, x, y, direction=direction)

    def showPage(self) -> None:
        super().showPage()
        pages = self.pdf_document.Pages.pages
        _encode_now(pages[-1])
        if self.tagger is not None:
            page = pages[-1]
            page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents = len(pages) - 1
            page.Tabs = pdfdoc.PDFName("S")

    @property
    def pdf_document(self) -> Any:
        """reportlab's PDFDocument behind this canvas (private there, hence this one accessor)."""
        return self._doc  # type: ignore[attr-defined]

    def page_count(self) -> int:
        """Pages finished so far (all of them once drawing is done)."""
        return len(self.pdf_document.Pages.pages)

    def save(self) -> None:
        if self._code:  # type: ignore[attr-defined]
            self.showPage()
        if self._before_save is not None:
            self._before_save(self)
        if self._finish is not None:
            self._finish(self)
        super().save()


# ---------------------------------------------------------------------------------------------------------
# Writing the tree.


def _prune(elem: StructElem) -> bool:
    """Drop elements that received no content (e.g. a block that drew nothing); True when ``elem`` stays."""
    elem.kids = [k for k in elem.kids if not isinstance(k, StructElem) or _prune(k)]
    return bool(elem.kids)


def write_structure(canv: PressCanvas, tagger: Tagger, title: str, language: str, when: datetime) -> None:
    """Add the structure tree, ParentTree, MarkInfo and XMP to the canvas's document (call before save)."""
    doc = canv.pdf_document
    pages = doc.Pages.pages
    page_refs = [doc.Reference(page) for page in pages]
    _prune(tagger.root)

    order: list[StructElem] = []
    stack = [tagger.root]
    while stack:
        elem = stack.pop()
        order.append(elem)
        stack.extend(reversed([k for k in elem.kids if isinstance(k, StructElem)]))
    for number, elem in enumerate(order):
        elem.number = number

    def ref(elem: StructElem) -> pdfdoc.PDFObjectReference:
        return pdfdoc.PDFObjectReference(f"pcSE{elem.number}")

    root_name = "pcStructTreeRoot"

    def element(elem: StructElem) -> pdfdoc.PDFDictionary:
        mcid_pages = {k[0] for k in elem.kids if isinstance(k, tuple)}
        one_page = len(mcid_pages) == 1
        kids: list[Any] = []
        for kid in elem.kids:
            if isinstance(kid, StructElem):
                kids.append(ref(kid))
            elif one_page:
                kids.append(kid[1])
            else:
                mcr = {"Type": pdfdoc.PDFName("MCR"), "Pg": page_refs[kid[0]], "MCID": kid[1]}
                kids.append(pdfdoc.PDFDictionary(mcr))
        entry: dict[str, Any] = {
            "Type": pdfdoc.PDFName("StructElem"),
            "S": pdfdoc.PDFName(elem.tag),
            "P": ref(elem.parent) if elem.parent is not None else pdfdoc.PDFObjectReference(root_name),
            # A single kid is written bare: the spec allows it and some checkers trip over one-element arrays.
            "K": kids[0] if len(kids) == 1 else pdfdoc.PDFArray(kids),
        }
        if one_page:
            entry["Pg"] = page_refs[next(iter(mcid_pages))]
        if elem.actual_text is not None:
            entry["ActualText"] = pdfdoc.PDFString(elem.actual_text)
        return pdfdoc.PDFDictionary(entry)

    def parent_tree(_: None) -> pdfdoc.PDFDictionary:
        nums: list[Any] = []
        for index in range(len(pages)):
            nums.extend([index, pdfdoc.PDFArray([ref(owner) for owner in tagger.owners.get(index, [])])])
        return pdfdoc.PDFDictionary({"Nums": pdfdoc.PDFArray(nums)})

    for elem in order:  # registered now, in this order, so object numbers are fixed; made when written
        doc.Reference(_Deferred(element, elem), f"pcSE{elem.number}")
    parent_tree_ref = doc.Reference(_Deferred(parent_tree, None))
    tree_root = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("StructTreeRoot"),
            "K": ref(tagger.root),
            "ParentTree": parent_tree_ref,
            "ParentTreeNextKey": len(pages),
        }
    )
    doc.Catalog.StructTreeRoot = doc.Reference(tree_root, root_name)
    doc.Catalog.MarkInfo = pdfdoc.PDFDictionary({"Marked": pdfdoc.PDFtrue})
    doc.Catalog.Metadata = _XmpStream(xmp_packet(title, language, when))


class _Deferred(pdfdoc.PDFObject):
    """A PDF object made only when the file is written, then dropped.

    A long release has tens of thousands of structure elements; holding each as a
    PDFDictionary (with its names, references and kid arrays) until reportlab writes the file
    cost ~10 MB per MB of text at the peak.  Made as it is written, each lives only for its own
    formatting; the bytes are the same, since reportlab formats the object just as it would have.
    """

    # No __dict__ per object: reportlab adds only __InternalName__ (not mangled: it ends in "__").
    __slots__ = ("__InternalName__", "_make", "_of")

    def __init__(self, make: Callable[[Any], Any], of: Any) -> None:
        self._make, self._of = make, of

    def format(self, document: Any) -> bytes:
        data: bytes = pdfdoc.format(self._make(self._of), document, toplevel=1)
        return data


class _XmpStream(pdfdoc.PDFStream):
    """An uncompressed XMP metadata stream (readers and validators look for it in the clear)."""

    def __init__(self, packet: bytes) -> None:
        meta = {"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}
        super().__init__(pdfdoc.PDFDictionary(meta), packet, filters=[])


_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def xmp_packet(title: str, language: str, when: datetime) -> bytes:
    """The XMP packet: dc:title, dc:language, dates, and the PDF/UA-1 identification."""
    for prefix, uri in _NS.items():
        ET.register_namespace(prefix, uri)

    def q(name: str) -> str:
        prefix, local = name.split(":")
        return f"{{{_NS[prefix]}}}{local}"

    meta = ET.Element(q("x:xmpmeta"))
    rdf = ET.SubElement(meta, q("rdf:RDF"))
    desc = ET.SubElement(rdf, q("rdf:Description"), {q("rdf:about"): ""})
    alt = ET.SubElement(ET.SubElement(desc, q("dc:title")), q("rdf:Alt"))
    ET.SubElement(alt, q("rdf:li"), {"{http://www.w3.org/XML/1998/namespace}lang": "x-default"}).text = title
    bag = ET.SubElement(ET.SubElement(desc, q("dc:language")), q("rdf:Bag"))
    ET.SubElement(bag, q("rdf:li")).text = language
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.SubElement(desc, q("xmp:CreateDate")).text = stamp
    ET.SubElement(desc, q("xmp:ModifyDate")).text = stamp
    ET.SubElement(desc, q("xmp:CreatorTool")).text = "pressconv"
    ET.SubElement(desc, q("pdfuaid:part")).text = "1"
    body = ET.tostring(meta, encoding="unicode")
    # The xpacket wrapper is fixed text (no user data), which ElementTree cannot emit around a root.
    packet = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' + body + '\n<?xpacket end="r"?>'
    return packet.encode("utf-8")
