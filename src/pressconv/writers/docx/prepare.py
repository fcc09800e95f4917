"""Template preparation with python-docx: once per reference document (or at release time for the
default template), add every style of the style map the template lacks, give the last section a
footer of its own, drop stale parts, and save.

The only module of the writer that opens python-docx; its internals are reached through
``pressconv.compat.docx``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pressconv.compat import docx as compat
from pressconv.errors import WriterError
from pressconv.theme import DEFAULT
from pressconv.writers.docx.house import restyle
from pressconv.writers.docx.ooxml import RT_STYLES_WITH_EFFECTS, RT_THUMBNAIL, child, w
from pressconv.writers.docx.package import as_document
from pressconv.writers.docx.styles import STYLES, StyleSpec, TextKind


def prepare(path: str | None) -> tuple[bytes, dict[TextKind, str], str | None, bool]:
    """Open the template with python-docx, add what the writer needs and save it.

    Returns the saved bytes, the style id of each kind of text, the zip name of the footer the
    writer made (None: the template's own) and whether the template's page size stands.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if path is None:
        doc = docx.Document()
    else:
        from pressconv.limits import check_zip, read_file

        # a regular file within the input limit, every zip member within the inflation limits
        data = read_file(Path(path), "the reference document", error=WriterError)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_zip(archive, path, "the reference document")
            doc = docx.Document(io.BytesIO(as_document(data)))
        except zipfile.BadZipFile:
            raise WriterError(
                "the reference document is not a .docx file (not a zip archive)", path
            ) from None
        except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as err:
            raise WriterError(f"the reference document is not a usable .docx file ({err})", path) from None
    if compat.body(doc) is None:
        raise WriterError("the reference document is not a usable .docx file (it has no w:body)", path)
    style_ids = _ensure_styles(doc, path is None)
    settings = compat.settings_element(doc)
    # A stale "spelling is clean" mark would keep Word from checking the new text.
    for proof in settings.findall(w("proofState")):
        settings.remove(proof)
    # A copy of the styles that Word 2010 wrote; stale as soon as a style is added.
    compat.drop_relationships(doc, RT_STYLES_WITH_EFFECTS)
    # A picture of the template, not of this document.
    compat.drop_relationships(doc, RT_THUMBNAIL, package=True)
    section_properties = compat.section_properties(doc)  # a template may have none; the page set-up
    section = doc.sections[-1]
    footer_name: str | None = None
    if section.footer.is_linked_to_previous:
        section.footer.is_linked_to_previous = False
        footer_name = compat.part_name(section.footer.part)
    buffer = io.BytesIO()
    doc.save(buffer)
    # A reference document's page size stands, when it has one.
    keep_page_size = path is not None and section_properties.find(w("pgSz")) is not None
    return buffer.getvalue(), style_ids, footer_name, keep_page_size


def _ensure_styles(doc: Any, is_default: bool) -> dict[TextKind, str]:
    """Each style of the map, added when the template lacks it; its style id by kind of text."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    styles = doc.styles
    ids: dict[TextKind, str] = {}
    for kind_of_text, spec in STYLES.items():
        kind = {
            "character": WD_STYLE_TYPE.CHARACTER,
            "table": WD_STYLE_TYPE.TABLE,
            "paragraph": WD_STYLE_TYPE.PARAGRAPH,
        }[spec.kind]
        if spec.name in styles and styles[spec.name].type == kind:
            style = styles[spec.name]
            if is_default:  # the house look; a reference document's own styles are left as they are
                _shape(style, spec, Pt, WD_ALIGN_PARAGRAPH)
            ids[kind_of_text] = style.style_id
            continue
        style = styles.add_style(_unused_name(styles, spec.name), kind)
        if spec.base is not None and spec.base in styles and styles[spec.base].type == kind:
            style.base_style = styles[spec.base]
        _shape(style, spec, Pt, WD_ALIGN_PARAGRAPH)
        if spec.numbering is not None:
            _number(doc, style, spec.numbering)
        style.quick_style = True
        if spec.kind == "table":
            _table_look(compat.style_element(style))
        ids[kind_of_text] = style.style_id
    if is_default:
        # The footer line at the start of the line, as the PDF, HTML and EPUB set it: no alignment of its
        # own, so a right-to-left footer starts at the right (Word and LibreOffice differ on what "left"
        # means in a right-to-left paragraph); a reference document's own Footer style is left alone.
        styles["Footer"].paragraph_format.alignment = None
        # python-docx's template carries 140 table styles (340 kB of a 400 kB styles part) that a
        # release never uses; the default table style and the style map's stay.
        element = compat.styles_element(doc)
        kept = set(ids.values())
        for style in element.findall(w("style")):
            table = style.get(w("type")) == "table" and style.get(w("default")) != "1"
            if table and style.get(w("styleId")) not in kept:
                element.remove(style)
        # The default theme's colours, so a document without a theme pays nothing for them.
        restyle(element, DEFAULT, ids)
    return ids


def _number(doc: Any, style: Any, kind: str) -> None:
    """Give a created list style its own numbering definition, as Word's built-in list styles have."""
    numbering = compat.numbering_element(doc)
    abstract_id = 1 + max(
        [-1, *(int(a.get(w("abstractNumId"))) for a in numbering.findall(w("abstractNum")))]
    )
    num_id = 1 + max([0, *(int(n.get(w("numId"))) for n in numbering.findall(w("num")))])
    abstract = etree.Element(w("abstractNum"), {w("abstractNumId"): str(abstract_id)})
    etree.SubElement(abstract, w("multiLevelType"), {w("val"): "singleLevel"})
    level = etree.SubElement(abstract, w("lvl"), {w("ilvl"): "0"})
    etree.SubElement(level, w("start"), {w("val"): "1"})
    etree.SubElement(level, w("numFmt"), {w("val"): kind})
    etree.SubElement(level, w("lvlText"), {w("val"): "\u2022" if kind == "bullet" else "%1."})
    etree.SubElement(level, w("lvlJc"), {w("val"): "left"})
    indent = etree.SubElement(etree.SubElement(level, w("pPr")), w("ind"))
    indent.set(w("left"), "720")
    indent.set(w("hanging"), "360")
    first_num = numbering.find(w("num"))
    if first_num is None:  # every abstractNum must come before the first num
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, w("num"), {w("numId"): str(num_id)})
    etree.SubElement(num, w("abstractNumId"), {w("val"): str(abstract_id)})
    compat.set_style_numbering(style, num_id)


