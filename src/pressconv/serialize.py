"""Document <-> JSON-ready dicts, the model version checked on load (the identifier: ``identifier``).

The JSON shape is SPEC §2's: every block carries ``type``, ``text`` and
``speaker`` so consumers need not know each node type.  Paragraphs and quotes
add ``quotations`` (model version 2): each direct quotation's offsets in
``text``, its words, its speaker and whether it continues the one before.

Model version 3 adds keys, each written only when it carries something, so
a document without the new content has the version-2 shape: ``marks`` (on
paragraphs, quotes, cells, notes; ``item_marks`` and ``levels`` on lists;
``heading_marks``/``level`` on sections; ``headline_marks``/``subtitle_marks``
and ``notes``/``notes_heading`` on the document; ``contact_details`` in the
metadata), and two block types: ``table`` (``caption``, ``header``, ``rows``
of cell objects) and ``figure`` (``alt``, ``src``, ``media_type``, ``data`` as
base64, ``caption``, ``credit``).  Each mark lists ``start``, ``end``,
``kind``, ``target`` and, for a reader's convenience, the marked ``text``.
Versions 1 and 2 still load.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, assert_never

from pressconv.errors import PressconvError
from pressconv.model import (
    MODEL_VERSION,
    Block,
    Cell,
    Contact,
    Document,
    Figure,
    ListBlock,
    Mark,
    Marks,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    Quote,
    Row,
    Section,
    Table,
    block_text,
)

#: The model versions ``from_dict`` reads: version 1 had no quotation spans, version 2 no marks,
#: tables, figures, notes, heading levels, nested lists or structured contacts.
READABLE_VERSIONS = frozenset({1, 2, MODEL_VERSION})

_MARK_KINDS = frozenset({"emphasis", "strong", "link", "code", "break", "noteref"})
_NOTE_KINDS = frozenset({"footnote", "endnote", "editors"})


def _marks_to_list(text: str, marks: Marks) -> list[dict[str, Any]]:
    return [
        {"start": m.start, "end": m.end, "kind": m.kind, "target": m.target, "text": text[m.start : m.end]}
        for m in marks
    ]


def _marks_from_list(data: Any) -> Marks:
    marks = []
    for m in data or ():
        kind = m["kind"]
        if kind not in _MARK_KINDS:
            raise ValueError(f"mark kind {kind!r}")
        marks.append(Mark(int(m["start"]), int(m["end"]), kind, m.get("target")))
    return tuple(marks)


def _put_marks(data: dict[str, Any], key: str, text: str | None, marks: Marks) -> None:
    if marks:
        data[key] = _marks_to_list(text or "", marks)


def _cell_to_dict(cell: Cell) -> dict[str, Any]:
    data: dict[str, Any] = {"text": cell.text}
    _put_marks(data, "marks", cell.text, cell.marks)
    if cell.colspan != 1:
        data["colspan"] = cell.colspan
    if cell.rowspan != 1:
        data["rowspan"] = cell.rowspan
    return data


def _cell_from_dict(data: dict[str, Any]) -> Cell:
    return Cell(
        data["text"],
        _marks_from_list(data.get("marks")),
        int(data.get("colspan", 1)),
        int(data.get("rowspan", 1)),
    )


def _rows_from_list(data: Any) -> tuple[Row, ...]:
    return tuple(tuple(_cell_from_dict(cell) for cell in row) for row in data or ())


def _note_to_dict(note: Note) -> dict[str, Any]:
    data: dict[str, Any] = {"id": note.id, "label": note.label, "kind": note.kind, "text": note.text}
    _put_marks(data, "marks", note.text, note.marks)
    return data


def _note_from_dict(data: dict[str, Any]) -> Note:
    kind = data.get("kind", "footnote")
    if kind not in _NOTE_KINDS:
        raise ValueError(f"note kind {kind!r}")
    return Note(str(data["id"]), str(data["label"]), data["text"], _marks_from_list(data.get("marks")), kind)


def _contact_to_dict(contact: Contact) -> dict[str, Any]:
    data: dict[str, Any] = {
        "text": contact.text,
        "name": contact.name,
        "role": contact.role,
        "organisation": contact.organisation,
        "phone": contact.phone,
        "email": contact.email,
        "url": contact.url,
    }
    _put_marks(data, "marks", contact.text, contact.marks)
    return data


def _contact_from_dict(data: dict[str, Any]) -> Contact:
    return Contact(
        text=data["text"],
        name=data.get("name"),
        role=data.get("role"),
        organisation=data.get("organisation"),
        phone=data.get("phone"),
        email=data.get("email"),
        url=data.get("url"),
        marks=_marks_from_list(data.get("marks")),
    )


def _quotations_to_list(text: str, quotations: tuple[Quotation, ...]) -> list[dict[str, Any]]:
    if not quotations:
        return []
    return [
        {
            "start": q.start,
            "end": q.end,
            "text": text[q.start : q.end],
            "speaker": q.speaker,
            "joined": q.joined,
        }
        for q in quotations
    ]


def _quotations_from_list(data: Any) -> tuple[Quotation, ...]:
    return tuple(
        Quotation(int(q["start"]), int(q["end"]), q.get("speaker"), bool(q.get("joined", False)))
        for q in data or ()
    )


def block_to_dict(block: Block, quotations: bool = True) -> dict[str, Any]:
    """One block as a JSON-ready dict (without its quotation spans when ``quotations`` is false)."""
    match block:
        case Paragraph():
            # The speaker of first-person statement text is inferred, like quotation spans: it stays
            # out of the content identifier's payload (``quotations`` false), so identifiers follow words.
            data: dict[str, Any] = {
                "type": "paragraph",
                "text": block.text,
                "speaker": block.speaker if quotations else None,
            }
            if quotations:
                data["quotations"] = _quotations_to_list(block.text, block.quotations)
            _put_marks(data, "marks", block.text, block.marks)
            return data
        case Quote():
            data = {
                "type": "quote",
                "text": block.text,
                "speaker": block.speaker,
                "attribution": block.attribution,
                "speaker_title": block.speaker_title,
            }
            if quotations:
                data["quotations"] = _quotations_to_list(block.text, block.quotations)
            _put_marks(data, "marks", block.text, block.marks)
            return data
        case ListBlock():
            data = {
                "type": "list",
                "ordered": block.ordered,
                "items": list(block.items),
                "markers": list(block.markers),
                "text": block_text(block),
                "speaker": None,
            }
            if any(block.levels):
                data["levels"] = list(block.levels)
            if any(block.item_marks):
                data["item_marks"] = [
                    _marks_to_list(item, block.marks(i)) for i, item in enumerate(block.items)
                ]
            return data
        case Table():
            data = {"type": "table", "text": block_text(block), "speaker": None, "caption": block.caption}
            _put_marks(data, "caption_marks", block.caption, block.caption_marks)
            data["header"] = [[_cell_to_dict(cell) for cell in row] for row in block.header]
            data["rows"] = [[_cell_to_dict(cell) for cell in row] for row in block.rows]
            return data
        case Figure():
            data = {
                "type": "figure",
                "text": block_text(block),
                "speaker": None,
                "alt": block.alt,
                "src": block.src,
                "media_type": block.media_type,
                "data": None if block.data is None else base64.b64encode(block.data).decode("ascii"),
                "caption": block.caption,
                "credit": block.credit,
            }
            _put_marks(data, "caption_marks", block.caption, block.caption_marks)
            return data
        case _:
            assert_never(block)


def to_dict(
    document: Document, quotations: bool = True, notes_in_sections: bool = True, contacts: bool = True
) -> dict[str, Any]:
    """The document as a JSON-ready dict (SPEC §2 shape plus ``model_version``).

    ``quotations=False`` leaves the quotation spans out (the content identifier,
    which they add nothing to: they follow from the words and the speakers).

    Notes live in ``notes`` (model version 3), and their words are in ``sections`` too, as SPEC §2
    asks of richer content ("every block keeps its plain text here"): a consumer that reads only
    ``sections`` still sees every word.  They come last, in sections of role ``notes`` that
    ``from_dict`` leaves out again: the notes to editors under their heading as one numbered list
    where the source had them (``notes_at``), and footnotes and endnotes as one list with no
    heading after the last section.  ``notes_in_sections=False`` leaves
    that copy out (the content identifier, which counts the notes once).  ``contacts=False`` leaves
    out the structured contacts (``contact_details``), which the content identifier does not count.
    """
    meta = document.metadata
    data: dict[str, Any] = {
        "model_version": MODEL_VERSION,
        "headline": document.headline,
        "headline_derived": document.headline_derived,
        "subtitle": document.subtitle,
        "dateline": document.dateline,
        "metadata": {
            "title": meta.title,
            "byline": meta.byline,
            "date": meta.date,
            "language": meta.language,
            "source_path": meta.source_path,
            "identifier": meta.identifier,
            "keywords": list(meta.keywords),
            "release": meta.release,
            "embargo": meta.embargo,
            "contacts": list(meta.contacts),
            "end_mark": meta.end_mark,
            "publisher": meta.publisher,
        },
        "sections": [_section_to_dict(section, quotations) for section in document.sections],
    }
    if meta.contact_details and contacts:
        data["metadata"]["contact_details"] = [_contact_to_dict(c) for c in meta.contact_details]
    _put_marks(data, "headline_marks", document.headline, document.headline_marks)
    _put_marks(data, "subtitle_marks", document.subtitle, document.subtitle_marks)
    if document.notes:
        data["notes"] = [_note_to_dict(note) for note in document.notes]
        if notes_in_sections:
            editors, others = _notes_sections(document)
            at = len(document.sections) if document.notes_at is None else document.notes_at
            data["sections"][at:at] = editors
            data["sections"].extend(others)
    if document.notes_heading is not None:
        data["notes_heading"] = document.notes_heading
    if document.notes_at is not None and notes_in_sections:
        data["notes_at"] = document.notes_at
    return data


#: The role of the sections ``to_dict`` adds to carry the notes' words; ``from_dict`` drops them.
NOTES_ROLE = "notes"


def _notes_sections(document: Document) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The notes' words as sections: the editors' notes under their heading, and the other notes."""
    found: list[list[dict[str, Any]]] = []
    for editors in (True, False):
        texts = [note.text for note in document.notes if (note.kind == "editors") == editors]
        sections = []
        if texts:
            text = "\n".join(texts)
            items = {"type": "list", "ordered": True, "items": texts, "text": text, "speaker": None}
            heading = document.notes_heading if editors else None
            sections.append({"heading": heading, "role": NOTES_ROLE, "blocks": [items]})
        found.append(sections)
    return found[0], found[1]


