"""A theme (``pressconv.theme``) -> the DOCX's house style: colours and typefaces in the styles part,
the logo and letterhead line in the first page's header, the footer line, the page set-up.

Colours and typefaces are set on the styles themselves, never as direct
formatting, so a user who edits the document keeps the look: ``primary`` on the
Title (and its rule), Subtitle, Heading 1-3 (the boilerplate and notes headings
inherit it), captions, hyperlinks and the letterhead and its rule; ``accent`` on the quote's rule
and the table borders and header fill; ``ink`` as the body text colour.  The
body typeface becomes the document default for Latin text, the heading
typeface that of the Title, Subtitle and headings; East Asian and complex-script
text keep the template's own fonts, so Word still finds a face for every glyph
the theme's font lacks.  A font file gives its family name, read with fontTools.

The shipped default template is prepared with the default theme applied
(``prepare``), so a document without a theme costs nothing here; another theme
restyles a copy of the styles once per process.  A reference document
(``--docx-reference``) keeps its own styles whatever the theme says: it wins.

The logo (PNG; an SVG is drawn to PNG with CairoSVG), the organisation's name
and the letterhead line go in a header of the first page only (``w:titlePg``),
the picture's ``descr`` the logo's alt text; the footer (every page, the first too) is the theme's
line with Word fields for ``{page}`` and ``{pages}``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import WriterError
from pressconv.theme import Theme
from pressconv.writers.docx.ooxml import XML_SPACE, R, W, w, xml
from pressconv.writers.docx.relations import RT_IMAGE, Relations
from pressconv.writers.docx.styles import TextKind

RT_HEADER = f"{R}/header"
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER_NAME = "word/header-first.xml"
"""The first page's header part the writer adds for a theme's logo and letterhead."""

# The schema's fixed order of the children this module adds (ECMA-376 Part 1, 17.3.1.26, 17.3.2.28).
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
_PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
_STYLE_ORDER = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
]
_BORDER_ORDER = ["top", "left", "bottom", "right", "between", "bar"]
_SECT_ORDER = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]

#: The styles that wear the primary colour and the heading typeface.
_HEADINGS: tuple[TextKind, ...] = ("headline", "subtitle", "heading", "heading_3", "heading_4")

_MM_TWIPS = 1440 / 25.4
_MM_EMU = 36000
_LOGO_HEIGHT_MM = 14.0
_LOGO_MAX_WIDTH_MM = 80.0
_SVG_PIXELS_HIGH = 330
"""An SVG logo is drawn this many pixels high: 600 dpi at the logo's height on the page."""
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def ordered_child(parent: etree._Element, name: str, order: Sequence[str]) -> etree._Element:
    """``parent``'s w:``name`` child, made in its place in the schema ``order`` when missing."""
    found = parent.find(w(name))
    if found is not None:
        return found
    element = etree.Element(w(name))
    rank = order.index(name)
    for sibling in parent:
        local = etree.QName(sibling).localname if isinstance(sibling.tag, str) else ""
        if local in order and order.index(local) > rank:
            sibling.addprevious(element)
            return element
    parent.append(element)
    return element


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _colour(properties: etree._Element, colour: str) -> None:
    element = ordered_child(properties, "color", _RPR_ORDER)
    for attribute in ("themeColor", "themeShade", "themeTint"):
        element.attrib.pop(w(attribute), None)  # a theme colour would override the value
    element.set(w("val"), _hex(colour))


def _font(properties: etree._Element, family: str) -> None:
    """Latin text in ``family``; East Asian and complex-script text keep their fonts (glyph fallback)."""
    fonts = ordered_child(properties, "rFonts", _RPR_ORDER)
    for attribute in ("asciiTheme", "hAnsiTheme"):
        fonts.attrib.pop(w(attribute), None)  # a theme font would override the family
    fonts.set(w("ascii"), family)
    fonts.set(w("hAnsi"), family)


def _border(properties: etree._Element, side: str, colour: str, size: int, space: int) -> None:
    borders = ordered_child(properties, "pBdr", _PPR_ORDER)
    element = ordered_child(borders, side, _BORDER_ORDER)
    for attribute in ("themeColor", "themeShade", "themeTint"):
        element.attrib.pop(w(attribute), None)
    element.set(w("val"), "single")
    element.set(w("sz"), str(size))
    element.set(w("space"), str(space))
    element.set(w("color"), _hex(colour))


