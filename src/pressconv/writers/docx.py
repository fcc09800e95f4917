"""Document -> DOCX bytes: an editable Word file with real styles, page numbers and stable bytes.

The work splits in two.  Once per process and reference document, python-docx
opens the template (its own default or ``options.docx_reference``), adds every
style of the style map the template lacks, gives the last section a
"Page X of Y" footer with real PAGE and NUMPAGES fields unless the template
has a footer, drops stale parts (thumbnail, ``stylesWithEffects``) and saves;
the saved parts are kept.  Per document, only the parts that depend on it
are built as lxml trees -- the body, core and custom properties, the styles
part with the document's language (one per language, cached) and the footer
words -- and everything is packed by ``_zip`` with fixed entry times, in a
fixed order, with the unchanging parts compressed once.  Opening python-docx
per document would cost more than all four writers are allowed together.

Where things go: release line above the headline; headline (Title),
subtitle, then the body sections; boilerplate ("About …") sections after the
body; then the media contacts and the end mark.  The dateline stays inside the
first paragraph's text, wearing the character style "Dateline".

Quote speakers are kept out of the text, so the words of the output are
exactly the model's: every Quote-style paragraph is wrapped in a hidden
bookmark ``_Quote_N`` (N counts quotes from 1 in document order) and the
speaker is the document custom property ``Quote N speaker`` (File >
Properties > Custom in Word).  A quote with no known speaker has no property.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, assert_never

from lxml import etree  # type: ignore[import-untyped]  # no stubs; lxml keeps Word's ns prefixes

from pressconv.errors import Notes, WriterError
from pressconv.model import Block, Document, Figure, ListBlock, Paragraph, Quote, Section, Table, block_text
from pressconv.options import WriteOptions, document_datetime, page_size_for
from pressconv.text import clean
from pressconv.writers import _zip
from pressconv.writers._docx_styles import STYLES, Role, StyleSpec
from pressconv.writers._pagination import page_words

SUFFIX = ".docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_RT_OFFICE_DOCUMENT = f"{_R}/officeDocument"
_RT_CORE = f"{_PKG_REL}/metadata/core-properties"
_RT_THUMBNAIL = f"{_PKG_REL}/metadata/thumbnail"
_RT_CUSTOM = f"{_R}/custom-properties"
_RT_STYLES = f"{_R}/styles"
_RT_NUMBERING = f"{_R}/numbering"
_RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CT_TEMPLATE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_CT_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#: The format id Word gives every user-defined custom property.
_FMTID_USER = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_SPEAKER_PROPERTY = re.compile(r"Quote \d+ speaker")

# Page sizes and margins in twentieths of a point: one inch (2.54 cm) all round.
_PAGE_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
_MARGIN = 1440
_HEADER_FOOTER = 720

# Languages whose text Word keeps in the East Asian or complex-script (bidi) slot of w:lang.
_EAST_ASIAN = frozenset({"zh", "ja", "ko"})
_BIDI = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug"})

_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _child(parent: etree._Element, name: str, *, first: bool = False) -> etree._Element:
    """``parent``'s w:``name`` child, made (last, or ``first``) when the part has none."""
    child = parent.find(_w(name))
    if child is None:
        child = etree.Element(_w(name))
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return child


@dataclass(slots=True)
class _Template:
    """A prepared reference document: its parts, and where the per-document ones live."""

    entries: dict[str, bytes]
    """Every part as saved after preparation, by zip name."""
    document_name: str
    document: etree._Element
    """The main document part with an empty body but for the final section properties."""
    styles_name: str
    styles: etree._Element
    core_name: str
    custom_name: str
    custom: etree._Element
    """Custom properties the template carries, without any earlier ``Quote N speaker``."""
    style_ids: dict[Role, str]
    footer_name: str | None
    """Zip name of the footer the writer made (its words follow the language); None: the template's."""
    numbering_name: str | None
    list_number_abstract: str | None
    """The abstract numbering behind List Number, to restart numbering for each ordered list."""
    next_num_id: int
    keep_page_size: bool
    """True when a reference document sets a page size: it stands unless a page size is asked for."""
    footer_cache: dict[str, bytes] = field(default_factory=dict)
    """Footer part by language."""
    styles_cache: dict[str, bytes] = field(default_factory=dict)
    """Styles part by language: the same bytes object each time, so ``_zip`` compresses it once."""


