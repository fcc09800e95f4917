"""1,000 unchanged synthetic sources with an up-to-date dist/ -> time of a no-op ``pressconv build``.

Target (issue #9, W7): <= 0.5 s as a whole process.  The scratch project is
built once (untimed, --jobs 2); then ``pressconv build`` runs repeatedly
with nothing to do, and the script checks that nothing was rewritten (the
outputs' modification times stay put).

    .venv/bin/python bench/w7_noop_build.py [RUNS] [COUNT]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import synth
from _harness import PRESSCONV, header, median, row, run_command

TARGET_S = 0.5


def main(runs: int, count: int) -> None:
    header(f"W7 no-op build over {count} unchanged sources")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synth.write_tree(root / "source", count)
        build = [[PRESSCONV, "build", "source", "-o", "dist"]]
        first = run_command([[*build[0], "--jobs", "2"]], root)
        print(f"first build (untimed for the target): {first.wall:.1f} s")
        stamps = {p: p.stat().st_mtime_ns for p in (root / "dist").iterdir()}
        for _ in range(2):  # warm-up
            run_command(build, root)
        results = [run_command(build, root) for _ in range(runs)]
        touched = [p.name for p, t in stamps.items() if p.stat().st_mtime_ns != t]
    wall = median([r.wall for r in results])
    cpu = median([r.cpu for r in results])
    print(
        f"no-op build: wall median {wall * 1000:.0f} ms (min {min(r.wall for r in results) * 1000:.0f} ms), ",
        end="",
    )
    print(f"cpu median {cpu * 1000:.0f} ms over {runs} runs; outputs rewritten: {len(touched)} {touched[:3]}")
    row("W7", f"<= {TARGET_S} s", f"{wall:.3f} s", "-", "-", wall <= TARGET_S and not touched)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 11, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
