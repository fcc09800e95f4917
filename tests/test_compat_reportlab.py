"""The reportlab internals the PDF writer relies on are all there, and the version is one we tested.

A new reportlab release that renames or changes one of them fails here, naming it, instead of
producing a subtly wrong PDF.  ``pressconv.compat.reportlab`` is the only module that may name a
private reportlab attribute; the last test checks that by reading the source.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph

from pressconv.compat import reportlab as compat

ROOT = Path(__file__).parent.parent


def test_installed_reportlab_has_every_internal_the_writer_relies_on() -> None:
    problems = compat.probe()
    assert not problems, (
        f"reportlab {reportlab.Version} differs from what pressconv.compat.reportlab relies on: "
        + "; ".join(problems)
    )


def test_the_probe_names_a_missing_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(PDFTextObject, "_textOut")
    problems = compat.probe()
    assert any("_textOut" in problem for problem in problems), problems


def test_the_probe_names_changed_line_breaking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compat, "laid_out", lambda paragraph: object())
    assert any("blPara" in problem for problem in compat.probe())


def test_the_probe_refuses_an_untested_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reportlab, "Version", "5.2.0")
    assert any("outside the tested range" in problem for problem in compat.probe())


def test_pyproject_bounds_reportlab_to_the_tested_range() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    spec = next(d for d in declared if re.match(r"reportlab\b", d))
    (low_major, low_minor), (high_major, high_minor) = compat.TESTED_RANGE
    assert spec == f"reportlab>={low_major}.{low_minor},<{high_major}.{high_minor}"


def test_a_deferred_paragraph_becomes_a_plain_one_on_first_use() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from pressconv.writers.pdf.paragraph import LaidParagraph, LazyParagraph

    para = LazyParagraph("a <b>bold</b> word", ParagraphStyle("t"))
    assert type(para) is LazyParagraph and "frags" not in vars(para)
    para.wrap(200, 100)
    assert type(para) is LaidParagraph and para.frags  # reportlab's Paragraph, wrapped once per width
    assert LaidParagraph.__mro__[1] is Paragraph


#: Private reportlab names the writer uses; outside compat/reportlab.py none may appear.
_PRIVATE = re.compile(
    r"\.(_doc|_code|_textOut|blPara|_ttf_data|_pdfScale|_asciiReadable|_fixedWidth|"
    r"_fixedHeight|__NoDefault__|idToObject|_pos)\b|__class__\s*="
)


def test_only_the_compat_module_names_reportlab_internals() -> None:
    offenders = []
    for path in sorted((ROOT / "src" / "pressconv").rglob("*.py")):
        if path.stem.startswith("reportlab") and path.parent.name == "compat":  # compat/reportlab*.py
            continue
        if path.stem == "sre" and path.parent.name == "compat":  # CPython's re internals, fenced there
            continue
        if "docx" in path.parts[-2:] or path.stem.startswith("_docx") or path.stem == "docx":
            continue  # python-docx has its own fence
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _PRIVATE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_drawing_probe_passes_and_names_a_missing_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from pressconv.compat import reportlab_drawing

    assert reportlab_drawing.probe() == []
    monkeypatch.setattr(Canvas, "rect", lambda self, *args, **kwargs: None)  # draws nothing: _code unchanged
    assert any("Canvas._code" in problem for problem in reportlab_drawing.probe())