def restyle(styles: etree._Element, theme: Theme, ids: Mapping[TextKind, str]) -> None:
    """Put ``theme``'s colours and typefaces on the styles part ``styles`` (set, never toggled: applying
    a second theme over a first gives what applying it alone gives)."""
    by_id = {style.get(w("styleId")): style for style in styles.findall(w("style"))}

    def style(kind: TextKind) -> etree._Element | None:
        return by_id.get(ids.get(kind))

    def run_properties(element: etree._Element) -> etree._Element:
        return ordered_child(element, "rPr", _STYLE_ORDER)

    def paragraph_properties(element: etree._Element) -> etree._Element:
        return ordered_child(element, "pPr", _STYLE_ORDER)

    defaults = ordered_child(styles, "docDefaults", ("docDefaults", "latentStyles", "style"))
    default_run = ordered_child(
        ordered_child(defaults, "rPrDefault", ("rPrDefault", "pPrDefault")), "rPr", ()
    )
    _colour(default_run, theme.ink)
    try:
        # The loader resolves each font to its family name; a Theme built in code may give a file.
        body_family = theme.body_family or font_family(theme.body_font)
        heading_family = theme.heading_family or font_family(theme.heading_font)
    except WriterError as err:
        err.path = err.path or theme.source
        raise
    if body_family is not None:
        _font(default_run, body_family)
    for kind in _HEADINGS:
        element = style(kind)
        if element is None:
            continue
        _colour(run_properties(element), theme.primary)
        if heading_family is not None:
            _font(run_properties(element), heading_family)
    for kind in ("hyperlink", "letterhead", "caption"):
        element = style(kind)
        if element is not None:
            _colour(run_properties(element), theme.primary)
    title, letterhead = style("headline"), style("letterhead")
    if title is not None:
        _border(paragraph_properties(title), "bottom", theme.primary, 8, 4)
    if letterhead is not None:
        _border(paragraph_properties(letterhead), "bottom", theme.primary, 8, 4)
    quote = style("quote")
    if quote is not None:
        _colour(run_properties(quote), theme.ink)
        _border(paragraph_properties(quote), "left", theme.accent, 18, 8)
    table = style("table")
    if table is not None:
        for side in table.iterfind(f"{w('tblPr')}/{w('tblBorders')}/*"):
            side.set(w("color"), _hex(theme.accent))
        for fill in table.iterfind(f"{w('tblStylePr')}/{w('tcPr')}/{w('shd')}"):
            fill.set(w("fill"), _hex(theme.accent))


def look_key(theme: Theme) -> tuple[str | None, ...]:
    """What of a theme decides the styles part: two themes with one key share one styles part."""
    fonts = (theme.body_font, theme.heading_font, theme.body_family, theme.heading_family)
    return (theme.primary, theme.accent, theme.ink, *fonts)


# --- typefaces --------------------------------------------------------------------------------------


def font_family(font: str | None) -> str | None:
    """The family name Word should ask for: a font file's own family (read with fontTools), else ``font``."""
    if font is None:
        return None
    if not font.lower().endswith(_FONT_SUFFIXES) and "/" not in font:
        return font
    return _family_in_file(font)


@lru_cache(maxsize=16)
def _family_in_file(path: str) -> str:
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:
        if path.lower().endswith(".ttc"):
            with TTCollection(path, lazy=True) as collection:
                return _family_name(collection.fonts[0], path)
        with TTFont(path, lazy=True) as font:
            return _family_name(font, path)
    except (OSError, TTLibError, KeyError) as err:
        raise WriterError(f"the theme's font {path!r} cannot be read ({err})") from None


def _family_name(font: Any, path: str) -> str:
    names = font["name"]
    # The typographic family (16) when the font has one, else the legacy family (1).
    for name_id in (16, 1):
        record = names.getName(name_id, 3, 1) or names.getName(name_id, 1, 0)
        if record is not None and str(record).strip():
            return str(record).strip()
    return Path(path).stem


# --- the logo ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Picture:
    """A logo ready for Word: PNG (or another raster Word shows) bytes and its size on the page."""

    data: bytes
    media_type: str
    extension: str
    cx: int
    cy: int
    """Width and height in EMU."""


def logo_picture(theme: Theme) -> Picture | None:
    """The theme's logo as Word can place it, 14 mm high (narrower than 80 mm); None without a logo."""
    logo = theme.logo
    if logo is None:
        return None
    data = logo.data
    if logo.media_type == "image/svg+xml":
        data = _svg_to_png(data, theme.source or logo.filename)
    from pressconv.compat import docx as compat

    facts = compat.image_facts(data)
    if facts is None:
        raise WriterError(f"the theme's logo {logo.filename!r} is not an image Word can show", theme.source)
    media_type, extension, width, height = facts
    cy = round(_LOGO_HEIGHT_MM * _MM_EMU)
    cx = max(1, round(cy * width / max(1, height)))
    limit = round(_LOGO_MAX_WIDTH_MM * _MM_EMU)
    if cx > limit:
        cx, cy = limit, max(1, round(limit * height / max(1, width)))
    return Picture(data, media_type, extension, cx, cy)


