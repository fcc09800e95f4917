"""A source/ tree -> a dist/ tree: plans which outputs are stale, renders them, publishes them, cleans up.

``source/a/b.txt`` becomes ``dist/a/b.html``, ``.pdf``, ``.docx`` and
``.epub``.  A manifest in dist/ (``.pressconv-manifest.json``) records for
every output pressconv wrote the hash of its source bytes, the pressconv
version, a hash of the options that format reads, and the hash of the output
itself.  Planning reads sources and the manifest and stats outputs, nothing
more, so an up-to-date build never imports a writer nor parses a document.
Stale documents are rendered one task per document (all its formats share one
parse), over processes when there are several; outputs go through
``publish`` (atomic, skipped when identical) in a stable order, so the bytes
and the report are the same whatever the number of jobs.  Only outputs the
manifest names are ever removed, and only while they hold the bytes it
recorded (``manifest.removable``).  A bad source fails alone.  ``build`` and
the pre-commit hook both run ``execute`` on a ``Plan``, holding dist/'s lock
file, with SIGTERM taken as Ctrl-C.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import json
import os
import posixpath
import signal
import stat
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pressconv.config import BuildConfig
from pressconv.errors import PressconvError
from pressconv.limits import DEFAULT_LIMITS, Limits
from pressconv.manifest import MANIFEST as MANIFEST  # re-exported: the hook and tests name it here
from pressconv.manifest import Entry, Manifest, removable
from pressconv.options import ReadOptions, WriteOptions, limits_from

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from pressconv.executors import ExecutorSpec

LOCK = ".pressconv.lock"
EXIT_STALE = 1
EXIT_FAILED = 2
#: Seconds between manifest saves while a build runs (``?checkpoint=`` of an executor changes it).
DEFAULT_CHECKPOINT = 30.0
#: A build that went through but some documents failed (each named on stderr): issue #21 asks the
#: rest to be built and the run to end with 1, keeping 2 for a build refused before it starts.
EXIT_SOME_FAILED = 1
_T = TypeVar("_T")
_BLOCK = 1 << 18


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- options --------------------------------------------------------------------------------------


def options_hash(options: WriteOptions, fmt: str) -> str:
    """A hash of the options ``fmt`` declares (see ``writers.options``): no other format's option counts.

    Files named by an option (a reference .docx, a cover, a font file) count by
    their bytes, not their path, so the hash is the same in every clone.
    """
    from pressconv import writers

    record: dict[str, Any] = {}
    for item in writers.options(fmt):
        value = options.get(item.name, item.default)
        if isinstance(value, Path) or (isinstance(value, str) and item.name.endswith("_font")):
            value = _file_fingerprint(Path(value)) if Path(value).is_file() else str(value)
        record[item.name] = value
    return _sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _file_fingerprint(path: Path) -> str:
    try:
        return "sha256:" + _sha256(path.read_bytes())
    except OSError:
        return str(path)


# --- planning ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One source file found under the source folder."""

    rel: str
    """Path relative to the source folder, POSIX style."""
    label: str
    """How messages and the document name it: relative to the repository root where possible."""
    path: str
    sha256: str


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


@dataclass(frozen=True, slots=True)
class JobResult:
    """What rendering one document gave: bytes per format, error lines, warning lines."""

    rel: str
    outputs: tuple[tuple[str, bytes], ...]
    errors: tuple[tuple[str | None, str], ...]
    """(format or None for the whole document, message)."""
    warnings: tuple[str, ...]
    source_sha256: str = ""
    """Hash of the bytes that were rendered (the source may have changed since planning)."""
    published: tuple[tuple[str, str, int, bool], ...] = ()
    """(format, sha256, size, wrote) of outputs a worker wrote itself (see ``executors``)."""


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
        wanted: dict[str, list[str]] = {}
        for out in self.stale:
            entry = self.expected[out]
            wanted.setdefault(entry.source, []).append(entry.format)
        return [
            Job(
                s.rel,
                s.label,
                posixpath.splitext(s.rel)[1],
                s.path,
                tuple(f for f in self.formats if f in wanted[s.rel]),
            )
            for s in self.sources
            if s.rel in wanted
        ]

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


