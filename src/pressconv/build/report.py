"""What a build says: paths as the user reads them, the per-file lines or a progress bar, the closing line.

The bottom of the build package: it imports nothing else from it, so planning,
executing and checking all speak through it.  ``Outcome`` is what a build did,
output by output; ``summary`` turns it into the last line ``pressconv build``
prints.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def display(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    if not path.is_absolute():  # never inside the (absolute) working directory: as given
        return str(path)
    if os.name == "posix":  # what relative_to gives, by the text of two normalised absolute paths
        text, here = str(path), os.getcwd()
        if text == here:
            return "."
        inside = here if here.endswith("/") else here + "/"
        return text[len(inside) :] if text.startswith(inside) else text
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


class Tally:
    """Items of one kind (output paths, error lines): every one counted, the first ``keep`` kept (all
    when None), so that a build of a large archive that only prints counts holds none of them."""

    __slots__ = ("count", "keep", "kept")

    def __init__(self, items: Iterable[str] = (), keep: int | None = None) -> None:
        self.count = 0
        self.kept: list[str] = []
        self.keep = keep
        self.extend(items)

    def append(self, item: str) -> None:
        self.count += 1
        if self.keep is None or len(self.kept) < self.keep:
            self.kept.append(item)

    def extend(self, items: Iterable[str]) -> None:
        for item in items:
            self.append(item)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        """The kept items (all of them unless ``keep`` was given)."""
        return iter(self.kept)

    def __contains__(self, item: object) -> bool:
        return item in self.kept

    def __repr__(self) -> str:
        return f"Tally({self.kept!r}, count={self.count})"


@dataclass(slots=True)
class Outcome:
    """What a build did, output by output (dist-relative paths)."""

    written: Tally = field(default_factory=Tally)
    unchanged: Tally = field(default_factory=Tally)
    removed: Tally = field(default_factory=Tally)
    failed: Tally = field(default_factory=Tally)
    errors: Tally = field(default_factory=Tally)
    manifest_changed: bool = False

    @classmethod
    def keeping(cls, keep: int | None) -> Outcome:
        """An outcome that keeps the first ``keep`` items of each kind (all when None)."""
        return cls(Tally(keep=keep), Tally(keep=keep), Tally(keep=keep), Tally(keep=keep), Tally(keep=keep))

    @property
    def changed(self) -> bool:
        """True when a file in dist/ was created, changed or removed."""
        return bool(self.written or self.removed or self.manifest_changed)


class Reporter:
    """Prints what happens: lines for logs, or nothing per file (a progress bar or the hook speaks).

    The lines of one document's outputs go out together, in one write when it is done; a message on
    stderr first sends the lines held, so the two streams interleave as they happened.
    """

    def __init__(self, *, lines: bool = True) -> None:
        self.lines = lines
        self._held: list[str] = []

    def start(self, total: int) -> None:
        """``total`` documents are about to be rendered."""
        self.flush()

    def advance(self) -> None:
        """One document is done."""
        self.flush()

    def wrote(self, path: Path) -> None:
        """An output was created or changed."""
        if self.lines:
            self._held.append(f"wrote {display(path)}")

    def removed(self, path: Path) -> None:
        """An orphaned output was removed."""
        if self.lines:
            self._held.append(f"removed {display(path)}")

    def error(self, message: str) -> None:
        """A source or output failed."""
        self.flush()
        echo(f"pressconv: error: {message}", err=True)

    def warning(self, message: str) -> None:
        """A warning from reading or writing a document."""
        self.flush()
        echo(f"pressconv: warning: {message}", err=True)

    def stop(self) -> None:
        """The build is over."""
        self.flush()

    def flush(self) -> None:
        """Print the lines held, in one write."""
        if self._held:
            echo("\n".join(self._held))
            self._held.clear()


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
