"""A press kit's front matter and seams: several releases -> one DOCX with a title, a table of contents
(headed "Contents" in the kit's language, ``_labels``) and each release in a section of its own, from a
new page, under the letterhead.

The contents is a real Word TOC field (``TOC \\h \\z \\t "Title,1,Heading 1,2"``: each release's
headline, its level-2 section headings under it) whose result is already written: one
"toc 1"/"toc 2" paragraph per entry, each a link to a hidden bookmark around its headline or
heading, so the list shows without a refresh (no page numbers until Word updates the field,
which it does on F9 or printing).  The kit's document properties are the volume's: its title,
the newest release's date, an identifier from the releases' own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import replace

from lxml import etree  # type: ignore[import-untyped]

from pressconv.model import Document
from pressconv.writers._labels import labels
from pressconv.writers.docx.house import ordered_child
from pressconv.writers.docx.ooxml import PPR_ORDER, SECTION_ORDER, XML_SPACE, w
from pressconv.writers.docx.styles import STYLES, TextKind


def end_section(last: etree._Element, section_properties: etree._Element, *, apart: bool = False) -> None:
    """End a section of the kit after ``last`` (the front matter's or a release's last body element), so
    the next release starts on a new page of its own section: a copy of the document's final
    ``section_properties`` (page set-up, footer, the letterhead as the first page's header and
    ``w:titlePg``) with ``w:type`` "nextPage".  Word shows a section's first-page header on the first
    page of each section, so every release opens under the letterhead.

    The break goes in ``last`` when it is a paragraph, else (a table cannot hold it) or with ``apart``
    in an empty paragraph after it: the front matter's, since LibreOffice drops the title page's
    footer fields when the break shares a paragraph with the contents' field end.
    """
    if apart or last.tag != w("p"):
        paragraph = etree.Element(w("p"))
        last.addnext(paragraph)
        last = paragraph
    properties = last.find(w("pPr"))
    if properties is None:
        properties = etree.Element(w("pPr"))
        last.insert(0, properties)
    section = deepcopy(section_properties)
    for stale in section.findall(w("type")):
        section.remove(stale)
    ordered_child(section, "type", SECTION_ORDER).set(w("val"), "nextPage")
    properties.replace(ordered_child(properties, "sectPr", PPR_ORDER), section)


def front(
    title: str,
    outline: Sequence[tuple[int, etree._Element, str]],
    ids: dict[TextKind, str],
    clean: Callable[[str], str],
    first_bookmark: int,
    language: str = "en",
) -> list[etree._Element]:
    """The title and the contents (headed in the kit's ``language``), as body paragraphs; bookmarks the
    outline's paragraphs for the links.

    ``first_bookmark`` is the first w:id no other bookmark of the document uses.
    """
    holder = etree.Element(w("body"))
    _paragraph(holder, ids["volume_title"], clean(title))
    _paragraph(holder, ids["contents_heading"], labels(language).contents)
    levels = f"{STYLES['headline'].name},1,{STYLES['heading'].name},2"
    entries: list[etree._Element] = []
    for number, (level, target, words) in enumerate(outline, start=1):
        name = f"_TocRelease{number}"
        _bookmark(target, name, first_bookmark + number - 1)
        p = _paragraph(holder, ids["toc_1" if level == 1 else "toc_2"], None)
        if not entries:
            _field_char(p, "begin")
            code = etree.SubElement(etree.SubElement(p, w("r")), w("instrText"), {XML_SPACE: "preserve"})
            code.text = f' TOC \\h \\z \\t "{levels}" '
            _field_char(p, "separate")
        link = etree.SubElement(p, w("hyperlink"), {w("anchor"): name, w("history"): "1"})
        _run(link, clean(" ".join(words.split())))
        entries.append(p)
    if entries:
        _field_char(entries[-1], "end")
    return list(holder)


def properties_document(title: str, documents: Sequence[Document]) -> Document:
    """A stand-in for the kit in the document properties: its title, the newest date, its own identifier;
    author, language and keywords those of the first release."""
    first = documents[0].metadata
    dates = sorted(d.metadata.date for d in documents if d.metadata.date)
    hashes = [d.metadata.identifier or d.headline for d in documents]
    identifier = "urn:sha256:" + hashlib.sha256("\n".join([title, *hashes]).encode("utf-8")).hexdigest()
    metadata = replace(
        first,
        title=title,
        date=dates[-1] if dates else None,
        identifier=identifier,
        keywords=tuple(dict.fromkeys(k for d in documents for k in d.metadata.keywords)),
    )
    return Document(headline=title, metadata=metadata)


def _bookmark(paragraph: etree._Element, name: str, number: int) -> None:
    start = etree.Element(w("bookmarkStart"), {w("id"): str(number), w("name"): name})
    properties = paragraph.find(w("pPr"))
    if properties is None:
        paragraph.insert(0, start)
    else:
        properties.addnext(start)
    etree.SubElement(paragraph, w("bookmarkEnd"), {w("id"): str(number)})


def _paragraph(parent: etree._Element, style_id: str, text: str | None) -> etree._Element:
    p = etree.SubElement(parent, w("p"))
    etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle"), {w("val"): style_id})
    if text:
        _run(p, text)
    return p


def _run(parent: etree._Element, text: str) -> None:
    etree.SubElement(etree.SubElement(parent, w("r")), w("t"), {XML_SPACE: "preserve"}).text = text


def _field_char(paragraph: etree._Element, kind: str) -> None:
    etree.SubElement(etree.SubElement(paragraph, w("r")), w("fldChar"), {w("fldCharType"): kind})