def display(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


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
        return _sha256(data)
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
    base = _label(config.source.absolute(), config.root)
    for rel, path in find_sources(config):
        label = rel if base == "." else f"{base}/{rel}"
        try:
            sources.append((Source(rel, label, path, _hash_source(path)), None))
        except PressconvError as err:  # fails alone: reported and counted, the others are built
            sources.append((Source(rel, label, path, ""), f"{label}: {err.message}"))

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


# --- rendering (runs in worker processes) -----------------------------------------------------------


def render_job(job: Job, options: WriteOptions) -> JobResult:
    """Parse one document once and render it in each of the job's formats; faults become messages.

    The input limits among ``options`` (``[tool.pressconv]``, build's flags) apply to the reading.
    """
    from pressconv import api
    from pressconv.errors import Notes

    notes = Notes()
    outputs: list[tuple[str, bytes]] = []
    errors: list[tuple[str | None, str]] = []
    digest = ""
    try:
        limits = limits_from(options)
        data = job.data if job.data is not None else read_source(job.path, limits)
        digest = _sha256(data)
        document = api.read(
            api.Resolved(job.label, data=data, suffix=job.suffix), ReadOptions(limits=limits), notes
        )
    except PressconvError as err:
        errors.append((None, _message(err, job.label)))
    except Exception as err:  # a bug must not stop the other documents; it is reported and exits 2
        errors.append((None, f"{job.label}: internal error: {type(err).__name__}: {err}"))
    else:
        for fmt in job.formats:
            try:
                outputs.append((fmt, api.render([document], fmt, options, notes)))
            except PressconvError as err:
                errors.append((fmt, _message(err, job.label, fmt)))
            except Exception as err:
                errors.append((fmt, f"{job.label}: {fmt}: internal error: {type(err).__name__}: {err}"))
    warnings = tuple(f"{job.label}: {item.message}" for item in notes.items)
    return JobResult(job.rel, tuple(outputs), tuple(errors), warnings, digest)


def _message(err: PressconvError, label: str, fmt: str | None = None) -> str:
    where = f"{label}: {fmt}" if fmt else label
    if err.path is None or err.path == label:
        return f"{where}: {err.message}"
    return f"{where}: {err}"


def _pool_context(formats: Sequence[str]) -> Any:
    import multiprocessing

    from pressconv import writers

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    # A fork server forks workers from a clean single-threaded process (no fork-with-threads hazard,
    # e.g. rich's refresh thread), and preloading the writers there means each worker does not
    # import reportlab again.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pressconv.build", *(writers.spec(f).module for f in formats)])
    return context


def run_jobs(
    jobs: Sequence[Job], options: WriteOptions, workers: int, formats: Sequence[str]
) -> Iterator[JobResult]:
    """Results in job order; no pool for one worker or one job.

    At most ``8 × workers`` documents are submitted ahead of the one being handed back, and a future
    is dropped once its result is, so the outputs of a large archive are never all held at once.
    """
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield render_job(job, options)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    count = min(workers, len(jobs))
    pool = ProcessPoolExecutor(
        count, mp_context=_pool_context(formats), initializer=_worker_started, initargs=(os.getpid(),)
    )
    # A few documents ahead of the one being published, not all of them: finished outputs wait in
    # memory until their turn, so a window bounds what the build holds.
    todo = iter(jobs)
    pending: deque[tuple[Job, Future[JobResult]]] = deque()
    finished = False
    try:
        with _signals_held():  # the first submissions start the workers
            for job in itertools.islice(todo, 4 * count):
                pending.append((job, pool.submit(render_job, job, options)))
        while pending:
            job, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # A worker was killed (the out-of-memory killer, a user): this document and the ones
                # not rendered yet fail, with one line each; what was published stays recorded.
                why = "not rendered: a worker process died (killed, or out of memory)"
                for lost in [job, *(queued for queued, _ in pending), *todo]:
                    yield JobResult(lost.rel, (), ((None, f"{lost.label}: {why}"),), ())
                pending.clear()
                break
            for job in itertools.islice(todo, 1):
                pending.append((job, pool.submit(render_job, job, options)))
            yield result
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM while the executor starts a worker would leave that worker half-started,
    unknown to the executor, to fail loudly on a semaphore the main process has already removed: such
    a signal is held until the start is over, then acted on."""
    caught: list[int] = []

    def hold(signum: int, frame: object) -> None:
        caught.append(signum)

    try:
        previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            raise KeyboardInterrupt


def _stop(pool: Any) -> None:
    """On Ctrl-C, SIGTERM or a consumer that stops early: drop the queued documents and end the workers
    now, not after the documents they are rendering (a long PDF takes minutes)."""
    # ``_processes`` is the executor's own record of its workers (Python 3.14 adds terminate_workers()).
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=10)
    pool.shutdown(wait=True)


def _worker_started(main_pid: int) -> None:
    """In each worker: leave Ctrl-C to the main process (which ends the workers), and end when the main
    process ends, even by SIGKILL.  A worker holds the fork server's "alive" pipe and the resource
    tracker's pipe, so a worker outliving the main process keeps those two alive for ever as well."""
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(main_pid,), name="exit-with-main", daemon=True).start()


