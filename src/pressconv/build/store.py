"""The build's scratch database: the manifest and the plan kept on disk while a build runs (issue #20).

A build of a large archive must not hold one record per source in memory: the
manifest (every output pressconv wrote) and the plan (every source, every output
it should have, which are stale) live in tables of one sqlite database while the
build runs, and are read back in windows of ``WINDOW`` rows.  The database is a
private temporary file (sqlite's empty file name): sqlite removes it itself when
the connection closes or the process dies, so nothing is left in dist/ or
elsewhere; the committed manifest stays the JSON file it was, written from here
in key order.  sqlite keeps at most ``CACHE_KB`` of its pages in memory.

Paths and other text from files (a manifest is data from anyone with commit
access) are stored as BLOBs: UTF-8 with surrogates passed through, since a file
name that is not UTF-8 is a surrogate-escaped ``str``.  Compared byte by byte,
those BLOBs sort as Python sorts the strings (by code point), so ``ORDER BY``
gives the order ``sorted`` gave.
"""

from __future__ import annotations

import contextlib
import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from typing import Any

from pressconv.errors import PressconvError

#: Rows read back at a time.
WINDOW = 1000
#: Values per ``IN (…)`` (sqlite allows 32,766 parameters a statement; builds before 3.32, 999).
_IN = 500
#: sqlite's page cache for the build's database (KiB).
CACHE_KB = 4096


def enc(text: str) -> bytes:
    """``text`` as stored: UTF-8, surrogates passed through."""
    return text.encode("utf-8", "surrogatepass")


def dec(data: bytes) -> str:
    """A stored BLOB back to the ``str`` it was."""
    return data.decode("utf-8", "surrogatepass")


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """A fault of the database (no room, or no folder it may write its temporary file in) as one line,
    not a traceback; also a decorator (``make_plan``, ``execute`` and ``check`` wear it)."""
    try:
        yield
    except sqlite3.Error as err:
        raise PressconvError(
            f"the build's temporary database failed: {err} (it is a file in TMPDIR, else /var/tmp or /tmp:"
            " set TMPDIR to a folder with room)"
        ) from None


class Store:
    """One build's database; closed (and removed by sqlite) by ``close`` or when it is collected."""

    def __init__(self) -> None:
        # isolation_level=None: no implicit transactions; bulk writes say ``with store.bulk()``.
        self.db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self._closer = weakref.finalize(self, self.db.close)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{CACHE_KB}"):
            self.db.execute(f"PRAGMA {pragma}")

    def close(self) -> None:
        """Close the connection; sqlite deletes the file."""
        self._closer()

    def bulk(self) -> Transaction:
        """A transaction around many writes (one commit instead of one per statement)."""
        return Transaction(self.db)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.db.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of ``sql``, or None."""
        return self.db.execute(sql, params).fetchone()

    def among(self, select: str, column: str, values: Sequence[Any], where: str = "") -> Iterator[Any]:
        """The rows of ``SELECT select WHERE [where AND] column IN values``, a query per ``_IN`` values."""
        also = f"({where}) AND " if where else ""
        for start in range(0, len(values), _IN):
            part = values[start : start + _IN]
            marks = ", ".join("?" * len(part))
            yield from self.rows(f"SELECT {select} WHERE {also}{column} IN ({marks})", part)

    def windows(
        self, select: str, where: str, keys: Sequence[str], params: Sequence[Any] = ()
    ) -> Iterator[Any]:
        """The rows of ``SELECT select … WHERE where ORDER BY keys``, fetched ``WINDOW`` at a time.

        Each window starts after the last row of the one before (``keys`` are the leading columns of
        ``select`` and identify a row), so no cursor stays open between windows and the tables may be
        written meanwhile.
        """
        order = ", ".join(keys)
        first = f"SELECT {select} WHERE {where} ORDER BY {order} LIMIT {WINDOW}"
        after = f"SELECT {select} WHERE ({where}) AND ({order}) > ({', '.join('?' * len(keys))}) "
        after += f"ORDER BY {order} LIMIT {WINDOW}"
        rows = self.rows(first, params)
        while rows:
            yield from rows
            if len(rows) < WINDOW:
                return
            rows = self.rows(after, (*params, *rows[-1][: len(keys)]))


class Transaction:
    """``BEGIN`` … ``COMMIT`` (``ROLLBACK`` on an exception); nested uses join the outer one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> None:
        self.outer = not self.db.in_transaction
        if self.outer:
            self.db.execute("BEGIN")

    def __exit__(self, kind: object, value: object, trace: object) -> None:
        if self.outer:
            self.db.execute("COMMIT" if kind is None else "ROLLBACK")
