"""The theme's page furniture -> drawing: the letterhead band, the logo, the footer line on every page.

The letterhead is a flowable at the top of a release's first page: the logo (tagged ``Figure``
with the logo's alternative text and its box as a Layout ``BBox``), the organisation's name and
the letterhead line under it, as the DOCX, HTML and EPUB letterheads have them, and a rule in
the theme's primary colour.  Right-to-left lines are shaped and drawn by the bidi rules
(``rtl``), as the body's are, and start at the right.  Its words are not the
release's, so they are a pagination artifact (a header), as the footer is.  A PNG logo is
embedded as an image; an SVG logo is drawn as vectors through svglib, imported only when a
theme has one (its texts are set in the embedded heading face, never a base-14 font).  The
footer line replaces ``{page}`` with the page number and ``{pages}`` with the page count, which
is known only when the last page is done: the rest of the line from ``{pages}`` on is a form
XObject filled in at save time.  A right-to-left footer line is a form per page, drawn whole at
save time (its visual order depends on every digit), right-aligned.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable
from reportlab.platypus import Paragraph as RLParagraph

from pressconv.errors import Notes, WriterError
from pressconv.theme import Logo, Theme
from pressconv.writers.pdf.fonts import Face, FontSet
from pressconv.writers.pdf.paragraph import LazyParagraph
from pressconv.writers.pdf.styles import Styles
from pressconv.writers.pdf.tagging import PAGINATION_FOOTER, Artifact, StructElem, marked

if TYPE_CHECKING:  # reportlab.graphics loads only for an SVG logo (~2 ms a process otherwise)
    from reportlab.graphics.shapes import Drawing, Group

LETTERHEAD = Artifact("/Type /Pagination /Subtype /Header")
"""The letterhead's name, line and rule: page furniture, not the release's words."""

#: Space between the letterhead band and the release below it.
_GAP = 16.0
_RULE_WIDTH = 1.2
#: Space between the logo and the name under it.
_LOGO_GAP = 6.0


def has_letterhead(theme: Theme) -> bool:
    """Whether the theme puts anything at the head of a release's first page."""
    return bool(theme.logo or theme.organisation or theme.letterhead)


# ---------------------------------------------------------------------------------------------------------
# The logo.


@lru_cache(maxsize=8)
def _png_size(data: bytes) -> tuple[float, float]:
    width, height = ImageReader(io.BytesIO(data)).getSize()
    return float(width), float(height)


@lru_cache(maxsize=8)
def _svg_drawing(data: bytes, text_font: str) -> Drawing:
    """The SVG as a reportlab Drawing, its texts in ``text_font`` (an embedded face), parsed once."""
    from svglib.svglib import svg2rlg  # only a theme with an SVG logo pays for svglib

    drawing = svg2rlg(io.BytesIO(data))
    if drawing is None or not drawing.width or not drawing.height:
        raise WriterError("the theme's SVG logo could not be read (no drawing or no size)")
    # The renderer sets this font first, even with no text: an embedded face, never Helvetica.
    drawing.initialFontName = text_font  # type: ignore[attr-defined]  # read by reportlab's StateTracker
    _embed_texts(drawing, text_font)
    return drawing


def _embed_texts(group: Group, font: str) -> None:
    from reportlab.graphics.shapes import Group, String

    for item in group.contents:
        if isinstance(item, String):
            item.fontName = font  # svglib sets an SVG's text in base-14 fonts, which PDF/UA forbids
        elif isinstance(item, Group):
            _embed_texts(item, font)


class LogoImage:
    """The logo scaled to a box, drawn at a point: a PNG image or an SVG drawing."""

    def __init__(self, logo: Logo, text_font: str, max_width: float, max_height: float) -> None:
        self.logo, self.text_font = logo, text_font
        self.drawing: Drawing | None = None
        if logo.media_type == "image/svg+xml":
            self.drawing = _svg_drawing(logo.data, text_font)
            natural = (float(self.drawing.width), float(self.drawing.height))
        else:
            try:
                natural = _png_size(logo.data)
            except Exception:  # PIL raises many kinds on bytes it cannot read
                raise WriterError(f"the theme's logo {logo.filename!r} is not a readable PNG") from None
        self.scale = min(max_width / natural[0], max_height / natural[1])
        self.width, self.height = natural[0] * self.scale, natural[1] * self.scale

    def draw(self, canv: Canvas, x: float, y: float) -> None:
        if self.drawing is None:
            reader = ImageReader(io.BytesIO(self.logo.data))
            canv.drawImage(reader, x, y, self.width, self.height, mask="auto")
            return
        canv.saveState()
        canv.translate(x, y)
        canv.scale(self.scale, self.scale)
        operators = _svg_operators(self.logo.data, self.text_font)
        if operators is not None:
            canv.addLiteral(operators)
        else:
            from reportlab.graphics import renderPDF

            renderPDF.draw(self.drawing, canv, 0, 0)
        canv.restoreState()


