"""Property: every word our HTML and DOCX writers put out comes back from their readers, once.

Whatever the shared rules then decide a block is, the readers themselves must
not lose, duplicate or reorder-away a word (markup-looking text included).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressconv.errors import Notes
from pressconv.model import Document, ListBlock, Paragraph, Quote, Section
from pressconv.options import ReadOptions, WriteOptions
from pressconv.readers import docx as docx_reader
from pressconv.readers import html as html_reader
from pressconv.writers import docx as docx_writer
from pressconv.writers import html as html_writer

VOCABULARY = [
    "plant", "jobs", "région", "Ødegaard", "city", "council", "2024", "$400", "—", "…", "[can]",
    "<b>", "&amp;", "<script>", "x<y", "O'Brien", "don’t", "naïve", "Straße", "東京", "emoji🙂", "a&b",
    "Smith", "Lopez", "announced", "today.", "said", "will", "build", "new", "homes,", "schools;",
]  # fmt: skip

words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=14).map(" ".join)
paragraph = words.map(lambda text: Paragraph(text[0].upper() + text[1:] + "."))
quote = words.map(lambda text: Quote(f"“{text},” Smith said.", "Smith", "Smith said"))
listing = st.lists(words, min_size=1, max_size=4).map(lambda items: ListBlock(False, tuple(items)))
block = st.one_of(paragraph, paragraph, quote, listing)
section = st.builds(
    Section,
    st.one_of(st.none(), words.map(lambda t: t.title())),
    st.lists(block, min_size=1, max_size=4).map(tuple),
)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    sections = draw(st.lists(section, min_size=1, max_size=3))
    return Document(headline=draw(words).title(), sections=tuple(sections))


def all_words(document: Document) -> Counter[str]:
    meta = document.metadata
    parts = [document.headline, document.subtitle or "", meta.release or "", meta.byline or ""]
    parts += [*meta.contacts, meta.end_mark or ""]
    for s in document.sections:
        parts.append(s.heading or "")
        for b in s.blocks:
            parts.append(" ".join(b.items) if isinstance(b, ListBlock) else b.text)
    return Counter(" ".join(parts).split())


@settings(derandomize=True, max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_html_reader_gets_back_every_word(document: Document) -> None:
    data = html_writer.write(document, WriteOptions(), Notes())
    back = html_reader.read(data, ReadOptions(), Notes(), None)
    assert all_words(back) == all_words(document)


@settings(derandomize=True, max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_docx_reader_gets_back_every_word(document: Document) -> None:
    data = docx_writer.write(document, WriteOptions(), Notes())
    back = docx_reader.read(data, ReadOptions(), Notes(), None)
    assert all_words(back) == all_words(document)
