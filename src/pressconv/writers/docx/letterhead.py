"""A theme's letterhead -> the DOCX's first page: the logo (an SVG drawn as PNG with CairoSVG, the
picture's ``descr`` the logo's alt text), the organisation's name and the letterhead line over the
primary rule, in a header part of the first page only (``w:titlePg``), the first page keeping the
footer every other page has.  A reference document's own header wins (``has_own_header``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import WriterError
from pressconv.theme import Theme
from pressconv.writers.docx.house import ordered_child
from pressconv.writers.docx.ooxml import SECTION_ORDER, XML_SPACE, R, W, w, xml
from pressconv.writers.docx.relations import RT_IMAGE, Relations
from pressconv.writers.docx.styles import TextKind

RT_HEADER = f"{R}/header"
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER_NAME = "word/header-first.xml"
"""The first page's header part the writer adds for a theme's logo and letterhead."""

_MM_EMU = 36000
_LOGO_HEIGHT_MM = 14.0
_LOGO_MAX_WIDTH_MM = 80.0
_SVG_PIXELS_HIGH = 330
"""An SVG logo is drawn this many pixels high: 600 dpi at the logo's height on the page."""

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
    # Made in the section's document, then moved (a move between documents costs more).
    reference = etree.SubElement(
        section_properties, w("headerReference"), {w("type"): "first", f"{{{R}}}id": header_id}
    )
    section_properties.insert(0, reference)
    if footer is not None and first_footer is None:
        # One footer part for both slots: the first page is numbered like the rest.
        again = etree.SubElement(
            section_properties,
            w("footerReference"),
            {w("type"): "first", f"{{{R}}}id": footer.get(f"{{{R}}}id")},
        )
        footer.addnext(again)
    ordered_child(section_properties, "titlePg", SECTION_ORDER)


def has_own_header(section_properties: etree._Element) -> bool:
    """True when the template (a reference document) gives the section a header of its own."""
    return section_properties.find(w("headerReference")) is not None


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
