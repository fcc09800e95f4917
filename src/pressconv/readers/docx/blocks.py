"""Read paragraphs, tables, pictures and notes -> hinted raw blocks (with marks) for the shared news rules.

What the styles do not say is left to the shared inference, so a Normal
paragraph that is mostly quoted speech is still a quote.  When a document has
no Title paragraph but opens with a heading more important than every other
heading, that heading is the headline.  Section headings keep their rank
among the heading levels the document uses under the headline (the most
important is level 2, then 3 and 4), so a skipped Word level leaves no gap.
Consecutive list paragraphs make one list, each item at its numbering level.
Tables and pictures are finished model blocks placed where they stood; a
caption paragraph next to one (after a picture, before or after a table) is
its caption.  Footnotes and endnotes become the document's notes, numbered
in the order the text refers to them, footnotes 1, 2, 3 and endnotes i, ii,
iii as Word numbers them by default; a note whose reference is a typed mark
("*") is labelled with that mark and takes no number.
"""

from __future__ import annotations

from collections.abc import Sequence

from pressconv import model
from pressconv.readers.blocks import Hint, RawBlock, RawMark
from pressconv.readers.docx.body import Figure, Item, Note, Para, Table

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def heading_levels(paragraphs: list[Para], promoted: Para | None) -> dict[int, int]:
    """Word heading level (0 = most important) -> section level 2-4, by rank among those used."""
    used = sorted({p.level for p in paragraphs if p.role == "heading" and p is not promoted})
    return {level: min(2 + rank, 4) for rank, level in enumerate(used)}


def promoted_heading(paragraphs: list[Para]) -> Para | None:
    """The opening heading that is the headline: no Title, and more important than every other heading."""
    if any(p.role == "headline" for p in paragraphs) or not paragraphs or paragraphs[0].role != "heading":
        return None
    first = paragraphs[0]
    headings = [p for p in paragraphs if p.role == "heading"]
    if all(h.level > first.level for h in headings[1:]):
        return first  # Heading 1 over Heading 2 sections: the draft's headline
    return None


def model_notes(notes: Sequence[Note]) -> tuple[tuple[model.Note, ...], dict[str, str]]:
    """The model's notes, and the reader's note references (``footnote:ID``) -> the notes' ids."""
    found: list[model.Note] = []
    ids: dict[str, str] = {}
    counts = {"footnote": 0, "endnote": 0}
    numbered = {"footnote": 0, "endnote": 0}  # a note with a typed mark takes no number
    for note in notes:
        counts[note.kind] += 1
        note_id = f"{'fn' if note.kind == 'footnote' else 'en'}{counts[note.kind]}"
        if note.label:
            label = note.label
        else:
            numbered[note.kind] += 1
            number = numbered[note.kind]
            label = str(number) if note.kind == "footnote" else _roman(number)
        ids[f"{note.kind}:{note.id}"] = note_id
        marks = _model_marks(_marks(note.folded.marks, ids))  # its own references: to notes read before
        found.append(model.Note(note_id, label, note.folded.text, marks, note.kind))
    return tuple(found), ids


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _marks(marks: Sequence[RawMark], note_ids: dict[str, str]) -> tuple[RawMark, ...]:
    """The marks with note references pointing at the notes' ids (dropped when the note is not there).

    A link to a place inside the document (a bookmark, a table-of-contents entry: ``#_Toc12``) is
    dropped, its words kept: the model has no anchors, so no output could hold its target.
    """
    kept: list[RawMark] = []
    for mark in marks:
        if mark.kind == "link" and (mark.target or "").startswith("#"):
            continue
        if mark.kind == "noteref":
            target = note_ids.get(mark.target or "")
            if target is None:
                continue
            mark = mark._replace(target=target)
        kept.append(mark)
    return tuple(kept)


def _model_marks(marks: Sequence[RawMark]) -> model.Marks:
    return tuple(model.Mark(m.start, m.end, m.kind, m.target) for m in marks)