def _unused_name(styles: Any, name: str) -> str:
    # A template may hold a character style where a paragraph style is needed (or the reverse).
    candidate, n = name, 1
    while candidate in styles:
        n += 1
        candidate = f"{name} {n}"
    return candidate


def _shape(style: Any, spec: StyleSpec, pt: Any, align: Any) -> None:
    font = style.font
    if spec.size_pt is not None:
        font.size = pt(spec.size_pt)
    if spec.bold is not None:
        font.bold = spec.bold
    if spec.italic is not None:
        font.italic = spec.italic
    if spec.all_caps is not None:
        font.all_caps = spec.all_caps
    if spec.underline is not None:
        font.underline = spec.underline
    if spec.superscript is not None:
        font.superscript = spec.superscript
    if spec.color is not None:
        from docx.shared import RGBColor

        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.font is not None:
        font.name = spec.font
    if spec.kind != "paragraph":
        return
    fmt = style.paragraph_format
    if spec.align is not None:
        fmt.alignment = {"left": align.LEFT, "center": align.CENTER, "right": align.RIGHT}[spec.align]
    if spec.space_before_pt is not None:
        fmt.space_before = pt(spec.space_before_pt)
    if spec.space_after_pt is not None:
        fmt.space_after = pt(spec.space_after_pt)
    if spec.indent_pt is not None:
        fmt.left_indent = fmt.right_indent = pt(spec.indent_pt)
    if spec.keep_with_next is not None:
        fmt.keep_with_next = spec.keep_with_next
    if spec.outline_level is not None:
        properties = compat.style_paragraph_properties(style)
        child(properties, "outlineLvl").set(w("val"), str(spec.outline_level))


def _table_look(style: etree._Element) -> None:
    """A created table style's look: thin grey borders, and the header row bold on light grey."""
    properties = etree.SubElement(style, w("tblPr"))
    borders = etree.SubElement(properties, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        attributes = {w("val"): "single", w("sz"): "4", w("space"): "0", w("color"): "808080"}
        etree.SubElement(borders, w(side), attributes)
    margins = etree.SubElement(properties, w("tblCellMar"))
    for side in ("left", "right"):
        etree.SubElement(margins, w(side), {w("w"): "108", w("type"): "dxa"})
    header = etree.SubElement(style, w("tblStylePr"), {w("type"): "firstRow"})
    etree.SubElement(etree.SubElement(header, w("rPr")), w("b"))
    shading = {w("val"): "clear", w("color"): "auto", w("fill"): "E7E6E6"}
    etree.SubElement(etree.SubElement(header, w("tcPr")), w("shd"), shading)
