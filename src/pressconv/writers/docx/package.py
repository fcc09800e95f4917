"""Package surgery on a saved .docx: relationships, the custom-properties part, list numbering,
extended properties, and telling a .dotx template from a document.  Pure zip and lxml work."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from lxml import etree  # type: ignore[import-untyped]

from pressconv.writers import _zip
from pressconv.writers.docx.ooxml import (
    CT,
    CT_CUSTOM,
    CT_DOCUMENT,
    CT_TEMPLATE,
    PKG_REL,
    RT_CUSTOM,
    VT,
    w,
    xml,
)

#: The custom property that names a quote's speaker (``parts.custom`` writes them; a reference document
#: that is an earlier pressconv output has some, which ``template`` removes).
SPEAKER_PROPERTY = re.compile(r"Quote \d+ speaker")


def targets(entries: dict[str, bytes], rels_name: str, base: str) -> Iterator[tuple[str, str, str]]:
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


def declare_custom(entries: dict[str, bytes], name: str) -> dict[str, bytes]:
    """The entries with a custom-properties part ``name`` declared (content type and package rel)."""
    entries = dict(entries)
    types = etree.fromstring(entries["[Content_Types].xml"])
    etree.SubElement(types, f"{{{CT}}}Override", {"PartName": f"/{name}", "ContentType": CT_CUSTOM})
    entries["[Content_Types].xml"] = xml(types)
    rels = etree.fromstring(entries["_rels/.rels"])
    taken = {rel.get("Id") for rel in rels}
    n = 1
    while f"rId{n}" in taken:
        n += 1
    relationship = {"Id": f"rId{n}", "Type": RT_CUSTOM, "Target": name}
    etree.SubElement(rels, f"{{{PKG_REL}}}Relationship", relationship)
    entries["_rels/.rels"] = xml(rels)
    return entries


def list_numbering(
    entries: dict[str, bytes], numbering_name: str | None, styles_name: str, list_number_id: str
) -> tuple[str | None, int]:
    """The abstract numbering List Number uses, and the next free numbering instance id."""
    if numbering_name is None or numbering_name not in entries:
        return None, 1
    numbering = etree.fromstring(entries[numbering_name])
    styles = etree.fromstring(entries[styles_name])
    num_ids = [int(n.get(w("numId"), "0")) for n in numbering.findall(w("num"))]
    next_id = max([0, *num_ids]) + 1
    style = next((s for s in styles.findall(w("style")) if s.get(w("styleId")) == list_number_id), None)
    found = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}") if style is not None else None
    if found is None:
        return None, next_id
    num = next((n for n in numbering.findall(w("num")) if n.get(w("numId")) == found.get(w("val"))), None)
    abstract = num.find(w("abstractNumId")) if num is not None else None
    return (abstract.get(w("val")) if abstract is not None else None), next_id


def app() -> bytes:
    """Extended properties without the default template's stale page and word counts."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": VT})
    etree.SubElement(root, f"{{{ns}}}Application").text = "pressconv"
    return xml(root)


def as_document(data: bytes) -> bytes:
    """A Word template (.dotx) relabelled as a document, which is all that tells them apart."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        if CT_TEMPLATE not in types:
            return data
        entries = [(name, archive.read(name)) for name in names]
    relabelled = types.replace(CT_TEMPLATE, CT_DOCUMENT)
    return _zip.pack((name, relabelled if name == "[Content_Types].xml" else body) for name, body in entries)
