"""Timings of `pressconv build` -> printed figures: no-op builds and full builds over generated sources.

Measures, each as the median of several runs of the real command line (a
fresh process each time, so interpreter start-up counts, as it does for the
pre-commit hook):

* a no-op build over 200 and over 1,000 unchanged sources (all formats);
* a full build of 200 sources x every registered format with ``--jobs 1``
  and ``--jobs 2`` (dist/ emptied before each run), and whether the two give
  identical bytes.

The sources are the sample article with a numbered headline and paragraph,
spread over year/month folders.  Run: ``python bench/build_speed.py``
(``--repeats N``, ``--full-repeats N``, ``--keep`` to leave the trees in place).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "pentagon-briefing.txt"
PRESSCONV = [sys.executable, "-c", "import sys; from pressconv.cli import main; sys.exit(main())"]


def make_tree(root: Path, count: int) -> None:
    """``count`` distinct sources under root/source, plus a pyproject.toml so no outer config applies."""
    text = SAMPLE.read_text(encoding="utf-8")
    _, _, body = text.partition("\n\n")
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    for n in range(count):
        folder = root / "source" / f"{2020 + n % 5}" / f"{1 + n % 12:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        release = (
            f"Release number {n} on the regional security briefing\n\n"
            f"This is release {n} of {count}, generated for the build benchmark.\n\n{body}"
        )
        (folder / f"release-{n:04d}.txt").write_text(release, encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cwd: Path, *args: str) -> tuple[float, str, float]:
    """Wall-clock seconds, the summary line, and CPU seconds of the process and its workers."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run([*PRESSCONV, "build", *args], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"pressconv build {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed, done.stdout.splitlines()[-1], _children_cpu() - cpu


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs per no-op figure (median)")
    parser.add_argument("--full-repeats", type=int, default=3, help="runs per full-build figure (median)")
    parser.add_argument("--keep", action="store_true", help="leave the generated trees in place")
    args = parser.parse_args()

    from pressconv import writers

    formats = writers.names()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, formats: {', '.join(formats)}")
    print(f"load average at start: {_load()}")
    base = Path(tempfile.mkdtemp(prefix="pressconv-bench-"))
    try:
        for count in (200, 1000):
            tree = base / f"n{count}"
            make_tree(tree, count)
            first, line, _ = timed(tree)
            print(f"setup: first build of {count} sources (all CPUs): {first:.1f} s  [{line}]")
            runs = [timed(tree) for _ in range(args.repeats)]
            assert all(r[1].startswith(f"0 written, {count * len(formats)} unchanged") for r in runs)
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[2] for r in runs)
            spread = f"min {min(r[0] for r in runs):.3f} s, max {max(r[0] for r in runs):.3f} s"
            print(
                f"no-op build, {count} unchanged sources: median {wall:.3f} s wall, {cpu:.3f} s CPU "
                f"({spread}, n={args.repeats})"
            )

        tree = base / "n200"
        digests = {}
        for jobs in (1, 2):
            runs = []
            for _ in range(args.full_repeats):
                shutil.rmtree(tree / "dist")
                runs.append(timed(tree, "--jobs", str(jobs)))
            digests[jobs] = digest(tree / "dist")
            wall = statistics.median(r[0] for r in runs)
            # Workers are children of the fork server, not of pressconv, so their CPU time is not
            # counted for --jobs 2; for --jobs 1 everything runs in the one process.
            cpu = f", {statistics.median(r[2] for r in runs):.1f} s CPU" if jobs == 1 else ""
            print(
                f"full build, 200 sources x {len(formats)} formats, --jobs {jobs}: median {wall:.1f} s wall"
                f"{cpu} (n={args.full_repeats})  [{runs[-1][1]}]"
            )
        print(f"--jobs 1 and --jobs 2 give identical dist/: {digests[1] == digests[2]}")
        print(f"load average at end: {_load()}")
    finally:
        if args.keep:
            print(f"trees kept in {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
