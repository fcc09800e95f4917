"""Document(s) -> EPUB 3: the HTML writer's article as XHTML, packaged as an e-book.

This module only packages.  Each release's content document is the HTML
writer's ``render_article`` serialised as XHTML with the shared stylesheet;
around it go the package document (metadata, manifest, spine), the EPUB 3
navigation document (table of contents and landmarks) and an NCX for EPUB 2
reading systems.  Every part is an ``xml.etree`` tree written into a zip by
``_zip.pack`` — ``mimetype`` first and stored, fixed entry times, fixed order —
so the same documents and options always give the same bytes.  The package
identifier is a name-based UUID of the content hash; the only date used is
``document_datetime``.  Several documents make one collected volume: a title
page, then one chapter per release in the order given.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pressconv.decode import clean
from pressconv.errors import Notes, WriterError
from pressconv.model import Document, block_text, content_identifier
from pressconv.options import WriteOptions, document_datetime
from pressconv.writers import _zip, html

SUFFIX = ".epub"
MEDIA_TYPE = "application/epub+zip"

_XHTML_NS = "http://www.w3.org/1999/xhtml"
_OPS_NS = "http://www.idpf.org/2007/ops"
_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XHTML_TYPE = "application/xhtml+xml"
_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

#: Names a pressconv identifier UUID, so the same content hash always gives the same urn:uuid.
_UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://pressconv.invalid/epub")

# A well-formed BCP 47 tag, loosely: EPUBCheck rejects anything else in dc:language and xml:lang.
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

_IMAGE_TYPES = ((b"\xff\xd8\xff", "image/jpeg", ".jpg"), (b"\x89PNG\r\n\x1a\n", "image/png", ".png"))

_ACCESSIBILITY_SUMMARY = (
    "Text-only publication with headings for every section, a table of contents and a logical "
    "reading order; no known hazards."
)


@dataclass(frozen=True, slots=True)
class _Chapter:
    """One release in the book: its document and the file its article lives in."""

    document: Document
    href: str
    language: str
    direction: str
    label: str
    """The headline as plain text, for navigation (never empty: EPUBCheck rejects an empty link)."""
    title: str
    """The document title as plain text, for the page's <title> (never empty)."""


@dataclass(frozen=True, slots=True)
class _Cover:
    data: bytes
    media_type: str
    href: str


def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    """An EPUB of one release; with ``options.volume_title`` it is a volume of one."""
    if _plain(options.volume_title):
        return write_volume([document], options, notes)
    return _book([document], None, options, notes)


def write_volume(documents: list[Document], options: WriteOptions, notes: Notes) -> bytes:
    """One EPUB collecting several releases, one chapter each, in the order given."""
    if not documents:
        raise WriterError("a volume needs at least one document")
    title = _plain(options.volume_title)
    if title is None:
        title = _plain(documents[0].title) or _plain(documents[0].headline) or "1"
        notes.warn("volume-title", f"no volume title given; the volume is titled {title!r}")
    return _book(documents, title, options, notes)


def _book(
    documents: Sequence[Document], volume_title: str | None, options: WriteOptions, notes: Notes
) -> bytes:
    cover = _read_cover(options.epub_cover)
    width = len(str(len(documents)))
    chapters = []
    for n, doc in enumerate(documents, start=1):
        label = _plain(doc.headline) or _plain(doc.title) or _first_words(doc) or str(n)
        chapters.append(
            _Chapter(
                doc,
                "release.xhtml" if volume_title is None else f"release-{n:0{width}d}.xhtml",
                _lang(doc),
                html.direction(doc),
                label,
                _plain(doc.title) or label,
            )
        )
    title = volume_title if volume_title is not None else chapters[0].title
    language, direction = chapters[0].language, chapters[0].direction
    rtl = direction == "rtl"
    identifier = _identifier(documents, volume_title)

    parts: list[tuple[str, ET.Element]] = []
    articles: list[ET.Element] = []
    for chapter in chapters:
        article = html.render_article(chapter.document, options, notes)
        articles.append(article)
        parts.append((chapter.href, _page(chapter.title, chapter.language, chapter.direction, article)))
    if volume_title is not None:
        parts.insert(0, ("title.xhtml", _title_page(volume_title, language, direction)))
    if cover is not None:
        parts.insert(0, ("cover.xhtml", _cover_page(title, language, direction, cover)))
    nav = _nav(chapters, title, language, direction, volume_title is not None, cover is not None)
    ncx = _ncx(chapters, title, identifier)
    opf = _package(chapters, title, identifier, documents, volume_title is not None, cover, rtl, options)

    _report_illegal(articles, notes)
    entries: list[tuple[str, bytes]] = [
        ("mimetype", MEDIA_TYPE.encode("ascii")),
        ("META-INF/container.xml", _serialize(_container())),
        ("EPUB/package.opf", _serialize(opf)),
        ("EPUB/nav.xhtml", _serialize(nav, doctype=True)),
        ("EPUB/toc.ncx", _serialize(ncx)),
        ("EPUB/style.css", html.stylesheet().encode("utf-8")),
    ]
    entries += [(f"EPUB/{name}", _serialize(root, doctype=True)) for name, root in parts]
    if cover is not None:
        entries.append((f"EPUB/{cover.href}", cover.data))
    # The stylesheet is the same in every book: its compressed form is kept for the process.
    return _zip.pack(entries, stored=("mimetype",), memo=("EPUB/style.css",))


