"""Input size -> peak memory and time of each format's conversion, each in its own process (issue #8).

For every size (default 1 MB and 10 MB) and every format whose writer exists,
one ``python -m pressconv.cli to-FORMAT`` process converts the same input;
``os.wait4`` gives that child's own peak RSS (``ru_maxrss``) and CPU time, so
earlier children do not count; this script stays small while children run,
because a child's high-water mark starts from its parent's at fork.  The input is synthetic
releases back to back (``synth.py``), the shape a press office would feed in.
``--check`` also extracts the words back (``tests/fidelity.py``) and reports
the share found.  Prints one table; the ratio column is the 10 MB figure over
the 1 MB one (linear growth is about 10).  ``--long-blocks`` opens each input
with a headline, a quote and a list item of a tenth of its size each (issue
#21: layout must be linear in the size of any block, not only a paragraph).

    .venv/bin/python bench/memory.py [--sizes 1,10] [--formats html,pdf] [--check] [--long-blocks]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import synth  # noqa: E402  (bench/ is not a package)

from fidelity import available_formats, fidelity_report  # noqa: E402

MB = 1024 * 1024


@dataclass(frozen=True)
class Measure:
    """One conversion's cost."""

    fmt: str
    megabytes: float
    wall: float
    cpu: float
    peak_mb: float
    output_bytes: int
    status: int
    fidelity: str


def make_input(path: Path, megabytes: float, long: bool = False) -> None:
    """Synthetic releases concatenated up to ``megabytes`` MiB (after the long blocks, when asked)."""
    parts: list[str] = []
    if long:
        tenth = int(megabytes * MB / 10)
        matter, body = synth.long_blocks(quote=tenth, item=tenth, headline=tenth // 10)
        parts.append(matter + body)
    size = sum(len(p.encode("utf-8")) + 1 for p in parts)
    while size < megabytes * MB:
        parts.append(synth.release(len(parts)))
        size += len(parts[-1].encode("utf-8")) + 1
    path.write_text("\n".join(parts), encoding="utf-8")


def measure(fmt: str, source: Path, megabytes: float, timeout: float) -> Measure:
    """Run one conversion in a child process and read its own rusage."""
    target = source.with_suffix(f".{fmt}")
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "pressconv.cli", f"to-{fmt}", str(source), "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    status = None
    while status is None:
        pid, raw, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(raw)
            break
        if time.perf_counter() - start > timeout:
            child.kill()
            pid, raw, usage = os.wait4(child.pid, 0)
            status = -9
            break
        time.sleep(0.05)
    child.returncode = status  # already reaped by wait4
    wall = time.perf_counter() - start
    return Measure(
        fmt,
        megabytes,
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,  # Linux reports KiB
        target.stat().st_size if target.is_file() else 0,
        status,
        "-",
    )


def check_words(row: Measure, source: Path) -> Measure:
    """The row with the share of the model's words found in the output (``!``: extras or furniture lost)."""
    from dataclasses import replace

    from pressconv import api

    target = source.with_suffix(f".{row.fmt}")
    if row.status != 0:
        return row
    report = fidelity_report(api.parse(source), row.fmt, target.read_bytes())
    return replace(row, fidelity=f"{report.percent:.2f}%" + ("" if report.ok else "!"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10", help="input sizes in MiB, comma-separated")
    parser.add_argument("--formats", default=",".join(available_formats()), help="formats, comma-separated")
    parser.add_argument("--check", action="store_true", help="also extract the words back and compare")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a conversion is killed")
    parser.add_argument(
        "--long-blocks", action="store_true", help="open each input with a long headline, quote and list item"
    )
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    rows: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        for megabytes in sizes:
            source = Path(tmp, f"input-{megabytes:g}mb.txt")
            make_input(source, megabytes, args.long_blocks)
            for fmt in formats:
                row = measure(fmt, source, megabytes, args.timeout)
                rows.append(row)
                print(
                    f"# {fmt} {megabytes:g} MB: {row.wall:.1f} s wall, {row.peak_mb:.0f} MB peak, "
                    f"exit {row.status}",
                    file=sys.stderr,
                    flush=True,
                )
            if args.check:
                # only after every conversion: a child's ru_maxrss starts from this process's own
                # high-water mark (inherited through fork), and reading 10 MB here would inflate it
                rows[-len(formats) :] = [check_words(r, source) for r in rows[-len(formats) :]]
    print(
        f"{'format':<6} {'input':>6} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'output':>12} "
        f"{'exit':>4} {'words':>9}  growth (cpu, peak) vs smallest"
    )
    for row in rows:
        base = next(r for r in rows if r.fmt == row.fmt)
        growth = (
            f"x{row.cpu / base.cpu:.1f}, x{row.peak_mb / base.peak_mb:.1f}"
            if row is not base and base.cpu > 0
            else ""
        )
        print(
            f"{row.fmt:<6} {row.megabytes:>4g}MB {row.wall:>8.1f} {row.cpu:>8.1f} {row.peak_mb:>8.0f} "
            f"{row.output_bytes:>12,} {row.status:>4} {row.fidelity:>9}  {growth}"
        )
    return 0 if all(r.status == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
