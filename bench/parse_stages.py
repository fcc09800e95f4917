"""Where a parse's CPU time goes: each inference rule, block splitting, contacts, sections, the identifier.

Run: ``python bench/parse_stages.py [SAMPLE.txt] [--rounds N] [--distinct N]``.  The
text (the sample, or N distinct synthetic releases joined as ``parse_speed.py
--distinct`` joins them) is parsed N times after a warm-up; each stage is timed
with ``time.process_time`` (CPU time: the machine is shared) by wrapping the
rule functions of ``rules.ORDER`` and the reader's other steps, and the table
lists the mean per parse, the largest first.  Timing each stage alone is
steadier than cProfile on a loaded machine, where descheduling lands on
whichever function happens to run.  Timing lives here, never in the tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pressconv.readers.document as document
import pressconv.readers.text as text_reader
from pressconv.errors import Notes
from pressconv.readers import rules

DEFAULT_SAMPLE = Path(__file__).resolve().parents[1] / "source" / "pentagon-briefing.txt"

SPENT: dict[str, float] = {}


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, adding its CPU time to ``SPENT[name]``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.process_time() - start

    return wrapper


def instrument() -> None:
    """Wrap every rule and the reader's steps outside the rules."""
    rules.ORDER = tuple((name, timed(f"rule {name}", rule)) for name, rule in rules.ORDER)
    text_reader.split_blocks = timed("split into blocks", text_reader.split_blocks)
    text_reader.link_addresses = timed("links in the text", text_reader.link_addresses)
    text_reader.with_identifier = timed("content identifier", text_reader.with_identifier)
    document.parse_contacts = timed("contact details", document.parse_contacts)
    document._sections = timed("sections (model blocks)", document._sections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", nargs="?", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--distinct", type=int, metavar="N", help="N distinct synthetic releases instead")
    args = parser.parse_args()
    if args.distinct:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from synth import release  # type: ignore[import-not-found]

        source = "\n\n".join(release(i) for i in range(args.distinct))
    else:
        source = args.sample.read_text(encoding="utf-8").strip() + "\n"
    instrument()
    for _ in range(3):
        text_reader.read_text(source, notes=Notes())
    SPENT.clear()
    totals = []
    for _ in range(args.rounds):
        start = time.process_time()
        text_reader.read_text(source, notes=Notes())
        totals.append(time.process_time() - start)
    total = statistics.mean(totals)
    print(f"{len(source.encode('utf-8'))} bytes, {args.rounds} parses: {total * 1000:.3f} ms CPU each (mean)")
    for name, spent in sorted(SPENT.items(), key=lambda item: -item[1]):
        share = spent / args.rounds
        print(f"{name:28} {share * 1000:8.3f} ms {share / total:6.1%}")


if __name__ == "__main__":
    main()
