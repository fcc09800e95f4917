"""A plan's tables read as Python values: outputs as a mapping, sources and orphans as sequences.

Views over the rows ``plan`` writes to the build's database (``store``), a window at a time, in
source order (then format order), answering ``in``, ``len`` and iteration as the lists and dicts of
an in-memory plan did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pressconv.build.store import Store, dec, enc

_T2 = TypeVar("_T2")
#: ``sources.state`` of a source that is planned (not unreadable, no clash).
PLANNED = 0


@dataclass(frozen=True, slots=True)
class Where:
    """What the views need of a plan: its database and how to make a source from a row."""

    store: Store
    source: Callable[[str, str], Any]
    """(relative path, sha256) -> the plan's ``Source``."""


class Outputs(Generic[_T2]):
    """Some of a plan's outputs (``where``), as a read-only mapping output -> value, in source order."""

    def __init__(self, at: Where, where: str, value: Callable[[tuple[Any, ...]], _T2]) -> None:
        self.store, self.where, self.value = at.store, where, value

    _COLUMNS = "out, rel, fmt, kind, reason, sha256"

    def _row(self, out: str) -> tuple[Any, ...] | None:
        sql = f"SELECT {self._COLUMNS} FROM outputs WHERE out = ? AND {self.where}"
        row: tuple[Any, ...] | None = self.store.one(sql, (enc(out),))
        return row

    def __contains__(self, out: object) -> bool:
        return isinstance(out, str) and self._row(out) is not None

    def __getitem__(self, out: str) -> _T2:
        row = self._row(out)
        if row is None:
            raise KeyError(out)
        return self.value(row)

    def get(self, out: str) -> _T2 | None:
        row = self._row(out)
        return None if row is None else self.value(row)

    def some(self, outs: Sequence[str]) -> dict[str, _T2]:
        """Output -> value for those of ``outs`` this view holds (a query per few hundred)."""
        keys = [enc(out) for out in outs]
        rows = self.store.among(f"{self._COLUMNS} FROM outputs", "out", keys, self.where)
        return {dec(row[0]): self.value(row) for row in rows}

    def _rows(self) -> Iterator[tuple[Any, ...]]:
        select = "rel, fmt, out, kind, reason, sha256 FROM outputs"
        for rel, fmt, out, kind, reason, digest in self.store.windows(select, self.where, ["rel", "fmt"]):
            yield out, rel, fmt, kind, reason, digest

    def __iter__(self) -> Iterator[str]:
        return (dec(row[0]) for row in self._rows())

    def items(self) -> Iterator[tuple[str, _T2]]:
        return ((dec(row[0]), self.value(row)) for row in self._rows())

    def __len__(self) -> int:
        return int(self.store.one(f"SELECT count(*) FROM outputs WHERE {self.where}")[0])

    def __bool__(self) -> bool:
        return self.store.one(f"SELECT 1 FROM outputs WHERE {self.where} LIMIT 1") is not None


class Sources:
    """A plan's sources (readable, no clash) in order, as ``Source`` values made when asked for."""

    def __init__(self, at: Where) -> None:
        self.store, self.source = at.store, at.source

    def __iter__(self) -> Iterator[Any]:
        for rel, digest in self.store.windows("rel, sha256 FROM sources", f"state = {PLANNED}", ["rel"]):
            yield self.source(dec(rel), digest)

    def __len__(self) -> int:
        return int(self.store.one(f"SELECT count(*) FROM sources WHERE state = {PLANNED}")[0])

    def __getitem__(self, index: int) -> Any:
        sql = f"SELECT rel, sha256 FROM sources WHERE state = {PLANNED} ORDER BY rel LIMIT 1 OFFSET ?"
        row = self.store.one(sql, (index if index >= 0 else len(self) + index,))
        if row is None or index < -len(self):
            raise IndexError(index)
        return self.source(dec(row[0]), row[1])


class Orphans:
    """Manifest outputs whose source is gone, in key order."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __iter__(self) -> Iterator[str]:
        return (dec(row[0]) for row in self.store.windows("out FROM orphans", "1", ["out"]))

    def __len__(self) -> int:
        return int(self.store.one("SELECT count(*) FROM orphans")[0])

    def __bool__(self) -> bool:
        return self.store.one("SELECT 1 FROM orphans LIMIT 1") is not None
