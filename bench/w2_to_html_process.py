"""The sample -> standalone HTML as a whole process: ``pressconv to-html`` vs ``pandoc -s``, paired.

Target (issue #9, W2): pressconv / pandoc <= 1.0.  Both commands start a
fresh process per run, read the same file and write one .html into a
scratch folder; the ratio is the median of per-round ratios (A B, B A, …).

    .venv/bin/python bench/w2_to_html_process.py [ROUNDS]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import PRESSCONV, PYTHON, SAMPLE, compare, header, median, ms, pandoc, row, run_command

TARGET = 1.0
#: What any Python CLI built like ours pays before its own code: the interpreter, click, and the
#: standard modules the model and the HTML writer need (dataclasses brings inspect, ast, enum …).
FLOOR_IMPORTS = "import click, dataclasses, json, pathlib, xml.etree.ElementTree"


def main(rounds: int) -> None:
    header("W2 to-html as a whole process vs pandoc -s")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        ours = [[PRESSCONV, "to-html", str(SAMPLE), "-o", str(out / "ours.html")]]
        theirs = [[pandoc(), "-s", str(SAMPLE), "-o", str(out / "pandoc.html")]]
        result = compare(lambda: run_command(ours, out), lambda: run_command(theirs, out), rounds=rounds)
        floor = compare(
            lambda: run_command([[PYTHON, "-c", FLOOR_IMPORTS]], out),
            lambda: run_command(theirs, out),
            rounds=rounds,
        )
    wall_a, wall_b = median([r.wall for r in result.a]), median([r.wall for r in result.b])
    cpu_a, cpu_b = median([r.cpu for r in result.a]), median([r.cpu for r in result.b])
    print(f"pressconv to-html : wall median {ms(wall_a)}, cpu median {ms(cpu_a)}")
    print(f"pandoc -s         : wall median {ms(wall_b)}, cpu median {ms(cpu_b)}")
    ratio = result.ratio("wall")
    floor_wall = median([r.wall for r in floor.a])
    print(f"floor: python -c {FLOOR_IMPORTS!r}: wall median {ms(floor_wall)}", end="")
    print(f", {floor.ratio('wall'):.2f} x pandoc (paired), before any pressconv code")
    print(f"ratio (paired, wall) {ratio:.2f}; (paired, cpu) {result.ratio('cpu'):.2f}; target <= {TARGET}")
    row("W2", f"<= {TARGET}", ms(wall_a), ms(wall_b), f"{ratio:.2f}", ratio <= TARGET)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
