"""DOCX -> Document: Word paragraphs as hinted raw blocks by their styles, then the shared news rules.

python-docx opens the package; the paragraphs are read straight from its
body XML in document order (tables, content controls and text boxes
included).  A paragraph's style decides its hint: Title is the headline,
Subtitle the dek, Heading N -- or any style, localised or custom, whose own
definition or base style carries an outline level -- a section heading,
Quote-like styles (Quote, Intense Quote, pandoc's Block Text, Zitat,
Citation …) quotes, and paragraphs with list numbering (``numPr`` on the
paragraph or its style) or a List style list items, ordered when their
numbering format is not a bullet.  What the styles do not say is left to the
shared inference, so a Normal paragraph that is mostly quoted speech is still
a quote.  When a document has no Title paragraph but opens with a heading
more important than every other heading, that heading is the headline.  Core
properties fill the metadata; our own DOCX writer's "Quote N speaker" custom
properties (tied to the quote by the ``_Quote_N`` bookmark) give speakers.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from lxml import etree  # type: ignore[import-untyped]  # no stubs; python-docx is built on it

from pressconv.decode import clean
from pressconv.errors import Notes, PressconvError
from pressconv.limits import LimitError, Limits, check_zip
from pressconv.model import Document
from pressconv.options import FALLBACK_DATETIME, ReadOptions
from pressconv.readers.assemble import assemble
from pressconv.readers.blocks import Hint, RawBlock, fold
from pressconv.readers.front_matter import FrontMatter, language_tag

SUFFIXES = (".docx",)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
#: libxml2's own nesting limit (python-docx's parser keeps it): ``xml_depth`` can only lower it.
_LIBXML2_DEPTH = 256
_REL_CORE = "/metadata/core-properties"
_REL_CUSTOM = "/custom-properties"

Role = Literal["headline", "subtitle", "byline", "publisher", "heading", "quote", "item", "body"]

# Style names as Word, LibreOffice and pandoc write them, English and localised; lower case.
_TITLE_NAMES = frozenset(
    {"title", "titel", "titre", "título", "titulo", "titolo", "tytuł", "název", "otsikko", "название"}
)
_SUBTITLE_NAMES = frozenset(
    {
        "subtitle", "untertitel", "sous-titre", "subtítulo", "subtitulo", "sottotitolo", "podtytuł",
        "undertitel", "ondertitel", "podtitul", "alaotsikko", "подзаголовок",
    }
)  # fmt: skip
_QUOTE_NAMES = frozenset(
    {
        "quote", "intense quote", "quotation", "quotations", "block text", "block quote", "blockquote",
        "zitat", "intensives zitat", "citation", "citation intense", "cita", "cita destacada",
        "citazione", "citazione intensa", "cytat", "cytat intensywny", "citat", "citaat", "цитата",
        "lainaus",
    }
)  # fmt: skip
_HEADING_NAME = re.compile(
    r"^(?:heading|überschrift|titre|título|titulo|titolo|nagłówek|kop|rubrik|overskrift|otsikko|"
    r"nadpis|заголовок|başlık)\s*([1-9])$"
)
_LIST_NAME = re.compile(r"^(?:list|listenabsatz|aufzählung|liste|paragraphe de liste|párrafo de lista)")
_NUMBERED_NAME = re.compile(r"number|nummer|numéro|numer")
_QUOTE_BOOKMARK = re.compile(r"_Quote_(\d+)$")
_QUOTE_PROPERTY = re.compile(r"Quote (\d+) speaker$")


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


@dataclass(frozen=True, slots=True)
class _Para:
    """One non-empty Word paragraph: its lines, what its style says, its list numbering."""

    lines: tuple[str, ...]
    role: Role
    level: int = 0
    ordered: bool = False
    quote_number: int | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


class _Styles:
    """A paragraph style id -> its role, heading level, and numbering, through its base styles."""

    def __init__(self, styles: Any, numbering: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default: str | None = None
        if styles is not None:
            for style in styles.findall(_w("style")):
                if style.get(_w("type")) != "paragraph":
                    continue
                style_id = style.get(_w("styleId")) or ""
                self.by_id[style_id] = style
                if style.get(_w("default")) in ("1", "true", "on"):
                    self.default = style_id
        self.numbering = numbering
        self.cache: dict[str | None, tuple[Role, int, tuple[str, str] | None, bool]] = {}

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        current = style_id if style_id in self.by_id else self.default
        while current is not None and current not in seen and current in self.by_id:
            seen.add(current)
            style = self.by_id[current]
            yield style
            based = style.find(_w("basedOn"))
            current = based.get(_w("val")) if based is not None else None

    def describe(self, style_id: str | None) -> tuple[Role, int, tuple[str, str] | None, bool]:
        """Role, heading level (0 = most important), inherited numPr (numId, ilvl), numbered name."""
        if style_id in self.cache:
            return self.cache[style_id]
        role: Role | None = None
        level = 0
        num: tuple[str, str] | None = None
        numbered_name = False
        for style in self.chain(style_id):
            name_el = style.find(_w("name"))
            name = " ".join((name_el.get(_w("val")) if name_el is not None else "").lower().split())
            sid = (style.get(_w("styleId")) or "").lower()
            ppr = style.find(_w("pPr"))
            if num is None and ppr is not None:
                num = _num_pr(ppr)
            if role is not None:
                continue
            heading = _HEADING_NAME.match(name) or _HEADING_NAME.match(sid)
            outline = _outline(ppr)
            if name in _TITLE_NAMES or sid in _TITLE_NAMES:
                role = "headline"
            elif name in _SUBTITLE_NAMES or sid in _SUBTITLE_NAMES:
                role = "subtitle"
            elif name == "byline" or sid == "byline":
                role = "byline"  # our writer's Byline paragraph: metadata, not body text
            elif name == "publisher" or sid == "publisher":
                role = "publisher"  # our writer's letterhead paragraph
            elif heading:
                role, level = "heading", int(heading.group(1)) - 1
            elif outline is not None:
                role, level = "heading", outline
            elif name in _QUOTE_NAMES or sid in _QUOTE_NAMES:
                role = "quote"
            elif _LIST_NAME.match(name) and "continue" not in name:
                role = "item"
                numbered_name = bool(_NUMBERED_NAME.search(name))
        found = (role or "body", level, num, numbered_name)
        self.cache[style_id] = found
        return found

    def ordered(self, num: tuple[str, str] | None, numbered_name: bool) -> bool:
        """True when the numbering's format at that level is a number, not a bullet."""
        if num is None or self.numbering is None:
            return numbered_name
        num_id, ilvl = num
        instance = next((n for n in self.numbering.findall(_w("num")) if n.get(_w("numId")) == num_id), None)
        abstract_ref = instance.find(_w("abstractNumId")) if instance is not None else None
        if abstract_ref is None:
            return numbered_name
        abstract_id = abstract_ref.get(_w("val"))
        abstract = next(
            (
                a
                for a in self.numbering.findall(_w("abstractNum"))
                if a.get(_w("abstractNumId")) == abstract_id
            ),
            None,
        )
        if abstract is None:
            return numbered_name
        for lvl in abstract.findall(_w("lvl")):
            if lvl.get(_w("ilvl"), "0") == ilvl:
                fmt = lvl.find(_w("numFmt"))
                value = fmt.get(_w("val")) if fmt is not None else "decimal"
                return value not in ("bullet", "none")
        return numbered_name


