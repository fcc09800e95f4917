"""Limits (pressconv.limits), decoding without silent guesses, and the readers' fixes of issue #21.

The hostile catalogue (test_bad_input.py) runs each attack end to end; these
tests pin the pieces: each limit at a small value, the file kinds refused, the
YAML loader, the stray-byte repair and the HTML charset rule.
"""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest

from pressconv import api
from pressconv.decode import decode
from pressconv.errors import Notes, PressconvError, PressconvWarning
from pressconv.limits import DEFAULT_LIMITS, LimitError, Limits, check_zip, read_file
from pressconv.readers.front_matter import split_front_matter

# --- read_file: regular files only, at most input_bytes -------------------------------------------


def test_read_file_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"words")
    assert read_file(path) == b"words"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(PressconvError, match="FIFO") as caught:
        read_file(fifo)
    assert caught.value.path == str(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused(device: str) -> None:
    with pytest.raises(PressconvError, match="a device, not a regular file"):
        read_file(Path(device), "the cover image")


def test_a_folder_and_a_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(PressconvError, match="is a folder"):
        read_file(tmp_path)
    with pytest.raises(PressconvError, match="no such file"):
        read_file(tmp_path / "missing.txt")


def test_input_bytes_limit_names_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    assert read_file(path, limits=Limits(input_bytes=101)) == b"x" * 101
    with pytest.raises(LimitError, match="input limit of 100 bytes") as caught:
        read_file(path, limits=Limits(input_bytes=100))
    assert caught.value.exit_code == 2


def test_a_writer_option_file_fault_is_the_writers_error(tmp_path: Path) -> None:
    from pressconv.errors import WriterError

    with pytest.raises(WriterError, match="the reference document: no such file"):
        read_file(tmp_path / "nope.docx", "the reference document", error=WriterError)


# --- check_zip: inflated bytes counted ------------------------------------------------------------


def _zip(*members: tuple[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_check_zip_passes_an_ordinary_archive() -> None:
    check_zip(_zip(("a.xml", b"<a>words</a>" * 100), ("b.xml", os.urandom(1000))), "x.docx")


def test_zip_member_limit() -> None:
    archive = _zip(("word/document.xml", b" " * 300_000))
    with pytest.raises(LimitError, match=r"word/document\.xml inflates past the limit") as caught:
        check_zip(archive, "x.docx", limits=Limits(zip_member_bytes=200_000, zip_ratio_grace=10**9))
    assert caught.value.path == "x.docx"


def test_zip_total_limit() -> None:
    archive = _zip(("a", os.urandom(150_000)), ("b", os.urandom(150_000)))
    with pytest.raises(LimitError, match="zip archive inflates past the limit"):
        check_zip(archive, "x.docx", limits=Limits(zip_total_bytes=200_000))


def test_zip_ratio_limit_applies_past_the_grace() -> None:
    archive = _zip(("word/document.xml", b" " * 1_000_000))  # deflate: about 1000 to 1
    check_zip(archive, "x.docx", limits=Limits(zip_ratio=100, zip_ratio_grace=2_000_000))
    with pytest.raises(LimitError, match="more than 100 times its compressed size"):
        check_zip(archive, "x.docx", limits=Limits(zip_ratio=100, zip_ratio_grace=100_000))


def test_a_corrupt_member_is_one_clear_error() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" * 1000)
    data = bytearray(buffer.getvalue())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 10 : start + 40] = b"\x00" * 30  # damage the deflate stream
    with pytest.raises(PressconvError, match=r"broken zip member word/document\.xml"):
        check_zip(zipfile.ZipFile(io.BytesIO(bytes(data))), "x.docx")


def test_a_docx_bomb_is_refused_before_python_docx_reads_it(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Words")
    buffer = io.BytesIO()
    doc.save(buffer)
    rebuilt = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (DEFAULT_LIMITS.zip_member_bytes + 1))
            target.writestr(info.filename, data)
    path = tmp_path / "bomb.docx"
    path.write_bytes(rebuilt.getvalue())
    with pytest.raises(LimitError, match=r"word/document\.xml inflates"):
        api.parse(path)
    reference = tmp_path / "release.txt"
    reference.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    with pytest.raises(LimitError, match="the reference document: zip member"):
        api.convert(reference, "docx", docx_reference=path)


# --- front matter: the safe loader with limits ----------------------------------------------------

ALIASES = "---\ntags: &t [a, b]\nkeywords: *t\n---\nHeadline\n\nBody.\n"


def test_front_matter_aliases_are_refused_by_default() -> None:
    with pytest.raises(LimitError, match="YAML alias"):
        split_front_matter(ALIASES, Notes())


def test_front_matter_aliases_within_a_raised_limit_are_read() -> None:
    matter, _ = split_front_matter(ALIASES, Notes(), Limits(yaml_aliases=1))
    assert matter is not None and matter.keywords == ("a", "b")


def test_front_matter_depth_limit() -> None:
    deep = "---\ntitle: " + "[" * 40 + "x" + "]" * 40 + "\n---\nBody.\n"
    with pytest.raises(LimitError, match="more than 32 levels deep"):
        split_front_matter(deep, Notes())
    matter, _ = split_front_matter(deep, Notes(), Limits(yaml_depth=64))
    assert matter is not None and matter.title == "x"


def test_an_impossible_date_is_ignored_with_a_warning() -> None:
    notes = Notes()
    matter, _ = split_front_matter("---\ndate: 2024-02-30\ntitle: T\n---\nBody.\n", notes)
    assert matter is not None and matter.date is None and matter.title == "T"
    assert [w.message for w in notes.items] == ["front matter date '2024-02-30' is not a valid date: ignored"]


def test_a_real_date_still_reads() -> None:
    matter, _ = split_front_matter("---\ndate: 2024-02-29\n---\nBody.\n", Notes())
    assert matter is not None and matter.date == "2024-02-29"


@pytest.mark.parametrize(("value", "kept"), [("7", None), ("en-GB", "en-GB"), ("de", "de"), ("x y", None)])
def test_language_must_look_like_a_tag(value: str, kept: str | None) -> None:
    notes = Notes()
    matter, _ = split_front_matter(f"---\nlanguage: {value}\n---\nBody.\n", notes)
    assert matter is not None and matter.language == kept
    assert bool(notes.items) == (kept is None)


def test_language_7_gives_a_valid_lang_attribute() -> None:
    with pytest.warns(PressconvWarning, match="language '7' is not a language tag"):
        page = api.convert("---\nlanguage: 7\n---\nHeadline\n\nBody text.\n", "html")
    assert isinstance(page, bytes) and b'<html lang="en"' in page


# --- decoding: no silent guess --------------------------------------------------------------------


def test_utf8_with_a_stray_byte_stays_utf8_and_names_the_offset() -> None:
    notes = Notes()
    decoded = decode("Straße ".encode() + b"\x96 done", notes)
    assert decoded.text == "Straße – done"
    assert decoded.encoding == "utf-8"
    assert [w.code for w in notes.items] == ["stray-bytes"]
    assert "at byte offset 8 (0x96)" in notes.items[0].message


def test_many_stray_bytes_are_counted_and_the_first_listed() -> None:
    notes = Notes()
    data = "é".encode() * 20 + b"".join(b" \x93x\x94" for _ in range(8))
    decoded = decode(data, notes)
    assert decoded.text.startswith("é" * 20) and "“x”" in decoded.text
    assert "16 invalid byte(s)" in notes.items[0].message and "and 11 more" in notes.items[0].message


def test_a_byte_cp1252_lacks_becomes_a_replacement_character() -> None:
    decoded = decode("Straße ".encode() + b"\x81", Notes())
    assert decoded.text == "Straße \ufffd"


def test_legacy_text_is_decoded_with_a_warning() -> None:
    notes = Notes()
    decoded = decode("Café, naïve – “quoted”.".encode("cp1252"), notes)
    assert decoded.text == "Café, naïve – “quoted”."
    assert [w.code for w in notes.items] == ["legacy-encoding"]
    assert "cp1252" in notes.items[0].message


def test_valid_utf8_gives_no_warning() -> None:
    notes = Notes()
    assert decode("Straße – “ok”".encode(), notes).text == "Straße – “ok”"
    assert notes.items == []


# --- HTML: declared charset against the bytes, and the reader's losses ----------------------------


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><h1>Plant opens</h1>{body}</body></html>"


def test_a_bom_beats_the_declared_charset() -> None:
    page = _page("<p>Die Straße öffnet heute wieder, sagte die Stadt.</p>", '<meta charset="iso-8859-1">')
    notes = Notes()
    doc = api.parse(codecs.BOM_UTF16_LE + page.encode("utf-16-le"), from_format="html", notes=notes)
    assert "Straße" in doc.blocks()[0].text  # type: ignore[union-attr]
    assert any(
        "declares charset iso8859-1" in w.message and "byte-order mark" in w.message for w in notes.items
    )


def test_a_declared_charset_is_honoured_for_legacy_bytes() -> None:
    page = _page("<p>Die Straße öffnet heute wieder, sagte die Stadt.</p>", '<meta charset="iso-8859-1">')
    notes = Notes()
    doc = api.parse(page.encode("latin-1"), from_format="html", notes=notes)
    assert "Straße" in doc.blocks()[0].text  # type: ignore[union-attr]
    assert notes.items == []


def test_utf8_declared_over_a_stray_byte_is_repaired_with_a_warning() -> None:
    page = _page("<p>Die Straße öffnet heute wieder, sagte die Stadt.</p>", '<meta charset="utf-8">').encode()
    notes = Notes()
    doc = api.parse(page.replace("öffnet".encode(), b"\xf6ffnet"), from_format="html", notes=notes)
    assert "Straße öffnet" in doc.blocks()[0].text  # type: ignore[union-attr]
    assert [w.code for w in notes.items] == ["stray-bytes"]


def test_an_ascii_page_declaring_latin1_gives_no_warning() -> None:
    notes = Notes()
    page = _page("<p>Plain words only.</p>", '<meta charset="iso-8859-1">').encode()
    api.parse(page, from_format="html", notes=notes)
    assert notes.items == []


def test_visible_article_wins_over_a_hidden_longer_one() -> None:
    page = _page(
        '<article style="display:none"><p>' + "Hidden words here. " * 50 + "</p></article>"
        "<article><p>The visible release text is here.</p></article>"
    )
    doc = api.parse(page.encode(), from_format="html")
    text = " ".join(b.text for b in doc.blocks())  # type: ignore[union-attr]
    assert "visible release" in text and "Hidden" not in text


def test_select_options_are_separate_words() -> None:
    page = _page("<p>Choose <select><option>Saturday</option><option>Sunday</option></select> now.</p>")
    doc = api.parse(page.encode(), from_format="html")
    assert "Saturday Sunday" in doc.blocks()[0].text  # type: ignore[union-attr]


def test_the_publisher_survives_our_html_and_docx(tmp_path: Path) -> None:
    source = "NORTHFIELD WATER BOARD\n\nFOR IMMEDIATE RELEASE\n\nPlant opens\n\nThe plant opened today.\n"
    doc = api.parse(source)
    assert doc.metadata.publisher == "NORTHFIELD WATER BOARD"
    for fmt in ("html", "docx"):
        out = tmp_path / f"r.{fmt}"
        api.convert(source, fmt, out)
        assert api.parse(out).metadata.publisher == "NORTHFIELD WATER BOARD"


def test_letterhead_words_survive_a_front_matter_publisher() -> None:
    """Letterhead lines are text: a publisher named in front matter does not replace them (#21)."""
    text = (
        "---\npublisher: Coastal Ministry\n---\n"
        "Ministry of Coastal Affairs\n12 Harbour Row, Port Elsin\n\nFOR IMMEDIATE RELEASE\n\n"
        "New tide gauges for three harbours\n\nThe ministry will install new gauges this spring.\n"
    )
    page = api.convert(text, "html", notes=Notes())
    assert isinstance(page, bytes)
    assert b"Ministry of Coastal Affairs" in page and b"12 Harbour Row, Port Elsin" in page
