"""A 10 MB input (synthetic releases back to back) -> each format in its own process: peak RSS and time.

Target (issue #9, W6): peak RSS <= 400 MB for every format.  One
``pressconv to-FORMAT`` process per format reads the same ~10 MB file; its
peak resident set comes from ``wait4`` (``ru_maxrss``).  One run per format:
at this size a run takes tens of seconds and RSS hardly varies.

The input opens with long blocks (issue #21): a 100 KB headline (front-matter
title), one 1 MB quote and one 1 MB list item, then the releases up to the
size asked for; ``--no-long-blocks`` leaves them out (the W6 of issue #9).

    .venv/bin/python bench/w6_memory_10mb.py [MEGABYTES] [--no-long-blocks]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import synth
from _harness import PRESSCONV, header, row, run_process

TARGET_MB = 400.0
FORMATS = ("html", "docx", "pdf", "epub")


KB = 1000
MB = 1000 * KB


def main(megabytes: float, long: bool = True) -> None:
    what = " (a 100 KB headline, a 1 MB quote, a 1 MB list item, then releases)" if long else ""
    header(f"W6 peak RSS for a {megabytes:g} MB input{what}, one process per format")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        parts: list[str] = []
        if long:
            matter, body = synth.long_blocks(quote=MB, item=MB, headline=100 * KB)
            parts = [matter + body]
        size = sum(len(p.encode("utf-8")) + 1 for p in parts)
        while size < megabytes * 1e6:
            parts.append(synth.release(len(parts)))
            size += len(parts[-1].encode("utf-8")) + 1
        big = root / "big.txt"
        big.write_text("\n".join(parts), encoding="utf-8")
        print(f"input: {big.stat().st_size:,} bytes, {len(parts) - long} releases concatenated")
        peaks = {}
        for fmt in FORMATS:
            run = run_process([PRESSCONV, f"to-{fmt}", str(big), "-o", str(root / f"big.{fmt}")], root)
            out = (root / f"big.{fmt}").stat().st_size
            peaks[fmt] = run.max_rss_kb / 1024
            print(
                f"  {fmt:<5} peak RSS {peaks[fmt]:7.1f} MB  wall {run.wall:7.1f} s  cpu {run.cpu:7.1f} s",
                end="",
            )
            print(f"  output {out:,} bytes")
    worst = max(peaks, key=lambda f: peaks[f])
    measured = ", ".join(f"{fmt} {mb:.0f} MB" for fmt, mb in peaks.items())
    row("W6", f"<= {TARGET_MB:.0f} MB per format", measured, "-", "-", peaks[worst] <= TARGET_MB)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(float(args[0]) if args else 10.0, "--no-long-blocks" not in sys.argv[1:])
