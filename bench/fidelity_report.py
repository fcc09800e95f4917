"""Every fixture text and every source/ file -> each format -> the share of model words found back, in order.

``tests/test_fidelity.py`` fails on any lost, reordered, altered or invented
word; this prints the same comparison as figures for a reader (issue #8: "the
fidelity harness reports 100% for every format on source/ and on every
fixture"): per format, how many texts came back whole and the lowest share.

    .venv/bin/python bench/fidelity_report.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests")]

import test_fidelity as suite  # noqa: E402  (tests/ is not a package)
from fidelity import available_formats, fidelity_report  # noqa: E402
from pressconv.model import Document  # noqa: E402


def main() -> int:
    documents = {path: suite._document(path) for path in suite.TEXTS}
    texts = [path for path, doc in documents.items() if isinstance(doc, Document)]
    refused = len(documents) - len(texts)
    note = f" ({refused} refused by the reader, as their fixtures expect)" if refused else ""
    print(f"{len(texts)} texts{note}")
    print("| format | texts whole | lowest share | words compared |")
    print("| --- | --- | --- | --- |")
    failed = 0
    for fmt in available_formats():
        reports = [fidelity_report(documents[p], fmt, suite._output(p, fmt)) for p in texts]  # type: ignore[arg-type]
        whole = sum(r.ok for r in reports)
        failed += len(reports) - whole
        lowest = min(r.percent for r in reports)
        words = sum(len(r.model) for r in reports)
        print(f"| {fmt} | {whole}/{len(reports)} | {lowest:.2f}% | {words:,} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
