"""This checkout against a baseline checkout, in the same sitting: W1, W3 and W4 paired, CPU medians.

The guide's speed rule is relative ("W1, W3, W4 no more than 10% slower than before"), and this
machine's speed drifts within minutes, so both sides run alternately in the same rounds (A B, B A,
...).  The baseline is another checkout of pressconv with its own ``.venv`` (e.g. made with
``git worktree add ../base <commit>`` and ``python -m venv ../base/.venv &&
../base/.venv/bin/pip install -e ../base``).

- W1: ``pressconv build --jobs 1`` of a folder holding the sample into an empty ``dist/``, all four
  formats (``w1_build_one_article.py``'s command without the pandoc side).  An empty folder, not
  ``--force``: since issue #16 ``--force`` really rewrites unchanged outputs, where earlier versions
  skipped them, so ``--force`` would compare different amounts of work.
- W3: each side's own ``bench/w3_warm_in_process.py`` (parse + four writers in a warm process);
  the figure is the script's median total CPU per document.
- W4: ``pressconv build --jobs 2`` of N synthetic releases × 4 formats (``synth.py``) into an empty
  ``dist/``.

Before timing, each side's ``src/`` is compiled to bytecode (``compileall``), as ``pip install``
does for an installed package.  An editable checkout run with ``PYTHONDONTWRITEBYTECODE`` set (some
machines set it globally) keeps no ``.pyc`` for modules added since its last compile, so every
process would compile them again: on 2026-12-07 main lacked bytecode for 30 new modules and the
baseline for 8; a W1 build took 380 ms of CPU with 97 of main's modules uncompiled against
285-350 ms compiled: a cost no installed copy pays.

    .venv/bin/python bench/ab.py ../base [--rounds 5] [--w4-count 200]

Prints one line per workload: the two CPU medians and the ratio this/baseline (< 1 is faster).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _harness import SAMPLE, compare, median, ms, run_command  # noqa: E402

_W3_TOTAL = re.compile(r"total median wall [\d.]+ ms, cpu ([\d.]+) ms")


def _tree(root: Path, sources: list[Path]) -> Path:
    (root / "source").mkdir(parents=True)
    for source in sources:
        shutil.copy(source, root / "source" / source.name)
    return root


def _fresh(exe: Path, jobs: int) -> list[list[str]]:
    """Empty ``dist/``, then build every output (the rm's own cost is a millisecond)."""
    return [["rm", "-rf", "dist"], [str(exe), "build", "source", "-o", "dist", "-j", str(jobs)]]


def _w3_cpu_ms(python: Path, script: Path, rounds: int) -> float:
    done = subprocess.run([str(python), str(script), str(rounds)], capture_output=True, text=True, check=True)
    found = _W3_TOTAL.search(done.stdout)
    if found is None:
        raise SystemExit(f"ab.py: no total in the W3 output of {python}:\n{done.stdout[-500:]}")
    return float(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the baseline checkout (with its own .venv)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--w4-count", type=int, default=200)
    args = parser.parse_args()
    here = HERE.parent
    sides = {"base": args.base.resolve(), "this": here}
    exe = {name: root / ".venv" / "bin" / "pressconv" for name, root in sides.items()}
    python = {name: root / ".venv" / "bin" / "python" for name, root in sides.items()}
    for name, path in exe.items():
        if not path.exists():
            raise SystemExit(f"ab.py: {path}: not found (the {name} side needs its .venv)")
    for name, root in sides.items():
        subprocess.run([str(python[name]), "-m", "compileall", "-q", str(root / "src")], check=True)

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        # W1
        roots = {name: _tree(scratch / f"w1-{name}", [SAMPLE]) for name in sides}
        w1 = compare(
            lambda: run_command(_fresh(exe["base"], 1), roots["base"]),
            lambda: run_command(_fresh(exe["this"], 1), roots["this"]),
            rounds=args.rounds * 4,
        )
        a, b = median([r.cpu for r in w1.a]), median([r.cpu for r in w1.b])
        print(f"W1 build 1 article x 4 (fresh dist): base cpu {ms(a)}, this cpu {ms(b)}, "
              f"this/base {b / a:.3f}")

        # W3
        base_w3, this_w3 = [], []
        for i in range(args.rounds):
            order = [("base", base_w3), ("this", this_w3)]
            for name, into in order if i % 2 == 0 else reversed(order):
                into.append(_w3_cpu_ms(python[name], sides[name] / "bench" / "w3_warm_in_process.py", 30))
        a, b = median(base_w3), median(this_w3)
        print(f"W3 warm parse + 4 writers: base cpu {a:.1f} ms, this cpu {b:.1f} ms, this/base {b / a:.3f}")

        # W4
        synth = scratch / "synth"
        subprocess.run([str(python["this"]), str(HERE / "synth.py"), str(args.w4_count), str(synth)],
                       check=True, capture_output=True)
        sources = sorted(synth.iterdir())
        roots = {name: _tree(scratch / f"w4-{name}", sources) for name in sides}
        w4 = compare(
            lambda: run_command(_fresh(exe["base"], 2), roots["base"]),
            lambda: run_command(_fresh(exe["this"], 2), roots["this"]),
            rounds=max(2, args.rounds // 2),
            warmup=1,
        )
        a, b = median([r.cpu for r in w4.a]), median([r.cpu for r in w4.b])
        wa, wb = median([r.wall for r in w4.a]), median([r.wall for r in w4.b])
        print(f"W4 {args.w4_count} releases x 4, -j 2 (fresh dist): base cpu {ms(a)} (wall {ms(wa)}), "
              f"this cpu {ms(b)} (wall {ms(wb)}), this/base cpu {b / a:.3f}, wall {wb / wa:.3f}")


if __name__ == "__main__":
    main()
