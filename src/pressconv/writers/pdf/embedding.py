"""TrueType faces as embedded reportlab fonts: fixed ToUnicode maps, per-write glyph additions.

``EmbeddedTTFont`` is reportlab's TTFont with two fixes.  Its ToUnicode entries beyond the BMP
are rewritten as UTF-16 surrogate pairs (reportlab writes ``<1F600>`` where PDF wants
``<D83DDE00>``, so emoji extracted as U+1F60), and the Arabic presentation forms the writer
draws for shaped Arabic map back to the letters they join.  Its face is reportlab's own parse
(the only TrueType cmap reader the writer needs: ``fonts.coverage`` uses fontTools to look at
fallback candidates without registering them).

A character no font has still needs a text code of its own (reportlab's shared code 0 extracts
as U+0000): ``draw_as_notdef`` maps it to glyph 0, ``draw_invisible`` (for invisible format
characters) to a zero-width blank.  Those additions are made to a per-write copy of the face,
never to the font registered for the whole process: inside ``glyph_additions()`` a registered
font answers ``face`` with that write's copy, once it has one.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from pressconv import lazy_re
from pressconv.compat.reportlab import init_ttfont, to_unicode_cmaps
from pressconv.compat.reportlab_subsets import split_known
from pressconv.writers.pdf.face_cache import CachedFace

_WIDE_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16_entry(match: re.Match[str]) -> str:
    code = int(match[2], 16) - 0x10000
    return f"<{match[1]}> <{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}>"


#: A ToUnicode entry for an Arabic presentation form (U+FB50–U+FDFF, U+FE70–U+FEFF).
_FORM_ENTRY = lazy_re.compile(r"<([0-9A-F]{2})> <(F(?:B[5-9A-F]|[CD][0-9A-F]|E[7-9A-F])[0-9A-F])>")


def _letters_entry(match: re.Match[str]) -> str:
    """A shaped Arabic glyph read back as the letters it joins (its NFKC form).

    A lam-alef ligature stands for two letters; they are listed in drawing order (alef, then lam),
    since right-to-left glyphs are drawn in visual order and extraction reverses the run they sit in.
    """
    letters = unicodedata.normalize("NFKC", chr(int(match[2], 16)))
    if letters == chr(int(match[2], 16)):
        return match[0]
    return f"<{match[1]}> <{letters[::-1].encode('utf-16-be').hex().upper()}>"


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

    Inside ``glyph_additions()``, ``face`` is the write's own copy once a glyph was added to it.
    """

    def __init__(self, name: str, filename: str) -> None:
        # TTFont.__init__ with reportlab's own parse, its character tables cached between processes
        # (face_cache); the face lands in base_face.
        init_ttfont(self, name, CachedFace(filename))

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

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        """reportlab's, in one C call once every character of ``text`` has its code (most lines)."""
        known = split_known(self, text, doc)
        if known is not None:
            return known
        result: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return result

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
