"""`pressconv build`: mirroring, incremental skips, orphan removal, --check, failures, jobs, manifest."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressconv import writers
from pressconv.build import MANIFEST
from pressconv.cli import main

AVAILABLE = [f for f in writers.names() if importlib.util.find_spec(writers.spec(f).module) is not None]

TEXTS = {
    "a/b.txt": "Council opens new library\n\nThe city council opened the new library on Monday.\n",
    "c.txt": "Port traffic rises\n\nContainer traffic rose by a tenth in the third quarter.\n",
    "d/e/f.txt": "Ministry names envoy\n\n“We are glad,” said Anna Berg, the minister.\n",
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository folder with a pyproject.toml (so no outer configuration is found) and source/."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "releases"\n', encoding="utf-8")
    for rel, text in TEXTS.items():
        write(tmp_path / "source" / rel, text)
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["build", *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_first_build_mirrors_the_source_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = build(capsys, "-f", "html")
    assert (code, err) == (0, "")
    files = sorted(p.relative_to(repo / "dist").as_posix() for p in (repo / "dist").rglob("*") if p.is_file())
    assert files == [MANIFEST, "a/b.html", "c.html", "d/e/f.html"]
    assert "wrote dist/a/b.html\n" in out
    assert out.splitlines()[-1].startswith("3 written, 0 unchanged, 0 removed, 0 failed in ")
    assert "Council opens new library" in (repo / "dist/a/b.html").read_text(encoding="utf-8")


def test_second_build_reads_and_writes_no_output(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(capsys, "-f", "html")
    before = snapshot(repo / "dist")
    code, out, _ = build(capsys, "-f", "html")
    assert code == 0
    assert "wrote" not in out
    assert out.startswith("0 written, 3 unchanged, 0 removed, 0 failed")
    assert snapshot(repo / "dist") == before


def test_up_to_date_build_imports_no_writer_and_parses_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys, "-f", "html")
    probe = (
        "import sys\n"
        "from pressconv.cli import main\n"
        "code = main(['build', '-f', 'html'])\n"
        "prefixes = ('pressconv.writers.', 'pressconv.readers.')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(prefixes))\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=repo, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 []"


def test_an_edit_rebuilds_only_that_document(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(capsys, "-f", "html")
    before = snapshot(repo / "dist")
    write(repo / "source/c.txt", "Port traffic falls\n\nContainer traffic fell.\n")
    code, out, _ = build(capsys, "-f", "html")
    after = snapshot(repo / "dist")
    assert code == 0
    assert out.splitlines()[0] == "wrote dist/c.html"
    assert after["a/b.html"] == before["a/b.html"]
    assert after["d/e/f.html"] == before["d/e/f.html"]
    assert "Port traffic falls" in after["c.html"][0].decode("utf-8")


def test_deleted_and_renamed_sources_lose_their_outputs_and_nothing_else_is_touched(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys, "-f", "html")
    foreign = {
        "index.html": "<p>the site's own page</p>",
        "a/notes.md": "kept by hand",
        "d/e/f.pdf": "not written by pressconv",
    }
    for rel, text in foreign.items():
        write(repo / "dist" / rel, text)
    (repo / "source/a/b.txt").unlink()
    (repo / "source/d/e/f.txt").rename(repo / "source/d/g.txt")
    code, out, _ = build(capsys, "-f", "html")
    assert code == 0
    assert "removed dist/a/b.html" in out
    assert "removed dist/d/e/f.html" in out
    assert "wrote dist/d/g.html" in out
    assert not (repo / "dist/a/b.html").exists()
    assert not (repo / "dist/d/e/f.html").exists()
    for rel, text in foreign.items():
        assert (repo / "dist" / rel).read_text(encoding="utf-8") == text
    manifest = json.loads((repo / "dist" / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["outputs"]) == ["c.html", "d/g.html"]


def test_a_folder_emptied_by_removal_is_removed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(capsys, "-f", "html")
    (repo / "source/d/e/f.txt").unlink()
    build(capsys, "-f", "html")
    assert not (repo / "dist/d").exists()
    assert (repo / "dist").is_dir()


def test_a_file_pressconv_did_not_write_is_not_overwritten(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "dist/c.html", "hand-made page")
    code, _, err = build(capsys, "-f", "html")
    assert code == 1
    assert "dist/c.html: exists and was not written by pressconv" in err
    assert (repo / "dist/c.html").read_text(encoding="utf-8") == "hand-made page"
    assert (repo / "dist/a/b.html").is_file()
    code, _, _ = build(capsys, "-f", "html", "--force")
    assert code == 0
    assert "Port traffic rises" in (repo / "dist/c.html").read_text(encoding="utf-8")


def test_force_rewrites_every_output_and_reports_it_written(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys, "-f", "html")
    before = {name: data for name, (data, _) in snapshot(repo / "dist").items()}
    for path in (repo / "dist").rglob("*.html"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    code, out, _ = build(capsys, "-f", "html", "--force")
    assert code == 0
    assert "3 written, 0 unchanged, 0 removed, 0 failed" in out  # what --force wrote is reported as written
    after = snapshot(repo / "dist")
    assert {name: data for name, (data, _) in after.items()} == before  # the same bytes
    assert all(mtime != 1_000_000_000 for name, (_, mtime) in after.items() if name.endswith(".html"))


def test_check_exit_codes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = build(capsys, "-f", "html", "--check")
    assert code == 1
    assert "dist/c.html: missing" in out
    assert not (repo / "dist").exists()

    build(capsys, "-f", "html")
    before = snapshot(repo / "dist")
    code, out, _ = build(capsys, "-f", "html", "--check")
    assert (code, out) == (0, "dist is up to date (3 outputs)\n")

    write(repo / "source/c.txt", "Port traffic falls\n\nContainer traffic fell.\n")
    (repo / "source/a/b.txt").unlink()
    write(repo / "dist/d/e/f.html", "edited by hand")
    code, out, _ = build(capsys, "-f", "html", "--check")
    assert code == 1
    assert "dist/c.html: source changed" in out
    assert "dist/a/b.html: orphaned (its source is gone)" in out
    assert "dist/d/e/f.html: output changed" in out
    assert snapshot(repo / "dist") == {**before, "d/e/f.html": snapshot(repo / "dist")["d/e/f.html"]}


def test_check_strict_compares_fresh_bytes(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build(capsys, "-f", "html")
    assert build(capsys, "-f", "html", "--check", "--strict", "--jobs", "1")[0] == 0
    # A writer whose output changed without a version bump: the manifest cannot know, --strict can.
    from pressconv.writers import html

    original = html.write
    monkeypatch.setattr(html, "write", lambda doc, options, notes: original(doc, options, notes) + b"\n")
    assert build(capsys, "-f", "html", "--check", "--jobs", "1")[0] == 0
    code, out, _ = build(capsys, "-f", "html", "--check", "--strict", "--jobs", "1")
    assert code == 1
    assert "dist/c.html: differs from what this pressconv writes" in out


def test_a_failing_source_fails_alone(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "source/empty.txt", "  \n\n")
    (repo / "source/binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = build(capsys, "-f", "html")
    assert code == 1
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("pressconv: error: source/binary.txt: ")
    assert errors[1].startswith("pressconv: error: source/empty.txt: ")
    assert "Traceback" not in err
    assert out.splitlines()[-1].startswith("3 written, 0 unchanged, 0 removed, 2 failed")
    names = sorted(p.name for p in (repo / "dist").rglob("*"))
    assert "empty.html" not in names and "binary.html" not in names
    assert not [n for n in names if n.endswith(".tmp")]
    # The bad sources are tried again next time; the good outputs are left alone.
    code, out, _ = build(capsys, "-f", "html")
    assert code == 1
    assert out.startswith("0 written, 3 unchanged, 0 removed, 2 failed")


def test_jobs_1_and_jobs_2_write_identical_bytes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(4):
        write(repo / f"source/more/{n}.txt", f"Item {n} announced\n\nDetails of item {n} follow here.\n")
    formats = [arg for f in AVAILABLE for arg in ("-f", f)]
    assert build(capsys, "-o", "one", "--jobs", "1", *formats)[0] == 0
    assert build(capsys, "-o", "two", "--jobs", "2", *formats)[0] == 0
    one = {k: v[0] for k, v in snapshot(repo / "one").items()}
    two = {k: v[0] for k, v in snapshot(repo / "two").items()}
    assert len(one) == 1 + 7 * len(AVAILABLE)
    assert one == two


def test_manifest_is_deterministic_and_holds_no_absolute_path(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys, "-f", "html")
    text = (repo / "dist" / MANIFEST).read_text(encoding="utf-8")
    assert str(repo) not in text
    data = json.loads(text)
    assert list(data) == ["outputs", "pressconv_manifest"]
    assert list(data["outputs"]) == sorted(data["outputs"])
    assert all(list(entry) == sorted(entry) for entry in data["outputs"].values())
    # One line per output, so a commit's diff of the manifest shows just the outputs it changed.
    assert len(text.splitlines()) == 3 + len(data["outputs"]) + 2
    elsewhere = tmp_path_factory.mktemp("clone")
    for rel, content in TEXTS.items():
        write(elsewhere / "source" / rel, content)
    (elsewhere / "pyproject.toml").write_text("", encoding="utf-8")
    os.chdir(elsewhere)
    build(capsys, "-f", "html")
    assert (elsewhere / "dist" / MANIFEST).read_text(encoding="utf-8") == text


def test_changed_options_rebuild_only_the_formats_that_read_them(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys, "-f", "html")
    code, out, _ = build(capsys, "-f", "html", "--stylesheet", "https://example.org/house.css")
    assert code == 0
    assert out.startswith("wrote dist/a/b.html")
    assert "https://example.org/house.css" in (repo / "dist/c.html").read_text(encoding="utf-8")
    # A PDF option is not read by the HTML writer, so it does not make HTML stale.
    code, out, _ = build(
        capsys, "-f", "html", "--stylesheet", "https://example.org/house.css", "--no-pdf-tags", "--check"
    )
    assert code == 0


def test_source_date_epoch_counts_as_an_option(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build(capsys, "-f", "html")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    code, out, _ = build(capsys, "-f", "html", "--check")
    assert code == 1
    assert "options changed" in out


def test_formats_not_selected_are_left_alone(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = next((f for f in AVAILABLE if f != "html"), None)
    if other is None:
        pytest.skip("only the HTML writer is installed")
    build(capsys, "-f", "html", "-f", other)
    (repo / "source/c.txt").write_text("Port traffic falls\n\nContainer traffic fell.\n", encoding="utf-8")
    code, out, _ = build(capsys, "-f", "html")
    assert code == 0
    assert out.splitlines()[0] == "wrote dist/c.html"
    assert (repo / f"dist/c{writers.spec(other).suffix}").is_file()
    code, out, _ = build(capsys, "-f", other, "--check")
    assert code == 1
    assert f"dist/c{writers.spec(other).suffix}: source changed" in out


def test_two_sources_claiming_one_output_is_an_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "source/c.text", "Another headline\n\nAnother body.\n")
    code, _, err = build(capsys, "-f", "html")
    assert code == 1
    assert "source/c.txt: its output c.html also comes from source/c.text" in err
    assert "Another headline" in (repo / "dist/c.html").read_text(encoding="utf-8")


def test_hidden_files_and_other_suffixes_are_not_sources(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "source/.draft.txt", "Draft\n\nNot yet.\n")
    write(repo / "source/.git/x.txt", "Not a source\n\nReally.\n")
    write(repo / "source/photo.jpg", "not text")
    write(repo / "source/README.TXT", "Upper case suffix\n\nStill a source.\n")
    code, _, _ = build(capsys, "-f", "html")
    assert code == 0
    names = sorted(p.relative_to(repo / "dist").as_posix() for p in (repo / "dist").rglob("*.html"))
    assert names == ["README.html", "a/b.html", "c.html", "d/e/f.html"]


def test_bad_usage_is_one_line_and_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = build(capsys, "-f", "rtf")
    assert code == 2
    assert err.startswith("pressconv: error: unknown format 'rtf'")
    code, _, err = build(capsys, "missing-folder")
    assert (code, err) == (2, "pressconv: error: missing-folder: no such folder\n")
    build(capsys, "-f", "html")
    # A broken manifest (a merge conflict) is data, not a fault: rebuilt from scratch, with one warning.
    (repo / "dist" / MANIFEST).write_text("<<<<<<< HEAD\n", encoding="utf-8")
    code, _, err = build(capsys, "-f", "html")
    assert code == 0
    assert err.startswith(f"pressconv: warning: {Path('dist', MANIFEST)}: not JSON")
    assert "rebuilt from scratch" in err and len(err.splitlines()) == 1
    assert len(json.loads((repo / "dist" / MANIFEST).read_bytes())["outputs"]) == 3


def test_progress_bar_on_a_terminal_replaces_the_file_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pressconv.build import run_build

    code = run_build(None, None, ("html",), jobs=1, check=False, force=False, progress=True)
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == [out.splitlines()[-1]]
    assert out.startswith("3 written, 0 unchanged, 0 removed, 0 failed")


def test_every_available_format_round_trip(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = build(capsys, "--jobs", "1", *[a for f in AVAILABLE for a in ("-f", f)])
    assert (code, err) == (0, "")
    for fmt in AVAILABLE:
        assert (repo / "dist" / f"a/b{writers.spec(fmt).suffix}").stat().st_size > 0
    code, out, _ = build(capsys, "--check", "--strict", *[a for f in AVAILABLE for a in ("-f", f)])
    assert code == 0, out


def test_a_missing_source_folder_is_an_error_not_a_mass_deletion(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys, "-f", "html")
    (repo / "source").rename(repo / "texts")
    code, _, err = build(capsys, "-f", "html")
    assert (code, err) == (2, "pressconv: error: source: no such folder\n")
    assert (repo / "dist/c.html").is_file()
