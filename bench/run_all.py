"""All seven workload scripts, one after another -> their full output and the README's results table.

Each script runs as its own process (so no workload warms another's
imports); its output goes to ``OUTDIR/wN_….txt`` and its last line, the
table row, is collected with the command that produced it.

    .venv/bin/python bench/run_all.py [OUTDIR]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from _harness import PYTHON, ROOT, machine

SCRIPTS = (
    "w1_build_one_article.py",
    "w2_to_html_process.py",
    "w3_warm_in_process.py",
    "w4_batch_build.py",
    "w5_parse_throughput.py",
    "w6_memory_10mb.py",
    "w7_noop_build.py",
)


def main(outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    started = machine()
    rows = []
    for script in SCRIPTS:
        command = [PYTHON, f"bench/{script}"]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        (outdir / script.replace(".py", ".txt")).write_text(done.stdout + done.stderr, encoding="utf-8")
        last = [line for line in done.stdout.splitlines() if line.startswith("| W")]
        row = last[-1] if last else f"| {script} | failed (exit {done.returncode}) | | | | |"
        rows.append(f"{row} `{' '.join(['.venv/bin/python', *command[1:]])}` |")
        print(rows[-1], flush=True)
    print()
    print(f"Run started {started}; finished {machine()}.")
    print()
    print("| workload | target | measured | pandoc | ratio | verdict | command |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("bench-results"))
