"""Font discovery and per-character fallback: a font request -> embedded TrueType faces for reportlab.

The PDF writer asks for a ``FontSet``: a serif family for body text, a sans
family for display lines, and a fallback search over every TrueType font the
system has.  Discovery is portable: a house font (a ``.ttf`` path or a family
name), fontconfig's ``fc-match``/``fc-list`` where present, the usual font
folders otherwise, DejaVu by default, reportlab's bundled Vera last.  Only
TrueType-outline fonts are used, so every glyph is embedded and the 14 base
fonts never appear.  Coverage (the cmap) and reportlab registration are cached
per process; segmenting a text costs one set difference unless it holds
characters the main face lacks.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from pressconv.errors import Notes, PressconvError
from pressconv.writers._pdftags import EmbeddedTTFont, draw_as_notdef
from pressconv.writers._unicode_blocks import block_name

STYLES = ("regular", "bold", "italic", "bold_italic")

# Folders searched when fontconfig is not installed (Windows and macOS have none by default).
_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"),
)

# File-name endings that name each style, tried in order, e.g. DejaVuSerif-BoldItalic, VeraBI.
_STYLE_SUFFIXES = {
    "regular": ("", "regular", "roman", "book"),
    "bold": ("bold", "bd"),
    "italic": ("italic", "oblique", "it"),
    "bold_italic": ("bolditalic", "boldoblique", "bi"),
}
# Words in a file name that mark a face other than the plain one; those are skipped as fallbacks.
_VARIANT_WORDS = re.compile(
    r"bold|italic|oblique|light|thin|black|medium|semi|extra|condensed|narrow|heavy|mono|display", re.I
)


def _normal(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).lower()


@dataclass(frozen=True, slots=True)
class Face:
    """One registered TrueType face."""

    name: str
    """The name reportlab knows it by (used in ``<font name=…>`` and styles)."""
    path: Path
    """The font file."""
    chars: frozenset[str] = field(repr=False)
    """Every character the face maps to a glyph."""


@dataclass(frozen=True, slots=True)
class Family:
    """Four faces of one family; a style the family lacks repeats the regular face."""

    regular: Face
    bold: Face
    italic: Face
    bold_italic: Face

    def style(self, bold: bool, italic: bool) -> Face:
        """The face for a weight and slant."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


# ---------------------------------------------------------------------------------------------------------
# Reading a font file: just enough of the sfnt format to know coverage without loading the font.


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return {}
    (count,) = struct.unpack_from(">H", data, 4)
    tables: dict[bytes, tuple[int, int]] = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag] = (offset, length)
    return tables


def _cmap_format4(data: bytes, at: int) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", data, at + 6)
    n = seg_x2 // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + seg_x2)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg_x2)
    range_at = at + 16 + 3 * seg_x2
    offsets = struct.unpack_from(f">{n}H", data, range_at)
    found: set[int] = set()
    for i in range(n):
        start, end, delta, offset = starts[i], ends[i], deltas[i], offsets[i]
        if start == 0xFFFF:
            continue
        if offset == 0:
            found.update(c for c in range(start, end + 1) if (c + delta) & 0xFFFF)
            continue
        base = range_at + 2 * i + offset
        for c in range(start, end + 1):
            where = base + 2 * (c - start)
            if where + 2 <= len(data) and struct.unpack_from(">H", data, where)[0]:
                found.add(c)
    return found


def _cmap_format12(data: bytes, at: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    found: set[int] = set()
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        found.update(range(start if glyph else start + 1, min(end, 0x10FFFF) + 1))
    return found


@cache
def coverage(path: Path) -> frozenset[str]:
    """Characters a TrueType-outline font file maps; empty for CFF, collections and unreadable files."""
    try:
        data = path.read_bytes()
        tables = _tables(data)
        if b"glyf" not in tables or b"cmap" not in tables:
            return frozenset()
        cmap_at = tables[b"cmap"][0]
        _, count = struct.unpack_from(">HH", data, cmap_at)
        subtables: dict[tuple[int, int], int] = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, cmap_at + 4 + 8 * i)
            subtables[(platform, encoding)] = cmap_at + offset
        for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 1), (0, 0)):
            at = subtables.get(key)
            if at is None:
                continue
            (fmt,) = struct.unpack_from(">H", data, at)
            if fmt == 12:
                return frozenset(map(chr, _cmap_format12(data, at)))
            if fmt == 4:
                return frozenset(map(chr, _cmap_format4(data, at)))
    except (OSError, struct.error):
        pass
    return frozenset()


