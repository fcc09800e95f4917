"""What a build says: paths as the user reads them, the per-file lines or a progress bar, the closing line.

The bottom of the build package: it imports nothing else from it, so planning,
executing and checking all speak through it.  ``Outcome`` is what a build did,
output by output; ``summary`` turns it into the last line ``pressconv build``
prints.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def display(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


@dataclass(slots=True)
class Outcome:
    """What a build did, output by output (dist-relative paths)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    manifest_changed: bool = False

    @property
    def changed(self) -> bool:
        """True when a file in dist/ was created, changed or removed."""
        return bool(self.written or self.removed or self.manifest_changed)


class Reporter:
    """Prints what happens: lines for logs, or nothing per file (a progress bar or the hook speaks)."""

    def __init__(self, *, lines: bool = True) -> None:
        self.lines = lines

    def start(self, total: int) -> None:
        """``total`` documents are about to be rendered."""

    def advance(self) -> None:
        """One document is done."""

    def wrote(self, path: Path) -> None:
        """An output was created or changed."""
        if self.lines:
            echo(f"wrote {display(path)}")

    def removed(self, path: Path) -> None:
        """An orphaned output was removed."""
        if self.lines:
            echo(f"removed {display(path)}")

    def error(self, message: str) -> None:
        """A source or output failed."""
        echo(f"pressconv: error: {message}", err=True)

    def warning(self, message: str) -> None:
        """A warning from reading or writing a document."""
        echo(f"pressconv: warning: {message}", err=True)

    def stop(self) -> None:
        """The build is over."""


class BarReporter(Reporter):
    """A rich progress bar on the terminal; messages are printed above it."""

    def __init__(self) -> None:
        super().__init__(lines=False)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True)
        self.progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("build", total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)

    def error(self, message: str) -> None:
        self.console.print(f"pressconv: error: {message}", markup=False, highlight=False, soft_wrap=True)

    def warning(self, message: str) -> None:
        self.console.print(f"pressconv: warning: {message}", markup=False, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        self.progress.stop()


def echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a file name that is not UTF-8 (surrogate-escaped) on a strict stream
        encoding = stream.encoding or "utf-8"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding) + "\n")
    stream.flush()


def summary(outcome: Outcome, elapsed: float) -> str:
    """The closing line: ``4 written, 0 unchanged, 0 removed, 0 failed in 0.8 s``."""
    counts = (outcome.written, outcome.unchanged, outcome.removed, outcome.failed)
    words = ("written", "unchanged", "removed", "failed")
    return ", ".join(f"{len(c)} {w}" for c, w in zip(counts, words, strict=True)) + f" in {elapsed:.1f} s"
