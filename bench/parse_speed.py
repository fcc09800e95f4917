"""Parse time of the sample article repeated ×1, ×10, ×100, ×1000: is the reader linear, and how fast?

Run: ``python bench/parse_speed.py [SAMPLE.txt] [--repeats N]``.  Each size is
parsed N times (fewer for the largest) and the median is reported with the
throughput in MB/s and the time per copy of the sample, which stays flat when
parsing is linear.  The sample copies are joined by blank lines, so the large
inputs are long documents with many quotes, names and headings, not one huge
paragraph.  Timing lives here, never in the tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from pressconv.errors import Notes
from pressconv.readers.text import read_text

DEFAULT_SAMPLE = Path(__file__).resolve().parents[1] / "source" / "pentagon-briefing.txt"
SIZES = (1, 10, 100, 1000)


def median_seconds(text: str, repeats: int) -> float:
    """The median wall time of parsing ``text``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        read_text(text, notes=Notes())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--shapes", type=int, metavar="N", help="also time N copies in pathological shapes")
    args = parser.parse_args()
    sample = args.sample.read_text(encoding="utf-8").strip()
    base: float | None = None
    print(f"{'copies':>7} {'bytes':>10} {'median s':>10} {'MB/s':>7} {'ms/copy':>8} {'vs x1':>8}")
    for copies in SIZES:
        text = "\n\n".join([sample] * copies) + "\n"
        size = len(text.encode("utf-8"))
        repeats = max(3, args.repeats if copies < 1000 else args.repeats // 2)
        seconds = median_seconds(text, repeats)
        per_copy = seconds / copies
        base = base if base is not None else per_copy
        print(
            f"{copies:>7} {size:>10} {seconds:>10.4f} {size / seconds / 1e6:>7.2f} "
            f"{per_copy * 1000:>8.3f} {per_copy / base:>7.2f}x"
        )
    if args.shapes:
        shapes(sample, args.shapes)


def shapes(sample: str, copies: int) -> None:
    """The same words as one enormous paragraph, inside one unclosed quotation, one paragraph per line."""
    words = " ".join((sample + "\n\n").join([""] * (copies + 1)).split())
    cases = {
        "one paragraph": words,
        "unclosed quote": "“" + words.replace("“", "").replace("”", ""),
        "no blank lines": "\n".join([sample.replace("\n\n", "\n")] * copies),
    }
    for label, text in cases.items():
        seconds = median_seconds(text, 3)
        size = len(text.encode("utf-8"))
        print(f"{label:>16} x{copies}: {size:>9} bytes {seconds:8.3f} s {size / seconds / 1e6:6.2f} MB/s")


if __name__ == "__main__":
    main()
