"""Font files: what fontTools says a fallback candidate covers is what reportlab will draw from it.

``fonts.coverage`` (fontTools) decides which file a missing character is looked for in, without
registering it; ``EmbeddedTTFont`` (reportlab's own parse) then draws it.  They must agree on
every system font, or a fallback would be chosen that prints an empty box.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from pressconv.writers.pdf import fonts as _fonts
from pressconv.writers.pdf.embedding import EmbeddedTTFont

FONTS = sorted({*_fonts.system_font_files(), *(Path(reportlab.__file__).parent / "fonts").glob("*.ttf")})


def _drawn(path: Path) -> frozenset[str] | None:
    """The characters reportlab's parse maps to a real glyph; None when reportlab cannot read the file."""
    try:
        face = TTFontFace(str(path))
    except (TTFError, ValueError, KeyError, IndexError, OSError, struct.error):
        return None
    # reportlab copies the space glyph to U+00A0 when a font lacks it; the file does not map it.
    return frozenset(chr(c) for c, g in face.charToGlyph.items() if g and c <= 0x10FFFF) - {"\xa0"}


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_coverage_is_what_reportlab_draws(path: Path) -> None:
    drawn = _drawn(path)
    if drawn is None:
        assert _fonts.coverage(path) == frozenset() or path.suffix.lower() == ".ttf"
        return
    assert _fonts.coverage(path) - {"\xa0"} == drawn


@pytest.mark.parametrize("fraction", [0.05, 0.3, 0.6, 0.9, 0.999])
def test_a_truncated_font_covers_nothing_or_what_it_maps(tmp_path: Path, fraction: float) -> None:
    source = next((p for p in FONTS if p.name == "DejaVuSans.ttf"), FONTS[0])
    data = source.read_bytes()
    path = tmp_path / "cut.ttf"
    path.write_bytes(data[: int(len(data) * fraction)])
    covered = _fonts.coverage(path)
    assert covered <= _fonts.coverage(source)


def test_a_file_that_is_not_truetype_covers_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fake.ttf"
    path.write_bytes(b"OTTO" + bytes(200))
    assert _fonts.coverage(path) == frozenset()
    path.write_bytes(b"\x00\x01\x00\x00" + bytes(8))
    assert _fonts.coverage(path) == frozenset()


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
    assert font.face.charToGlyph == theirs["face"].charToGlyph


def test_the_test_sees_fonts() -> None:
    assert len(FONTS) >= 4  # at least reportlab's own Vera faces
