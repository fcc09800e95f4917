"""The pre-commit hook's entry, called in-process: what it regenerates, removes, prints and returns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressconv.build import MANIFEST
from pressconv.cli import main as cli_main
from pressconv.hook import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "pyproject.toml").write_text('[tool.pressconv]\nformats = ["html"]\n', encoding="utf-8")
    write(tmp_path / "source/a.txt", "Council opens library\n\nThe council opened it on Monday.\n")
    write(tmp_path / "source/sub/b.txt", "Port traffic rises\n\nTraffic rose by a tenth.\n")
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_creates_outputs_then_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines, err = run(capsys, "source/a.txt", "source/sub/b.txt")
    assert (code, err) == (1, "")
    assert lines == ["Updated dist/a.html", "Updated dist/sub/b.html", f"Updated dist/{MANIFEST}"]
    assert run(capsys, "source/a.txt", "source/sub/b.txt") == (0, [], "")


def test_adopting_the_hook_builds_every_missing_output(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # pre-commit passes only the changed files; the outputs of the others are missing all the same (#16).
    code, lines, _ = run(capsys, "source/a.txt", "README.md", "source/missing.txt")
    assert code == 1
    assert lines == ["Updated dist/a.html", "Updated dist/sub/b.html", f"Updated dist/{MANIFEST}"]
    assert cli_main(["build", "--check"]) == 0


def test_a_configuration_change_regenerates_what_build_check_calls_stale(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "source/a.txt", "source/sub/b.txt")
    (repo / "pyproject.toml").write_text(
        '[tool.pressconv]\nformats = ["html"]\nhtml_stylesheet = "house.css"\n', encoding="utf-8"
    )
    assert cli_main(["build", "--check"]) == 1
    capsys.readouterr()
    code, lines, _ = run(capsys)  # no source changed: pre-commit passes no file
    assert code == 1
    assert lines == ["Updated dist/a.html", "Updated dist/sub/b.html", f"Updated dist/{MANIFEST}"]
    assert 'href="house.css"' in (repo / "dist/a.html").read_text(encoding="utf-8")
    assert cli_main(["build", "--check"]) == 0
    assert run(capsys)[0] == 0


def test_an_option_the_format_does_not_read_leaves_its_outputs_fresh(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "source/a.txt", "source/sub/b.txt")
    (repo / "pyproject.toml").write_text(
        '[tool.pressconv]\nformats = ["html"]\npage_size = "a4"\npdf_font = "DejaVu Serif"\n',
        encoding="utf-8",
    )
    assert cli_main(["build", "--check"]) == 0
    assert run(capsys)[0] == 0


def test_an_edit_updates_and_the_second_run_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "source/a.txt", "source/sub/b.txt")
    write(repo / "source/a.txt", "Council closes library\n\nThe council closed it.\n")
    code, lines, _ = run(capsys, "source/a.txt")
    assert code == 1
    assert lines == ["Updated dist/a.html", f"Updated dist/{MANIFEST}"]
    assert "Council closes library" in (repo / "dist/a.html").read_text(encoding="utf-8")
    assert run(capsys, "source/a.txt") == (0, [], "")


def test_a_deleted_source_loses_its_outputs_with_no_file_passed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "source/a.txt", "source/sub/b.txt")
    (repo / "source/sub/b.txt").unlink()
    code, lines, _ = run(capsys)
    assert code == 1
    assert lines == ["Removed dist/sub/b.html", f"Updated dist/{MANIFEST}"]
    assert not (repo / "dist/sub").exists()
    assert (repo / "dist/a.html").is_file()
    assert run(capsys) == (0, [], "")


def test_an_unchanged_output_that_was_already_right_is_not_a_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "source/a.txt")
    (repo / "dist" / MANIFEST).unlink()
    # The output is still there with the right bytes; only the manifest had to be written again.
    code, lines, _ = run(capsys, "source/a.txt")
    assert (code, lines) == (1, [f"Updated dist/{MANIFEST}"])
    assert run(capsys, "source/a.txt") == (0, [], "")


def test_a_bad_source_fails_the_hook(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "source/empty.txt", "\n")
    code, lines, err = run(capsys, "source/a.txt", "source/empty.txt")
    assert code == 2
    assert lines == ["Updated dist/a.html", "Updated dist/sub/b.html", f"Updated dist/{MANIFEST}"]
    assert err.startswith("pressconv: error: source/empty.txt: ")


def test_a_configuration_error_is_one_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text("[tool.pressconv]\ncolour = 'red'\n", encoding="utf-8")
    code, lines, err = run(capsys, "source/a.txt")
    assert (code, lines) == (2, [])
    assert err.startswith("pressconv: error: pyproject.toml: unknown key 'colour'")


def test_the_cli_subcommand_is_the_same_entry(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["hook", "source/a.txt"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "Updated dist/a.html"
    assert cli_main(["hook", "--dist", "elsewhere", "source/a.txt"]) == 1
    assert (repo / "elsewhere/a.html").is_file()
    assert cli_main(["hook", "source/a.txt"]) == 0


def contents(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


_NAMES = st.sampled_from(["a", "b", "c", "sub/d", "sub/e", "x/y/z"])
_TEXTS = st.sampled_from(
    [
        "Headline one\n\nBody one.\n",
        "Headline two\n\nBody two, “quoted,” said Ann Lee.\n",
        "No headline here, just a sentence that ends.\n",
        "   \n",  # fails: no text
    ]
)


@settings(
    derandomize=True,
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(first=st.dictionaries(_NAMES, _TEXTS, max_size=4), second=st.dictionaries(_NAMES, _TEXTS, max_size=4))
def test_the_hook_is_idempotent_and_leaves_dist_up_to_date(
    repo: Path, capsys: pytest.CaptureFixture[str], first: dict[str, str], second: dict[str, str]
) -> None:
    """Any tree, then any other tree: the hook's second run changes nothing, and build --check agrees."""
    shutil.rmtree(repo / "dist", ignore_errors=True)
    for tree in (first, second):
        shutil.rmtree(repo / "source", ignore_errors=True)
        (repo / "source").mkdir()
        for name, text in tree.items():
            write(repo / "source" / f"{name}.txt", text)
        files = [f"source/{name}.txt" for name in sorted(tree)]
        failing = any(not text.strip() for text in tree.values())
        prior = contents(repo / "dist")
        first_code = main(files)
        before = contents(repo / "dist")
        second_code = main(files)
        assert contents(repo / "dist") == before
        assert second_code == (2 if failing else 0)
        # 1 exactly when the hook created, changed or removed a file (2 trumps it when a source failed).
        assert first_code == (2 if failing else int(before != prior))
        if not failing:
            assert cli_main(["build", "--check"]) == 0
        capsys.readouterr()


