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

    import distributed

    dd: Any = distributed  # untyped library
    cluster: Any = None
    try:
        if address is None:
            import dask.config

            # The workers' statistical profiler samples every thread's stack 100 times a second: CPU
            # taken from rendering, for a dashboard nobody watches.  Nannies pass the setting on.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = dd.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # no fixed port: other builds and clusters may run here
                    silence_logs=logging.CRITICAL,  # failures reach the user as one line per source
                )
            client: Any = dd.Client(cluster)
        else:
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