def _section_to_dict(section: Section, quotations: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "heading": section.heading,
        "role": section.role,
        "blocks": [block_to_dict(block, quotations) for block in section.blocks],
    }
    if section.level != 2:
        data["level"] = section.level
    _put_marks(data, "heading_marks", section.heading, section.heading_marks)
    return data


def dumps(document: Document, indent: int | None = 2) -> str:
    """The document as JSON text."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=indent)


def _block_from_dict(data: dict[str, Any]) -> Block:
    kind = data.get("type")
    if kind == "paragraph":
        return Paragraph(
            text=data["text"],
            quotations=_quotations_from_list(data.get("quotations")),
            marks=_marks_from_list(data.get("marks")),
            speaker=data.get("speaker"),
        )
    if kind == "quote":
        return Quote(
            text=data["text"],
            speaker=data.get("speaker"),
            attribution=data.get("attribution"),
            speaker_title=data.get("speaker_title"),
            quotations=_quotations_from_list(data.get("quotations")),
            marks=_marks_from_list(data.get("marks")),
        )
    if kind == "list":
        return ListBlock(
            ordered=bool(data["ordered"]),
            items=tuple(data["items"]),
            markers=tuple(data.get("markers", ())),
            levels=tuple(int(level) for level in data.get("levels", ())),
            item_marks=tuple(_marks_from_list(marks) for marks in data.get("item_marks", ())),
        )
    if kind == "table":
        return Table(
            rows=_rows_from_list(data.get("rows")),
            header=_rows_from_list(data.get("header")),
            caption=data.get("caption"),
            caption_marks=_marks_from_list(data.get("caption_marks")),
        )
    if kind == "figure":
        raw = data.get("data")
        try:
            image = None if raw is None else base64.b64decode(raw, validate=True)
        except binascii.Error as err:
            raise ValueError(f"figure data: {err}") from None
        return Figure(
            alt=data.get("alt", ""),
            src=data.get("src"),
            data=image,
            media_type=data.get("media_type"),
            caption=data.get("caption"),
            caption_marks=_marks_from_list(data.get("caption_marks")),
            credit=data.get("credit"),
        )
    raise PressconvError(f"unknown block type {kind!r}")


def from_dict(data: dict[str, Any]) -> Document:
    """A document from ``to_dict`` output (this model version or an earlier one); refuses others."""
    version = data.get("model_version")
    if version not in READABLE_VERSIONS:
        raise PressconvError(f"model version {version!r} is not one of {sorted(READABLE_VERSIONS)}")
    try:
        meta = data.get("metadata", {})
        return Document(
            headline=data["headline"],
            headline_derived=bool(data.get("headline_derived", False)),
            subtitle=data.get("subtitle"),
            dateline=data.get("dateline"),
            metadata=Metadata(
                title=meta.get("title"),
                byline=meta.get("byline"),
                date=meta.get("date"),
                language=meta.get("language", "en"),
                source_path=meta.get("source_path"),
                identifier=meta.get("identifier"),
                keywords=tuple(meta.get("keywords", ())),
                release=meta.get("release"),
                embargo=meta.get("embargo"),
                contacts=tuple(meta.get("contacts", ())),
                contact_details=tuple(_contact_from_dict(c) for c in meta.get("contact_details", ())),
                end_mark=meta.get("end_mark"),
                publisher=meta.get("publisher"),
            ),
            sections=tuple(
                Section(
                    heading=section.get("heading"),
                    role="body" if section.get("role") == NOTES_ROLE else section.get("role", "body"),
                    blocks=tuple(_block_from_dict(block) for block in section["blocks"]),
                    level=int(section.get("level", 2)),
                    heading_marks=_marks_from_list(section.get("heading_marks")),
                )
                for section in data["sections"]
                if section.get("role") != NOTES_ROLE or not data.get("notes")
            ),
            headline_marks=_marks_from_list(data.get("headline_marks")),
            subtitle_marks=_marks_from_list(data.get("subtitle_marks")),
            notes=tuple(_note_from_dict(note) for note in data.get("notes", ())),
            notes_heading=data.get("notes_heading"),
            notes_at=data.get("notes_at"),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        raise PressconvError(f"not a pressconv document: missing or bad {err}") from None


def loads(text: str) -> Document:
    """A document from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise PressconvError(f"not JSON: {err}") from None
    if not isinstance(data, dict):
        raise PressconvError("not a pressconv document: top level is not an object")
    return from_dict(data)