def _num_pr(ppr: Any) -> tuple[str, str] | None:
    num_pr = ppr.find(_w("numPr"))
    if num_pr is None:
        return None
    num_id = num_pr.find(_w("numId"))
    ilvl = num_pr.find(_w("ilvl"))
    value = num_id.get(_w("val")) if num_id is not None else None
    if not value or value == "0":  # numId 0 switches numbering off
        return ("0", "0")
    return value, ilvl.get(_w("val"), "0") if ilvl is not None else "0"


def _outline(ppr: Any) -> int | None:
    if ppr is None:
        return None
    found = ppr.find(_w("outlineLvl"))
    if found is None:
        return None
    try:
        level = int(found.get(_w("val"), "9"))
    except ValueError:
        return None
    return level if 0 <= level <= 8 else None  # 9 is body text


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Open the DOCX, read its paragraphs and properties, run the shared rules."""
    archive = _archive(data, source_path, options.limits)
    body, styles_root, numbering = _open(data, archive, source_path, options.limits.xml_depth)
    styles = _Styles(styles_root, numbering)
    paragraphs = [p for p in (_paragraph(el, styles, notes) for el in _paragraph_elements(body)) if p]
    core = _core(archive)
    speakers = _custom_speakers(archive)
    blocks = _blocks(paragraphs, speakers)
    bylines = [p.text for p in paragraphs if p.role == "byline"]
    letterhead = [line for p in paragraphs if p.role == "publisher" for line in p.lines]
    matter = FrontMatter(
        publisher="\n".join(letterhead) or None,
        byline=" ".join(bylines) if bylines else core.get("creator"),
        date=core.get("created"),
        language=language_tag(
            core.get("language") or _default_language(styles_root), notes, "the document's"
        ),
        keywords=tuple(k for k in (fold(k) for k in core.get("keywords", "").split(",")) if k),
    )
    return assemble(blocks, matter, options, notes, source_path, title=core.get("title"))


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
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering = None
    if depth < _LIBXML2_DEPTH and _depth_over(document.element, depth):  # libxml2 refused deeper
        raise _too_deep(depth, source_path)
    body = document.element.body
    if body is None:
        raise PressconvError("not a readable DOCX: the document has no body (w:body)", source_path)
    return body, document.styles.element, numbering


def _unreadable(err: Exception, source_path: str | None) -> PressconvError:
    detail = " ".join(str(err).split())[:120] or type(err).__name__
    return PressconvError(f"not a readable DOCX: {detail}", source_path)


def _too_deep(depth: int, source_path: str | None) -> PressconvError:
    return LimitError(f"DOCX XML nested more than {depth} elements deep (the xml_depth limit)", source_path)


def _open_huge(archive: zipfile.ZipFile, source_path: str | None, depth: int) -> tuple[Any, Any, Any]:

    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    main = _part_names(archive, "/officeDocument", "word/document.xml")
    if main is None:
        raise PressconvError("a zip archive but not a DOCX (no Word document inside)", source_path)
    related = _related(archive, main)
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
    body = root.find(_w("body"))
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


def _related(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type suffix (``/styles``) -> part name, for the part's own relationships."""

    path = PurePosixPath(part)
    rels_name = str(path.parent / "_rels" / f"{path.name}.rels")
    try:
        root = etree.fromstring(archive.read(rels_name), etree.XMLParser(resolve_entities=False))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    found: dict[str, str] = {}
    for rel in root:
        kind = "/" + str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        name = target.lstrip("/") if target.startswith("/") else str(path.parent / target)
        if name in archive.namelist():
            found.setdefault(kind, name)
    return found


