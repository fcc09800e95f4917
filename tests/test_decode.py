"""Decoding: every accepted encoding, line ends, illegal characters, binary refused."""

from __future__ import annotations

import codecs

import pytest

from pressconv.decode import decode
from pressconv.errors import DecodeError, Notes

TEXT = "“Quoted,” she said — café, naïve…\nSecond line"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_unicode_encodings(data: bytes) -> None:
    assert decode(data).text == TEXT


@pytest.mark.parametrize(
    "source",
    [
        "The minister said: “We will act now.” It’s a start – and a big one…\n" * 3,
        "Señor Müller sagte: „Wir handeln jetzt.“ Ça va, naïve café.\n" * 2,
    ],
)
def test_windows_1252_smart_quotes(source: str) -> None:
    decoded = decode(source.encode("cp1252"))
    assert decoded.text == source
    assert decoded.encoding.replace("_", "").lower() in {"cp1252", "windows1252"}


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_ends_become_lf(eol: str) -> None:
    assert decode(f"a{eol}b{eol}{eol}c".encode()).text == "a\nb\n\nc"


def test_illegal_characters_removed_and_reported_once() -> None:
    notes = Notes()
    decoded = decode("a\x00b\x07c\x85d\ufffee\uffff\tf".encode(), notes)
    assert decoded.text == "abcde\tf"
    assert len(notes.items) == 1
    assert notes.items[0].code == "control-chars"
    assert "U+0000" in notes.items[0].message


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00\x00\xff\xfe\x00"], ids=["png", "nul"]
)
def test_binary_is_refused_with_the_path(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"x\.txt: binary"):
        decode(data, path="x.txt")


def test_lone_bom_is_empty_text() -> None:
    assert decode(codecs.BOM_UTF8).text == ""


def test_legacy_cyrillic_is_not_taken_for_latin() -> None:
    source = "Привет, мир. Это тест кириллицы в кодировке.\n" * 3
    assert decode(source.encode("cp1251")).text == source
