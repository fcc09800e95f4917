"""Right-to-left text for the PDF writer: logical text -> shaped text, laid-out lines -> visual order.

reportlab breaks lines in logical order and draws each line's characters left to
right as they come.  Its own bidi support needs ``rlbidi`` (not on PyPI), so
this module does the two missing steps itself.  Before layout, Arabic is
shaped into its joined presentation forms (arabic-reshaper: contextual forms
and the lam-alef ligatures only, the forms DejaVu Sans draws).  At drawing time
``RtlParagraph`` places each laid-out line's characters in visual order with
the Unicode bidi algorithm (python-bidi), keeping each character's font run,
and draws the line as pieces in logical order, each at its visual place:
extractors (poppler) reverse each right-to-left run they read, so the words
come back as written.  Only a mirrored bracket is wrapped in a
``/Span <</ActualText …>>`` (a per-line ActualText is reordered by poppler too).
The writer imports this module only for a document holding right-to-left
characters: other documents never load python-bidi or arabic-reshaper.

Why not reportlab's own shaping (uharfbuzz, ``ParagraphStyle.shaping``): measured on the test
suite's Arabic paragraphs with DejaVu Sans, HarfBuzz drew the same glyphs as these presentation
forms for 30 of 103 words (it draws the plain letter's glyph where the font's isolated and
final forms are separate glyphs), so the pages would change; it was ~5x faster per paragraph
(0.28 vs 1.58 ms), and reportlab adds its shaped glyphs to the registered font's cmap, which
this writer no longer allows (``embedding``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar, cast

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.rl_config import paraFontSizeHeightOffset

from pressconv.compat.reportlab import emit, laid_out, show
from pressconv.writers.pdf.paragraph import LazyParagraph

_T = TypeVar("_T")

#: Bidi classes of the strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, N'Ko…).
RTL_CLASSES = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any strong right-to-left character."""
    return any(unicodedata.bidirectional(c) in RTL_CLASSES for c in set(text))


def base_is_rtl(text: str, default: bool = False) -> bool:
    """The paragraph direction by the first strong character (UAX #9 P2–P3); ``default`` when none."""
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in RTL_CLASSES:
            return True
        if bidi == "L":
            return False
    return default


# ---------------------------------------------------------------------------------------------------------
# Shaping.


def _is_arabic_letter(char: str) -> bool:
    cp = ord(char)
    return 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF


def _is_presentation_form(char: str) -> bool:
    cp = ord(char)
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


#: The only ligatures made: lam-alef is obligatory in Arabic and DejaVu Sans has its four forms; the
#: optional ones (ALLAH, AIN WITH JEEM…) are missing from most fonts and would print as boxes.
_LIGATURES = (
    "ARABIC LIGATURE LAM WITH ALEF",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
    "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
    "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
)


@cache
def _reshaper() -> Any:
    import arabic_reshaper  # type: ignore[import-untyped]
    from arabic_reshaper.ligatures import (  # type: ignore[import-untyped]
        LETTERS_LIGATURES,
        SENTENCES_LIGATURES,
        WORDS_LIGATURES,
    )

    # Every key given, so a PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE cannot change the output.
    config: dict[str, Any] = {
        "language": "Arabic",
        "delete_harakat": False,  # vowel marks are text: keep them
        "shift_harakat_position": False,
        "delete_tatweel": False,
        "support_zwj": True,
        "use_unshaped_instead_of_isolated": False,
        "support_ligatures": True,
    }
    for name, _ in (*SENTENCES_LIGATURES, *WORDS_LIGATURES, *LETTERS_LIGATURES):
        config[name] = name in _LIGATURES
    return arabic_reshaper.ArabicReshaper(configuration=config)


def shape(text: str) -> str:
    """Arabic letters in ``text`` replaced by their joined presentation forms; other text unchanged."""
    if not any(_is_arabic_letter(c) for c in text):
        return text
    shaped: str = _reshaper().reshape(text)
    return shaped


# ---------------------------------------------------------------------------------------------------------
# Reordering.


@dataclass(frozen=True, slots=True)
class Placed:
    """Where the bidi algorithm puts one logical character on its line."""

    level: int
    """Its resolved embedding level (odd: right to left)."""
    slot: int
    """Its visual position, 0 the leftmost."""
    drawn: str
    """The character drawn: its mirror image where the algorithm says so (``(`` in right-to-left text)."""


