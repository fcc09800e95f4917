"""TrueType faces as embedded reportlab fonts: fast parsing, fixed ToUnicode maps, per-write glyph additions.

``EmbeddedTTFont`` is reportlab's TTFont with two fixes.  Its ToUnicode entries beyond the BMP
are rewritten as UTF-16 surrogate pairs (reportlab writes ``<1F600>`` where PDF wants
``<D83DDE00>``, so emoji extracted as U+1F60), and the Arabic presentation forms the writer
draws for shaped Arabic map back to the letters they join.  Its face is parsed by ``FastFace``.

A character no font has still needs a text code of its own (reportlab's shared code 0 extracts
as U+0000): ``draw_as_notdef`` maps it to glyph 0, ``draw_invisible`` (for invisible format
characters) to a zero-width blank.  Those additions are made to a per-write copy of the face,
never to the font registered for the whole process: inside ``glyph_additions()`` a registered
font answers ``face`` with that write's copy, once it has one.
"""

from __future__ import annotations

import copy
import re
import struct
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from pressconv.compat.reportlab import font_data, init_ttfont, pdf_scale, to_unicode_cmaps

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
        data = font_data(self)
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

        scale = pdf_scale(self)
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


#: Per write (per thread or task): registered font name -> that write's copy of its face.
_ADDITIONS: ContextVar[dict[str, TTFontFace] | None] = ContextVar(
    "pressconv_pdf_glyph_additions", default=None
)


@contextmanager
def glyph_additions() -> Iterator[None]:
    """The scope of one write: glyphs added inside it go to copies of the faces, dropped at the end."""
    token = _ADDITIONS.set({})
    try:
        yield
    finally:
        _ADDITIONS.reset(token)


class EmbeddedTTFont(TTFont):
    """reportlab's TTFont with ToUnicode entries beyond the BMP written as UTF-16 surrogate pairs.

    Its face is parsed by ``FastFace``; the rest is what ``TTFont.__init__`` sets (a test compares them).
    Inside ``glyph_additions()``, ``face`` is the write's own copy once a glyph was added to it.
    """

    def __init__(self, name: str, filename: str) -> None:
        init_ttfont(self, name, FastFace(filename))

    @property
    def face(self) -> TTFontFace:
        additions = _ADDITIONS.get()
        if additions:
            own = additions.get(self.fontName)
            if own is not None:
                return own
        base: TTFontFace = self.__dict__["base_face"]
        return base

    @face.setter
    def face(self, value: TTFontFace) -> None:
        self.__dict__["base_face"] = value

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        for obj in to_unicode_cmaps(doc):
            obj.content = _WIDE_ENTRY.sub(_utf16_entry, obj.content)
            if "<F" in obj.content:  # only a document with shaped Arabic draws presentation forms
                obj.content = _FORM_ENTRY.sub(_letters_entry, obj.content)


def _own_face(font_name: str) -> TTFontFace:
    """This write's copy of a registered font's face, made on first need (charToGlyph and widths copied)."""
    additions = _ADDITIONS.get()
    if additions is None:
        raise RuntimeError("glyphs can only be added inside glyph_additions() (one PDF write)")
    own = additions.get(font_name)
    if own is None:
        base = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
        own = copy.copy(base)
        own.charToGlyph = dict(base.charToGlyph)
        own.charWidths = dict(base.charWidths)
        additions[font_name] = own
    return own


def draw_as_notdef(font_name: str, char: str) -> None:
    """Give a character the font lacks its own text code in this write, drawn with the .notdef glyph."""
    _own_face(font_name).charToGlyph.setdefault(ord(char), 0)


def draw_invisible(font_name: str, char: str) -> None:
    """Give a default-ignorable character the font lacks (a variation selector, a BOM) a blank glyph.

    It draws as the font's space glyph with zero advance: nothing shows, and the character
    keeps its text code for extraction.
    """
    face = _own_face(font_name)
    face.charToGlyph.setdefault(ord(char), face.charToGlyph.get(32, 0))
    face.charWidths.setdefault(ord(char), 0)
