"""The hostile-input catalogue (tests/test_bad_input.py) -> one table of what each case gives, per format.

The tests assert the outcomes; this prints them for a reader (issue #8 asks the
closing note to list each case with its outcome).  Every case runs through the
CLI in-process, as the tests do, in a scratch folder; an accepted case's row
gives the share of the model's words found back in each output (the fidelity
harness, ``tests/fidelity.py``) and any warning, a refused case's row the exact
error line (paths shortened to the file name); "n/a" marks a case that tries
another writer's option.  The 10 MB cases take a few minutes in PDF;
``--skip-big`` leaves them out.  A second table gives the build catalogue
(``tests/test_build_hostile.py``): each hostile repository state and what
``pressconv build`` says about it.

    .venv/bin/python bench/catalogue.py [--skip-big] [--formats html,pdf]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests")]

import test_bad_input as catalogue  # noqa: E402  (tests/ is not a package)
from fidelity import available_formats, fidelity_report  # noqa: E402


def _short(line: str, folder: Path, fmt: str, source: str) -> str:
    """The line with the scratch folder left out and the output's suffix as ``.FMT`` (one line per case).

    The source's own name is kept as it is (a DOCX source in the docx column stays ``release.docx``),
    and so is a suffix not glued to a file name ("not a usable .docx file").
    """
    line = line.replace(str(folder) + "/", "").replace(str(folder), ".")
    parts = [re.sub(rf"(?<=\w)\.{fmt}\b", ".FMT", part) for part in line.split(source)]
    return source.join(parts)


def _outcome(name: str, fmt: str, root: Path) -> tuple[str, str]:
    """(cell for the table, the stderr line or warnings) for one case in one format."""
    if not catalogue.applies(name, fmt):
        return "n/a", ""  # the case tries an option of another writer
    run = catalogue.run(name, fmt, "cli", root)
    lines = [_short(line, run.outdir, fmt, run.source.name) for line in run.stderr.splitlines()]
    if run.code != 0:
        return f"exit {run.code}", lines[0] if lines else "(no message)"
    document = catalogue._document(name, run.source)
    report = fidelity_report(document, fmt, run.output.read_bytes())
    verdict = "" if report.ok else " (extra or missing words)"
    return f"ok, words {report.percent:.0f}%{verdict}", "; ".join(line.split(": ", 3)[-1] for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-big", action="store_true", help="leave out the 10 MB cases")
    parser.add_argument("--formats", default=",".join(available_formats()), help="formats, comma-separated")
    args = parser.parse_args(argv)
    formats = args.formats.split(",")
    names = [n for n in catalogue.CASES if not (args.skip_big and n in catalogue.BIG)]
    print("| case | " + " | ".join(formats) + " | message |")
    print("| --- | " + " | ".join("---" for _ in formats) + " | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for name in names:
            cells: list[str] = []
            messages: list[str] = []
            for fmt in formats:
                cell, message = _outcome(name, fmt, root)
                cells.append(cell)
                if message and message not in messages:
                    messages.append(message)
            print(f"| {name} | " + " | ".join(cells) + f" | {' / '.join(messages) or '-'} |", flush=True)
    build_cases()
    return 0


def build_cases() -> None:
    """The build catalogue (tests/test_build_hostile.py): a repository made hostile after a good build,
    then ``pressconv build -f html`` in a real process: its exit status and its one stderr line."""
    import test_build_hostile as hostile

    print("\n| build case | exit | message |\n| --- | --- | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        for name in hostile.BUILD_CASES:
            root = Path(scratch) / name
            code, _, err, _ = hostile.run_case(name, root)
            line = " / ".join(err.replace(str(root) + "/", "").splitlines()) or "-"
            print(f"| {name} | exit {code} | {line.replace('|', '/')} |", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
