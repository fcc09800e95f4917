"""Where a build's documents are rendered: in this process, a local process pool, any
``concurrent.futures.Executor``, or a Dask cluster.

``--executor`` (or ``executor =`` in ``[tool.pressconv]``) names one:

- ``local`` (the default): this process for one job, else a process pool of ``--jobs`` workers.
- ``dask``: a Dask ``LocalCluster`` of ``--jobs`` worker processes started for the build.
- ``dask://HOST:PORT`` (or ``dask://tls://HOST:PORT``): the scheduler of a running Dask cluster.

A Dask specification takes settings after ``?``: ``io=shared`` (the default: workers read the
sources and write the outputs themselves, so sources and outputs never cross the network; the
workers must see the build's folders at the same paths) or ``io=bytes`` (the client sends the
source bytes and writes the outputs the workers return); ``batch=N`` (sources per task; by
default about half a second of work, at most 32); ``window=N`` (tasks in flight per worker
thread, default 2, which bounds what the client holds); ``checkpoint=S`` (seconds between
saves of the manifest during a long build, default 30).

Tasks are batches of documents.  At most ``window`` tasks per worker are submitted at a time, and
results come back as they finish, so the client holds a few batches, never the whole archive's
outputs.  A task whose worker dies is retried by Dask on another worker; one lost for good is
reported as a failure of each of its sources, and the build goes on with the rest.  Only what
succeeded reaches the manifest, so the next build renders exactly what is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pressconv.build.cluster import INSTALL_HINT as INSTALL_HINT
from pressconv.build.cluster import dask_executor
from pressconv.build.cluster import require_dask as require_dask
from pressconv.build.plan import Job, read_source
from pressconv.build.render import DEFAULT_CHECKPOINT, JobResult, render_job
from pressconv.errors import PressconvError
from pressconv.options import WriteOptions, limits_from

if TYPE_CHECKING:
    from pressconv.build.plan import Plan

MAX_BATCH = 32
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.\d+-\d+\.tmp$")  # what publishing writes before renaming


@dataclass(frozen=True, slots=True)
class ExecutorSpec:
    """A parsed ``--executor`` value."""

    kind: Literal["local", "dask"] = "local"
    address: str | None = None
    """The Dask scheduler's address; None starts a LocalCluster."""
    io: Literal["shared", "bytes"] = "shared"
    """Dask only: workers read and write the files themselves, or send bytes to the client."""
    batch: int = 0
    """Documents per task; 0 chooses."""
    window: int = 2
    """Tasks in flight per worker thread."""
    checkpoint: float = DEFAULT_CHECKPOINT
    """Seconds between manifest saves while a build runs."""


LOCAL = ExecutorSpec()


def parse(text: str, where: str = "--executor") -> ExecutorSpec:
    """``local``, ``dask``, ``dask://ADDRESS``, optionally followed by ``?io=…&batch=…&window=…``.

    ``where`` names the setting in messages (the flag, or the configuration key).
    """
    raw = text.strip()
    head, _, query = raw.partition("?")
    settings: dict[str, str] = {}
    for item in filter(None, query.split("&")):
        key, sep, value = item.partition("=")
        if not sep or key not in ("io", "batch", "window", "checkpoint"):
            raise PressconvError(
                f"{where} {raw}: unknown setting {item!r} (known: io, batch, window, checkpoint)"
            )
        settings[key] = value
    if head in ("local", "process", "processes"):
        if settings:
            raise PressconvError(f"{where} {raw}: settings after '?' are for dask")
        return LOCAL
    address: str | None
    if head == "dask":
        address = None
    elif head.startswith("dask://") and len(head) > len("dask://"):
        rest = head[len("dask://") :]
        address = rest if "://" in rest else f"tcp://{rest}"
    else:
        raise PressconvError(f"{where} {raw}: expected local, dask or dask://HOST:PORT")
    io = settings.get("io", "shared")
    if io not in ("shared", "bytes"):
        raise PressconvError(f"{where} {raw}: io must be shared or bytes")
    try:
        batch = int(settings.get("batch", "0"))
        window = int(settings.get("window", "2"))
        checkpoint = float(settings.get("checkpoint", str(DEFAULT_CHECKPOINT)))
    except ValueError:
        raise PressconvError(
            f"{where} {raw}: batch and window are whole numbers, checkpoint seconds"
        ) from None
    if batch < 0 or window < 1 or not checkpoint > 0:
        raise PressconvError(f"{where} {raw}: batch >= 0, window >= 1 and checkpoint > 0 please")
    return ExecutorSpec("dask", address, "shared" if io == "shared" else "bytes", batch, window, checkpoint)


