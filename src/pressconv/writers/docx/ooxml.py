"""WordprocessingML and OPC names, and the few lxml helpers every part of the DOCX writer uses."""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]  # no stubs; lxml keeps Word's ns prefixes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Relationship types.
RT_OFFICE_DOCUMENT = f"{R}/officeDocument"
RT_CORE = f"{PKG_REL}/metadata/core-properties"
RT_THUMBNAIL = f"{PKG_REL}/metadata/thumbnail"
RT_CUSTOM = f"{R}/custom-properties"
RT_STYLES = f"{R}/styles"
RT_NUMBERING = f"{R}/numbering"
RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# Content types.
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CT_TEMPLATE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
CT_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` -> ``{…/main}p``."""
    return f"{{{W}}}{tag}"


def xml(root: etree._Element) -> bytes:
    """A part's bytes, with the declaration Word writes (UTF-8, standalone)."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def child(parent: etree._Element, name: str, *, first: bool = False) -> etree._Element:
    """``parent``'s w:``name`` child, made (last, or ``first``) when the part has none."""
    found = parent.find(w(name))
    if found is None:
        found = etree.Element(w(name))
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


#: The children of ``w:pPr`` in the order the schema fixes (ECMA-376 Part 1, CT_PPrBase).
PPR_ORDER = (
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
)

#: The children of ``w:sectPr`` in the order the schema fixes (ECMA-376 Part 1, CT_SectPr).
SECTION_ORDER = (
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
)
