"""A build's client holds nothing per source (issue #20): while a build runs, the plan and the manifest
are tables of a sqlite database on disk (``build/store.py``), read back a window of rows at a time.

These tests shrink the window (``store.WINDOW``) so that a few dozen sources cross many windows, and
check that nothing changes but memory: the same dist/ bytes, messages and manifest as with one window,
a manifest file read window by window that is the manifest read whole, and planning whose memory does
not grow with the number of sources.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from pressconv import build as build_module
from pressconv.build import MANIFEST, store
from pressconv.build.manifest import Entry, Manifest
from pressconv.build.report import Tally
from pressconv.cli import main
from pressconv.config import BuildConfig

TEXT = "Harbour board names new pilot\n\nThe harbour board named a new pilot for the {n} berth today.\n"


def _manifest(count: int) -> Manifest:
    outputs = {}
    for i in range(count):
        key = f"sub/r\u00e9lease-{i}\udcff.html" if i % 7 == 0 else f"release-{i:05d}.pdf"
        outputs[key] = Entry(f"s/{i}\udcfe.txt", "a" * 64, "html", "b" * 64, "0.1", "c" * 64, i)
    return Manifest(outputs)


def _load(folder: Path) -> tuple[dict[str, Entry], str | None]:
    """The manifest in ``folder`` read into a build's database, as a plain dict."""
    db = store.Store()
    try:
        loaded, why = Manifest.load(folder, db)
        return dict(loaded.outputs.items()), why
    finally:
        db.close()


@pytest.mark.parametrize("window", [1, 2, 7, 1000])
def test_the_manifest_read_in_windows_is_the_manifest_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    monkeypatch.setattr(store, "WINDOW", window)
    for count in (0, 1, 2, 7, 8, 23):
        manifest = _manifest(count)
        (tmp_path / MANIFEST).write_bytes(manifest.dumps())
        assert _load(tmp_path) == (manifest.outputs, None)
        assert Manifest.load(tmp_path) == (manifest, None)


def test_the_database_gives_the_manifest_back_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written from the table in key order (a BLOB per path sorts as Python sorts the str), in pieces."""
    monkeypatch.setattr(store, "WINDOW", 3)
    manifest = _manifest(40)
    (tmp_path / MANIFEST).write_bytes(manifest.dumps())
    db = store.Store()
    try:
        stored, why = Manifest.load(tmp_path, db)
        assert why is None and len(stored.outputs) == 40
        assert stored.dumps() == manifest.dumps()
        assert list(stored.outputs) == sorted(manifest.outputs)
        first = min(manifest.outputs)
        assert stored.outputs.pop(first) == manifest.outputs.pop(first)
        assert first not in stored.outputs and len(stored.outputs) == 39
        assert b"".join(stored.chunks(5)) == manifest.dumps()
    finally:
        db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        db.rows("SELECT 1")


def test_a_manifest_in_another_layout_is_read_whole_with_the_same_result(tmp_path: Path) -> None:
    manifest = _manifest(9)
    whole = json.loads(manifest.dumps())
    (tmp_path / MANIFEST).write_text(json.dumps(whole, indent=2), encoding="utf-8")
    assert _load(tmp_path) == (manifest.outputs, None)
    # A key given twice, in two windows: the later one counts, as in json.loads.
    text = manifest.dumps().decode().replace('"release-00008.pdf"', '"release-00001.pdf"')
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    expected = dict(manifest.outputs)
    expected["release-00001.pdf"] = expected.pop("release-00008.pdf")
    assert _load(tmp_path) == (expected, None)


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda text: text.replace("}\n },", "},\n },"), "not JSON"),  # a comma after the last output
        (lambda text: text.replace('"size": 5,', '"size": -5,'), "does not fit the schema"),
        (lambda text: text.replace('"release-00006.pdf"', '"../escape.pdf"'), "does not fit the schema"),
        (lambda text: text.replace('"pressconv_manifest": 1', '"pressconv_manifest": 2'), "does not fit"),
        (lambda text: text[: len(text) // 2], "not JSON"),
    ],
)
def test_a_manifest_that_fails_in_a_late_window_is_discarded_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: object, reason: str
) -> None:
    """What the windows already stored is dropped, and the reason is the one reading it whole gives."""
    monkeypatch.setattr(store, "WINDOW", 2)
    assert callable(edit)
    (tmp_path / MANIFEST).write_text(edit(_manifest(9).dumps().decode()), encoding="utf-8")
    outputs, why = _load(tmp_path)
    assert outputs == {} and why is not None and why.startswith(reason), why
    assert Manifest.load(tmp_path)[1] == why


def _repo(root: Path, count: int) -> BuildConfig:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "releases"\n', encoding="utf-8")
    for n in range(count):
        folder = root / "source" / ("press" if n % 3 == 0 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"release-{n:05d}.txt").write_text(TEXT.format(n=n), encoding="utf-8")
    return BuildConfig(root=root, source=root / "source", dist=root / "dist", formats=("html",))


def _odd_repo(root: Path) -> None:
    """Sources that make every kind of row: a clash, an unreadable source, a non-UTF-8 name, an orphan."""
    _repo(root, 12)
    source = root / "source"
    (source / "press" / "release-00003.md").write_text(
        "# Clash\n\nSame name, other suffix.\n", encoding="utf-8"
    )
    (source / "release-00004.html").write_text("<h1>Clash</h1><p>Again.</p>", encoding="utf-8")
    os.mkfifo(source / "release-00005b.txt")  # not a regular file: fails alone, its output stays claimed
    (source / os.fsdecode(b"caf\xe9.txt")).write_text(TEXT.format(n="latin"), encoding="utf-8")


def _build(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["build", "source", "-o", "dist", "--jobs", "1", *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, "\n".join(line for line in out.splitlines() if " in " not in line), err


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo for an unreadable source")
def test_windows_of_one_source_build_what_one_window_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Clashes found across a window's edge, unreadable sources, orphans, --check and a re-run: the same
    dist/ bytes and the same lines whether the database is read a row or a thousand rows at a time."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    runs = []
    for window in (1000, 1):
        monkeypatch.setattr(store, "WINDOW", window)
        root = tmp_path / f"w{window}"
        _odd_repo(root)
        monkeypatch.chdir(root)
        said = [_build(capsys, "-f", "html")]
        (root / "source" / "release-00001.txt").unlink()  # its output becomes an orphan
        (root / "source" / "release-00002.txt").write_text(TEXT.format(n="changed"), encoding="utf-8")
        said.append(_build(capsys, "--check"))
        said.append(_build(capsys, "-f", "html"))
        said.append(_build(capsys, "-f", "html"))
        runs.append((said, _tree(root / "dist")))
    (said, tree), (said_1, tree_1) = runs
    assert said == said_1
    assert tree == tree_1
    first, check, second, third = said
    assert first[0] == 1
    assert "press/release-00003.txt: its output press/release-00003.html also comes from" in first[2]
    assert "source/release-00004.txt: its output release-00004.html also comes from" in first[2]
    assert "release-00005b.txt: not a regular file" in first[2]
    assert check[0] == 2 and "dist/release-00001.html: orphaned" in check[1]
    assert "dist/release-00002.html: source changed" in check[1]
    assert "removed dist/release-00001.html" in second[1] and "wrote dist/release-00002.html" in second[1]
    assert "wrote" not in third[1] and "removed" not in third[1]
    recorded = tree[MANIFEST]
    assert recorded == Manifest.load(tmp_path / "w1" / "dist")[0].dumps()
    assert os.fsdecode(b"caf\xe9.html").encode("utf-8", "surrogateescape") in {
        name.encode("utf-8", "surrogateescape") for name in tree
    }
    assert sorted(tree) == sorted(
        [MANIFEST, os.fsdecode(b"caf\xe9.html")]
        + [f"release-{n:05d}.html" for n in range(12) if n % 3 and n != 1]
        + [f"press/release-{n:05d}.html" for n in range(12) if n % 3 == 0]
    )


def _planning_peak(config: BuildConfig) -> tuple[int, int]:
    """Peak traced memory while planning and while drawing every job, and the jobs drawn."""
    tracemalloc.start()
    try:
        with build_module.make_plan(config) as plan:
            count = sum(1 for _ in plan.iter_jobs())
            assert count == plan.job_count() == len(plan.stale) == len(plan.sources)
            _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, count


def test_planning_does_not_grow_with_the_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With windows of 40 sources, planning 1,200 sources peaks where planning 240 does: nothing is
    kept per source (the plan held about 0.8 KB a source in memory before it moved to the database)."""
    monkeypatch.setattr(store, "WINDOW", 40)
    small, large = _repo(tmp_path / "small", 240), _repo(tmp_path / "large", 1200)
    build_module.make_plan(small).close()  # imports and caches before measuring
    peaks = {}
    for name, config in (("small", small), ("large", large)):
        peak, count = _planning_peak(config)
        peaks[name] = peak
        assert count == (240 if name == "small" else 1200)
    assert peaks["large"] - peaks["small"] < 96_000, peaks


