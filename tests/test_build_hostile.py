"""`pressconv build` against a hostile manifest, odd sources, kills and a second build (issue #21, 1, 6, 7).

The manifest is committed, so anyone with commit access writes it: its paths
never reach outside dist/, a manifest that fails the schema is rebuilt with a
warning, never a traceback.  A bad source fails alone.  A killed build leaves
no temporary file the next build does not remove, and no process behind; two
builds on one dist/ take turns.  ``BUILD_CASES`` is this file's catalogue
(``bench/catalogue.py`` prints it); the kill tests use real processes, with
bounded waits and no timing assertions.
"""

from __future__ import annotations

import json
import os
import pickle
import select
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pressconv import build as build_module
from pressconv.build import MANIFEST
from pressconv.build.manifest import Entry, Manifest, sha256
from pressconv.cli import main
from pressconv.config import BuildConfig

TEXT = "Council opens new library\n\nThe city council opened the new library on Monday.\n"
LINUX = Path("/proc/self/stat").exists()
needs_proc = pytest.mark.skipif(not LINUX, reason="reads the process table from /proc (Linux only)")


def write(path: Path, text: str = TEXT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_repo(root: Path) -> Path:
    """A repository with a pyproject.toml (no outer configuration is found) and two sources."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "releases"\n', encoding="utf-8")
    write(root / "source" / "a.txt")
    write(root / "source" / "sub" / "b.txt", TEXT.replace("Monday", "Tuesday"))
    return root


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return make_repo(tmp_path)


def build(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["build", "-f", "html", "-j", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


def manifest_data(repo: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((repo / "dist" / MANIFEST).read_bytes())
    return data


def edit_manifest(repo: Path, change: Callable[[dict[str, dict[str, object]]], None]) -> None:
    """Apply ``change`` to the outputs of the manifest a first build wrote."""
    data = json.loads((repo / "dist" / MANIFEST).read_bytes())
    change(data["outputs"])
    (repo / "dist" / MANIFEST).write_text(json.dumps(data), encoding="utf-8")


# --- the catalogue: one hostile state of a repository, what build must say -----------------------------


@dataclass(frozen=True)
class BuildCase:
    """A repository made hostile after a first good build, and what the next ``build -f html`` gives."""

    harm: Callable[[Path], None]
    code: int
    message: str
    """A fragment of the one stderr line (a warning for exit 0, an error otherwise)."""
    kept: tuple[str, ...] = ()
    """Files (relative to the repository's parent) that must still exist afterwards."""


def _victim(repo: Path) -> Path:
    victim = repo.parent / "VICTIM.txt"
    victim.write_text("not pressconv's\n", encoding="utf-8")
    return victim


def _key_outside(key: Callable[[Path], str]) -> Callable[[Path], None]:
    """An entry copied from a real one under a key naming a file outside dist/, its source gone."""

    def harm(repo: Path) -> None:
        victim = _victim(repo)

        def change(outputs: dict[str, dict[str, object]]) -> None:
            entry = dict(outputs["a.html"], source="gone.txt")
            entry["sha256"] = sha256(victim.read_bytes())
            entry["size"] = victim.stat().st_size
            outputs[key(repo)] = entry

        edit_manifest(repo, change)

    return harm


def _raw_manifest(data: bytes) -> Callable[[Path], None]:
    def harm(repo: Path) -> None:
        (repo / "dist" / MANIFEST).write_bytes(data)

    return harm


def _format_as_list(repo: Path) -> None:
    edit_manifest(repo, lambda outputs: outputs["a.html"].update(format=["html"]))


def _nul_in_key(repo: Path) -> None:
    edit_manifest(repo, lambda outputs: outputs.update({"a\x00.html": outputs["a.html"]}))


def _symlinked_folder(repo: Path) -> None:
    """dist/escape -> a folder outside, and a well-formed entry for a file there (its hash known)."""
    outside = repo.parent / "outside"
    outside.mkdir()
    victim = outside / "x.html"
    victim.write_text("not pressconv's\n", encoding="utf-8")
    (repo / "dist" / "escape").symlink_to(outside)

    def change(outputs: dict[str, dict[str, object]]) -> None:
        entry = dict(outputs["a.html"], source="escape/x.txt")
        entry["sha256"] = sha256(victim.read_bytes())
        entry["size"] = victim.stat().st_size
        outputs["escape/x.html"] = entry

    edit_manifest(repo, change)


def _changed_orphan(repo: Path) -> None:
    (repo / "dist" / "a.html").write_text("<p>edited by hand</p>\n", encoding="utf-8")
    (repo / "source" / "a.txt").unlink()


def _source(make: Callable[[Path], None]) -> Callable[[Path], None]:
    def harm(repo: Path) -> None:
        make(repo / "source" / "odd.txt")

    return harm


BUILD_CASES: dict[str, BuildCase] = {
    "manifest-key-parent": BuildCase(
        _key_outside(lambda repo: "../../VICTIM.txt"), 0, "rebuilt from scratch", ("VICTIM.txt",)
    ),
    "manifest-key-absolute": BuildCase(
        _key_outside(lambda repo: str(repo.parent / "VICTIM.txt")), 0, "rebuilt from scratch", ("VICTIM.txt",)
    ),
    "manifest-key-dot-dot-inside": BuildCase(
        _key_outside(lambda repo: "sub/../../../VICTIM.txt"), 0, "rebuilt from scratch", ("VICTIM.txt",)
    ),
    "manifest-key-symlinked-folder": BuildCase(
        _symlinked_folder, 0, "left in place, lies outside the output folder", ("outside/x.html",)
    ),
    "manifest-orphan-edited-by-hand": BuildCase(
        _changed_orphan, 0, "left in place, changed since pressconv wrote it", ("repo/dist/a.html",)
    ),
    "manifest-100k-nested-brackets": BuildCase(_raw_manifest(b"[" * 100_000), 0, "nested too deeply"),
    "manifest-format-is-a-list": BuildCase(_format_as_list, 0, "does not fit the schema"),
    "manifest-nul-in-key": BuildCase(_nul_in_key, 0, "does not fit the schema"),
    "manifest-not-utf8": BuildCase(_raw_manifest(b'{"outputs": {"\xff": 1}}'), 0, "not UTF-8"),
    "manifest-merge-conflict": BuildCase(_raw_manifest(b"<<<<<<< HEAD\n"), 0, "not JSON"),
    "manifest-size-is-true": BuildCase(
        lambda repo: edit_manifest(repo, lambda outputs: outputs["a.html"].update(size=True)),
        0,
        "does not fit the schema",
    ),
    "source-dangling-symlink": BuildCase(
        _source(lambda path: path.symlink_to("nowhere.txt")), 1, "odd.txt: cannot read: No such file"
    ),
    "source-symlink-loop": BuildCase(
        _source(lambda path: path.symlink_to(path.name)), 1, "odd.txt: cannot read: Too many levels"
    ),
    "source-fifo": BuildCase(_source(lambda path: os.mkfifo(path)), 1, "odd.txt: not a regular file"),
    "source-symlink-to-dev-zero": BuildCase(
        _source(lambda path: path.symlink_to("/dev/zero")), 1, "odd.txt: not a regular file"
    ),
}


def run_case(name: str, root: Path) -> tuple[int, str, str, Path]:
    """Build ``root/repo`` once, apply the case's harm, build again in a real process: (code, out, err)."""
    repo = make_repo(root / "repo")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    command = [sys.executable, "-m", "pressconv.cli", "build", "-f", "html", "-j", "1"]
    subprocess.run(command, cwd=repo, env=env, capture_output=True, check=True, timeout=300)
    BUILD_CASES[name].harm(repo)
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, check=False, timeout=300)
    return done.returncode, done.stdout.decode(), done.stderr.decode(), repo


@pytest.mark.parametrize("name", list(BUILD_CASES))
def test_build_catalogue(name: str, tmp_path: Path) -> None:
    """Each hostile state: the exit status, exactly one stderr line, no traceback, nothing outside harmed,
    the good sources built, and a manifest that passes the schema afterwards."""
    case = BUILD_CASES[name]
    code, out, err, repo = run_case(name, tmp_path)
    assert "Traceback" not in err, err
    assert code == case.code, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    kind = "warning" if case.code == 0 else "error"
    assert lines[0].startswith(f"pressconv: {kind}: "), lines[0]
    assert case.message in lines[0], lines[0]
    for rel in case.kept:
        assert (tmp_path / rel).is_file(), f"{rel} was deleted"
    assert (repo / "dist" / "sub" / "b.html").is_file()
    manifest, discarded = Manifest.load(repo / "dist")
    assert discarded is None
    assert "sub/b.html" in manifest.outputs
    assert all(".." not in key and not key.startswith("/") for key in manifest.outputs)
    if case.code:
        assert out.splitlines()[-1].startswith("0 written, 2 unchanged, 0 removed, 1 failed"), out


# --- finding 1: the manifest ---------------------------------------------------------------------------


def test_the_issue_reproduction_deletes_nothing_and_check_agrees(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's steps: `removed dist/../../VICTIM.txt` must never be printed, and --check warns too."""
    assert build(capsys)[0] == 0
    BUILD_CASES["manifest-key-parent"].harm(repo)
    code, out, err = build(capsys, "--check")
    assert "rebuilt from scratch" in err
    assert code == 1  # every output is now "not in the manifest": the user is told to build
    assert (repo.parent / "VICTIM.txt").is_file()
    code, out, err = build(capsys)
    assert code == 0 and "removed dist" not in out
    assert (repo.parent / "VICTIM.txt").read_text(encoding="utf-8") == "not pressconv's\n"
    # rebuilt from scratch: the outputs are adopted again (identical bytes), the next build is a no-op
    assert sorted(manifest_data(repo)["outputs"]) == ["a.html", "sub/b.html"]  # type: ignore[call-overload]
    assert build(capsys)[1].startswith("0 written, 2 unchanged, 0 removed, 0 failed")


def test_an_orphan_is_removed_only_when_it_is_what_pressconv_wrote(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys)
    (repo / "source" / "sub" / "b.txt").unlink()
    code, out, err = build(capsys)
    assert (code, err) == (0, "")
    assert "removed dist/sub/b.html" in out
    assert not (repo / "dist" / "sub").exists()


def test_an_orphan_replaced_by_a_symlink_is_not_followed(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(capsys)
    target = repo / "elsewhere.html"
    target.write_bytes((repo / "dist" / "a.html").read_bytes())  # same bytes as the output
    (repo / "dist" / "a.html").unlink()
    (repo / "dist" / "a.html").symlink_to(target)
    (repo / "source" / "a.txt").unlink()
    code, _out, err = build(capsys)
    assert code == 0
    assert "a.html: left in place, not a regular file" in err
    assert target.is_file() and (repo / "dist" / "a.html").is_symlink()
    assert "a.html" not in manifest_data(repo)["outputs"]  # type: ignore[operator]


def test_manifest_round_trip_keeps_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.html")
    entry = Entry(os.fsdecode(b"caf\xe9.txt"), "0" * 64, "html", "1" * 64, "0.1.0", "2" * 64, 3)
    (tmp_path / MANIFEST).write_bytes(Manifest({name: entry, "a.html": entry}).dumps())
    raw = (tmp_path / MANIFEST).read_bytes()
    raw.decode("utf-8")  # valid UTF-8 text: the surrogate is a JSON escape
    assert b'"caf\\udce9.html"' in raw
    loaded, discarded = Manifest.load(tmp_path)
    assert discarded is None
    assert loaded.outputs == {name: entry, "a.html": entry}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_manifest_fifo_does_not_hang(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(capsys)
    (repo / "dist" / MANIFEST).unlink()
    os.mkfifo(repo / "dist" / MANIFEST)
    manifest, discarded = Manifest.load(repo / "dist")
    assert (manifest.outputs, discarded) == ({}, "not a regular file")


# --- finding 7: odd sources, names and folders ----------------------------------------------------------


def test_an_unreadable_source_fails_alone_and_keeps_its_outputs(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """chmod 000 does not stop root (CI runs as root), so the refusal comes from a patched os.open."""
    build(capsys)
    real_open = os.open
    blocked = str(repo / "source" / "a.txt")

    def refusing(path: object, flags: int, *args: int) -> int:
        if os.fspath(path) == blocked:  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", blocked)
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing)
    write(repo / "source" / "c.txt", TEXT.replace("library", "museum"))
    code, out, err = build(capsys)
    assert code == 1
    assert err == "pressconv: error: source/a.txt: cannot read: Permission denied\n"
    assert out.splitlines()[-1].startswith("1 written, 1 unchanged, 0 removed, 1 failed")
    assert (repo / "dist" / "a.html").is_file(), "the output of a source that still exists was removed"
    assert "a.html" in manifest_data(repo)["outputs"]  # type: ignore[operator]


def test_a_fifo_source_does_not_hang_a_real_build(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    os.mkfifo(repo / "source" / "pipe.txt")
    done = subprocess.run(
        [sys.executable, "-m", "pressconv.cli", "build", "-f", "html", "-j", "2"],
        cwd=repo,
        capture_output=True,
        timeout=300,  # a hang would block here for ever: the FIFO has no writer
        check=False,
    )
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err
    assert (
        err
        == "pressconv: error: source/pipe.txt: not a regular file (a FIFO, device or socket is never read)\n"
    )
    assert (repo / "dist" / "a.html").is_file() and (repo / "dist" / "sub" / "b.html").is_file()


def test_a_file_name_that_is_not_utf8_is_built_and_recorded(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        write(repo / "source" / name)
    except (OSError, UnicodeEncodeError) as err:  # pragma: no cover - a file system that refuses it
        pytest.skip(f"this file system refuses a name that is not UTF-8: {err}")
    code, _out, err = build(capsys)
    assert (code, err) == (0, "")
    assert (repo / "dist" / os.fsdecode(b"caf\xe9.html")).is_file()
    raw = (repo / "dist" / MANIFEST).read_bytes()
    assert b'"caf\\udce9.html"' in raw and b'"source": "caf\\udce9.txt"' in raw
    assert build(capsys)[1].startswith("0 written, 3 unchanged")
    (repo / "source" / name).unlink()
    code, _out, err = build(capsys)
    assert (code, err) == (0, "")
    assert not (repo / "dist" / os.fsdecode(b"caf\xe9.html")).exists()


@pytest.mark.parametrize(
    ("source", "dist", "message"),
    [
        ("source", "source", "source: the output folder is the source folder; choose another"),
        (".", "dist", "dist: the output folder lies inside the source folder .; move it out"),
        (
            "source",
            "source/out",
            "source/out: the output folder lies inside the source folder source; move it out",
        ),
        (
            "dist/source",
            "dist",
            "dist/source: the source folder lies inside the output folder dist; move it out",
        ),
    ],
)
def test_overlapping_folders_are_refused_in_one_line(
    repo: Path, capsys: pytest.CaptureFixture[str], source: str, dist: str, message: str
) -> None:
    write(repo / "dist" / "source" / "x.txt")
    before = sorted(p.as_posix() for p in repo.rglob("*"))
    code, _out, err = build(capsys, source, "-o", dist)
    assert code == 2
    assert err == f"pressconv: error: {message}\n"
    assert sorted(p.as_posix() for p in repo.rglob("*")) == before


def test_planning_holds_no_source_bytes(repo: Path) -> None:
    """Sources are hashed in blocks and read by the worker that renders them: planning 24 MB of
    sources allocates a small part of one of them, and a job carries a path, not bytes."""
    config = BuildConfig(root=repo, source=repo / "source", dist=repo / "dist", formats=("html",))
    build_module.make_plan(config)  # imports done before measuring
    block = ("The council approved the budget. " * 32 + "\n\n").encode() * 4000  # about 4 MB
    for n in range(6):
        (repo / "source" / f"big{n:02d}.txt").write_bytes(block)
    tracemalloc.start()
    try:
        plan = build_module.make_plan(config)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(plan.sources) == 8
    assert peak < len(block) // 4, f"planning allocated {peak} bytes at its peak"
    assert all(len(pickle.dumps(job)) < 2000 for job in plan.jobs())


# --- finding 6: kills, stale temporaries, two builds at once -------------------------------------------


def _session(sid: int) -> list[str]:
    """Live (not zombie) processes of session ``sid``, as ``pid command`` strings."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
            command = (
                Path("/proc", entry, "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            )
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == sid and fields[0] not in ("Z", "X"):
            found.append(f"{entry} {command.strip()}")
    return found


def _wait(predicate: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def _busy_build(root: Path) -> subprocess.Popen[bytes]:
    """``build -j 2`` over sources big enough to keep both workers busy, in a session of its own,
    returned once its workers run (main, resource tracker, fork server and two workers)."""
    repo = make_repo(root)
    paragraph = "The council approved the new budget on Tuesday, after a long debate about schools. " * 20
    for n in range(6):
        write(repo / "source" / f"big{n}.txt", "Budget approved\n\n" + "\n\n".join([paragraph] * 2000))
    child = subprocess.Popen(
        [sys.executable, "-m", "pressconv.cli", "build", "-f", "html", "-j", "2"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    if not _wait(lambda: len(_session(child.pid)) >= 5 or child.poll() is not None, 240):
        child.kill()
        pytest.fail(f"the build never started its workers: {_session(child.pid)}")
    return child


@needs_proc
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_build_cleanly(tmp_path: Path, signum: signal.Signals) -> None:
    """SIGTERM or SIGINT to the main process: exit 130 with one line, no temporary file, every output
    whole, and within a bounded wait no worker, fork server or resource tracker left running."""
    child = _busy_build(tmp_path)
    os.kill(child.pid, signum)
    _out, err = child.communicate(timeout=240)
    stderr = err.decode()
    assert "Traceback" not in stderr, stderr[-3000:]
    if child.returncode == 0:  # pragma: no cover - the build finished before the signal landed
        pytest.skip("the build finished before the signal arrived; nothing to clean up")
    assert child.returncode == 130, stderr
    assert stderr.splitlines()[-1] == "pressconv: interrupted"
    assert _wait(lambda: not _session(child.pid), 60), _session(child.pid)
    dist = tmp_path / "dist"
    for path in dist.rglob("*") if dist.exists() else []:
        assert not path.name.endswith(".tmp"), f"temporary file left: {path}"
        if path.suffix == ".html":
            assert path.read_bytes().rstrip().endswith(b"</html>"), f"partial output {path}"


def test_sigterm_while_an_output_is_written_removes_its_temporary(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM lands inside publish(), after the temporary file is written: exit 130, the temporary is
    gone, the output published before it is recorded, and the next build finishes the job."""
    from pressconv import publish

    real_chmod = os.chmod
    calls = {"n": 0}

    def chmod_then_terminated(path: str, mode: int) -> None:
        real_chmod(path, mode)
        calls["n"] += 1
        if calls["n"] == 2:
            os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(publish.os, "chmod", chmod_then_terminated)
    code, out, err = build(capsys)
    assert code == 130 and err.strip() == "pressconv: interrupted"
    assert out == "wrote dist/a.html\n"
    assert not [p for p in (repo / "dist").rglob("*") if p.name.endswith(".tmp")]
    assert not (repo / "dist" / "sub" / "b.html").exists()
    assert sorted(manifest_data(repo)["outputs"]) == ["a.html"]  # type: ignore[call-overload]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "the handler was not restored"
    monkeypatch.setattr(publish.os, "chmod", real_chmod)
    assert build(capsys)[1].splitlines()[-1].startswith("1 written, 1 unchanged")


@needs_proc
def test_a_sigkilled_build_leaves_no_process(tmp_path: Path) -> None:
    child = _busy_build(tmp_path)
    child.kill()
    child.communicate(timeout=60)
    assert _wait(lambda: not _session(child.pid), 60), _session(child.pid)


def _parent(pid: int) -> int:
    stat = Path("/proc", str(pid), "stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[1])


@needs_proc
def test_a_killed_worker_fails_its_documents_not_the_build(tmp_path: Path) -> None:
    """The out-of-memory killer takes a worker: the documents not rendered fail with one line each,
    no traceback, exit 1, and --check names them for the next build."""
    child = _busy_build(tmp_path)
    processes = [int(line.split()[0]) for line in _session(child.pid)]
    server = [pid for pid in processes if "forkserver" in Path("/proc", str(pid), "cmdline").read_text()]
    workers = [pid for pid in server if _parent(pid) != child.pid]
    assert workers, _session(child.pid)
    os.kill(workers[0], signal.SIGKILL)
    _out, err = child.communicate(timeout=300)
    stderr = err.decode()
    assert "Traceback" not in stderr, stderr[-3000:]
    if child.returncode == 0:  # pragma: no cover - every document was done before the kill landed
        pytest.skip("the build finished before the worker was killed")
    assert child.returncode == 1, stderr
    lines = stderr.splitlines()
    assert lines and all(
        line.endswith("not rendered: a worker process died (killed, or out of memory)") for line in lines
    )
    assert _wait(lambda: not _session(child.pid), 60), _session(child.pid)
    # what was published is recorded; --check names the rest for the next build to render
    check = subprocess.run(
        [sys.executable, "-m", "pressconv.cli", "build", "--check", "-f", "html"],
        cwd=tmp_path,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert check.returncode == 1, check.stderr.decode()
    failed = {line.split(": ")[2].rsplit("/", 1)[-1] for line in lines}
    named = {line.split(": ")[0].rsplit("/", 1)[-1] for line in check.stdout.decode().splitlines()}
    assert {name.replace(".txt", ".html") for name in failed} <= named


def _dead_pid() -> int:
    """The id of a process that has ended (reaped, so not running)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_stale_temporary_is_reported_by_check_and_removed_by_build(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a SIGKILL during a write leaves: a hidden temporary beside the output, its writer gone."""
    build(capsys)
    stale = repo / "dist" / "sub" / f".b.html.{_dead_pid()}-0.tmp"
    stale.write_bytes(b"<!DOCTYPE html><p>half")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        live = repo / "dist" / f".a.html.{sleeper.pid}-0.tmp"  # another conversion's, in progress
        live.write_bytes(b"<!DOCTYPE html>")
        code, out, err = build(capsys, "--check")
        assert code == 1
        assert out.splitlines() == [f"dist/sub/{stale.name}: temporary file left by a killed build"]
        code, out, err = build(capsys)
        assert (code, err) == (0, "")
        assert f"removed dist/sub/{stale.name}\n" in out
        assert not stale.exists() and live.exists()
        assert build(capsys, "--check")[0] == 0
    finally:
        sleeper.kill()
        sleeper.wait()


def _readline(stream: object, seconds: float) -> bytes:
    """One line from a pipe, or b"" when none came within ``seconds``."""
    fd = stream.fileno()  # type: ignore[attr-defined]
    line = b""
    end = time.monotonic() + seconds
    while not line.endswith(b"\n") and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            chunk = os.read(fd, 1)
            if not chunk:
                break
            line += chunk
    return line


def test_a_second_build_waits_for_the_lock(repo: Path) -> None:
    (repo / "dist").mkdir()
    with build_module.locked(repo / "dist"):
        child = subprocess.Popen(
            [sys.executable, "-m", "pressconv.cli", "build", "-f", "html", "-j", "1"],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        line = _readline(child.stderr, 240)
        assert line == b"pressconv: waiting for the other build of dist to finish\n"
        assert child.poll() is None and not (repo / "dist" / "a.html").exists()
    _out, err = child.communicate(timeout=240)
    assert child.returncode == 0, err
    assert sorted(manifest_data(repo)["outputs"]) == ["a.html", "sub/b.html"]  # type: ignore[call-overload]
    assert not (repo / "dist" / build_module.LOCK).exists()


def test_concurrent_builds_lose_no_manifest_entry(repo: Path) -> None:
    """Two builds of different formats at once: both sets of outputs end up in the manifest."""
    for n in range(8):
        write(repo / "source" / f"r{n}.txt", TEXT.replace("Monday", f"day {n}"))
    command = [sys.executable, "-m", "pressconv.cli", "build", "-j", "1", "-f"]
    children = [
        subprocess.Popen([*command, fmt], cwd=repo, stderr=subprocess.PIPE) for fmt in ("html", "docx")
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err.decode()
    outputs = manifest_data(repo)["outputs"]
    assert len(outputs) == 2 * 10  # type: ignore[arg-type]
    assert main(["build", "--check", "-f", "html"]) == 0 and main(["build", "--check", "-f", "docx"]) == 0


def test_a_first_build_with_nothing_to_write_leaves_no_dist(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lock needs dist/ to exist; a build that writes nothing must not leave it behind."""
    for path in sorted((repo / "source").rglob("*.txt")):
        path.unlink()
    code, _out, err = build(capsys)
    assert (code, err) == (0, "")
    assert not (repo / "dist").exists()