def _paragraph_elements(body: Any) -> Iterator[Any]:
    """Every w:p in document order, except the fallback copy of a text box Word stores twice."""
    for p in body.iter(_w("p")):
        if not any(parent.tag == f"{{{_MC}}}Fallback" for parent in p.iterancestors()):
            yield p


# A nested paragraph (text box), deleted or moved-away text, the fallback copy of a drawing.
_NOT_OWN = frozenset({_w("p"), _w("del"), _w("moveFrom"), f"{{{_MC}}}Fallback"})


def _owner_ok(element: Any, paragraph: Any) -> bool:
    """True when ``element`` is text of ``paragraph`` itself as it reads with tracked changes accepted."""
    for parent in element.iterancestors():
        if parent is paragraph:
            return True
        if parent.tag in _NOT_OWN:
            return False
    return False


def _paragraph(p: Any, styles: _Styles, notes: Notes) -> _Para | None:
    lines: list[str] = []
    current: list[str] = []
    for el in p.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")):
        if not _owner_ok(el, p):
            continue
        tag = el.tag
        if tag == _w("t"):
            # itertext, not .text: an entity reference (never resolved) splits the text node, and
            # the words after it sit in the entity's tail; the reference itself stays as written
            current.append("".join(el.itertext()))
        elif tag == _w("tab"):
            if el.getparent() is not None and el.getparent().tag == _w("r"):
                current.append(" ")
        elif tag == _w("noBreakHyphen"):
            current.append("\u2011")
        else:
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    kept = tuple(line for line in (fold(clean(line, notes)) for line in lines) if line)
    if not kept:
        return None
    ppr = p.find(_w("pPr"))
    style_el = ppr.find(_w("pStyle")) if ppr is not None else None
    role, level, num, numbered_name = styles.describe(
        style_el.get(_w("val")) if style_el is not None else None
    )
    own_num = _num_pr(ppr) if ppr is not None else None
    num = own_num or num
    outline = _outline(ppr)
    if role == "body" and outline is not None:
        role, level = "heading", outline
    if role == "body" and num is not None and num[0] != "0":
        role = "item"
    if role == "item" and num is not None and num[0] == "0" and not numbered_name:
        role = "body"
    ordered = (
        styles.ordered(num if num and num[0] != "0" else None, numbered_name) if role == "item" else False
    )
    quote_number = None
    for mark in p.iter(_w("bookmarkStart")):
        found = _QUOTE_BOOKMARK.match(mark.get(_w("name"), ""))
        if found:
            quote_number = int(found.group(1))
            break
    return _Para(kept, role, level, ordered, quote_number)


