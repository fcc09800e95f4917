"""The build's client does not hold its archive twice: the manifest is saved in pieces, jobs are made as
they are drawn (issue #20)."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pressconv.build.manifest import Entry, Manifest
from pressconv.build.plan import Job
from pressconv.build.render import run_jobs
from pressconv.options import WriteOptions
from pressconv.publish import publish_chunks


def _manifest(count: int) -> Manifest:
    outputs = {}
    for i in range(count):
        key = f"sub/r\u00e9lease-{i}\udcff.html" if i % 7 == 0 else f"release-{i:05d}.pdf"
        outputs[key] = Entry(f"s/{i}.txt", "a" * 64, "html", "b" * 64, "0.1", "c" * 64, i)
    return Manifest(outputs)


def test_the_manifest_in_pieces_is_the_manifest_in_one() -> None:
    for count in (0, 1, 2, 999, 1000, 1001, 2345):
        manifest = _manifest(count)
        whole = manifest.dumps()
        for lines in (1, 3, 1000):
            pieces = list(manifest.chunks(lines))
            assert b"".join(pieces) == whole
            assert len(pieces) == (1 if count == 0 else 2 + (count - 1) // lines)


def test_a_manifest_saved_in_pieces_reads_back_and_is_not_rewritten_when_unchanged(tmp_path: Path) -> None:
    manifest = _manifest(1500)
    path = tmp_path / ".pressconv-manifest.json"
    assert publish_chunks(path, manifest.chunks(100)) is True
    assert path.read_bytes() == manifest.dumps()
    loaded, why = Manifest.load(tmp_path)
    assert why is None and loaded.outputs == manifest.outputs
    os.utime(path, (1_000_000, 1_000_000))
    assert publish_chunks(path, manifest.chunks(7)) is False, "same bytes: left alone"
    assert path.stat().st_mtime == 1_000_000
    manifest.outputs.pop(next(iter(manifest.outputs)))
    assert publish_chunks(path, manifest.chunks()) is True
    assert path.read_bytes() == manifest.dumps()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name], "no temporary file left"


def test_the_pool_draws_jobs_a_window_ahead_not_all_at_once(tmp_path: Path) -> None:
    """``run_jobs`` takes an iterator and a count: it never lists the archive's jobs."""
    drawn = 0

    def jobs() -> Iterator[Job]:
        nonlocal drawn
        for i in itertools.count():
            drawn += 1
            path = tmp_path / f"missing-{i}.txt"
            yield Job(path.name, path.name, ".txt", str(path), ("html",))

    total = 200
    results = run_jobs(itertools.islice(jobs(), total), WriteOptions(), 2, ("html",), total)
    first = next(results)
    assert first.errors, "the sources do not exist: each result is one error"
    assert drawn <= 1 + 4 * 2 + 1, drawn
    rest = list(results)
    assert len(rest) == total - 1 and drawn == total


_MANY_CLIENT = """
import sys
from pathlib import Path
from pressconv import executors
sources = sorted(Path(sys.argv[1]).glob("*.txt"))
for result in executors.convert_many(sources, ["pdf"], Path(sys.argv[2]), workers=2):
    print(result.rel, flush=True)
"""


def _session(sid: int) -> list[str]:
    """Live (not zombie) processes of session ``sid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == sid and fields[0] not in ("Z", "X"):
            found.append(entry)
    return found


def _wait(predicate: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table from /proc")
def test_convert_many_on_the_pool_leaves_no_process_when_killed(tmp_path: Path) -> None:
    """SIGKILL to a convert_many client: its pool's workers, fork server and resource tracker end too."""
    paragraph = "The council approved the new budget on Tuesday, after a long debate about schools. " * 20
    source = tmp_path / "source"
    source.mkdir()
    for n in range(6):
        text = "Budget approved\n\n" + "\n\n".join([paragraph] * 2000)
        (source / f"big{n}.txt").write_text(text, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-c", _MANY_CLIENT, str(source), str(tmp_path / "out")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        # main, resource tracker, fork server and a worker (six sources are one batch: one task)
        assert _wait(lambda: len(_session(child.pid)) >= 4 or child.poll() is not None, 240)
        if child.poll() is not None:  # pragma: no cover - six long PDFs done before the check
            pytest.skip("the client finished before it could be killed; nothing to clean up")
        child.kill()
        child.communicate(timeout=60)
        assert _wait(lambda: not _session(child.pid), 60), _session(child.pid)
    finally:
        for pid in _session(child.pid):
            with contextlib.suppress(OSError):
                os.kill(int(pid), signal.SIGKILL)


def test_a_source_makes_its_path_and_label_from_the_shared_folder(tmp_path: Path) -> None:
    """Sources keep no path or label of their own; what they give is what the folder walk found."""
    from pressconv import config as config_module
    from pressconv.build.plan import find_sources, make_plan

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "r"\n', encoding="utf-8")
    for rel in ("a.txt", "sub/b.txt", "sub/deeper/c.md"):
        path = tmp_path / "releases" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Council opens depot\n\nThe council opened a depot today.\n", encoding="utf-8")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        config = config_module.load().override(
            source=Path("releases"), dist=Path("dist"), formats=("html",), options=None
        )
        plan = make_plan(config)
    finally:
        os.chdir(here)
    found = find_sources(config)
    assert [(s.rel, s.path) for s in plan.sources] == found
    labels = ["releases/a.txt", "releases/sub/b.txt", "releases/sub/deeper/c.md"]
    assert [s.label for s in plan.sources] == labels
    assert len({id(s.folder) for s in plan.sources}) == 1
    assert not hasattr(plan.sources[0], "__dict__")