#: Isolate controls (Unicode 6.3) -> the embedding controls python-bidi's pure-Python algorithm knows.
_ISOLATES = {"LRI": "LRE", "RLI": "RLE", "FSI": "FSI", "PDI": "PDF"}


def place(text: str, rtl: bool) -> list[Placed | None]:
    """Each logical character of one line as placed (None: an explicit embedding control, never drawn)."""
    from bidi import algorithm as uba  # type: ignore[import-untyped]  # the pure-Python UBA: it exposes levels and the visual order

    storage: dict[str, Any] = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        if char["type"] in _ISOLATES:  # this UBA predates isolates: read them as the embeddings they extend
            kind = _ISOLATES[char["type"]]
            if kind == "FSI":
                kind = "RLE" if base_is_rtl(text[index + 1 :]) else "LRE"
            char["type"] = char["orig"] = kind
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    placed: list[Placed | None] = [None] * len(text)
    for slot, char in enumerate(storage["chars"]):
        placed[char["index"]] = Placed(int(char["level"]), slot, str(char["ch"]))
    return placed


def visual(text: str, rtl: bool) -> str:
    """``text`` as one line in visual order, left to right."""
    found = sorted((p.slot, p.drawn) for p in place(text, rtl) if p is not None)
    return "".join(drawn for _, drawn in found)


@dataclass(frozen=True, slots=True)
class Piece(Generic[_T]):
    """A run of one line drawn with one text-showing operator: its glyphs left to right, at ``x``."""

    x: float
    glyphs: str
    owner: _T
    actual: str | None
    """The logical text when the glyphs are mirror images of it (drawn as a marked ActualText span)."""


def _marks_after_bases(order: list[int], text: str) -> list[int]:
    """Visual order with each combining mark moved back behind its letter (UAX #9 rule L3).

    Reversing a right-to-left run puts a mark before its letter; a zero-width mark is drawn over the
    glyph drawn before it, so it has to follow.
    """
    out = list(order)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and unicodedata.category(text[out[j]]) in ("Mn", "Me"):
            j += 1
        if i < j < len(out) and out[j] < out[i]:  # marks, then the letter they logically follow
            out[i : j + 1] = [out[j], *out[i:j]]
        i = max(j, i) + 1
    return out


def _kind(char: str, previous: str) -> str:
    bidi = unicodedata.bidirectional(char)
    if bidi == "NSM":
        return previous  # a combining mark goes with its letter
    if bidi in RTL_CLASSES:
        return "R"
    return "S" if char.isspace() else "N"


def line_pieces(
    runs: Sequence[tuple[str, _T]], rtl: bool, width: Callable[[str, _T], float]
) -> tuple[list[Piece[_T]], float]:
    """One line's styled runs (logical order) -> its pieces in logical order, placed visually; and its width.

    Text extraction reads the pieces in the order they are drawn, and reverses the characters of each
    right-to-left run as PDF producers draw them in visual order.  So a line is drawn as pieces in
    logical order: runs of right-to-left letters with their glyphs in visual order, left-to-right runs as
    they are, and each neutral character inside right-to-left text (space, punctuation, a mirrored
    bracket) alone, since an extractor cannot tell which side of a word it belongs to.
    """
    owners: list[_T] = []
    for chunk, owner in runs:
        owners.extend([owner] * len(chunk))
    text = "".join(chunk for chunk, _ in runs)
    placed = place(text, rtl)
    order = _marks_after_bases(
        [i for _, i in sorted((p.slot, i) for i, p in enumerate(placed) if p is not None)], text
    )
    slot = {index: n for n, index in enumerate(order)}
    xs: dict[int, float] = {}
    x = 0.0
    for index in order:
        xs[index] = x
        x += width(cast(Placed, placed[index]).drawn, owners[index])

    pieces: list[Piece[_T]] = []
    group: list[int] = []

    def flush() -> None:
        if not group:
            return
        ordered = sorted(group, key=slot.__getitem__)
        glyphs = "".join(cast(Placed, placed[i]).drawn for i in ordered)
        logical = "".join(text[i] for i in group)
        mirrored = any(cast(Placed, placed[i]).drawn != text[i] for i in group)
        pieces.append(Piece(xs[ordered[0]], glyphs, owners[group[0]], logical if mirrored else None))
        group.clear()

    key: tuple[int, _T, str] | None = None
    kind = "N"
    at = 0.0
    for index, found in enumerate(placed):
        if found is None:
            # An embedding control the algorithm removes (X9): drawn alone, as the zero-width blank the
            # font set gives it, so the text keeps it.
            flush()
            pieces.append(Piece(at, text[index], owners[index], None))
            key = None
            continue
        at = xs[index]
        kind = _kind(text[index], kind)
        new = (found.level, owners[index], kind)  # equal looks join: font runs come one per character
        # In right-to-left text a combining mark is drawn alone too: extraction would read it before its
        # letter (a zero-width glyph drawn in visual order) or break the word around it.
        alone = found.level % 2 == 1 and (kind != "R" or unicodedata.category(text[index]) in ("Mn", "Me"))
        if new != key or alone:
            flush()
        group.append(index)
        key = None if alone else new
    flush()
    return pieces, x