# ---------------------------------------------------------------------------------------------------------
# Registration with reportlab, once per file per process.


@cache
def register(path: Path) -> Face | None:
    """The file registered with reportlab as an embeddable face, or None when reportlab cannot embed it."""
    name = "pc-" + re.sub(r"[^A-Za-z0-9]+", "-", path.stem)
    try:
        font = EmbeddedTTFont(name, str(path))
    except (TTFError, OSError, struct.error, KeyError, ValueError, IndexError):
        return None
    pdfmetrics.registerFont(font)
    chars = frozenset(chr(c) for c in font.face.charToGlyph if 0 < c <= 0x10FFFF)
    return Face(name, path, chars)


def _need(path: Path) -> Face:
    face = register(path)
    if face is None:
        raise PressconvError(f"font {str(path)!r} is not a TrueType font reportlab can embed")
    return face


# ---------------------------------------------------------------------------------------------------------
# Finding files.


@cache
def system_font_files() -> tuple[Path, ...]:
    """Every .ttf the system knows: fontconfig's list where present, else a walk of the usual folders."""
    found: set[Path] = set()
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            listing = subprocess.run(
                [fc_list, "--format", "%{file}\n"], capture_output=True, text=True, timeout=20, check=False
            ).stdout
            found.update(Path(line) for line in listing.splitlines() if line.lower().endswith(".ttf"))
        except (OSError, subprocess.SubprocessError):
            pass
    if not found:
        for folder in _FONT_DIRS:
            root = Path(folder).expanduser()
            if root.is_dir():
                found.update(p for p in root.rglob("*") if p.suffix.lower() == ".ttf" and p.is_file())
    return tuple(sorted(found))