def _exit_with(pid: int) -> None:
    """Return never: end this process as soon as process ``pid`` has ended."""
    try:
        handle = os.pidfd_open(pid)  # Linux: readable once the process has ended, no polling
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        while True:  # elsewhere: poll once a second
            time.sleep(1)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass
    import select

    select.select([handle], [], [])
    os._exit(1)


# --- executing --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Outcome:
    """What a build did, output by output (dist-relative paths)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    manifest_changed: bool = False

    @property
    def changed(self) -> bool:
        """True when a file in dist/ was created, changed or removed."""
        return bool(self.written or self.removed or self.manifest_changed)


class Reporter:
    """Prints what happens: lines for logs, or nothing per file (a progress bar or the hook speaks)."""

    def __init__(self, *, lines: bool = True) -> None:
        self.lines = lines

    def start(self, total: int) -> None:
        """``total`` documents are about to be rendered."""

    def advance(self) -> None:
        """One document is done."""

    def wrote(self, path: Path) -> None:
        """An output was created or changed."""
        if self.lines:
            _echo(f"wrote {display(path)}")

    def removed(self, path: Path) -> None:
        """An orphaned output was removed."""
        if self.lines:
            _echo(f"removed {display(path)}")

    def error(self, message: str) -> None:
        """A source or output failed."""
        _echo(f"pressconv: error: {message}", err=True)

    def warning(self, message: str) -> None:
        """A warning from reading or writing a document."""
        _echo(f"pressconv: warning: {message}", err=True)

    def stop(self) -> None:
        """The build is over."""


class BarReporter(Reporter):
    """A rich progress bar on the terminal; messages are printed above it."""

    def __init__(self) -> None:
        super().__init__(lines=False)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("build", total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)

    def error(self, message: str) -> None:
        self.console.print(f"pressconv: error: {message}", markup=False, highlight=False, soft_wrap=True)

    def warning(self, message: str) -> None:
        self.console.print(f"pressconv: warning: {message}", markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self.progress.stop()


def _echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a file name that is not UTF-8 (surrogate-escaped) on a strict stream
        encoding = stream.encoding or "utf-8"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    stream.flush()


def execute(
    plan: Plan, *, jobs: int, force: bool, reporter: Reporter, executor: ExecutorSpec | Executor | None = None
) -> Outcome:
    """Remove orphans, render stale documents, publish the outputs, save the manifest.

    ``executor`` is where documents render (see ``executors``): the local process pool by default.
    During a long build the manifest is saved every ``checkpoint`` seconds, so a build killed
    outright is resumed by the next one from what was recorded.
    """
    from pressconv.publish import publish, remove

    dist = plan.config.dist
    manifest = plan.manifest
    original = dict(manifest.outputs)
    existed = (dist / MANIFEST).is_file()
    outcome = Outcome()
    for message in plan.warnings:
        reporter.warning(message)
    for src, message in plan.conflicts:
        outcome.errors.append(message)
        outcome.failed.extend(plan.output_for(src.rel, fmt) for fmt in plan.formats)
        reporter.error(message)

    for rel in plan.temporaries:
        if remove(dist / rel):
            outcome.removed.append(rel)
            reporter.removed(dist / rel)
    for out in plan.orphans:
        path = dist / out
        refusal = removable(dist, out, manifest.outputs.pop(out))
        if refusal is None and remove(path):
            outcome.removed.append(out)
            reporter.removed(path)
            _prune(path.parent, dist)
        elif refusal not in (None, "already gone"):
            reporter.warning(f"{display(path)}: left in place, {refusal} (its source is gone)")

    outcome.unchanged.extend(plan.fresh)
    work = plan.jobs()
    if work:
        dist.mkdir(parents=True, exist_ok=True)
    formats_of = {job.rel: job.formats for job in work}
    reporter.start(len(work))
    interval = DEFAULT_CHECKPOINT
    if executor is None:  # the local process pool; executors (and concurrent.futures) load only if needed
        results = run_jobs(work, plan.options, jobs, plan.formats)
    else:
        from pressconv import executors

        if isinstance(executor, executors.ExecutorSpec):
            interval = executor.checkpoint
        results = executors.run(plan, work, workers=jobs, force=force, executor=executor)
    next_save = time.monotonic() + interval
    try:
        for result in results:
            for message in result.warnings:
                reporter.warning(message)
            failed_formats = {fmt for fmt, _ in result.errors}
            for _, message in result.errors:
                reporter.error(message)
                outcome.errors.append(message)
            for fmt in formats_of[result.rel]:
                if None in failed_formats or fmt in failed_formats:
                    outcome.failed.append(plan.output_for(result.rel, fmt))
            for fmt, data in result.outputs:
                out = plan.output_for(result.rel, fmt)
                _publish_one(plan, out, data, force, outcome, reporter, publish, result.source_sha256)
            for fmt, digest, size, wrote in result.published:
                out = plan.output_for(result.rel, fmt)
                _record(plan, out, digest, size, wrote, outcome, reporter, result.source_sha256)
            reporter.advance()
            if time.monotonic() >= next_save:
                outcome.manifest_changed |= publish(dist / MANIFEST, manifest.dumps())
                next_save = time.monotonic() + interval
    finally:
        reporter.stop()
        # Also on an interrupt: the outputs published so far are recorded and not rendered again.
        # No manifest is created for a build that has nothing to record.
        if manifest.outputs != original or (manifest.outputs and not existed):
            dist.mkdir(parents=True, exist_ok=True)
            outcome.manifest_changed |= publish(dist / MANIFEST, manifest.dumps())
    return outcome


def _publish_one(
    plan: Plan,
    out: str,
    data: bytes,
    force: bool,
    outcome: Outcome,
    reporter: Reporter,
    publish: Callable[..., bool],
    source_sha256: str,
) -> None:
    path = plan.config.dist / out
    digest = _sha256(data)
    if out not in plan.manifest.outputs and path.exists() and not force:
        # Not ours: never overwrite a file pressconv did not write, unless it already holds these bytes.
        try:
            same = path.is_file() and _sha256(path.read_bytes()) == digest
        except OSError:
            same = False
        if not same:
            message = f"{display(path)}: exists and was not written by pressconv (remove it, or use --force)"
            reporter.error(message)
            outcome.errors.append(message)
            outcome.failed.append(out)
            return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wrote = publish(path, data, force=True) if force else publish(path, data)
    except (PressconvError, OSError) as err:
        message = f"{display(path)}: cannot write: {err}"
        reporter.error(message)
        outcome.errors.append(message)
        outcome.failed.append(out)
        return
    _record(plan, out, digest, len(data), wrote, outcome, reporter, source_sha256)


def _record(
    plan: Plan,
    out: str,
    digest: str,
    size: int,
    wrote: bool,
    outcome: Outcome,
    reporter: Reporter,
    source_sha256: str = "",
) -> None:
    """An output is in place: the manifest and the outcome say so."""
    want = plan.expected[out]
    rendered = source_sha256 or want.source_sha256
    plan.manifest.outputs[out] = Entry(
        want.source, rendered, want.format, want.options, want.version, digest, size
    )
    if wrote:
        outcome.written.append(out)
        reporter.wrote(plan.config.dist / out)
    else:
        outcome.unchanged.append(out)


def _prune(folder: Path, dist: Path) -> None:
    """Remove folders emptied by removing outputs, up to (not including) dist/."""
    dist = dist.absolute()
    folder = folder.absolute()
    while folder != dist and dist in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


# --- checking ----------------------------------------------------------------------------------------


def check(plan: Plan, *, strict: bool, jobs: int) -> tuple[list[str], list[str]]:
    """Problems with dist/ as ``dist/x.pdf: why`` lines, and failures; writes nothing.

    Always: every expected output exists, its manifest entry matches the source
    and options, and its bytes still hash to what the manifest recorded.
    ``strict`` also renders every document in memory and compares bytes, which
    catches a writer whose code changed without a version bump.
    """
    dist = plan.config.dist
    problems = [f"{display(dist / rel)}: temporary file left by a killed build" for rel in plan.temporaries]
    failures = [message for _, message in plan.conflicts]
    for out, why in plan.stale.items():
        problems.append(f"{display(dist / out)}: {why}")
    for out in plan.fresh:
        entry = plan.manifest.outputs[out]
        try:
            if _sha256((dist / out).read_bytes()) != entry.sha256:
                problems.append(f"{display(dist / out)}: output changed since it was written")
        except OSError:
            problems.append(f"{display(dist / out)}: missing")
    for out in plan.orphans:
        if (dist / out).exists():
            problems.append(f"{display(dist / out)}: orphaned (its source is gone)")
        else:
            problems.append(f"{display(dist / MANIFEST)}: lists {out}, whose source is gone")
    if strict:
        everything = [
            Job(s.rel, s.label, posixpath.splitext(s.rel)[1], s.path, plan.formats) for s in plan.sources
        ]
        stale = set(plan.stale)
        for result in run_jobs(everything, plan.options, jobs, plan.formats):
            failures.extend(message for _, message in result.errors)
            for fmt, data in result.outputs:
                out = plan.output_for(result.rel, fmt)
                if out in stale:
                    continue
                try:
                    same = (dist / out).read_bytes() == data
                except OSError:
                    same = False
                if not same:
                    problems.append(f"{display(dist / out)}: differs from what this pressconv writes")
    return problems, failures


# --- the command ---------------------------------------------------------------------------------------


def default_jobs() -> int:
    """The CPU count this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@contextlib.contextmanager
