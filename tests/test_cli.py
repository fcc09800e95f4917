"""The CLI: exit codes, one-line errors, outputs where asked, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pressconv.cli import main


def test_to_html_writes_the_named_output(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "out.html"
    assert main(["to-html", str(sample_path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"<!DOCTYPE html>")


def test_to_html_default_output_is_stem_in_cwd(
    tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["to-html", str(sample_path)]) == 0
    assert (tmp_path / "pentagon-briefing.html").is_file()


def test_several_sources_into_a_folder(tmp_path: Path, sample_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A short release.\n\nIt has two paragraphs.\n", encoding="utf-8")
    outdir = tmp_path / "out"
    outdir.mkdir()
    assert main(["to-html", str(sample_path), str(other), "-d", str(outdir)]) == 0
    assert sorted(p.name for p in outdir.iterdir()) == ["other.html", "pentagon-briefing.html"]


def test_stdout_output(sample_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["to-html", str(sample_path), "-o", "-", "--fragment"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"<article")


def test_parse_json(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(sample_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"] and data["metadata"]["language"] == "en"


def test_convert_and_formats(tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.html"
    assert main(["convert", str(sample_path), "-t", "html", "-o", str(out)]) == 0
    assert out.is_file()
    assert main(["formats"]) == 0
    assert capsys.readouterr().out.split()[0] == "html"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["to-html", "missing.txt"], "missing.txt: no such file"),
        (["convert", "{sample}", "-t", "nope", "-o", "x"], "unknown format 'nope'"),
        (["to-html", "{sample}", "-o", "{sample}"], "output would overwrite the source"),
        (["to-html", "{empty}"], "empty.txt"),
        (["to-html", "{sample}", "-o", "{tmp}/no/such/dir/x.html"], "output folder does not exist"),
    ],
)
def test_errors_are_one_line_exit_2(
    args: list[str], message: str, tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    before = sample_path.read_bytes()
    argv = [a.format(sample=sample_path, empty=empty, tmp=tmp_path) for a in args]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sample_path.read_bytes() == before


def test_console_script_exit_code_and_no_traceback(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pressconv.cli", "to-html", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.strip() == f"pressconv: error: {tmp_path / 'nope.txt'}: no such file"


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert "pressconv" in capsys.readouterr().out
    for command in ["to-html", "to-pdf", "to-docx", "to-epub", "convert", "parse", "build", "quotes"]:
        assert main([command, "--help"]) == 0
        assert "Usage:" in capsys.readouterr().out


def test_title_names_a_collected_volume(tmp_path: Path, sample_path: Path) -> None:
    import zipfile

    other = tmp_path / "other.txt"
    other.write_text("Second release headline\n\nIt has a paragraph of text.\n", encoding="utf-8")
    out = tmp_path / "v.epub"
    assert (
        main(["to-epub", str(sample_path), str(other), "-o", str(out), "--title", "Press releases, October"])
        == 0
    )
    with zipfile.ZipFile(out) as book:
        opf = next(book.read(n).decode() for n in book.namelist() if n.endswith(".opf"))
        chapters = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert "Press releases, October" in opf
    assert "Second release headline" in chapters  # each release keeps its own headline