@lru_cache(maxsize=8)
def _svg_operators(data: bytes, text_font: str) -> str | None:
    """The SVG logo's drawing operators, rendered once per process and replayed on every page that shows it.

    Walking the drawing with reportlab's renderer cost ~0.7 ms a PDF (#19's W3 bar).  Only a drawing whose
    operators name no resource (a font, image, shading or graphics state, all named per document) is
    kept; any other is drawn afresh (None).  The renderer's opening font selection (``BT /F1 … Tf ET``,
    with nothing set in it) is dropped.
    """
    from reportlab.graphics import renderPDF

    from pressconv.compat.reportlab_drawing import drawn_operators

    drawing = _svg_drawing(data, text_font)
    scratch = Canvas(io.BytesIO())
    drawn = drawn_operators(scratch, lambda canv: renderPDF.draw(drawing, canv, 0, 0))
    kept = [op for op in drawn if not (op.startswith("BT ") and op.endswith(" ET") and " Tf " in op)]
    if any("/" in op or "BT" in op for op in kept):
        return None
    return "\n".join(kept)


# ---------------------------------------------------------------------------------------------------------
# The letterhead band.


class Letterhead(Flowable):
    """The logo (a Figure) above the organisation's name and letterhead line (an artifact), over a rule.

    The same order as the DOCX header and the HTML and EPUB letterhead: logo, then name, then line.
    """

    def __init__(
        self,
        logo: LogoImage | None,
        figure: StructElem | None,
        lines: list[RLParagraph],
        styles: Styles,
        logo_right: bool = False,
    ) -> None:
        super().__init__()
        self.logo, self.figure, self.lines, self.styles = logo, figure, lines, styles
        self.logo_right = logo_right
        """A right-to-left letterhead puts the logo at the right, where its lines start."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.text_height = sum(line.wrap(avail_width, avail_height)[1] for line in self.lines)
        logo_height = self.logo.height + (_LOGO_GAP if self.lines else 0.0) if self.logo is not None else 0.0
        self.band = logo_height + self.text_height
        self.width, self.height = avail_width, self.band + 6 + _RULE_WIDTH
        return self.width, self.height

    def getSpaceAfter(self) -> float:
        return _GAP

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self.origin = (x, y)  # where the page puts the band: the logo's BBox is in page space
        super().drawOn(canv, x, y, _sW)  # type: ignore[call-arg]  # the stubs omit _sW

    def logo_box(self) -> tuple[float, float, float, float]:
        """The logo's box on the page: left, bottom, right, top (the Figure's Layout BBox)."""
        assert self.logo is not None
        x, y = self.origin
        left = x + (self.width - self.logo.width if self.logo_right else 0.0)
        bottom = y + self.height - self.logo.height
        return left, bottom, left + self.logo.width, bottom + self.logo.height

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        if self.logo is not None:
            assert self.figure is not None
            left, bottom, right, upper = self.logo_box()
            self.figure.attributes = {
                "O": "Layout",
                "BBox": tuple(round(v, 2) for v in (left, bottom, right, upper)),
            }
            with marked(canv, self.figure):
                self.logo.draw(canv, left - self.origin[0], top - self.logo.height)
            top -= self.logo.height + (_LOGO_GAP if self.lines else 0.0)
        with marked(canv, LETTERHEAD):
            y = top
            for line in self.lines:
                y -= line.height
                line.drawOn(canv, 0, y)
            canv.saveState()
            canv.setStrokeColor(self.styles.primary)
            canv.setLineWidth(_RULE_WIDTH)
            canv.line(0, _RULE_WIDTH / 2, self.width, _RULE_WIDTH / 2)
            canv.restoreState()


@lru_cache(maxsize=64)  # the theme's own lines, asked about in every release
def _right_to_left(text: str) -> bool:
    """Whether ``text`` holds a strong right-to-left character (checked before ``rtl`` is imported)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in set(text))


