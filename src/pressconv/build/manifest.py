"""dist/.pressconv-manifest.json <-> a checked ``Manifest``: what pressconv wrote, and what it may remove.

The manifest records for every output pressconv wrote the hash of its source
bytes, the pressconv version, a hash of the options that format reads, and the
hash and size of the output itself.  It is committed with dist/, so its text is
data from anyone with commit access, never trusted: it is checked against one
declared schema (``_File``, validated by msgspec) whose output paths must be
plain relative paths (no ``..``, no leading ``/``, no hidden part, no NUL).  A file
that fails is not an error but a manifest to rebuild from scratch, with a
warning.  ``removable`` is the one gate before any output is deleted: inside
dist/ after following symlinks, a regular file, and still the bytes the
manifest recorded.  ``options_hash`` is the hash each entry keeps of the options its format
reads.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from pressconv.build import store as scratch
from pressconv.build.store import WINDOW, Store, dec, enc
from pressconv.options import WriteOptions

MANIFEST = ".pressconv-manifest.json"
MANIFEST_FORMAT = 1

#: One or more ``/``-separated parts, none empty, none starting with ``.`` (so no ``.``, ``..`` or
#: hidden file: outputs mirror sources, which are never hidden), no NUL.  Not absolute.
RELATIVE_PATH = r"^[^/.\x00][^/\x00]*(/[^/.\x00][^/\x00]*)*$"
RelativePath = Annotated[str, msgspec.Meta(pattern=RELATIVE_PATH, max_length=4096)]
# A length, not a pattern: a hash is only ever compared, and a regex per field costs a no-op build of
# 1,000 sources (4,000 outputs) 10 ms; only the keys, paths to delete, are matched against one.
Sha256 = Annotated[str, msgspec.Meta(min_length=64, max_length=64)]


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the manifest knows about one output pressconv wrote."""

    source: Annotated[str, msgspec.Meta(min_length=1, max_length=4096)]
    """The source's path relative to the source folder, POSIX style (only ever compared with the
    sources found; the keys, which name files to delete, carry the path pattern)."""
    source_sha256: Sha256
    format: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    options: Sha256
    """Hash of the options this format reads (see ``options_hash``)."""
    version: Annotated[str, msgspec.Meta(max_length=200)]
    """The pressconv version that wrote it."""
    sha256: Sha256
    """Hash of the output bytes."""
    size: Annotated[int, msgspec.Meta(ge=0)]

    def matches(self, other: Entry) -> bool:
        """Same source bytes, format, options and version: the output need not be rendered again."""
        return (self.source, self.source_sha256, self.format, self.options, self.version) == (
            other.source,
            other.source_sha256,
            other.format,
            other.options,
            other.version,
        )


class _File(msgspec.Struct, forbid_unknown_fields=True):
    """The schema of the whole file."""

    outputs: dict[RelativePath, Entry]
    pressconv_manifest: Literal[1]


_FIELDS = Entry.__struct_fields__
_Outputs = dict[RelativePath, Entry]
#: The lines ``chunks`` writes around the outputs, which ``load`` reads window by window.
_OPEN, _OUTPUTS, _CLOSE = b"{\n", b' "outputs": {\n', b" },\n"
_EMPTY = b' "outputs": {},\n'
_TAIL = f' "pressconv_manifest": {MANIFEST_FORMAT}\n}}\n'.encode()


class _Irregular(Exception):
    """The file is not laid out as ``chunks`` writes it (or fails the schema): read it whole instead."""


