"""`pressconv build --executor`: the executor seam, and builds on a real Dask LocalCluster (processes).

The cluster tests share one small cluster (two single-threaded worker processes) and reach it by
address, as a build on a remote cluster would; one test starts its own with plain ``--executor dask``.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pressconv import config
from pressconv.build import MANIFEST, Manifest, Reporter, execute, executors, make_plan
from pressconv.cli import main
from pressconv.errors import PressconvError

ROOT = Path(__file__).resolve().parent.parent
NO_DASK = "Dask is not installed: pip install 'pressconv[dask]'"


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_synth", ROOT / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_synth", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", autouse=True)
def _leave_the_import_system_as_found() -> Iterator[None]:
    """Importing distributed adds finders to sys.meta_path (tlz's loader, the importlib_metadata
    backport's), after which the writers' registry can no longer be sure it has only built-ins and
    caches that answer; later test modules check that it is sure, so both are put back.  The
    backport also deletes the standard PathFinder's ``find_distributions`` (to give itself primacy);
    with its finder gone and that method not restored, ``importlib.metadata`` finds no
    distribution at all, and ``pressconv --version`` fails in later test modules."""
    from importlib.machinery import PathFinder

    from pressconv import _plugins

    finders = list(sys.meta_path)
    find_distributions = PathFinder.__dict__.get("find_distributions")
    yield
    sys.meta_path[:] = finders
    if find_distributions is not None and "find_distributions" not in PathFinder.__dict__:
        PathFinder.find_distributions = find_distributions  # type: ignore[method-assign]
    _plugins._entry_point_texts.cache_clear()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with 24 synthetic releases under source/ (some in a subfolder)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "releases"\n', encoding="utf-8")
    synth = _synth()
    for i, text in enumerate(synth.releases(24, seed=20)):
        path = tmp_path / "source" / ("more" if i % 3 == 0 else "") / f"r{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def build(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["build", *args])
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- the specification, the seam, the missing extra (no cluster) ------------------------------------------


def test_executor_specifications() -> None:
    assert executors.parse("local") == executors.LOCAL
    assert executors.parse("dask") == executors.ExecutorSpec("dask")
    assert executors.parse("dask://sched:8786").address == "tcp://sched:8786"
    assert executors.parse("dask://tls://sched:8786").address == "tls://sched:8786"
    spec = executors.parse("dask?io=bytes&batch=8&window=3&checkpoint=5")
    assert (spec.address, spec.io, spec.batch, spec.window, spec.checkpoint) == (None, "bytes", 8, 3, 5.0)
    bad_specs = (
        "ray",
        "dask://",
        "dask?io=nfs",
        "dask?batch=x",
        "dask?window=0",
        "dask?colour=red",
        "local?io=x",
    )
    for bad in bad_specs:
        with pytest.raises(PressconvError):
            executors.parse(bad)


def test_batches_are_drawn_lazily() -> None:
    def endless() -> Iterator[executors.Task]:
        from pressconv.build import Job

        n = 0
        while True:
            n += 1
            yield executors.Task(Job(f"{n}.txt", f"{n}.txt", ".txt", b"", ("html",)))

    first = next(executors.batched(endless(), 5))
    assert [t.job.rel for t in first] == ["1.txt", "2.txt", "3.txt", "4.txt", "5.txt"]
    assert executors.batch_size(executors.LOCAL, 1_000_000, 2) == executors.MAX_BATCH
    assert executors.batch_size(executors.LOCAL, 10, 2) == 2


class CountingPool(ThreadPoolExecutor):
    """A thread pool that records the most tasks it ever held unfinished."""

    def __init__(self) -> None:
        super().__init__(max_workers=2)
        self.open = 0
        self.most = 0
        self.lock = threading.Lock()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            self.open += 1
            self.most = max(self.most, self.open)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _: object) -> None:
        with self.lock:
            self.open -= 1


def test_the_client_holds_a_window_of_batches_not_the_archive() -> None:
    from pressconv.build import Job
    from pressconv.options import WriteOptions

    drawn: list[int] = []

    def tasks() -> Iterator[executors.Task]:
        for n in range(200):
            drawn.append(n)
            text = f"Item {n} announced\n\nDetails of item {n} follow here.\n".encode()
            yield executors.Task(Job(f"{n}.txt", f"{n}.txt", ".txt", f"{n}.txt", ("html",), data=text))

    with CountingPool() as pool:
        results = executors.stream(pool, executors.batched(tasks(), 4), WriteOptions(), in_flight=3)
        first = next(results)
        # When the first result is back, at most three batches of four were drawn from the source.
        assert len(drawn) == 3 * 4
        rest = list(results)
    assert pool.most <= 3
    assert sorted(int(r.rel[:-4]) for r in [first, *rest]) == list(range(200))
    assert all(not r.errors and r.outputs[0][0] == "html" for r in [first, *rest])


def test_any_concurrent_futures_executor_gives_the_local_bytes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build(capsys, "-o", "local", "--jobs", "1", "-f", "html", "-f", "epub")[0] == 0
    cfg = config.load().override(dist=repo / "threads", formats=("html", "epub"))
    plan = make_plan(cfg)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outcome = execute(plan, jobs=2, force=False, reporter=Reporter(lines=False), executor=pool)
    assert not outcome.failed and len(outcome.written) == 48
    assert files(repo / "threads") == files(repo / "local")


def test_without_dask_the_error_says_how_to_install_it(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    code, _, err = build(capsys, "--executor", "dask")
    assert code == 2
    assert err == "pressconv: error: --executor dask needs Dask: pip install 'pressconv[dask]'\n"
    assert not (repo / "dist").exists()


def test_executor_in_the_configuration(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pyproject = repo / "pyproject.toml"
    pyproject.write_text('[tool.pressconv]\nexecutor = "dask://sched:8786"\n', encoding="utf-8")
    assert config.load().executor == "dask://sched:8786"
    pyproject.write_text('[tool.pressconv]\nexecutor = "spark"\n', encoding="utf-8")
    code, _, err = build(capsys, "-f", "html")
    assert (
        err
        == "pressconv: error: [tool.pressconv] executor = spark: expected local, dask or dask://HOST:PORT\n"
    )
    assert code == 2
    # The command line wins over the configuration.
    assert build(capsys, "-f", "html", "--executor", "local")[0] == 0
    pyproject.write_text("[tool.pressconv]\nexecutor = 3\n", encoding="utf-8")
    code, _, err = build(capsys, "-f", "html")
    assert code == 2 and "executor must be a string" in err


# --- on a real LocalCluster ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, restarted by their nannies when killed."""
    distributed = pytest.importorskip("distributed", reason=NO_DASK)
    import logging

    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # no fixed port: other builds and clusters may run here
            silence_logs=logging.CRITICAL,
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


@pytest.fixture
def dask_client(cluster: Any) -> Any:
    cluster.wait_for_workers(2, timeout=60)
    return cluster


def test_dask_build_writes_the_local_bytes(
    repo: Path, capsys: pytest.CaptureFixture[str], dask_client: Any
) -> None:
    formats = ["-f", "html", "-f", "pdf", "-f", "docx", "-f", "epub"]
    assert build(capsys, "-o", "local", "--jobs", "2", *formats)[0] == 0
    address = dask_client.scheduler.address
    for dist, spec in (("shared", f"dask://{address}"), ("bytes", f"dask://{address}?io=bytes&batch=5")):
        code, out, err = build(capsys, "-o", dist, "--executor", spec, *formats)
        assert (code, err) == (0, "")
        assert out.splitlines()[-1].startswith("96 written, 0 unchanged, 0 removed, 0 failed")
        assert files(repo / dist) == files(repo / "local"), spec
        # Up to date: nothing is sent to the cluster, nothing rewritten.
        code, out, _ = build(capsys, "-o", dist, "--executor", spec, *formats)
        assert (code, out.splitlines()[-1][:40]) == (0, "0 written, 96 unchanged, 0 removed, 0 fa")


def test_a_failing_source_is_reported_and_the_rest_are_built(
    repo: Path, capsys: pytest.CaptureFixture[str], dask_client: Any
) -> None:
    (repo / "source/empty.txt").write_text("  \n\n", encoding="utf-8")
    (repo / "source/binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    # A file pressconv did not write stands where a worker would write: it is left alone.
    (repo / "dist").mkdir()
    (repo / "dist/r01.html").write_bytes(b"<p>mine</p>")
    spec = f"dask://{dask_client.scheduler.address}?batch=4"
    code, out, err = build(capsys, "-f", "html", "--executor", spec)
    assert code == 1
    errors = sorted(err.splitlines())
    assert len(errors) == 3, err
    assert errors[0].startswith("pressconv: error: dist/r01.html: exists and was not written by pressconv")
    assert errors[1].startswith("pressconv: error: source/binary.txt: ")
    assert errors[2].startswith("pressconv: error: source/empty.txt: ")
    assert "Traceback" not in err
    assert out.splitlines()[-1].startswith("23 written, 0 unchanged, 0 removed, 3 failed")
    assert (repo / "dist/r01.html").read_bytes() == b"<p>mine</p>"
    recorded = Manifest.load(repo / "dist")[0].outputs
    assert len(recorded) == 23 and not {"empty.html", "binary.html", "r01.html"} & set(recorded)
    names = [p.name for p in (repo / "dist").rglob("*")]
    assert "empty.html" not in names and not [n for n in names if n.endswith(".tmp")]
    code, out, _ = build(capsys, "-f", "html", "--executor", spec)
    assert code == 1 and out.startswith("0 written, 23 unchanged, 0 removed, 3 failed")


def _worker_pids(client: Any) -> dict[str, int]:
    return dict(client.run(os.getpid))


def test_a_worker_killed_mid_run(repo: Path, capsys: pytest.CaptureFixture[str], dask_client: Any) -> None:
    """The nanny restarts the worker; Dask retries its task, or the build reports the sources it lost
    and the next build renders exactly those.  Either way no partial file is left."""
    formats = ["-f", "html", "-f", "pdf"]
    assert build(capsys, "-o", "local", "--jobs", "2", *formats)[0] == 0
    before = _worker_pids(dask_client)
    victim = sorted(before.values())[0]
    running = threading.Event()
    killed: list[bool] = []

    def kill_when_the_first_output_lands() -> None:
        deadline = time.monotonic() + 120
        while running.is_set() and time.monotonic() < deadline:
            if any((repo / "dist").glob("*.pdf")):
                os.kill(victim, signal.SIGKILL)
                killed.append(running.is_set())
                return
            time.sleep(0.005)

    running.set()
    killer = threading.Thread(target=kill_when_the_first_output_lands)
    killer.start()
    code, out, err = build(capsys, *formats, "--executor", f"dask://{dask_client.scheduler.address}?batch=2")
    running.clear()
    killer.join()
    assert killed == [True], "the worker was not killed while the build ran"
    assert "Traceback" not in err
    leftovers = [p.name for p in (repo / "dist").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    local = files(repo / "local")
    # No partial file: whatever is in dist/ now is a whole output.
    for rel, data in files(repo / "dist").items():
        assert rel == MANIFEST or data == local[rel], rel
    lost = err.splitlines()
    assert code == (2 if lost else 0)
    assert all("lost with its worker" in line for line in lost), err
    # Each lost source fails in both formats; everything else is in place (written, or found already
    # written by the killed worker when Dask ran its task again).
    written, unchanged, removed, failed = (int(part.split()[0]) for part in out.splitlines()[-1].split(", "))
    assert (written + unchanged, removed, failed) == (48 - 2 * len(lost), 0, 2 * len(lost))
    code, _, err = build(capsys, *formats, "--executor", f"dask://{dask_client.scheduler.address}")
    assert (code, err) == (0, "")
    assert files(repo / "dist") == local
    dask_client.wait_for_workers(2, timeout=60)
    assert victim not in _worker_pids(dask_client).values()


def test_a_killed_build_is_resumed_from_its_checkpoint(
    repo: Path, capsys: pytest.CaptureFixture[str], dask_client: Any
) -> None:
    """``kill -9`` of the client: the manifest saved during the run names what is done; the next build
    renders only the rest."""
    spec = f"dask://{dask_client.scheduler.address}?batch=1&window=1&checkpoint=0.05"
    manifest = repo / "dist" / MANIFEST
    command = [sys.executable, "-m", "pressconv.cli", "build", "-f", "html", "-f", "pdf", "--executor", spec]
    child = subprocess.Popen(command, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if manifest.exists() and Manifest.load(repo / "dist")[0].outputs:
                break
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()
    assert child.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    done = set(Manifest.load(repo / "dist")[0].outputs)
    assert 0 < len(done) < 48
    plan = make_plan(config.load().override(formats=("html", "pdf")))
    assert set(plan.stale) == set(plan.expected) - done
    code, _, err = build(capsys, "-f", "html", "-f", "pdf", "--executor", spec)
    assert (code, err) == (0, "")
    assert len(Manifest.load(repo / "dist")[0].outputs) == 48
    assert build(capsys, "-o", "local", "-f", "html", "-f", "pdf", "--jobs", "2")[0] == 0
    built = {k: v for k, v in files(repo / "dist").items() if k != MANIFEST}
    assert built == {k: v for k, v in files(repo / "local").items() if k != MANIFEST}


def test_plain_dask_starts_its_own_cluster_for_the_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed", reason=NO_DASK)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "pyproject.toml").write_text('[tool.pressconv]\nexecutor = "dask"\n', encoding="utf-8")
    (tmp_path / "source").mkdir()
    for path in (ROOT / "source").iterdir():
        (tmp_path / "source" / path.name).write_bytes(path.read_bytes())
    code, _, err = build(capsys, "--jobs", "2")
    assert (code, err) == (0, "")
    assert build(capsys, "-o", "local", "--jobs", "2", "--executor", "local")[0] == 0
    assert files(tmp_path / "dist") == files(tmp_path / "local")


def test_convert_many_streams_sources_into_a_folder(
    repo: Path, capsys: pytest.CaptureFixture[str], dask_client: Any
) -> None:
    """The batch entry point without a manifest: same bytes as the build, on the pool and on Dask."""
    assert build(capsys, "-f", "html", "-f", "pdf", "--jobs", "2")[0] == 0
    expected = {k: v for k, v in files(repo / "dist").items() if k != MANIFEST}
    address = dask_client.scheduler.address
    choices: list[executors.ExecutorSpec | None] = [
        None,
        executors.parse(f"dask://{address}?batch=3"),
        executors.parse(f"dask://{address}?io=bytes&batch=5"),
    ]
    for n, executor in enumerate(choices):
        out = repo / f"many-{n}"
        sources = (p for p in sorted((repo / "source").rglob("*.txt")))
        results = list(executors.convert_many(sources, ("html", "pdf"), out, root=repo, executor=executor))
        assert sorted(r.rel for r in results) == sorted(
            f"source/{k[:-5]}.txt" for k in expected if k.endswith(".html")
        )
        assert all(not r.errors and len(r.published) == 2 for r in results)
        assert files(out / "source") == expected, executor


def test_the_cluster_a_build_starts_keeps_short_logs_on_every_process() -> None:
    """The LocalCluster's scheduler runs in the client process: its logs are cut short so the client
    does not grow with the archive, and the workers get the same settings through their nannies."""
    pytest.importorskip("distributed", reason=NO_DASK)
    import dask.config

    from pressconv.build.cluster import LOCAL_CLUSTER_CONFIG, dask_executor

    short = LOCAL_CLUSTER_CONFIG["distributed.admin.low-level-log-length"]
    with dask_executor(None, 1, ("html",)) as (pool, slots):
        assert slots == 1
        on_worker = {key: pool.submit(dask.config.get, key).result() for key in LOCAL_CLUSTER_CONFIG}
        client: Any = pool._client  # type: ignore[attr-defined]
        scheduler = client.cluster.scheduler
        assert scheduler.transition_log.maxlen == short
        # Each stream keeps its last messages: the client's to the scheduler holds pickled batches,
        # the scheduler's to each worker the tasks it sent, its stream back to the client results.
        assert client.scheduler_comm.recent_message_log.maxlen == short
        streams = [*scheduler.client_comms.values(), *scheduler.stream_comms.values()]
        assert streams and {stream.recent_message_log.maxlen for stream in streams} == {short}
    assert on_worker == LOCAL_CLUSTER_CONFIG
    assert dask.config.get("distributed.admin.low-level-log-length") != short, "the client's own is as found"
