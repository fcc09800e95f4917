"""DOCX bytes -> the parsed parts the reader needs: body, styles, numbering, notes, relationships, properties.

python-docx opens the package (it refuses what is not a Word document); a
paragraph over libxml2's 10 MB text-node limit is read straight from the zip
instead.  Relationships are read from the package itself for every part, so
hyperlink targets and image bytes resolve the same way on both paths and
inside footnotes and endnotes.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx is built on it

from pressconv.compat import docx as compat
from pressconv.errors import PressconvError
from pressconv.limits import LimitError, Limits, check_zip
from pressconv.options import FALLBACK_DATETIME
from pressconv.readers.blocks import fold

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
#: libxml2's own nesting limit (python-docx's parser keeps it): ``xml_depth`` can only lower it.
_LIBXML2_DEPTH = 256
_REL_CORE = "/metadata/core-properties"
_REL_CUSTOM = "/custom-properties"
_QUOTE_PROPERTY = re.compile(r"Quote (\d+) speaker$")
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True)


def w(tag: str) -> str:
    """A WordprocessingML tag in Clark notation."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True, slots=True)
class Relationship:
    """One relationship of a part: its type suffix, and the target (a part name, or a URL when external)."""

    kind: str
    target: str
    external: bool


@dataclass(slots=True)
class Part:
    """An XML part with its relationships by id, and the archive to resolve internal targets."""

    root: Any
    relations: dict[str, Relationship]
    archive: zipfile.ZipFile
    content_types: dict[str, str] = field(default_factory=dict)

    def link(self, rel_id: str | None) -> str | None:
        """The target of a hyperlink relationship."""
        rel = self.relations.get(rel_id or "")
        return rel.target if rel is not None else None

    def blob(self, rel_id: str | None) -> tuple[bytes, str, str] | None:
        """Bytes, media type and part name of an internal related part (an image); None when absent."""
        rel = self.relations.get(rel_id or "")
        if rel is None or rel.external:
            return None
        try:
            data = self.archive.read(rel.target)
        except (KeyError, zipfile.BadZipFile):
            return None
        return data, _media_type(self.content_types, rel.target), rel.target


@dataclass(slots=True)
class Package:
    """The parts of one DOCX the reader uses; styles, numbering and the notes parts may be absent."""

    archive: zipfile.ZipFile
    body: Any
    main: Part
    styles: Any
    numbering: Any
    footnotes: Part | None
    endnotes: Part | None


def open_package(data: bytes, source_path: str | None, limits: Limits) -> Package:
    """The package's parts; a clear PressconvError for what is not a readable DOCX."""
    archive = _archive(data, source_path, limits)
    body, styles, numbering = _open(data, archive, source_path, limits.xml_depth)
    types = _content_types(archive)
    main_name = _part_name(archive, "/officeDocument", "word/document.xml") or "word/document.xml"
    main = Part(body, relationships(archive, main_name), archive, types)
    notes = {
        kind: _notes_part(archive, main, kind, types, limits.xml_depth) for kind in ("footnotes", "endnotes")
    }
    return Package(archive, body, main, styles, numbering, notes["footnotes"], notes["endnotes"])


