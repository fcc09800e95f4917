"""The template, prepared once per process and reference document, as parts ready to copy.

The default template is prepared at release time and shipped as package data
(``writers/assets/docx-template.docx`` and ``.json``), so no process opens
python-docx (~130 ms of CPU: its import, adding the style map, ``Document()``)
unless it has a reference document.  ``python -m pressconv.writers.docx
--regenerate-template`` writes it; a test checks it is current.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import WriterError
from pressconv.writers import _zip
from pressconv.writers.docx.ooxml import (
    CUSTOM,
    RT_CORE,
    RT_CUSTOM,
    RT_NUMBERING,
    RT_OFFICE_DOCUMENT,
    RT_STYLES,
    VT,
    w,
)
from pressconv.writers.docx.package import SPEAKER_PROPERTY, app, declare_custom, list_numbering, targets
from pressconv.writers.docx.relations import RT_ENDNOTES, RT_FOOTNOTES
from pressconv.writers.docx.styles import TextKind

_ASSETS = Path(__file__).parent.parent / "assets"
DEFAULT_TEMPLATE = _ASSETS / "docx-template.docx"
DEFAULT_TEMPLATE_IDS = _ASSETS / "docx-template.json"


@dataclass(slots=True)
class Template:
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
    style_ids: dict[TextKind, str]
    footer_name: str | None
    """Zip name of the footer the writer made (its words follow the language); None: the template's."""
    numbering_name: str | None
    list_number_abstract: str | None
    """The abstract numbering behind List Number, to restart numbering for each ordered list."""
    next_num_id: int
    list_abstracts: dict[TextKind, str]
    """The abstract numbering behind each nested numbered list style ("List Number 2", "… 3")."""
    document_rels_name: str
    """Zip name of the main document part's relationships."""
    note_parts: dict[str, str]
    """Zip names of the footnotes and endnotes parts a reference document has, by kind."""
    keep_page_size: bool
    """True when a reference document sets a page size: it stands unless a page size is asked for."""
    is_default: bool
    """The shipped default template (its styles wear the default theme); False for a reference document."""
    footer_cache: dict[str, bytes] = field(default_factory=dict)
    """Footer part by language."""
    styles_cache: dict[str, bytes] = field(default_factory=dict)
    """Styles part by language: the same bytes object each time, so ``_zip`` compresses it once."""
    themed: dict[object, object] = field(default_factory=dict)
    """What a theme makes of this template, by what of the theme decides it (``house``'s caches)."""

    def memo_names(self) -> frozenset[str]:
        """Parts that are the same for every document of this template (styles: the same per language)."""
        dynamic = {self.document_name, self.core_name, self.custom_name, self.numbering_name}
        dynamic |= {"[Content_Types].xml", self.document_rels_name, *self.note_parts.values()}
        return frozenset(name for name in [*self.entries, self.styles_name] if name not in dynamic)


def template(reference: Path | None) -> Template:
    """The prepared template: the default one, or ``reference`` (prepared again when it changes)."""
    if reference is None:
        return _prepared(None, None)
    try:
        stat = reference.stat()
    except OSError as err:
        raise WriterError(f"cannot read the reference document: {err.strerror}", str(reference)) from None
    return _prepared(str(reference.resolve()), (stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=8)
def _prepared(path: str | None, stamp: tuple[int, int] | None) -> Template:
    """The template's parts, prepared once per process (the default one was prepared at release time)."""
    del stamp  # part of the cache key only: an edited reference document is prepared afresh
    if path is None:
        meta = json.loads(DEFAULT_TEMPLATE_IDS.read_text(encoding="utf-8"))
        return _from_saved(
            DEFAULT_TEMPLATE.read_bytes(),
            meta["style_ids"],
            meta["footer_name"],
            keep_page_size=False,
            is_default=True,
        )
    from pressconv.writers.docx.prepare import prepare

    data, style_ids, footer_name, keep_page_size = prepare(path)
    return _from_saved(data, style_ids, footer_name, keep_page_size=keep_page_size, is_default=False)


def regenerate_template() -> dict[Path, bytes]:
    """The default template's package data, prepared afresh with python-docx: file -> bytes."""
    from pressconv.writers.docx.prepare import prepare

    data, style_ids, footer_name, _ = prepare(None)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    meta = {"style_ids": style_ids, "footer_name": footer_name}
    return {
        DEFAULT_TEMPLATE: _zip.pack((name, entries[name]) for name in sorted(entries)),
        DEFAULT_TEMPLATE_IDS: (json.dumps(meta, indent=2, sort_keys=True) + "\n").encode("utf-8"),
    }


def _from_saved(
    data: bytes,
    style_ids: dict[TextKind, str],
    footer_name: str | None,
    *,
    keep_page_size: bool,
    is_default: bool,
) -> Template:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    package = {rtype: name for _, rtype, name in targets(entries, "_rels/.rels", "")}
    document_name = package[RT_OFFICE_DOCUMENT]
    core_name = package[RT_CORE]
    folder, _, leaf = document_name.rpartition("/")
    part_rels = {rtype: name for _, rtype, name in targets(entries, f"{folder}/_rels/{leaf}.rels", folder)}
    styles_name = part_rels[RT_STYLES]
    numbering_name = part_rels.get(RT_NUMBERING)

    custom_name = package.get(RT_CUSTOM)
    if custom_name is None:
        custom_name = "docProps/custom.xml"
        entries = declare_custom(entries, custom_name)
        custom = etree.Element(f"{{{CUSTOM}}}Properties", nsmap={None: CUSTOM, "vt": VT})
    else:
        custom = etree.fromstring(entries[custom_name])
        for prop in list(custom):
            if SPEAKER_PROPERTY.fullmatch(prop.get("name", "")):
                custom.remove(prop)  # left by an earlier pressconv output used as the reference

    document = etree.fromstring(entries[document_name])
    body = document.find(w("body"))
    assert body is not None
    for element in list(body):
        if element.tag != w("sectPr"):
            body.remove(element)  # a reference document lends its look, never its text

    abstract, next_num_id = list_numbering(entries, numbering_name, styles_name, style_ids["list_number"])
    nested: dict[TextKind, str] = {}
    for kind in ("list_number_2", "list_number_3"):
        found, _ = list_numbering(entries, numbering_name, styles_name, style_ids.get(kind, ""))
        if found is not None:
            nested[kind] = found
    notes = {
        kind: part_rels[rtype]
        for kind, rtype in (("footnote", RT_FOOTNOTES), ("endnote", RT_ENDNOTES))
        if rtype in part_rels
    }
    if "docProps/app.xml" in entries and is_default:
        entries["docProps/app.xml"] = app()
    return Template(
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
        numbering_name=numbering_name if abstract is not None or nested else None,
        list_number_abstract=abstract,
        next_num_id=next_num_id,
        list_abstracts=nested,
        document_rels_name=f"{folder}/_rels/{leaf}.rels",
        note_parts=notes,
        keep_page_size=keep_page_size,
        is_default=is_default,
    )
