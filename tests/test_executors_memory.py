"""The build's client does not hold its archive twice: the manifest is saved in pieces, jobs are made as
they are drawn (issue #20)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

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
