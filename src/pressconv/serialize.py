"""Document <-> JSON-ready dicts, with the model version checked on load.

The JSON shape is SPEC §2's: every block carries ``type``, ``text`` and
``speaker`` so consumers need not know each node type.  Paragraphs and quotes
add ``quotations`` (model version 2): each direct quotation's offsets in
``text``, its words, its speaker and whether it continues the one before.
Version 1 documents (no quotations) still load.
"""

from __future__ import annotations

import json
from typing import Any, assert_never

from pressconv.errors import PressconvError
from pressconv.model import (
    MODEL_VERSION,
    Block,
    Document,
    ListBlock,
    Metadata,
    Paragraph,
    Quotation,
    Quote,
    Section,
    block_text,
)

#: The model versions ``from_dict`` reads: version 1 had no quotation spans.
READABLE_VERSIONS = frozenset({1, MODEL_VERSION})


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
            data: dict[str, Any] = {"type": "paragraph", "text": block.text, "speaker": None}
            if quotations:
                data["quotations"] = _quotations_to_list(block.text, block.quotations)
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
            return data
        case ListBlock():
            return {
                "type": "list",
                "ordered": block.ordered,
                "items": list(block.items),
                "markers": list(block.markers),
                "text": block_text(block),
                "speaker": None,
            }
        case _:
            assert_never(block)


def to_dict(document: Document, quotations: bool = True) -> dict[str, Any]:
    """The document as a JSON-ready dict (SPEC §2 shape plus ``model_version``).

    ``quotations=False`` leaves the quotation spans out (the content identifier,
    which they add nothing to: they follow from the words and the speakers).
    """
    meta = document.metadata
    return {
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
        "sections": [
            {
                "heading": section.heading,
                "role": section.role,
                "blocks": [block_to_dict(block, quotations) for block in section.blocks],
            }
            for section in document.sections
        ],
    }


def dumps(document: Document, indent: int | None = 2) -> str:
    """The document as JSON text."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=indent)


def _block_from_dict(data: dict[str, Any]) -> Block:
    kind = data.get("type")
    if kind == "paragraph":
        return Paragraph(text=data["text"], quotations=_quotations_from_list(data.get("quotations")))
    if kind == "quote":
        return Quote(
            text=data["text"],
            speaker=data.get("speaker"),
            attribution=data.get("attribution"),
            speaker_title=data.get("speaker_title"),
            quotations=_quotations_from_list(data.get("quotations")),
        )
    if kind == "list":
        return ListBlock(
            ordered=bool(data["ordered"]),
            items=tuple(data["items"]),
            markers=tuple(data.get("markers", ())),
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
                end_mark=meta.get("end_mark"),
                publisher=meta.get("publisher"),
            ),
            sections=tuple(
                Section(
                    heading=section.get("heading"),
                    role=section.get("role", "body"),
                    blocks=tuple(_block_from_dict(block) for block in section["blocks"]),
                )
                for section in data["sections"]
            ),
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