# --- what travels to a worker --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """One output a worker writes itself (shared filesystem)."""

    format: str
    path: str
    """Absolute path of the output."""
    shown: str
    """How messages name it (as the client shows paths)."""
    replace: bool
    """May replace a file the manifest does not list (it is pressconv's, or --force)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One document of a batch.  With ``path`` set the worker reads the source itself."""

    job: Job
    path: str | None = None
    sha256: str = ""
    """The source bytes' hash the plan saw; a worker that reads other bytes reports it ("": no check)."""
    targets: tuple[Target, ...] = ()
    """Non-empty: the worker writes these outputs and returns hashes instead of bytes."""


def render_batch(batch: Sequence[Task], options: WriteOptions) -> list[JobResult]:
    """Runs on a worker: render each document of the batch; faults become messages, never exceptions."""
    return [_render_task(task, options) for task in batch]


def _render_task(task: Task, options: WriteOptions) -> JobResult:
    job = task.job
    if task.path is not None:
        try:
            data = read_source(task.path, limits_from(options))
        except PressconvError as err:
            why = f"the worker cannot read it ({err.message}); without a shared filesystem use io=bytes"
            return JobResult(job.rel, (), ((None, f"{job.label}: {why}"),), ())
        if task.sha256 and hashlib.sha256(data).hexdigest() != task.sha256:
            return JobResult(job.rel, (), ((None, f"{job.label}: changed during the build"),), ())
        job = replace(job, data=data)
    result = render_job(job, options)
    if not task.targets:
        return result
    return _write(result, task.targets)


def _write(result: JobResult, targets: Sequence[Target]) -> JobResult:
    """Publish the rendered outputs from the worker; the result carries (format, sha256, size, wrote)."""
    from pressconv.api import publish_to

    by_format = {target.format: target for target in targets}
    errors = list(result.errors)
    published: list[tuple[str, str, int, bool]] = []
    for fmt, data in result.outputs:
        target = by_format[fmt]
        path = Path(target.path)
        digest = hashlib.sha256(data).hexdigest()
        if not target.replace and path.exists():
            try:
                same = path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest
            except OSError:
                same = False
            if not same:
                why = "exists and was not written by pressconv (remove it, or use --force)"
                errors.append((fmt, f"{target.shown}: {why}"))
                continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            wrote = publish_to(path, data)
        except (PressconvError, OSError) as err:
            errors.append((fmt, f"{target.shown}: cannot write: {err}"))
            continue
        published.append((fmt, digest, len(data), wrote))
    return JobResult(result.rel, (), tuple(errors), result.warnings, result.source_sha256, tuple(published))


# --- streaming over any Executor ---------------------------------------------------------------------------


def batched(tasks: Iterable[Task], size: int) -> Iterator[tuple[Task, ...]]:
    """``tasks`` in tuples of ``size`` (the last may be shorter), drawn lazily."""
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


def stream(
    executor: Executor,
    batches: Iterable[tuple[Task, ...]],
    options: WriteOptions,
    *,
    in_flight: int,
) -> Iterator[JobResult]:
    """Render ``batches`` on ``executor`` with at most ``in_flight`` tasks submitted at a time.

    Results come as tasks finish.  A task that raises (its worker died for good, the connection
    dropped) yields one failure per document of its batch.  Closing the iterator early cancels what
    was not started.
    """
    for results, _ in _stream_batches(executor, batches, options, in_flight):
        yield from results


def _collect(future: Future[list[JobResult]], batch: tuple[Task, ...]) -> list[JobResult]:
    try:
        return future.result()
    except Exception as err:  # the task, not a document, failed: every document of it is lost
        why = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        return [
            JobResult(
                task.job.rel,
                (),
                ((None, f"{task.job.label}: lost with its worker ({why}); build again"),),
                (),
            )
            for task in batch
        ]


