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
import os
import posixpath
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pressconv.build.manifest import MANIFEST, Entry, Manifest, options_hash, sha256
from pressconv.build.report import display
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


@dataclass(slots=True)
class Plan:
    """What a build would do, decided from sources, the manifest and stat() alone."""

    config: BuildConfig
    options: WriteOptions
    formats: tuple[str, ...]
    manifest: Manifest
    sources: list[Source]
    expected: dict[str, Entry]
    """Every output the selected sources and formats should have (sha256/size not yet known)."""
    stale: dict[str, str]
    """Output -> why it must be rendered (missing, source changed, …)."""
    orphans: list[str]
    """Manifest outputs whose source is gone: to be removed."""
    conflicts: list[tuple[Source, str]]
    """Sources whose output another source already claims, or that cannot be read, with the message."""
    fresh: list[str] = field(default_factory=list)
    """Outputs that are up to date."""
    suffixes: dict[str, str] = field(default_factory=dict)
    """Output suffix of every registered format."""
    warnings: list[str] = field(default_factory=list)
    """Found while planning (a discarded manifest); printed by ``execute`` and ``check``."""
    temporaries: list[str] = field(default_factory=list)
    """Temporary files in dist/ left by a writer that was killed (its process is gone)."""

    def jobs(self) -> list[Job]:
        """One job per document with stale outputs, in source order."""
        return list(self.iter_jobs())

    def iter_jobs(self) -> Iterator[Job]:
        """``jobs`` made one at a time, so a build of a large archive never holds them all."""
        for s in self.sources:
            formats = self._stale_formats(s.rel)
            if formats:
                yield Job(s.rel, s.label, posixpath.splitext(s.rel)[1], s.path, formats)

    def job_count(self) -> int:
        """How many documents ``iter_jobs`` gives."""
        return sum(1 for s in self.sources if self._stale_formats(s.rel))

    def _stale_formats(self, rel: str) -> tuple[str, ...]:
        return tuple(f for f in self.formats if self.output_for(rel, f) in self.stale)

    def output_for(self, rel: str, fmt: str) -> str:
        """The dist-relative output path of source ``rel`` in ``fmt`` (a registered format)."""
        return rel[: len(rel) - len(posixpath.splitext(rel)[1])] + self.suffixes[fmt]


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
    """(relative path, path) of every accepted source in the source folder, sorted; hidden ones skipped.

    Plain strings rather than Path objects: this runs for every source on every build, no-ops included.
    """
    accepted = {suffix.lower() for suffix in _reader_suffixes()}
    top = os.path.abspath(config.source)
    if not os.path.isdir(top):
        return []
    found: list[tuple[str, str]] = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        prefix = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in accepted:
                continue
            found.append((prefix + name, os.path.join(folder, name)))
    return sorted(found)


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


def make_plan(
    config: BuildConfig,
    *,
    force: bool = False,
    only: set[str] | None = None,
) -> Plan:
    """Decide what a build does.  ``only`` (source-relative paths) limits rendering to those sources."""
    from pressconv import __version__, publish, writers

    registered = _writer_names()
    formats = tuple(dict.fromkeys(writers.spec(f).name for f in config.formats)) or tuple(registered)
    for fmt in formats:
        _check_writer(fmt)  # an unknown or missing writer fails here, before anything is read
    options = WriteOptions.from_env(config.options)
    hashes = {fmt: options_hash(options, fmt) for fmt in formats}
    check_folders(config)
    try:
        manifest, discarded = Manifest.load(config.dist)
    except OSError as err:
        where = display(config.dist / MANIFEST)
        raise PressconvError(f"cannot read the manifest: {err.strerror}", where) from None
    sources: list[tuple[Source, str | None]] = []
    folder = SourceFolder(os.path.abspath(config.source), _label(config.source.absolute(), config.root))
    for rel, path in find_sources(config):
        try:
            sources.append((Source(rel, _hash_source(path), folder), None))
        except PressconvError as err:  # fails alone: reported and counted, the others are built
            source = Source(rel, "", folder)
            sources.append((source, f"{source.label}: {err.message}"))

    plan = Plan(config, options, formats, manifest, [], {}, {}, [], [])
    if discarded is not None:
        plan.warnings.append(
            f"{display(config.dist / MANIFEST)}: {discarded}; ignored, and rebuilt from scratch"
        )
    plan.temporaries = publish.stale_temporaries(config.dist)
    plan.suffixes = {name: writers.spec(name).suffix for name in registered}
    dist = str(config.dist)
    claimed: dict[str, str] = {}
    for src, fault in sources:
        outs = {fmt: plan.output_for(src.rel, fmt) for fmt in formats}
        clash = next((out for out in outs.values() if out in claimed), None)
        if fault is not None:  # unreadable now, but still there: its outputs stay
            plan.conflicts.append((src, fault))
            claimed.update((out, src.label) for out in outs.values() if out not in claimed)
            continue
        if clash is not None:
            message = f"{src.label}: its output {clash} also comes from {claimed[clash]}; rename one of them"
            plan.conflicts.append((src, message))
            continue
        plan.sources.append(src)
        for fmt, out in outs.items():
            claimed[out] = src.label
            want = Entry(src.rel, src.sha256, fmt, hashes[fmt], __version__, "", 0)
            plan.expected[out] = want
            if only is not None and src.rel not in only:
                continue
            old = manifest.outputs.get(out)
            reason = _staleness(old, want, os.path.join(dist, out))
            if force and reason is None:
                reason = "forced"
            if reason is None:
                plan.fresh.append(out)
            else:
                plan.stale[out] = reason

    present = {src.rel for src, _ in sources}
    known = set(registered)
    for out, entry in sorted(manifest.outputs.items()):
        if out in claimed:
            continue
        # Gone: the source was deleted or renamed, or its format is no longer registered.  Outputs of
        # a living source in a format this run did not select stay; they are not this run's business.
        gone = entry.source not in present or entry.format not in known
        if gone or plan.output_for(entry.source, entry.format) != out:
            plan.orphans.append(out)
    return plan


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
