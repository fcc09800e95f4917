"""``python -m pressconv.writers.docx --regenerate-template``: rewrite the shipped default template.

A release-time tool, not part of the writer: run it after changing the style
map (``styles.py``), the preparation (``prepare.py``) or the python-docx
version, then review the diff of ``writers/assets/docx-template.*``.
``tests/test_docx_template.py`` fails until the shipped files are current.
"""

from __future__ import annotations

import sys

from pressconv.writers.docx.template import regenerate_template


def main(argv: list[str]) -> int:
    if argv != ["--regenerate-template"]:
        print("usage: python -m pressconv.writers.docx --regenerate-template")
        return 2
    for target, data in regenerate_template().items():
        target.write_bytes(data)
        print(f"wrote {target} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