def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    """The document as DOCX bytes; the same document and options always give the same bytes."""
    template = _template(options.docx_reference)
    text = _Cleaner()
    language = text(document.metadata.language).strip().replace("_", "-") or "en"  # w:lang wants "en-US"
    body = _Body(template, text)
    body.render(document)

    root = deepcopy(template.document)
    body_element = root.find(_w("body"))
    assert body_element is not None
    section_properties = body_element.find(_w("sectPr"))
    for paragraph in body.paragraphs:
        if section_properties is not None:
            section_properties.addprevious(paragraph)
        else:
            body_element.append(paragraph)
    if section_properties is not None and not (template.keep_page_size and options.page_size is None):
        _set_page(section_properties, page_size_for(document, options))

    parts = dict(template.entries)
    parts[template.document_name] = _xml(root)
    parts[template.styles_name] = _per_language(template, language, template.styles_cache, _styles)
    parts[template.core_name] = _core(document, options, text, language)
    parts[template.custom_name] = _custom(template, body.speakers)
    if template.footer_name is not None:
        parts[template.footer_name] = _per_language(template, language, template.footer_cache, _footer)
    if body.restarts and template.numbering_name is not None:
        parts[template.numbering_name] = _numbering(template, body.restarts)
    text.report(notes)
    order = ["[Content_Types].xml", "_rels/.rels"]
    order += sorted(name for name in parts if name not in order)
    return _zip.pack(((name, parts[name]) for name in order), memo=_memo_names(template))


def _memo_names(template: _Template) -> frozenset[str]:
    # Parts that are the same for every document of this template (styles: the same per language).
    dynamic = {template.document_name, template.core_name, template.custom_name, template.numbering_name}
    return frozenset(name for name in [*template.entries, template.styles_name] if name not in dynamic)


class _Cleaner:
    """Strips what XML cannot carry (decode's one rule), counting it, so a document gets one warning.

    Decoding already removed these from text that was read; a Document built by
    hand can still hold them, and lxml refuses them.
    """

    def __init__(self) -> None:
        self.removed = 0
        self.kinds: set[str] = set()
        self._scratch = Notes()
        self._counted: set[str] = set()

    def __call__(self, text: str, *, count: bool = True) -> str:
        cleaned = clean(text, self._scratch)
        if count and len(cleaned) != len(text) and text not in self._counted:
            # Each distinct string counts once: the headline is also the title property.
            self._counted.add(text)
            self.removed += len(text) - len(cleaned)
            self.kinds |= set(text) - set(cleaned)
        return cleaned

    def report(self, notes: Notes) -> None:
        if self.removed:
            kinds = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(self.kinds)[:5])
            more = "…" if len(self.kinds) > 5 else ""
            notes.warn(
                "control-chars",
                f"DOCX: removed {self.removed} control or XML-illegal character(s): {kinds}{more}",
            )


