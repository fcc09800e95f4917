"""Two passes over a finished Document that plain text needs: bare addresses become links, and
numbered "Notes to editors" become notes.

Plain text has no markup, so a URL or an e-mail address is only text; the
first pass marks each one (``www.`` addresses link to ``https://``) in
paragraphs, quotes, list items, table cells and notes, leaving any span that
already carries a mark alone (a Markdown link stays the author's).  The
second finds a section headed "Notes to editors" (or "Note for editors",
"Editor's note" …) that holds a numbered list, and moves its items to
``Document.notes`` as notes of kind ``editors`` labelled with their numbers;
the heading as written becomes ``Document.notes_heading``.  A section of
unnumbered paragraphs stays a section: nothing says where one note ends.
"""

from __future__ import annotations

from dataclasses import replace

from pressconv.contacts import link_marks
from pressconv.model import Block, Document, ListBlock, Mark, Marks, Note, Paragraph, Quote

#: Headings of a press release's notes to editors, lower case, compared without a trailing colon.
EDITORS_HEADINGS: frozenset[str] = frozenset(
    {
        "notes to editors",
        "note to editors",
        "notes for editors",
        "note for editors",
        "editor's note",
        "editor’s note",
        "editors' note",
        "editors’ note",
        "editor's notes",
        "editor’s notes",
        "editors' notes",
        "editors’ notes",
        "notes to editor",
        "hinweis für redaktionen",
        "hinweise für redaktionen",
    }
)


def link_addresses(document: Document) -> Document:
    """The document with every bare web and e-mail address in its body and notes marked as a link."""
    changed = False
    sections = []
    for section in document.sections:
        linked: list[Block] | None = None  # a copy of the blocks once one of them gains a link
        for at, block in enumerate(section.blocks):
            if isinstance(block, (Paragraph, Quote)) and _unlinkable(block.text):
                continue  # most paragraphs hold no address: decided without a call
            new = _linked_block(block)
            if new is not block:
                linked = linked if linked is not None else list(section.blocks)
                linked[at] = new
        if linked is not None:
            changed = True
            section = replace(section, blocks=tuple(linked))
        sections.append(section)
    notes = tuple(_linked_note(note) for note in document.notes)
    if any(new is not old for new, old in zip(notes, document.notes, strict=True)):
        changed = True
    if not changed:
        return document
    return replace(document, sections=tuple(sections), notes=notes)


def editors_notes(document: Document) -> Document:
    """The document with a numbered "Notes to editors" section's items moved to ``Document.notes``."""
    if document.notes_heading is not None:
        return document
    for index, section in enumerate(document.sections):
        if section.heading is None or not _is_editors_heading(section.heading):
            continue
        if not section.blocks or not all(isinstance(b, ListBlock) and b.ordered for b in section.blocks):
            continue
        notes: list[Note] = []
        for block in section.blocks:
            assert isinstance(block, ListBlock)
            for i, item in enumerate(block.items):
                marker = block.markers[i] if len(block.markers) == len(block.items) else str(len(notes) + 1)
                label = marker.strip().strip("().").strip() or str(len(notes) + 1)
                notes.append(Note(f"editors-{len(notes) + 1}", label, item, block.marks(i), "editors"))
        sections = document.sections[:index] + document.sections[index + 1 :]
        return replace(
            document,
            sections=sections,
            notes=(*document.notes, *notes),
            notes_heading=section.heading,
            notes_at=index,
        )
    return document


def _is_editors_heading(heading: str) -> bool:
    return heading.strip().rstrip(":").strip().lower() in EDITORS_HEADINGS


def _unlinkable(text: str) -> bool:
    """No e-mail address ("@") and no web address ("www.", "://") can be in the text."""
    return "@" not in text and "www." not in text and "://" not in text


def _with_links(text: str, marks: Marks) -> Marks:
    if _unlinkable(text):
        return marks
    found = [m for m in link_marks(text) if not any(o.start < m.end and m.start < o.end for o in marks)]
    if not found:
        return marks
    return tuple(sorted((*marks, *found), key=_order))


def _order(mark: Mark) -> tuple[int, int]:
    return (mark.start, -mark.end)


def _linked_block(block: Block) -> Block:
    match block:
        case Paragraph() | Quote():
            marks = _with_links(block.text, block.marks)
            return block if marks is block.marks else replace(block, marks=marks)
        case ListBlock():
            item_marks = tuple(_with_links(item, block.marks(i)) for i, item in enumerate(block.items))
            if all(new is block.marks(i) for i, new in enumerate(item_marks)):
                return block
            return replace(block, item_marks=item_marks)
        case _:
            return block  # tables and figures come only from formats that state their links


def _linked_note(note: Note) -> Note:
    marks = _with_links(note.text, note.marks)
    return note if marks is note.marks else replace(note, marks=marks)