# ---------------------------------------------------------------------------------------------------------
# The paragraph.


def rtl_style(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for a right-to-left paragraph: left alignment becomes right; centred stays centred."""
    if style.alignment != TA_LEFT:
        return style
    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)


#: How a run is drawn: font name, size, fill colour.
_Look = tuple[str, float, Any]


def _width(text: str, look: _Look) -> float:
    return float(stringWidth(text, look[0], look[1]))


def _text_string(text: str) -> str:
    """A PDF text string in hex UTF-16BE with its byte-order mark: any text, nothing to escape."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class RtlParagraph(RLParagraph):
    """A Paragraph with right-to-left text: lines broken in logical order, each drawn by the bidi rules.

    Layout and splitting are reportlab's own; only drawing differs (``line_pieces``).  It supports what
    the writer's markup uses: font runs and line breaks, in one size and colour per run.
    """

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        self.rtl: bool = kwargs.pop("rtl", False)
        super().__init__(text, style, *args, **kwargs)  # type: ignore[arg-type]  # None: a split part

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        for part in parts:
            if isinstance(part, RtlParagraph):
                part.rtl = self.rtl
        return parts

    def _lines(self) -> list[list[tuple[str, _Look]]]:
        """Each laid-out line as styled runs in logical order, trailing spaces dropped."""
        bl: Any = laid_out(self)  # set by wrap()
        if bl.kind == 0:
            look = (bl.fontName, bl.fontSize, bl.textColor)
            return [[(" ".join(words), look)] for _, words in bl.lines]
        lines = []
        for line in bl.lines:
            runs = [(f.text, (f.fontName, f.fontSize, f.textColor)) for f in line.words if hasattr(f, "text")]
            while runs and not runs[-1][0].rstrip():
                runs.pop()
            if runs:
                runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
            lines.append(runs)
        return lines

    def drawPara(self, debug: int = 0) -> None:
        canv, style = self.canv, self.style
        bl: Any = laid_out(self)
        if not bl.lines:
            return
        first = bl if bl.kind == 0 else bl.lines[0]
        y = self.height - (
            first.fontSize if paraFontSizeHeightOffset else getattr(first, "ascent", first.fontSize)
        )
        tx = canv.beginText(0, 0)
        current: tuple[str, float] | None = None
        color: Any = None
        for number, runs in enumerate(self._lines()):
            if runs:
                pieces, width = line_pieces(runs, self.rtl, _width)
                start = style.leftIndent + (style.firstLineIndent if number == 0 else 0)
                room = self.width - start - style.rightIndent
                if style.alignment == TA_RIGHT:
                    start += room - width
                elif style.alignment == TA_CENTER:
                    start += (room - width) / 2
                for n, piece in enumerate(pieces):
                    name, size, fill = piece.owner
                    tx.setTextOrigin(start + piece.x, y)
                    if current != (name, size):
                        tx.setFont(name, size)
                        current = (name, size)
                    if fill != color:
                        tx.setFillColor(fill)
                        color = fill
                    # The last piece ends with a space: extraction keeps the line end a word break.
                    glyphs = piece.glyphs + (" " if n == len(pieces) - 1 else "")
                    if piece.actual is not None:
                        emit(tx, f"/Span <</ActualText {_text_string(piece.actual)}>> BDC")
                    show(tx, glyphs)
                    if piece.actual is not None:
                        emit(tx, "EMC")
            y -= style.leading
        canv.drawText(tx)


@cache
def lazy_paragraph_class() -> Callable[..., RLParagraph]:
    """``RtlParagraph`` parsed on first use, as the PDF writer's other paragraphs are.

    A right-to-left paragraph holds a font run per word, so a long Arabic release built every
    paragraph's fragments before layout (2 MB in: 245 MB of peak memory).
    """

    class LazyRtlParagraph(LazyParagraph):
        EAGER = RtlParagraph

    return LazyRtlParagraph