@lru_cache(maxsize=8)
def _svg_to_png(data: bytes, where: str) -> bytes:
    """An SVG logo drawn as PNG with CairoSVG (Word's own SVG support needs a PNG fallback anyway)."""
    try:
        import cairosvg  # type: ignore[import-untyped]
    except (ImportError, OSError) as err:  # cairocffi raises OSError when the Cairo library is missing
        raise WriterError(
            f"an SVG logo needs CairoSVG and the Cairo library to be drawn in a DOCX ({err}); "
            "give a PNG logo instead",
            where,
        ) from None
    try:
        # Not ``unsafe``: CairoSVG then reads no outside file or address (only data: URLs) and no entities.
        png = cairosvg.svg2png(bytestring=data, output_height=_SVG_PIXELS_HIGH)
    except Exception as err:
        raise WriterError(f"the theme's SVG logo cannot be drawn ({err})", where) from None
    if not isinstance(png, bytes):
        raise WriterError("the theme's SVG logo cannot be drawn", where)
    return png


# --- header and footer ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    """The first page's header part, its relationships and its picture."""

    part: bytes
    relationships: bytes | None
    media: dict[str, tuple[bytes, str]]
    """Zip name -> (bytes, media type)."""


def letterhead_lines(theme: Theme) -> tuple[str, ...]:
    """The letterhead's words, as the PDF sets them: the organisation's name, then the letterhead line."""
    lines = (theme.organisation, theme.letterhead)
    return tuple(" ".join(line.split()) for line in lines if line and line.strip())


def header(theme: Theme, ids: Mapping[TextKind, str], clean: Callable[[str], str]) -> Header | None:
    """The first page's header: the logo, the organisation's name and the letterhead line over a rule
    (the Letterhead style's; consecutive Letterhead paragraphs share it); None when the theme has none
    of them."""
    picture = logo_picture(theme)
    lines = letterhead_lines(theme)
    if picture is None and not lines:
        return None
    root = etree.Element(w("hdr"), nsmap={"w": W, "r": R})
    media: dict[str, tuple[bytes, str]] = {}
    relations = Relations()
    if picture is not None:
        assert theme.logo is not None
        digest = hashlib.sha256(picture.data).hexdigest()[:16]
        name = f"logo-{digest}.{picture.extension}"
        media[f"word/media/{name}"] = (picture.data, picture.media_type)
        rel_id = relations.internal("Img", RT_IMAGE, f"media/{name}")
        from pressconv.compat import docx as compat

        inline = compat.picture_inline(1, rel_id, name, picture.cx, picture.cy)
        doc_pr = inline.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
        if doc_pr is not None:
            doc_pr.set("descr", clean(theme.logo.alt))
            doc_pr.set("name", clean(theme.logo.alt) or "Logo")
        p = _paragraph(root, ids["letterhead"] if not lines else "Header")
        etree.SubElement(etree.SubElement(p, w("r")), w("drawing")).append(inline)
    for index, line in enumerate(lines):
        p = _paragraph(root, ids["letterhead"])
        # The first line (the organisation's name) in the style's bold; a letterhead line after it regular.
        _text_run(p, clean(line), bold=False if index > 0 else None)
    return Header(xml(root), relations.part() if relations.added else None, media)


def first_page(section_properties: etree._Element, header_id: str) -> None:
    """The section's first page wears the header ``header_id``, and the same footer as every other page."""
    for reference in section_properties.findall(w("headerReference")):
        if reference.get(w("type")) == "first":
            section_properties.remove(reference)
    footer = next(
        (r for r in section_properties.findall(w("footerReference")) if r.get(w("type")) == "default"), None
    )
    first_footer = next(
        (r for r in section_properties.findall(w("footerReference")) if r.get(w("type")) == "first"), None
    )
    reference = etree.Element(w("headerReference"), {w("type"): "first", f"{{{R}}}id": header_id})
    section_properties.insert(0, reference)
    if footer is not None and first_footer is None:
        # One footer part for both slots: the first page is numbered like the rest.
        again = etree.Element(
            w("footerReference"), {w("type"): "first", f"{{{R}}}id": footer.get(f"{{{R}}}id")}
        )
        footer.addnext(again)
    ordered_child(section_properties, "titlePg", _SECT_ORDER)


def has_own_header(section_properties: etree._Element) -> bool:
    """True when the template (a reference document) gives the section a header of its own."""
    return section_properties.find(w("headerReference")) is not None


def margins_twips(margins_mm: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """Top, right, bottom, left in twentieths of a point."""
    top, right, bottom, left = margins_mm
    return (
        round(top * _MM_TWIPS),
        round(right * _MM_TWIPS),
        round(bottom * _MM_TWIPS),
        round(left * _MM_TWIPS),
    )


def add_header_relation(relations: Relations) -> str:
    return relations.internal("Header", RT_HEADER, HEADER_NAME.removeprefix("word/"))


def _paragraph(parent: etree._Element, style_id: str) -> etree._Element:
    p = etree.SubElement(parent, w("p"))
    etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle"), {w("val"): style_id})
    return p


def _text_run(paragraph: etree._Element, text: str, *, bold: bool | None = None) -> None:
    run = etree.SubElement(paragraph, w("r"))
    if bold is not None:
        etree.SubElement(etree.SubElement(run, w("rPr")), w("b"), {w("val"): "1" if bold else "0"})
    etree.SubElement(run, w("t"), {XML_SPACE: "preserve"}).text = text
