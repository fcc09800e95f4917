"""The cyclic garbage collector's youngest generation collected less often while a text is parsed.

A parse allocates many small containers (tokens, spans, named tuples, the
model's dataclasses), nearly all freed again by reference counting.  With
CPython's default threshold of 700 the collector still runs a young
collection every 700 net allocations: about a dozen in a parse of a
hundred distinct releases, and the survivors they promote make the older
generations' passes (the full one walks every object the process holds)
come round sooner.  Those passes find nothing to free in a parse, whose
objects form no cycles that outlive it.

``fewer_young_collections`` raises the youngest generation's threshold to
``YOUNG_THRESHOLD`` for the duration of a ``with`` block and restores the
caller's setting after it, also when the block raises.  The collector stays
enabled: cyclic garbage is still collected, at most ``YOUNG_THRESHOLD``
allocations later, so a very large input still has its young objects
examined as it grows.  A threshold the caller set higher, or 0 (automatic
collection off), is left as it is.  Nested and concurrent parses share one
raise: the first to enter sets it, the last to leave restores it, and a
setting someone else made in between is not undone.
"""

from __future__ import annotations

import gc
import threading
from types import TracebackType
from typing import Final

#: Net container allocations between two young collections during a parse (CPython's default is 700).
YOUNG_THRESHOLD: Final = 20_000

_LOCK: Final = threading.Lock()


class _FewerYoungCollections:
    """The context manager behind ``fewer_young_collections`` (one shared instance, counted entries)."""

    def __init__(self) -> None:
        self._depth = 0
        self._saved: int | None = None  # the caller's young threshold while it is raised

    def __enter__(self) -> None:
        with _LOCK:
            self._depth += 1
            if self._depth == 1:
                young, *older = gc.get_threshold()
                if 0 < young < YOUNG_THRESHOLD:
                    self._saved = young
                    gc.set_threshold(YOUNG_THRESHOLD, *older)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with _LOCK:
            self._depth -= 1
            if self._depth == 0 and self._saved is not None:
                young, *older = gc.get_threshold()
                if young == YOUNG_THRESHOLD:  # not changed by anyone else since
                    gc.set_threshold(self._saved, *older)
                self._saved = None


_SHARED: Final = _FewerYoungCollections()


def fewer_young_collections() -> _FewerYoungCollections:
    """``with fewer_young_collections(): …`` runs its block with the young threshold raised (see above)."""
    return _SHARED
