"""Footnotes and endnotes as Word's own: the footnotes and endnotes parts, numbered by Word.

A ``noteref`` mark in the text becomes a w:footnoteReference (or
w:endnoteReference) run, and the note a w:footnote in ``word/footnotes.xml``
that opens with its w:footnoteRef mark, so Word numbers, places and links both
ends.  The parts keep a reference document's separators (or get Word's own:
ids -1 and 0), and the notes follow with ids from there.  Endnotes are numbered
1, 2, 3 like footnotes (Word's default is i, ii, iii).  A note no text refers
to, and every note to editors, is shown after the boilerplate instead (``Body``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree  # type: ignore[import-untyped]

from pressconv.model import Marks, Note
from pressconv.writers.docx.ooxml import XML_SPACE, R, W, w, xml
from pressconv.writers.docx.relations import RT_ENDNOTES, RT_FOOTNOTES
from pressconv.writers.docx.styles import TextKind

Kind = Literal["footnote", "endnote"]
KINDS: tuple[Kind, Kind] = ("footnote", "endnote")
RELATIONSHIP: dict[Kind, str] = {"footnote": RT_FOOTNOTES, "endnote": RT_ENDNOTES}
CONTENT_TYPE: dict[Kind, str] = {
    kind: f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml" for kind in KINDS
}

#: Writes ``text`` with its ``marks`` into a new paragraph of style ``style_id`` under ``parent``,
#: starting with the given run elements.
Writer = Callable[[etree._Element, str, str, Marks, list[etree._Element]], etree._Element]


@dataclass(slots=True)
class NotePlan:
    """Which notes are Word notes, their w:id, and which the text referred to."""

    notes: dict[str, Note] = field(default_factory=dict)
    """Footnotes and endnotes by id (notes to editors are never Word notes)."""
    numbers: dict[str, int] = field(default_factory=dict)
    """A referenced note's w:id, given in the order the text refers to them."""
    custom: dict[str, str] = field(default_factory=dict)
    """A referenced note's own mark, when its label is not the number Word would give it ("*", "a")."""
    next_id: dict[Kind, int] = field(default_factory=lambda: {"footnote": 1, "endnote": 1})
    counted: dict[Kind, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    """Notes of each kind Word numbers itself so far (a note with its own mark does not count)."""

    @classmethod
    def of(cls, notes: tuple[Note, ...], first_ids: dict[Kind, int]) -> NotePlan:
        plan = cls(next_id=dict(first_ids))
        for note in notes:
            if note.kind in KINDS and note.id not in plan.notes:
                plan.notes[note.id] = note
        return plan

    def lookup(self, note_id: str) -> tuple[str, int, str | None] | None:
        """The (kind, w:id, own mark or None) a reference to ``note_id`` uses; None when it is no Word note.

        Word numbers notes 1, 2, 3 in the order the text refers to them; a note whose label is not
        that number keeps its label as its own mark (w:customMarkFollows), so "*" stays "*".
        """
        note = self.notes.get(note_id)
        if note is None:
            return None
        kind = self._kind(note)
        number = self.numbers.get(note_id)
        if number is None:
            number = self.numbers[note_id] = self.next_id[kind]
            self.next_id[kind] += 1
            if note.label.strip() == str(self.counted[kind] + 1) or not note.label.strip():
                self.counted[kind] += 1
            else:
                self.custom[note_id] = note.label.strip()
        return kind, number, self.custom.get(note_id)

    def referenced(self, kind: Kind) -> list[tuple[int, Note, str | None]]:
        """The notes of ``kind`` the text referred to, by w:id, each with its own mark or None."""
        found = [
            (n, self.notes[i], self.custom.get(i))
            for i, n in self.numbers.items()
            if self._kind(self.notes[i]) == kind
        ]
        return sorted(found, key=lambda entry: entry[0])

    def unreferenced(self) -> list[Note]:
        """Word notes no text referred to, in document order: shown after the boilerplate."""
        return [note for note_id, note in self.notes.items() if note_id not in self.numbers]

    @staticmethod
    def _kind(note: Note) -> Kind:
        return "endnote" if note.kind == "endnote" else "footnote"


def first_ids(existing: dict[Kind, bytes | None]) -> dict[Kind, int]:
    """The first free w:id in each notes part (after the separators a reference document has)."""
    result: dict[Kind, int] = {}
    for kind in KINDS:
        data = existing.get(kind)
        ids = [0]
        if data:
            # Only the separators stay (a reference document's own notes are dropped): ids after theirs.
            notes = etree.fromstring(data).findall(w(kind))
            ids += [int(n.get(w("id"), "0")) for n in notes if n.get(w("type")) not in (None, "normal")]
        result[kind] = max(ids) + 1
    return result


def part(
    kind: Kind,
    notes: list[tuple[int, Note, str | None]],
    existing: bytes | None,
    ids: dict[TextKind, str],
    write: Writer,
) -> bytes:
    """The footnotes (or endnotes) part: the separators, then each note with its reference mark."""
    if existing:
        root = etree.fromstring(existing)
        for note in list(root):
            if note.get(w("type")) in (None, "normal"):
                root.remove(note)  # a reference document's own notes are its text, not ours
    else:
        root = etree.Element(w(f"{kind}s"), nsmap={"w": W, "r": R})
        for number, separator in ((-1, "separator"), (0, "continuationSeparator")):
            element = etree.SubElement(root, w(kind), {w("type"): separator, w("id"): str(number)})
            p = etree.SubElement(element, w("p"))
            spacing = {w("after"): "0", w("line"): "240", w("lineRule"): "auto"}
            etree.SubElement(etree.SubElement(p, w("pPr")), w("spacing"), spacing)
            etree.SubElement(etree.SubElement(p, w("r")), w(separator))
    for number, note, own_mark in notes:
        element = etree.SubElement(root, w(kind), {w("id"): str(number)})
        mark = etree.Element(w("r"))
        reference: TextKind = "endnote_reference" if kind == "endnote" else "footnote_reference"
        etree.SubElement(etree.SubElement(mark, w("rPr")), w("rStyle"), {w("val"): ids[reference]})
        if own_mark is None:
            etree.SubElement(mark, w(f"{kind}Ref"))
        else:
            etree.SubElement(mark, w("t"), {XML_SPACE: "preserve"}).text = own_mark
        space = etree.Element(w("r"))
        etree.SubElement(space, w("t"), {XML_SPACE: "preserve"}).text = " "
        text: TextKind = "endnote_text" if kind == "endnote" else "footnote_text"
        write(element, ids[text], note.text, note.marks, [mark, space])
    return xml(root)
