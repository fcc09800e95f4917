"""Archive size -> peak memory of the client process, on the process pool and on a Dask LocalCluster (#20).

The client is the process that walks the sources, plans, submits work and records results (with a
LocalCluster, Dask's scheduler runs inside it too).  Its memory should not grow with the archive.
For every size N, each mode runs in a fresh child process, which reports its own peak RSS
(``getrusage(RUSAGE_SELF).ru_maxrss``: the client alone, not its workers) at the end:

- ``many``: ``executors.convert_many`` over N sources, drawn lazily.  With ``--missing`` (the
  default for this mode) every source is a path that does not exist, so each task is pure
  scheduling work and N can be large; the client handles every result (an error line each).
- ``build``: ``pressconv build -f html`` run inside the child (``cli.main``) over N tiny releases
  (one headline, one paragraph) written to a temporary folder: planning, the manifest and every
  result, with real rendering kept cheap.
- ``noop``: the same ``pressconv build`` again over the dist/ the ``build`` run of that size left
  (run ``--modes build,noop``): nothing to render, so it is planning alone, with a manifest of N
  outputs read and N sources hashed and stat()ed.  The executor plays no part (nothing is sent to
  it); the line names the one given.

Each on ``--executors local,dask`` (``local``: a process pool of 2; ``dask``: a LocalCluster of 2
single-threaded worker processes started for the run).

    python bench/client_memory.py --modes many,build,noop --sizes 10000,100000 [--executors local,dask]

Each line also names the commit measured and the load average, for the table in bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_many(count: int, executor: str, out: str) -> None:
    from pressconv import executors

    spec = None if executor == "local" else executors.parse(executor)
    missing = Path(out) / "missing"
    sources = (missing / f"release-{i:07d}.txt" for i in range(count))
    results = failed = 0
    for result in executors.convert_many(sources, ["html"], Path(out) / "dist", executor=spec, workers=2):
        results += 1
        failed += bool(result.errors)
    print(f"{results} results, {failed} failed; peak {_peak_mb():.1f} MB")


def child_build(folder: str, executor: str) -> None:
    from pressconv import cli

    os.chdir(folder)
    argv = ["build", "source", "-o", "dist", "-f", "html", "--jobs", "2", "--executor", executor]
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    print(f"exit {code}; peak {_peak_mb():.1f} MB")


def tiny_archive(folder: Path, count: int) -> None:
    """``count`` one-paragraph releases in ``folder/source`` (kept between runs of the same count)."""
    source = folder / "source"
    if source.is_dir() and sum(1 for _ in os.scandir(source)) == count:
        return
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "archive"\n', encoding="utf-8")
    for i in range(count):
        text = f"Council opens depot {i}\n\nThe council opened depot number {i} on the east side today.\n"
        (source / f"release-{i:07d}.txt").write_text(text, encoding="utf-8")


def run(mode: str, count: int, executor: str, base: Path, nice: int = 10) -> tuple[float, float, str]:
    """(peak MB, wall seconds, the child's last line)."""
    if mode == "many":
        work = base / f"many-{count}-{executor}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        argv = [PYTHON, __file__, "--child", "many", str(count), executor, str(work)]
    else:
        work = base / f"build-{count}"
        tiny_archive(work, count)
        if mode == "build":
            shutil.rmtree(work / "dist", ignore_errors=True)
        elif not (work / "dist").is_dir():
            raise SystemExit(f"noop {count}: no dist/ to rebuild; run --modes build,noop")
        argv = [PYTHON, __file__, "--child", "build", str(work), executor]
    start = time.perf_counter()
    done = subprocess.run(["nice", "-n", str(nice), *argv], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    lines = (done.stdout or done.stderr).strip().splitlines()
    last = lines[-1] if lines else f"exit {done.returncode}"
    if done.returncode != 0 or "peak" not in last:
        raise SystemExit(f"{mode} {count} {executor}: {done.stderr[-2000:]}")
    return float(last.rsplit("peak ", 1)[1].split()[0]), wall, last
    # (shutil.rmtree of dist happens on the next run of the same size)


def _commit() -> str:
    """The short commit of the checkout this runs from ("+" when it has uncommitted changes)."""
    here = Path(__file__).parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=here, capture_output=True, text=True
        )
    except OSError:
        return "unknown"
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "") or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default="many,build")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--executors", default="local,dask")
    parser.add_argument("--keep", type=Path, help="keep the tiny archives in this folder")
    parser.add_argument(
        "--nice",
        type=int,
        default=10,
        help="niceness of the children (peak RSS does not depend on it, the wall time does)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        if ns.child[0] == "many":
            child_many(int(ns.child[1]), ns.child[2], ns.child[3])
        else:
            child_build(ns.child[1], ns.child[2])
        return
    base = ns.keep or Path(tempfile.mkdtemp(prefix="pressconv-client-"))
    sizes = [int(s) for s in ns.sizes.split(",")]
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(f"# client peak RSS; commit {_commit()}; {stamp}; load {load}", flush=True)
    for mode in ns.modes.split(","):
        for executor in ns.executors.split(",")[: 1 if mode == "noop" else None]:
            peaks = []
            for count in sizes:
                peak, wall, last = run(mode, count, executor, base, ns.nice)
                load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                line = f"{mode} {executor} {count}: peak {peak:.1f} MB in {wall:.0f} s (load {load}); {last}"
                print(line, flush=True)
                peaks.append(peak)
            growth = peaks[-1] - peaks[0]
            print(f"{mode} {executor}: {sizes[0]:,} -> {sizes[-1]:,}: {growth:+.1f} MB", flush=True)
    if ns.keep is None:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