def batch_size(spec: ExecutorSpec, documents: int, slots: int) -> int:
    """``spec.batch``, or enough documents per task to amortise scheduling while every slot gets several."""
    if spec.batch:
        return spec.batch
    return max(1, min(MAX_BATCH, math.ceil(documents / max(1, slots * 4))))


# --- the build's entry point --------------------------------------------------------------------------------


def run(
    plan: Plan,
    work: Iterable[Job],
    *,
    workers: int,
    force: bool,
    executor: ExecutorSpec | Executor | None = None,
    total: int | None = None,
) -> Iterator[JobResult]:
    """Results of rendering ``work`` (the plan's stale documents, drawn lazily) on ``executor``.

    ``total`` is the number of jobs (``len(work)`` when not given).  The local default keeps the
    process pool's behaviour: results in job order, the client writes.  An ``Executor`` instance is
    used as given (the client sends bytes and writes); a Dask specification opens (and afterwards
    closes) its client and cluster.
    """
    from pressconv.build.render import run_jobs

    if total is None:
        work = list(work)
        total = len(work)
    if executor is None or (isinstance(executor, ExecutorSpec) and executor.kind == "local"):
        yield from run_jobs(work, plan.options, workers, plan.formats, total)
        return
    if isinstance(executor, Executor):
        tasks = (Task(job) for job in work)
        yield from stream(
            executor,
            batched(tasks, batch_size(LOCAL, total, workers)),
            plan.options,
            in_flight=max(2, LOCAL.window * workers),
        )
        return
    spec = executor
    if not total:
        return
    with dask_executor(spec.address, workers, plan.formats) as (pool, slots):
        tasks = (_task(plan, job, force, spec.io) for job in work)
        try:
            yield from stream(
                pool,
                batched(tasks, batch_size(spec, total, slots)),
                plan.options,
                in_flight=max(2, spec.window * slots),
            )
        finally:
            if spec.io == "shared":
                sweep_temporaries(plan)


def convert_many(
    sources: Iterable[Path],
    formats: Sequence[str],
    out_dir: Path,
    *,
    root: Path | None = None,
    options: WriteOptions | None = None,
    executor: ExecutorSpec | Executor | None = None,
    workers: int = 2,
) -> Iterator[JobResult]:
    """Convert ``sources`` into ``out_dir`` in each of ``formats``; one result per source as it finishes.

    ``sources`` is drawn lazily and at most a window of batches is in flight, so the caller's memory
    does not grow with the archive: no manifest, no plan, nothing kept per source.  A source
    ``root/a/b.txt`` becomes ``out_dir/a/b.html`` … (``root`` defaults to each source's folder).
    Outputs are published atomically and not rewritten when unchanged; a result's ``published``
    lists (format, sha256, size, wrote), its ``errors`` what failed.  ``executor`` is a Dask
    specification, any ``Executor``, or None for a local process pool of ``workers``.
    """
    from pressconv import readers, writers
    from pressconv.build.render import _pool_context, _worker_started

    options = options or WriteOptions.from_env()
    suffixes = {fmt: writers.spec(fmt).suffix for fmt in formats}
    accepted = {suffix.lower() for suffix in readers.suffixes()}
    out_dir = out_dir.absolute()
    spec = executor if isinstance(executor, ExecutorSpec) else LOCAL
    io = spec.io if spec.kind == "dask" else "shared"

    def tasks() -> Iterator[Task]:
        for source in sources:
            path = Path(source).absolute()
            rel = path.relative_to(root.absolute()).as_posix() if root is not None else path.name
            suffix = path.suffix
            stem = rel[: len(rel) - len(suffix)]
            if suffix.lower() not in accepted:
                raise PressconvError(f"no reader for {suffix or 'files without a suffix'}", str(path))
            targets = tuple(
                Target(
                    fmt, str(out_dir / (stem + suffixes[fmt])), str(out_dir / (stem + suffixes[fmt])), True
                )
                for fmt in formats
            )
            job = Job(rel, str(path), suffix, str(path), tuple(formats))
            if io == "bytes":
                yield Task(_with_bytes(job), targets=targets)
            else:
                yield Task(job, str(path), "", targets)

    @contextlib.contextmanager
    def opened() -> Iterator[tuple[Executor, int]]:
        if isinstance(executor, Executor):
            yield executor, workers
        elif spec.kind == "dask":
            with dask_executor(spec.address, workers, formats) as pair:
                yield pair
        else:
            from concurrent.futures import ProcessPoolExecutor

            # The workers end with this process, even when it is killed outright (as the build's do):
            # a worker left behind would also keep the fork server and resource tracker alive.
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=_pool_context(formats),
                initializer=_worker_started,
                initargs=(os.getpid(),),
            ) as pool:
                yield pool, workers

    with opened() as (pool, slots):
        size = spec.batch or MAX_BATCH
        for batch_results, batch in _stream_batches(
            pool, batched(tasks(), size), options, spec.window * slots
        ):
            if io == "bytes":
                # The worker sent bytes: the client writes them (targets stayed here, not on the worker).
                targets = {task.job.rel: task.targets for task in batch}
                yield from (_write(result, targets[result.rel]) for result in batch_results)
            else:
                yield from batch_results


