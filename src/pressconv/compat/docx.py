"""python-docx internals, fenced: everything pressconv does with python-docx beyond its public API.

The DOCX writer opens python-docx only to prepare a template (a reference
document, or the default template at release time) and, for a document with
pictures, to read image sizes and build inline picture XML; the rest is lxml on
the saved parts.  What it needs there that python-docx has no public API for --
the oxml element tree (``CT_Body.get_or_add_sectPr``, ``get_or_add_pPr`` …),
part relationships (``Part.rels``, ``Package.rels``, ``part_related_by``,
``relate_to``), part names, creating a numbering part -- goes through the
functions below and nowhere else.  ``probe()`` checks the installed version is
one these were tested with and that every internal used still exists.

Tested with python-docx 1.1.2 and 1.2.0 (``pyproject.toml`` bounds it ``>=1.1,<1.3``).
"""

from __future__ import annotations

from importlib import metadata
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

#: The python-docx versions the writer's goldens and this module were tested with.
TESTED_VERSIONS = ("1.1.2", "1.2.0")

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def installed_version() -> str:
    return metadata.version("python-docx")


def probe() -> list[str]:
    """What is wrong with the installed python-docx for pressconv: empty when nothing is."""
    problems: list[str] = []
    version = installed_version()
    if version not in TESTED_VERSIONS:
        problems.append(
            f"python-docx {version} is not a version pressconv was tested with "
            f"({', '.join(TESTED_VERSIONS)}): run the DOCX tests against it, then add it to "
            "pressconv.compat.docx.TESTED_VERSIONS and widen the bound in pyproject.toml"
        )
    import docx
    from docx.opc.part import Part
    from docx.oxml.document import CT_Body
    from docx.oxml.shape import CT_Inline
    from docx.oxml.styles import CT_Style
    from docx.oxml.text.parfmt import CT_PPr

    needed: list[tuple[Any, str]] = [
        (CT_Body, "get_or_add_sectPr"),
        (CT_Body, "sectPr"),
        (CT_Style, "get_or_add_pPr"),
        (CT_PPr, "get_or_add_numPr"),
        (CT_Inline, "new_pic_inline"),
        (Part, "rels"),
        (Part, "partname"),
        (Part, "part_related_by"),
        (Part, "relate_to"),
        (Part, "package"),
    ]
    for owner, name in needed:
        if not hasattr(owner, name):
            problems.append(f"python-docx {version}: {owner.__name__}.{name} is gone; pressconv uses it")
    for module, name in [
        ("docx.parts.numbering", "NumberingPart"),
        ("docx.opc.packuri", "PackURI"),
        ("docx.oxml.parser", "parse_xml"),
        ("docx.opc.constants", "RELATIONSHIP_TYPE"),
        ("docx.image.image", "Image"),
        ("docx.image.exceptions", "UnrecognizedImageError"),
        ("docx.image.exceptions", "UnexpectedEndOfFileError"),
        ("docx.image.exceptions", "InvalidImageStreamError"),
    ]:
        if not hasattr(__import__(module, fromlist=[name]), name):
            problems.append(f"python-docx {version}: {module}.{name} is gone; pressconv uses it")
    del docx
    return problems


def body(doc: Any) -> etree._Element | None:
    """The document's w:body element (None in a broken package)."""
    found: etree._Element | None = doc.element.body
    return found


def section_properties(doc: Any) -> etree._Element:
    """The body's final w:sectPr, made when the document has none (the page set-up lives there)."""
    sect_pr: etree._Element = doc.element.body.get_or_add_sectPr()
    return sect_pr


def settings_element(doc: Any) -> etree._Element:
    element: etree._Element = doc.settings.element
    return element


def styles_element(doc: Any) -> etree._Element:
    element: etree._Element = doc.styles.element
    return element


def drop_relationships(doc: Any, reltype: str, *, package: bool = False) -> None:
    """Remove every relationship of ``reltype`` from the main document part (or the package)."""
    rels = doc.part.package.rels if package else doc.part.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == reltype:
            del rels[rel_id]


def part_name(part: Any) -> str:
    """A part's zip name: its partname without the leading slash."""
    name: str = part.partname
    return name.lstrip("/")


def numbering_element(doc: Any) -> etree._Element:
    """The document's w:numbering element; a numbering part is created when there is none."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.numbering import NumberingPart

    try:
        numbering: etree._Element = doc.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        return numbering
    except KeyError:  # python-docx cannot create one itself
        empty = etree.tostring(etree.Element(f"{{{_W}}}numbering", nsmap={"w": _W}))
        part = NumberingPart(
            PackURI("/word/numbering.xml"), CONTENT_TYPE.WML_NUMBERING, parse_xml(empty), doc.part.package
        )
        doc.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
        created: etree._Element = part.element
        return created


def style_element(style: Any) -> etree._Element:
    """A style's w:style element."""
    element: etree._Element = style.element
    return element


def style_paragraph_properties(style: Any) -> etree._Element:
    """A style's w:pPr element, made when it has none."""
    properties: etree._Element = style.element.get_or_add_pPr()
    return properties


def set_style_numbering(style: Any, num_id: int) -> None:
    """Tie a paragraph style to numbering instance ``num_id`` (its w:pPr/w:numPr/w:numId)."""
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id


def image_facts(data: bytes) -> tuple[str, str, int, int] | None:
    """(media type, file extension, width, height in EMU at the image's own resolution) of an image
    python-docx can place (PNG, JPEG, GIF, BMP, TIFF); None for anything else."""
    from docx.image.exceptions import (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
    )
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
        return image.content_type, image.ext, int(image.width), int(image.height)
    except (
        UnrecognizedImageError,
        UnexpectedEndOfFileError,  # a truncated PNG or JPEG
        InvalidImageStreamError,
        ValueError,
        IndexError,
        KeyError,
        ZeroDivisionError,
    ):
        return None


def picture_inline(shape_id: int, rel_id: str, filename: str, cx: int, cy: int) -> etree._Element:
    """The wp:inline python-docx's ``add_picture`` makes, as a plain lxml element."""
    from docx.oxml.shape import CT_Inline
    from docx.shared import Emu

    inline = CT_Inline.new_pic_inline(shape_id, rel_id, filename, Emu(cx), Emu(cy))
    return etree.fromstring(etree.tostring(inline))
