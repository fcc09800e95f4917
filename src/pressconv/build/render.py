"""A ``Job`` -> a ``JobResult``: one document parsed once and rendered in its formats, here or in a pool.

``render_job`` runs in worker processes (and on Dask workers, see
``executors``); every fault becomes a message in the result, so one bad
document never stops the others.  ``run_jobs`` hands results back in job
order through a local process pool with a bounded window of documents in
flight, and ends its workers on Ctrl-C, SIGTERM or when the main process dies.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import signal
import time
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from typing import Any

from pressconv.build.manifest import sha256
from pressconv.build.plan import Job, read_source
from pressconv.errors import PressconvError
from pressconv.options import ReadOptions, WriteOptions, limits_from

#: Seconds between manifest saves while a build runs (``?checkpoint=`` of an executor changes it).
DEFAULT_CHECKPOINT = 30.0


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
        digest = sha256(data)
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
                outputs.append((fmt, api.render([document], fmt, for_output(options, fmt, job.rel), notes)))
            except PressconvError as err:
                errors.append((fmt, _message(err, job.label, fmt)))
            except Exception as err:
                errors.append((fmt, f"{job.label}: {fmt}: internal error: {type(err).__name__}: {err}"))
    warnings = tuple(f"{job.label}: {item.message}" for item in notes.items)
    return JobResult(job.rel, tuple(outputs), tuple(errors), warnings, digest)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def for_output(options: WriteOptions, fmt: str, rel: str) -> WriteOptions:
    """The options for one output: a relative ``html_stylesheet`` counts from dist/, so the page of a
    source in a subfolder (``dist/press/a.html``) links ``../house.css`` and finds the same sheet."""
    href = options.get("html_stylesheet") if fmt == "html" else None
    depth = rel.count("/")
    if not href or not depth or href.startswith(("/", "#", "?")) or _SCHEME.match(href):
        return options
    return options.replace(html_stylesheet="../" * depth + href)


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
    # e.g. rich's refresh thread), and preloading the writers and the plain-text reader there means
    # each worker does not import reportlab or the reader's rules again (the reader's ~60 modules
    # cost each worker about 60 ms of CPU before its first document).
    context = multiprocessing.get_context("forkserver")
    readers = ["pressconv.api", "pressconv.readers.text"]
    context.set_forkserver_preload(
        ["pressconv.build.render", *readers, *(writers.spec(f).module for f in formats)]
    )
    return context


def run_jobs(
    jobs: Iterable[Job],
    options: WriteOptions,
    workers: int,
    formats: Sequence[str],
    total: int | None = None,
) -> Iterator[JobResult]:
    """Results in job order; no pool for one worker or one job.

    ``jobs`` is drawn lazily; ``total`` is their number (``len(jobs)`` when not given).  At most
    ``4 × workers`` documents are submitted ahead of the one being handed back, and a future is
    dropped once its result is, so neither the jobs nor the outputs of a large archive are ever all
    held at once.
    """
    total = len(jobs) if total is None and isinstance(jobs, Sized) else total
    if workers <= 1 or (total is not None and total <= 1):
        for job in jobs:
            yield render_job(job, options)
        return
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    count = workers if total is None else min(workers, total)
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
    from multiprocessing import util

    from pressconv import pattern_cache

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(main_pid,), name="exit-with-main", daemon=True).start()
    # A pool's worker ends without running ``atexit``: the patterns it compiled are kept on the way out.
    util.Finalize(None, pattern_cache.save, exitpriority=0)


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
