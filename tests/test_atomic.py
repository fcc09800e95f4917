"""Failures half-way -> the previous output intact and no temporary file, never a partial output.

A writer that raises (injected through the real registry), a disk that fills
up half-way through the write, ``Ctrl-C`` in the middle of a write, and a real
SIGINT sent to a running ``pressconv`` process and to ``pressconv build``.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest

from pressconv import api, publish, writers
from pressconv.build import LOCK
from pressconv.cli import main
from pressconv.errors import Notes, PressconvError, WriterError
from pressconv.model import Document
from pressconv.options import WriteOptions
from pressconv.registry import Spec

OLD = b"<!DOCTYPE html>\n<p>the previous output</p>\n"
TEXT = "Council opens library\n\nThe new library opens today, the council said.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "release.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "release.html").write_bytes(OLD)
    return tmp_path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


def _fake_writer(monkeypatch: pytest.MonkeyPatch, fail: BaseException) -> None:
    """Register, under the built-in name ``html``, a writer that renders half the page and then fails."""
    module = types.ModuleType("pressconv_test_failing_writer")
    module.SUFFIX = ".html"  # type: ignore[attr-defined]
    module.MEDIA_TYPE = "text/html"  # type: ignore[attr-defined]

    def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
        half = b"<!DOCTYPE html>\n<p>" + document.headline.encode()  # rendering had started
        assert half
        raise fail

    module.write = write  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    spec = Spec("html", module.__name__, (".html",), writers.HTML_OPTIONS)
    monkeypatch.setitem(writers.BUILTINS, "html", spec)


@pytest.mark.parametrize(
    "fail", [WriterError("template broke half-way"), RuntimeError("a bug in the writer")], ids=repr
)
def test_writer_failing_half_way_keeps_the_previous_output(
    folder: Path, monkeypatch: pytest.MonkeyPatch, fail: Exception, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_writer(monkeypatch, fail)
    out = folder / "release.html"
    if isinstance(fail, PressconvError):
        assert main(["to-html", str(folder / "release.txt"), "-o", str(out)]) == 2
        assert capsys.readouterr().err.count("\n") == 1
    else:
        with pytest.raises(RuntimeError):
            main(["to-html", str(folder / "release.txt"), "-o", str(out)])
    with pytest.raises(type(fail)):
        api.convert(folder / "release.txt", "html", out)
    assert out.read_bytes() == OLD
    assert _leftovers(folder) == []
    assert (folder / "release.txt").read_text(encoding="utf-8") == TEXT


class _HalfWriter:
    """A file handle that writes half of what it is given, then fails like a full disk or a Ctrl-C."""

    def __init__(self, handle: Any, fail: BaseException) -> None:
        self.handle, self.fail = handle, fail

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise self.fail


def _break_writes(monkeypatch: pytest.MonkeyPatch, fail: BaseException) -> list[str]:
    """Make publish's temporary file fail half-way; returns the temp paths it used."""
    real_fdopen = os.fdopen
    used: list[str] = []
    real_create = publish._create_temporary

    def create(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_create(*args, **kwargs)
        used.append(name)
        return fd, name

    monkeypatch.setattr(publish, "_create_temporary", create)
    monkeypatch.setattr(publish.os, "fdopen", lambda fd, mode: _HalfWriter(real_fdopen(fd, mode), fail))
    return used


def test_disk_full_half_way_keeps_the_previous_output(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    used = _break_writes(monkeypatch, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    out = folder / "release.html"
    assert main(["to-html", str(folder / "release.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"pressconv: error: {out}: cannot write output: No space left on device\n"
    assert used and not any(Path(p).exists() for p in used)
    assert out.read_bytes() == OLD
    assert _leftovers(folder) == []


def test_ctrl_c_half_way_through_a_write_leaves_no_partial_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    used = _break_writes(monkeypatch, KeyboardInterrupt())
    out = folder / "release.html"
    assert main(["to-html", str(folder / "release.txt"), "-o", str(out)]) == 130
    # click puts the message on a fresh line after the terminal's "^C": a blank line, then one line
    assert capsys.readouterr().err.strip() == "pressconv: interrupted"
    with pytest.raises(KeyboardInterrupt):
        api.convert(folder / "release.txt", "html", out)
    assert len(used) == 2 and not any(Path(p).exists() for p in used)
    assert out.read_bytes() == OLD
    assert _leftovers(folder) == []


def test_ctrl_c_for_a_new_output_leaves_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break_writes(monkeypatch, KeyboardInterrupt())
    out = folder / "new.html"
    assert main(["to-html", str(folder / "release.txt"), "-o", str(out)]) == 130
    assert not out.exists()
    assert _leftovers(folder) == []


def test_ctrl_c_during_build_leaves_no_partial_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, dist = folder / "source", folder / "dist"
    source.mkdir()
    for n in range(3):
        (source / f"r{n}.txt").write_text(TEXT.replace("today", f"on day {n}"), encoding="utf-8")
    assert main(["build", str(source), "-o", str(dist), "-f", "html", "-j", "1"]) == 0
    before = {p.name: p.read_bytes() for p in dist.rglob("*") if p.is_file()}
    for n in range(3):
        (source / f"r{n}.txt").write_text(TEXT.replace("today", f"next week {n}"), encoding="utf-8")
    calls = {"n": 0}
    real = publish.publish

    def interrupted_second(path: Path, data: bytes) -> bool:
        calls["n"] += 1
        if calls["n"] == 2:
            _break_writes(monkeypatch, KeyboardInterrupt())
        return real(path, data)

    monkeypatch.setattr(publish, "publish", interrupted_second)
    code = main(["build", str(source), "-o", str(dist), "-f", "html", "-j", "1"])
    assert code == 130
    for path in dist.rglob("*"):
        assert not path.name.endswith(".tmp"), f"temporary file left: {path}"
        if path.is_file() and path.suffix == ".html":
            data = path.read_bytes()
            assert data == before.get(path.name) or data.rstrip().endswith(b"</html>"), f"partial: {path}"


def _wait_for(predicate: Any, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def _sigint_run(
    args: list[str], cwd: Path, started: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Start pressconv, send SIGINT once it has started working, return what it did.

    ``started`` is a file the command makes once its imports are done and its work has begun (the
    build's lock file): on a loaded machine the imports alone can take longer than any fixed pause.
    """
    child = subprocess.Popen(
        [sys.executable, "-m", "pressconv.cli", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Wait until the interpreter catches SIGINT (before that, the signal kills it outright: -2, not a
    # KeyboardInterrupt), then a moment more so it is converting, then interrupt.  A fixed sleep
    # was not enough on a loaded machine running the suite on every core.
    _wait_until_sigint_is_caught(child.pid)
    if started is not None:
        deadline = time.monotonic() + 120
        while not started.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    time.sleep(0.5)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=120)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def _wait_until_sigint_is_caught(pid: int, limit: float = 120.0) -> None:
    """Return once process ``pid`` has a SIGINT handler (the ``SigCgt`` mask of /proc/PID/status)."""
    deadline = time.monotonic() + limit
    bit = 1 << (signal.SIGINT - 1)
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
        except OSError:
            return  # already gone: the caller sees how it ended
        caught = next((line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:")), "0")
        if int(caught, 16) & bit:
            return
        time.sleep(0.02)


def _big_source(path: Path) -> None:
    para = "The council approved the new budget on Tuesday, after a long debate about schools. " * 20
    path.write_text("Budget approved\n\n" + "\n\n".join([para] * 3000), encoding="utf-8")


def test_real_sigint_during_a_conversion(tmp_path: Path) -> None:
    """A real Ctrl-C: exit 130 (or the conversion had already finished), one line, old output kept whole."""
    _big_source(tmp_path / "big.txt")
    out = tmp_path / "big.html"
    out.write_bytes(OLD)
    done = _sigint_run(["to-html", "big.txt", "-o", "big.html"], tmp_path)
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr
    if done.returncode == 130:
        assert stderr.strip() == "pressconv: interrupted"
        assert out.read_bytes() == OLD
    else:  # finished before the signal: then the whole new page is there
        assert done.returncode == 0 and out.read_bytes().rstrip().endswith(b"</html>")
    assert _leftovers(tmp_path) == []


def test_real_sigint_during_build(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for n in range(4):
        _big_source(source / f"big{n}.txt")
    done = _sigint_run(
        ["build", "source", "-o", "dist", "-f", "html", "-j", "2"], tmp_path, started=tmp_path / "dist" / LOCK
    )
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr, stderr[-3000:]
    assert done.returncode in (0, 130), stderr
    for path in (tmp_path / "dist").rglob("*") if (tmp_path / "dist").exists() else []:
        assert not path.name.endswith(".tmp"), f"temporary file left: {path}"
        if path.suffix == ".html":
            assert path.read_bytes().rstrip().endswith(b"</html>"), f"partial output {path}"


def test_temporary_names_do_not_collide(tmp_path: Path) -> None:
    """Two temporaries for one target in one process get different files, each created empty."""
    first_fd, first = publish._create_temporary(tmp_path, "out.html")
    second_fd, second = publish._create_temporary(tmp_path, "out.html")
    os.close(first_fd)
    os.close(second_fd)
    assert first != second
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([Path(first).name, Path(second).name])
    assert all(Path(p).name.startswith(".out.html.") and p.endswith(".tmp") for p in (first, second))


def test_ctrl_c_while_the_cli_is_still_importing_prints_one_line() -> None:
    """A Ctrl-C that lands before the CLI's imports are done: exit 130, one line, no traceback."""
    script = (
        "import os, signal\n"
        "from pressconv import _startup\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "import time\n"
        "time.sleep(5)\n"  # not reached: the handler ends the process
        "raise SystemExit(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 130
    assert done.stderr.decode() == "pressconv: interrupted\n"


def test_the_cli_gives_ctrl_c_back_once_imported() -> None:
    """After importing the CLI, SIGINT has the default handler again (main reports a KeyboardInterrupt)."""
    script = (
        "import signal\n"
        "import pressconv.cli\n"
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60, check=True)
    assert done.stdout.decode().strip() == "True"