def test_no_source_folder_at_all(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(repo / "source")
    assert run(capsys) == (0, [], "")
    assert not (repo / "dist").exists()


def test_removing_the_whole_source_folder_removes_every_output(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "source/a.txt", "source/sub/b.txt")
    shutil.rmtree(repo / "source")
    code, lines, _ = run(capsys)
    assert code == 1
    assert lines == ["Removed dist/a.html", "Removed dist/sub/b.html", f"Updated dist/{MANIFEST}"]
    assert [p.name for p in (repo / "dist").iterdir()] == [MANIFEST]
    assert run(capsys) == (0, [], "")


def test_the_published_hook_definition() -> None:
    """pre-commit's conventions, and what the scenario tests rely on."""
    import yaml

    root = Path(__file__).resolve().parent.parent
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "pressconv"
    assert hook["language"] == "python"
    assert hook["entry"] == "pressconv hook"
    assert hook["files"] == "^source/"
    assert "types" not in hook  # by path: identify takes UTF-16 text for binary
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True
    assert hook["always_run"] is True  # a commit that only deletes sources passes no file
    (repo,) = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert repo["repo"] == "local"
    assert {k: v for k, v in repo["hooks"][0].items() if k not in ("language", "name")} == {
        k: v for k, v in hook.items() if k not in ("language", "name", "description")
    }
