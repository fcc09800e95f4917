"""What a process pays before its first document: the CLI's imports, and patterns compiled once per user.

``pressconv --help`` or a bad flag must not load the reader's language tables, the build's database
or a writer's library; and once one process has written a release, the next compiles none of the
reader's or reportlab's module-level patterns again (``pressconv.pattern_cache``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_TABLES = (
    "pressconv.readers.lexicon",
    "pressconv.readers.dates",
    "pressconv.readers.name_runs",
    "pressconv.readers.speakers",
    "pressconv.readers.rules",
    "pressconv.build",
    "pressconv.writers",
)
_LIBRARIES = ("reportlab", "docx", "ebooklib", "lxml", "sqlite3", "phonenumbers", "msgspec", "rich")


def test_importing_the_cli_loads_no_language_table_and_no_writer_library() -> None:
    names = (*_TABLES, *_LIBRARIES)
    probe = f"import sys\nimport pressconv.cli\nprint(*(m for m in {names!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_a_second_process_compiles_no_kept_pattern_again(tmp_path: Path, sample_path: Path) -> None:
    probe = (
        "from pathlib import Path\n"
        "from pressconv import pattern_cache\n"
        "from pressconv.api import convert\n"
        f"for fmt in ('html', 'docx', 'pdf', 'epub'): convert(Path({str(sample_path)!r}), to=fmt)\n"
        "print(len(pattern_cache._new), sorted(repr(key[0][:60]) for key in pattern_cache._new))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def run() -> str:
        argv = [sys.executable, "-c", probe]
        done = subprocess.run(argv, capture_output=True, text=True, check=True, env=env)
        return done.stdout

    cold = run().strip().split(maxsplit=1)
    assert int(cold[0]) > 30  # the reader's and reportlab's patterns, kept by the first process
    # A pattern whose source differs between processes (built from a set's order) would show here.
    assert run().strip().split(maxsplit=1) == ["0", "[]"]


def test_a_path_is_displayed_as_relative_to_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pressconv.build.report import display

    def plain(path: Path) -> str:
        if not path.is_absolute():
            return str(path)
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return str(path)

    here = tmp_path / "work"
    here.mkdir()
    paths = [here, here / "dist" / "a.html", here / "dist" / "sub" / "b.pdf", Path(f"{here}x") / "a.html"]
    paths += [tmp_path, Path("/"), Path("dist/a.html"), Path("a.txt")]
    for folder in (here, Path("/")):
        monkeypatch.chdir(folder)
        for path in paths:
            assert display(path) == plain(path), (folder, path)
