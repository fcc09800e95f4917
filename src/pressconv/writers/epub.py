"""Document(s) -> EPUB 3: the HTML writer's article as XHTML, packaged by ebooklib.

This module only packages, and ebooklib does the packaging: an
``ebooklib.epub.EpubBook`` holds the metadata and the items (one XHTML page
per release around the HTML writer's ``render_article``, the shared
stylesheet, the title page, the cover), and ebooklib's ``EpubWriter`` writes
the package document, the EPUB 3 navigation document (table of contents and
landmarks, from ``book.toc`` and ``book.guide``) and the NCX for EPUB 2
reading systems.

ebooklib makes two choices a reproducible build cannot keep, and both are
overridden: the identifier it invents (a random UUID) is replaced by a
name-based UUID of the content hash, and the time it stamps on every zip entry
is dropped by repacking the archive with ``_zip.pack`` (``mimetype`` first and
stored, fixed entry times, ebooklib's entry order).  The only date used, for
``dcterms:modified`` and ``dc:date``, is ``document_datetime``.  Several
documents make one collected volume: a title page, then one chapter per
release in the order given.
"""

from __future__ import annotations

import hashlib
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ebooklib import epub as ebook

from pressconv.compat.ebooklib import entries as ebooklib_entries
from pressconv.errors import Notes, WriterError
from pressconv.identifier import content_identifier
from pressconv.model import Document, block_text
from pressconv.options import WriteOptions, document_datetime
from pressconv.text import clean, reading_order
from pressconv.text import direction as script_direction
from pressconv.theme import Theme, theme_of
from pressconv.writers import _html_theme, _zip, html
from pressconv.writers._labels import labels
from pressconv.writers._volume import volume_title

SUFFIX = ".epub"
MEDIA_TYPE = "application/epub+zip"

_XHTML_NS = "http://www.w3.org/1999/xhtml"
_OPS_NS = "http://www.idpf.org/2007/ops"
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
_ACCESSIBILITY_SUMMARY_IMAGES = (
    "Text with images, each with the alternative text its source gave, headings for every section, "
    "a table of contents and a logical reading order; no known hazards."
)
_IMAGE_SUFFIX = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}

#: The landmarks are for reading systems; in a volume the navigation document is also read in the
#: flow as its contents page, where they would show as a second list.
_NAV_CSS = (
    b'@namespace epub "http://www.idpf.org/2007/ops";\nnav[epub|type~="landmarks"] { display: none; }\n'
)

_WRITER_OPTIONS: dict[str, Any] = {
    # EPUB 3 landmarks only: the EPUB 2 <guide> duplicates them in the package document.
    "epub2_guide": False,
    # ebooklib would parse every content document again to look for page breaks; there are none.
    "epub3_pages": False,
    "package_direction": True,
    "play_order": {"enabled": True, "start_from": 1},
    "raise_exceptions": True,
}


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


@dataclass(slots=True)
class _Images:
    """The embedded images of a book's articles, stored once each under a name from their content."""

    items: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """href -> (media type, bytes), in the order first met."""

    def add(self, data: bytes, media_type: str) -> str:
        """``html.ImageStore``: the image's path in the package, relative to the content documents."""
        href = f"images/{hashlib.sha256(data).hexdigest()[:16]}{_IMAGE_SUFFIX[media_type]}"
        self.items.setdefault(href, (media_type, data))
        return href


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
    return _book(documents, volume_title(documents, options, notes, _plain), options, notes)


