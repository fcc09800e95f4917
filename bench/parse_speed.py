"""Parse time of the sample article repeated ×1, ×10, ×100, ×1000: is the reader linear, and how fast?

Run: ``python bench/parse_speed.py [SAMPLE.txt] [--repeats N] [--distinct N]``.  Each
size is parsed N times (fewer for the largest) and the median is reported with the
throughput in MB/s and the time per copy of the sample, which stays flat when
parsing is linear.  The sample copies are joined by blank lines, so the large
inputs are long documents with many quotes, names and headings, not one huge
paragraph.  Both wall time and the process's CPU time are shown: the machine is
shared, and CPU time is what the parser itself spends.

The reader analyses each distinct paragraph once per document, so copies of the
sample after the first cost less than the first.  ``--distinct N`` also times N
different synthetic releases (``bench/synth.py``) joined into one document,
where no paragraph repeats: the throughput on text that never repeats.
Timing lives here, never in the tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from pressconv.errors import Notes
from pressconv.readers.text import read_text

DEFAULT_SAMPLE = Path(__file__).resolve().parents[1] / "source" / "pentagon-briefing.txt"
SIZES = (1, 10, 100, 1000)


def median_seconds(text: str, repeats: int) -> tuple[float, float]:
    """The median wall time and the median CPU time of parsing ``text``."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        read_text(text, notes=Notes())
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--shapes", type=int, metavar="N", help="also time N copies in pathological shapes")
    parser.add_argument("--distinct", type=int, metavar="N", help="also time N distinct synthetic releases")
    args = parser.parse_args()
    sample = args.sample.read_text(encoding="utf-8").strip()
    base: float | None = None
    print(
        f"{'copies':>7} {'bytes':>10} {'median s':>10} {'MB/s':>7} {'cpu s':>8} {'cpu MB/s':>9} "
        f"{'ms/copy':>8} {'vs x1':>8}"
    )
    for copies in SIZES:
        text = "\n\n".join([sample] * copies) + "\n"
        size = len(text.encode("utf-8"))
        repeats = max(3, args.repeats if copies < 1000 else args.repeats // 2)
        seconds, cpu = median_seconds(text, repeats)
        per_copy = cpu / copies
        base = base if base is not None else per_copy
        print(
            f"{copies:>7} {size:>10} {seconds:>10.4f} {size / seconds / 1e6:>7.2f} {cpu:>8.4f} "
            f"{size / cpu / 1e6:>9.2f} {per_copy * 1000:>8.3f} {per_copy / base:>7.2f}x"
        )
    if args.distinct:
        distinct(args.distinct)
    if args.shapes:
        shapes(sample, args.shapes)


def distinct(count: int) -> None:
    """N different synthetic releases as one document: no paragraph repeats."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from synth import release  # type: ignore[import-not-found]

    for n in sorted({max(1, count // 100), max(1, count // 10), count}):
        text = "\n\n".join(release(i) for i in range(n))
        size = len(text.encode("utf-8"))
        seconds, cpu = median_seconds(text, 3)
        print(
            f"{'distinct':>8} x{n:<6} {size:>9} bytes {seconds:8.3f} s {size / seconds / 1e6:6.2f} MB/s "
            f"(cpu {cpu:.3f} s, {size / cpu / 1e6:.2f} MB/s)"
        )


def shapes(sample: str, copies: int) -> None:
    """The same words as one enormous paragraph, inside one unclosed quotation, one paragraph per line."""
    words = " ".join((sample + "\n\n").join([""] * (copies + 1)).split())
    cases = {
        "one paragraph": words,
        "unclosed quote": "“" + words.replace("“", "").replace("”", ""),
        "no blank lines": "\n".join([sample.replace("\n\n", "\n")] * copies),
    }
    for label, text in cases.items():
        seconds, _ = median_seconds(text, 3)
        size = len(text.encode("utf-8"))
        print(f"{label:>16} x{copies}: {size:>9} bytes {seconds:8.3f} s {size / seconds / 1e6:6.2f} MB/s")


if __name__ == "__main__":
    main()
