"""The text rules shared by readers and writers (``pressconv.text``): one answer everywhere."""

from __future__ import annotations

import pytest

from pressconv import text
from pressconv.errors import Notes
from pressconv.model import Document, Metadata, Paragraph, Section, SectionRole


def _document(
    headline: str, body: str, *, language: str = "en", roles: tuple[SectionRole, ...] = ("body",)
) -> Document:
    sections = tuple(
        Section(heading=f"Part {i}", blocks=(Paragraph(f"{body} {i}"),), role=role)
        for i, role in enumerate(roles)
    )
    return Document(headline=headline, sections=sections, metadata=Metadata(language=language))


def test_clean_removes_xml_illegal_characters_and_says_which_once() -> None:
    notes = Notes()
    assert text.clean("a\x00b\x0bc\ufffed\tE\n", notes) == "abcd\tE\n"
    assert [n.code for n in notes.items] == ["control-chars"]
    assert "U+0000, U+000B, U+FFFE" in notes.items[0].message
    assert text.clean("plain words", notes) == "plain words"
    assert len(notes.items) == 1


def test_decode_keeps_offering_clean_to_the_readers() -> None:
    from pressconv import decode

    assert decode.clean is text.clean


@pytest.mark.parametrize(
    ("language", "rtl"),
    [
        ("ar", True),
        ("ar-EG", True),
        ("HE", True),
        ("dv", True),
        ("ckb-IQ", True),
        ("ur-PK", True),
        ("en", False),
        ("fr-CA", False),
        ("ja", False),
    ],
)
def test_right_to_left_languages_by_primary_subtag(language: str, rtl: bool) -> None:
    assert text.is_rtl_language(language) is rtl
    assert text.direction(_document("Headline", "Words", language=language)) == ("rtl" if rtl else "ltr")


def test_direction_without_a_right_to_left_language_follows_most_strong_characters() -> None:
    assert text.direction(_document("افتتاح المكتبة الجديدة", "افتتح المجلس المكتبة")) == "rtl"
    assert text.direction(_document("Library opens", "The council opened the library; مكتبة")) == "ltr"
    assert text.direction(_document("2024", "1 2 3")) == "ltr"  # no strong characters at all


def _weighed(document: Document) -> str:
    """The rule as its docstring says it, one character at a time: the reference ``direction`` must match."""
    import unicodedata

    from pressconv.model import block_text

    sample = " ".join([document.headline, *(block_text(b) for b in document.blocks()[:5])])[:4000]
    rtl = sum(unicodedata.bidirectional(ch) in ("R", "AL") for ch in sample)
    ltr = sum(unicodedata.bidirectional(ch) == "L" for ch in sample)
    return "rtl" if rtl > ltr else "ltr"


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("\u201cCouncil opens library\u201d \u2014 at last", "Caf\u00e9 owners welcome it \u2013 all"),
        ("", ""),
        ("\u05e1\u05e4\u05e8\u05d9\u05d9\u05d4", "A library opens"),  # Hebrew headline, more Latin letters
        ("\u05e1\u05e4\u05e8\u05d9\u05d9\u05d4 \u05d7\u05d3\u05e9\u05d4", "ok"),  # Hebrew outweighs
        ("\u0645\u0643\u062a\u0628\u0629", "\u0661\u0662\u0663 \u4e2d\u6587"),  # Arabic against Chinese
        ("Title", "x" * 5000 + " \u0645\u0643\u062a\u0628\u0629" * 900),  # right-to-left only past the sample
        ("Title", "\u0645\u0643" * 3000),
    ],
)
def test_direction_answers_as_weighing_every_character_would(headline: str, body: str) -> None:
    document = _document(headline, body)
    assert text.direction(document) == _weighed(document)


def test_the_html_writer_and_the_shared_rule_agree() -> None:
    from pressconv.options import WriteOptions
    from pressconv.writers import html

    for document, expected in (
        (_document("افتتاح المكتبة", "افتتح المجلس"), "rtl"),
        (_document("Library opens", "Words", language="ckb"), "rtl"),
        (_document("Library opens", "Words", language="de"), "ltr"),
    ):
        assert text.direction(document) == expected
        page = html.write(document, WriteOptions(), Notes()).decode()
        assert f'dir="{expected}"' in page.split(">", 2)[1]


def test_no_writer_keeps_its_own_direction_or_reading_order() -> None:
    """The rules live in ``pressconv.text`` only: a writer that grows its own copy again fails here."""
    import pathlib

    import pressconv

    writers = pathlib.Path(pressconv.__file__).parent / "writers"
    for path in writers.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "def direction(" not in source, path
        assert "_RTL_LANGUAGES" not in source, path
        assert 'role == "boilerplate"' not in source and 'role != "boilerplate"' not in source, path


def test_boilerplate_comes_after_the_body_each_in_source_order() -> None:
    roles: tuple[SectionRole, ...] = ("boilerplate", "body", "boilerplate", "body", "body")
    document = _document("Headline", "Words", roles=roles)
    order = text.reading_order(document.sections)
    assert order == [1, 3, 4, 0, 2]
    body, boilerplate = text.body_and_boilerplate(document.sections)
    assert [document.sections.index(s) for s in body] == [1, 3, 4]
    assert [document.sections.index(s) for s in boilerplate] == [0, 2]
    assert [document.sections[i] for i in order] == body + boilerplate
    assert text.reading_order(()) == []