def _line(text: str, style: ParagraphStyle, face: Face, markup: Callable[[str, Face], str]) -> RLParagraph:
    """One letterhead line: right-to-left text shaped and drawn by the bidi rules, as the body's is."""
    if not _right_to_left(text):
        return LazyParagraph(markup(text, face), style)  # parsed and broken once per process (laid_cache)
    from pressconv.writers.pdf import rtl as bidi

    rtl = bidi.base_is_rtl(text)
    if rtl:
        style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
    # Shaped here, whatever the release: a Latin release can carry an Arabic letterhead (``markup``
    # shapes again only in a right-to-left release, where shaping joined forms changes nothing).
    return bidi.RtlParagraph(markup(bidi.shape(text), face), style, rtl=rtl)


def letterhead(
    theme: Theme,
    styles: Styles,
    fonts: FontSet,
    markup: Callable[[str, Face], str],
    parent: StructElem,
    max_width: float,
) -> Letterhead:
    """The letterhead flowable for ``theme``; its logo's Figure element is added to ``parent`` here,
    so it comes first in the reading order of what ``parent`` holds."""
    logo = figure = None
    if theme.logo is not None:
        # An SVG's texts in the headline's face: a face the page embeds anyway (each one more costs ~1 ms).
        logo = LogoImage(theme.logo, styles.headline.fontName, max_width * 0.45, styles.measures.logo_height)
        figure = parent.add("Figure")
        figure.alt = theme.logo.alt
    # The headline's and the body's faces: no face the release does not embed anyway.
    name_face, line_face = styles.faces[styles.headline.fontName], styles.faces[styles.body.fontName]
    lines = []
    if theme.organisation:
        style = _line_style("pc-organisation", name_face.name, 13, 16, styles.primary)
        lines.append(_line(theme.organisation, style, name_face, markup))
    if theme.letterhead:
        # The letterhead's colour is the primary, as in the DOCX, HTML and EPUB.
        style = _line_style("pc-letterhead", line_face.name, 8.5, 11, styles.primary)
        lines.append(_line(theme.letterhead, style, line_face, markup))
    first = theme.organisation or theme.letterhead or ""
    logo_right = _right_to_left(first) and _rtl_base(first)
    return Letterhead(logo, figure, lines, styles, logo_right)


@lru_cache(maxsize=16)
def _line_style(name: str, font: str, size: float, leading: float, colour: Color) -> ParagraphStyle:
    """A letterhead line's style, one per process for a theme: the laid-out cache knows it at once."""
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, textColor=colour, alignment=TA_LEFT
    )


def _rtl_base(text: str) -> bool:
    from pressconv.writers.pdf import rtl as bidi

    return bidi.base_is_rtl(text)


# ---------------------------------------------------------------------------------------------------------
# The footer line.

_PAGES = "{pages}"
_PAGE = "{page}"
_REST_FORM = "pcFooterRest"


def _draw_runs(
    canv: Canvas, x: float, y: float, runs: list[tuple[Face | None, str]], face: Face, size: float
) -> None:
    for run_face, text in runs:
        name = (run_face or face).name
        canv.setFont(name, size)
        canv.drawString(x, y, text)
        x += canv.stringWidth(text, name, size)


#: A footer line's font runs and width, by (font set, face, size, text): the same on every page with that
#: number, in every release of the theme.
_MEASURED: dict[tuple[int, str, float, str], tuple[FontSet, list[tuple[Face | None, str]], float]] = {}


def _footer_runs(
    fonts: FontSet, face: Face, size: float, text: str
) -> tuple[list[tuple[Face | None, str]], float]:
    """``text``'s font runs and width, found once per process when every character has a font (a character
    no font draws is given its box in each write's own face copy, so that text is always found anew)."""
    key = (id(fonts), face.name, size, text)
    found = _MEASURED.get(key)
    if found is not None and found[0] is fonts:
        return found[1], found[2]
    runs = fonts.runs(text, face, Notes())
    width = sum(pdfmetrics.stringWidth(chunk, (run_face or face).name, size) for run_face, chunk in runs)
    if all(run_face is not None or face.chars.issuperset(chunk) for run_face, chunk in runs):
        if len(_MEASURED) >= 256:
            _MEASURED.clear()
        _MEASURED[key] = (fonts, runs, width)
    return runs, width