def _archive(data: bytes, source_path: str | None, limits: Limits) -> zipfile.ZipFile:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise PressconvError("an old binary Word .doc file, not DOCX (save it as .docx)", source_path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise PressconvError("not a DOCX file (not a zip archive)", source_path) from None
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        raise PressconvError("a zip archive but not a DOCX (no Word document inside)", source_path)
    check_zip(archive, source_path, limits=limits)  # inflated sizes counted, not taken from the zip directory
    return archive


def _open(data: bytes, archive: zipfile.ZipFile, source_path: str | None, depth: int) -> tuple[Any, Any, Any]:
    """The body, styles and numbering elements (the last two may be None); ``depth`` is ``xml_depth``."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as err:
        if "text node too long" not in str(err).lower():
            raise _unreadable(err, source_path) from None
        # python-docx's parser keeps libxml2's 10 MB text-node limit, which one long paragraph
        # (our own output of a one-line 10 MB text) exceeds: read the parts directly instead.
        return _open_huge(archive, source_path, min(depth, _LIBXML2_DEPTH))
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors … for broken packages
        raise _unreadable(err, source_path) from None
    numbering = compat.existing_numbering_element(document)
    # python-docx vouched for the package; the body is walked as plain lxml elements, several times
    # faster than python-docx's element classes, which build a Python proxy for every node visited.
    try:
        root = etree.fromstring(archive.read(compat.part_name(document.part)), _SAFE)
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile) as err:
        raise _unreadable(err, source_path) from None
    if depth < _LIBXML2_DEPTH and _depth_over(root, depth):  # libxml2 refused deeper
        raise _too_deep(depth, source_path)
    body = root.find(w("body"))
    if body is None:
        raise PressconvError("not a readable DOCX: the document has no body (w:body)", source_path)
    return body, compat.styles_element(document), numbering


def _unreadable(err: Exception, source_path: str | None) -> PressconvError:
    detail = " ".join(str(err).split())[:120] or type(err).__name__
    return PressconvError(f"not a readable DOCX: {detail}", source_path)


def _too_deep(depth: int, source_path: str | None) -> PressconvError:
    return LimitError(f"DOCX XML nested more than {depth} elements deep (the xml_depth limit)", source_path)


def _open_huge(archive: zipfile.ZipFile, source_path: str | None, depth: int) -> tuple[Any, Any, Any]:
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    main = _part_name(archive, "/officeDocument", "word/document.xml")
    if main is None:
        raise PressconvError("a zip archive but not a DOCX (no Word document inside)", source_path)
    related = {rel.kind: rel.target for rel in reversed(relationships(archive, main).values())}
    try:
        root = etree.fromstring(archive.read(main), parser)
        styles = related.get("/styles")
        numbering = related.get("/numbering")
        styles_root = etree.fromstring(archive.read(styles), parser) if styles else None
        numbering_root = etree.fromstring(archive.read(numbering), parser) if numbering else None
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile) as err:
        raise _unreadable(err, source_path) from None
    if _depth_over(root, depth):  # huge_tree lifts libxml2's depth limit too: keep one
        raise _too_deep(depth, source_path)
    body = root.find(w("body"))
    if body is None:
        raise PressconvError("not a readable DOCX: the document has no body", source_path)
    return body, styles_root, numbering_root


def _depth_over(root: Any, limit: int) -> bool:
    stack = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in element)
    return False


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, Relationship]:
    """The part's relationships by id; internal targets as part names that exist in the package."""
    path = PurePosixPath(part)
    rels_name = str(path.parent / "_rels" / f"{path.name}.rels")
    try:
        root = etree.fromstring(archive.read(rels_name), _SAFE)
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile):
        return {}
    names = set(archive.namelist())
    found: dict[str, Relationship] = {}
    for rel in root:
        kind = "/" + str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        if rel.get("TargetMode") == "External":
            found[str(rel.get("Id", ""))] = Relationship(kind, target, True)
            continue
        name = _resolve(path.parent, target)
        if name in names:
            found[str(rel.get("Id", ""))] = Relationship(kind, name, False)
    return found


def _resolve(base: PurePosixPath, target: str) -> str:
    """An internal target as a part name ("media/a.png" from word/ -> word/media/a.png)."""
    parts: list[str] = [] if target.startswith("/") else [p for p in base.parts if p not in ("", "/")]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _notes_part(
    archive: zipfile.ZipFile, main: Part, kind: str, types: dict[str, str], depth: int
) -> Part | None:
    """The footnotes or endnotes part of the main document, parsed with the same depth limit."""
    name = next(
        (rel.target for rel in main.relations.values() if rel.kind == f"/{kind}" and not rel.external), None
    )
    if name is None:
        return None
    try:
        root = etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
        return None  # a broken notes part loses the notes, not the release
    if _depth_over(root, min(depth, _LIBXML2_DEPTH)):
        return None
    return Part(root, relationships(archive, name), archive, types)


