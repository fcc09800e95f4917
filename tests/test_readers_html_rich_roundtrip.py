"""Our HTML and EPUB writers' rich output read back by the HTML reader: every element comes back."""

from __future__ import annotations

import pytest

from fidelity import epub_spine, writer_available
from pressconv.errors import Notes
from pressconv.model import Document, Figure, Mark, Note, Paragraph, Quote, Section, Table
from pressconv.options import ReadOptions, WriteOptions
from pressconv.readers.html import read
from rich_document import rich_document

_UNSAFE = ("javascript:",)


def marks_of(
    marks: tuple[Mark, ...], notes: dict[str, str], *, outward: bool = False
) -> list[tuple[int, int, str, str | None]]:
    """Marks as a sorted list, note targets by the note's label, unsafe links left out (never written);
    ``outward``: relative links left out too (an EPUB links only out of the book)."""
    kept = []
    for mark in marks:
        target = mark.target or ""
        if mark.kind == "link" and (target.startswith(_UNSAFE) or (outward and ":" not in target)):
            continue
        target = notes.get(mark.target or "", mark.target) if mark.kind == "noteref" else mark.target
        kept.append((mark.start, mark.end, mark.kind, target))
    return sorted(kept)


def essence(document: Document, *, epub: bool = False) -> list[object]:
    """What the reader must bring back: text, marks, levels, tables, figures, notes (ids aside)."""
    labels = {note.id: f"{note.kind}:{note.label}" for note in document.notes}

    def _marks(marks: tuple[Mark, ...], notes: dict[str, str]) -> list[tuple[int, int, str, str | None]]:
        return marks_of(marks, notes, outward=epub)

    out: list[object] = [document.headline, _marks(document.headline_marks, labels)]
    for section in document.sections:
        out.append(("section", section.heading, section.level, _marks(section.heading_marks, labels)))
        for block in section.blocks:
            if isinstance(block, Paragraph | Quote):
                out.append((type(block).__name__, block.text, _marks(block.marks, labels)))
            elif isinstance(block, Table):
                cells = [
                    [(c.text, _marks(c.marks, labels), c.colspan, c.rowspan) for c in row]
                    for row in (*block.header, *block.rows)
                ]
                out.append(("table", block.caption, len(block.header), cells))
            elif isinstance(block, Figure):
                out.append(("figure", block.alt, block.caption, block.credit, None if epub else block.data))
            else:
                marks = [_marks(block.marks(i), labels) for i in range(len(block.items))]
                out.append(
                    ("list", block.ordered, block.items, block.levels or (0,) * len(block.items), marks)
                )
    out.extend((note.kind, note.label, note.text, _marks(note.marks, labels)) for note in document.notes)
    out.append(document.notes_heading or "Notes to editors")
    return out


def _cited(note: Note) -> bool:
    return note.kind != "editors"


def test_the_html_writers_rich_page_reads_back_whole() -> None:
    from pressconv.writers.html import write

    document = rich_document()
    data = write(document, WriteOptions(), Notes())
    back = read(data, ReadOptions(), Notes(), None)
    assert essence(back) == essence(document)


@pytest.mark.skipif(not writer_available("epub"), reason="the EPUB writer needs ebooklib")
def test_the_epub_chapters_rich_page_reads_back_whole() -> None:
    from pressconv.writers.epub import write

    document = rich_document()
    chapters = [
        doc for path, doc in epub_spine(write(document, WriteOptions(), Notes())) if b"<article" in doc
    ]
    assert len(chapters) == 1
    back = read(chapters[0], ReadOptions(), Notes(), None)
    assert essence(back, epub=True) == essence(document, epub=True)
    # the book keeps an embedded image as an item the chapter refers to; an image outside the book
    # is left out of it, its alt text standing in
    sources = [b.src for b in back.blocks() if isinstance(b, Figure)]
    assert [src is not None and src.startswith("images/") for src in sources] == [True, False]


def test_notes_come_back_as_cited_and_editors() -> None:
    from pressconv.writers.html import write

    document = rich_document()
    back = read(write(document, WriteOptions(), Notes()), ReadOptions(), Notes(), None)
    assert [(n.kind, n.label) for n in back.notes] == [(n.kind, n.label) for n in document.notes]
    assert sum(_cited(n) for n in back.notes) == sum(_cited(n) for n in document.notes)
    assert not any(s.heading and "Notes" in s.heading for s in back.sections)  # not read as a section too
    assert isinstance(back.sections[0], Section)