class _Body:
    """Turns the document's parts into w:p elements, counting quotes and ordered lists as it goes."""

    def __init__(self, template: _Template, clean: _Cleaner) -> None:
        self.template = template
        self.clean = clean
        self.ids = template.style_ids
        # A detached w:body so SubElement gives every paragraph the right namespace from the start.
        self.root = etree.Element(_w("body"), nsmap={"w": _W})
        self.speakers: list[tuple[int, str]] = []
        self.quotes = 0
        self.ordered_lists = 0
        self.restarts: list[int] = []
        self.next_num_id = template.next_num_id

    @property
    def paragraphs(self) -> list[etree._Element]:
        return list(self.root)

    def render(self, document: Document) -> None:
        meta = document.metadata
        if meta.publisher:  # the letterhead, where a reader expects it: above the release line
            self.paragraph("publisher", meta.publisher)
        if meta.release:
            self.paragraph("release", meta.release)
        self.paragraph("headline", document.headline)
        if document.subtitle:
            self.paragraph("subtitle", document.subtitle)
        if meta.byline:
            self.paragraph("byline", meta.byline)
        body = [s for s in document.sections if s.role != "boilerplate"]
        boilerplate = [s for s in document.sections if s.role == "boilerplate"]
        dateline = document.dateline
        for section in body:
            self.section(section, "paragraph", "heading", dateline)
            dateline = None  # only the first paragraph of the body carries it
        for section in boilerplate:
            self.section(section, "boilerplate", "boilerplate_heading", None)
        for contact in meta.contacts:
            self.paragraph("contact", contact)
        if meta.end_mark:
            self.paragraph("end_mark", meta.end_mark)

    def section(self, section: Section, text_role: Role, heading_role: Role, dateline: str | None) -> None:
        if section.heading is not None:
            self.paragraph(heading_role, section.heading)
        for index, block in enumerate(section.blocks):
            self.block(block, text_role, dateline if index == 0 else None)

    def block(self, block: Block, text_role: Role, dateline: str | None) -> None:
        match block:
            case Paragraph(text=text):
                self.paragraph(text_role, text, dateline)
            case Quote(text=text, speaker=speaker):
                self.quotes += 1
                # The bookmark ties the paragraph to its "Quote N speaker" custom property.
                self.paragraph("quote", text, dateline, bookmark=self.quotes)
                if speaker:
                    self.speakers.append((self.quotes, self.clean(speaker)))
            case ListBlock(ordered=ordered, items=items):
                num_id: int | None = None
                if ordered:
                    self.ordered_lists += 1
                    if self.ordered_lists > 1 and self.template.list_number_abstract is not None:
                        num_id = self.next_num_id
                        self.next_num_id += 1
                        self.restarts.append(num_id)
                for item in items:
                    p = self.paragraph("list_number" if ordered else "list_bullet", item)
                    if num_id is not None:
                        _set_num(p, num_id)
            case Table() | Figure():
                # Until this writer renders them: their words as paragraphs, in reading order.
                for line in block_text(block).split("\n"):
                    if line:
                        self.paragraph(text_role, line, dateline)
                        dateline = None
            case _:
                assert_never(block)

    def paragraph(
        self, role: Role, text: str, dateline: str | None = None, *, bookmark: int | None = None
    ) -> etree._Element:
        p = etree.SubElement(self.root, _w("p"))
        properties = etree.SubElement(p, _w("pPr"))
        etree.SubElement(properties, _w("pStyle"), {_w("val"): self.ids[role]})
        if bookmark is not None:
            etree.SubElement(
                p, _w("bookmarkStart"), {_w("id"): str(bookmark), _w("name"): f"_Quote_{bookmark}"}
            )
        text = self.clean(text)
        head = self.clean(dateline, count=False) if dateline else ""  # counted with the paragraph
        if head.strip() and text.startswith(head):
            _run(p, head, self.ids["dateline"])
            text = text[len(head) :]
        if text:
            _run(p, text, None)
        if bookmark is not None:
            etree.SubElement(p, _w("bookmarkEnd"), {_w("id"): str(bookmark)})
        return p


#: Characters per w:t element: well under libxml2's 10,000,000-byte limit for one text node.
_MAX_TEXT = 1_000_000


def _run(paragraph: etree._Element, text: str, style_id: str | None) -> None:
    """One run holding ``text``; tabs and line breaks become w:tab and w:br, as Word stores them."""
    run = etree.SubElement(paragraph, _w("r"))
    if style_id is not None:
        properties = etree.SubElement(run, _w("rPr"))
        etree.SubElement(properties, _w("rStyle"), {_w("val"): style_id})
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            etree.SubElement(run, _w("tab"))
        elif piece in ("\n", "\r", "\r\n"):
            etree.SubElement(run, _w("br"))
        else:
            # Readers (lxml, python-docx) refuse a text node over 10 MB: long text spans several w:t.
            for start in range(0, len(piece), _MAX_TEXT):
                etree.SubElement(run, _w("t"), {_XML_SPACE: "preserve"}).text = piece[
                    start : start + _MAX_TEXT
                ]


