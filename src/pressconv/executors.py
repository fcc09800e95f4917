"""The public names of ``pressconv.build.executors``: where a build's documents render (local, Dask).

The module moved into the build package, which it is a step of (``build.execute`` hands it the
work); ``pressconv.executors.convert_many`` and the specification parser stay importable here.
"""

from __future__ import annotations

from pressconv.build.executors import (
    INSTALL_HINT,
    LOCAL,
    ExecutorSpec,
    convert_many,
    parse,
    require_dask,
)

__all__ = ["INSTALL_HINT", "LOCAL", "ExecutorSpec", "convert_many", "parse", "require_dask"]