def _content_types(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part name or ``.extension`` -> media type, from [Content_Types].xml."""
    try:
        root = etree.fromstring(archive.read("[Content_Types].xml"), _SAFE)
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile):
        return {}
    types: dict[str, str] = {}
    for element in root:
        if element.tag == f"{{{_CT}}}Default":
            types["." + str(element.get("Extension", "")).lower()] = str(element.get("ContentType", ""))
        elif element.tag == f"{{{_CT}}}Override":
            types[str(element.get("PartName", "")).lstrip("/")] = str(element.get("ContentType", ""))
    return types


def _media_type(types: dict[str, str], name: str) -> str:
    if name in types:
        return types[name]
    return types.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


def _part_name(archive: zipfile.ZipFile, suffix: str, default: str) -> str | None:
    """The package part a root relationship of that type points to (the usual name when unstated)."""
    try:
        rels = archive.read("_rels/.rels")
    except KeyError:
        return default if default in archive.namelist() else None
    try:
        root = etree.fromstring(rels, _SAFE)
    except etree.XMLSyntaxError:
        return None
    for rel in root:
        if str(rel.get("Type", "")).endswith(suffix):
            target = str(rel.get("Target", "")).lstrip("/")
            name = str(PurePosixPath(target))
            return name if name in archive.namelist() else None
    return None


def _xml_part(archive: zipfile.ZipFile, suffix: str, default: str) -> Any:
    name = _part_name(archive, suffix, default)
    if name is None:
        return None
    try:
        return etree.fromstring(archive.read(name), _SAFE)
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
        return None


def core(archive: zipfile.ZipFile) -> dict[str, str]:
    """Core properties read from the package itself (python-docx would invent defaults when absent)."""
    root = _xml_part(archive, _REL_CORE, "docProps/core.xml")
    facts: dict[str, str] = {}
    if root is None:
        return facts
    for key, tag in (
        ("title", f"{{{_DC}}}title"),
        ("creator", f"{{{_DC}}}creator"),
        ("language", f"{{{_DC}}}language"),
        ("keywords", f"{{{_CP}}}keywords"),
        ("created", f"{{{_DCTERMS}}}created"),
    ):
        element = root.find(tag)
        value = fold(element.text or "") if element is not None else ""
        if value:
            facts[key] = value
    created = facts.pop("created", None)
    if created:
        date = _core_date(created)
        if date:
            facts["created"] = date
    return facts


def _core_date(value: str) -> str | None:
    """The ISO date of a W3CDTF stamp; None for the fallback stamp writers use when there is no date."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?", value)
    if not match:
        return None
    day, time = match.group(1), match.group(2)
    if day == FALLBACK_DATETIME.date().isoformat():
        return None
    return day if time in (None, "00:00:00") else f"{day}T{time}"


def custom_speakers(archive: zipfile.ZipFile) -> dict[int, str]:
    """Our DOCX writer's "Quote N speaker" custom properties: quote number -> speaker."""
    root = _xml_part(archive, _REL_CUSTOM, "docProps/custom.xml")
    speakers: dict[int, str] = {}
    if root is None:
        return speakers
    for prop in root.findall(f"{{{_CUSTOM}}}property"):
        found = _QUOTE_PROPERTY.match(prop.get("name", ""))
        if found is None:
            continue
        value = fold("".join(prop.itertext()))
        if value:
            speakers[int(found.group(1))] = value
    return speakers


def default_language(styles: Any) -> str | None:
    """The language of the document defaults (w:docDefaults/w:rPrDefault/w:rPr/w:lang)."""
    defaults = styles.find(w("docDefaults")) if styles is not None else None
    lang = defaults.find(f"{w('rPrDefault')}/{w('rPr')}/{w('lang')}") if defaults is not None else None
    value = lang.get(w("val")) if lang is not None else None
    return value.replace("_", "-") if value else None
