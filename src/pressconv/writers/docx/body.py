"""The document's words as body elements: styles by kind of text, inline marks, quotes, lists,
tables, figures, note references, and the notes that stand after the boilerplate.

Quote speakers are kept out of the text, so the words of the output are
exactly the model's: every Quote-style paragraph is wrapped in a hidden
bookmark ``_Quote_N`` (N counts quotes from 1 in document order), and the
speakers are collected for the ``Quote N speaker`` custom properties.

Section levels 2, 3 and 4 wear Heading 1, 2 and 3.  Nested list items wear
Word's "List Bullet 2"/"List Number 2" and "… 3" styles (deeper items the
level-3 style); a nested numbered list restarts from 1 under each parent item.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from typing import TYPE_CHECKING, assert_never

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
from pressconv.model import Block, Document, Figure, ListBlock, Marks, Note, Paragraph, Quote, Section, Table
from pressconv.text import body_and_boilerplate, clean
from pressconv.writers._labels import labels
from pressconv.writers.docx import figures, inline, tables
from pressconv.writers.docx.notes import NotePlan
from pressconv.writers.docx.ooxml import R, W, w
from pressconv.writers.docx.relations import Relations
from pressconv.writers.docx.styles import TextKind

if TYPE_CHECKING:
    from pressconv.writers.docx.template import Template

_HEADING: dict[int, TextKind] = {2: "heading", 3: "heading_3", 4: "heading_4"}
_BULLETS: tuple[TextKind, ...] = ("list_bullet", "list_bullet_2", "list_bullet_3")
_NUMBERS: tuple[TextKind, ...] = ("list_number", "list_number_2", "list_number_3")


class Cleaner:
    """Strips what XML cannot carry (``pressconv.text.clean``), counting it, so a document gets one warning.

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
    """Turns the document's parts into body elements, counting quotes and ordered lists as it goes."""

    def __init__(
        self,
        template: Template,
        clean: Cleaner,
        relations: Relations | None = None,
        notes: NotePlan | None = None,
        *,
        rtl: bool = False,
        show_speaker: bool = False,
    ) -> None:
        self.template = template
        self.rtl = rtl
        self.show_speaker = show_speaker
        """A visible "— Name" paragraph under each quote with a known speaker (the theme's setting)."""
        self.clean = clean
        self.ids = template.style_ids
        self.relations = relations if relations is not None else Relations()
        self.notes = notes if notes is not None else NotePlan()
        self.media = figures.Media()
        # A detached w:body so SubElement gives every paragraph the right namespace from the start.
        self.root = etree.Element(w("body"), nsmap={"w": W, "r": R})
        self.speakers: list[tuple[int, str]] = []
        self.quotes = 0
        self.ordered_lists = 0
        self.restarts: list[tuple[int, str]] = []
        """(numbering instance id, abstract numbering id) of each list numbered afresh from 1."""
        self.next_num_id = template.next_num_id
        self.outline: list[tuple[int, etree._Element, str]] = []
        """(level, paragraph, words) of each headline (1) and level-2 heading (2): a kit's contents."""

    @property
    def paragraphs(self) -> list[etree._Element]:
        return list(self.root)

    def render(self, document: Document) -> None:
        """Release line above the headline; headline, subtitle, body; boilerplate; the notes to editors
        and any note the text never referred to; contacts, end mark."""
        meta = document.metadata
        if meta.publisher:  # the letterhead, where a reader expects it: above the release line
            self.paragraph("publisher", meta.publisher)
        if meta.release:
            self.paragraph("release", meta.release)
        headline = self.paragraph("headline", document.headline, marks=document.headline_marks)
        self.outline.append((1, headline, document.headline))
        if document.subtitle:
            self.paragraph("subtitle", document.subtitle, marks=document.subtitle_marks)
        if meta.byline:
            self.paragraph("byline", meta.byline)
        body, boilerplate = body_and_boilerplate(document.sections)
        dateline = document.dateline
        for section in body:
            self.section(section, "paragraph", _HEADING.get(section.level, "heading_4"), dateline)
            dateline = None  # only the first paragraph of the body carries it
        for section in boilerplate:
            self.section(section, "boilerplate", "boilerplate_heading", None)
        self.standing_notes(document)  # where the HTML and EPUB writers put their notes too
        # Structured contacts carry link marks (e-mail, web address, tel: phone) over the words as written.
        details = meta.contact_details if len(meta.contact_details) == len(meta.contacts) else ()
        for index, contact in enumerate(meta.contacts):
            marks = details[index].marks if details and details[index].text == contact else ()
            self.recurring("contact", contact, marks)  # a press office's contact block recurs
        if meta.end_mark:
            self.paragraph("end_mark", meta.end_mark)

    def standing_notes(self, document: Document) -> None:
        """Notes to editors under their heading, then notes no reference points to, each with its label."""
        editors = [note for note in document.notes if note.kind == "editors"]
        if editors:
            heading = document.notes_heading or labels(document.metadata.language).notes_to_editors
            self.paragraph("notes_heading", heading)
        for note in editors:
            self.note_paragraph("editors_note", note)
        for note in self.notes.unreferenced():
            self.note_paragraph("endnote_text" if note.kind == "endnote" else "footnote_text", note)

    def note_paragraph(self, kind: TextKind, note: Note) -> None:
        label = f"{note.label}." if note.label.isdigit() else note.label
        p = self.paragraph(kind, "")
        if label:
            inline.render(p, f"{label}\t", (), self.ids, self.relations, self.notes.lookup, self.clean)
        inline.render(p, note.text, note.marks, self.ids, self.relations, self.notes.lookup, self.clean)

    def section(
        self, section: Section, text_kind: TextKind, heading_kind: TextKind, dateline: str | None
    ) -> None:
        # The "About" boilerplate comes back in every release of a press office (a theme's, word for word).
        recurring = text_kind == "boilerplate"
        if section.heading is not None:
            if recurring:
                p = self.recurring(heading_kind, section.heading, section.heading_marks)
            else:
                p = self.paragraph(heading_kind, section.heading, marks=section.heading_marks)
            if heading_kind == "heading" and section.heading.strip():
                self.outline.append((2, p, section.heading))
        for index, block in enumerate(section.blocks):
            if recurring and isinstance(block, Paragraph):
                self.recurring(text_kind, block.text, block.marks)
            else:
                self.block(block, text_kind, dateline if index == 0 else None)

    def block(self, block: Block, text_kind: TextKind, dateline: str | None) -> None:
        match block:
            case Paragraph(text=text, marks=marks):
                self.paragraph(text_kind, text, dateline, marks=marks)
            case Quote(text=text, speaker=speaker, marks=marks):
                self.quotes += 1
                shown = bool(speaker) and self.show_speaker
                # The bookmark ties the paragraph to its "Quote N speaker" custom property.
                self.paragraph("quote", text, dateline, bookmark=self.quotes, marks=marks, before=shown)
                if speaker:
                    self.speakers.append((self.quotes, self.clean(speaker)))
                    if shown:  # the same words the other formats show: "— Name"
                        self.recurring("speaker", f"\u2014 {speaker}")
            case ListBlock():
                self.list_block(block)
            case Table():
                tables.table(self.root, block, self.ids, self.write, rtl=self.rtl)
            case Figure():
                figures.figure(self.root, block, self.ids, self.write, self.relations, self.media)
            case _:
                assert_never(block)

    def list_block(self, block: ListBlock) -> None:
        kinds = _NUMBERS if block.ordered else _BULLETS
        num_id: int | None = None
        if block.ordered:
            self.ordered_lists += 1
            abstract = self.template.list_number_abstract
            if self.ordered_lists > 1 and abstract is not None:
                num_id = self.restart(abstract)
        nested: dict[int, int] = {}  # level -> the numbering instance of the sublist open at that level
        previous = 0
        for index, item in enumerate(block.items):
            level = min(block.level(index), len(kinds) - 1)
            if block.ordered and level > 0 and (level not in nested or previous < level):
                sub_abstract = self.template.list_abstracts.get(kinds[level])
                if sub_abstract is not None:  # each sublist counts from 1 under its parent item
                    nested[level] = self.restart(sub_abstract)
            p = self.paragraph(kinds[level], item, marks=block.marks(index))
            number = num_id if level == 0 else nested.get(level)
            if number is not None:
                _set_num(p, number)
            previous = level

    def restart(self, abstract: str) -> int:
        num_id = self.next_num_id
        self.next_num_id += 1
        self.restarts.append((num_id, abstract))
        return num_id

    def paragraph(
        self,
        kind: TextKind,
        text: str,
        dateline: str | None = None,
        *,
        bookmark: int | None = None,
        marks: Marks = (),
        before: bool = False,
    ) -> etree._Element:
        """A paragraph of ``kind``; ``before``: it stands just above a speaker line, kept with it and with
        no space after (the quote's rule runs on unbroken into the line's, ``_before_speaker``)."""
        p = _new_paragraph(self.root, self.ids[kind], before_speaker=before)
        if bookmark is not None:
            etree.SubElement(p, w("bookmarkStart"), {w("id"): str(bookmark), w("name"): f"_Quote_{bookmark}"})
        head = None
        if dateline and dateline.strip() and text.startswith(dateline):
            head = (len(dateline), self.ids["dateline"])
        inline.render(p, text, marks, self.ids, self.relations, self.notes.lookup, self.clean, head=head)
        if bookmark is not None:
            etree.SubElement(p, w("bookmarkEnd"), {w("id"): str(bookmark)})
        return p

    def recurring(self, kind: TextKind, text: str, marks: Marks = ()) -> etree._Element:
        """A paragraph of ``text`` of a kind that recurs from release to release (a quote's speaker line,
        the boilerplate, a media contact): built once per process, then copied.

        The copy is the element ``paragraph`` builds, byte for byte: its links take their ids from
        this document's relationships, asked for in the same order.  Text with characters XML cannot
        carry (the cleaner counts them) and marks other than links and styles (a note reference) are
        built afresh.
        """
        style_id = self.ids[kind]
        key = (style_id, text, marks)
        found = _PROTOTYPES.get(key)
        if found is None or found[0] is not self.ids:
            if any(mark.kind not in _COPIED_MARKS for mark in marks) or self.clean(text, count=False) != text:
                return self.paragraph(kind, text, marks=marks)
            if len(_PROTOTYPES) >= PROTOTYPES:
                _PROTOTYPES.clear()
                _SCRATCH.clear()
            proto = _new_paragraph(_SCRATCH, style_id)
            links = Relations()
            inline.render(proto, text, marks, self.ids, links, self.notes.lookup, self.clean)
            by_id = {rel_id: target for rel_id, _, target, _ in links.added}
            targets = tuple(by_id[h.get(_RID, "")] for h in proto.iter(_HYPERLINK))
            found = _PROTOTYPES[key] = (self.ids, proto, targets)
        p = copy(found[1])  # lxml copies the whole subtree (see _new_paragraph)
        if found[2]:
            for hyperlink, target in zip(p.iter(_HYPERLINK), found[2], strict=True):
                hyperlink.set(_RID, self.relations.link(target))
        self.root.append(p)
        return p

    def write(
        self,
        parent: etree._Element,
        style_id: str,
        text: str,
        marks: Marks,
        first: Sequence[etree._Element] = (),
        relations: Relations | None = None,
    ) -> etree._Element:
        """A paragraph of ``style_id`` under ``parent`` (a table cell, a note), ``first`` runs leading."""
        p = _new_paragraph(parent, style_id)
        p.extend(first)
        links = relations if relations is not None else self.relations
        inline.render(p, text, marks, self.ids, links, self.notes.lookup, self.clean)
        return p