def _fc_match(family: str, style: str) -> Path | None:
    fc_match = shutil.which("fc-match")
    if not fc_match:
        return None
    fc_style = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "Bold Italic"}[style]
    try:
        out = subprocess.run(
            [fc_match, "--format", "%{file}\n%{family}\n%{style}", f"{family}:style={fc_style}"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(out) < 3 or not out[0].lower().endswith(".ttf"):
        return None
    # fc-match always answers, substituting a default for an unknown family: accept only the family asked for.
    if _normal(family) not in {_normal(f) for f in out[1].split(",")}:
        return None
    if style != "regular" and _normal(fc_style) not in {_normal(s) for s in out[2].split(",")}:
        return None
    return Path(out[0])


def _by_file_name(family: str, style: str, files: tuple[Path, ...]) -> Path | None:
    wanted = _normal(family)
    for suffix in _STYLE_SUFFIXES[style]:
        for path in files:
            if _normal(path.stem) == wanted + suffix:
                return path
    return None


def _siblings(path: Path) -> dict[str, Path]:
    """Style variants next to a house font file: Foo-Regular.ttf -> Foo-Bold.ttf, Foo-Italic.ttf…"""
    stem = re.sub(r"[-_ ]?(regular|roman|book)$", "", path.stem, flags=re.I)
    files = tuple(sorted(p for p in path.parent.iterdir() if p.suffix.lower() == ".ttf"))
    found = {"regular": path}
    for style in STYLES[1:]:
        match = _by_file_name(stem, style, files)
        if match is not None:
            found[style] = match
    return found


def _family_files(family: str) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for style in STYLES:
        match = _fc_match(family, style) or _by_file_name(family, style, system_font_files())
        if match is not None:
            found[style] = match
    return found


def _family(files: dict[str, Path]) -> Family:
    regular = _need(files["regular"])
    faces = {style: register(files[style]) if style in files else None for style in STYLES[1:]}
    bold = faces["bold"] or regular
    italic = faces["italic"] or regular
    return Family(regular, bold, italic, faces["bold_italic"] or bold)


def _bundled() -> dict[str, Path]:
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    names = {"regular": "Vera.ttf", "bold": "VeraBd.ttf", "italic": "VeraIt.ttf", "bold_italic": "VeraBI.ttf"}
    return {style: folder / name for style, name in names.items()}


# ---------------------------------------------------------------------------------------------------------
# The set of fonts one document uses.


@dataclass(slots=True)
class FontSet:
    """Body and display families plus a per-character fallback search; one per font request per process."""

    serif: Family
    sans: Family
    candidates: tuple[Path, ...]
    """Fallback files in the order they are tried."""
    _fallback: dict[tuple[str, bool, bool], Face | None] = field(default_factory=dict)

    def fallback(self, char: str, bold: bool, italic: bool) -> Face | None:
        """The first fallback face that draws ``char`` (in the asked style when the family has it)."""
        key = (char, bold, italic)
        if key not in self._fallback:
            self._fallback[key] = self._search(char, bold, italic)
        return self._fallback[key]

    def _search(self, char: str, bold: bool, italic: bool) -> Face | None:
        for family in (self.sans, self.serif):
            face = family.style(bold, italic)
            if char in face.chars:
                return face
        for path in self.candidates:
            if char not in coverage(path):
                continue
            regular = register(path)
            if regular is None or char not in regular.chars or " " not in regular.chars:
                continue
            if bold or italic:
                styled = _siblings(path)
                wanted = "bold_italic" if bold and italic else "bold" if bold else "italic"
                variant = register(styled[wanted]) if wanted in styled else None
                if variant is not None and char in variant.chars:
                    return variant
            return regular
        return None

    def runs(self, text: str, face: Face, notes: Notes) -> list[tuple[Face | None, str]]:
        """``text`` cut into runs: (None, chars the face draws) or (fallback face, chars it draws).

        A character no font draws stays in the main face's run (so the text is still extractable) and is
        reported once as ``missing-glyph``.
        """
        missing = set(text).difference(face.chars)
        if not missing:
            return [(None, text)]
        bold = face in (self.serif.bold, self.sans.bold, self.serif.bold_italic, self.sans.bold_italic)
        italic = face in (self.serif.italic, self.sans.italic, self.serif.bold_italic, self.sans.bold_italic)
        chosen: dict[str, Face | None] = {}
        for char in dict.fromkeys(c for c in text if c in missing):  # text order: warnings are deterministic
            found = self.fallback(char, bold, italic)
            chosen[char] = found
            if found is None:
                # Printed as the face's .notdef box, but kept as text for extraction and search.
                draw_as_notdef(face.name, char)
                cp = ord(char)
                label = unicodedata.name(char, "unnamed character")
                notes.warn(
                    "missing-glyph",
                    f"U+{cp:04X} ({block_name(cp)}) {label}: no installed font can draw it; "
                    "it prints as an empty box (install a font that covers it or pass --pdf-font)",
                )
        result: list[tuple[Face | None, str]] = []
        for char in text:
            run_face = chosen.get(char)
            if result and result[-1][0] is run_face:
                result[-1] = (run_face, result[-1][1] + char)
            else:
                result.append((run_face, char))
        return result


def _candidate_rank(path: Path) -> tuple[int, str]:
    stem = path.stem
    if _VARIANT_WORDS.search(stem.replace("Regular", "")):
        rank = 9
    elif stem in ("DejaVuSans", "NotoSans-Regular"):
        rank = 0
    elif stem.startswith("NotoSans"):
        rank = 1
    elif "Sans" in stem:
        rank = 2
    else:
        rank = 3
    return rank, str(path)


@cache
def font_set(request: str | None) -> FontSet:
    """The fonts for a ``pdf_font`` request (None: the defaults), found and registered once per process."""
    if request:
        path = Path(request).expanduser()
        if path.suffix.lower() in (".ttf", ".otf", ".ttc") or os.sep in request:
            if not path.is_file():
                raise PressconvError(f"font file {request!r} does not exist")
            if path.suffix.lower() != ".ttf":
                raise PressconvError(f"font {request!r}: only TrueType (.ttf) fonts can be embedded")
            house = _family(_siblings(path))
        else:
            files = _family_files(request)
            if "regular" not in files:
                raise PressconvError(f"font family {request!r} not found")
            house = _family(files)
        serif = sans = house
    else:
        serif_files, sans_files = _family_files("DejaVu Serif"), _family_files("DejaVu Sans")
        bundled = _family(_bundled())
        serif = _family(serif_files) if "regular" in serif_files else bundled
        sans = _family(sans_files) if "regular" in sans_files else bundled
    used = {f.path for fam in (serif, sans) for f in (fam.regular, fam.bold, fam.italic, fam.bold_italic)}
    candidates = tuple(sorted((p for p in system_font_files() if p not in used), key=_candidate_rank))
    return FontSet(serif, sans, candidates)