# --- metadata ---------------------------------------------------------------------------------------


def _plain(value: str | None) -> str | None:
    """``value`` as one line of XML-legal text, or None when that leaves nothing."""
    if value is None:
        return None
    return " ".join(clean(value, Notes()).split()) or None


def _first_words(document: Document, limit: int = 8) -> str | None:
    for block in document.blocks():
        words = clean(block_text(block), Notes()).split()
        if words:
            return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
    return None


def _lang(document: Document) -> str:
    tag = document.metadata.language.strip().replace("_", "-")
    return tag if _LANGUAGE_TAG.match(tag) else "und"


def _identifier(documents: Sequence[Document], volume_title: str | None) -> str:
    hashes = [doc.metadata.identifier or content_identifier(doc) for doc in documents]
    name = hashes[0] if volume_title is None else "volume:" + volume_title + ":" + ":".join(hashes)
    return f"urn:uuid:{uuid.uuid5(_UUID_NAMESPACE, name)}"


def _w3c_datetime(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _publication_date(documents: Sequence[Document], options: WriteOptions) -> datetime | None:
    """The newest release date, when any release (or SOURCE_DATE_EPOCH) gives one."""
    if not any(doc.metadata.date for doc in documents) and options.source_date_epoch is None:
        return None
    return max(document_datetime(doc, options) for doc in documents)


def _package(
    chapters: Sequence[_Chapter],
    title: str,
    identifier: str,
    documents: Sequence[Document],
    volume: bool,
    cover: _Cover | None,
    rtl: bool,
    options: WriteOptions,
) -> ET.Element:
    package = ET.Element(
        "package",
        {"xmlns": _OPF_NS, "version": "3.0", "unique-identifier": "pub-id", _XML_LANG: chapters[0].language},
    )
    if rtl:
        package.set("dir", "rtl")
    meta = _sub(package, "metadata", {"xmlns:dc": _DC_NS})
    _sub(meta, "dc:identifier", {"id": "pub-id"}, identifier)
    _sub(meta, "dc:title", {"id": "title"}, title)
    for language in dict.fromkeys(chapter.language for chapter in chapters):
        _sub(meta, "dc:language", {}, language)
    # EPUBCheck rejects empty metadata elements, so blank values are left out.
    creators = [_plain(d.metadata.byline) for d in documents]
    for n, creator in enumerate(dict.fromkeys(c for c in creators if c), start=1):
        _sub(meta, "dc:creator", {"id": f"creator-{n}"}, creator)
    publishers = [_plain(options.epub_publisher), *(_plain(d.metadata.publisher) for d in documents)]
    publisher = next((p for p in publishers if p), None)
    if publisher:
        _sub(meta, "dc:publisher", {}, publisher)
    description = None if volume else _plain(documents[0].subtitle)
    if description:
        _sub(meta, "dc:description", {}, description)
    keywords = [_plain(k) for d in documents for k in d.metadata.keywords]
    for keyword in dict.fromkeys(k for k in keywords if k):
        _sub(meta, "dc:subject", {}, keyword)
    published = _publication_date(documents, options)
    if published is not None:
        # A release dated by day says so, rather than claiming midnight UTC.
        day_only = published.time() == datetime.min.time()
        _sub(meta, "dc:date", {}, published.date().isoformat() if day_only else _w3c_datetime(published))
    modified = published or max(document_datetime(doc, options) for doc in documents)
    _sub(meta, "meta", {"property": "dcterms:modified"}, _w3c_datetime(modified))
    _sub(meta, "meta", {"property": "schema:accessMode"}, "textual")
    if cover is not None:
        _sub(meta, "meta", {"property": "schema:accessMode"}, "visual")
    _sub(meta, "meta", {"property": "schema:accessModeSufficient"}, "textual")
    for feature in ("structuralNavigation", "tableOfContents", "readingOrder"):
        _sub(meta, "meta", {"property": "schema:accessibilityFeature"}, feature)
    _sub(meta, "meta", {"property": "schema:accessibilityHazard"}, "none")
    _sub(meta, "meta", {"property": "schema:accessibilitySummary"}, _ACCESSIBILITY_SUMMARY)
    _sub(meta, "meta", {"name": "generator", "content": "pressconv"})
    if cover is not None:
        _sub(meta, "meta", {"name": "cover", "content": "cover-image"})

    manifest = _sub(package, "manifest")
    _item(manifest, "nav", "nav.xhtml", _XHTML_TYPE, "nav")
    _item(manifest, "ncx", "toc.ncx", "application/x-dtbncx+xml")
    _item(manifest, "css", "style.css", "text/css")
    spine_ids: list[str] = []
    if cover is not None:
        _item(manifest, "cover-image", cover.href, cover.media_type, "cover-image")
        _item(manifest, "cover", "cover.xhtml", _XHTML_TYPE)
        spine_ids.append("cover")
    if volume:
        _item(manifest, "title-page", "title.xhtml", _XHTML_TYPE)
        spine_ids.append("title-page")
        # A volume's contents page is read in order; a single release has no use for one in the flow.
        spine_ids.append("nav")
    for n, chapter in enumerate(chapters, start=1):
        _item(manifest, f"release-{n}", chapter.href, _XHTML_TYPE)
        spine_ids.append(f"release-{n}")

    spine = _sub(package, "spine", {"toc": "ncx"})
    if rtl:
        spine.set("page-progression-direction", "rtl")
    for item in spine_ids:
        _sub(spine, "itemref", {"idref": item})
    if not volume:
        # In the spine only because the landmarks link to the table of contents (EPUBCheck RSC-011).
        _sub(spine, "itemref", {"idref": "nav", "linear": "no"})
    return package


def _item(manifest: ET.Element, item_id: str, href: str, media_type: str, properties: str = "") -> None:
    attrs = {"id": item_id, "href": href, "media-type": media_type}
    if properties:
        attrs["properties"] = properties
    _sub(manifest, "item", attrs)


# --- content documents ------------------------------------------------------------------------------


def _xhtml(
    title: str, language: str, direction: str, *, epub_ns: bool = False
) -> tuple[ET.Element, ET.Element]:
    attrs = {"xmlns": _XHTML_NS}
    if epub_ns:
        attrs["xmlns:epub"] = _OPS_NS
    attrs.update({"lang": language, _XML_LANG: language, "dir": direction})
    root = ET.Element("html", attrs)
    head = _sub(root, "head")
    _sub(head, "meta", {"charset": "utf-8"})
    _sub(head, "title", {}, title)
    _sub(head, "link", {"rel": "stylesheet", "type": "text/css", "href": "style.css"})
    return root, _sub(root, "body")


def _page(title: str, language: str, direction: str, article: ET.Element) -> ET.Element:
    root, body = _xhtml(title, language, direction, epub_ns=True)
    body.set("epub:type", "bodymatter")
    body.append(article)
    return root


def _title_page(title: str, language: str, direction: str) -> ET.Element:
    root, body = _xhtml(title, language, direction, epub_ns=True)
    section = _sub(body, "section", {"epub:type": "titlepage", "class": "title-page"})
    _sub(section, "h1", {}, title)
    return root


def _cover_page(title: str, language: str, direction: str, cover: _Cover) -> ET.Element:
    root, body = _xhtml(title, language, direction, epub_ns=True)
    section = _sub(body, "section", {"epub:type": "cover", "class": "cover"})
    _sub(section, "img", {"src": cover.href, "alt": title})
    return root


def _read_cover(path: Path | None) -> _Cover | None:
    if path is None:
        return None
    from pressconv.limits import read_file

    data = read_file(path, "the cover image", error=WriterError)  # a regular file within the input limit
    for magic, media_type, suffix in _IMAGE_TYPES:
        if data.startswith(magic):
            return _Cover(data, media_type, f"cover{suffix}")
    raise WriterError("the cover is not a JPEG or PNG image", str(path))


# --- navigation -------------------------------------------------------------------------------------


def _toc_entries(chapter: _Chapter) -> list[tuple[str, str]]:
    """(label, href) of each headed section, in the order the article renders them."""
    doc = chapter.document
    pairs = list(zip(doc.sections, html.section_ids(doc), strict=True))
    ordered = [p for p in pairs if p[0].role != "boilerplate"]
    ordered += [p for p in pairs if p[0].role == "boilerplate"]
    # A blank heading has no text to show, and EPUBCheck rejects a navigation link without text.
    entries = [(_plain(s.heading), f"{chapter.href}#{anchor}") for s, anchor in ordered if anchor]
    return [(label, href) for label, href in entries if label]


def _nav(
    chapters: Sequence[_Chapter], title: str, language: str, direction: str, volume: bool, cover: bool
) -> ET.Element:
    root, body = _xhtml(title, language, direction, epub_ns=True)
    toc = _sub(body, "nav", {"epub:type": "toc", "id": "toc"})
    _sub(toc, "h1", {}, title)
    releases = _sub(toc, "ol")
    for chapter in chapters:
        item = _sub(releases, "li")
        link = _sub(item, "a", {"href": chapter.href}, chapter.label)
        sections = _toc_entries(chapter)
        if sections:
            # a text reader (calibre's TXT output) otherwise runs the title into the first heading
            link.tail = "\n"
            inner = _sub(item, "ol")
            for label, href in sections:
                _sub(_sub(inner, "li"), "a", {"href": href}, label)
    landmarks = _sub(body, "nav", {"epub:type": "landmarks", "id": "landmarks", "hidden": "hidden"})
    marks = _sub(landmarks, "ol")
    if cover:
        _sub(_sub(marks, "li"), "a", {"epub:type": "cover", "href": "cover.xhtml"}, "Cover")
    if volume:
        _sub(_sub(marks, "li"), "a", {"epub:type": "titlepage", "href": "title.xhtml"}, "Title page")
    _sub(_sub(marks, "li"), "a", {"epub:type": "toc", "href": "nav.xhtml#toc"}, "Table of contents")
    _sub(_sub(marks, "li"), "a", {"epub:type": "bodymatter", "href": chapters[0].href}, "Start of content")
    return root


def _ncx(chapters: Sequence[_Chapter], title: str, identifier: str) -> ET.Element:
    ncx = ET.Element("ncx", {"xmlns": _NCX_NS, "version": "2005-1"})
    head = _sub(ncx, "head")
    _sub(head, "meta", {"name": "dtb:uid", "content": identifier})
    depth = "2" if any(_toc_entries(chapter) for chapter in chapters) else "1"
    _sub(head, "meta", {"name": "dtb:depth", "content": depth})
    _sub(head, "meta", {"name": "dtb:totalPageCount", "content": "0"})
    _sub(head, "meta", {"name": "dtb:maxPageNumber", "content": "0"})
    _sub(_sub(ncx, "docTitle"), "text", {}, title)
    nav_map = _sub(ncx, "navMap")
    order = 0

    def point(parent: ET.Element, label: str, href: str) -> ET.Element:
        nonlocal order
        order += 1
        node = _sub(parent, "navPoint", {"id": f"nav-{order}", "playOrder": str(order)})
        _sub(_sub(node, "navLabel"), "text", {}, label)
        _sub(node, "content", {"src": href})
        return node

    for chapter in chapters:
        node = point(nav_map, chapter.label, chapter.href)
        for label, href in _toc_entries(chapter):
            point(node, label, href)
    return ncx


def _container() -> ET.Element:
    container = ET.Element(
        "container", {"version": "1.0", "xmlns": "urn:oasis:names:tc:opendocument:xmlns:container"}
    )
    rootfiles = _sub(container, "rootfiles")
    _sub(
        rootfiles,
        "rootfile",
        {"full-path": "EPUB/package.opf", "media-type": "application/oebps-package+xml"},
    )
    return container


# --- trees to bytes ---------------------------------------------------------------------------------


def _sub(
    parent: ET.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None
) -> ET.Element:
    child = ET.SubElement(parent, tag, attrs or {})
    child.text = text
    return child


def _strings(root: ET.Element) -> Iterable[str]:
    for element in root.iter():
        if element.text:
            yield element.text
        if element.tail:
            yield element.tail
        yield from element.attrib.values()


def _report_illegal(articles: Sequence[ET.Element], notes: Notes) -> None:
    """One warning for XML-illegal characters in the text of a hand-built Document (readers remove them)."""
    clean("\n".join(s for article in articles for s in _strings(article)), notes)


def _scrub(root: ET.Element) -> None:
    # The decoder removes these from read text; a Document built in code may still carry them, and
    # one of them would make the part ill-formed XML, so they are removed the same way here.
    scratch = Notes()
    clean("".join(_strings(root)), scratch)
    if not scratch.items:
        return
    for element in root.iter():
        if element.text:
            element.text = clean(element.text, scratch)
        if element.tail:
            element.tail = clean(element.tail, scratch)
        for key, value in element.attrib.items():
            element.set(key, clean(value, scratch))


def _serialize(root: ET.Element, *, doctype: bool = False) -> bytes:
    _scrub(root)
    body = ET.tostring(root, encoding="unicode", method="xml", short_empty_elements=True)
    return (_XML_DECLARATION + ("<!DOCTYPE html>\n" if doctype else "") + body + "\n").encode("utf-8")
