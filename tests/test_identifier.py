"""The content identifier's payload, written directly from the document, is ``json.dumps`` of ``to_dict``.

``identifier._identifier_payload`` writes the JSON the identifier hashes without building the dict
(the fixed keys of paragraphs, quotes, lists and sections in their sorted order, a text between
quotation marks as it is when nothing in it needs escaping).  These tests hold it to the definition,
the sorted, compact ``json.dumps`` of the identifier's dict, byte for byte: over generated documents
whose texts hold control characters, quotation marks, backslashes and characters outside the Basic
Multilingual Plane, over a document with every element of the model, and over every text the reader
tests read.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressconv import identifier, serialize
from pressconv.api import read
from pressconv.model import (
    Cell,
    Document,
    Figure,
    ListBlock,
    Mark,
    Metadata,
    Note,
    Paragraph,
    Quote,
    Section,
    Table,
)
from rich_document import rich_document

TESTS = Path(__file__).resolve().parent


def _defined_payload(document: Document) -> str:
    """The payload as first written: the identifier's dict, its identifier and path blanked, dumped."""
    data: dict[str, Any] = serialize.to_dict(
        document, quotations=False, notes_in_sections=False, contacts=False
    )
    data["metadata"]["identifier"] = data["metadata"]["source_path"] = None
    data["model_version"] = 1
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# Characters JSON escapes (controls, the quotation mark, the backslash), characters it leaves alone that
# sit next to them (DEL, U+2028, a no-break space), and ones outside the BMP.
_AWKWARD = (
    '\x00\x01\x08\t\n\x0b\x0c\r\x1b\x1f "\\/\x7f\x85\xa0\u2028\u2029\u201c\u201d\ufeff\U0001f600\U00010348'
)
text = st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(codec="utf-8"), max_size=30)
optional = st.none() | text


@st.composite
def _marks(draw: st.DrawFn, body: str) -> tuple[Mark, ...]:
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=4)))
    kinds = st.sampled_from(["emphasis", "strong", "link", "code", "break", "noteref"])
    return tuple(Mark(a, b, draw(kinds), draw(optional)) for a, b in zip(cuts[::2], cuts[1::2], strict=False))


@st.composite
def _paragraph(draw: st.DrawFn) -> Paragraph:
    body = draw(text)
    return Paragraph(body, marks=draw(_marks(body)), speaker=draw(optional))


@st.composite
def _quote(draw: st.DrawFn) -> Quote:
    body = draw(text)
    return Quote(body, draw(optional), draw(optional), draw(optional), marks=draw(_marks(body)))


@st.composite
def _list(draw: st.DrawFn) -> ListBlock:
    items = tuple(draw(st.lists(text, min_size=1, max_size=4)))
    markers = tuple(draw(st.lists(text, max_size=len(items))))
    levels = tuple(draw(st.lists(st.integers(0, 2), min_size=len(items), max_size=len(items))))
    marks = tuple(draw(_marks(item)) for item in items)
    flat = draw(st.booleans())
    return ListBlock(draw(st.booleans()), items, markers, () if flat else levels, () if flat else marks)


_tables = st.builds(
    Table,
    st.lists(st.lists(st.builds(Cell, text), max_size=2).map(tuple), max_size=2).map(tuple),
    caption=optional,
)
_figures = st.builds(Figure, alt=text, src=optional, data=st.none() | st.binary(max_size=8), caption=optional)
blocks = st.one_of(_paragraph(), _quote(), _list(), _tables, _figures)


@st.composite
def _section(draw: st.DrawFn) -> Section:
    heading = draw(optional)
    marks = draw(_marks(heading)) if heading is not None else ()
    return Section(
        heading,
        tuple(draw(st.lists(blocks, max_size=4))),
        draw(st.sampled_from(["body", "boilerplate"])),
        draw(st.integers(2, 4)),
        marks,
    )


_metadata = st.builds(
    Metadata,
    title=optional,
    byline=optional,
    date=optional,
    source_path=optional,
    identifier=optional,
    keywords=st.lists(text, max_size=2).map(tuple),
    release=optional,
    embargo=optional,
    contacts=st.lists(text, max_size=2).map(tuple),
    end_mark=optional,
    publisher=optional,
)


@st.composite
def _document(draw: st.DrawFn) -> Document:
    headline, subtitle = draw(text), draw(optional)
    return Document(
        headline=headline,
        headline_derived=draw(st.booleans()),
        subtitle=subtitle,
        dateline=draw(optional),
        metadata=draw(_metadata),
        sections=tuple(draw(st.lists(_section(), max_size=3))),
        headline_marks=draw(_marks(headline)),
        subtitle_marks=draw(_marks(subtitle)) if subtitle is not None else (),
        notes=tuple(
            draw(
                st.lists(
                    st.builds(Note, text, text, text, kind=st.sampled_from(["footnote", "editors"])),
                    max_size=2,
                )
            )
        ),
        notes_heading=draw(optional),
        notes_at=draw(st.none() | st.integers(0, 1)),
    )


@settings(derandomize=True, max_examples=400, deadline=None)  # no timings in tests
@given(_document())
def test_payload_is_json_dumps_of_the_dict(document: Document) -> None:
    assert identifier._identifier_payload(document) == _defined_payload(document)


@pytest.mark.parametrize("awkward", list(_AWKWARD))
def test_each_awkward_character_in_each_place(awkward: str) -> None:
    word = f"a{awkward}b"
    document = Document(
        headline=word,
        subtitle=word,
        metadata=Metadata(byline=word, contacts=(word,)),
        sections=(
            Section(
                word,
                (
                    Paragraph(word, marks=(Mark(1, 2, "link", word),)),
                    Quote(word, word, word, word),
                    ListBlock(True, (word, word), (word, word)),
                ),
            ),
        ),
    )
    payload = identifier._identifier_payload(document)
    assert payload == _defined_payload(document)
    assert json.loads(payload)["sections"][0]["blocks"][0]["text"] == word


def test_every_element_of_the_model() -> None:
    document = rich_document()
    assert any(isinstance(b, Table) for b in document.blocks())  # the rarer blocks are there
    assert identifier._identifier_payload(document) == _defined_payload(document)
    digest = hashlib.sha256(_defined_payload(document).encode("utf-8")).hexdigest()
    assert identifier.content_identifier(document) == digest


def _texts() -> list[Path]:
    found = [
        *TESTS.glob("corpus*/**/*.txt"),
        *TESTS.glob("corpus*/**/*.md"),
        *TESTS.glob("fixtures/**/*.txt"),
    ]
    return sorted(found)


def test_every_corpus_and_fixture_text() -> None:
    texts = _texts()
    assert len(texts) > 500  # the corpora are there
    for path in texts:
        document = read(path)
        assert identifier._identifier_payload(document) == _defined_payload(document), path
        digest = hashlib.sha256(_defined_payload(document).encode("utf-8")).hexdigest()
        assert document.metadata.identifier == digest, path