def _set_num(paragraph: etree._Element, num_id: int) -> None:
    properties = paragraph.find(_w("pPr"))
    assert properties is not None
    numbering = etree.SubElement(properties, _w("numPr"))
    etree.SubElement(numbering, _w("ilvl"), {_w("val"): "0"})
    etree.SubElement(numbering, _w("numId"), {_w("val"): str(num_id)})


def _set_page(section_properties: etree._Element, size: str) -> None:
    width, height = _PAGE_TWIPS[size]
    for tag in ("pgSz", "pgMar"):
        old = section_properties.find(_w(tag))
        if old is not None:
            section_properties.remove(old)
    margins = {_w(side): str(_MARGIN) for side in ("top", "right", "bottom", "left")}
    margins |= {_w("header"): str(_HEADER_FOOTER), _w("footer"): str(_HEADER_FOOTER), _w("gutter"): "0"}
    # Schema order: header/footer references, footnote/endnote properties, type, then pgSz, pgMar.
    anchor = None
    for child in section_properties:
        if etree.QName(child).localname not in (
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
        ):
            anchor = child
            break
    size_el = etree.Element(_w("pgSz"), {_w("w"): str(width), _w("h"): str(height)})
    margin_el = etree.Element(_w("pgMar"), margins)
    if anchor is None:
        section_properties.append(size_el)
        section_properties.append(margin_el)
    else:
        anchor.addprevious(size_el)
        anchor.addprevious(margin_el)


# --- per-document parts -------------------------------------------------------------------------


def _w3cdtf(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _core(document: Document, options: WriteOptions, clean: _Cleaner, language: str) -> bytes:
    """Core properties from the document alone: never the clock, never the template's old values."""
    meta = document.metadata
    root = etree.Element(
        f"{{{_CP}}}coreProperties", nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI}
    )

    def add(tag: str, value: str | None) -> etree._Element | None:
        if value is None:
            return None
        element = etree.SubElement(root, tag)
        element.text = clean(value)
        return element

    author = meta.byline or meta.publisher
    add(f"{{{_DC}}}title", document.title)
    add(f"{{{_DC}}}subject", document.subtitle or document.headline)
    add(f"{{{_DC}}}creator", author)
    add(f"{{{_CP}}}keywords", ", ".join(meta.keywords) if meta.keywords else None)
    add(f"{{{_DC}}}language", language)
    add(f"{{{_DC}}}identifier", meta.identifier)
    add(f"{{{_CP}}}lastModifiedBy", author)
    add(f"{{{_CP}}}revision", "1")
    stamp = _w3cdtf(document_datetime(document, options))
    for tag in (f"{{{_DCTERMS}}}created", f"{{{_DCTERMS}}}modified"):
        element = add(tag, stamp)
        assert element is not None
        element.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
    add(f"{{{_CP}}}lastPrinted", stamp)
    return _xml(root)


def _custom(template: _Template, speakers: list[tuple[int, str]]) -> bytes:
    root = deepcopy(template.custom)
    pids = [int(p.get("pid", "1")) for p in root]
    pid = max([1, *pids]) + 1
    for number, speaker in speakers:
        attributes = {"fmtid": _FMTID_USER, "pid": str(pid), "name": f"Quote {number} speaker"}
        prop = etree.SubElement(root, f"{{{_CUSTOM}}}property", attributes)
        etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = speaker
        pid += 1
    return _xml(root)


def _numbering(template: _Template, restarts: list[int]) -> bytes:
    """The numbering part plus one numbering instance per ordered list after the first, each from 1."""
    root = etree.fromstring(template.entries[template.numbering_name or ""])
    assert template.list_number_abstract is not None
    for num_id in restarts:
        num = etree.SubElement(root, _w("num"), {_w("numId"): str(num_id)})
        etree.SubElement(num, _w("abstractNumId"), {_w("val"): template.list_number_abstract})
        override = etree.SubElement(num, _w("lvlOverride"), {_w("ilvl"): "0"})
        etree.SubElement(override, _w("startOverride"), {_w("val"): "1"})
    return _xml(root)