#: Recurring paragraphs (``Body.recurring``) kept per process, at most this many.
PROTOTYPES = 256

# Built under a detached w:body with the body's namespaces, so a copy appended to a body declares none.
_SCRATCH = etree.Element(w("body"), nsmap={"w": W, "r": R})
_SCRATCH_PROPERTIES = etree.Element(w("body"), nsmap={"w": W, "r": R})
_PROTOTYPES: dict[tuple[str, str, Marks], tuple[dict[TextKind, str], etree._Element, tuple[str, ...]]] = {}
"""(style id, text, marks) -> (the style ids it was built with, the paragraph, each w:hyperlink's target)."""
_COPIED_MARKS = frozenset({"emphasis", "strong", "code", "link", "break"})
_HYPERLINK = w("hyperlink")
_RID = f"{{{R}}}id"


_P = w("p")
_PROPERTIES: dict[tuple[str, bool], etree._Element] = {}
"""(style id, above a speaker line) -> a paragraph's w:pPr, made once per process and copied."""


def _new_paragraph(parent: etree._Element, style_id: str, *, before_speaker: bool = False) -> etree._Element:
    p = etree.SubElement(parent, _P)
    properties = _PROPERTIES.get((style_id, before_speaker))
    if properties is None:  # a copy costs a third of making the element and its children again
        if len(_PROPERTIES) >= PROTOTYPES:
            _PROPERTIES.clear()
            _SCRATCH_PROPERTIES.clear()
        properties = etree.SubElement(etree.SubElement(_SCRATCH_PROPERTIES, _P), w("pPr"))
        etree.SubElement(properties, w("pStyle"), {w("val"): style_id})
        if before_speaker:
            _before_speaker(properties)
        _PROPERTIES[(style_id, before_speaker)] = properties
    # ``copy`` copies an lxml element with its whole subtree, as ``deepcopy`` does (lxml's __deepcopy__
    # calls __copy__), without deepcopy's memo bookkeeping: ~2 µs a paragraph instead of ~5.
    p.append(copy(properties))
    return p


def _set_num(paragraph: etree._Element, num_id: int) -> None:
    properties = paragraph.find(w("pPr"))
    assert properties is not None
    numbering = etree.SubElement(properties, w("numPr"))
    etree.SubElement(numbering, w("ilvl"), {w("val"): "0"})
    etree.SubElement(numbering, w("numId"), {w("val"): str(num_id)})


def _before_speaker(properties: etree._Element) -> None:
    """A quote above its speaker line: kept with it, and no space between the two.

    Never a speaker line alone at the top of a page.  No space after, so the quote's rule runs on
    unbroken into the line's: Word joins the two paragraphs' borders across the space; LibreOffice
    draws each paragraph's border over its own lines only when it does not join them, which left a
    gap the size of the quote's space after.  The speaker line keeps the space after, so the quote
    ends where it did.  ``properties`` holds only w:pStyle: w:keepNext and w:spacing follow it in the
    schema's order (``ooxml.PPR_ORDER``).
    """
    etree.SubElement(properties, w("keepNext"))
    etree.SubElement(properties, w("spacing"), {w("after"): "0"})
