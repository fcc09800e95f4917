"""The sample (and a large synthetic article) -> PDF render time with tagging on vs off, pair by pair.

Target (issue #11): tagged <= 1.15x untagged on the sample.  Both variants run
in one warm process (fonts registered, each variant rendered twice first);
rounds alternate A B, B A, … and the figure is the median of the per-round
ratios, in wall and in CPU time.  Also prints the warm median of ``write()``
(tagged, the default) over the same rounds.

    .venv/bin/python bench/pdf_tagging.py [ROUNDS] [--big]
"""

from __future__ import annotations

import sys
import time

from _harness import SAMPLE, Run, compare, header, median, ms, row

from pressconv import api
from pressconv.errors import Notes
from pressconv.model import Document, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.writers import pdf

TARGET = 1.15


def _timed(document: Document, options: WriteOptions) -> Run:
    start, cpu = time.perf_counter(), time.process_time()
    pdf.write(document, options, Notes())
    return Run(time.perf_counter() - start, time.process_time() - cpu, 0)


def _big(sample: Document, copies: int) -> Document:
    """The sample's sections repeated ``copies`` times, headings numbered (about 5 KB of text each)."""
    sections = [
        Section(f"{section.heading or 'Part'} {n}", section.blocks, section.role)
        for n in range(copies)
        for section in sample.sections
    ]
    return Document(sample.headline, metadata=sample.metadata, sections=tuple(sections))


def measure(name: str, document: Document, rounds: int) -> float:
    tagged, untagged = WriteOptions(), WriteOptions(pdf_tagged=False)
    result = compare(lambda: _timed(document, tagged), lambda: _timed(document, untagged), rounds=rounds)
    words = sum(len(b.text.split()) for b in document.blocks() if isinstance(b, Paragraph | Quote))
    on_wall, on_cpu = median([r.wall for r in result.a]), median([r.cpu for r in result.a])
    off_wall, off_cpu = median([r.wall for r in result.b]), median([r.cpu for r in result.b])
    print(
        f"{name} ({words} words): tagged median {ms(on_wall)} wall, {ms(on_cpu)} cpu; "
        f"untagged {ms(off_wall)} wall, {ms(off_cpu)} cpu; ratio (median of {rounds} pairs) "
        f"{result.ratio('wall'):.3f} wall, {result.ratio('cpu'):.3f} cpu"
    )
    return result.ratio("wall")


def main(rounds: int, big: bool) -> None:
    header("PDF tagging cost: tagged vs untagged render, pair by pair")
    notes = Notes()
    read, _ = api.split_options({})
    sample = api.read_source(SAMPLE.read_bytes(), read, notes)
    ratio = measure("sample", sample, rounds)
    if big:
        measure("sample x100", _big(sample, 100), max(5, rounds // 6))
    row(
        "PDF tagged / untagged, sample",
        f"<= {TARGET:.2f}x",
        f"{ratio:.3f}x",
        "-",
        "-",
        ratio <= TARGET,
    )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 30, "--big" in sys.argv)