def _stream_batches(
    executor: Executor, batches: Iterable[tuple[Task, ...]], options: WriteOptions, in_flight: int
) -> Iterator[tuple[list[JobResult], tuple[Task, ...]]]:
    """The bounded-window loop: submit batches while fewer than ``in_flight`` are pending, take them back
    as they finish, each with its batch.  A bytes-mode batch's targets stay with the client."""
    source = iter(batches)
    pending: dict[Future[list[JobResult]], tuple[Task, ...]] = {}
    try:
        while True:
            while len(pending) < max(2, in_flight):
                batch = next(source, None)
                if batch is None:
                    break
                remote = tuple(replace(task, targets=()) if task.path is None else task for task in batch)
                try:
                    future = executor.submit(render_batch, remote, options)
                except Exception as err:  # the executor is gone (scheduler lost, shut down)
                    failed: Future[list[JobResult]] = Future()
                    failed.set_exception(err)
                    future = failed
                pending[future] = batch
            if not pending:
                return
            for future in wait(list(pending), return_when=FIRST_COMPLETED).done:
                batch = pending.pop(future)
                yield _collect(future, batch), batch
    finally:
        for future in pending:
            future.cancel()


def _with_bytes(job: Job) -> Job:
    """The job with its source's bytes, read by the client for workers that do not share its folders;
    a source the client cannot read is left to the worker, whose read then names the fault."""
    try:
        return replace(job, data=read_source(job.path))
    except PressconvError:
        return job


def _task(plan: Plan, job: Job, force: bool, io: str) -> Task:
    if io == "bytes":
        return Task(_with_bytes(job))
    from pressconv.build.report import display

    dist = plan.config.dist.absolute()
    targets = []
    for fmt in job.formats:
        out = plan.output_for(job.rel, fmt)
        path = dist / out
        targets.append(Target(fmt, str(path), display(path), force or out in plan.manifest.outputs))
    source = plan.config.source.absolute() / job.rel
    digest = plan.expected[plan.output_for(job.rel, job.formats[0])].source_sha256
    return Task(job, str(source), digest, tuple(targets))


def sweep_temporaries(plan: Plan) -> list[Path]:
    """Remove temporary files of this build's outputs that a killed worker left behind; the removed paths.

    ``publish`` writes ``.NAME.PID-N.tmp`` beside ``NAME`` and renames it; a worker killed between
    the two leaves it.  Only such names of outputs this build renders (the plan's stale ones) are
    touched.  What is held meanwhile is the set of folders and the temporary files found, not a folder's
    listing: dist/ may hold a whole archive's outputs in one folder.
    """
    dist = plan.config.dist.absolute()
    folders = {posixpath.dirname(out) for out in plan.stale}
    removed: list[Path] = []
    for folder in sorted(folders):
        found: list[str] = []
        try:
            with os.scandir(dist / folder) as entries:
                for entry in entries:
                    match = _TEMPORARY.match(entry.name) if entry.name.startswith(".") else None
                    if match and posixpath.join(folder, match["name"]) in plan.stale:
                        found.append(entry.path)
        except OSError:
            continue
        for path in found:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed.append(Path(path))
    return removed
