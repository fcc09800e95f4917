"""Font tables kept between processes: a face from the cache is reportlab's own parse, value for value.

``writers.pdf.face_cache`` keeps what reportlab extracts from a TrueType file's character map,
metrics and glyph locations in the user's cache folder.  A face built from it must equal a plain
``TTFontFace`` of the same file in every attribute (so the PDF cannot differ), a changed font file
must be parsed again, and a missing, damaged or unwritable cache must only cost a parse.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFontFace

from pressconv.writers.pdf import face_cache
from pressconv.writers.pdf.face_cache import CachedFace

VERA = Path(reportlab.__file__).parent / "fonts"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _same_face(ours: TTFontFace, theirs: TTFontFace) -> None:
    mine, real = dict(vars(ours)), vars(theirs)
    expected = frozenset(chr(c) for c in theirs.charToGlyph if 0 < c <= 0x10FFFF)
    assert face_cache.covered(ours) == face_cache.covered(theirs) == expected
    mine.pop(face_cache._COVERED)  # pressconv's own addition: every other attribute is reportlab's
    assert sorted(mine) == sorted(real)
    for name, value in real.items():
        if callable(value):  # reportlab's unit scale, a fresh lambda per parse
            assert [mine[name](x) for x in (0, 1, 1000, -7)] == [value(x) for x in (0, 1, 1000, -7)], name
        else:
            assert mine[name] == value, name
            assert type(mine[name]) is type(value), name
    for table in ("charToGlyph", "charWidths", "glyphToChar"):  # the same order too (ToUnicode, subsets)
        assert list(mine[table].items()) == list(real[table].items()), table


@pytest.mark.parametrize("name", ["Vera.ttf", "VeraBI.ttf"])
def test_a_face_from_the_cache_is_reportlabs_parse(cache_home: Path, name: str) -> None:
    path = str(VERA / name)
    cold = CachedFace(path)
    assert len(list((cache_home / "pressconv" / "fonts").glob("*.marshal"))) == 1
    warm = CachedFace(path)
    plain = TTFontFace(path)
    _same_face(cold, plain)
    _same_face(warm, plain)


def test_a_warm_face_reads_the_cache_not_the_tables(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(VERA / "Vera.ttf")
    CachedFace(path)
    calls: list[object] = []
    original = TTFontFace.extractInfo

    def counting(self: TTFontFace, charInfo: bool = True) -> None:
        calls.append(charInfo)
        original(self, charInfo)

    monkeypatch.setattr(TTFontFace, "extractInfo", counting)
    CachedFace(path)
    assert calls == [0]  # the header tables only; the character tables came from the cache


def test_a_changed_font_file_is_parsed_again(cache_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "house.ttf"
    shutil.copy(VERA / "Vera.ttf", path)
    first = CachedFace(str(path))
    shutil.copy(VERA / "VeraBd.ttf", path)  # another face, same file name
    second = CachedFace(str(path))
    _same_face(second, TTFontFace(str(path)))
    assert second.charWidths != first.charWidths


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xe9\x03\x00\x00\x00"])
def test_a_damaged_cache_file_means_a_parse_and_a_new_file(cache_home: Path, damage: bytes) -> None:
    path = str(VERA / "Vera.ttf")
    CachedFace(path)
    (stored,) = (cache_home / "pressconv" / "fonts").glob("*.marshal")
    good = stored.read_bytes()
    stored.write_bytes(damage)
    _same_face(CachedFace(path), TTFontFace(path))
    assert stored.read_bytes() == good


def test_a_flipped_byte_in_the_tables_is_noticed(cache_home: Path) -> None:
    path = str(VERA / "Vera.ttf")
    CachedFace(path)
    (stored,) = (cache_home / "pressconv" / "fonts").glob("*.marshal")
    data = bytearray(stored.read_bytes())
    data[-100] ^= 0xFF  # inside the tables, past the key
    stored.write_bytes(bytes(data))
    _same_face(CachedFace(path), TTFontFace(path))


def test_an_unwritable_cache_folder_costs_only_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made under a file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = str(VERA / "Vera.ttf")
    _same_face(CachedFace(path), TTFontFace(path))
    assert blocker.read_text() == "the cache folder cannot be made under a file"
    assert not list(tmp_path.glob(".*.tmp")) and not list(tmp_path.rglob("*.marshal"))


def test_the_cache_folder_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert face_cache.cache_folder() == tmp_path / "pressconv" / "fonts"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG rule: only an absolute path counts
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform not in ("win32", "darwin"):
        assert face_cache.cache_folder() == tmp_path / "home" / ".cache" / "pressconv" / "fonts"


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu fonts are not installed (fonts-dejavu-core)")
def test_the_pdf_is_the_same_with_the_cache_cold_warm_damaged_or_unwritable(
    tmp_path: Path, sample_path: Path
) -> None:
    """Each process registers its faces once, so every state of the cache is a process of its own."""
    home = tmp_path / "home"

    def pdf(cache_home: Path, name: str) -> bytes:
        out = tmp_path / f"{name}.pdf"
        env = {"XDG_CACHE_HOME": str(cache_home), "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1700000000"}
        argv = ["to-pdf", str(sample_path), "-o", str(out)]
        code = f"from pressconv.cli import main\nraise SystemExit(main({argv!r}))"
        subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
        return out.read_bytes()

    cold = pdf(home, "cold")
    stored = sorted((home / "pressconv" / "fonts").glob("*.marshal"))
    assert len(stored) >= 3  # the serif, its italic and the sans bold of the sample at least
    warm = pdf(home, "warm")
    for path in stored:
        path.write_bytes(path.read_bytes()[:1000])
    damaged = pdf(home, "damaged")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    unwritable = pdf(blocker, "unwritable")
    assert cold == warm == damaged == unwritable