def locked(dist: Path, *, exclusive: bool = True) -> Iterator[None]:
    """Hold dist/'s lock file: one build at a time (the second waits), checks beside no build.

    Two builds planning from one manifest would each write it back without the other's outputs.
    The file is removed when the build ends; whoever opened it meanwhile sees it is not the file
    at that path any more and tries again.  The kernel drops the lock of a killed build.  Without
    ``fcntl`` (Windows) builds are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    created = False
    if exclusive and not dist.is_dir():
        try:
            dist.mkdir(parents=True)
            created = True
        except FileExistsError:
            pass
        except OSError as err:
            raise PressconvError(f"cannot create the output folder: {err.strerror}", display(dist)) from None
    path = dist / LOCK
    flags = (os.O_RDWR | os.O_CREAT if exclusive else os.O_RDONLY) | getattr(os, "O_CLOEXEC", 0)
    operation = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    fd = -1
    try:
        while True:
            try:
                fd = os.open(path, flags, 0o644)
            except FileNotFoundError:
                if exclusive:
                    raise
                break  # a check, and no build has the lock file: nothing to wait for
            except OSError as err:
                raise PressconvError(f"cannot open the lock file: {err.strerror}", display(path)) from None
            try:
                fcntl.flock(fd, operation | fcntl.LOCK_NB)
            except BlockingIOError:
                _echo(f"pressconv: waiting for the other build of {display(dist)} to finish", err=True)
                fcntl.flock(fd, operation)
            try:
                if os.path.samestat(os.fstat(fd), os.stat(path)):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
            fd = -1
        yield
    finally:
        if fd >= 0:
            if exclusive:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            os.close(fd)
        if created:
            with contextlib.suppress(OSError):
                dist.rmdir()  # only when the build left it empty


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``kill``, a cancelled CI job, a container stopping) ends a build as Ctrl-C does: the
    temporary file being written is removed, the workers are ended, the outputs published so far are
    recorded in the manifest.  A second SIGTERM is ignored so that clean-up can finish."""

    def on_term(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_build(
    source_dir: Path | None,
    dist: Path | None,
    formats: tuple[str, ...],
    *,
    jobs: int | None,
    check: bool,
    force: bool,
    strict: bool = False,
    options: Mapping[str, Any] | None = None,
    progress: bool | None = None,
    executor: str | None = None,
) -> int:
    """``pressconv build``: 0 done (or up to date), 1 ``check`` found dist/ stale or a document failed,
    2 refused before building."""
    from pressconv import config as config_module

    started = time.perf_counter()
    config = config_module.load().override(source=source_dir, dist=dist, formats=formats, options=options)
    if not config.source.is_dir():
        # A missing (or renamed) source folder must not read as "every source was deleted".
        raise PressconvError("no such folder", display(config.source))
    workers = jobs or default_jobs()
    chosen = executor or config.executor
    spec: ExecutorSpec | None = None  # plain "local": the process pool, without loading executors
    if chosen != "local":
        from pressconv import executors

        spec = executors.parse(chosen, "--executor" if executor else "[tool.pressconv] executor =")
        if spec.kind == "dask" and not check:
            executors.require_dask()
    with locked(config.dist, exclusive=not check), terminate_as_interrupt():
        plan = make_plan(config, force=force and not check)
        if check:
            return _report_check(plan, strict=strict, jobs=workers)
        if progress is None:
            progress = sys.stderr.isatty()
        reporter: Reporter = BarReporter() if progress and plan.stale else Reporter()
        outcome = execute(plan, jobs=workers, force=force, reporter=reporter, executor=spec)
    elapsed = time.perf_counter() - started
    _echo(summary(outcome, elapsed))
    return EXIT_SOME_FAILED if outcome.failed else 0


def summary(outcome: Outcome, elapsed: float) -> str:
    """The closing line: ``4 written, 0 unchanged, 0 removed, 0 failed in 0.8 s``."""
    counts = (outcome.written, outcome.unchanged, outcome.removed, outcome.failed)
    words = ("written", "unchanged", "removed", "failed")
    return ", ".join(f"{len(c)} {w}" for c, w in zip(counts, words, strict=True)) + f" in {elapsed:.1f} s"


def _report_check(plan: Plan, *, strict: bool, jobs: int) -> int:
    problems, failures = check(plan, strict=strict, jobs=jobs)
    for message in plan.warnings:
        _echo(f"pressconv: warning: {message}", err=True)
    for message in failures:
        _echo(f"pressconv: error: {message}", err=True)
    for line in problems:
        _echo(line)
    if failures:
        return EXIT_FAILED
    if problems:
        _echo(f"pressconv: {display(plan.config.dist)} is out of date ({len(problems)} problems)", err=True)
        return EXIT_STALE
    _echo(f"{display(plan.config.dist)} is up to date ({len(plan.expected)} outputs)")
    return 0
