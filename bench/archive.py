"""Synthetic archive -> HTML and PDF on the process pool and on a Dask LocalCluster (issue #20).

For each archive size, two full builds of the same synthetic releases (``bench/synth.py``) into
fresh folders, run as ``pressconv build`` processes with the same number of workers:

- ``pool``: ``--jobs W`` (the local process pool, one task per document);
- ``dask``: ``--executor dask --jobs W`` (a LocalCluster of W single-threaded worker processes,
  started by the build; tasks are batches of documents, workers read and write the files).

Reported per build: articles per second end to end (the Dask figure includes starting the
cluster, which is also timed alone), peak RSS of the client process and of the largest worker
(sampled with psutil every 0.1 s over the build's process tree), and whether the two dist/ trees
hold identical bytes.  Then the scheduler's own overhead per task (no-op tasks through the same
bounded-window loop on a LocalCluster of W workers), and the arithmetic for a million releases on
N machines from the measured cost per article.

    python bench/archive.py [--counts 1000,10000] [--workers 2] [--formats html,pdf] [--keep DIR]
    python bench/archive.py --mode stream --counts 10000,100000 --formats html   # convert_many

``--keep DIR`` keeps the generated archives (``DIR/N/source``) between runs.  ``--mode stream``
measures ``executors.convert_many`` instead of ``pressconv build``: a client that reads the source
folder lazily and keeps nothing per source (no plan, no manifest), to show the executor's own memory.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import math
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import synth
from _harness import PRESSCONV, PYTHON, _child_env, machine

MILLION = 1_000_000


@dataclass(frozen=True, slots=True)
class Build:
    label: str
    count: int
    wall: float
    cpu: float
    """User + system seconds of the client and every descendant, as last sampled."""
    client_peak_mb: float
    worker_peak_mb: float
    workers_seen: int
    digest: str
    summary: str

    @property
    def rate(self) -> float:
        return self.count / self.wall


def _cpu_of(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def _sample(
    pid: int,
    stop: threading.Event,
    peaks: dict[str, float],
    cpu: dict[int, float],
    extra: tuple[int, ...] = (),
) -> None:
    """Peak RSS of the process ``pid`` and of its largest descendant, and the last CPU time seen of
    each of them (user + system; ``wait4`` would miss a pool's workers, whose fork server is not
    reaped), every 0.1 s until ``stop``."""
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        try:
            peaks["client"] = max(peaks["client"], root.memory_info().rss)
            times = root.cpu_times()
            cpu[pid] = times.user + times.system
            for child in [*root.children(recursive=True), *(psutil.Process(p) for p in extra)]:
                try:
                    rss = child.memory_info().rss
                    times = child.cpu_times()
                except psutil.Error:
                    continue
                if child.pid not in extra:
                    cpu[child.pid] = times.user + times.system
                peaks["worker"] = max(peaks["worker"], rss)
        except psutil.Error:
            return
        stop.wait(0.1)


def digest(folder: Path) -> str:
    """One hash over every file's relative path and bytes."""
    total = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            total.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return total.hexdigest()


def run_build(root: Path, label: str, count: int, args: list[str]) -> Build:
    """``pressconv build`` of ``root/source`` into ``root/dist-LABEL``, measured."""
    return measure(root, label, count, [PRESSCONV, "build", "source", "-o", f"dist-{label}", *args])


def run_stream(root: Path, label: str, count: int, formats: str, workers: int, executor: str) -> Build:
    """``executors.convert_many`` over ``root/source`` (read lazily) into ``root/dist-LABEL``, measured."""
    argv = [PYTHON, __file__, "--stream-client", formats, str(workers), executor, f"dist-{label}"]
    return measure(root, label, count, argv)


def stream_client(formats: str, workers: int, executor: str, out: str) -> None:
    """The client process of ``run_stream``: nothing per source is kept."""
    from pressconv import executors

    sources = (Path(entry.path) for entry in os.scandir("source"))
    spec = None if executor == "local" else executors.parse(executor)
    converted = failed = 0
    for result in executors.convert_many(
        sources, formats.split(","), Path(out), executor=spec, workers=workers
    ):
        converted += 1
        failed += bool(result.errors)
    print(f"{converted} converted, {failed} failed")