def _captions(items: list[Item]) -> tuple[list[Item], dict[int, Para], dict[int, Para]]:
    """The items without the caption and credit paragraphs that belong to a table or picture, and those.

    A caption stands after a picture, or before or after a table; a credit after a picture or
    after the picture's caption.
    """
    captions: dict[int, Para] = {}  # id(table or figure) -> its caption
    credit_of: dict[int, Para] = {}
    taken: set[int] = set()
    for at, item in enumerate(items):
        if not isinstance(item, Para) or item.role not in ("caption", "credit"):
            continue
        before = items[at - 1] if at else None
        after = items[at + 1] if at + 1 < len(items) else None
        if item.role == "credit":
            if isinstance(before, Para) and id(before) in taken and at > 1:
                before = items[at - 2]  # the picture's caption stands between
            if isinstance(before, Figure) and id(before) not in credit_of:
                credit_of[id(before)] = item
                taken.add(id(item))
            continue
        if isinstance(before, Figure) and id(before) not in captions:
            captions[id(before)] = item
        elif isinstance(after, Table | Figure) and id(after) not in captions:
            captions[id(after)] = item
        elif isinstance(before, Table) and id(before) not in captions:
            captions[id(before)] = item
        else:
            continue
        taken.add(id(item))
    return [item for item in items if id(item) not in taken], captions, credit_of


def _table(table: Table, caption: Para | None, note_ids: dict[str, str]) -> model.Table | None:
    rows = tuple(
        tuple(
            model.Cell(cell.text, _model_marks(_marks(cell.marks, note_ids)), cell.colspan, cell.rowspan)
            for cell in row
        )
        for row in table.rows
    )
    if not any(cell.text for row in rows for cell in row):
        return None
    return model.Table(
        rows[table.header_rows :],
        rows[: table.header_rows],
        caption.text if caption else None,
        _model_marks(_marks(caption.folded.marks, note_ids)) if caption else (),
    )


def _figure(
    figure: Figure, caption: Para | None, credit: Para | None, note_ids: dict[str, str]
) -> model.Figure:
    image = figure.image
    return model.Figure(
        alt=image.alt,
        src=image.src,
        data=image.data,
        media_type=image.media_type,
        caption=caption.text if caption else None,
        caption_marks=_model_marks(_marks(caption.folded.marks, note_ids)) if caption else (),
        credit=credit.text if credit else None,
    )


def to_blocks(items: list[Item], speakers: dict[int, str], note_ids: dict[str, str]) -> list[RawBlock]:
    """The raw blocks of the body, in order."""
    items, captions, credit_of = _captions(items)
    paragraphs = [item for item in items if isinstance(item, Para)]
    promote = promoted_heading(paragraphs)
    levels = heading_levels(paragraphs, promote)
    # Styled section headings mean the other paragraphs are not headings; a Title alone says
    # nothing about them, so they still go through the heading rule.
    structured = any(p.role == "heading" and p is not promote for p in paragraphs)
    plain: Hint | None = "paragraph" if structured else None
    blocks: list[RawBlock] = []
    headline_taken = False
    pending: list[Para] = []

    def flush_list() -> None:
        if pending:
            texts = tuple(p.text for p in pending)
            blocks.append(
                RawBlock(
                    " ".join(texts),
                    hint="list",
                    items=texts,
                    ordered=pending[0].ordered,
                    item_marks=tuple(_marks(p.folded.marks, note_ids) for p in pending),
                    levels=tuple(p.level for p in pending),
                )
            )
            pending.clear()

    for item in items:
        if isinstance(item, Table | Figure):
            flush_list()
            caption = captions.get(id(item))
            found: model.Block | None
            if isinstance(item, Table):
                found = _table(item, caption, note_ids)
            else:
                found = _figure(item, caption, credit_of.get(id(item)), note_ids)
            if found is not None:
                blocks.append(RawBlock("", hint="embedded", block=found))
            continue
        para = item
        if para.role == "item":
            if (
                pending
                and para.level == 0
                and (pending[-1].ordered != para.ordered or pending[0].numbering != para.numbering)
            ):
                flush_list()  # a bullet list after a numbered one, or another numbering: another list
            pending.append(para)
            continue
        flush_list()
        if para.role in ("byline", "publisher"):
            continue  # read into the metadata by read()
        hint: Hint | None
        level: int | None = None
        if para is promote or (para.role == "headline" and not headline_taken):
            hint = "headline"
            headline_taken = True
        elif para.role == "headline":
            hint, level = "heading", 2  # a second Title paragraph: a section title in a collected draft
        elif para.role == "heading":
            hint, level = "heading", levels.get(para.level, 2)
        elif para.role == "subtitle":
            hint = "subtitle"
        elif para.role == "quote":
            hint = "quote"
        else:
            hint = plain
        lines = para.lines if hint in (None, "paragraph", "quote") else ()
        said = speakers.get(para.quote_number) if para.quote_number is not None else None
        marks = _marks(para.folded.marks, note_ids)
        blocks.append(RawBlock(para.text, lines, hint=hint, speaker=said, marks=marks, level=level))
    flush_list()
    return blocks
