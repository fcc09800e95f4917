"""The README says what the code does: its option table, its pipe examples and its hook snippet.

The option table is made from the readers' and writers' declarations
(``pressconv.config.option_table``); ``PRESSCONV_REGEN=1`` rewrites it.  The hook
snippet is run as written under the real ``pre-commit`` in a repository that
adopts it with sources and no ``dist/`` yet.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pressconv.config import option_table

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
TABLE = re.compile(r"(<!-- options table:[^\n]*-->\n)(.*?)(<!-- end of options table -->)", re.S)


def test_the_option_table_is_the_declarations() -> None:
    text = README.read_text(encoding="utf-8")
    found = TABLE.search(text)
    assert found is not None, "README lost its option table markers"
    if os.environ.get("PRESSCONV_REGEN"):
        README.write_text(text[: found.start(2)] + option_table() + text[found.end(2) :], encoding="utf-8")
        return
    assert found.group(2) == option_table(), "README option table is stale: run with PRESSCONV_REGEN=1"


def test_the_table_names_every_flag_the_commands_offer() -> None:
    from pressconv import writers

    table = option_table()
    for name in writers.BUILTINS:
        for option in writers.options(name):
            assert f"`{option.name}`" in table
            if option.cli:
                assert f"`{option.flag_name}`" in table


def _snippet(after: str, language: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(after)
    found = re.compile(rf"```{language}\n(.*?)```", re.S).search(text, start)
    assert found is not None
    return found.group(1)


def test_the_pipe_examples_work(tmp_path: Path) -> None:
    commands = _snippet("so pressconv sits in a pipe", "sh")
    first = commands.splitlines()[0]
    assert first == "pressconv convert - -f markdown -t html < notes.md > notes.html"
    (tmp_path / "notes.md").write_text("# Library Opens\n\nThe library *opened* today.\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(["sh", "-c", first], cwd=tmp_path, env=env, check=True)
    page = (tmp_path / "notes.html").read_text(encoding="utf-8")
    assert '<h1 id="headline">Library Opens</h1>' in page and "*" not in page.split("<body", 1)[1]
    third = commands.splitlines()[2]
    (tmp_path / "release.txt").write_text("Port Reopens\n\nThe port reopened on Monday.\n", encoding="utf-8")
    done = subprocess.run(["sh", "-c", third], cwd=tmp_path, env=env, capture_output=True, check=True)
    assert done.stdout.startswith(b"<article") and b"Press Office" in done.stdout


def test_the_hook_snippet_is_this_repository_hook() -> None:
    snippet = yaml.safe_load(
        _snippet("adds the hook to its `.pre-commit-config.yaml` as written here", "yaml")
    )
    ours = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert snippet == ours
    published = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    hook = snippet["repos"][0]["hooks"][0]
    for key in ("id", "entry", "files", "pass_filenames", "always_run", "require_serial"):
        assert hook[key] == published[key], key


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")
def test_adopting_the_hook_as_written_builds_the_missing_outputs(tmp_path: Path) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Press Office",
        "GIT_AUTHOR_EMAIL": "press@example.org",
        "GIT_COMMITTER_NAME": "Press Office",
        "GIT_COMMITTER_EMAIL": "press@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    repo = tmp_path / "repo"
    (repo / "source").mkdir(parents=True)

    def sh(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=repo, env=env, capture_output=True, text=True, check=check, timeout=300
        )

    (repo / "pyproject.toml").write_text('[tool.pressconv]\nformats = ["html"]\n', encoding="utf-8")
    (repo / "source/library.txt").write_text("Library Opens\n\nThe library opened today.\n", encoding="utf-8")
    (repo / "README.md").write_text("Releases.\n", encoding="utf-8")
    sh("git", "init", "-q")
    sh("git", "add", ".")
    sh("git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "releases, before the hook")

    config = _snippet("adds the hook to its `.pre-commit-config.yaml` as written here", "yaml")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    assert PRE_COMMIT is not None
    sh(PRE_COMMIT, "install")
    sh("git", "add", ".pre-commit-config.yaml")
    # The commit touches no source; the hook still builds the output the repository never had.
    first = sh("git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "adopt the hook", check=False)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Updated dist/library.html" in first.stdout + first.stderr
    sh("git", "add", "dist")
    second = sh("git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "adopt the hook", check=False)
    assert second.returncode == 0, second.stdout + second.stderr
    assert sh("git", "status", "--porcelain").stdout == ""
