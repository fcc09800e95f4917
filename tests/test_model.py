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
    Quote,
    Section,
    content_identifier,
    with_identifier,
)

text = st.text(min_size=1, max_size=40)
optional = st.none() | text
blocks = st.one_of(
    st.builds(Paragraph, text),
    st.builds(Quote, text, optional, optional, optional),
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
    assert data["model_version"] == 1
    assert data["sections"][0]["blocks"][0] == {"type": "paragraph", "text": "p", "speaker": None}
    quote = data["sections"][0]["blocks"][1]
    assert (quote["type"], quote["speaker"], quote["attribution"]) == ("quote", "Pat Ryder", "he said")


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
