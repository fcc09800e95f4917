"""Issue #16, what users hit: one pipeline under the API and the CLI, options checked against declarations.

One test (or a few) per bullet of the issue: the title replaces only the
headline; ``-`` is standard input and standard output; pandoc's habits
(``-f``/``-t``, ``--metadata``, ``--date``, ``-d`` creating its folder,
``formats``); two sources never overwrite one output; the API honours
``from_format`` and checks option values; ``parse --explain`` works for
every input format.
"""

from __future__ import annotations

import datetime
import json
import os
import pty
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest

import pressconv
from pressconv.cli import main
from pressconv.errors import Notes
from pressconv.serialize import loads

BIN = Path(sys.executable).parent
PRESSCONV = str(BIN / "pressconv")

RELEASE = (
    "Council Opens New Library\n"
    "Three floors of books for the east side\n"
    "\n"
    "SPRINGFIELD, March 3, 2025 - The council opened the new library on Monday after two years of work.\n"
    "\n"
    "It holds forty thousand books and a hall for talks.\n"
)
MARKDOWN = "\n".join(
    [
        "# Council Opens Library",
        "",
        "The council *opened* the library on Monday.",
        "",
        "## Hours",
        "",
        "It opens at nine.",
        "",
    ]
)


def run(args: list[str], stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([PRESSCONV, *args], input=stdin, capture_output=True, cwd=cwd, check=False)


# --- the title replaces only the headline text ---------------------------------------------------------


def _shape(document: pressconv.Document) -> tuple[object, ...]:
    return (
        document.subtitle,
        document.dateline,
        document.metadata.date,
        [s.heading for s in document.sections],
        [b.text for b in document.blocks()],
    )


@pytest.mark.parametrize("how", ["option", "front matter", "cli"])
def test_a_title_replaces_the_headline_text_and_nothing_else(how: str, tmp_path: Path) -> None:
    plain = pressconv.parse(RELEASE)
    assert plain.headline == "Council Opens New Library"
    assert plain.subtitle == "Three floors of books for the east side"
    assert plain.metadata.date == "2025-03-03"
    title = "Library Opens Its Doors"
    if how == "option":
        titled = pressconv.parse(RELEASE, title=title)
    elif how == "front matter":
        titled = pressconv.parse(f"---\ntitle: {title}\n---\n{RELEASE}")
    else:
        source = tmp_path / "release.txt"
        source.write_text(RELEASE, encoding="utf-8")
        done = run(["parse", str(source), "--title", title])
        assert done.returncode == 0, done.stderr
        titled = loads(done.stdout.decode("utf-8"))
    assert titled.headline == title
    assert titled.metadata.title == title
    assert _shape(titled) == _shape(plain)


# --- standard input and standard output ------------------------------------------------------------------


def test_convert_reads_stdin_and_writes_stdout_with_pandoc_flags() -> None:
    done = run(["convert", "-", "-f", "Markdown", "-t", "HTML"], stdin=MARKDOWN.encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"<!DOCTYPE html>")
    assert b"<h2" in done.stdout and b"Hours" in done.stdout  # read as markdown, not as plain text


def test_to_html_of_stdin_sniffs_the_format() -> None:
    page = b"<html><body><h1>Markup Headline</h1><p>Body text of the page is here.</p></body></html>"
    done = run(["to-html", "-", "-o", "-", "--fragment"], stdin=page)
    assert done.returncode == 0, done.stderr
    assert b'<h1 id="headline">Markup Headline</h1>' in done.stdout
    plain = run(["to-html", "-", "-o", "-"], stdin=RELEASE.encode())
    assert plain.returncode == 0 and b"Council Opens New Library" in plain.stdout


def test_stdin_without_an_output_name_is_refused(tmp_path: Path) -> None:
    done = run(["to-html", "-"], stdin=RELEASE.encode(), cwd=tmp_path)
    assert done.returncode == 2
    assert b"standard input" in done.stderr and b"-o" in done.stderr
    assert list(tmp_path.iterdir()) == []


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run pressconv with its standard output on a pseudo-terminal; its exit status and stderr."""
    leader, follower = pty.openpty()
    shown = bytearray()
    # Read what the terminal shows while pressconv runs: a terminal's buffer holds a few KB, and a
    # writer blocks once it is full (an HTML page with its stylesheet is larger than that).
    reader = threading.Thread(target=_drain, args=(leader, shown), daemon=True)
    reader.start()
    try:
        done = subprocess.run(
            [PRESSCONV, *args], stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, check=False
        )
    finally:
        os.close(follower)
        reader.join(timeout=30)
        os.close(leader)
    return done.returncode, done.stderr.decode()


def _drain(fd: int, into: bytearray) -> None:
    """Read a pseudo-terminal's leader until the follower side is closed."""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: every follower descriptor is closed
            return
        if not chunk:
            return
        into.extend(chunk)


def test_binary_output_to_a_terminal_is_refused(sample_path: Path) -> None:
    code, err = _on_a_terminal(["to-pdf", str(sample_path), "-o", "-"])
    assert code == 2
    assert err.startswith("pressconv: error: will not write binary PDF to a terminal: give -o FILE")
    assert err.count("\n") == 1
    code, err = _on_a_terminal(["convert", str(sample_path), "-t", "docx"])
    assert code == 2 and "binary DOCX" in err
    code, err = _on_a_terminal(["convert", str(sample_path), "-t", "html"])  # text is fine on a terminal
    assert (code, err) == (0, "")


def test_convert_without_o_writes_stdout_and_the_suffix_picks_the_format(
    tmp_path: Path, sample_path: Path
) -> None:
    done = run(["convert", str(sample_path), "-t", "epub"], cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith(b"PK")
    assert list(tmp_path.iterdir()) == []
    assert main(["convert", str(sample_path), "-o", str(tmp_path / "out.PDF")]) == 0
    assert (tmp_path / "out.PDF").read_bytes().startswith(b"%PDF")
    assert main(["convert", str(sample_path), "-o", str(tmp_path / "out.xyz")]) == 2


def test_api_output_dash_is_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = pressconv.convert(RELEASE, "html", "-", html_fragment=True, notes=Notes())
    assert result == Path("-")
    assert capsysbinary.readouterr().out.startswith(b"<article")
    assert not (tmp_path / "-").exists()


# --- pandoc's habits ---------------------------------------------------------------------------------------


def test_metadata_and_date_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "r.txt"
    source.write_text(RELEASE, encoding="utf-8")
    args = ["parse", str(source), "--metadata", "byline=Ann Lee", "-M", "language=fr", "--date", "2024-12-01"]
    assert main(args) == 0
    meta = json.loads(capsys.readouterr().out)["metadata"]
    assert (meta["byline"], meta["language"], meta["date"]) == ("Ann Lee", "fr", "2024-12-01")
    assert main(["parse", str(source), "--metadata", "colour=red"]) == 2
    assert "KEY one of title, language, byline, date" in capsys.readouterr().err
    assert main(["parse", str(source), "--date", "March 3rd"]) == 2
    assert "date must be an ISO 8601 date" in capsys.readouterr().err


def test_outdir_is_created(tmp_path: Path, sample_path: Path) -> None:
    outdir = tmp_path / "new" / "folder"
    assert main(["to-html", str(sample_path), "-d", str(outdir)]) == 0
    assert (outdir / "pentagon-briefing.html").is_file()


def test_formats_lists_readers_and_writers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    rows = [line.split()[:2] for line in capsys.readouterr().out.splitlines()]
    assert ["pdf", "output"] in rows and ["markdown", "input"] in rows and ["docx", "input"] in rows


def test_options_a_format_does_not_read_are_not_on_its_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command, shown in (("to-html", False), ("to-epub", False), ("to-pdf", True), ("to-docx", True)):
        assert main([command, "--help"]) == 0
        assert ("--page-size" in capsys.readouterr().out) is shown
    assert main(["convert", "x.txt", "-t", "epub", "--page-size", "a4"]) == 2
    assert "No such option '--page-size'" in capsys.readouterr().err
    assert main(["convert", "-t", "pdf", "--help"]) == 0
    assert "--page-size" in capsys.readouterr().out


# --- never a silent overwrite ---------------------------------------------------------------------------


def test_two_sources_with_one_output_are_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"Release {folder}\n\nBody of {folder}.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["to-html", str(tmp_path / "a/x.txt"), str(tmp_path / "b/x.txt"), "-d", str(out)]) == 2
    err = capsys.readouterr().err
    assert "would both be written to" in err and err.count("\n") == 1
    assert not out.exists()


# --- the API ----------------------------------------------------------------------------------------------


def test_parse_honours_from_format_for_strings() -> None:
    as_markdown = pressconv.parse(MARKDOWN, from_format="markdown", notes=Notes())
    assert as_markdown.headline == "Council Opens Library"
    assert [s.heading for s in as_markdown.sections] == [None, "Hours"]
    assert "*" not in " ".join(b.text for b in as_markdown.blocks())
    page = "<h1>Markup Headline</h1><p>Body text of the page is here.</p>"
    assert pressconv.parse(page, from_format="HTML").headline == "Markup Headline"
    assert pressconv.parse(page.encode(), from_format="html").headline == "Markup Headline"


def test_option_values_are_checked() -> None:
    assert pressconv.convert(RELEASE, "pdf", page_size="A4").startswith(b"%PDF")  # type: ignore[union-attr]
    with pytest.raises(pressconv.OptionError, match=r"page_size must be one of 'letter', 'a4', not 'legal'"):
        pressconv.convert(RELEASE, "pdf", page_size="legal")
    with pytest.raises(pressconv.OptionError, match="title must be a string, not 5"):
        pressconv.parse(RELEASE, title=5)
    with pytest.raises(
        pressconv.OptionError, match=r"date must be an ISO 8601 date \(YYYY-MM-DD\), not 'March 3rd'"
    ):
        pressconv.parse(RELEASE, date="March 3rd")
    assert pressconv.parse(RELEASE, date=datetime.date(2024, 5, 6)).metadata.date == "2024-05-06"
    with pytest.raises(
        pressconv.OptionError, match=r"unknown option 'colour' for format 'html' \(known: .*html_fragment"
    ):
        pressconv.convert(RELEASE, "html", colour="red")
    with pytest.raises(pressconv.OptionError, match="unknown option 'page_size' for format 'html'"):
        pressconv.convert(RELEASE, "html", page_size="a4")
    with pytest.raises(pressconv.UnknownFormatError, match="known: html, docx, pdf, epub"):
        pressconv.convert(RELEASE, "odt")
    assert issubclass(pressconv.OptionError, pressconv.PressconvError)


def test_warnings_reach_a_library_caller_without_a_collector() -> None:
    text = "A headline\n\n“We know this will cause trouble, said the mayor.\n"
    with pytest.warns(pressconv.PressconvWarning, match="unbalanced-quotes"):
        pressconv.parse(text)
    notes = Notes()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pressconv.parse(text, notes=notes)  # collected, not issued
    assert [item.code for item in notes.items] == ["unbalanced-quotes"]


# --- parse --explain --------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_explain_works_for_every_input_format(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"release{suffix}"
    if suffix == ".md":
        source.write_text(MARKDOWN, encoding="utf-8")
    elif suffix == ".txt":
        source.write_text(RELEASE, encoding="utf-8")
    else:
        pressconv.convert(RELEASE, suffix[1:], source, notes=Notes())
    assert main(["parse", "--json", str(source)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert main(["parse", "--explain", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    blocks = [b for s in document["sections"] for b in s["blocks"]]
    kinds = [line.split()[1] for line in lines if line.split()[0].isdigit()]
    assert kinds.count("quote") + kinds.count("paragraph") + kinds.count("list") == len(blocks)
    assert kinds.count("heading") == sum(1 for s in document["sections"] if s["heading"])
    assert any(document["headline"][:20] in line for line in lines if "headline" in line)


def test_json_and_explain_together_are_refused(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", "--explain", str(sample_path)]) == 2
    assert "--json and --explain" in capsys.readouterr().err


def test_one_place_reads_renders_and_publishes() -> None:
    """The steps exist once: nothing outside api.py picks a reader, calls a writer or publishes an output."""
    src = Path(pressconv.__file__).parent
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(src).as_posix()
        if name != "api.py":
            assert "readers.get(" not in text and "readers.for_suffix(" not in text, name
            assert ".write(document" not in text or name.startswith("writers/"), name
            assert "write_volume(" not in text or name.startswith("writers/"), name
        if name not in ("api.py", "publish.py", "build/execute.py"):
            assert "publish(" not in text.replace("publish_to(", ""), name
