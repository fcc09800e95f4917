"""Sources, the manifest and stat() -> a ``Plan``: which outputs are stale, which are orphans, which clash.

Planning reads the source folder and the manifest and stats outputs, nothing
more, so an up-to-date build never imports a writer nor parses a document.
A source that cannot be read, or whose output another source already claims,
is a conflict that fails alone.  ``Plan.jobs`` groups the stale outputs into
one ``Job`` per document (all its formats share one parse).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import posixpath
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pressconv.build import store as scratch
from pressconv.build.manifest import MANIFEST, Entry, Manifest, StoredEntries, options_hash, sha256
from pressconv.build.report import display
from pressconv.build.store import Store, dec, enc
from pressconv.build.tables import PLANNED, Orphans, Outputs, Sources, Where
from pressconv.config import BuildConfig
from pressconv.errors import PressconvError
from pressconv.limits import DEFAULT_LIMITS, Limits
from pressconv.options import WriteOptions

_T = TypeVar("_T")
_BLOCK = 1 << 18


@dataclass(frozen=True, slots=True)
class SourceFolder:
    """The source folder, shared by every ``Source`` of a plan: their paths and labels are made from it
    when asked for, not kept per source (two strings fewer for each of an archive's sources)."""

    top: str
    """Absolute path of the source folder."""
    base: str
    """How messages name it: from the repository root where possible, "." for the root itself."""


@dataclass(frozen=True, slots=True)
class Source:
    """One source file found under the source folder."""

    rel: str
    """Path relative to the source folder, POSIX style."""
    sha256: str
    folder: SourceFolder

    @property
    def label(self) -> str:
        """How messages and the document name it: relative to the repository root where possible."""
        return self.rel if self.folder.base == "." else f"{self.folder.base}/{self.rel}"

    @property
    def path(self) -> str:
        """The file's path (as ``find_sources`` gives it)."""
        return os.path.join(self.folder.top, *self.rel.split("/"))


@dataclass(frozen=True, slots=True)
class Job:
    """One document to render in some formats; pickled to a worker process."""

    rel: str
    label: str
    suffix: str
    path: str
    """Read by the worker, so no process holds every source's bytes at once."""
    formats: tuple[str, ...]
    data: bytes | None = None
    """The source's bytes when the client sends them (a worker without the shared folders)."""


#: ``outputs.kind``: an output of a source this run renders if stale; of a source ``only`` left out; of a
#: source that cannot be read (claimed, so that it is neither orphaned nor taken by another source).
_SELECTED, _LEFT_OUT, _HELD = 0, 1, 2
#: ``sources.state``: planned; cannot be read; its output clashes with another source's.
_PLANNED, _FAULT, _CLASH = PLANNED, 1, 2

_SCHEMA = (
    "CREATE TABLE sources (rel BLOB PRIMARY KEY, sha256 TEXT, state INTEGER, message BLOB) WITHOUT ROWID",
    "CREATE TABLE outputs (out BLOB PRIMARY KEY, rel BLOB, fmt INTEGER, kind INTEGER, reason BLOB,"
    " sha256 TEXT) WITHOUT ROWID",
    "CREATE INDEX outputs_by_source ON outputs (rel, fmt)",
    "CREATE TABLE orphans (out BLOB PRIMARY KEY) WITHOUT ROWID",
)


@dataclass(slots=True)
class Plan:
    """What a build would do, decided from sources, the manifest and stat() alone.

    Its sources and outputs are rows of the build's database (``store``), read back a window at a
    time: the attributes below are views, which answer ``in``, ``len`` and iteration, in source order
    (then format order), as the lists and dicts they replace did.  ``close`` removes the database.
    """

    config: BuildConfig
    options: WriteOptions
    formats: tuple[str, ...]
    manifest: Manifest
    store: Store
    folder: SourceFolder
    hashes: dict[str, str]
    """Format -> the hash of the options it reads."""
    version: str
    """The pressconv version planning."""
    suffixes: dict[str, str] = field(default_factory=dict)
    """Output suffix of every registered format."""
    warnings: list[str] = field(default_factory=list)
    """Found while planning (a discarded manifest); printed by ``execute`` and ``check``."""
    temporaries: list[str] = field(default_factory=list)
    """Temporary files in dist/ left by a writer that was killed (its process is gone)."""

    def close(self) -> None:
        """Drop the build's database (sqlite deletes its file); the views are unusable afterwards."""
        self.store.close()

    def __enter__(self) -> Plan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _at(self) -> Where:
        return Where(self.store, lambda rel, digest: Source(rel, digest, self.folder))

    @property
    def sources(self) -> Sources:
        """The sources to build (readable, no clash), in order (``Source`` values)."""
        return Sources(self._at())

    @property
    def expected(self) -> Outputs[Entry]:
        """Every output the selected sources and formats should have (sha256/size not yet known)."""
        return Outputs(self._at(), f"kind IN ({_SELECTED}, {_LEFT_OUT})", self._expected_entry)

    @property
    def stale(self) -> Outputs[str]:
        """Output -> why it must be rendered (missing, source changed, …)."""
        return Outputs(self._at(), f"kind = {_SELECTED} AND reason IS NOT NULL", lambda row: dec(row[4]))

    @property
    def fresh(self) -> Outputs[str]:
        """Outputs that are up to date (iterating gives their paths)."""
        return Outputs(self._at(), f"kind = {_SELECTED} AND reason IS NULL", lambda row: dec(row[0]))

    @property
    def orphans(self) -> Orphans:
        """Manifest outputs whose source is gone: to be removed."""
        return Orphans(self.store)

    @property
    def conflicts(self) -> Iterator[tuple[Source, str]]:
        """Sources whose output another source already claims, or that cannot be read, with the message."""
        rows = self.store.windows("rel, sha256, message FROM sources", f"state != {_PLANNED}", ["rel"])
        for rel, digest, message in rows:
            yield Source(dec(rel), digest or "", self.folder), dec(message)

    def _expected_entry(self, row: tuple[Any, ...]) -> Entry:
        fmt = self.formats[row[2]]
        return Entry(dec(row[1]), row[5], fmt, self.hashes[fmt], self.version, "", 0)

    def jobs(self) -> list[Job]:
        """One job per document with stale outputs, in source order."""
        return list(self.iter_jobs())

    def iter_jobs(self) -> Iterator[Job]:
        """``jobs`` made one at a time, so a build of a large archive never holds them all."""
        rows = self.store.windows("rel, fmt FROM outputs", _STALE, ["rel", "fmt"])
        for rel, group in itertools.groupby(rows, key=lambda row: row[0]):
            source = Source(dec(rel), "", self.folder)
            formats = tuple(self.formats[fmt] for _, fmt in group)
            yield Job(source.rel, source.label, posixpath.splitext(source.rel)[1], source.path, formats)

    def job_count(self) -> int:
        """How many documents ``iter_jobs`` gives."""
        return int(self.store.one(f"SELECT count(DISTINCT rel) FROM outputs WHERE {_STALE}")[0])

    def output_for(self, rel: str, fmt: str) -> str:
        """The dist-relative output path of source ``rel`` in ``fmt`` (a registered format)."""
        return rel[: len(rel) - len(posixpath.splitext(rel)[1])] + self.suffixes[fmt]


_STALE = f"kind = {_SELECTED} AND reason IS NOT NULL"


def _label(path: Path, root: Path) -> str:
    """How a source is named in messages and documents: from the repository root, the same on every
    machine; from the working directory, or in full, when it lies outside."""
    for base in (root, Path.cwd()):
        try:
            return path.relative_to(base).as_posix() or "."
        except ValueError:
            continue
    return path.as_posix()


def find_sources(config: BuildConfig) -> list[tuple[str, str]]:
    """(relative path, path) of every accepted source in the source folder, sorted; hidden ones skipped."""
    top = os.path.abspath(config.source)
    return sorted((rel, os.path.join(top, *rel.split("/"))) for rel in walk_sources(config))


def walk_sources(config: BuildConfig) -> Iterator[str]:
    """The relative path (POSIX style) of every accepted source in the source folder, in no set order;
    hidden files and folders skipped.  Folder by folder with ``os.scandir``, so a folder of 100,000
    sources is never listed whole (``os.walk`` makes a list of each folder's files)."""
    accepted = {suffix.lower() for suffix in _reader_suffixes()}
    top = os.path.abspath(config.source)
    if not os.path.isdir(top):
        return
    folders = [""]
    while folders:
        prefix = folders.pop()
        try:
            scan = os.scandir(os.path.join(top, prefix) if prefix else top)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        with scan:
            for entry in scan:
                name = entry.name
                if name.startswith("."):
                    continue
                try:
                    folder = entry.is_dir()
                except OSError:
                    folder = False
                if folder:
                    if not entry.is_symlink():  # os.walk does not follow links to folders either
                        folders.append(prefix + name + "/")
                elif os.path.splitext(name)[1].lower() in accepted:
                    yield prefix + name


def _read_regular(path: str, use: Callable[[io.BufferedReader], _T]) -> _T:
    """``use`` applied to the open source file; only a regular file is read (a FIFO would hang, a symlink
    to /dev/zero never ends).  Faults raise PressconvError; the caller adds the file's label."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise PressconvError(f"cannot read: {err.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise PressconvError("not a regular file (a FIFO, device or socket is never read)")
        try:
            return use(handle)
        except OSError as err:
            raise PressconvError(f"cannot read: {err.strerror}") from None


def read_source(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of one source file (see ``_read_regular``), within ``limits.input_bytes``."""
    from pressconv.limits import read_stream

    return _read_regular(path, lambda handle: read_stream(handle, None, limits=limits))


def _hash_source(path: str) -> str:
    """The sha256 of a source; planning holds at most one block of one source at a time."""
    return _read_regular(path, _digest)


def _digest(handle: io.BufferedReader) -> str:
    # Most sources are a few kB: one read beats file_digest, which zeroes a 256 kB buffer per file.
    # A larger one is read in blocks of 256 kB.
    data = handle.read(_BLOCK + 1)
    if len(data) <= _BLOCK:
        return sha256(data)
    digest = hashlib.sha256(data)
    del data
    while block := handle.read(_BLOCK):
        digest.update(block)
    return digest.hexdigest()


def check_folders(config: BuildConfig) -> None:
    """Refuse a dist/ that is the source folder or lies inside it, or the reverse: outputs would be read
    as sources, or overwrite them."""
    source, dist = os.path.realpath(config.source), os.path.realpath(config.dist)
    if source == dist:
        raise PressconvError("the output folder is the source folder; choose another", display(config.dist))
    if dist.startswith(source + os.sep):
        raise PressconvError(
            f"the output folder lies inside the source folder {display(config.source)}; move it out",
            display(config.dist),
        )
    if source.startswith(dist + os.sep):
        raise PressconvError(
            f"the source folder lies inside the output folder {display(config.dist)}; move it out",
            display(config.source),
        )


def _writer_names() -> list[str]:
    """``writers.names()``, without importing importlib.metadata when only the built-ins are installed."""
    from pressconv import writers

    return list(writers.BUILTINS) if writers.REGISTRY.only_builtins() else writers.names()


def _reader_suffixes() -> list[str]:
    """``readers.suffixes()``, without importing importlib.metadata when only the built-ins are installed."""
    from pressconv import readers

    return readers.REGISTRY.builtin_suffixes() if readers.REGISTRY.only_builtins() else readers.suffixes()


@scratch.guarded()
def make_plan(
    config: BuildConfig,
    *,
    force: bool = False,
    only: set[str] | None = None,
) -> Plan:
    """Decide what a build does.  ``only`` (source-relative paths) limits rendering to those sources.

    Sources, outputs and the manifest go to a new database (``store``) as they are found, a window of
    sources at a time, so planning holds no record per source; close the plan when done with it.
    """
    from pressconv import __version__, publish, writers

    registered = _writer_names()
    formats = tuple(dict.fromkeys(writers.spec(f).name for f in config.formats)) or tuple(registered)
    for fmt in formats:
        _check_writer(fmt)  # an unknown or missing writer fails here, before anything is read
    options = WriteOptions.from_env(config.options)
    hashes = {fmt: options_hash(options, fmt) for fmt in formats}
    check_folders(config)
    store = Store()
    try:
        for statement in _SCHEMA:
            store.db.execute(statement)
        try:
            manifest, discarded = Manifest.load(config.dist, store)
        except OSError as err:
            where = display(config.dist / MANIFEST)
            raise PressconvError(f"cannot read the manifest: {err.strerror}", where) from None
        folder = SourceFolder(os.path.abspath(config.source), _label(config.source.absolute(), config.root))
        plan = Plan(config, options, formats, manifest, store, folder, hashes, __version__)
        if discarded is not None:
            plan.warnings.append(
                f"{display(config.dist / MANIFEST)}: {discarded}; ignored, and rebuilt from scratch"
            )
        plan.temporaries = publish.stale_temporaries(config.dist)
        plan.suffixes = {name: writers.spec(name).suffix for name in registered}
        with store.bulk():
            store.db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)", _hashed(plan))
        _plan_sources(plan, force, only)
        _find_orphans(plan, set(registered))
    except BaseException:
        store.close()
        raise
    return plan


