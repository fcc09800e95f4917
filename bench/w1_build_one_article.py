"""A folder holding the sample -> HTML, DOCX, PDF, EPUB: one ``pressconv build --force`` vs four pandoc runs.

Target (issue #9, W1): pressconv / pandoc <= 0.5.  pressconv runs as one
process (``--jobs 1``: one article needs no pool) in a scratch project with
the sample as ``source/``; pandoc runs once per format, the PDF through
wkhtmltopdf, and its four runs add up to one round.  Rounds alternate
(A B, B A, …); the ratio is the median of per-round ratios.

    .venv/bin/python bench/w1_build_one_article.py [ROUNDS]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from _harness import PRESSCONV, SAMPLE, compare, header, median, ms, pandoc, row, run_command, run_process

TARGET = 0.5


def main(rounds: int) -> None:
    header("W1 build one article to four formats vs pandoc x4")
    if shutil.which("wkhtmltopdf") is None:
        sys.exit("wkhtmltopdf is not installed (apt-get install -y wkhtmltopdf)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "source").mkdir()
        shutil.copy(SAMPLE, root / "source" / SAMPLE.name)
        ours = [[PRESSCONV, "build", "source", "-o", "dist", "--force", "--jobs", "1"]]
        pd = pandoc()
        theirs = [
            [pd, "-s", str(SAMPLE), "-o", "p.html"],
            [pd, str(SAMPLE), "-o", "p.docx"],
            [pd, str(SAMPLE), "-o", "p.pdf", "--pdf-engine=wkhtmltopdf"],
            [pd, str(SAMPLE), "-o", "p.epub"],
        ]
        result = compare(lambda: run_command(ours, root), lambda: run_command(theirs, root), rounds=rounds)
        made = sorted(p.name for p in (root / "dist").iterdir() if not p.name.startswith("."))
        print(f"pressconv wrote: {', '.join(made)}")
        per_format = {
            argv[3]: median([run_process(argv, root).wall for _ in range(5)]) for argv in theirs[1:]
        }
        per_format["p.html"] = median([run_process(theirs[0], root).wall for _ in range(5)])
    wall_a, wall_b = median([r.wall for r in result.a]), median([r.wall for r in result.b])
    cpu_a, cpu_b = median([r.cpu for r in result.a]), median([r.cpu for r in result.b])
    print(f"pressconv build --force : wall median {ms(wall_a)}, cpu median {ms(cpu_a)}")
    print(f"pandoc x4               : wall median {ms(wall_b)}, cpu median {ms(cpu_b)}")
    print(
        "pandoc per format (wall median of 5, after the paired rounds): "
        + ", ".join(f"{name} {ms(t)}" for name, t in per_format.items())
    )
    ratio = result.ratio("wall")
    print(f"ratio (paired, wall) {ratio:.2f}; (paired, cpu) {result.ratio('cpu'):.2f}; target <= {TARGET}")
    row("W1", f"<= {TARGET}", ms(wall_a), ms(wall_b), f"{ratio:.2f}", ratio <= TARGET)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