def _per_language(
    template: _Template,
    language: str,
    cache: dict[str, bytes],
    build: Callable[[_Template, str], bytes],
) -> bytes:
    """A language-dependent part, built once per template and language."""
    cached = cache.get(language)
    if cached is None:
        cached = cache[language] = build(template, language)
    return cached


def _styles(template: _Template, language: str) -> bytes:
    """The styles part with the document default language set, so Word spell-checks in it."""
    root = deepcopy(template.styles)
    defaults = _child(root, "docDefaults", first=True)
    run_properties = _child(_child(defaults, "rPrDefault", first=True), "rPr")
    lang = _child(run_properties, "lang")
    primary = language.split("-")[0].lower()
    slot = "eastAsia" if primary in _EAST_ASIAN else "bidi" if primary in _BIDI else "val"
    lang.set(_w(slot), language)
    if primary in _BIDI:
        _right_to_left(defaults)
    return _xml(root)


# Paragraph properties that follow w:bidi in the schema's fixed order.
_AFTER_BIDI = frozenset(
    {
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
    }
)


def _right_to_left(defaults: etree._Element) -> None:
    """Right-to-left paragraphs by default for a right-to-left language: a default, not direct formatting."""
    properties = _child(_child(defaults, "pPrDefault"), "pPr")
    if properties.find(_w("bidi")) is not None:
        return
    bidi = etree.Element(_w("bidi"))
    anchor = next((c for c in properties if etree.QName(c).localname in _AFTER_BIDI), None)
    if anchor is None:
        properties.append(bidi)
    else:
        anchor.addprevious(bidi)


def _footer(template: _Template, language: str) -> bytes:
    """The writer's footer: one Footer paragraph, "Page {PAGE} of {NUMPAGES}" in the document's language."""
    assert template.footer_name is not None
    root = etree.fromstring(template.entries[template.footer_name])
    for child in list(root):
        root.remove(child)
    before, between = page_words(language)
    p = etree.SubElement(root, _w("p"))
    etree.SubElement(etree.SubElement(p, _w("pPr")), _w("pStyle"), {_w("val"): "Footer"})
    _run(p, before, None)
    _field(p, "PAGE")
    _run(p, between, None)
    _field(p, "NUMPAGES")
    return _xml(root)


def _field(paragraph: etree._Element, instruction: str) -> None:
    """A complex field (begin, instruction, separate, placeholder result, end) that Word updates."""
    etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("fldChar"), {_w("fldCharType"): "begin"})
    code = etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("instrText"), {_XML_SPACE: "preserve"})
    code.text = f" {instruction} "
    etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("fldChar"), {_w("fldCharType"): "separate"})
    etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("t")).text = "1"
    etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("fldChar"), {_w("fldCharType"): "end"})


# --- the template, prepared once per process ----------------------------------------------------


def _template(reference: Path | None) -> _Template:
    if reference is None:
        return _prepared(None, None)
    try:
        stat = reference.stat()
    except OSError as err:
        raise WriterError(f"cannot read the reference document: {err.strerror}", str(reference)) from None
    return _prepared(str(reference.resolve()), (stat.st_mtime_ns, stat.st_size))


#: The default template, prepared as below and shipped as package data so no process opens python-docx
#: (~130 ms of CPU: its import, adding the style map, ``Document()``) unless it has a reference document.
#: ``python -m pressconv.writers.docx --regenerate-template`` writes it; a test checks it is current.
_ASSETS = Path(__file__).parent / "assets"
DEFAULT_TEMPLATE = _ASSETS / "docx-template.docx"
DEFAULT_TEMPLATE_IDS = _ASSETS / "docx-template.json"


