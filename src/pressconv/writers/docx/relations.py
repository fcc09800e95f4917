"""Relationships and content types a document adds to its package: hyperlinks, pictures, notes parts.

Relationship ids are per part and deterministic: ``rIdLink1``… for external
hyperlinks (one per target, in first-use order), ``rIdImg1``… for pictures
(one per distinct image), ``rIdNotes1``… for the notes parts; an id the
template's part already uses is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree  # type: ignore[import-untyped]

from pressconv.writers.docx.ooxml import CT, PKG_REL, R, xml

RT_HYPERLINK = f"{R}/hyperlink"
RT_IMAGE = f"{R}/image"
RT_FOOTNOTES = f"{R}/footnotes"
RT_ENDNOTES = f"{R}/endnotes"


@dataclass(slots=True)
class Relations:
    """The relationships one part gains: external links and internal targets, in the order first used."""

    existing: bytes | None = None
    """The part's relationships part as the template has it (None: it has none)."""
    added: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """(id, type, target, external) in order."""
    _by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    _taken: set[str] | None = None

    def link(self, target: str) -> str:
        """The id of the external hyperlink relationship to ``target``."""
        return self._add("Link", RT_HYPERLINK, target, external=True)

    def internal(self, prefix: str, rtype: str, target: str) -> str:
        """The id of an internal relationship (``target`` relative to the part's folder)."""
        return self._add(prefix, rtype, target, external=False)

    def _add(self, prefix: str, rtype: str, target: str, *, external: bool) -> str:
        key = (rtype, target)
        found = self._by_key.get(key)
        if found is not None:
            return found
        if self._taken is None:
            self._taken = set(_ids(self.existing)) if self.existing else set()
        n = sum(1 for rel in self.added if rel[0].startswith(f"rId{prefix}")) + 1
        while f"rId{prefix}{n}" in self._taken:
            n += 1
        rel_id = f"rId{prefix}{n}"
        self._taken.add(rel_id)
        self._by_key[key] = rel_id
        self.added.append((rel_id, rtype, target, external))
        return rel_id

    def part(self) -> bytes:
        """The relationships part with the added relationships after the template's own."""
        return _part(self.existing, tuple(self.added))


# The same few relationships recur document after document (a theme's header; its logo; a press
# office's links): each part is built once per process.
@lru_cache(maxsize=64)
def _ids(existing: bytes) -> frozenset[str]:
    return frozenset(rel.get("Id", "") for rel in etree.fromstring(existing))


@lru_cache(maxsize=64)
def _part(existing: bytes | None, added: tuple[tuple[str, str, str, bool], ...]) -> bytes:
    if existing:
        root = etree.fromstring(existing)
    else:
        root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
    for rel_id, rtype, target, external in added:
        attributes = {"Id": rel_id, "Type": rtype, "Target": target}
        if external:
            attributes["TargetMode"] = "External"
        etree.SubElement(root, f"{{{PKG_REL}}}Relationship", attributes)
    return xml(root)


def content_types(existing: bytes, defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    """[Content_Types].xml with a Default per new extension and an Override per new part."""
    # The same few parts recur document after document (a theme's header and logo): built once each.
    return _content_types(existing, tuple(defaults.items()), tuple(overrides.items()))


@lru_cache(maxsize=64)
def _content_types(
    existing: bytes, defaults: tuple[tuple[str, str], ...], overrides: tuple[tuple[str, str], ...]
) -> bytes:
    root = etree.fromstring(existing)
    have_defaults = {el.get("Extension", "").lower() for el in root.findall(f"{{{CT}}}Default")}
    have_overrides = {el.get("PartName", "") for el in root.findall(f"{{{CT}}}Override")}
    first_override = root.find(f"{{{CT}}}Override")
    for extension, media_type in defaults:
        if extension.lower() in have_defaults:
            continue
        element = etree.Element(f"{{{CT}}}Default", {"Extension": extension, "ContentType": media_type})
        if first_override is None:  # Defaults first, as Word writes them
            root.append(element)
        else:
            first_override.addprevious(element)
    for part_name, media_type in overrides:
        if part_name not in have_overrides:
            etree.SubElement(root, f"{{{CT}}}Override", {"PartName": part_name, "ContentType": media_type})
    return xml(root)
