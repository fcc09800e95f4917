"""The default DOCX template shipped as package data is exactly what preparing it with python-docx gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pressconv.writers import docx


def test_shipped_template_is_current() -> None:
    # Regenerate with `python -m pressconv.writers.docx --regenerate-template` when this fails.
    for target, data in docx.regenerate_template().items():
        assert target.read_bytes() == data, target.name


def test_default_template_does_not_open_python_docx() -> None:
    code = (
        "import sys\n"
        "from pressconv.model import Document\n"
        "from pressconv.errors import Notes\n"
        "from pressconv.options import WriteOptions\n"
        "from pressconv.writers import docx\n"
        "docx.write(Document(headline='Headline'), WriteOptions(), Notes())\n"
        "print('docx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_template_tool_runs_as_a_module() -> None:
    # `python -m pressconv.writers.docx` is the release-time tool; without its one flag it says how.
    done = subprocess.run([sys.executable, "-m", "pressconv.writers.docx"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout.strip() == "usage: python -m pressconv.writers.docx --regenerate-template"


def test_the_template_tool_writes_what_regenerate_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pressconv.writers.docx import __main__ as tool

    fresh = docx.regenerate_template()
    targets = {tmp_path / target.name: data for target, data in fresh.items()}
    monkeypatch.setattr(tool, "regenerate_template", lambda: targets)
    assert tool.main(["--regenerate-template"]) == 0
    out = capsys.readouterr().out
    for target, data in targets.items():
        assert target.read_bytes() == data
        assert f"wrote {target} ({len(data)} bytes)" in out