def _hashed(plan: Plan) -> Iterator[tuple[bytes, str, int, bytes | None]]:
    """A ``sources`` row for every source found (in the walk's order): its hash, or why it cannot be read."""
    folder = plan.folder
    for rel in walk_sources(plan.config):
        try:
            yield enc(rel), _hash_source(os.path.join(folder.top, *rel.split("/"))), _PLANNED, None
        except PressconvError as err:  # fails alone: reported and counted, the others are built
            yield enc(rel), "", _FAULT, enc(f"{Source(rel, '', folder).label}: {err.message}")


def _plan_sources(plan: Plan, force: bool, only: set[str] | None) -> None:
    """Claim every source's outputs and decide which are stale, a window of sources at a time, in order."""
    manifest = plan.manifest.outputs
    assert isinstance(manifest, StoredEntries)
    window: list[tuple[bytes, str, int]] = []
    for row in plan.store.windows("rel, sha256, state FROM sources", "1", ["rel"]):
        window.append(row)
        if len(window) == scratch.WINDOW:
            _plan_window(plan, window, manifest, force, only)
            window = []
    if window:
        _plan_window(plan, window, manifest, force, only)


def _plan_window(
    plan: Plan,
    window: list[tuple[bytes, str, int]],
    manifest: StoredEntries,
    force: bool,
    only: set[str] | None,
) -> None:
    """Plan one window of sources (in order): two queries for the window, not two per source."""
    store, formats, folder = plan.store, plan.formats, plan.folder
    dist = str(plan.config.dist)
    found = [(key, dec(key), digest, state) for key, digest, state in window]
    outs_of = [[plan.output_for(rel, fmt) for fmt in formats] for _, rel, _, _ in found]
    every = [enc(out) for outs in outs_of for out in outs]
    # Claimed by a source of an earlier window (a clash needs the same name but for the suffix).
    claimed = {dec(out): dec(rel) for out, rel in store.among("out, rel FROM outputs", "out", every)}
    old = manifest.some(every)
    clashes: list[tuple[bytes, bytes]] = []
    rows: list[tuple[bytes, bytes, int, int, bytes | None, str]] = []
    for (key, rel, digest, state), outs in zip(found, outs_of, strict=True):
        if state == _FAULT:  # unreadable now, but still there: its outputs stay
            for i, out in enumerate(outs):
                if out not in claimed:
                    claimed[out] = rel
                    rows.append((enc(out), key, i, _HELD, None, ""))
            continue
        clash = next((out for out in outs if out in claimed), None)
        if clash is not None:
            label, other = Source(rel, "", folder).label, Source(claimed[clash], "", folder).label
            clashes.append(
                (enc(f"{label}: its output {clash} also comes from {other}; rename one of them"), key)
            )
            continue
        selected = only is None or rel in only
        for i, (fmt, out) in enumerate(zip(formats, outs, strict=True)):
            claimed[out] = rel
            if not selected:
                rows.append((enc(out), key, i, _LEFT_OUT, None, digest))
                continue
            want = Entry(rel, digest, fmt, plan.hashes[fmt], plan.version, "", 0)
            reason = _staleness(old.get(out), want, os.path.join(dist, out))
            if force and reason is None:
                reason = "forced"
            rows.append((enc(out), key, i, _SELECTED, None if reason is None else enc(reason), digest))
    with store.bulk():
        store.db.executemany(f"UPDATE sources SET state = {_CLASH}, message = ? WHERE rel = ?", clashes)
        store.db.executemany("INSERT INTO outputs VALUES (?, ?, ?, ?, ?, ?)", rows)