def measure(root: Path, label: str, count: int, command: list[str], cluster: tuple[int, ...] = ()) -> Build:
    """Run ``command``, sampling its process tree; ``cluster`` names processes of a cluster started
    beforehand (its workers, and this process for the scheduler), whose CPU during the run counts too."""
    dist = root / f"dist-{label}"
    shutil.rmtree(dist, ignore_errors=True)
    argv = ["nice", "-n", "10", *command]
    peaks = {"client": 0.0, "worker": 0.0}
    cpu: dict[int, float] = {}
    stop = threading.Event()
    log = root / f"{label}.log"
    before = {pid: _cpu_of(pid) for pid in cluster}
    with log.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=root, env=_child_env(), stdout=sink, stderr=subprocess.STDOUT)
        # nice execs pressconv in the same process, so the pid is the client's.
        sampler = threading.Thread(
            target=_sample, args=(proc.pid, stop, peaks, cpu, tuple(p for p in cluster if p != os.getpid()))
        )
        sampler.start()
        _, status, _ = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    for pid, was in before.items():
        cpu[-pid] = _cpu_of(pid) - was
    text = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"{label}: exit {proc.returncode}: {text[-2000:]}")
    summary = text.strip().splitlines()[-1]
    seen = len(cpu) - 1 - len(before)  # processes besides the client
    mb = 2**20
    return Build(
        label,
        count,
        wall,
        sum(cpu.values()),
        peaks["client"] / mb,
        peaks["worker"] / mb,
        seen,
        digest(dist),
        summary,
    )


@contextlib.contextmanager
def warm_cluster(workers: int) -> Iterator[tuple[str, tuple[int, ...]]]:
    """A LocalCluster as ``pressconv build --executor dask`` starts one (with its Dask settings), warmed
    up; its scheduler's address, and the pids whose CPU is the cluster's (the workers, and this
    process: the scheduler)."""
    import dask.config

    from pressconv.build.cluster import LOCAL_CLUSTER_CONFIG

    with (
        dask.config.set(LOCAL_CLUSTER_CONFIG),
        _cluster(workers) as (
            cluster,
            client,
        ),
    ):
        client.run(_import_writers)
        pids = tuple(client.run(os.getpid).values())
        yield cluster.scheduler_address, (*pids, os.getpid())


@contextlib.contextmanager
def _cluster(workers: int) -> Iterator[tuple[Any, Any]]:
    """A LocalCluster of ``workers`` single-threaded processes, as the build starts one, and its client."""
    import distributed

    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield cluster, client


def _import_writers() -> None:
    import pressconv.executors
    import pressconv.writers.html
    import pressconv.writers.pdf  # noqa: F401


def _noop(batch: int) -> int:
    return batch


