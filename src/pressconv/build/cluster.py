"""Opening a Dask client for a build: a LocalCluster started for it, or a running cluster's scheduler.

Split from ``executors`` (which streams batches over whatever executor this returns) so that the
cluster's set-up, the only code that touches ``distributed``'s client and cluster API, stands alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor
from typing import Any

from pressconv.errors import PressconvError

INSTALL_HINT = "--executor dask needs Dask: pip install 'pressconv[dask]'"

#: Dask settings for the LocalCluster a build starts (nannies pass them on to the workers).
LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    # The statistical profiler samples every thread's stack 100 times a second: CPU taken from
    # rendering, for a dashboard nobody watches.
    "distributed.worker.profile.enabled": False,
    # The scheduler of a LocalCluster runs inside the client process and keeps, per topic, its last
    # N events (three a task) and its last N transitions; the workers keep such logs too.  Dask's
    # default, 1,000 (10,000 for the admin logs), lets the client grow with the archive for the first
    # few thousand tasks; a short tail is all a failed build's message needs.
    "distributed.admin.low-level-log-length": 64,
    "distributed.admin.log-length": 64,
    # Every process of the cluster (scheduler, nannies, workers) wakes up to check its event loop's
    # health every 20 ms, samples its own CPU and memory every 0.5 s, and each nanny polls its
    # worker's memory every 0.1 s; the scheduler looks for tasks to steal every second.  Fixed
    # costs per process that weigh on a small machine when a document costs a few milliseconds.
    # Batches are alike and at most a window of them is queued, so stealing has nothing to balance.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}

#: Dask settings for the client itself, whichever cluster it reaches.  Its batched stream to the
#: scheduler keeps the last ``low-level-log-length`` messages it sent, and every submission is one
#: (a pickled batch of tasks, a few kB): with Dask's default, 1,000, the client grows by several MB
#: over the first thousand tasks of an archive.  The scheduler's stream back to the client is made
#: while the client connects, so it takes the same setting.
CLIENT_CONFIG: dict[str, object] = {
    "distributed.admin.low-level-log-length": LOCAL_CLUSTER_CONFIG["distributed.admin.low-level-log-length"],
}


def require_dask() -> None:
    """Fail with one line saying how to install Dask when ``dask.distributed`` cannot be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise PressconvError(INSTALL_HINT) from None


@contextlib.contextmanager
def dask_executor(
    address: str | None, workers: int, formats: Sequence[str]
) -> Iterator[tuple[Executor, int]]:
    """A ``concurrent.futures`` view of a Dask client, and the number of worker threads behind it.

    Without an address a LocalCluster of ``workers`` single-threaded worker processes is started
    (restarted by their nannies when they die) and stopped afterwards.
    """
    require_dask()
    import logging

    import dask.config
    import distributed

    dd: Any = distributed  # untyped library
    cluster: Any = None
    try:
        if address is None:
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                cluster = dd.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # no fixed port: other builds and clusters may run here
                    silence_logs=logging.CRITICAL,  # failures reach the user as one line per source
                )
                client: Any = dd.Client(cluster)
        else:
            with dask.config.set(CLIENT_CONFIG):
                client = dd.Client(address, timeout="20s")
    except OSError as err:
        if cluster is not None:
            cluster.close()
        raise PressconvError(f"cannot reach the Dask scheduler: {err}", address) from None
    try:
        _preload(client, formats)
        slots = sum(info.get("nthreads", 1) for info in client.scheduler_info()["workers"].values())
        yield client.get_executor(pure=False), max(1, slots)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _preload(client: Any, formats: Sequence[str]) -> None:
    """Import the writers on every worker once, as the process pool's fork server does."""
    from pressconv import writers

    modules = ["pressconv.build.executors", *(writers.spec(fmt).module for fmt in formats)]
    client.run(_import_all, modules)


def _import_all(modules: list[str]) -> None:
    import importlib

    for name in modules:
        importlib.import_module(name)
