"""Documents -> where the PDF writer's time goes, by reportlab stage, in a warm process (W3, W4).

Wraps a few reportlab functions with ``time.perf_counter`` counters (no
profiler, whose overhead distorts pure-Python code) and renders each document
``ROUNDS`` times after a warm-up: the markup parser, line breaking, drawing,
font subsetting, zlib, and the whole of saving the file (which holds the
subsetting and zlib).  The stages overlap only where said; the rest of the
total is platypus's frame and page handling and pressconv's own code.

    .venv/bin/python bench/pdf_breakdown.py [ROUNDS]        # the sample and 200 synthetic releases
"""

from __future__ import annotations

import sys
import time
import zlib
from collections.abc import Callable
from typing import Any

import synth
from _harness import SAMPLE, header

from pressconv import api
from pressconv.errors import Notes
from pressconv.model import Document

_SPENT: dict[str, float] = {}


def _timed(owner: Any, name: str, key: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            _SPENT[key] = _SPENT.get(key, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)


def _instrument() -> None:
    import reportlab.pdfbase.pdfdoc as pdfdoc
    import reportlab.pdfbase.ttfonts as ttfonts
    import reportlab.platypus.paragraph as paragraph
    import reportlab.platypus.paraparser as paraparser

    _timed(paraparser.ParaParser, "parse", "markup parse (paraparser)")
    _timed(paragraph.Paragraph, "breakLines", "line breaking (breakLines)")
    _timed(paragraph.Paragraph, "drawPara", "drawing lines (drawPara)")
    _timed(ttfonts.TTFontFile, "makeSubset", "font subsets (makeSubset, in save)")
    _timed(pdfdoc.PDFDocument, "GetPDFData", "saving the file (GetPDFData)")
    _timed(zlib, "compress", "zlib (fonts at save, pages as they end)")


def _measure(label: str, documents: list[Document], rounds: int) -> None:
    read, write = api.split_options({})
    del read
    for document in documents[:5]:
        api.render([document], "pdf", write, Notes())
    _SPENT.clear()
    start = time.perf_counter()
    for _ in range(rounds):
        for document in documents:
            api.render([document], "pdf", write, Notes())
    count = rounds * len(documents)
    total = (time.perf_counter() - start) / count
    print(f"{label}: {total * 1000:.2f} ms per PDF ({count} renders)")
    for key, spent in sorted(_SPENT.items(), key=lambda item: -item[1]):
        print(f"  {key:<38} {spent / count * 1000:6.2f} ms  {spent / count / total:5.1%}")


def main(rounds: int) -> None:
    header("PDF writer breakdown by reportlab stage")
    read, _ = api.split_options({})
    sample = api.read_source(SAMPLE.read_bytes(), read, Notes())
    tiny = api.read_source(b"Council opens library\n\nThe new library opens today.\n", read, Notes())
    releases = [api.read_source(text.encode(), read, Notes()) for text in synth.releases(200)]
    api.render([sample], "pdf", api.split_options({})[1], Notes())  # import reportlab before wrapping
    _instrument()
    _measure("the sample", [sample], rounds * 10)
    _measure("a one-paragraph release (fixed cost)", [tiny], rounds * 10)
    _measure("200 synthetic releases (W4's kind)", releases, rounds)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
