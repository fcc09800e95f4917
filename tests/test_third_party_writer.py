"""A third-party writer, installed as a distribution with an entry point, used with no change to pressconv.

The package is made here, in a temporary folder: a module ``pcx_wire`` (wire
copy: the release as fixed-width plain text) and a ``pcx_wire-1.0.dist-info``
beside it whose ``entry_points.txt`` registers it in ``pressconv.writers``, as
``pip install`` would lay it out.  The folder goes on ``PYTHONPATH`` of the
``pressconv`` processes under test, so they find it the way they find any
installed distribution.  Its option ``wire_width`` must become a flag of
``convert -t wire`` and of ``build``, and a ``[tool.pressconv]`` key.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
PRESSCONV = str(BIN / "pressconv")

WRITER = '''\
"""Wire copy: a Document as fixed-width plain text."""

import textwrap

from pressconv.options import Option

SUFFIX = ".wire"
MEDIA_TYPE = "text/plain"
OPTIONS = (
    Option("wire_width", "integer", 72, "Line width of the wire copy."),
    Option("wire_slug", help="Slug line printed above the headline.", metavar="SLUG"),
)


def write(document, options, notes):
    width = options.wire_width
    lines = [options.wire_slug] if options.wire_slug else []
    lines += textwrap.wrap(document.headline, width) + [""]
    for block in document.blocks():
        lines += textwrap.wrap(block.text, width) + [""]
    return "\\n".join(lines).encode("utf-8")
'''

RELEASE = (
    "Council Opens New Library\n\n"
    "The council opened the new library on Monday after two years of building work on the east side.\n\n"
    "It holds forty thousand books, a hall for talks and a room where children can read after school.\n"
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder laid out like site-packages holding the plugin distribution."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "pcx_wire.py").write_text(WRITER, encoding="utf-8")
    info = folder / "pcx_wire-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: pcx-wire\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[pressconv.writers]\nwire = pcx_wire\n", encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    (root / "source" / "library.txt").write_text(RELEASE, encoding="utf-8")
    return root


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("SOURCE_DATE_EPOCH", None)
    return subprocess.run([PRESSCONV, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def widths(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_its_option_is_a_flag_of_convert(site: Path, project: Path) -> None:
    helped = run(site, project, "convert", "-t", "wire", "--help")
    assert helped.returncode == 0, helped.stderr
    assert "--wire-width" in helped.stdout and "Line width of the wire copy." in helped.stdout
    assert "--wire-slug SLUG" in helped.stdout
    assert "--page-size" not in helped.stdout  # what the wire writer does not declare is not offered

    done = run(
        site,
        project,
        "convert",
        "source/library.txt",
        "-t",
        "WIRE",
        "--wire-width",
        "30",
        "--wire-slug",
        "LIB",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("LIB\nCouncil Opens New Library\n")
    assert widths(done.stdout) <= 30
    assert widths(run(site, project, "convert", "source/library.txt", "-t", "wire").stdout) > 30  # default 72

    bad = run(site, project, "convert", "source/library.txt", "-t", "wire", "--wire-width", "wide")
    assert bad.returncode == 2 and "'wide' is not a valid integer" in bad.stderr

    by_suffix = run(site, project, "convert", "source/library.txt", "-o", "out.wire", "--wire-width", "25")
    assert by_suffix.returncode == 0, by_suffix.stderr
    assert widths((project / "out.wire").read_text(encoding="utf-8")) <= 25
    listed = run(site, project, "formats").stdout
    assert any(line.split()[:2] == ["wire", "output"] for line in listed.splitlines())
    assert run(site, project, "to-wire", "--help").stdout.count("--wire-width") == 1


def test_its_option_works_in_build_and_decides_staleness(site: Path, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.pressconv]\nformats = ["html", "wire"]\nwire_width = 30\n', encoding="utf-8"
    )
    built = run(site, project, "build", "-j", "1")
    assert built.returncode == 0, built.stderr
    assert widths((project / "dist/library.wire").read_text(encoding="utf-8")) <= 30
    assert run(site, project, "build", "--check").returncode == 0

    helped = run(site, project, "build", "--help").stdout
    assert "--wire-width" in helped

    checked = run(site, project, "build", "--check", "--wire-width", "40")
    assert checked.returncode == 1
    assert "dist/library.wire: options changed" in checked.stdout
    assert "library.html" not in checked.stdout  # the HTML writer does not read wire_width
    rebuilt = run(site, project, "build", "-j", "1", "--wire-width", "40")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith("wrote dist/library.wire\n1 written, 1 unchanged")
    assert 30 < widths((project / "dist/library.wire").read_text(encoding="utf-8")) <= 40

    (project / "pyproject.toml").write_text(
        '[tool.pressconv]\nformats = ["html", "wire"]\nwire_width = "wide"\n', encoding="utf-8"
    )
    bad = run(site, project, "build")
    assert bad.returncode == 2
    assert "wire_width must be an integer, not 'wide'" in bad.stderr


def test_the_api_checks_its_options(site: Path, project: Path) -> None:
    probe = (
        "import sys, pressconv\n"
        "from pressconv import writers\n"
        "assert 'wire' in writers.names() and 'pcx_wire' not in sys.modules  # listed, not imported\n"
        f"text = {RELEASE!r}\n"
        "data = pressconv.convert(text, 'wire', wire_width=20)\n"
        "assert max(len(l) for l in data.decode().splitlines()) <= 20\n"
        "try:\n"
        "    pressconv.convert(text, 'wire', wire_width='20')\n"
        "except pressconv.OptionError as err:\n"
        "    print(err)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "wire_width must be an integer, not '20'\n"


def test_a_plugin_claiming_a_builtin_name_is_refused(site: Path, project: Path) -> None:
    (site / "pcx_wire-1.0.dist-info" / "entry_points.txt").write_text(
        "[pressconv.writers]\nwire = pcx_wire\npdf = pcx_wire\n", encoding="utf-8"
    )
    done = run(site, project, "convert", "source/library.txt", "-t", "wire")
    assert done.returncode == 2
    assert done.stderr == "pressconv: error: writer 'pdf' from pcx_wire clashes with the built-in writer\n"
