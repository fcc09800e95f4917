"""The parts that depend on the document: page set-up, core and custom properties, numbering,
the styles part in the document's language and the "Page X of Y" footer in its words.

Built as lxml trees from the prepared template's parts; python-docx is never opened here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy, deepcopy
from datetime import datetime
from typing import TYPE_CHECKING

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
from pressconv.model import Document
from pressconv.options import WriteOptions, document_datetime
from pressconv.text import clean
from pressconv.writers._pagination import page_words
from pressconv.writers.docx.body import Cleaner
from pressconv.writers.docx.ooxml import CP, CUSTOM, DC, DCTERMS, VT, XML_SPACE, XSI, w, xml
from pressconv.writers.docx.rtl import set_language
from pressconv.writers.docx.runs import run

if TYPE_CHECKING:
    from pressconv.writers.docx.template import Template

#: The format id Word gives every user-defined custom property.
_FMTID_USER = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

# Page sizes and margins in twentieths of a point: one inch (2.54 cm) all round.
_PAGE_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
_MARGIN = 1440
_HEADER_FOOTER = 720


def set_page(
    section_properties: etree._Element, size: str, margins_twips: tuple[int, int, int, int] | None = None
) -> None:
    """The page size and margins (top, right, bottom, left; default one inch all round), in the schema's
    place among the section properties."""
    width, height = _PAGE_TWIPS[size]
    for tag in ("pgSz", "pgMar"):
        old = section_properties.find(w(tag))
        if old is not None:
            section_properties.remove(old)
    sides = margins_twips or (_MARGIN, _MARGIN, _MARGIN, _MARGIN)
    margins = {
        w(side): str(value) for side, value in zip(("top", "right", "bottom", "left"), sides, strict=True)
    }
    margins |= {w("header"): str(_HEADER_FOOTER), w("footer"): str(_HEADER_FOOTER), w("gutter"): "0"}
    # Schema order: header/footer references, footnote/endnote properties, type, then pgSz, pgMar.
    anchor = None
    for element in section_properties:
        if etree.QName(element).localname not in (
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
        ):
            anchor = element
            break
    size_el = etree.Element(w("pgSz"), {w("w"): str(width), w("h"): str(height)})
    margin_el = etree.Element(w("pgMar"), margins)
    if anchor is None:
        section_properties.append(size_el)
        section_properties.append(margin_el)
    else:
        anchor.addprevious(size_el)
        anchor.addprevious(margin_el)


def number_endnotes(section_properties: etree._Element) -> None:
    """Endnotes numbered 1, 2, 3 like footnotes (Word's default for endnotes is i, ii, iii)."""
    if section_properties.find(w("endnotePr")) is not None:
        return
    properties = etree.Element(w("endnotePr"))
    etree.SubElement(properties, w("numFmt"), {w("val"): "decimal"})
    # Schema order: header/footer references, footnotePr, endnotePr, then the rest.
    anchor = next(
        (c for c in section_properties if etree.QName(c).localname not in _BEFORE_ENDNOTE_PROPERTIES), None
    )
    if anchor is None:
        section_properties.append(properties)
    else:
        anchor.addprevious(properties)


_BEFORE_ENDNOTE_PROPERTIES = frozenset({"headerReference", "footerReference", "footnotePr"})


def _w3cdtf(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def core(document: Document, options: WriteOptions, clean: Cleaner, language: str) -> bytes:
    """Core properties from the document alone: never the clock, never the template's old values."""
    meta = document.metadata
    root = etree.Element(
        f"{{{CP}}}coreProperties", nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS, "xsi": XSI}
    )

    def add(tag: str, value: str | None) -> etree._Element | None:
        if value is None:
            return None
        element = etree.SubElement(root, tag)
        element.text = clean(value)
        return element

    author = meta.byline or meta.publisher
    add(f"{{{DC}}}title", document.title)
    add(f"{{{DC}}}subject", document.subtitle or document.headline)
    add(f"{{{DC}}}creator", author)
    add(f"{{{CP}}}keywords", ", ".join(meta.keywords) if meta.keywords else None)
    add(f"{{{DC}}}language", language)
    add(f"{{{DC}}}identifier", meta.identifier)
    add(f"{{{CP}}}lastModifiedBy", author)
    add(f"{{{CP}}}revision", "1")
    stamp = _w3cdtf(document_datetime(document, options))
    for tag in (f"{{{DCTERMS}}}created", f"{{{DCTERMS}}}modified"):
        element = add(tag, stamp)
        assert element is not None
        element.set(f"{{{XSI}}}type", "dcterms:W3CDTF")
    add(f"{{{CP}}}lastPrinted", stamp)
    return xml(root)


def custom(template: Template, speakers: list[tuple[int, str]]) -> bytes:
    """The template's custom properties plus one ``Quote N speaker`` per quote with a known speaker."""
    root = copy(template.custom)  # the whole tree: lxml's copy is deep (body._new_paragraph)
    pids = [int(p.get("pid", "1")) for p in root]
    pid = max([1, *pids]) + 1
    for number, speaker in speakers:
        attributes = {"fmtid": _FMTID_USER, "pid": str(pid), "name": f"Quote {number} speaker"}
        prop = etree.SubElement(root, f"{{{CUSTOM}}}property", attributes)
        etree.SubElement(prop, f"{{{VT}}}lpwstr").text = speaker
        pid += 1
    return xml(root)


def numbering(template: Template, restarts: list[tuple[int, str]]) -> bytes:
    """The numbering part plus one numbering instance per list numbered afresh (an ordered list after
    the first, a nested numbered list under each parent item), each from 1."""
    root = etree.fromstring(template.entries[template.numbering_name or ""])
    for num_id, abstract in restarts:
        num = etree.SubElement(root, w("num"), {w("numId"): str(num_id)})
        etree.SubElement(num, w("abstractNumId"), {w("val"): abstract})
        override = etree.SubElement(num, w("lvlOverride"), {w("ilvl"): "0"})
        etree.SubElement(override, w("startOverride"), {w("val"): "1"})
    return xml(root)


def per_language(
    template: Template,
    language: str,
    cache: dict[str, bytes],
    build: Callable[[Template, str], bytes],
) -> bytes:
    """A language-dependent part, built once per template and language."""
    cached = cache.get(language)
    if cached is None:
        cached = cache[language] = build(template, language)
    return cached


def styles(template: Template, language: str) -> bytes:
    """The styles part with the document default language set, so Word spell-checks in it."""
    root = deepcopy(template.styles)
    set_language(root, language)
    return xml(root)


def footer(template: Template, language: str, line: str | None = None) -> bytes:
    """The writer's footer: one Footer paragraph, "Page {PAGE} of {NUMPAGES}" in the document's language,
    or a theme's ``line`` with PAGE and NUMPAGES fields for its ``{page}`` and ``{pages}``."""
    assert template.footer_name is not None
    root = etree.fromstring(template.entries[template.footer_name])
    for element in list(root):
        root.remove(element)
    p = etree.SubElement(root, w("p"))
    etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle"), {w("val"): "Footer"})
    if line is None:
        before, between = page_words(language)
        pieces = [before, "{page}", between, "{pages}"]
    else:
        pieces = _PAGE_FIELDS.split(clean(line, Notes()))  # what XML cannot carry never reaches lxml
    for piece in pieces:
        if piece == "{page}":
            _field(p, "PAGE")
        elif piece == "{pages}":
            _field(p, "NUMPAGES")
        elif piece:
            run(p, piece, None)
    return xml(root)


_PAGE_FIELDS = re.compile(r"(\{page\}|\{pages\})")


def _field(paragraph: etree._Element, instruction: str) -> None:
    """A complex field (begin, instruction, separate, placeholder result, end) that Word updates."""
    etree.SubElement(etree.SubElement(paragraph, w("r")), w("fldChar"), {w("fldCharType"): "begin"})
    code = etree.SubElement(etree.SubElement(paragraph, w("r")), w("instrText"), {XML_SPACE: "preserve"})
    code.text = f" {instruction} "
    etree.SubElement(etree.SubElement(paragraph, w("r")), w("fldChar"), {w("fldCharType"): "separate"})
    etree.SubElement(etree.SubElement(paragraph, w("r")), w("t")).text = "1"
    etree.SubElement(etree.SubElement(paragraph, w("r")), w("fldChar"), {w("fldCharType"): "end"})
