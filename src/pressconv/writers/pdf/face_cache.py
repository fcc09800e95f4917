"""A TrueType file -> reportlab's face, its character tables kept in the user's cache between processes.

reportlab's ``TTFontFace`` reads a face's character map, horizontal metrics and glyph locations
in pure Python every time a process registers it: about 4 ms for a DejaVu face, and the shortest
release draws three faces, in every ``pressconv build`` and ``to-pdf``.  Those tables are a
function of the file, so ``CachedFace`` keeps what reportlab extracted from them in the user's
cache folder (``$XDG_CACHE_HOME/pressconv/fonts``, by default ``~/.cache/pressconv/fonts``;
``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), one ``marshal`` file per font
file, keyed by the file's path, size and modification time, the reportlab version and the Python
version.  reportlab still reads the file and its header tables (names, metrics, flags) itself.
The characters a face covers (``covered``) are kept with the tables, as one string.

A face loaded from the cache holds exactly the values reportlab's own parse gives (the same
dictionaries, in the same order), so a PDF's bytes are the same whether the cache is warm, cold,
unwritable or damaged: anything wrong with a cache file means a parse, and the file is written
again (atomically: a temporary file, then a rename).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any, Literal

import reportlab
from reportlab.pdfbase.ttfonts import TTFontFace

#: Bumped when what a cache file holds changes shape.
FORMAT = 2

#: The attribute (not reportlab's) holding the characters a face maps, as one string: a frozenset of
#: a string is ~10x quicker to make than one of ``chr(code)`` for each of a face's ~4,000 codes.
_COVERED = "pressconv_covered"

_Key = tuple[int | str, ...]


def cache_folder() -> Path | None:
    """Where the face tables are kept; None when the user has no home folder to put them in."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    try:
        if os.path.isabs(xdg):
            base = Path(xdg)
        elif sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA", "")
            base = Path(local) if os.path.isabs(local) else Path.home() / "AppData" / "Local"
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            base = Path.home() / ".cache"
    except RuntimeError:  # Path.home() without HOME or a passwd entry
        return None
    return base / "pressconv" / "fonts"


def _key(filename: str) -> _Key | None:
    try:
        stat = os.stat(filename)
    except OSError:
        return None
    path = os.path.abspath(filename)
    return (FORMAT, path, stat.st_size, stat.st_mtime_ns, reportlab.Version, sys.implementation.cache_tag)


def _cache_file(folder: Path, path: str) -> Path:
    # A readable name; the key inside the file decides whether it is this font's.
    return folder / f"{Path(path).stem}-{zlib.crc32(path.encode('utf-8', 'surrogateescape')):08x}.marshal"


def _load(key: _Key) -> dict[str, Any] | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        stored = marshal.loads(_cache_file(folder, str(key[1])).read_bytes())
        found_key, checksum, payload = stored
        if found_key != key or zlib.crc32(payload) != checksum:
            return None
        tables = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):  # absent, unreadable or damaged: parse again
        return None
    return tables if isinstance(tables, dict) else None


def _store(key: _Key, tables: dict[str, Any]) -> None:
    folder = cache_folder()
    if folder is None:
        return
    try:
        payload = marshal.dumps(tables)
        data = marshal.dumps((key, zlib.crc32(payload), payload))
    except ValueError:  # a table of a kind marshal cannot write (a later reportlab): nothing is kept
        return
    target = _cache_file(folder, str(key[1]))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError:  # a read-only or full disk, or no folder: the next process parses again
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


class CachedFace(TTFontFace):
    """reportlab's face of a TrueType file, with the character tables read once per file, not per process.

    ``extractInfo`` (reportlab's step after reading the file) first runs reportlab's own extraction
    without character information (the header tables); the attributes the full extraction adds
    or changes beyond that come from the cache, or from reportlab's full extraction, which then
    fills the cache.
    """

    def extractInfo(self, charInfo: Literal[0, 1] | bool = 1) -> None:  # reportlab's name and signature
        super().extractInfo(0)
        if not charInfo:
            return
        key = _key(str(self.filename))
        tables = _load(key) if key is not None else None
        if tables is not None:
            self.__dict__.update(tables)
            return
        header = dict(self.__dict__)
        super().extractInfo(charInfo)
        self.__dict__[_COVERED] = "".join(chr(c) for c in self.charToGlyph if 0 < c <= 0x10FFFF)
        if key is not None:
            missing = object()
            _store(
                key,
                {
                    name: value
                    for name, value in self.__dict__.items()
                    # reportlab's scale function is made again by the header extraction
                    if not callable(value) and header.get(name, missing) != value
                },
            )


def covered(face: TTFontFace) -> frozenset[str]:
    """Every character ``face`` maps to a glyph (its ``charToGlyph`` codes from U+0001 to U+10FFFF)."""
    text = face.__dict__.get(_COVERED)
    if not isinstance(text, str):  # a face reportlab made, or one without character tables
        text = "".join(chr(c) for c in face.charToGlyph or () if 0 < c <= 0x10FFFF)
    return frozenset(text)
