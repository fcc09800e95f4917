"""The hook under the real `pre-commit` tool, in a temporary git repository, commit by commit.

Two ways in, the same scenario, both with ``pre-commit install`` and real
``git commit`` runs:

* ``local``: a ``repo: local`` hook whose keys are copied from this project's
  .pre-commit-hooks.yaml and whose entry is this environment's
  ``pressconv hook`` (``language: system``): tests the working tree, offline.
* ``remote``: ``repo: <this project>``, ``rev: <its HEAD commit>``,
  ``id: pressconv`` -- exactly what another repository writes.  pre-commit
  clones the committed HEAD and pip-installs it into a fresh virtualenv
  (``language: python``; needs PyPI for the dependencies, ~20 s once per
  session, then cached in the session's PRE_COMMIT_HOME).  Set
  ``PRESSCONV_SKIP_REMOTE_HOOK=1`` to skip it offline.

``pre-commit try-repo`` was tried first: it installs into a throw-away store
on every call (about 20 s each here, 7 calls per scenario = 2.5 min), so the
``remote`` mode uses an installed configuration instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")

pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")


def _tracked_formats() -> list[str]:
    """Formats whose writer module is committed here, so a clone of this project has them."""
    from pressconv import writers

    listed = subprocess.run(
        ["git", "ls-files", "src/pressconv/writers"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    return [f for f in writers.names() if f"src/{writers.spec(f).module.replace('.', '/')}.py" in listed]


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


class Repo:
    """A temporary git repository with the hook, and a way to try a commit."""

    def __init__(self, path: Path, mode: str, home: Path) -> None:
        self.path = path
        self.mode = mode
        self.formats: list[str] = []
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "PRE_COMMIT_HOME": str(home),
            "GIT_AUTHOR_NAME": "Press Office",
            "GIT_AUTHOR_EMAIL": "press@example.org",
            "GIT_COMMITTER_NAME": "Press Office",
            "GIT_COMMITTER_EMAIL": "press@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
        }

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=self.path, env=self.env, capture_output=True, text=True, check=check, timeout=300
        )

    def git(self, *args: str) -> str:
        return self.run("git", "-c", "commit.gpgsign=false", *args).stdout

    def commit(self, message: str) -> tuple[int, str]:
        """``git commit``: the installed hook runs; the commit is made only when it passes."""
        done = self.run("git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message, check=False)
        return done.returncode, done.stdout + done.stderr

    def run_all(self) -> tuple[int, str]:
        assert PRE_COMMIT is not None
        done = self.run(PRE_COMMIT, "run", "--all-files", check=False)
        return done.returncode, done.stdout + done.stderr

    def status(self) -> str:
        return self.git("status", "--porcelain", "--untracked-files=all")


def _remote_config() -> str:
    """What another repository writes: this project by path, at its committed HEAD."""
    ref = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    return yaml.safe_dump(
        {"repos": [{"repo": str(ROOT), "rev": ref, "hooks": [{"id": "pressconv"}]}]}, sort_keys=False
    )


def _local_config() -> str:
    """This project's published hook as a local, offline hook running this environment's pressconv."""
    declared = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = dict(next(h for h in declared if h["id"] == "pressconv"))
    assert hook["language"] == "python"
    assert hook["entry"] == "pressconv hook"
    hook.update(language="system", entry=f"{BIN / 'pressconv'} hook")
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False)


def _available_formats() -> list[str]:
    import importlib.util

    from pressconv import writers

    return [f for f in writers.names() if importlib.util.find_spec(writers.spec(f).module) is not None]


@pytest.fixture(params=["local", "remote"])
def repo(request: pytest.FixtureRequest, tmp_path: Path, pre_commit_home: Path) -> Repo:
    mode = str(request.param)
    if mode == "remote":
        if os.environ.get("PRESSCONV_SKIP_REMOTE_HOOK"):
            pytest.skip("PRESSCONV_SKIP_REMOTE_HOOK is set")
        if not (ROOT / ".git").exists():
            pytest.skip("the remote hook needs this project as a git repository")
        # A clone has only committed writers.
        formats = _tracked_formats()
        config = _remote_config()
    else:
        formats = _available_formats()
        config = _local_config()
    repo = Repo(tmp_path, mode, pre_commit_home)
    repo.git("init", "-q")
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.pressconv]\nformats = {formats!r}\n".replace("'", '"'), encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("Our releases.\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    assert PRE_COMMIT is not None
    repo.run(PRE_COMMIT, "install")
    repo.git("add", ".")
    repo.git("commit", "-q", "--no-verify", "-m", "set up")
    repo.formats = formats
    return repo


def outputs(repo: Repo, stem: str) -> list[Path]:
    from pressconv import writers

    return [repo.path / "dist" / f"{stem}{writers.spec(f).suffix}" for f in repo.formats]


def test_the_commit_scenario(repo: Repo) -> None:
    source = repo.path / "source"
    (source / "news").mkdir(parents=True)
    (source / "news/launch.txt").write_text(
        "Agency launches satellite\n\nThe agency launched its first satellite on Monday.\n", encoding="utf-8"
    )
    # UTF-16 with a BOM: `types: [text]` would call it binary; the hook filters by path.
    (source / "utf16.txt").write_bytes("Städte wachsen\n\nDie Städte wachsen weiter.\n".encode("utf-16"))
    repo.git("add", "source")

    # First commit of the sources: the hook creates the outputs and fails so they can be staged.
    code, output = repo.commit("add releases")
    assert code == 1, output
    for path in [*outputs(repo, "news/launch"), *outputs(repo, "utf16")]:
        assert path.is_file(), output
        assert f"Updated {path.relative_to(repo.path).as_posix()}" in output
    assert "Agency launches satellite" in (repo.path / "dist/news/launch.html").read_text(encoding="utf-8")
    assert "set up" in repo.git("log", "--format=%s")  # nothing committed yet
    assert "add releases" not in repo.git("log", "--format=%s")

    # Staged: the hook changes nothing and the commit goes through.
    repo.git("add", "dist")
    code, output = repo.commit("add releases")
    assert code == 0, output
    assert repo.git("log", "-1", "--format=%s").strip() == "add releases"
    assert repo.status() == ""

    # An edit: the hook updates that document's outputs only.
    (source / "news/launch.txt").write_text(
        "Agency delays satellite\n\nThe launch moved to Friday.\n", encoding="utf-8"
    )
    repo.git("add", "source")
    code, output = repo.commit("delay")
    assert code == 1, output
    assert "Updated dist/news/launch.html" in output
    assert "utf16" not in output
    assert "Agency delays satellite" in (repo.path / "dist/news/launch.html").read_text(encoding="utf-8")
    repo.git("add", "dist")
    code, output = repo.commit("delay")
    assert code == 0, output

    # A deleted source: its outputs go, although pre-commit passes no file for a deletion.
    repo.git("rm", "-q", "source/news/launch.txt")
    code, output = repo.commit("withdraw")
    assert code == 1, output
    assert "Removed dist/news/launch.html" in output
    assert not any(path.exists() for path in outputs(repo, "news/launch"))
    assert all(path.exists() for path in outputs(repo, "utf16"))
    repo.git("add", "-A", "dist")
    code, output = repo.commit("withdraw")
    assert code == 0, output
    assert repo.status() == ""

    # Run again over everything: nothing changes, the hook passes.
    code, output = repo.run_all()
    assert code == 0, output
    assert repo.status() == ""
