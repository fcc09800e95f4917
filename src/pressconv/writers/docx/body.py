"""The document's words as w:p elements: styles by kind of text, the dateline run, quotes, lists.

Quote speakers are kept out of the text, so the words of the output are
exactly the model's: every Quote-style paragraph is wrapped in a hidden
bookmark ``_Quote_N`` (N counts quotes from 1 in document order), and the
speakers are collected for the ``Quote N speaker`` custom properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
from pressconv.model import Block, Document, Figure, ListBlock, Paragraph, Quote, Section, Table, block_text
from pressconv.text import clean
from pressconv.writers.docx.ooxml import W, w
from pressconv.writers.docx.runs import run
from pressconv.writers.docx.styles import TextKind

if TYPE_CHECKING:
    from pressconv.writers.docx.template import Template


class Cleaner:
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


class Body:
    """Turns the document's parts into w:p elements, counting quotes and ordered lists as it goes."""

    def __init__(self, template: Template, clean: Cleaner) -> None:
        self.template = template
        self.clean = clean
        self.ids = template.style_ids
        # A detached w:body so SubElement gives every paragraph the right namespace from the start.
        self.root = etree.Element(w("body"), nsmap={"w": W})
        self.speakers: list[tuple[int, str]] = []
        self.quotes = 0
        self.ordered_lists = 0
        self.restarts: list[int] = []
        self.next_num_id = template.next_num_id

    @property
    def paragraphs(self) -> list[etree._Element]:
        return list(self.root)

    def render(self, document: Document) -> None:
        """Release line above the headline; headline, subtitle, body; boilerplate; contacts, end mark."""
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

    def section(
        self, section: Section, text_kind: TextKind, heading_kind: TextKind, dateline: str | None
    ) -> None:
        if section.heading is not None:
            self.paragraph(heading_kind, section.heading)
        for index, block in enumerate(section.blocks):
            self.block(block, text_kind, dateline if index == 0 else None)

    def block(self, block: Block, text_kind: TextKind, dateline: str | None) -> None:
        match block:
            case Paragraph(text=text):
                self.paragraph(text_kind, text, dateline)
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
                        self.paragraph(text_kind, line, dateline)
                        dateline = None
            case _:
                assert_never(block)

    def paragraph(
        self, kind: TextKind, text: str, dateline: str | None = None, *, bookmark: int | None = None
    ) -> etree._Element:
        p = etree.SubElement(self.root, w("p"))
        properties = etree.SubElement(p, w("pPr"))
        etree.SubElement(properties, w("pStyle"), {w("val"): self.ids[kind]})
        if bookmark is not None:
            etree.SubElement(p, w("bookmarkStart"), {w("id"): str(bookmark), w("name"): f"_Quote_{bookmark}"})
        text = self.clean(text)
        head = self.clean(dateline, count=False) if dateline else ""  # counted with the paragraph
        if head.strip() and text.startswith(head):
            run(p, head, self.ids["dateline"])
            text = text[len(head) :]
        if text:
            run(p, text, None)
        if bookmark is not None:
            etree.SubElement(p, w("bookmarkEnd"), {w("id"): str(bookmark)})
        return p


def _set_num(paragraph: etree._Element, num_id: int) -> None:
    properties = paragraph.find(w("pPr"))
    assert properties is not None
    numbering = etree.SubElement(properties, w("numPr"))
    etree.SubElement(numbering, w("ilvl"), {w("val"): "0"})
    etree.SubElement(numbering, w("numId"), {w("val"): str(num_id)})
