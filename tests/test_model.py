"""The model: JSON round trip (examples and a Hypothesis property), version check, identifier."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pressconv.model
from pressconv import serialize
from pressconv.errors import PressconvError
from pressconv.identifier import content_identifier, with_identifier
from pressconv.model import (
    MODEL_VERSION,
    Cell,
    Contact,
    Document,
    Figure,
    ListBlock,
    Mark,
    Metadata,
    Note,
    Paragraph,
    Quotation,
    Quote,
    Section,
    Table,
    block_text,
)

text = st.text(min_size=1, max_size=40)
optional = st.none() | text


@st.composite
def _with_quotations(draw: st.DrawFn, kind: type[Paragraph] | type[Quote]) -> Paragraph | Quote:
    """A paragraph or quote whose quotation spans are ordered offsets into its text."""
    body = draw(text)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(body)), max_size=4))))
    spans = tuple(
        Quotation(a, b, draw(optional), draw(st.booleans()))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
    )
    if kind is Paragraph:
        return Paragraph(body, spans)
    return Quote(body, draw(optional), draw(optional), draw(optional), spans)


blocks = st.one_of(
    _with_quotations(Paragraph),
    _with_quotations(Quote),
    st.builds(ListBlock, st.booleans(), st.lists(text, min_size=1, max_size=4).map(tuple)),
)
sections = st.builds(
    Section, optional, st.lists(blocks, max_size=4).map(tuple), st.sampled_from(["body", "boilerplate"])
)
metadata = st.builds(
    Metadata,
    title=optional,
    byline=optional,
    date=optional,
    language=st.sampled_from(["en", "de-DE", "ar"]),
    keywords=st.lists(text, max_size=3).map(tuple),
    release=optional,
    contacts=st.lists(text, max_size=2).map(tuple),
    end_mark=optional,
)
documents = st.builds(
    Document,
    headline=text,
    headline_derived=st.booleans(),
    subtitle=optional,
    dateline=optional,
    metadata=metadata,
    sections=st.lists(sections, max_size=3).map(tuple),
)


@settings(derandomize=True, max_examples=150, deadline=None)  # no timings in tests
@given(documents)
def test_json_round_trip_is_exact(document: Document) -> None:
    assert serialize.loads(serialize.dumps(document)) == document


def test_json_has_the_spec_shape() -> None:
    doc = Document(
        headline="H",
        sections=(Section(None, (Paragraph("p"), Quote("“q,” he said.", "Pat Ryder", "he said"))),),
    )
    data = json.loads(serialize.dumps(doc))
    assert data["model_version"] == MODEL_VERSION == 3
    assert data["sections"][0]["blocks"][0] == {
        "type": "paragraph",
        "text": "p",
        "speaker": None,
        "quotations": [],
    }
    quote = data["sections"][0]["blocks"][1]
    assert (quote["type"], quote["speaker"], quote["attribution"]) == ("quote", "Pat Ryder", "he said")


def test_quotations_carry_offsets_words_and_speaker() -> None:
    text = "“We will,” she said, “and soon.”"
    spans = (Quotation(0, 10, "Ana Ruiz"), Quotation(21, len(text), "Ana Ruiz", joined=True))
    doc = Document(
        headline="H", sections=(Section(None, (Quote(text, "Ana Ruiz", "she said", None, spans),)),)
    )
    data = json.loads(serialize.dumps(doc))
    listed = data["sections"][0]["blocks"][0]["quotations"]
    assert [q["text"] for q in listed] == ["“We will,”", "“and soon.”"]
    assert [(q["speaker"], q["joined"]) for q in listed] == [("Ana Ruiz", False), ("Ana Ruiz", True)]
    assert serialize.loads(serialize.dumps(doc)) == doc


def test_version_1_json_still_loads_without_quotations() -> None:
    v1 = {
        "model_version": 1,
        "headline": "H",
        "sections": [
            {
                "heading": None,
                "blocks": [
                    {"type": "paragraph", "text": "p", "speaker": None},
                    {
                        "type": "quote",
                        "text": "“q,” he said.",
                        "speaker": "Pat Ryder",
                        "attribution": "he said",
                    },
                ],
            }
        ],
    }
    doc = serialize.from_dict(v1)
    assert doc.sections[0].blocks == (Paragraph("p"), Quote("“q,” he said.", "Pat Ryder", "he said"))
    assert json.loads(serialize.dumps(doc))["model_version"] == MODEL_VERSION


def test_other_model_version_is_refused() -> None:
    data = serialize.to_dict(Document(headline="H"))
    data["model_version"] = 99
    with pytest.raises(PressconvError, match="model version"):
        serialize.from_dict(data)


def test_broken_json_is_a_user_error() -> None:
    with pytest.raises(PressconvError):
        serialize.loads("{")
    with pytest.raises(PressconvError):
        serialize.loads('{"model_version": 1}')


def test_identifier_depends_on_content_not_location() -> None:
    a = Document(headline="H", sections=(Section(None, (Paragraph("one"),)),))
    moved = Document(headline="H", metadata=Metadata(source_path="/elsewhere/a.txt"), sections=a.sections)
    changed = Document(headline="H", sections=(Section(None, (Paragraph("two"),)),))
    assert content_identifier(a) == content_identifier(moved)
    assert content_identifier(a) != content_identifier(changed)
    assert with_identifier(a).metadata.identifier == content_identifier(a)
    assert len(content_identifier(a)) == 64


# --- model version 3: marks, tables, figures, notes, levels, structured contacts ----------------------------


@st.composite
def _marks_over(draw: st.DrawFn, body: str) -> tuple[Mark, ...]:
    """Ordered, non-overlapping marks over ``body`` (zero-width breaks and note references included)."""
    cuts = sorted(set(draw(st.lists(st.integers(0, len(body)), max_size=4))))
    marks = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        kind = draw(st.sampled_from(["emphasis", "strong", "link", "code", "break", "noteref"]))
        end = a if kind in ("break", "noteref") else b
        marks.append(Mark(a, end, kind, draw(optional) if kind in ("link", "noteref") else None))
    return tuple(marks)


@st.composite
def _marked_paragraph(draw: st.DrawFn) -> Paragraph:
    body = draw(text)
    return Paragraph(body, (), draw(_marks_over(body)))


@st.composite
def _cell(draw: st.DrawFn) -> Cell:
    body = draw(text)
    return Cell(body, draw(_marks_over(body)), draw(st.integers(1, 3)), draw(st.integers(1, 2)))


rows = st.lists(st.lists(_cell(), min_size=1, max_size=3).map(tuple), max_size=3).map(tuple)
tables = st.builds(Table, rows, rows, optional)
figures = st.builds(
    Figure, text, optional, st.none() | st.binary(max_size=16), optional, optional, st.just(()), optional
)


@st.composite
def _nested_list(draw: st.DrawFn) -> ListBlock:
    items = tuple(draw(st.lists(text, min_size=1, max_size=4)))
    levels = [0]
    for _ in items[1:]:
        levels.append(draw(st.integers(0, levels[-1] + 1)))
    return ListBlock(
        draw(st.booleans()), items, (), tuple(levels), tuple(draw(_marks_over(item)) for item in items)
    )


rich_blocks = st.one_of(blocks, _marked_paragraph(), tables, figures, _nested_list())
rich_sections = st.builds(
    Section,
    optional,
    st.lists(rich_blocks, max_size=4).map(tuple),
    st.sampled_from(["body", "boilerplate"]),
    st.integers(2, 4),
)
notes = st.builds(Note, text, text, text, st.just(()), st.sampled_from(["footnote", "endnote", "editors"]))
contacts = st.builds(Contact, text, optional, optional, optional, optional, optional, optional)
rich_documents = st.builds(
    Document,
    headline=text,
    subtitle=optional,
    metadata=st.builds(Metadata, contact_details=st.lists(contacts, max_size=2).map(tuple)),
    sections=st.lists(rich_sections, max_size=3).map(tuple),
    notes=st.lists(notes, max_size=3).map(tuple),
    notes_heading=optional,
)


@settings(derandomize=True, max_examples=150, deadline=None)  # no timings in tests
@given(rich_documents)
def test_json_round_trip_is_exact_with_version_3_content(document: Document) -> None:
    assert serialize.loads(serialize.dumps(document)) == document


def test_new_content_goes_under_added_keys_and_plain_text_stays() -> None:
    link = Paragraph("Read the full report.", marks=(Mark(9, 20, "link", "https://example.org/r"),))
    nested = ListBlock(False, ("Parks", "North park", "Libraries"), levels=(0, 1, 0))
    table = Table(
        rows=((Cell("North"), Cell("12")),), header=((Cell("Area"), Cell("Trees")),), caption="Trees planted"
    )
    figure = Figure(alt="The new library", data=b"\x89PNG", media_type="image/png", caption="Opening day")
    doc = Document(
        headline="H",
        sections=(Section("Budget", (link, nested, table, figure), level=3),),
        notes=(Note("ed1", "1", "Figures are provisional.", kind="editors"),),
    )
    data = json.loads(serialize.dumps(doc))
    section = data["sections"][0]
    assert section["level"] == 3
    para, lst, tbl, fig = section["blocks"]
    assert para["text"] == "Read the full report."
    assert para["marks"] == [
        {"start": 9, "end": 20, "kind": "link", "target": "https://example.org/r", "text": "full report"}
    ]
    assert lst["items"] == ["Parks", "North park", "Libraries"] and lst["levels"] == [0, 1, 0]
    assert lst["text"] == "Parks\nNorth park\nLibraries"
    assert (tbl["type"], tbl["text"]) == ("table", "Trees planted\nArea Trees\nNorth 12")
    assert [c["text"] for c in tbl["header"][0]] == ["Area", "Trees"]
    assert (fig["type"], fig["alt"], fig["data"], fig["text"]) == (
        "figure",
        "The new library",
        "iVBORw==",
        "The new library\nOpening day",
    )
    assert data["notes"] == [
        {"id": "ed1", "label": "1", "kind": "editors", "text": "Figures are provisional."}
    ]
    assert serialize.loads(serialize.dumps(doc)) == doc


def test_a_document_without_new_content_has_the_version_2_keys() -> None:
    doc = Document(
        headline="H",
        sections=(Section("S", (Paragraph("p"), ListBlock(False, ("a", "b")))),),
        metadata=Metadata(contacts=("Jo Park",)),
    )
    data = json.loads(serialize.dumps(doc))
    assert set(data) == {
        "model_version",
        "headline",
        "headline_derived",
        "subtitle",
        "dateline",
        "metadata",
        "sections",
    }
    assert set(data["sections"][0]) == {"heading", "role", "blocks"}
    assert set(data["sections"][0]["blocks"][1]) == {"type", "ordered", "items", "markers", "text", "speaker"}
    assert "contact_details" not in data["metadata"]


def test_version_2_json_still_loads() -> None:
    v2 = {
        "model_version": 2,
        "headline": "H",
        "metadata": {"contacts": ["Jo Park\npress@example.org"]},
        "sections": [
            {
                "heading": None,
                "role": "body",
                "blocks": [{"type": "paragraph", "text": "p", "quotations": []}],
            }
        ],
    }
    doc = serialize.from_dict(v2)
    assert doc.sections[0] == Section(None, (Paragraph("p"),))
    assert doc.metadata.contacts == ("Jo Park\npress@example.org",) and doc.metadata.contact_details == ()


def test_bad_marks_and_figure_data_are_user_errors() -> None:
    data = serialize.to_dict(Document(headline="H", sections=(Section(None, (Paragraph("p"),)),)))
    data["sections"][0]["blocks"][0]["marks"] = [{"start": 0, "end": 1, "kind": "blink"}]
    with pytest.raises(PressconvError, match="blink"):
        serialize.from_dict(data)
    data["sections"][0]["blocks"] = [{"type": "figure", "alt": "x", "data": "not base64!"}]
    with pytest.raises(PressconvError, match="figure data"):
        serialize.from_dict(data)


def test_identifier_of_a_document_without_new_content_is_unchanged() -> None:
    """Pinned: the digest this document had under model version 2 (goldens and dist/ depend on it)."""
    doc = Document(
        headline="City opens library",
        subtitle="Early",
        dateline="SPRINGFIELD —",
        metadata=Metadata(
            title="T",
            date="2026-01-02",
            contacts=("Media contact\nJo Park\npress@springfield.example\n+1 555 0100",),
            end_mark="###",
            keywords=("a",),
        ),
        sections=(
            Section(
                None,
                (
                    Paragraph("One two.", (Quotation(0, 3, "X"),)),
                    Quote("“Q,” she said.", "Ana Ruiz", "she said", "Mayor"),
                    ListBlock(True, ("a", "b"), ("1.", "2.")),
                ),
            ),
            Section("About", (Paragraph("p"),), "boilerplate"),
        ),
    )
    pinned = "03de8c65f61c2fc6e250f5b0e1d9f6be27295621ec580a6ce4f3770c782f9c80"
    assert content_identifier(doc) == pinned
    structured = replace(
        doc, metadata=replace(doc.metadata, contact_details=(Contact(doc.metadata.contacts[0]),))
    )
    assert content_identifier(structured) == pinned  # structure follows from the words
    first = doc.sections[0]
    linked = Paragraph("One two.", (Quotation(0, 3, "X"),), (Mark(0, 3, "link", "https://example.org"),))
    marked = replace(doc, sections=(replace(first, blocks=(linked, *first.blocks[1:])), *doc.sections[1:]))
    assert content_identifier(marked) != pinned  # a link target is content


def test_list_helpers_default_to_flat_and_unmarked() -> None:
    flat = ListBlock(False, ("a", "b"))
    assert (flat.level(1), flat.marks(1)) == (0, ())
    nested = ListBlock(False, ("a", "b"), levels=(0, 1), item_marks=((), (Mark(0, 1, "strong"),)))
    assert (nested.level(1), nested.marks(1)) == (1, (Mark(0, 1, "strong"),))


def test_block_text_gives_every_word_of_tables_and_figures() -> None:
    table = Table(rows=((Cell("a"), Cell("b")), (Cell("c"),)), header=((Cell("H"),),), caption="Cap")
    assert block_text(table) == "Cap\nH\na b\nc"
    assert block_text(Figure(alt="Alt", caption="Cap", credit="Photo: Jo")) == "Alt\nCap\nPhoto: Jo"
    assert block_text(Figure()) == ""


def test_model_imports_alone() -> None:
    """No cycle: the model needs nothing of pressconv (serialize imports the model, never the reverse)."""
    code = "import sys, pressconv.model; print('pressconv.serialize' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    source = Path(pressconv.model.__file__ or "").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import) pressconv", source, re.MULTILINE)
