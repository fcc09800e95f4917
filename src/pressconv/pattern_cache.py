"""Compiled regular expressions kept between processes: ``(pattern, flags)`` -> the engine's program.

``re.compile`` parses a pattern and generates the regular-expression engine's program in pure
Python: 1–4 ms for each of the reader's large patterns (the speech verbs of every language, the
month names, the dateline), about 20 ms of every ``pressconv`` process that parses a release, for
a result that depends only on the pattern, its flags and the Python version.  ``compile`` keeps
that program in the user's cache folder (``$XDG_CACHE_HOME/pressconv/patterns.marshal``, by default
``~/.cache/pressconv``; ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows), in one
``marshal`` file keyed by the Python version and the engine's own version, and builds the pattern
from it, as ``re`` itself does after its compiling, in microseconds.

``pressconv.lazy_re`` patterns (module-level constants) come here, and, through
``compiling_through_cache``, those a third-party module compiles while it is imported (reportlab's,
see ``writers.pdf.preload``).  A program is kept only
when the pattern built from it equals ``re.compile``'s (``re.Pattern`` equality compares the
program), so a pattern from the cache is the pattern ``re.compile`` gives; anything missing,
unreadable or unexpected (a damaged file, a Python whose ``re`` internals differ) means a plain
``re.compile``.  New programs are written when the process ends (atomically: a temporary file,
then a rename).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import zlib
from collections.abc import Iterator
from typing import Any

from pressconv.compat import sre

#: Bumped when what the file holds changes shape.
FORMAT = 1
#: The file is started afresh past this many patterns (old releases' patterns pile up otherwise).
LIMIT = 2000

_Entry = sre.Entry

#: ``re.compile`` itself, also while ``compiling_through_cache`` stands in for it.
_re_compile = re.compile

_table: dict[tuple[str, int], _Entry] | None = None
_new: dict[tuple[str, int], _Entry] = {}


def _key() -> tuple[Any, ...]:
    return (FORMAT, *sre.engine_key())


def cache_file() -> str | None:
    """The cache file's path; None when the user has no home folder to put it in."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    try:
        if os.path.isabs(xdg):
            base = xdg
        elif sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA", "")
            home = os.path.expanduser("~")
            base = local if os.path.isabs(local) else os.path.join(home, "AppData", "Local")
        elif sys.platform == "darwin":
            base = os.path.join(os.path.expanduser("~"), "Library", "Caches")
        else:
            base = os.path.join(os.path.expanduser("~"), ".cache")
    except RuntimeError:
        return None
    if not os.path.isabs(base):  # expanduser found no home
        return None
    return os.path.join(base, "pressconv", "patterns.marshal")


def _read() -> dict[tuple[str, int], _Entry]:
    path = cache_file()
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            key, checksum, payload = marshal.loads(handle.read())
        if key != _key() or zlib.crc32(payload) != checksum:
            return {}
        table = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):  # absent, unreadable or damaged: compile again
        return {}
    return table if isinstance(table, dict) else {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - the name re.compile has
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    global _table
    flags = int(flags)
    if _table is None:
        _table = _read()
    entry = _table.get((pattern, flags))
    if entry is not None:
        try:
            return sre.build(pattern, entry)
        except Exception:
            pass
    compiled = _re_compile(pattern, flags)
    try:
        entry = sre.program(pattern, flags)
        kept = sre.build(pattern, entry) == compiled
    except Exception:
        kept = False
    if kept and entry is not None:
        if not _new:
            import atexit

            atexit.register(save)
        _new[pattern, flags] = entry
    return compiled


def save() -> None:
    """Add the programs compiled by this process to the cache file (at exit; a worker calls it itself)."""
    path = cache_file()
    if not _new or path is None:
        return
    table = _read()
    if len(table) + len(_new) > LIMIT:
        table = {}
    table.update(_new)
    _new.clear()
    payload = marshal.dumps(table)
    data = marshal.dumps((_key(), zlib.crc32(payload), payload))
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:  # a read-only or full disk: the next process compiles again
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _through_cache(pattern: Any, flags: int = 0) -> Any:
    if type(pattern) is not str or int(flags) & re.DEBUG:  # bytes, a compiled pattern, a debug dump
        return _re_compile(pattern, flags)
    return compile(pattern, flags)


@contextlib.contextmanager
def compiling_through_cache() -> Iterator[None]:
    """``re.compile`` of a ``str`` goes through ``compile`` while the block runs: for importing a library
    that compiles patterns at module level.  What any caller gets is still ``re.compile``'s pattern."""
    if re.compile is not _re_compile:  # already inside such a block
        yield
        return
    re.compile = _through_cache
    try:
        yield
    finally:
        re.compile = _re_compile