def scheduler_overhead(workers: int, tasks: int = 300) -> tuple[float, float]:
    """Seconds to start a LocalCluster of ``workers`` processes, and seconds per no-op task submitted
    through ``client.get_executor()`` with the build's window (2 tasks in flight per worker)."""
    start = time.perf_counter()
    with _cluster(workers) as (_, client):
        startup = time.perf_counter() - start
        executor = client.get_executor(pure=False)
        for _ in range(2):  # warm up both workers
            list(executor.map(_noop, range(20)))
        start = time.perf_counter()
        pending: set[Future[Any]] = set()
        submitted = 0
        while submitted < tasks or pending:
            while submitted < tasks and len(pending) < 2 * workers:
                pending.add(executor.submit(_noop, submitted))
                submitted += 1
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()
        per_task = (time.perf_counter() - start) / tasks
    return startup, per_task


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--formats", default="html,pdf")
    parser.add_argument("--keep", type=Path, help="keep the generated archives in this folder")
    parser.add_argument("--only", choices=("pool", "dask"), help="run one side only")
    parser.add_argument(
        "--mode", choices=("build", "stream"), default="build", help="pressconv build or convert_many"
    )
    parser.add_argument(
        "--warm", action="store_true", help="dask side: a LocalCluster started beforehand, reached by address"
    )
    parser.add_argument("--stream-client", nargs=4, help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.stream_client:
        formats_, workers_, executor_, out_ = ns.stream_client
        stream_client(formats_, int(workers_), executor_, out_)
        return
    counts = [int(c) for c in ns.counts.split(",")]
    formats = [a for f in ns.formats.split(",") for a in ("-f", f)]
    w = ns.workers
    print(f"# archive benchmark ({ns.mode}): {ns.formats} with {w} workers; {machine()}", flush=True)
    base = ns.keep or Path(tempfile.mkdtemp(prefix="pressconv-archive-"))
    startup, per_task = scheduler_overhead(w)
    print(
        f"LocalCluster({w}) start-up {startup:.2f} s; scheduler time per no-op task {per_task * 1e3:.2f} ms",
        flush=True,
    )
    rows: list[tuple[Build | None, Build | None]] = []
    for count in counts:
        root = base / str(count)
        if not (root / "source").is_dir() or sum(1 for _ in (root / "source").iterdir()) != count:
            shutil.rmtree(root, ignore_errors=True)
            synth.write_tree(root / "source", count)
            (root / "pyproject.toml").write_text('[project]\nname = "archive"\n', encoding="utf-8")
        pool = dask = None
        if ns.only != "dask":
            if ns.mode == "stream":
                pool = run_stream(root, "stream-pool", count, ns.formats, w, "local")
            else:
                pool = run_build(root, "pool", count, [*formats, "--jobs", str(w)])
            print(_line(pool), flush=True)
        if ns.only != "pool":
            if ns.mode == "stream":
                dask = run_stream(root, "stream-dask", count, ns.formats, w, "dask")
            elif ns.warm:
                with warm_cluster(w) as (address, pids):
                    args = [*formats, "--executor", f"dask://{address}"]
                    dask = measure(
                        root,
                        "dask-warm",
                        count,
                        [PRESSCONV, "build", "source", "-o", "dist-dask-warm", *args],
                        pids,
                    )
            else:
                dask = run_build(root, "dask", count, [*formats, "--jobs", str(w), "--executor", "dask"])
            print(_line(dask), flush=True)
        if pool and dask:
            same = "identical" if pool.digest == dask.digest else "DIFFERENT"
            print(
                f"{count}: dist/ bytes {same}; dask/pool throughput {dask.rate / pool.rate:.0%}, "
                f"CPU per article dask/pool {dask.cpu / pool.cpu:.2f}"
            )
        rows.append((pool, dask))
    _arithmetic(rows, w, startup, per_task)
    if ns.keep is None:
        shutil.rmtree(base, ignore_errors=True)


def _line(b: Build) -> str:
    return (
        f"{b.count} {b.label}: {b.wall:.1f} s = {b.rate:.1f} articles/s, "
        f"CPU {b.cpu / b.count * 1e3:.1f} ms/article; "
        f"client peak {b.client_peak_mb:.0f} MB, largest worker {b.worker_peak_mb:.0f} MB "
        f"({b.workers_seen} processes); {b.summary}"
    )


Row = tuple[Build | None, Build | None]


def _arithmetic(rows: list[Row], w: int, startup: float, per_task: float) -> None:
    """A million releases on N machines of ``w`` cores, from the largest Dask run's cost per article.

    Two estimates: the wall time it took here (core-seconds = wall x cores; inflated when other
    sessions share the cores), and the CPU time of every process of the build (client, scheduler,
    workers: what the work costs on an idle core).  The scheduler's time per task, times the number
    of tasks, says whether one scheduler keeps up.
    """
    measured = [d for _, d in rows if d is not None]
    if not measured:
        return
    largest = max(measured, key=lambda b: b.count)
    wall_cost = max(0.0, largest.wall - startup) * w / largest.count
    cpu_cost = largest.cpu / largest.count
    batch = 32
    tasks = math.ceil(MILLION / batch)
    print(
        f"a million releases (from {largest.count:,}, Dask): {wall_cost * 1e3:.1f} ms of core time an article"
        f" by wall clock here, {cpu_cost * 1e3:.1f} ms by CPU time; {tasks:,} tasks of {batch}, scheduler"
        f" {tasks * per_task:.0f} s in all ({per_task * 1e3:.1f} ms a task, against {batch * cpu_cost:.2f} s"
        " of work a task)"
    )
    for machines in (1, 10, 50, 100):
        cores = machines * w
        by_wall = (MILLION * wall_cost / cores + startup) / 3600
        by_cpu = (MILLION * cpu_cost / cores + startup) / 3600
        print(f"  {machines:>3} machines x {w} cores: {by_wall:6.2f} h (wall here), {by_cpu:6.2f} h (CPU)")


if __name__ == "__main__":
    main()
