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

import io
import os
import re
import shutil
import struct
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from pressconv import lazy_re
from pressconv.errors import Notes, PressconvError
from pressconv.writers.pdf.embedding import EmbeddedTTFont, draw_as_notdef, draw_invisible
from pressconv.writers.pdf.face_cache import covered
from pressconv.writers.pdf.unicode_blocks import block_name

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
_VARIANT_WORDS = lazy_re.compile(
    r"bold|italic|oblique|light|thin|black|medium|semi|extra|condensed|narrow|heavy|mono|display", re.I
)


def _invisible(char: str) -> bool:
    """Default-ignorable: format controls, variation selectors, fillers (they never show a glyph)."""
    cp = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
        or 0x180B <= cp <= 0x180F
        or cp in (0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0)
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
    bold: bool = False
    """Set in a bold style (a fallback for it is looked for in bold too)."""
    italic: bool = False
    """Set in an italic style."""


@dataclass(frozen=True, slots=True)
class Family:
    """Up to four style files of one family, registered with reportlab only when a style is first used.

    A style the family lacks uses the nearest one it has (bold italic -> bold -> regular).
    """

    files: tuple[tuple[str, Path], ...]
    """(style, file) pairs; "regular" is always there."""

    def face(self, style: str) -> Face:
        """The face for ``regular``, ``bold``, ``italic`` or ``bold_italic``."""
        files = dict(self.files)
        for candidate in (style, "bold" if style == "bold_italic" else style, "regular"):
            if candidate in files:
                found = register(files[candidate])
                if found is not None:
                    return replace(found, bold="bold" in style, italic="italic" in style)
        raise PressconvError(f"font {str(files['regular'])!r} is not a TrueType font reportlab can embed")

    @property
    def regular(self) -> Face:
        return self.face("regular")

    @property
    def bold(self) -> Face:
        return self.face("bold")

    @property
    def italic(self) -> Face:
        return self.face("italic")

    @property
    def bold_italic(self) -> Face:
        return self.face("bold_italic")

    def style(self, bold: bool, italic: bool) -> Face:
        """The face for a weight and slant."""
        return self.face(
            "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
        )


# ---------------------------------------------------------------------------------------------------------
# Reading a font file's coverage without registering it.

#: The cmap subtables looked at, in order of preference: full Unicode first, then the BMP.
_CMAP_PREFERENCE = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 1), (0, 0))


@cache
def coverage(path: Path) -> frozenset[str]:
    """Characters a TrueType-outline font file maps to a glyph; empty for CFF, collections and bad files.

    Read with fontTools, only when a fallback search reaches the file (fontTools is imported then).
    Glyph ids stand in for glyph names, so the 'post' table is never read.
    """
    from fontTools.ttLib import TTFont as FontFile

    try:
        data = path.read_bytes()
        if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
            return frozenset()
        font = FontFile(io.BytesIO(data), lazy=True)
        if "glyf" not in font or "cmap" not in font:
            return frozenset()
        font.setGlyphOrder([str(gid) for gid in range(font["maxp"].numGlyphs)])
        cmap = font["cmap"]
        for platform, encoding in _CMAP_PREFERENCE:
            subtable = cmap.getcmap(platform, encoding)
            if subtable is not None and subtable.format in (4, 12):
                # fontTools leaves out codes mapped to glyph 0 (no glyph) and the closing 0xFFFF segment
                return frozenset(chr(code) for code in subtable.cmap if code <= 0x10FFFF)
    except Exception:  # fontTools raises many kinds on a damaged file: such a file covers nothing
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
    return Face(name, path, covered(font.face))


# ---------------------------------------------------------------------------------------------------------
# Finding files.


@cache
def _fontconfig() -> tuple[tuple[Path, frozenset[str], str], ...]:
    """Every TrueType file fontconfig knows, with its family names and primary style (normalised).

    One ``fc-list`` call, instead of an ``fc-match`` per style: a process start costs about
    15 ms.  Empty when fontconfig is not installed.
    """
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ()
    import subprocess  # ~2 ms to import; only fallback searches and house fonts by name ask fontconfig

    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{file}\t%{family}\t%{style}\n"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    found = []
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0].lower().endswith(".ttf"):
            families = frozenset(_normal(f) for f in parts[1].split(","))
            # The first style name is the face's own; "Condensed Bold,Bold" is a condensed face.
            found.append((Path(parts[0]), families, _normal(parts[2].split(",")[0])))
    return tuple(sorted(found, key=lambda entry: str(entry[0])))


@cache
def system_font_files() -> tuple[Path, ...]:
    """Every .ttf the system knows: fontconfig's list where present, else a walk of the usual folders."""
    found = {path for path, _, _ in _fontconfig()}
    if not found:
        for folder in _FONT_DIRS:
            root = Path(folder).expanduser()
            if root.is_dir():
                found.update(p for p in root.rglob("*") if p.suffix.lower() == ".ttf" and p.is_file())
    return tuple(sorted(found))


_FC_STYLES = {
    "regular": ("regular", "book", "roman", "normal", "medium"),
    "bold": ("bold",),
    "italic": ("italic", "oblique"),
    "bold_italic": ("bolditalic", "boldoblique"),
}