@lru_cache(maxsize=8)
def _prepared(path: str | None, stamp: tuple[int, int] | None) -> _Template:
    """The template's parts, prepared once per process (the default one was prepared at release time)."""
    del stamp  # part of the cache key only: an edited reference document is prepared afresh
    if path is None:
        import json

        meta = json.loads(DEFAULT_TEMPLATE_IDS.read_text(encoding="utf-8"))
        return _from_saved(
            DEFAULT_TEMPLATE.read_bytes(),
            meta["style_ids"],
            meta["footer_name"],
            keep_page_size=False,
            is_default=True,
        )
    data, style_ids, footer_name, keep_page_size = _prepare(path)
    return _from_saved(data, style_ids, footer_name, keep_page_size=keep_page_size, is_default=False)


def regenerate_template() -> dict[Path, bytes]:
    """The default template's package data, prepared afresh with python-docx: file -> bytes."""
    import json

    data, style_ids, footer_name, _ = _prepare(None)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    meta = {"style_ids": style_ids, "footer_name": footer_name}
    return {
        DEFAULT_TEMPLATE: _zip.pack((name, entries[name]) for name in sorted(entries)),
        DEFAULT_TEMPLATE_IDS: (json.dumps(meta, indent=2, sort_keys=True) + "\n").encode("utf-8"),
    }


