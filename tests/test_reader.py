"""The plain-text reader: headline precedence, the build_document contract, explain, totality."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressconv.errors import EmptyInputError, Notes
from pressconv.model import Document, ListBlock, Paragraph, Quote
from pressconv.options import ReadOptions
from pressconv.readers.blocks import RawBlock, split_blocks
from pressconv.readers.text import build_document, explain, read_text
from pressconv.serialize import to_dict

SAMPLES = Path(__file__).parent / "fixtures" / "readers"  # the sample's expected parse
SAMPLE = Path(__file__).resolve().parents[1] / "source" / "pentagon-briefing.txt"

LEDE = "The council approved the budget on Monday after a long debate.\n\nIt takes effect in April.\n"


def model_words(document: Document) -> list[str]:
    """Every word the model holds, body in reading order, furniture and metadata text around it."""
    meta = document.metadata
    words: list[str] = []
    for text in (meta.publisher, meta.release, meta.byline):
        words += (text or "").split()
    if not document.headline_derived:
        words += document.headline.split()
    words += (document.subtitle or "").split()
    words += body_words(document)
    for text in (*meta.contacts, meta.end_mark):
        words += (text or "").split()
    return words


def body_words(document: Document) -> list[str]:
    """The words of the body alone, in order."""
    words: list[str] = []
    for section in document.sections:
        words += (section.heading or "").split()
        for block in section.blocks:
            match block:
                case Paragraph(text=text) | Quote(text=text):
                    words += text.split()
                case ListBlock(items=items, markers=markers):
                    for index, item in enumerate(items):
                        words += ([markers[index]] if index < len(markers) else []) + item.split()
    return words


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    iterator = iter(whole)
    return all(word in iterator for word in part)


# --- the sample -------------------------------------------------------------------------------


def test_sample_matches_expected_parse() -> None:
    expected = json.loads((SAMPLES / "pentagon-briefing.expected.json").read_text(encoding="utf-8"))
    got = to_dict(read_text(SAMPLE.read_text(encoding="utf-8")))
    assert got["headline_derived"] is True
    assert [s["heading"] for s in got["sections"]] == [s["heading"] for s in expected["sections"]]
    flat = [(b["type"], b["text"], b["speaker"]) for s in got["sections"] for b in s["blocks"]]
    want = [(b["type"], b["text"], b["speaker"]) for s in expected["sections"] for b in s["blocks"]]
    assert flat == want


def test_sample_titles_on_first_reference() -> None:
    document = read_text(SAMPLE.read_text(encoding="utf-8"))
    quotes = [b for b in document.blocks() if isinstance(b, Quote)]
    titles = {q.speaker: q.speaker_title for q in quotes}
    assert titles["Pat Ryder"] == "Pentagon Press Secretary Air Force Maj. Gen."
    assert titles["Lloyd J. Austin III"] == "Secretary of Defense"
    assert titles["Sabrina Singh"] == "Deputy Pentagon Press Secretary"
    assert quotes[0].attribution == "Ryder stated"


def test_sample_keeps_every_word_in_order() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert body_words(read_text(text)) == text.split()


# --- headline precedence ------------------------------------------------------------------------


def test_option_title_beats_everything() -> None:
    text = "---\ntitle: From front matter\n---\n\nHeadline In The Text\n\n" + LEDE
    document = read_text(text, ReadOptions(title="From the option"))
    assert document.headline == "From the option"
    assert document.headline_derived is False


def test_front_matter_title_beats_the_headline_line_and_consumes_an_identical_one() -> None:
    document = read_text("---\ntitle: Budget Approved\n---\n\nBudget Approved\n\n" + LEDE)
    assert document.headline == "Budget Approved"
    assert body_words(document)[:2] == ["The", "council"]


def test_headline_line_then_derived() -> None:
    assert read_text("Budget Approved After Debate\n\n" + LEDE).headline == "Budget Approved After Debate"
    derived = read_text(LEDE)
    assert derived.headline_derived is True
    assert derived.headline == "The council approved the budget on Monday after a long debate"
    assert isinstance(derived.blocks()[0], Paragraph)  # the lede stays in the body


def test_language_default_front_matter_and_option() -> None:
    assert read_text(LEDE).metadata.language == "en"
    assert read_text("---\nlanguage: de\n---\n" + LEDE).metadata.language == "de"
    assert read_text("---\nlanguage: de\n---\n" + LEDE, ReadOptions(language="fr")).metadata.language == "fr"


def test_invalid_front_matter_is_read_as_text_with_a_warning() -> None:
    notes = Notes()
    document = read_text("---\ntitle: [unclosed\n---\n\n" + LEDE, notes=notes)
    assert "front-matter" in [w.code for w in notes.items]
    assert "[unclosed" in " ".join(model_words(document))


def test_identifier_is_set_and_stable() -> None:
    first, second = read_text(LEDE), read_text(LEDE)
    assert first.metadata.identifier and first.metadata.identifier == second.metadata.identifier
    assert read_text(LEDE, source_path="a.txt").metadata.identifier == first.metadata.identifier


def test_date_from_a_dateline() -> None:
    document = read_text("WASHINGTON, Oct. 28, 2024 — The Pentagon said on Monday it was ready.\n")
    assert document.dateline == "WASHINGTON, Oct. 28, 2024 —"
    assert document.metadata.date == "2024-10-28"


# --- empty and odd input -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\u00a0\n \u00a0 \n", "\u2003"])
def test_empty_or_whitespace_raises(text: str) -> None:
    with pytest.raises(EmptyInputError):
        read_text(text)


def test_unbalanced_marks_warn_and_never_crash() -> None:
    notes = Notes()
    document = read_text("“One never closes.\n\n” a stray closer\n\n« and » « another\n", notes=notes)
    assert "unbalanced-quotes" in [w.code for w in notes.items]
    assert document.sections


def test_markup_looking_text_is_kept_as_text() -> None:
    text = "<script>alert(1)</script> & <b>bold</b> &amp; more.\n"
    assert body_words(read_text(text)) == text.split()


_WORDISH = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=0, max_size=12
)
_LINE = st.lists(
    st.one_of(
        _WORDISH,
        st.sampled_from(
            ["“", "”", '"', "‘", "’", "«", "»", "„", "-", "*", "1.", "###", "—", "said", "Smith", "he"]
        ),
    ),
    max_size=12,
).map(" ".join)
_TEXT = st.lists(st.one_of(_LINE, st.sampled_from(["", " ", "\u00a0"])), min_size=0, max_size=12).map(
    "\n".join
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(_TEXT)
def test_reader_never_raises_and_keeps_every_word(text: str) -> None:
    try:
        document = read_text(text, notes=Notes())
    except EmptyInputError:
        assert not text.split() or not split_blocks(text)
        return
    source = text.split()
    assert Counter(model_words(document)) == Counter(source)
    assert is_subsequence(body_words(document), source)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_reader_is_total_on_any_unicode(text: str) -> None:
    try:
        read_text(text)
    except EmptyInputError:
        assert not text.strip() or not split_blocks(text)


# --- build_document contract -------------------------------------------------------------------


def test_hinted_blocks_skip_guessing_but_get_speakers() -> None:
    blocks = [
        RawBlock("A Headline", hint="headline"),
        RawBlock("Short Heading Looking Line", hint="paragraph"),
        RawBlock("Background", hint="heading"),
        RawBlock("", hint="list", items=("one", "two"), ordered=True, markers=("1.", "2.")),
        RawBlock("Jane Smith, chief executive of Acme, opened the plant.", hint="paragraph"),
        RawBlock("“We are proud of this plant,” she said.", hint="quote"),
    ]
    document = build_document(blocks, None, None, None, None)
    assert document.headline == "A Headline" and not document.headline_derived
    assert [s.heading for s in document.sections] == [None, "Background"]
    assert document.sections[0].blocks == (Paragraph("Short Heading Looking Line"),)
    listed, para, quote = document.sections[1].blocks
    assert listed == ListBlock(True, ("one", "two"), ("1.", "2."))
    assert isinstance(para, Paragraph)
    assert isinstance(quote, Quote) and quote.speaker == "Jane Smith"
    assert quote.speaker_title == "chief executive of Acme"


def test_a_stated_speaker_is_used_as_given() -> None:
    blocks = [
        RawBlock("Jane Smith, chief executive of Acme, opened the plant.", hint="paragraph"),
        RawBlock("“We are proud of this plant,” she said.", hint="quote", speaker="Pat Ryder"),
        RawBlock(
            "“And of the people in it,” Smith said.", hint="quote", speaker="Jane Smith", attribution="x"
        ),
        RawBlock("“It will run for decades to come.”", hint="quote"),
    ]
    quotes = [b for b in build_document(blocks, None, None, None, None).blocks() if isinstance(b, Quote)]
    got = [(q.speaker, q.speaker_title, q.attribution) for q in quotes]
    # the stated speaker's voice goes on in the unattributed quote after it
    assert got == [
        ("Pat Ryder", None, "she said"),
        ("Jane Smith", "chief executive of Acme", "x"),
        ("Jane Smith", "chief executive of Acme", None),
    ]


def test_a_derived_headline_is_not_body_text() -> None:
    blocks = [
        RawBlock("The council approved the budget", hint="headline", derived=True),
        RawBlock("The council approved the budget. It passed 7-2."),
        RawBlock("Short line"),
    ]
    document = build_document(blocks, None, None, None, None)
    assert document.headline == "The council approved the budget" and document.headline_derived
    assert [type(b).__name__ for b in document.blocks()] == ["Paragraph", "Paragraph"]
    given = build_document(blocks, None, ReadOptions(title="Given"), None, None)
    assert given.headline == "Given" and not given.headline_derived


def test_a_metadata_title_is_kept_apart_from_the_headline() -> None:
    blocks = [RawBlock("The Headline", hint="headline"), RawBlock("Body text follows here.")]
    assert build_document(blocks, None, None, None, None, title="Props Title").metadata.title == "Props Title"
    assert build_document(blocks, None, None, None, None, title="The  Headline").metadata.title is None


def test_a_stated_role_marks_a_boilerplate_section() -> None:
    blocks = [
        RawBlock("The Headline", hint="headline"),
        RawBlock("Body text follows here."),
        RawBlock("Who we are", hint="heading", role="boilerplate"),
        RawBlock("Acme makes things."),
    ]
    document = build_document(blocks, None, None, None, None)
    assert [(s.heading, s.role) for s in document.sections] == [(None, "body"), ("Who we are", "boilerplate")]


def test_a_headline_below_a_kicker_is_the_headline() -> None:
    blocks = [
        RawBlock("EXCLUSIVE"),
        RawBlock("The Real Headline", hint="headline"),
        RawBlock("Body text follows here and goes on."),
    ]
    document = build_document(blocks, None, None, None, None)
    assert document.headline == "The Real Headline" and not document.headline_derived
    assert document.blocks() == [Paragraph("EXCLUSIVE"), Paragraph("Body text follows here and goes on.")]


def test_explain_gives_one_line_per_block_with_its_rule() -> None:
    document, lines = explain(SAMPLE.read_text(encoding="utf-8"))
    assert len([line for line in lines if not line.lstrip().startswith("-")]) == 23
    heading = next(line for line in lines if "Potential Iranian" in line)
    assert "heading" in heading and "short line, no final punctuation, followed by body text" in heading
    first_quote = next(line for line in lines if " quote " in line)
    assert 'speaker "Ryder stated" -> Pat Ryder (full name from para 2)' in first_quote
    assert document.headline_derived


def test_read_decodes_bytes_and_records_the_source_path() -> None:
    from pressconv.readers.text import read

    text = "\ufeffTown Hall Goes Solar\r\n\r\n\u201cWe are proud of it,\u201d said Mayor Ann Cole today.\r\n"
    data = text.encode()
    document = read(data, ReadOptions(), Notes(), "release.txt")
    assert document.headline == "Town Hall Goes Solar"
    assert document.metadata.source_path == "release.txt"
    quote = document.blocks()[0]
    assert isinstance(quote, Quote) and quote.speaker == "Ann Cole"


def test_written_out_upper_class_matches_unicode() -> None:
    """The start-up shortcut in name_runs is the same class the code-point scan gives."""
    import unicodedata

    from pressconv.readers import name_runs

    if unicodedata.unidata_version != name_runs._UPPER_UNIDATA:
        pytest.skip(f"Unicode {unicodedata.unidata_version}: name_runs computes the class itself")
    assert name_runs.upper_class() == name_runs._upper_class()