def _find_orphans(plan: Plan, known: set[str]) -> None:
    """Record the manifest's outputs that no source claims and whose source is gone (or whose format is
    no longer registered).  Outputs of a living source in a format this run did not select stay; they
    are not this run's business."""
    select = (
        "m.out, m.source, m.format, EXISTS (SELECT 1 FROM sources s WHERE s.rel = m.source) FROM manifest m"
    )
    where = "NOT EXISTS (SELECT 1 FROM outputs o WHERE o.out = m.out)"
    found: list[tuple[bytes]] = []
    for key, source, fmt, present in plan.store.windows(select, where, ["m.out"]):
        out, source, fmt = dec(key), dec(source), dec(fmt)
        gone = not present or fmt not in known
        if gone or plan.output_for(source, fmt) != out:
            found.append((key,))
        if len(found) == scratch.WINDOW:
            with plan.store.bulk():
                plan.store.db.executemany("INSERT INTO orphans VALUES (?)", found)
            found = []
    with plan.store.bulk():
        plan.store.db.executemany("INSERT INTO orphans VALUES (?)", found)


def _check_writer(fmt: str) -> None:
    """Fail early when ``fmt`` is unknown or its module is missing (found without importing it)."""
    from pressconv import writers

    module = writers.spec(fmt).module
    if fmt in writers.BUILTINS:
        return  # shipped inside this package; looking costs 3 ms of importlib.util per build
    import importlib.util

    try:
        found = importlib.util.find_spec(module) is not None
    except ImportError:
        found = False
    if not found:
        raise PressconvError(f"format {fmt!r} is registered but its writer {module} is not installed")


def _staleness(old: Entry | None, want: Entry, path: str) -> str | None:
    """Why the output at ``path`` must be rendered again, or None when it is up to date."""
    if old is None:
        return "missing" if not os.path.exists(path) else "not in the manifest"
    try:
        size = os.stat(path).st_size
    except OSError:
        return "missing"
    if old.source != want.source:
        return "from another source"
    if old.source_sha256 != want.source_sha256:
        return "source changed"
    if old.format != want.format:
        return "format changed"
    if old.options != want.options:
        return "options changed"
    if old.version != want.version:
        return f"written by pressconv {old.version}"
    if size != old.size:
        return "output changed"
    return None