class ThemeFooter:
    """The theme's footer line on every page, with the page number and (at save time) the page count."""

    def __init__(self, template: str, styles: Styles, fonts: FontSet, notes: Notes) -> None:
        self.styles, self.fonts = styles, fonts
        face = styles.footer
        self.rtl = _right_to_left(template)
        self.rtl_base = False
        if self.rtl:
            from pressconv.writers.pdf import rtl as bidi

            # The joined forms drawn are what a font must cover.
            fonts.runs(bidi.shape(template.replace(_PAGES, "").replace(_PAGE, "")), face, notes)
            self.head, self.rest, self.rest_per_page = "", template, True
            self.rtl_base = bidi.base_is_rtl(template)  # digits are weak: the numbers never change it
            return
        # Warned about once here (a character no font draws), not once per page.
        fonts.runs(template.replace(_PAGES, "").replace(_PAGE, "") + "0123456789", face, notes)
        cut = template.find(_PAGES)
        self.head, self.rest = (template, "") if cut < 0 else (template[:cut], template[cut:])
        self.rest_per_page = _PAGE in self.rest

    def _runs(self, text: str) -> list[tuple[Face | None, str]]:
        return self.fonts.runs(text, self.styles.footer, Notes())

    def _measured(self, text: str) -> tuple[list[tuple[Face | None, str]], float]:
        """``text``'s runs and its width in the footer's size: the same on every page with this number,
        so found once per process (``_footer_runs``)."""
        return _footer_runs(self.fonts, self.styles.footer, self.styles.footer_size, text)

    def draw(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        styles, m = self.styles, self.styles.measures
        page = canv.getPageNumber()
        if self.rtl:  # the whole line is the page's form, drawn at save time
            at = doc.pagesize[0] - m.margin_right if self.rtl_base else m.margin_left
            with marked(canv, PAGINATION_FOOTER):
                canv.saveState()
                canv.translate(at, m.footer_y)
                canv.doForm(self._form(page))
                canv.restoreState()
            return
        runs, width = self._measured(self.head.replace(_PAGE, str(page)))
        with marked(canv, PAGINATION_FOOTER):
            canv.saveState()
            canv.setFillColor(styles.footer_color)
            _draw_runs(canv, m.margin_left, m.footer_y, runs, styles.footer, styles.footer_size)
            if self.rest:
                canv.translate(m.margin_left + width, m.footer_y)
                canv.doForm(self._form(page))
            canv.restoreState()

    def _form(self, page: int) -> str:
        return f"{_REST_FORM}{page}" if self.rest_per_page else _REST_FORM

    def forms(self, canv: Canvas, pages: int) -> None:
        """Define the forms the pages named, now that the page count is known (call before save)."""
        if not self.rest:
            return
        for page in range(1, pages + 1) if self.rest_per_page else (0,):
            text = self.rest.replace(_PAGES, str(pages)).replace(_PAGE, str(page))
            if self.rtl:
                canv.beginForm(self._form(page), lowerx=-2000, lowery=-10, upperx=2000, uppery=40)
                canv.setFillColor(self.styles.footer_color)
                self._draw_rtl(canv, text)
            else:
                canv.beginForm(self._form(page), lowerx=0, lowery=-10, upperx=2000, uppery=40)
                canv.setFillColor(self.styles.footer_color)
                _draw_runs(canv, 0, 0, self._runs(text), self.styles.footer, self.styles.footer_size)
            canv.endForm()

    def _draw_rtl(self, canv: Canvas, text: str) -> None:
        """``text`` shaped and placed by the bidi rules, its pieces drawn in logical order (``rtl``),
        ending at the form's origin when the line runs right to left, else starting there."""
        from pressconv.writers.pdf import rtl as bidi

        size = self.styles.footer_size
        rtl = self.rtl_base
        runs = [((face or self.styles.footer).name, chunk) for face, chunk in self._runs(bidi.shape(text))]
        pieces, width = bidi.line_pieces(
            [(chunk, name) for name, chunk in runs], rtl, lambda t, name: canv.stringWidth(t, name, size)
        )
        start = -width if rtl else 0.0
        for piece in pieces:
            canv.setFont(piece.owner, size)
            canv.drawString(start + piece.x, 0, piece.glyphs)