def _prepare(path: str | None) -> tuple[bytes, dict[Role, str], str | None, bool]:
    """Open the template with python-docx, add what the writer needs and save it.

    Returns the saved bytes, the style id of each role, the zip name of the footer the writer made
    (None: the template's own) and whether the template's page size stands.
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
            doc = docx.Document(io.BytesIO(_as_document(data)))
        except zipfile.BadZipFile:
            raise WriterError(
                "the reference document is not a .docx file (not a zip archive)", path
            ) from None
        except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as err:
            raise WriterError(f"the reference document is not a usable .docx file ({err})", path) from None
    if doc.element.body is None:
        raise WriterError("the reference document is not a usable .docx file (it has no w:body)", path)
    style_ids = _ensure_styles(doc, path is None)
    settings = doc.settings.element
    # A stale "spelling is clean" mark would keep Word from checking the new text.
    for proof in settings.findall(_w("proofState")):
        settings.remove(proof)
    for rel_id, rel in list(doc.part.rels.items()):
        # A copy of the styles that Word 2010 wrote; stale as soon as a style is added.
        if rel.reltype == _RT_STYLES_WITH_EFFECTS:
            del doc.part.rels[rel_id]
    package_rels = doc.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == _RT_THUMBNAIL:  # a picture of the template, not of this document
            del package_rels[rel_id]
    doc.element.body.get_or_add_sectPr()  # a template may have none; the page set-up lives there
    section = doc.sections[-1]
    footer_name: str | None = None
    if section.footer.is_linked_to_previous:
        section.footer.is_linked_to_previous = False
        footer_name = section.footer.part.partname.lstrip("/")
    buffer = io.BytesIO()
    doc.save(buffer)
    # A reference document's page size stands, when it has one.
    keep_page_size = path is not None and doc.element.body.sectPr.find(_w("pgSz")) is not None
    return buffer.getvalue(), style_ids, footer_name, keep_page_size


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx) relabelled as a document, which is all that tells them apart."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        if _CT_TEMPLATE not in types:
            return data
        entries = [(name, archive.read(name)) for name in names]
    relabelled = types.replace(_CT_TEMPLATE, _CT_DOCUMENT)
    return _zip.pack((name, relabelled if name == "[Content_Types].xml" else body) for name, body in entries)


def _ensure_styles(doc: Any, is_default: bool) -> dict[Role, str]:
    """Each style of the map, added when the template lacks it; its style id by role."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    styles = doc.styles
    ids: dict[Role, str] = {}
    for role, spec in STYLES.items():
        kind = WD_STYLE_TYPE.CHARACTER if spec.kind == "character" else WD_STYLE_TYPE.PARAGRAPH
        if spec.name in styles and styles[spec.name].type == kind:
            style = styles[spec.name]
            if is_default:  # the house look; a reference document's own styles are left as they are
                _shape(style, spec, Pt, WD_ALIGN_PARAGRAPH)
            ids[role] = style.style_id
            continue
        style = styles.add_style(_unused_name(styles, spec.name), kind)
        if spec.base is not None and spec.base in styles and styles[spec.base].type == kind:
            style.base_style = styles[spec.base]
        _shape(style, spec, Pt, WD_ALIGN_PARAGRAPH)
        if spec.numbering is not None:
            _number(doc, style, spec.numbering)
        style.quick_style = True
        ids[role] = style.style_id
    if is_default:
        # Centre the page numbers; a reference document's own Footer style is left alone.
        styles["Footer"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # python-docx's template carries 140 table styles (340 kB of a 400 kB styles part) that a
        # release never uses; the default table style stays.
        for style in styles.element.findall(_w("style")):
            if style.get(_w("type")) == "table" and style.get(_w("default")) != "1":
                styles.element.remove(style)
    return ids


def _number(doc: Any, style: Any, kind: str) -> None:
    """Give a created list style its own numbering definition, as Word's built-in list styles have."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.numbering import NumberingPart

    try:
        numbering = doc.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
    except KeyError:  # python-docx cannot create one itself
        empty = etree.tostring(etree.Element(_w("numbering"), nsmap={"w": _W}))
        part = NumberingPart(
            PackURI("/word/numbering.xml"), CONTENT_TYPE.WML_NUMBERING, parse_xml(empty), doc.part.package
        )
        doc.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
        numbering = part.element
    abstract_id = 1 + max(
        [-1, *(int(a.get(_w("abstractNumId"))) for a in numbering.findall(_w("abstractNum")))]
    )
    num_id = 1 + max([0, *(int(n.get(_w("numId"))) for n in numbering.findall(_w("num")))])
    abstract = etree.Element(_w("abstractNum"), {_w("abstractNumId"): str(abstract_id)})
    etree.SubElement(abstract, _w("multiLevelType"), {_w("val"): "singleLevel"})
    level = etree.SubElement(abstract, _w("lvl"), {_w("ilvl"): "0"})
    etree.SubElement(level, _w("start"), {_w("val"): "1"})
    etree.SubElement(level, _w("numFmt"), {_w("val"): kind})
    etree.SubElement(level, _w("lvlText"), {_w("val"): "\u2022" if kind == "bullet" else "%1."})
    etree.SubElement(level, _w("lvlJc"), {_w("val"): "left"})
    indent = etree.SubElement(etree.SubElement(level, _w("pPr")), _w("ind"))
    indent.set(_w("left"), "720")
    indent.set(_w("hanging"), "360")
    first_num = numbering.find(_w("num"))
    if first_num is None:  # every abstractNum must come before the first num
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, _w("num"), {_w("numId"): str(num_id)})
    etree.SubElement(num, _w("abstractNumId"), {_w("val"): str(abstract_id)})
    style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id


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
    if spec.kind == "character":
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
        properties = style.element.get_or_add_pPr()
        _child(properties, "outlineLvl").set(_w("val"), str(spec.outline_level))


def _targets(entries: dict[str, bytes], rels_name: str, base: str) -> Iterator[tuple[str, str, str]]:
    """(relationship id, type, zip name of the target) for each internal relationship in a rels part."""
    if rels_name not in entries:
        return
    for rel in etree.fromstring(entries[rels_name]):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else _join(base, target)
        yield rel.get("Id", ""), rel.get("Type", ""), name


def _join(base: str, target: str) -> str:
    parts = [p for p in base.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _from_saved(
    data: bytes,
    style_ids: dict[Role, str],
    footer_name: str | None,
    *,
    keep_page_size: bool,
    is_default: bool,
) -> _Template:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    package = {rtype: name for _, rtype, name in _targets(entries, "_rels/.rels", "")}
    document_name = package[_RT_OFFICE_DOCUMENT]
    core_name = package[_RT_CORE]
    folder, _, leaf = document_name.rpartition("/")
    part_rels = {rtype: name for _, rtype, name in _targets(entries, f"{folder}/_rels/{leaf}.rels", folder)}
    styles_name = part_rels[_RT_STYLES]
    numbering_name = part_rels.get(_RT_NUMBERING)

    custom_name = package.get(_RT_CUSTOM)
    if custom_name is None:
        custom_name = "docProps/custom.xml"
        entries = _declare_custom(entries, custom_name)
        custom = etree.Element(f"{{{_CUSTOM}}}Properties", nsmap={None: _CUSTOM, "vt": _VT})
    else:
        custom = etree.fromstring(entries[custom_name])
        for prop in list(custom):
            if _SPEAKER_PROPERTY.fullmatch(prop.get("name", "")):
                custom.remove(prop)  # left by an earlier pressconv output used as the reference

    document = etree.fromstring(entries[document_name])
    body = document.find(_w("body"))
    assert body is not None
    for child in list(body):
        if child.tag != _w("sectPr"):
            body.remove(child)  # a reference document lends its look, never its text

    abstract, next_num_id = _list_numbering(entries, numbering_name, styles_name, style_ids["list_number"])
    if "docProps/app.xml" in entries and is_default:
        entries["docProps/app.xml"] = _app()
    return _Template(
        entries=entries,
        document_name=document_name,
        document=document,
        styles_name=styles_name,
        styles=etree.fromstring(entries[styles_name]),
        core_name=core_name,
        custom_name=custom_name,
        custom=custom,
        style_ids=style_ids,
        footer_name=footer_name,
        numbering_name=numbering_name if abstract is not None else None,
        list_number_abstract=abstract,
        next_num_id=next_num_id,
        keep_page_size=keep_page_size,
    )


def _declare_custom(entries: dict[str, bytes], name: str) -> dict[str, bytes]:
    entries = dict(entries)
    types = etree.fromstring(entries["[Content_Types].xml"])
    etree.SubElement(types, f"{{{_CT}}}Override", {"PartName": f"/{name}", "ContentType": _CT_CUSTOM})
    entries["[Content_Types].xml"] = _xml(types)
    rels = etree.fromstring(entries["_rels/.rels"])
    taken = {rel.get("Id") for rel in rels}
    n = 1
    while f"rId{n}" in taken:
        n += 1
    relationship = {"Id": f"rId{n}", "Type": _RT_CUSTOM, "Target": name}
    etree.SubElement(rels, f"{{{_PKG_REL}}}Relationship", relationship)
    entries["_rels/.rels"] = _xml(rels)
    return entries


def _list_numbering(
    entries: dict[str, bytes], numbering_name: str | None, styles_name: str, list_number_id: str
) -> tuple[str | None, int]:
    """The abstract numbering List Number uses, and the next free numbering instance id."""
    if numbering_name is None or numbering_name not in entries:
        return None, 1
    numbering = etree.fromstring(entries[numbering_name])
    styles = etree.fromstring(entries[styles_name])
    num_ids = [int(n.get(_w("numId"), "0")) for n in numbering.findall(_w("num"))]
    next_id = max([0, *num_ids]) + 1
    style = next((s for s in styles.findall(_w("style")) if s.get(_w("styleId")) == list_number_id), None)
    found = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}") if style is not None else None
    if found is None:
        return None, next_id
    num = next((n for n in numbering.findall(_w("num")) if n.get(_w("numId")) == found.get(_w("val"))), None)
    abstract = num.find(_w("abstractNumId")) if num is not None else None
    return (abstract.get(_w("val")) if abstract is not None else None), next_id


def _app() -> bytes:
    """Extended properties without the default template's stale page and word counts."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": _VT})
    etree.SubElement(root, f"{{{ns}}}Application").text = "pressconv"
    return _xml(root)


def _main(argv: list[str]) -> int:
    if argv != ["--regenerate-template"]:
        print("usage: python -m pressconv.writers.docx --regenerate-template")
        return 2
    for target, data in regenerate_template().items():
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(_main(sys.argv[1:]))