def _by_fontconfig(family: str, style: str) -> Path | None:
    wanted = _normal(family)
    for name in _FC_STYLES[style]:
        for path, families, primary in _fontconfig():
            if wanted in families and primary == name:
                return path
    return None


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
        match = _by_fontconfig(family, style) or _by_file_name(family, style, system_font_files())
        if match is not None:
            found[style] = match
    return found


# Where Debian and Ubuntu's fonts-dejavu-core put the default families.  Looked at before fontconfig:
# asking fc-list costs a process (~11 ms of CPU), and it names these very files when they are there.
_DEBIAN_DEJAVU = "/usr/share/fonts/truetype/dejavu/"
_KNOWN_FILES = {
    "DejaVu Serif": {
        "regular": "DejaVuSerif.ttf",
        "bold": "DejaVuSerif-Bold.ttf",
        "italic": "DejaVuSerif-Italic.ttf",
        "bold_italic": "DejaVuSerif-BoldItalic.ttf",
    },
    "DejaVu Sans": {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "italic": "DejaVuSans-Oblique.ttf",
        "bold_italic": "DejaVuSans-BoldOblique.ttf",
    },
    "DejaVu Sans Mono": {
        "regular": "DejaVuSansMono.ttf",
        "bold": "DejaVuSansMono-Bold.ttf",
        "italic": "DejaVuSansMono-Oblique.ttf",
        "bold_italic": "DejaVuSansMono-BoldOblique.ttf",
    },
}


def _default_family_files(family: str) -> dict[str, Path]:
    """A default family's files at their Debian paths when all four are there, else as fontconfig says."""
    known = {style: Path(_DEBIAN_DEJAVU + name) for style, name in _KNOWN_FILES[family].items()}
    if all(os.path.isfile(path) for path in known.values()):
        return known
    return _family_files(family)


def _family(files: dict[str, Path]) -> Family:
    return Family(tuple((style, files[style]) for style in STYLES if style in files))


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
    mono: Family | None = None
    """The family code spans are set in (None: the sans family)."""
    _candidates: tuple[Path, ...] | None = None
    _fallback: dict[tuple[str, bool, bool], Face | None] = field(default_factory=dict)

    @property
    def candidates(self) -> tuple[Path, ...]:
        """Fallback files in the order they are tried: every system font but the two families' files.

        Listed on first need, since most documents never leave the main faces (and listing asks fontconfig).
        """
        if self._candidates is None:
            used = {path for family in (self.serif, self.sans) for _, path in family.files}
            found = (p for p in system_font_files() if p not in used)
            self._candidates = tuple(sorted(found, key=_candidate_rank))
        return self._candidates

    def family_of(self, face: Face) -> Family:
        """The family a face belongs to (the sans family for a fallback face)."""
        for family in (self.serif, self.sans, self.mono):
            if family is not None and any(path == face.path for _, path in family.files):
                return family
        return self.sans

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
        bold, italic = face.bold, face.italic
        chosen: dict[str, Face | None] = {}
        for char in dict.fromkeys(c for c in text if c in missing):  # text order: warnings are deterministic
            found = self.fallback(char, bold, italic)
            chosen[char] = found
            if found is None and _invisible(char):
                # A variation selector or zero-width mark draws nothing anyway: no box, no warning.
                draw_invisible(face.name, char)
            elif found is None:
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


def _house(request: str) -> Family:
    """The family a font request names: a ``.ttf`` path (with its style siblings) or a family name."""
    path = Path(request).expanduser()
    if path.suffix.lower() in (".ttf", ".otf", ".ttc") or os.sep in request:
        if not path.is_file():
            raise PressconvError(f"font file {request!r} does not exist")
        if path.suffix.lower() != ".ttf":
            raise PressconvError(f"font {request!r}: only TrueType (.ttf) fonts can be embedded")
        return _family(_siblings(path))
    files = _family_files(request)
    if "regular" not in files:
        raise PressconvError(f"font family {request!r} not found")
    return _family(files)


@cache
def font_set(request: str | None, body: str | None = None, heading: str | None = None) -> FontSet:
    """The fonts for a request, found and registered once per process.

    ``request`` (the ``pdf_font`` option) sets every text in one house family; without it ``body``
    and ``heading`` (a theme's typefaces) set the serif (body) and sans (display) families, each
    defaulting to DejaVu (reportlab's bundled Vera where DejaVu is missing).
    """
    if request:
        serif = sans = _house(request)
    else:
        bundled: Family | None = None
        if body:
            serif = _house(body)
        else:
            serif_files = _default_family_files("DejaVu Serif")
            bundled = _family(_bundled())
            serif = _family(serif_files) if "regular" in serif_files else bundled
        if heading:
            sans = _house(heading)
        else:
            sans_files = _default_family_files("DejaVu Sans")
            sans = _family(sans_files) if "regular" in sans_files else bundled or _family(_bundled())
    mono_files = _default_family_files("DejaVu Sans Mono")
    return FontSet(serif, sans, _family(mono_files) if "regular" in mono_files else None)
