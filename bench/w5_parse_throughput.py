"""1×, 10×, 100× and 1000× the sample concatenated -> parse time for each, MB/s, and how linear it is.

Target (issue #9, W5): >= 10 MB/s on the largest input, time linear in size.
The inputs are the sample repeated with blank lines between copies (the
1000× input is ~5 MB), exactly as the reader's own ``bench/parse_speed.py``
builds them, and each is timed with its ``median_seconds`` (``read_text`` in
process, after one untimed warm-up parse); this script adds the target check
and the README line.

    /work/venv/bin/python bench/w5_parse_throughput.py [MAX_FACTOR]
"""

from __future__ import annotations

import sys

from _harness import SAMPLE, header, ms, row
from parse_speed import median_seconds

from pressconv.readers.text import read_text

TARGET_MB_S = 10.0


def main(max_factor: int) -> None:
    header("W5 parse throughput and linearity")
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    read_text(sample)  # warm-up: first-use costs (compiled patterns, caches) are not parsing speed
    per_mb: list[float] = []
    rate = 0.0
    copies = 1
    while copies <= max_factor:
        text = "\n\n".join([sample] * copies) + "\n"
        mb = len(text.encode("utf-8")) / 1e6
        runs = max(3, min(15, 150 // copies))
        seconds = median_seconds(text, runs)
        rate = mb / seconds
        per_mb.append(seconds / mb)
        print(
            f"{copies:>5}x {mb * 1e6:>10,.0f} bytes median {ms(seconds):>10}  {rate:6.2f} MB/s ({runs} runs)"
        )
        copies *= 10
    spread = max(per_mb) / min(per_mb)
    print(f"time per MB, largest / smallest: {spread:.2f} (1.0 = perfectly linear)")
    measured = f"{rate:.1f} MB/s; per-MB spread {spread:.2f}"
    row("W5", f">= {TARGET_MB_S:.0f} MB/s, linear", measured, "-", "-", rate >= TARGET_MB_S and spread < 1.5)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