def _blocks(paragraphs: list[_Para], speakers: dict[int, str]) -> list[RawBlock]:
    has_title = any(p.role == "headline" for p in paragraphs)
    headings = [p for p in paragraphs if p.role == "heading"]
    promote: _Para | None = None
    if not has_title and paragraphs and paragraphs[0].role == "heading":
        first = paragraphs[0]
        if all(h.level > first.level for h in headings[1:]):
            promote = first  # Heading 1 over Heading 2 sections: the draft's headline
    # Styled section headings mean the other paragraphs are not headings; a Title alone says
    # nothing about them, so they still go through the heading rule.
    structured = any(h is not promote for h in headings)
    plain: Hint | None = "paragraph" if structured else None
    blocks: list[RawBlock] = []
    headline_taken = False
    pending: list[_Para] = []

    def flush_list() -> None:
        if pending:
            items = tuple(p.text for p in pending)
            blocks.append(RawBlock(" ".join(items), hint="list", items=items, ordered=pending[0].ordered))
            pending.clear()

    for para in paragraphs:
        if para.role == "item":
            if pending and pending[-1].ordered != para.ordered:
                flush_list()
            pending.append(para)
            continue
        flush_list()
        if para.role in ("byline", "publisher"):
            continue  # read into the metadata by read()
        hint: Hint | None
        if para is promote or (para.role == "headline" and not headline_taken):
            hint = "headline"
            headline_taken = True
        elif para.role == "headline":
            hint = "heading"  # a second Title paragraph: a section title in a collected draft
        elif para.role == "subtitle":
            hint = "subtitle"
        elif para.role == "heading":
            hint = "heading"
        elif para.role == "quote":
            hint = "quote"
        else:
            hint = plain
        lines = para.lines if hint in (None, "paragraph", "quote") else ()
        text = para.text
        said = speakers.get(para.quote_number) if para.quote_number is not None else None
        blocks.append(RawBlock(text, lines, hint=hint, speaker=said))
    flush_list()
    return blocks


def _part_names(archive: zipfile.ZipFile, suffix: str, default: str) -> str | None:
    """The package part a root relationship of that type points to (the usual name when unstated)."""
    try:
        rels = archive.read("_rels/.rels")
    except KeyError:
        return default if default in archive.namelist() else None

    try:
        root = etree.fromstring(rels, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    for rel in root:
        if str(rel.get("Type", "")).endswith(suffix):
            target = str(rel.get("Target", "")).lstrip("/")
            name = str(PurePosixPath(target))
            return name if name in archive.namelist() else None
    return None


def _xml_part(archive: zipfile.ZipFile, suffix: str, default: str) -> Any:
    name = _part_names(archive, suffix, default)
    if name is None:
        return None

    try:
        return etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
        return None


def _core(archive: zipfile.ZipFile) -> dict[str, str]:
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


def _custom_speakers(archive: zipfile.ZipFile) -> dict[int, str]:
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


def _default_language(styles: Any) -> str | None:
    """The language of the document defaults (w:docDefaults/w:rPrDefault/w:rPr/w:lang)."""
    defaults = styles.find(_w("docDefaults")) if styles is not None else None
    lang = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}") if defaults is not None else None
    value = lang.get(_w("val")) if lang is not None else None
    return value.replace("_", "-") if value else None
