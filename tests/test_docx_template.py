"""The default DOCX template shipped as package data is exactly what preparing it with python-docx gives."""

from __future__ import annotations

import subprocess
import sys

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
