"""The sample, in a warm process -> parse + HTML, DOCX, PDF and EPUB: median time and each stage's share.

Target (issue #9, W3): parse + all four writers <= 12 ms median.  Every
library is imported and every writer has run twice before timing starts; a
round times the parse and each writer separately with ``time.perf_counter``
and the total is their sum in that round.

    /work/venv/bin/python bench/w3_warm_in_process.py [ROUNDS]
"""

from __future__ import annotations

import sys
import time

from _harness import SAMPLE, header, median, ms, row

from pressconv import api
from pressconv.errors import Notes

TARGET_MS = 12.0
FORMATS = ("html", "docx", "pdf", "epub")


def main(rounds: int) -> None:
    header("W3 warm in-process parse + four writers")
    data = SAMPLE.read_bytes()
    read, write = api.split_options({})
    stages: dict[str, list[float]] = {name: [] for name in ("parse", *FORMATS)}
    totals: list[float] = []
    for i in range(rounds + 2):
        notes = Notes()
        start = time.perf_counter()
        doc = api.read_source(data, read, notes)
        times = {"parse": time.perf_counter() - start}
        for fmt in FORMATS:
            start = time.perf_counter()
            api.render([doc], fmt, write, notes)
            times[fmt] = time.perf_counter() - start
        if i >= 2:  # two warm-up rounds
            for name, value in times.items():
                stages[name].append(value)
            totals.append(sum(times.values()))
    total = median(totals)
    print(f"rounds {rounds}; total median {ms(total)} (min {ms(min(totals))})")
    for name, values in stages.items():
        share = median(values) / total
        print(f"  {name:<6} median {ms(median(values)):>9}  share {share:5.1%}")
    row("W3", f"<= {TARGET_MS:.0f} ms", ms(total), "-", "-", total * 1000 <= TARGET_MS)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
