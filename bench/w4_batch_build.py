"""1,000 synthetic releases × 4 formats -> articles/s of ``pressconv build --force``, --jobs 2 and --jobs 1.

Target (issue #9, W4): --jobs 2 >= 150 articles/s, and --jobs 2 at least
1.8× as fast as --jobs 1.  The releases come from ``bench/synth.py`` (same
text every run); the scratch project is built once untimed, then each round
runs --jobs 2 and --jobs 1 back to back (order alternating) with --force so
every document is parsed and rendered again; the speed-up is the median of
the per-round ratios.  Each round also runs a pure-Python spin loop in one
and then two processes: its speed-up is what the machine itself offers at
that moment (other sessions share the two cores), so the build's speed-up is
reported beside it and as a share of it.

    .venv/bin/python bench/w4_batch_build.py [ROUNDS] [COUNT]
"""

from __future__ import annotations

import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import synth
from _harness import PRESSCONV, Run, compare, header, median, row, run_command

TARGET_RATE = 150.0
TARGET_SPEEDUP = 1.8


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def machine_speedup(pool: ProcessPoolExecutor, n: int = 5_000_000) -> float:
    """Wall time of two spin loops one after the other in one process over the same two side by side."""
    start = time.perf_counter()
    list(pool.map(_spin, [n]))
    list(pool.map(_spin, [n]))
    serial = time.perf_counter() - start
    start = time.perf_counter()
    list(pool.map(_spin, [n, n]))
    return serial / (time.perf_counter() - start)


def main(rounds: int, count: int) -> None:
    header(f"W4 batch build of {count} synthetic releases x 4 formats, --jobs 2 vs --jobs 1")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synth.write_tree(root / "source", count)

        def build(jobs: int) -> list[list[str]]:
            return [[PRESSCONV, "build", "source", "-o", "dist", "--force", "--jobs", str(jobs)]]

        spins: list[float] = []
        with ProcessPoolExecutor(max_workers=2) as pool:
            machine_speedup(pool)  # start both workers

            def two() -> Run:
                spins.append(machine_speedup(pool))
                return run_command(build(2), root)

            result = compare(two, lambda: run_command(build(1), root), rounds=rounds, warmup=1)
        outputs = sum(1 for p in (root / "dist").iterdir() if not p.name.startswith("."))
    two, one = median([r.wall for r in result.a]), median([r.wall for r in result.b])
    speedup = 1 / result.ratio("wall")
    rate2, rate1 = count / two, count / one
    print(f"outputs in dist/: {outputs}")
    for label, runs, wall, rate in (("--jobs 2", result.a, two, rate2), ("--jobs 1", result.b, one, rate1)):
        cpu = median([r.cpu for r in runs])
        print(f"{label}: wall median {wall:.2f} s = {rate:.1f} articles/s; cpu median {cpu:.2f} s")
    print(f"speed-up --jobs 2 over --jobs 1 (paired): {speedup:.2f}x; target >= {TARGET_SPEEDUP}")
    offered = median(spins)
    print(f"speed-up the machine offered two spin loops meanwhile: {offered:.2f}x (median of {len(spins)});")
    print(f"the build got {speedup / offered:.0%} of it; cpu of --jobs 2 leaves out its fork-server workers")
    row(
        "W4",
        f">= {TARGET_RATE:.0f} articles/s; >= {TARGET_SPEEDUP}x",
        f"{rate2:.1f} articles/s; {speedup:.2f}x (machine offered {offered:.2f}x)",
        "-",
        "-",
        rate2 >= TARGET_RATE and speedup >= TARGET_SPEEDUP,
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
