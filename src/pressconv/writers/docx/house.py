"""A theme (``pressconv.theme``) -> the DOCX's house style: colours and typefaces in the styles part,
and the page margins (the logo and letterhead are ``letterhead``'s, the footer line ``parts``').

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
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import WriterError
from pressconv.theme import Theme
from pressconv.writers.docx.ooxml import PPR_ORDER, w
from pressconv.writers.docx.styles import TextKind

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

#: The styles that wear the primary colour and the heading typeface.
_HEADINGS: tuple[TextKind, ...] = ("headline", "subtitle", "heading", "heading_3", "heading_4")

_MM_TWIPS = 1440 / 25.4
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def ordered_child(parent: etree._Element, name: str, order: Sequence[str]) -> etree._Element:
    """``parent``'s w:``name`` child, made in its place in the schema ``order`` when missing."""
    found = parent.find(w(name))
    if found is not None:
        return found
    later = frozenset(order[order.index(name) + 1 :])
    # Made in the parent's document (appended, then moved): no move between documents, whose
    # namespace reconciliation cost more than the rest (a sectPr under a root of twenty namespaces).
    element = etree.SubElement(parent, w(name))
    for sibling in parent:
        tag = sibling.tag
        if isinstance(tag, str) and tag.rpartition("}")[2] in later:
            sibling.addprevious(element)
            break
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
    borders = ordered_child(properties, "pBdr", PPR_ORDER)
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


def margins_twips(margins_mm: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    """Top, right, bottom, left in twentieths of a point."""
    top, right, bottom, left = margins_mm
    return (
        round(top * _MM_TWIPS),
        round(right * _MM_TWIPS),
        round(bottom * _MM_TWIPS),
        round(left * _MM_TWIPS),
    )
