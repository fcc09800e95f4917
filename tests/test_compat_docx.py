"""python-docx is one of the versions pressconv was tested with, and every internal it uses is there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressconv.compat import docx as compat

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_installed_python_docx_is_tested() -> None:
    problems = compat.probe()
    assert not problems, "\n".join(problems)


def test_probe_names_an_untested_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compat, "installed_version", lambda: "9.0.0")
    problems = compat.probe()
    assert len(problems) == 1
    assert "python-docx 9.0.0 is not a version pressconv was tested with" in problems[0]


def test_probe_names_a_missing_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    from docx.oxml.document import CT_Body

    monkeypatch.delattr(CT_Body, "get_or_add_sectPr")
    problems = compat.probe()
    assert any("CT_Body.get_or_add_sectPr is gone" in problem for problem in problems), problems


def test_pyproject_bounds_python_docx_around_the_tested_versions() -> None:
    found = re.search(r'"python-docx>=([\d.]+),<([\d.]+)"', PYPROJECT.read_text(encoding="utf-8"))
    assert found, "pyproject.toml must give python-docx an upper bound"
    low, high = (tuple(int(n) for n in v.split(".")) for v in found.groups())
    for version in compat.TESTED_VERSIONS:
        parts = tuple(int(n) for n in version.split("."))
        assert low <= parts < high, f"tested version {version} outside the declared bound"


def test_no_python_docx_internals_outside_compat() -> None:
    # Private attributes and oxml/opc internals are reached only through pressconv.compat.docx.
    package = Path(__file__).resolve().parent.parent / "src" / "pressconv"
    offenders = [
        f"{path.relative_to(package)}:{n}: {line.strip()}"
        for folder in ("writers/docx", "readers/docx")
        for path in sorted((package / folder).glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _INTERNAL.search(line)
    ]
    assert not offenders, "\n".join(offenders)


#: A python-docx private attribute or oxml/opc internal named in a line of code.
_INTERNAL = re.compile(
    r"\w\._element\b|\w\._p\b|\w\._r\b|\w\._?rels\b|\w\.element\b|numbering_part|get_or_add_|"
    r"part_related_by|relate_to|\bpartname\b|(?<![.\w])docx\.(oxml|opc\.(?!exceptions)|parts)\b"
)


@pytest.mark.parametrize(
    "line",
    [
        "numbering = document.part.numbering_part.element",
        "root = archive.read(document.part.partname)",
        "return body, document.styles.element, numbering",
        "body = doc.element.body",
        "for rel in part.rels.values():",
    ],
)
def test_the_internals_check_catches_a_reader_reaching_in(line: str) -> None:
    assert _INTERNAL.search(line)
