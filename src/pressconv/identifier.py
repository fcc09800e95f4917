"""The content identifier: a stable digest of a document's words and structure.

``content_identifier`` hashes the JSON of ``serialize.to_dict`` without quotation spans, the
notes' copy in ``sections`` and the structured contacts, with no identifier and no source path, in
the version-1 shape: the same words keep the identifier they had before the JSON grew.  That JSON
is written here straight from the document (the dict is built only for tables, figures, nested or
marked lists and notes); ``tests/test_identifier.py`` holds it to ``json.dumps`` of ``to_dict``.
``with_identifier`` sets ``metadata.identifier`` from it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from json.encoder import encode_basestring

from pressconv.model import Block, Document, ListBlock, Marks, Paragraph, Quote, Section, block_text
from pressconv.serialize import _note_to_dict, block_to_dict


def content_identifier(document: Document) -> str:
    """A stable hex digest of the document's words and structure.

    It ignores where the file lives and the identifier itself, so the same
    text gives the same identifier on every machine.
    """
    return hashlib.sha256(_identifier_payload(document).encode("utf-8")).hexdigest()


def _identifier_payload(document: Document) -> str:
    """The JSON the identifier hashes, written directly from the document (``tests/test_identifier.py``
    holds it to ``json.dumps`` of ``to_dict`` for every corpus text and for generated documents).

    The payload is ``to_dict`` without quotation spans, the notes' copy in ``sections`` and the
    structured contacts (they follow from the words, the speakers and the contact blocks), with no
    identifier and no source path, and ``model_version`` 1: the version-1 shape, so the same words
    keep the identifier they had before the JSON grew; marks, tables, figures and notes add keys only
    when a document has them.  It is ``json.dumps(..., ensure_ascii=False, sort_keys=True,
    separators=(",", ":"))`` of that dict, written here with the fixed keys of the document, its
    sections, paragraphs, quotes and flat lists in their sorted order (other blocks go through their
    dicts): building the dict, then sorting and encoding every key, cost a third more.
    """
    meta = document.metadata
    metadata = (
        f'{{"byline":{_optional(meta.byline)},"contacts":[{",".join(map(_string, meta.contacts))}],'
        f'"date":{_optional(meta.date)},"embargo":{_optional(meta.embargo)},'
        f'"end_mark":{_optional(meta.end_mark)},"identifier":null,'
        f'"keywords":[{",".join(map(_string, meta.keywords))}],"language":{_string(meta.language)},'
        f'"publisher":{_optional(meta.publisher)},"release":{_optional(meta.release)},'
        f'"source_path":null,"title":{_optional(meta.title)}}}'
    )
    headline, subtitle = document.headline, document.subtitle
    parts = [
        f'{{"dateline":{_optional(document.dateline)},"headline":{_string(headline)},'
        f'"headline_derived":{"true" if document.headline_derived else "false"}'
    ]
    if document.headline_marks:
        parts.append(f'"headline_marks":[{_marks_payload(headline, document.headline_marks)}]')
    parts.append(f'"metadata":{metadata},"model_version":1')
    if document.notes:
        parts.append(f'"notes":{_json([_note_to_dict(note) for note in document.notes])}')
    if document.notes_heading is not None:
        parts.append(f'"notes_heading":{_string(document.notes_heading)}')
    parts.append(f'"sections":[{",".join(map(_section_payload, document.sections))}]')
    parts.append(f'"subtitle":{_optional(subtitle)}')
    if document.subtitle_marks:
        parts.append(f'"subtitle_marks":[{_marks_payload(subtitle or "", document.subtitle_marks)}]')
    return ",".join(parts) + "}"


#: ``json.dumps`` with the payload's settings, the encoder made once (``dumps`` makes one per call).
_json = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False
).encode


def _marks_payload(text: str, marks: Marks) -> str:
    """``_marks_to_list(text, marks)`` in the payload's JSON."""
    return ",".join(
        f'{{"end":{m.end},"kind":{_string(m.kind)},"start":{m.start},"target":{_optional(m.target)},'
        f'"text":{_string(text[m.start : m.end])}}}'
        for m in marks
    )


def _string(text: str) -> str:
    """``text`` as a JSON string: between quotation marks as it is, when nothing in it is escaped."""
    if '"' not in text and "\\" not in text and text.isprintable():  # no control character
        return f'"{text}"'
    return encode_basestring(text)


def _section_payload(section: Section) -> str:
    heading = "null" if section.heading is None else _string(section.heading)
    blocks = ",".join(_block_payload(block) for block in section.blocks)
    marks = section.heading_marks
    marked = f',"heading_marks":[{_marks_payload(section.heading or "", marks)}]' if marks else ""
    level = f',"level":{section.level}' if section.level != 2 else ""
    return f'{{"blocks":[{blocks}],"heading":{heading}{marked}{level},"role":{_string(section.role)}}}'


def _block_payload(block: Block) -> str:
    """A paragraph, quote or list as ``block_to_dict(block, quotations=False)`` in the payload's JSON."""
    match block:
        case Paragraph(text=text, marks=marks):
            marked = f'"marks":[{_marks_payload(text, marks)}],' if marks else ""
            return f'{{{marked}"speaker":null,"text":{_string(text)},"type":"paragraph"}}'
        case Quote(text=text, marks=marks):
            marked = f'"marks":[{_marks_payload(text, marks)}],' if marks else ""
            return (
                f'{{"attribution":{_optional(block.attribution)},{marked}"speaker":{_optional(block.speaker)},'
                f'"speaker_title":{_optional(block.speaker_title)},"text":{_string(text)},"type":"quote"}}'
            )
        case ListBlock(items=items) if not block.levels and not block.item_marks:
            listed = ",".join(_string(item) for item in items)
            markers = ",".join(_string(marker) for marker in block.markers)
            ordered = "true" if block.ordered else "false"
            return (
                f'{{"items":[{listed}],"markers":[{markers}],"ordered":{ordered},"speaker":null,'
                f'"text":{_string(block_text(block))},"type":"list"}}'
            )
        case _:  # a list with levels or marks, a table, a figure: rare, written from their dicts
            return _json(block_to_dict(block, quotations=False))


def _optional(text: str | None) -> str:
    return "null" if text is None else _string(text)


def with_identifier(document: Document) -> Document:
    """The document with ``metadata.identifier`` set from its content."""
    return replace(document, metadata=replace(document.metadata, identifier=content_identifier(document)))
