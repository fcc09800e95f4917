"""The model: JSON round trip (examples and a Hypothesis property), version check, identifier."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressconv import serialize
from pressconv.errors import PressconvError
from pressconv.model import (
    Document,
    ListBlock,
    Metadata,
    Paragraph,
    Quotation,
    Quote,
    Section,
    content_identifier,
    with_identifier,
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


@settings(derandomize=True, max_examples=150)
@given(documents)
def test_json_round_trip_is_exact(document: Document) -> None:
    assert serialize.loads(serialize.dumps(document)) == document


def test_json_has_the_spec_shape() -> None:
    doc = Document(
        headline="H",
        sections=(Section(None, (Paragraph("p"), Quote("“q,” he said.", "Pat Ryder", "he said"))),),
    )
    data = json.loads(serialize.dumps(doc))
    assert data["model_version"] == 2
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
    assert json.loads(serialize.dumps(doc))["model_version"] == 2


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
