"""The EPUB writer: EPUBCheck-clean books, their navigation, metadata, words and bytes.

Every EPUB built here goes through EPUBCheck 5 (``_epubcheck``) with zero
errors and zero warnings required.  Golden files under ``golden/epub/`` hold
each part of a book as canonical, indented XML; ``PRESSCONV_REGEN=1`` rewrites
them (review the diff before committing).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import uuid
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _epubcheck import problems, problems_of
from pressconv.errors import Notes, WriterError
from pressconv.identifier import with_identifier
from pressconv.model import Document, ListBlock, Metadata, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.readers.text import read_text
from pressconv.writers import epub, html

GOLDEN = Path(__file__).parent / "golden" / "epub"
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- documents --------------------------------------------------------------------------------------


def release_document() -> Document:
    """A release with every piece of press furniture the model knows."""
    return with_identifier(
        Document(
            headline="City Opens Riverside Library",
            subtitle="Three floors, 40,000 books and a maker space",
            dateline="SPRINGFIELD, March 3, 2025 —",
            metadata=Metadata(
                byline="Dana Whitfield",
                date="2025-03-03",
                language="en-US",
                keywords=("libraries", "city services"),
                release="FOR IMMEDIATE RELEASE",
                contacts=("Media contact\nJo Park\npress@springfield.example\n+1 555 0100",),
                end_mark="###",
                publisher="City of Springfield",
            ),
            sections=(
                Section(
                    None,
                    (
                        Paragraph(
                            "SPRINGFIELD, March 3, 2025 — The city opened its new riverside library today."
                        ),
                        Quote(
                            "“This is a library for everyone,” Mayor Ana Ruiz said.",
                            speaker="Ana Ruiz",
                            attribution="Mayor Ana Ruiz said",
                        ),
                    ),
                ),
                Section(
                    "What visitors will find",
                    (
                        Paragraph("The building offers:"),
                        ListBlock(False, ("a children’s floor", "a maker space", "quiet study rooms")),
                        Paragraph("Opening hours:"),
                        ListBlock(True, ("Monday to Friday, 9–8", "Saturday, 10–6"), ("1.", "2.")),
                        Quote(
                            "“We counted every shelf twice,” said librarian Sam Oduya. “Then we built more.”",
                            speaker="Sam Oduya",
                            attribution="said librarian Sam Oduya",
                        ),
                    ),
                ),
                Section(
                    "About Springfield Public Library",
                    (Paragraph("Springfield Public Library serves 120,000 residents from nine branches."),),
                    role="boilerplate",
                ),
                Section("Next steps", (Paragraph("A second branch opens in the autumn…"),)),
            ),
        )
    )


def hostile_document() -> Document:
    """Markup-looking text, XML-illegal characters and right-to-left Arabic."""
    return with_identifier(
        Document(
            headline="<script>alert('x')</script> & <b>bold</b> \x01",
            subtitle=']]> <?xml version="1.0"?> &amp; &lt;',
            metadata=Metadata(
                language="ar",
                byline="<i>Ali</i> & Sons",
                keywords=("<b>", "&amp;"),
                contacts=("<script>x</script>\n&amp; line two",),
                end_mark="-30-",
            ),
            sections=(
                Section(
                    None,
                    (
                        Paragraph("أعلنت الوزارة اليوم عن خطة جديدة. <b>ليس</b> &amp; ]]> <?xml?> \x0bend"),
                        Quote("«نحن ملتزمون بالشفافية» قال أحمد.", speaker="أحمد", attribution="قال أحمد"),
                    ),
                ),
                Section("الخطة <الجديدة> & ]]>", (ListBlock(False, ("<li>", "&nbsp;", "]]>")),)),
            ),
        )
    )


def volume_documents() -> list[Document]:
    first = release_document()
    second = with_identifier(
        Document(
            headline="Water Main Repairs on Elm Street",
            metadata=Metadata(date="2025-03-10", byline="Dana Whitfield", keywords=("roads",)),
            sections=(
                Section(None, (Paragraph("Repairs start Monday and last two weeks."),)),
                Section("Detours", (ListBlock(False, ("Oak Avenue", "Pine Road")),)),
            ),
        )
    )
    third = with_identifier(
        Document(
            headline="Spring Festival Returns",
            metadata=Metadata(date="2025-03-07", language="fr"),
            sections=(Section(None, (Paragraph("Le festival revient le 21 mars."),)),),
        )
    )
    return [first, second, third]


SAMPLE = Path(__file__).resolve().parent.parent / "source" / "pentagon-briefing.txt"


def sample_document() -> Document:
    return read_text(SAMPLE.read_text(encoding="utf-8"), source_path=str(SAMPLE))


OPTIONS = WriteOptions()
VOLUME = replace(OPTIONS, volume_title="Press releases, March")


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


# --- reading books back -----------------------------------------------------------------------------


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def package_path(data: bytes) -> str:
    """Where the package document is, as META-INF/container.xml says (reading systems look there)."""
    container = ET.fromstring(parts(data)["META-INF/container.xml"])
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    assert rootfile is not None
    return rootfile.get("full-path", "")


def package(data: bytes) -> ET.Element:
    return ET.fromstring(parts(data)[package_path(data)])


def spine_files(data: bytes, *, linear_only: bool = True) -> list[str]:
    opf = package(data)
    hrefs = {item.get("id"): item.get("href") for item in opf.iterfind("opf:manifest/opf:item", NS)}
    refs = opf.iterfind("opf:spine/opf:itemref", NS)
    return [f"EPUB/{hrefs[r.get('idref')]}" for r in refs if not linear_only or r.get("linear") != "no"]


def article_words(data: bytes) -> list[str]:
    """Words of every <article> in spine order, as a reader would meet them."""
    files = parts(data)
    words: list[str] = []
    for name in spine_files(data):
        root = ET.fromstring(files[name])
        for article in root.iterfind(".//x:article", NS):
            words += " ".join(article.itertext()).split()
    return words


def model_words(document: Document) -> list[str]:
    """The words of a document in the order the HTML article sets them."""
    meta = document.metadata
    out: list[str | None] = [
        meta.publisher,  # the letterhead, above the release line (#21)
        meta.release,
        document.headline,
        document.subtitle,
        meta.byline,
        meta.date,
    ]
    sections = [s for s in document.sections if s.role != "boilerplate"]
    sections += [s for s in document.sections if s.role == "boilerplate"]
    for section in sections:
        out.append(section.heading)
        for block in section.blocks:
            match block:
                case Paragraph(text=text) | Quote(text=text):
                    out.append(text)
                case ListBlock(items=items):
                    out.extend(items)
    out.extend(meta.contacts)
    out.append(meta.end_mark)
    text = " ".join(s for s in out if s)
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", "", text).split()


def nav_tree(data: bytes) -> list[tuple[str, list[str]]]:
    """The EPUB 3 table of contents as (entry, [sub-entries])."""
    nav = ET.fromstring(parts(data)["EPUB/nav.xhtml"])
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert toc is not None
    entries = []
    for item in toc.iterfind("x:ol/x:li", NS):
        link = item.find("x:a", NS)
        assert link is not None
        subs = ["".join(a.itertext()) for a in item.iterfind("x:ol/x:li/x:a", NS)]
        entries.append(("".join(link.itertext()), subs))
    return entries


# --- the books every EPUBCheck run covers -----------------------------------------------------------


def broken_book() -> bytes:
    """A book whose mimetype entry is compressed and whose navigation is missing: EPUBCheck must object."""
    good = parts(epub.write(release_document(), OPTIONS, Notes()))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in good.items():
            if name != "EPUB/nav.xhtml":
                archive.writestr(name, body)
    return broken.getvalue()


def jpeg_cover(folder: Path) -> Path:
    from PIL import Image

    cover = folder / "cover.jpg"
    Image.new("RGB", (4, 6), (200, 30, 30)).save(cover, "JPEG")
    return cover


def books(folder: Path) -> dict[str, bytes]:
    cover = folder / "cover.png"
    cover.write_bytes(png_bytes())
    return {
        "sample": epub.write(sample_document(), OPTIONS, Notes()),
        "release": epub.write(release_document(), OPTIONS, Notes()),
        "hostile": epub.write(hostile_document(), OPTIONS, Notes()),
        "volume": epub.write_volume(volume_documents(), VOLUME, Notes()),
        "cover": epub.write(release_document(), replace(OPTIONS, epub_cover=cover), Notes()),
        "minimal": epub.write(Document(headline="Only a headline"), OPTIONS, Notes()),
        "jpeg-cover": epub.write(
            release_document(), replace(OPTIONS, epub_cover=jpeg_cover(folder)), Notes()
        ),
        "cli-sample": cli_sample(folder),
    }


def cli_sample(folder: Path) -> bytes:
    """The issue's must-show: ``pressconv to-epub source/pentagon-briefing.txt -o x.epub``."""
    from pressconv.cli import main

    out = folder / "x.epub"
    assert main(["to-epub", str(SAMPLE), "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every book the EPUBCheck tests cover: built in milliseconds, checked by one JVM run each."""
    return books(tmp_path_factory.mktemp("books")) | {"broken": broken_book()}


# One book per test, not one batch for the module: under pytest-xdist each worker builds the books
# but checks only its own tests' books, so no book goes through EPUBCheck twice.
@pytest.mark.parametrize(
    "name", ["sample", "cli-sample", "release", "hostile", "volume", "cover", "jpeg-cover", "minimal"]
)
def test_epubcheck_reports_nothing(built: dict[str, bytes], name: str) -> None:
    assert problems(built[name]) == []


def test_epubcheck_helper_does_report_faults(built: dict[str, bytes]) -> None:
    assert any(line.startswith(("ERROR", "FATAL")) for line in problems(built["broken"]))


# --- structure and metadata -------------------------------------------------------------------------


def test_zip_layout_mimetype_first_and_stored() -> None:
    data = epub.write(release_document(), OPTIONS, Notes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "mimetype"
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    # ebooklib's order: container, package document, then the manifest items in the order added.
    assert [i.filename for i in infos] == [
        "mimetype",
        "META-INF/container.xml",
        "EPUB/content.opf",
        "EPUB/style.css",
        "EPUB/nav.css",
        "EPUB/nav.xhtml",
        "EPUB/toc.ncx",
        "EPUB/release.xhtml",
    ]
    assert package_path(data) == "EPUB/content.opf"
    assert parts(data)["EPUB/style.css"] == html.stylesheet().encode("utf-8")


def test_package_metadata() -> None:
    doc = release_document()
    opf = package(epub.write(doc, OPTIONS, Notes()))
    meta = opf.find("opf:metadata", NS)
    assert meta is not None

    def dc(name: str) -> list[str]:
        return [e.text or "" for e in meta.iterfind(f"dc:{name}", NS)]

    def prop(name: str) -> list[str]:
        return [e.text or "" for e in meta.iterfind(f"opf:meta[@property='{name}']", NS)]

    assert dc("title") == ["City Opens Riverside Library"]
    assert dc("language") == ["en-US"]
    assert dc("creator") == ["Dana Whitfield"]
    assert dc("publisher") == ["City of Springfield"]
    assert dc("subject") == ["libraries", "city services"]
    assert dc("date") == ["2025-03-03"]
    assert prop("dcterms:modified") == ["2025-03-03T00:00:00Z"]
    assert dc("identifier") == [f"urn:uuid:{uuid.UUID(dc('identifier')[0][9:])}"]
    assert uuid.UUID(dc("identifier")[0][9:]).version == 5
    # The package's unique identifier is the content-derived one, not ebooklib's random uuid4.
    assert [e.text for e in meta.iterfind(f"dc:identifier[@id='{opf.get('unique-identifier')}']", NS)] == dc(
        "identifier"
    )
    generator = meta.find("opf:meta[@name='generator']", NS)
    assert generator is not None and generator.get("content") == "pressconv"
    assert prop("schema:accessMode") == ["textual"]
    assert prop("schema:accessModeSufficient") == ["textual"]
    assert prop("schema:accessibilityFeature") == ["structuralNavigation", "tableOfContents", "readingOrder"]
    assert prop("schema:accessibilityHazard") == ["none"]
    assert prop("schema:accessibilitySummary")[0]


def test_identifier_follows_the_content_not_the_path() -> None:
    doc = release_document()
    moved = replace(doc, metadata=replace(doc.metadata, source_path="/elsewhere/x.txt"))
    changed = with_identifier(replace(doc, headline="City Opens Riverside Library Early"))

    def ident(d: Document) -> str | None:
        found = package(epub.write(d, OPTIONS, Notes())).find("opf:metadata/dc:identifier", NS)
        assert found is not None
        return found.text

    assert ident(doc) == ident(moved)
    assert ident(doc) != ident(changed)
    # Without a stored identifier the content hash is computed, giving the same answer.
    assert ident(replace(doc, metadata=replace(doc.metadata, identifier=None))) == ident(doc)


def test_publisher_option_wins_and_dates_come_from_source_date_epoch() -> None:
    doc = Document(headline="Undated", metadata=Metadata(publisher="From the text"))
    options = replace(OPTIONS, epub_publisher="Press Office", source_date_epoch=1_700_000_000)
    meta = package(epub.write(doc, options, Notes())).find("opf:metadata", NS)
    assert meta is not None
    assert [e.text for e in meta.iterfind("dc:publisher", NS)] == ["Press Office"]
    assert [e.text for e in meta.iterfind("dc:date", NS)] == ["2023-11-14T22:13:20Z"]


def test_undated_book_claims_no_date_and_never_reads_the_clock() -> None:
    meta = package(epub.write(Document(headline="Undated"), OPTIONS, Notes())).find("opf:metadata", NS)
    assert meta is not None
    assert meta.find("dc:date", NS) is None
    modified = meta.find("opf:meta[@property='dcterms:modified']", NS)
    assert modified is not None and modified.text == "1980-01-01T00:00:00Z"


def test_content_document_is_the_html_article_as_xhtml() -> None:
    doc = release_document()
    files = parts(epub.write(doc, OPTIONS, Notes()))
    page = ET.fromstring(files["EPUB/release.xhtml"])
    assert page.get("lang") == page.get(XML_LANG) == "en-US"
    assert page.get("dir") == "ltr"
    article = page.find("x:body/x:article", NS)
    assert article is not None
    expected = html.render_article(doc, OPTIONS, Notes())
    assert [e.tag.split("}")[-1] for e in article.iter()] == [e.tag for e in expected.iter()]
    link = page.find("x:head/x:link", NS)
    assert link is not None and link.get("href") == "style.css"
    quotes = article.findall(".//x:blockquote", NS)
    assert [q.get("data-speaker") for q in quotes] == ["Ana Ruiz", "Sam Oduya"]
    # Boilerplate renders after the body, as in HTML.
    headings = ["".join(h.itertext()) for h in article.iterfind(".//x:h2", NS)]
    assert headings == ["What visitors will find", "Next steps", "About Springfield Public Library"]


def test_navigation_lists_headline_then_sections_in_reading_order() -> None:
    data = epub.write(release_document(), OPTIONS, Notes())
    assert nav_tree(data) == [
        (
            "City Opens Riverside Library",
            ["What visitors will find", "Next steps", "About Springfield Public Library"],
        )
    ]
    files = parts(data)
    nav = ET.fromstring(files["EPUB/nav.xhtml"])
    marks = [
        a.get(f"{{{NS['epub']}}}type") for a in nav.iterfind(".//x:nav[@epub:type='landmarks']//x:a", NS)
    ]
    assert marks == ["toc", "bodymatter"]
    ncx = ET.fromstring(files["EPUB/toc.ncx"])
    labels = [t.text for t in ncx.iterfind(".//ncx:navPoint/ncx:navLabel/ncx:text", NS)]
    assert labels == [
        "City Opens Riverside Library",
        "What visitors will find",
        "Next steps",
        "About Springfield Public Library",
    ]
    uid = ncx.find("ncx:head/ncx:meta[@name='dtb:uid']", NS)
    identifier = package(data).find("opf:metadata/dc:identifier", NS)
    assert uid is not None and identifier is not None and uid.get("content") == identifier.text
    # Every link in the navigation lands on an element that exists.
    for link in nav.iterfind(".//x:a", NS):
        target, _, fragment = (link.get("href") or "").partition("#")
        assert f"EPUB/{target}" in files
        if fragment:
            assert ET.fromstring(files[f"EPUB/{target}"]).find(f".//*[@id='{fragment}']") is not None


def test_landmarks_are_hidden_where_the_nav_is_read_as_a_page() -> None:
    """In a volume the nav is in the reading order; its landmarks list is for the reading system only."""
    files = parts(epub.write_volume(volume_documents(), VOLUME, Notes()))
    nav = ET.fromstring(files["EPUB/nav.xhtml"])
    sheets = [link.get("href") for link in nav.iterfind("x:head/x:link", NS)]
    assert sheets == ["style.css", "nav.css"]
    assert nav.find(".//x:nav[@epub:type='landmarks']", NS) is not None
    rule = files["EPUB/nav.css"].decode("utf-8")
    assert '@namespace epub "http://www.idpf.org/2007/ops";' in rule
    assert 'nav[epub|type~="landmarks"] { display: none; }' in rule
    # The release pages use the HTML writer's stylesheet alone.
    page = ET.fromstring(files["EPUB/release-1.xhtml"])
    assert [link.get("href") for link in page.iterfind("x:head/x:link", NS)] == ["style.css"]


def test_a_headline_alone_still_makes_a_table_of_contents() -> None:
    data = epub.write(Document(headline="Only a headline"), OPTIONS, Notes())
    assert nav_tree(data) == [("Only a headline", [])]


def test_sample_book_structure() -> None:
    doc = sample_document()
    data = epub.write(doc, OPTIONS, Notes())
    toc = nav_tree(data)
    assert len(toc) == 1 and toc[0][0] == doc.headline
    assert toc[0][1] == [s.heading for s in doc.sections if s.heading]
    assert spine_files(data) == ["EPUB/release.xhtml"]
    assert "Ryder" in article_words(data)


# --- words, escaping, direction ---------------------------------------------------------------------


@pytest.mark.parametrize("build", [release_document, hostile_document, sample_document])
def test_every_word_comes_back_in_order(build: object) -> None:
    assert callable(build)
    doc = build()
    assert article_words(epub.write(doc, OPTIONS, Notes())) == model_words(doc)


def test_markup_looking_text_is_text() -> None:
    notes = Notes()
    data = epub.write(hostile_document(), OPTIONS, notes)
    files = parts(data)
    page = files["EPUB/release.xhtml"].decode("utf-8")
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&amp;amp;" in page and "]]&gt;" in page and "&lt;?xml" in page
    for name, body in files.items():
        if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
            ET.fromstring(body)  # well-formed despite the control characters
    assert [w.code for w in notes.items] == ["control-chars"]
    headline = ET.fromstring(files["EPUB/release.xhtml"]).find(".//x:h1", NS)
    assert headline is not None and headline.text == "<script>alert('x')</script> & <b>bold</b> "


def test_right_to_left_text_sets_direction() -> None:
    files = parts(epub.write(hostile_document(), OPTIONS, Notes()))
    page = ET.fromstring(files["EPUB/release.xhtml"])
    assert page.get("dir") == "rtl" and page.get(XML_LANG) == "ar"
    opf = ET.fromstring(files["EPUB/content.opf"])
    assert opf.get("dir") == "rtl"
    spine = opf.find("opf:spine", NS)
    assert spine is not None and spine.get("page-progression-direction") == "rtl"
    assert ET.fromstring(files["EPUB/nav.xhtml"]).get("dir") == "rtl"


def test_malformed_language_tag_becomes_und() -> None:
    doc = Document(headline="Odd language", metadata=Metadata(language="english (UK)"))
    meta = package(epub.write(doc, OPTIONS, Notes())).find("opf:metadata", NS)
    assert meta is not None and [e.text for e in meta.iterfind("dc:language", NS)] == ["und"]
    underscore = Document(headline="Underscore", metadata=Metadata(language="pt_BR"))
    meta = package(epub.write(underscore, OPTIONS, Notes())).find("opf:metadata", NS)
    assert meta is not None and [e.text for e in meta.iterfind("dc:language", NS)] == ["pt-BR"]


# --- determinism ------------------------------------------------------------------------------------


def test_two_runs_give_identical_bytes() -> None:
    for build in (release_document, hostile_document, sample_document):
        assert epub.write(build(), OPTIONS, Notes()) == epub.write(build(), OPTIONS, Notes())
    assert epub.write_volume(volume_documents(), VOLUME, Notes()) == epub.write_volume(
        volume_documents(), VOLUME, Notes()
    )


def test_source_date_epoch_changes_only_undated_books() -> None:
    later = replace(OPTIONS, source_date_epoch=1_800_000_000)
    assert epub.write(release_document(), OPTIONS, Notes()) == epub.write(release_document(), later, Notes())
    undated = Document(headline="Undated")
    assert epub.write(undated, OPTIONS, Notes()) != epub.write(undated, later, Notes())


# --- collected volumes ------------------------------------------------------------------------------


def test_volume_chapters_and_navigation_follow_the_order_given() -> None:
    docs = volume_documents()
    data = epub.write_volume(docs, VOLUME, Notes())
    assert spine_files(data) == [
        "EPUB/title.xhtml",
        "EPUB/nav.xhtml",
        "EPUB/release-1.xhtml",
        "EPUB/release-2.xhtml",
        "EPUB/release-3.xhtml",
    ]
    assert nav_tree(data) == [
        (
            "City Opens Riverside Library",
            ["What visitors will find", "Next steps", "About Springfield Public Library"],
        ),
        ("Water Main Repairs on Elm Street", ["Detours"]),
        ("Spring Festival Returns", []),
    ]
    assert article_words(data) == [w for d in docs for w in model_words(d)]
    opf = package(data)
    assert [e.text for e in opf.iterfind("opf:metadata/dc:title", NS)] == ["Press releases, March"]
    assert [e.text for e in opf.iterfind("opf:metadata/dc:language", NS)] == ["en-US", "en", "fr"]
    assert [e.text for e in opf.iterfind("opf:metadata/dc:creator", NS)] == ["Dana Whitfield"]
    # The volume is as new as its newest release.
    assert [e.text for e in opf.iterfind("opf:metadata/dc:date", NS)] == ["2025-03-10"]
    third = ET.fromstring(parts(data)["EPUB/release-3.xhtml"])
    assert third.get("lang") == "fr"

    reordered = epub.write_volume(docs[::-1], VOLUME, Notes())
    assert [entry for entry, _ in nav_tree(reordered)] == [d.headline for d in docs[::-1]]
    identifiers = [
        package(book).findtext("opf:metadata/dc:identifier", None, NS) for book in (data, reordered)
    ]
    assert identifiers[0] != identifiers[1]


def test_volume_without_a_title_is_named_after_its_first_release() -> None:
    notes = Notes()
    data = epub.write_volume(volume_documents(), OPTIONS, notes)
    assert [e.text for e in package(data).iterfind("opf:metadata/dc:title", NS)] == [
        "City Opens Riverside Library"
    ]
    assert [w.code for w in notes.items] == ["volume-title"]


def test_volume_through_the_api(tmp_path: Path) -> None:
    from pressconv.api import render

    docs = volume_documents()
    assert render(docs, "epub", VOLUME, Notes()) == epub.write_volume(docs, VOLUME, Notes())


def test_volume_through_the_cli(tmp_path: Path) -> None:
    from pressconv.cli import main

    sources = []
    for n, text in enumerate(
        ["First release\n\nBody one.", "Second release\n\nBody two.", "Third\n\nBody three."]
    ):
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        sources.append(str(path))
    out = tmp_path / "volume.epub"
    assert main(["to-epub", *sources, "-o", str(out), "--volume-title", "Press releases, October"]) == 0
    data = out.read_bytes()
    assert [entry for entry, _ in nav_tree(data)] == ["First release", "Second release", "Third"]
    assert [e.text for e in package(data).iterfind("opf:metadata/dc:title", NS)] == [
        "Press releases, October"
    ]


# --- cover ------------------------------------------------------------------------------------------


def test_cover_image_is_packaged(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(png_bytes())
    data = epub.write(release_document(), replace(OPTIONS, epub_cover=cover), Notes())
    files = parts(data)
    assert files["EPUB/cover.png"] == png_bytes()
    opf = package(data)
    item = opf.find("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert item is not None and item.get("media-type") == "image/png"
    assert spine_files(data)[0] == "EPUB/cover.xhtml"


def test_cover_jpeg(tmp_path: Path) -> None:
    data = epub.write(release_document(), replace(OPTIONS, epub_cover=jpeg_cover(tmp_path)), Notes())
    item = package(data).find("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert item is not None and item.get("media-type") == "image/jpeg"
    assert "EPUB/cover.jpg" in parts(data)


def test_without_a_cover_there_is_no_image() -> None:
    names = parts(epub.write(release_document(), OPTIONS, Notes()))
    assert not [n for n in names if n.endswith((".png", ".jpg", ".jpeg", ".gif", ".svg"))]


def test_a_cover_that_is_not_an_image_is_a_writer_error(tmp_path: Path) -> None:
    bogus = tmp_path / "cover.png"
    bogus.write_text("not a picture", encoding="utf-8")
    with pytest.raises(WriterError) as caught:
        epub.write(release_document(), replace(OPTIONS, epub_cover=bogus), Notes())
    assert str(bogus) in str(caught.value)
    with pytest.raises(WriterError) as missing:
        epub.write(release_document(), replace(OPTIONS, epub_cover=tmp_path / "nope.jpg"), Notes())
    assert "nope.jpg" in str(missing.value)


# --- opened as a reading system would ---------------------------------------------------------------


def test_ebooklib_reads_title_language_and_navigation(tmp_path: Path) -> None:
    from ebooklib import epub as ebooklib_epub

    path = tmp_path / "volume.epub"
    path.write_bytes(epub.write_volume(volume_documents(), VOLUME, Notes()))
    book = ebooklib_epub.read_epub(str(path), {"ignore_ncx": True})
    assert book.get_metadata("DC", "title")[0][0] == "Press releases, March"
    assert book.get_metadata("DC", "language")[0][0] == "en-US"
    # ebooklib gives an entry with sub-entries as (Section, [Link, …]) and a leaf as a Link.
    titles = [entry[0].title if isinstance(entry, tuple) else entry.title for entry in book.toc]
    assert titles == [d.headline for d in volume_documents()]
    assert [link.title for link in book.toc[1][1]] == ["Detours"]
    with_ncx = ebooklib_epub.read_epub(str(path), {"ignore_ncx": False})
    assert len(with_ncx.toc) == 3


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    rest = iter(haystack)
    return all(word in rest for word in needle)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed (scripts/test-setup)")
@pytest.mark.parametrize("build", ["release", "hostile", "sample", "volume"])
def test_pandoc_reads_every_word_in_order(tmp_path: Path, build: str) -> None:
    # pandoc's EPUB reader is an independent reading system: it follows the spine and parses the XHTML.
    docs = (
        volume_documents()
        if build == "volume"
        else [{"release": release_document, "hostile": hostile_document, "sample": sample_document}[build]()]
    )
    data = (
        epub.write_volume(docs, VOLUME, Notes())
        if build == "volume"
        else epub.write(docs[0], OPTIONS, Notes())
    )
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    done = subprocess.run(
        ["pandoc", "-f", "epub", "-t", "plain", "--wrap=none", str(path)], capture_output=True, check=True
    )
    words = done.stdout.decode("utf-8").split()
    assert is_subsequence([w for d in docs for w in model_words(d)], words)


# --- golden parts -----------------------------------------------------------------------------------


def canonical(body: bytes) -> str:
    """Canonical XML (C14N 2.0), indented for review; lxml keeps the parts' own namespace prefixes."""
    from lxml import etree

    root = etree.fromstring(body)
    etree.indent(root)
    return etree.tostring(root, method="c14n2").decode("utf-8") + "\n"


def golden_books() -> dict[str, bytes]:
    return {
        "release": epub.write(release_document(), OPTIONS, Notes()),
        "hostile": epub.write(hostile_document(), OPTIONS, Notes()),
        "volume": epub.write_volume(volume_documents(), VOLUME, Notes()),
    }


@pytest.mark.parametrize("name", ["release", "hostile", "volume"])
def test_golden_parts(name: str) -> None:
    files = parts(golden_books()[name])
    expected_dir = GOLDEN / name
    actual = {"entries.txt": "".join(f"{n}\n" for n in files)}
    actual |= {n: canonical(b) for n, b in files.items() if n.endswith((".xml", ".opf", ".ncx", ".xhtml"))}
    if os.environ.get("PRESSCONV_REGEN"):
        for old in expected_dir.rglob("*"):
            if old.is_file():
                old.unlink()
        for n, text in actual.items():
            target = expected_dir / n
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    stored = {
        str(p.relative_to(expected_dir)): p.read_text(encoding="utf-8")
        for p in expected_dir.rglob("*")
        if p.is_file()
    }
    assert sorted(stored) == sorted(actual), "run with PRESSCONV_REGEN=1 to regenerate"
    for n, text in actual.items():
        assert text == stored[n], f"{name}/{n} differs from the golden file (PRESSCONV_REGEN=1 regenerates)"


# --- any document -----------------------------------------------------------------------------------

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
MAYBE = st.none() | TEXT
BLOCK = st.one_of(
    st.builds(Paragraph, TEXT),
    st.builds(Quote, TEXT, speaker=MAYBE, attribution=MAYBE),
    st.builds(ListBlock, st.booleans(), st.lists(TEXT, max_size=3).map(tuple)),
)
SECTION = st.builds(
    Section, MAYBE, st.lists(BLOCK, max_size=3).map(tuple), st.sampled_from(["body", "boilerplate"])
)
METADATA = st.builds(
    Metadata,
    title=MAYBE,
    byline=MAYBE,
    date=st.sampled_from([None, "2024-10-28", "2024-10-28T10:00:00+02:00", "not a date"]),
    language=st.sampled_from(["en", "ar", "fr-CA", "", "pt_BR", "zh-Hant-TW", "english (UK)"]),
    keywords=st.lists(TEXT, max_size=2).map(tuple),
    release=MAYBE,
    contacts=st.lists(TEXT, max_size=2).map(tuple),
    end_mark=MAYBE,
    publisher=MAYBE,
)
DOCUMENT = st.builds(
    Document, TEXT, subtitle=MAYBE, metadata=METADATA, sections=st.lists(SECTION, max_size=3).map(tuple)
)


def test_any_document_makes_a_sound_book() -> None:
    """Total on any Document: well-formed parts, every word back, same bytes twice; a few go to EPUBCheck."""
    made: list[bytes] = []

    @settings(derandomize=True, max_examples=100, deadline=None, database=None)
    @given(DOCUMENT, st.lists(DOCUMENT, min_size=2, max_size=3))
    def check(doc: Document, volume: list[Document]) -> None:
        data = epub.write(doc, OPTIONS, Notes())
        assert data == epub.write(doc, OPTIONS, Notes())
        for name, body in parts(data).items():
            if name.endswith((".xhtml", ".opf", ".ncx", ".xml")):
                ET.fromstring(body)
        assert article_words(data) == model_words(doc)
        book = epub.write_volume(volume, VOLUME, Notes())
        assert article_words(book) == [w for d in volume for w in model_words(d)]
        assert len(nav_tree(book)) == len(volume)
        made.extend((data, book))

    check()
    # EPUBCheck costs a JVM start per book: check the largest few, where most can go wrong.
    chosen = sorted(made, key=len)[-4:]
    found = problems_of({f"any-{n}": data for n, data in enumerate(chosen)})
    assert found == {f"any-{n}": [] for n in range(len(chosen))}


def test_nav_keeps_the_release_title_apart_from_its_first_heading() -> None:
    """A reader that flattens the nav to text (calibre's TXT output does) sees two separate entries."""
    document = release_document()
    assert document.sections[1].heading
    book = zipfile.ZipFile(io.BytesIO(epub.write(document, OPTIONS, Notes())))
    nav = ET.fromstring(book.read("EPUB/nav.xhtml"))
    toc = next(el for el in nav.iter() if el.get(f"{{{NS['epub']}}}type") == "toc")
    flat = "".join(toc.itertext())
    first_heading = next(s.heading for s in document.sections if s.heading)
    assert first_heading is not None
    assert f"{document.headline}{first_heading}" not in flat
    # ebooklib writes the nav indented: a line break (and the indentation) between the two.
    assert re.search(re.escape(document.headline) + r"\s*\n\s*" + re.escape(first_heading), flat)