def _book(
    documents: Sequence[Document], volume_title: str | None, options: WriteOptions, notes: Notes
) -> bytes:
    cover = _read_cover(options.epub_cover)
    chapters = _chapters(documents, volume_title is not None)
    title = volume_title if volume_title is not None else chapters[0].title
    language, direction = chapters[0].language, chapters[0].direction
    volume = volume_title is not None

    book = ebook.EpubBook()
    # EpubBook() has just set a random uuid4 identifier; the content decides it instead.
    book.set_identifier(_identifier(documents, volume_title))
    book.set_title(title)
    book.set_language(language)
    if direction == "rtl":
        book.set_direction("rtl")
    # The generator is named without a version, so an ebooklib upgrade alone does not change the bytes.
    book.set_unique_metadata("OPF", "generator", "", {"name": "generator", "content": "pressconv"})
    # The navigation document carries the book's direction on its root, like every other page.
    book.set_template("nav", _nav_template(direction))
    images = _Images()
    articles = [html.render_article(chapter.document, options, notes, images.add) for chapter in chapters]
    theme = theme_of(options)
    logo = f"images/logo{_IMAGE_SUFFIX[theme.logo.media_type]}" if theme.logo is not None else None
    pictures = bool(images.items) or logo is not None
    modified = _metadata(book, chapters, documents, volume, cover is not None, pictures, options)

    css = html.stylesheet(theme, in_package=True).encode("utf-8")
    style = book.add_item(ebook.EpubItem("css", "style.css", "text/css", css))
    for n, font in enumerate(_html_theme.font_files(theme), start=1):  # style.css's @font-face sources
        book.add_item(ebook.EpubItem(f"font-{n}", font.href, _FONT_TYPE, _font_bytes(font.path)))
    nav_style = book.add_item(ebook.EpubItem("nav-css", "nav.css", "text/css", _NAV_CSS))
    words = labels(language)  # the navigation's own words, in the (first) release's language
    nav = book.add_item(ebook.EpubNav(title=words.contents, direction=direction))
    nav.add_item(style)
    nav.add_item(nav_style)
    book.add_item(ebook.EpubNcx())
    spine: list[str | tuple[str, str]] = []
    guide: list[dict[str, str]] = []
    if cover is not None:
        book.set_cover(cover.href, cover.data)
        page = book.get_item_with_id("cover")
        # ebooklib's cover page is non-linear, titled "Cover", with the title as the image's alt text.
        page.title, page.lang, page.direction, page.is_linear = title, language, direction, True
        spine.append("cover")
        guide.append({"type": "cover", "href": page.file_name, "title": words.cover})
    if volume:
        book.add_item(_title_page(title, language, direction, style))
        # A volume's contents page is read in order; a single release has no use for one in the flow.
        spine += ["title-page", "nav"]
        guide.append({"type": "titlepage", "href": "title.xhtml", "title": words.title_page})
    guide.append({"type": "toc", "href": nav.file_name, "title": words.contents})
    guide.append({"type": "bodymatter", "href": chapters[0].href, "title": words.start_of_content})

    _report_illegal(articles, notes)
    for n, (href, (media_type, data)) in enumerate(images.items.items(), start=1):
        book.add_item(ebook.EpubItem(f"image-{n}", href, media_type, data))
    if theme.logo is not None and logo is not None:
        book.add_item(ebook.EpubItem("theme-logo", logo, theme.logo.media_type, theme.logo.data))
    for n, (chapter, article) in enumerate(zip(chapters, articles, strict=True), start=1):
        page = _page(chapter.title, chapter.language, chapter.direction, article, theme, logo)
        book.add_item(ebook.EpubItem(f"release-{n}", chapter.href, _XHTML_TYPE, page))
        spine.append(f"release-{n}")
    if not volume:
        # In the spine only because the landmarks link to the table of contents (EPUBCheck RSC-011).
        spine.append(("nav", "no"))
    book.spine = spine
    book.guide = guide
    book.toc = _toc(chapters)
    return _pack(book, modified, words.landmarks)


def _chapters(documents: Sequence[Document], volume: bool) -> list[_Chapter]:
    width = len(str(len(documents)))
    chapters = []
    for n, doc in enumerate(documents, start=1):
        label = _plain(doc.headline) or _plain(doc.title) or _first_words(doc) or str(n)
        chapters.append(
            _Chapter(
                doc,
                f"release-{n:0{width}d}.xhtml" if volume else "release.xhtml",
                _lang(doc),
                script_direction(doc),
                label,
                _plain(doc.title) or label,
            )
        )
    return chapters


def _pack(book: Any, modified: datetime, landmarks: str) -> bytes:
    """ebooklib's entries, in its order, packed with fixed entry times.

    ebooklib serialises every entry, but its zip is never written: the entries are taken as it hands
    them to ``zipfile`` (``compat.ebooklib.entries``), which saves a quarter of the writer's time.
    """
    options = {**_WRITER_OPTIONS, "mtime": modified, "landmark_title": landmarks}
    entries = ebooklib_entries(book, options)
    # The stylesheets are the same in every book: their compressed form is kept for the process.
    fonts = [name for name, _ in entries if name.startswith("EPUB/fonts/")]
    return _zip.pack(
        entries,
        stored=("mimetype",),
        memo=("META-INF/container.xml", "EPUB/style.css", "EPUB/nav.css", "EPUB/images/logo.svg", *fonts),
    )


#: A TrueType font's media type: EPUB 3.3's core media type for it (``font/ttf``).
_FONT_TYPE = "font/ttf"


@lru_cache(maxsize=4)
def _font_bytes(path: str) -> bytes:
    """A theme's font file, read once per process (every book of a build carries it)."""
    return Path(path).read_bytes()


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


def _publication_date(documents: Sequence[Document], options: WriteOptions) -> datetime | None:
    """The newest release date, when any release (or SOURCE_DATE_EPOCH) gives one."""
    if not any(doc.metadata.date for doc in documents) and options.source_date_epoch is None:
        return None
    return max(document_datetime(doc, options) for doc in documents)


