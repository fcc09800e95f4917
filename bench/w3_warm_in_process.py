"""The sample, in a warm process -> parse + HTML, DOCX, PDF and EPUB: median time and each stage's share.

Target (issue #9, W3): parse + all four writers <= 12 ms median.  Every
library is imported and every writer has run twice before timing starts; a
round times the parse and each writer separately, in wall time
(``time.perf_counter``) and CPU time (``time.process_time``), and the total
is their sum in that round.  On a quiet machine the two agree; on a shared
one the CPU figure is the one that says what the code costs.

    .venv/bin/python bench/w3_warm_in_process.py [ROUNDS] [--theme PATH]

With ``--theme`` every writer renders under that theme (issue #19: within 15% of W3 without one);
the theme is loaded once, before timing, as ``build`` loads it once per run.
"""

from __future__ import annotations

import argparse
import time

from _harness import SAMPLE, header, median, ms, row

from pressconv import api
from pressconv.errors import Notes

TARGET_MS = 12.0
FORMATS = ("html", "docx", "pdf", "epub")


def main(rounds: int, theme: str | None = None) -> None:
    header("W3 warm in-process parse + four writers" + (f" under the theme {theme}" if theme else ""))
    data = SAMPLE.read_bytes()
    read, write = api.split_options({"theme": theme} if theme else {})
    names = ("parse", *FORMATS)
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for i in range(rounds + 2):
        notes = Notes()
        times: dict[str, tuple[float, float]] = {}
        start, cpu_start = time.perf_counter(), time.process_time()
        doc = api.read_source(data, read, notes)
        times["parse"] = (time.perf_counter() - start, time.process_time() - cpu_start)
        for fmt in FORMATS:
            start, cpu_start = time.perf_counter(), time.process_time()
            api.render([doc], fmt, write, notes)
            times[fmt] = (time.perf_counter() - start, time.process_time() - cpu_start)
        if i >= 2:  # two warm-up rounds
            for name, (w, c) in times.items():
                wall[name].append(w)
                cpu[name].append(c)
    total_wall = median([sum(values) for values in zip(*wall.values(), strict=True)])
    total_cpu = median([sum(values) for values in zip(*cpu.values(), strict=True)])
    print(f"rounds {rounds}; total median wall {ms(total_wall)}, cpu {ms(total_cpu)}")
    for name in names:
        share = median(cpu[name]) / total_cpu
        print(f"  {name:<6} wall {ms(median(wall[name])):>9}  cpu {ms(median(cpu[name])):>9}", end="")
        print(f"  share {share:5.1%}")
    shares = ", ".join(f"{name} {median(cpu[name]) / total_cpu:.0%}" for name in names)
    measured = f"{ms(total_wall)} wall, {ms(total_cpu)} CPU ({shares})"
    name = "W3 themed" if theme else "W3"
    row(name, f"<= {TARGET_MS:.0f} ms", measured, "-", "-", min(total_wall, total_cpu) * 1000 <= TARGET_MS)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", nargs="?", type=int, default=50)
    parser.add_argument("--theme", metavar="PATH", help="render under this theme folder or theme.toml")
    args = parser.parse_args()
    main(args.rounds, args.theme)
