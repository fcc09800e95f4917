"""Typography as data: a font set -> every paragraph style the PDF writer uses, built in one place.

The house look of a press release: a small spaced release line, a sans
headline, a serif body, quotes indented and set in italic behind a rule with
the speaker beneath, sans section headings kept with what follows, and the
press furniture (contacts, boilerplate, end mark) set smaller after the body.
No widows or orphans anywhere.  The colours, faces and page set-up come from the theme
(``pressconv.theme``): its primary colour for headings, links and the letterhead rule, its
accent for rules and table borders, its ink for body text; the default theme gives the look
above exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from pressconv.theme import DEFAULT, Theme
from pressconv.writers.pdf.fonts import Face, FontSet

MUTED = HexColor("#5a5a5a")
#: A table header's shading under the default theme (a lighter tint of the accent under any other).
HEADER_FILL = "#e8eef4"
_MM = 72 / 25.4


def tint(colour: str, strength: float) -> str:
    """``colour`` (``#rrggbb``) mixed with white: ``strength`` 1 is the colour, 0 is white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in channels)


@dataclass(frozen=True, slots=True)
class Measures:
    """Page geometry in points."""

    margin_left: float = 66.0
    margin_right: float = 66.0
    margin_top: float = 60.0
    margin_bottom: float = 66.0
    footer_y: float = 34.0
    """Baseline of the page-number footer."""
    quote_indent: float = 20.0
    quote_rule_x: float = 8.0
    """How far left of the quote text its rule is drawn."""
    quote_rule_width: float = 2.0
    list_indent: float = 18.0
    """Width kept for a list item's bullet or number (and the indent of each nested level)."""
    figure_max_height: float = 330.0
    """The tallest an image is drawn (about half a page)."""
    logo_height: float = 40.0
    """The tallest the theme's logo is drawn in the letterhead."""

    @classmethod
    def of(cls, theme: Theme) -> Measures:
        """The theme's margins (millimetres, top right bottom left), the footer kept inside the bottom one."""
        if theme.margins_mm is None:
            return cls()
        top, right, bottom, left = (value * _MM for value in theme.margins_mm)
        footer_y = max(bottom - 32.0, bottom / 2)
        return cls(left, right, top, bottom, footer_y)


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style, plus the faces and colours drawn outside paragraphs."""

    publisher: ParagraphStyle
    """The letterhead: the issuer's name and address lines above the release line."""
    release: ParagraphStyle
    headline: ParagraphStyle
    subtitle: ParagraphStyle
    byline: ParagraphStyle
    dateline: Face
    """The face the dateline at the start of the first paragraph is set in."""
    heading: ParagraphStyle
    headings: dict[int, ParagraphStyle]
    """Section heading style by level, 2 to 4 (2 is ``heading``)."""
    body: ParagraphStyle
    quote: ParagraphStyle
    speaker: ParagraphStyle
    list_item: ParagraphStyle
    list_label: ParagraphStyle
    boilerplate_heading: ParagraphStyle
    boilerplate: ParagraphStyle
    contacts: ParagraphStyle
    end_mark: ParagraphStyle
    note: ParagraphStyle
    """A note's text in the notes list."""
    caption: ParagraphStyle
    """A table's or figure's caption, a figure's credit."""
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    toc: ParagraphStyle
    """An entry in a press kit's contents."""
    footer: Face
    faces: dict[str, Face]
    """Every face a style uses, by reportlab name."""
    footer_size: float
    footer_color: Color
    rule_color: Color
    header_fill: Color
    """The shading of a table's header rows."""
    measures: Measures
    primary: Color
    """The theme's primary colour: headings, the release line, links, the letterhead's name and rule."""
    link_color: str
    """Links' colour as ``#rrggbb`` (for Paragraph markup)."""


def build_styles(fonts: FontSet, measures: Measures | None = None, theme: Theme = DEFAULT) -> Styles:
    """The one place every style is made: ``fonts.serif`` is the body face, ``fonts.sans`` the headings'."""
    m = measures or Measures.of(theme)
    ink, primary, rule = HexColor(theme.ink), HexColor(theme.primary), HexColor(theme.accent)
    fill = HEADER_FILL if theme.accent == DEFAULT.accent else tint(theme.accent, 0.22)
    serif, sans = fonts.serif, fonts.sans
    faces: dict[str, Face] = {}

    def used(face: Face) -> Face:
        # Only the faces a style names are registered (each costs ~30 ms to load, once per process).
        faces[face.name] = face
        return face

    def use(face: Face) -> str:
        return used(face).name

    # allowWidows/allowOrphans 0: a paragraph never leaves one line alone at a page top or bottom.
    base = ParagraphStyle(
        "pc-base",
        fontName=use(serif.regular),
        fontSize=10.5,
        leading=14.5,
        textColor=ink,
        alignment=TA_LEFT,
        allowWidows=0,
        allowOrphans=0,
        spaceAfter=7.5,
        splitLongWords=1,
    )

    def style(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(f"pc-{name}", parent=changes.pop("parent", base), **changes)

    heading = style(
        "heading",
        fontName=use(sans.bold),
        fontSize=13,
        leading=17,
        textColor=primary,
        spaceBefore=10,
        spaceAfter=5,
        keepWithNext=1,
    )
    return Styles(
        publisher=style("publisher", fontName=use(sans.bold), fontSize=9, leading=12, spaceAfter=6),
        release=style(
            "release", fontName=use(sans.bold), fontSize=8.5, leading=11, textColor=primary, spaceAfter=10
        ),
        headline=style(
            "headline",
            fontName=use(sans.bold),
            fontSize=21,
            leading=25.5,
            textColor=primary,  # a heading: the theme's primary, as in the DOCX, HTML and EPUB
            spaceAfter=8,
            keepWithNext=1,
        ),
        subtitle=style(
            "subtitle",
            fontName=use(serif.regular),
            fontSize=13,
            leading=17,
            textColor=MUTED,
            spaceAfter=10,
            keepWithNext=1,
        ),
        byline=style("byline", fontName=use(serif.regular), fontSize=9, leading=12, textColor=MUTED),
        dateline=used(sans.bold),
        heading=heading,
        headings={
            2: heading,
            3: style("heading-3", parent=heading, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4),
            4: style(
                "heading-4",
                parent=heading,
                fontSize=10.5,
                leading=14,
                spaceBefore=6,
                spaceAfter=3,
            ),
        },
        body=base,
        quote=style(
            "quote",
            fontName=use(serif.italic),
            leftIndent=m.quote_indent,
            rightIndent=m.quote_indent,
            spaceBefore=2,
            spaceAfter=2,
        ),
        speaker=style(
            "speaker",
            fontName=use(serif.regular),
            fontSize=8.5,
            leading=11,
            textColor=MUTED,
            leftIndent=m.quote_indent,
            spaceBefore=0,
            spaceAfter=10,
        ),
        list_item=style("list-item", spaceAfter=3),
        list_label=style("list-label", spaceAfter=0),
        boilerplate_heading=style(
            "boilerplate-heading",
            fontName=use(sans.bold),
            fontSize=10,
            leading=13,
            textColor=ink,
            spaceBefore=14,
            spaceAfter=3,
            keepWithNext=1,
        ),
        boilerplate=style("boilerplate", fontSize=9, leading=12.5, textColor=MUTED, spaceAfter=5),
        contacts=style(
            "contacts", fontName=use(serif.regular), fontSize=9, leading=12, spaceBefore=8, spaceAfter=5
        ),
        end_mark=style("end-mark", fontName=use(sans.bold), fontSize=10, alignment=TA_CENTER, spaceBefore=12),
        note=style("note", fontSize=9, leading=12.5, spaceAfter=3),
        caption=style(
            "caption", fontName=use(serif.italic), fontSize=9, leading=12, textColor=MUTED, spaceAfter=6
        ),
        cell=style("cell", fontSize=9, leading=12, spaceAfter=0, allowWidows=1, allowOrphans=1),
        cell_header=style(
            "cell-header", fontName=use(sans.bold), fontSize=9, leading=12, spaceAfter=0, allowWidows=1
        ),
        toc=style("toc", fontSize=11.5, leading=15, spaceAfter=6, allowWidows=1),
        footer=used(serif.regular),
        faces=faces,
        footer_size=8,
        footer_color=MUTED,
        rule_color=rule,
        header_fill=HexColor(fill),
        measures=m,
        primary=primary,
        link_color=theme.primary,
    )