def _metadata(
    book: Any,
    chapters: Sequence[_Chapter],
    documents: Sequence[Document],
    volume: bool,
    cover: bool,
    images: bool,
    options: WriteOptions,
) -> datetime:
    """Dublin Core and accessibility metadata on ``book``; returns the time for ``dcterms:modified``."""
    for language in dict.fromkeys(chapter.language for chapter in chapters[1:]):
        if language != chapters[0].language:
            book.add_metadata("DC", "language", language)
    # EPUBCheck rejects empty metadata elements, so blank values are left out.
    creators = [_plain(d.metadata.byline) for d in documents]
    for n, creator in enumerate(dict.fromkeys(c for c in creators if c), start=1):
        book.add_author(creator, uid=f"creator-{n}")
    publishers = [_plain(options.epub_publisher), *(_plain(d.metadata.publisher) for d in documents)]
    publisher = next((p for p in publishers if p), None)
    if publisher:
        book.add_metadata("DC", "publisher", publisher)
    description = None if volume else _plain(documents[0].subtitle)
    if description:
        book.add_metadata("DC", "description", description)
    keywords = [_plain(k) for d in documents for k in d.metadata.keywords]
    for keyword in dict.fromkeys(k for k in keywords if k):
        book.add_metadata("DC", "subject", keyword)
    published = _publication_date(documents, options)
    if published is not None:
        # A release dated by day says so, rather than claiming midnight UTC.
        day_only = published.time() == datetime.min.time()
        book.add_metadata(
            "DC",
            "date",
            published.date().isoformat() if day_only else published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    accessibility = [("accessMode", "textual")]
    if cover or images:
        accessibility.append(("accessMode", "visual"))
    accessibility.append(("accessModeSufficient", "textual"))
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if images:
        features.append("alternativeText")
    accessibility += [("accessibilityFeature", feature) for feature in features]
    summary = _ACCESSIBILITY_SUMMARY_IMAGES if images else _ACCESSIBILITY_SUMMARY
    accessibility += [("accessibilityHazard", "none"), ("accessibilitySummary", summary)]
    for name, value in accessibility:
        book.add_metadata(None, "meta", value, {"property": f"schema:{name}"})
    return published or max(document_datetime(doc, options) for doc in documents)


# --- content documents ------------------------------------------------------------------------------


def _nav_template(direction: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="{_XHTML_NS}" '
        f'xmlns:epub="{_OPS_NS}" dir="{direction}"/>'
    ).encode("ascii")


def _page(
    title: str, language: str, direction: str, article: ET.Element, theme: Theme, logo: str | None
) -> bytes:
    """A release's content document: the HTML writer's article in an XHTML page, as bytes.

    Serialised here rather than by ``ebooklib.epub.EpubHtml``, which parses its content again with
    lxml's HTML parser: libxml2 cuts a text node at 10 MB there (no ``huge_tree``), and a release
    that is one 10 MB paragraph would lose its words.  ``xml.etree`` has no such limit.
    """
    root = ET.Element(
        "html",
        {"xmlns": _XHTML_NS, "xmlns:epub": _OPS_NS, "lang": language, _XML_LANG: language, "dir": direction},
    )
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "link", {"rel": "stylesheet", "type": "text/css", "href": "style.css"})
    body = ET.SubElement(root, "body", {"epub:type": "bodymatter"})
    # The theme's letterhead (with the logo, a package item) and footer line frame each release.
    header, footer = _html_theme.letterhead(theme, logo), _html_theme.page_footer(theme)
    body.extend(part for part in (header, article, footer) if part is not None)
    _scrub(root)
    markup = ET.tostring(root, encoding="unicode", method="xml", short_empty_elements=True)
    return (_XML_DECLARATION + "<!DOCTYPE html>\n" + markup + "\n").encode("utf-8")


def _fragment(element: ET.Element) -> bytes:
    """``element`` as HTML for ``EpubHtml``, which parses its content with lxml's HTML parser.

    HTML, not XML, serialisation: an empty ``<p/>`` read by an HTML parser would swallow what follows.
    """
    _scrub(element)
    return ET.tostring(element, encoding="unicode", method="html").encode("utf-8")


def _title_page(title: str, language: str, direction: str, style: Any) -> Any:
    section = ET.Element("section", {"epub:type": "titlepage", "class": "title-page"})
    ET.SubElement(section, "h1").text = title
    page = ebook.EpubHtml(
        "title-page",
        "title.xhtml",
        title=title,
        lang=language,
        direction=direction,
        content=_fragment(section),
    )
    page.add_meta(charset="utf-8")
    page.add_item(style)
    return page


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
    ordered = [pairs[index] for index in reading_order(doc.sections)]
    # A blank heading has no text to show, and EPUBCheck rejects a navigation link without text.
    entries = [(_plain(s.heading), f"{chapter.href}#{anchor}") for s, anchor in ordered if anchor]
    return [(label, href) for label, href in entries if label]


def _toc(chapters: Sequence[_Chapter]) -> list[Any]:
    """ebooklib's table of contents: a release, with its headed sections under it when it has any."""
    toc: list[Any] = []
    count = 0
    for chapter in chapters:
        count += 1
        sections = _toc_entries(chapter)
        if not sections:
            toc.append(ebook.Link(chapter.href, chapter.label, f"nav-{count}"))
            continue
        links = []
        for label, href in sections:
            count += 1
            links.append(ebook.Link(href, label, f"nav-{count}"))
        toc.append((ebook.Section(chapter.label, chapter.href), links))
    return toc


# --- text checks ------------------------------------------------------------------------------------


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
