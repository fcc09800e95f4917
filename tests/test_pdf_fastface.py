"""FastFace reads a TrueType font into exactly what reportlab's own parse gives, on every system font."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from pressconv.writers.pdf import fonts as _fonts
from pressconv.writers.pdf.embedding import EmbeddedTTFont, FastFace

FONTS = sorted({*_fonts.system_font_files(), *(Path(reportlab.__file__).parent / "fonts").glob("*.ttf")})

FACE_FIELDS = (
    "charToGlyph",
    "glyphToChar",
    "charWidths",
    "defaultWidth",
    "hmetrics",
    "glyphPos",
    "numGlyphs",
    "name",
    "flags",
    "ascent",
    "descent",
    "capHeight",
    "bbox",
    "italicAngle",
    "stemV",
    "_pos",
)


def _parse(cls: type[TTFontFace], path: Path) -> TTFontFace | str:
    try:
        return cls(str(path))
    except (TTFError, ValueError, KeyError, IndexError, OSError, struct.error) as err:
        return f"{type(err).__name__}: {err}"


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_fast_face_equals_reportlab_face(path: Path) -> None:
    ours, theirs = _parse(FastFace, path), _parse(TTFontFace, path)
    if isinstance(theirs, str) or isinstance(ours, str):
        assert ours == theirs
        return
    for name in FACE_FIELDS:
        mine, real = getattr(ours, name), getattr(theirs, name)
        assert mine == real, name
        if isinstance(real, dict):  # the same order too: reportlab reads glyphToChar[g][0]
            assert list(mine.items()) == list(real.items()), name


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.9, 0.999])
def test_a_truncated_font_fails_or_reads_as_reportlab_reads_it(tmp_path: Path, fraction: float) -> None:
    source = next((p for p in FONTS if p.name == "DejaVuSans.ttf"), FONTS[0])
    data = source.read_bytes()
    path = tmp_path / "cut.ttf"
    path.write_bytes(data[: int(len(data) * fraction)])
    ours, theirs = _parse(FastFace, path), _parse(TTFontFace, path)
    if isinstance(theirs, str) or isinstance(ours, str):
        assert ours == theirs
    else:
        assert [getattr(ours, n) for n in FACE_FIELDS] == [getattr(theirs, n) for n in FACE_FIELDS]


def test_embedded_font_is_set_up_as_reportlab_sets_up_its_own() -> None:
    path = str(FONTS[0])
    font = EmbeddedTTFont("pc-a", path)
    # The face is kept as base_face (``face`` is a property answering a write's own copy, if any).
    ours = {("face" if name == "base_face" else name): value for name, value in vars(font).items()}
    theirs = vars(TTFont("pc-a", path))
    assert sorted(ours) == sorted(theirs)
    assert font.face is ours["face"]
    for name in ours:
        if name not in ("face", "encoding", "state"):
            assert ours[name] == theirs[name], name


def test_the_test_sees_fonts() -> None:
    assert len(FONTS) >= 4  # at least reportlab's own Vera faces