def test_an_outcome_counts_everything_and_keeps_what_it_is_asked_to() -> None:
    kept, counted = Tally(), Tally(keep=2)
    for path in ("a.html", "b.html", "c.html"):
        kept.append(path)
        counted.append(path)
    assert (len(kept), list(kept)) == (3, ["a.html", "b.html", "c.html"])
    assert (len(counted), list(counted)) == (3, ["a.html", "b.html"])
    assert not Tally(keep=0) and Tally(["x"], keep=0) and "x" not in Tally(["x"], keep=0)


def test_a_failing_database_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No room (or no writable folder) for the database's temporary file: exit 2 with one line."""
    _repo(tmp_path, 3)
    monkeypatch.chdir(tmp_path)

    def full(self: store.Store, *args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.Store, "windows", full)
    code, out, err = _build(capsys, "-f", "html")
    assert code == 2 and out == ""
    assert err.startswith("pressconv: error: the build's temporary database failed: database or disk is full")
    assert len(err.splitlines()) == 1 and not (tmp_path / "dist").exists()


def test_sweeping_a_killed_workers_temporaries_does_not_list_dist(tmp_path: Path) -> None:
    """After a Dask build, temporaries of its outputs are removed; dist/ (3,000 files in one folder here,
    a whole archive's outputs in a real one) is read entry by entry, never held as a listing."""
    from pressconv.build import executors

    config = _repo(tmp_path, 4)
    dist = tmp_path / "dist"
    dist.mkdir()
    for n in range(3000):
        (dist / f"old-{n:05d}.html").write_bytes(b"")
    ours = [dist / "press" / ".release-00000.html.4242-1.tmp", dist / ".release-00001.html.4242-7.tmp"]
    theirs = [dist / ".old-00001.html.4242-1.tmp", dist / "release-00002.html.tmp"]
    for path in ours + theirs:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"half")
    with build_module.make_plan(config) as plan:
        executors.sweep_temporaries(plan)  # imports and caches before measuring
        for path in ours:
            path.write_bytes(b"half")
        tracemalloc.start()
        try:
            removed = executors.sweep_temporaries(plan)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert sorted(removed) == sorted(ours)
    assert all(path.exists() for path in theirs) and not any(path.exists() for path in ours)
    assert peak < 100_000, f"sweeping allocated {peak} bytes at its peak"