class StoredEntries(MutableMapping[str, Entry]):
    """The manifest's outputs in the build's database (table ``manifest``), iterated in key order."""

    _COLUMNS = "out, source, source_sha256, format, options, version, sha256, size"

    def __init__(self, store: Store) -> None:
        self.store = store
        store.db.execute(
            "CREATE TABLE IF NOT EXISTS manifest (out BLOB PRIMARY KEY, source BLOB, source_sha256 BLOB,"
            " format BLOB, options BLOB, version BLOB, sha256 BLOB, size INTEGER) WITHOUT ROWID"
        )

    def __getitem__(self, out: str) -> Entry:
        row = self.store.one(f"SELECT {self._COLUMNS} FROM manifest WHERE out = ?", (enc(out),))
        if row is None:
            raise KeyError(out)
        return _entry(row)

    def __setitem__(self, out: str, entry: Entry) -> None:
        self.update_many([(out, entry)])

    def __delitem__(self, out: str) -> None:
        if not self.store.db.execute("DELETE FROM manifest WHERE out = ?", (enc(out),)).rowcount:
            raise KeyError(out)

    def __contains__(self, out: object) -> bool:
        return (
            isinstance(out, str)
            and self.store.one("SELECT 1 FROM manifest WHERE out = ?", (enc(out),)) is not None
        )

    def __iter__(self) -> Iterator[str]:
        return (dec(row[0]) for row in self.store.windows("out FROM manifest", "1", ["out"]))

    def __len__(self) -> int:
        return int(self.store.one("SELECT count(*) FROM manifest")[0])

    def __bool__(self) -> bool:
        return self.store.one("SELECT 1 FROM manifest LIMIT 1") is not None

    def ordered(self) -> Iterator[tuple[str, Entry]]:
        """(output, entry) in key order, read a window at a time."""
        for row in self.store.windows(f"{self._COLUMNS} FROM manifest", "1", ["out"]):
            yield dec(row[0]), _entry(row)

    def some(self, keys: list[bytes]) -> dict[str, Entry]:
        """The entries of those of ``keys`` (outputs as stored, ``enc``) the manifest lists (a query per
        few hundred)."""
        rows = self.store.among(f"{self._COLUMNS} FROM manifest", "out", keys)
        return {dec(row[0]): _entry(row) for row in rows}

    def update_many(self, items: Iterable[tuple[str, Entry]]) -> None:
        rows = (
            (enc(out), *(enc(getattr(entry, name)) for name in _FIELDS[:-1]), entry.size)
            for out, entry in items
        )
        with self.store.bulk():
            self.store.db.executemany("INSERT OR REPLACE INTO manifest VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def clear(self) -> None:
        self.store.db.execute("DELETE FROM manifest")


def _entry(row: tuple[Any, ...]) -> Entry:
    return Entry(dec(row[1]), dec(row[2]), dec(row[3]), dec(row[4]), dec(row[5]), dec(row[6]), row[7])


@dataclass(slots=True)
class Manifest:
    """Output path (relative to dist/, POSIX style) -> Entry: a dict, or a build's ``StoredEntries``."""

    outputs: MutableMapping[str, Entry] = field(default_factory=dict)

    @classmethod
    def load(cls, dist: Path, store: Store | None = None) -> tuple[Manifest, str | None]:
        """The manifest in ``dist`` (empty when there is none), and why it was discarded, if it was.

        With a ``store`` the entries go to its table, a window at a time, and are not held here.
        Raises OSError when the file exists but cannot be read.
        """
        outputs: MutableMapping[str, Entry] = {} if store is None else StoredEntries(store)
        manifest = cls(outputs)
        path = dist / MANIFEST
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            return manifest, None
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return manifest, "not a regular file"
            try:
                for window in _windows(handle):
                    _add(outputs, window)
                return manifest, None
            except _Irregular:
                outputs.clear()
                handle.seek(0)
                raw = handle.read()
        try:
            # The stdlib parser, because it reads back the surrogate escapes ``dumps`` writes for file
            # names that are not UTF-8 (msgspec's refuses them); msgspec then checks the schema.
            data = json.loads(raw)
            del raw
            checked = msgspec.convert(data, type=_File)
        except (ValueError, RecursionError, msgspec.ValidationError) as err:
            return manifest, _reason(err)
        _add(outputs, checked.outputs)
        return manifest, None

    def dumps(self) -> bytes:
        """Deterministic JSON: sorted keys, relative paths, no times, one line per output.

        One line per output keeps a commit's diff to the outputs it changed, and
        lets the C encoder do the work (``indent`` would force the slow one).
        A file name that is not UTF-8 holds surrogates (``os.fsdecode``): those
        are written as JSON ``\\udcXX`` escapes, which ``load`` reads back.
        """
        return b"".join(self.chunks())

    def chunks(self, lines: int = WINDOW) -> Iterator[bytes]:
        """The bytes of ``dumps`` in pieces of ``lines`` outputs, so that saving the manifest of a large
        archive never holds a second copy of it as text (``publish.publish_chunks``)."""
        head = '{\n "outputs": {\n  '
        part: list[str] = []
        for key, entry in self._ordered():
            part.append(_line(key, entry))
            if len(part) == lines:
                yield (head + ",\n  ".join(part)).encode("utf-8", "backslashreplace")
                head, part = ",\n  ", []
        if part:
            yield (head + ",\n  ".join(part)).encode("utf-8", "backslashreplace")
        elif head.startswith("{"):  # no outputs at all
            yield f'{{\n "outputs": {{}},\n "pressconv_manifest": {MANIFEST_FORMAT}\n}}\n'.encode()
            return
        yield f'\n }},\n "pressconv_manifest": {MANIFEST_FORMAT}\n}}\n'.encode()

    def _ordered(self) -> Iterator[tuple[str, Entry]]:
        if isinstance(self.outputs, StoredEntries):
            return self.outputs.ordered()
        keys = sorted(self.outputs)  # the keys only: a list of pointers, not of (key, entry) pairs
        return ((key, self.outputs[key]) for key in keys)


def _add(outputs: MutableMapping[str, Entry], window: dict[str, Entry]) -> None:
    if isinstance(outputs, StoredEntries):
        outputs.update_many(window.items())
    else:
        outputs.update(window)


def _windows(handle: io.BufferedReader) -> Iterator[dict[str, Entry]]:
    """The outputs of a manifest laid out as ``chunks`` writes it, ``store.WINDOW`` at a time, checked
    against the schema.  Raises ``_Irregular`` at the first thing that is not that layout, or that the schema
    refuses: the caller then reads the file whole, which also names the fault."""
    if handle.readline() != _OPEN:
        raise _Irregular
    second = handle.readline()
    if second == _EMPTY:
        if handle.read(len(_TAIL) + 1) != _TAIL:
            raise _Irregular
        return
    if second != _OUTPUTS:
        raise _Irregular
    lines = scratch.WINDOW
    window: list[bytes] = []
    pending: bytes | None = None  # the line before: the last output's alone has no comma
    while (line := handle.readline()) != _CLOSE:
        if pending is not None:
            if not pending.endswith(b","):
                raise _Irregular
            window.append(pending)
            if len(window) == lines:
                yield _parse(window)
                window = []
        if not line.startswith(b"  ") or not line.endswith(b"\n"):
            raise _Irregular
        pending = line[2:-1]
    if pending is None or pending.endswith(b",") or handle.read(len(_TAIL) + 1) != _TAIL:
        raise _Irregular
    window.append(pending + b",")
    yield _parse(window)


def _parse(lines: list[bytes]) -> dict[str, Entry]:
    body = b"".join(lines)
    try:
        data = json.loads(b"{" + body[:-1] + b"}")
        return msgspec.convert(data, type=_Outputs)
    except (ValueError, RecursionError, msgspec.ValidationError):
        raise _Irregular from None


def _line(key: str, entry: Entry) -> str:
    return (
        json.dumps(key, ensure_ascii=False)
        + ": "
        + json.dumps({name: getattr(entry, name) for name in _FIELDS}, sort_keys=True, ensure_ascii=False)
    )


def _reason(err: BaseException) -> str:
    """One short line saying why a manifest was discarded."""
    if isinstance(err, RecursionError):
        return "nested too deeply"
    if isinstance(err, msgspec.ValidationError):
        return "does not fit the schema: " + str(err).replace(
            f"matching regex {RELATIVE_PATH!r}", "that is a plain relative path"
        )
    if isinstance(err, UnicodeDecodeError):
        return "not UTF-8 text"
    return f"not JSON: {str(err).splitlines()[0][:120]}"


def removable(dist: Path, out: str, entry: Entry) -> str | None:
    """Why the output ``out`` (a key of a checked manifest) must not be deleted, or None when it may.

    Only a regular file inside dist/ once symlinks are followed, holding exactly
    the bytes the manifest recorded, is pressconv's to remove: a symlinked
    folder pointing out of dist/, a file replaced by hand or a path the
    manifest was edited to name stays where it is.
    """
    root = os.path.realpath(dist)
    path = os.path.join(root, *out.split("/"))
    parent = os.path.realpath(os.path.dirname(path))
    if parent != root and not parent.startswith(root + os.sep):
        return "lies outside the output folder"
    path = os.path.join(parent, os.path.basename(path))
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            return "not a regular file"
        if info.st_size != entry.size:
            return "changed since pressconv wrote it"
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        with os.fdopen(os.open(path, flags), "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return "already gone"
    except OSError as err:
        return f"cannot be read: {err.strerror}"
    return None if digest == entry.sha256 else "changed since pressconv wrote it"


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``: how the manifest names source, options and output bytes."""
    return hashlib.sha256(data).hexdigest()


def options_hash(options: WriteOptions, fmt: str) -> str:
    """A hash of the options ``fmt`` declares (see ``writers.options``): no other format's option counts.

    Files named by an option (a reference .docx, a cover, a font file) count by
    their bytes, not their path, so the hash is the same in every clone.
    """
    from pressconv import writers

    record: dict[str, Any] = {}
    for item in writers.options(fmt):
        value = options.get(item.name, item.default)
        if item.kind == "theme" and value is not None:
            value = value.fingerprint()  # the settings and the logo's and font files' bytes
        if isinstance(value, Path) or (isinstance(value, str) and item.name.endswith("_font")):
            value = _file_fingerprint(Path(value)) if Path(value).is_file() else str(value)
        record[item.name] = value
    return sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _file_fingerprint(path: Path) -> str:
    try:
        return "sha256:" + sha256(path.read_bytes())
    except OSError:
        return str(path)
