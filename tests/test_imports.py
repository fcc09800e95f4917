"""Lazy imports: the package and to-html never load reportlab, python-docx or ebooklib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("reportlab", "docx", "ebooklib", "bs4", "lxml")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_pressconv_is_light() -> None:
    assert not loaded_after("import pressconv") & set(HEAVY)


def test_to_html_loads_no_other_writer_library(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "x.html"
    argv = ["to-html", str(sample_path), "-o", str(out)]
    code = f"from pressconv.cli import main\nassert main({argv!r}) == 0"
    assert not loaded_after(code) & set(HEAVY)
    assert out.is_file()


def test_options_never_import_the_writers() -> None:
    # WriteOptions reads the defaults the writer registry declared into it; it does not fetch them.
    probe = "import sys, pressconv.options\nprint('pressconv.writers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]


def test_a_write_option_nobody_set_reads_as_its_declared_default() -> None:
    from pressconv import writers
    from pressconv.options import WRITE_OPTIONS, WriteOptions

    options = WriteOptions()
    declared = [o for s in writers.BUILTINS.values() for o in (*WRITE_OPTIONS, *s.options)]
    assert {o.name for o in declared} >= {"html_fragment", "pdf_tagged", "docx_reference", "epub_cover"}
    for option in declared:
        assert getattr(options, option.name) == option.default, option.name
    assert options.pdf_tagged is True and options.html_fragment is False
    assert WriteOptions(pdf_tagged=False).pdf_tagged is False
    assert options.no_such_option is None
