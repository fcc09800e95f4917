"""1×, 10×, 100× and 1000× the sample concatenated -> parse time for each, MB/s, and how linear it is.

Target (issue #9, W5): >= 10 MB/s on the largest input, time linear in size.
The inputs are the sample repeated with blank lines between copies (the
1000× input is ~5 MB), exactly as the reader's own ``bench/parse_speed.py``
builds them; each is read with ``read_text`` in process after one untimed
warm-up parse, and timed both in wall time and in CPU time
(``time.process_time``), since on a shared machine the wall time of a
multi-second parse mostly measures the neighbours.  The rate and the
linearity verdict use CPU time; both are printed.

    .venv/bin/python bench/w5_parse_throughput.py [MAX_FACTOR]
"""

from __future__ import annotations

import sys

from _harness import SAMPLE, header, median, ms, repeat, row

from pressconv.errors import Notes
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
        times = repeat(lambda t=text: read_text(t, notes=Notes()), runs=runs, warmup=0)
        seconds = median([r.cpu for r in times])
        wall = median([r.wall for r in times])
        rate = mb / seconds
        per_mb.append(seconds / mb)
        print(f"{copies:>5}x {mb * 1e6:>10,.0f} bytes  cpu {ms(seconds):>10} = {rate:6.2f} MB/s", end="")
        print(f"  wall {ms(wall):>10} ({runs} runs)")
        copies *= 10
    spread = max(per_mb) / min(per_mb)
    print(f"CPU time per MB, largest / smallest: {spread:.2f} (1.0 = perfectly linear)")
    measured = f"{rate:.1f} MB/s (CPU); per-MB spread {spread:.2f}"
    row("W5", f">= {TARGET_MB_S:.0f} MB/s, linear", measured, "-", "-", rate >= TARGET_MB_S and spread < 1.5)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
