"""Bytes -> file: the one place that writes outputs, atomically and only when changed.

A temporary file in the target folder is written, flushed and renamed over
the target, so a reader never sees half a file and a failure leaves the old
output intact.  Identical bytes are not rewritten, which keeps the
pre-commit hook idempotent and timestamps still.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from pressconv.errors import PressconvError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import BinaryIO


def _create_temporary(parent: Path, name: str) -> tuple[int, str]:
    """Create an empty file of our own beside ``name`` in ``parent``, as ``tempfile.mkstemp`` does.

    tempfile costs 4 ms of start-up (it imports random, shutil, bz2 and lzma), a tenth of what
    ``pressconv to-html`` spends on imports; a unique name only has to differ from other writers'
    ones, which the process id and a counter under O_EXCL guarantee.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    pid = os.getpid()
    for attempt in range(10_000):
        tmp = os.path.join(parent, f".{name}.{pid}-{attempt}.tmp")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", os.path.join(parent, name))


_TEMPORARY = re.compile(r"\..+\.([0-9]+)-[0-9]+\.tmp")
"""The names ``_create_temporary`` gives; group 1 is the writer's process id."""


def stale_temporaries(folder: Path) -> list[str]:
    """Temporary files under ``folder`` (relative POSIX paths, sorted) whose writing process is gone.

    A write killed by SIGKILL (or a power cut) cannot remove its temporary file; the next build does.
    A file whose process still runs is some other conversion's, in progress, and is left alone.
    """
    top = os.fspath(folder)
    found: list[str] = []
    for parent, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            match = _TEMPORARY.fullmatch(name) if name.startswith(".") and name.endswith(".tmp") else None
            if match is None or _running(int(match.group(1))):
                continue
            rel = os.path.relpath(os.path.join(parent, name), top)
            found.append(rel.replace(os.sep, "/"))
    return sorted(found)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process (or a name we cannot judge): not ours to remove
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish(path: Path, data: bytes, *, force: bool = False) -> bool:
    """Write ``data`` to ``path`` atomically; False (nothing written) when the file already holds it.

    ``force`` writes even then (``build --force`` rewrites every output).
    """
    try:
        if not force and path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass

    def fill(handle: BinaryIO) -> bool:
        handle.write(data)
        return True

    return _place(path, fill)


def publish_chunks(path: Path, chunks: Iterable[bytes]) -> bool:
    """``publish`` for bytes made piece by piece (a large manifest), never all held at once.

    The pieces go to the temporary file as they come.  When the file already holds the same bytes
    (same size and SHA-256) the temporary file is dropped, the file is left alone and the answer is
    False, as ``publish`` does.
    """

    import hashlib  # only the build's manifest comes this way; to-FORMAT never loads it

    def fill(handle: BinaryIO) -> bool:
        digest = hashlib.sha256()
        size = 0
        for chunk in chunks:
            handle.write(chunk)
            digest.update(chunk)
            size += len(chunk)
        try:
            if not path.is_file() or path.stat().st_size != size:
                return True
            with path.open("rb") as old:
                return hashlib.file_digest(old, "sha256").digest() != digest.digest()
        except OSError:
            return True

    return _place(path, fill)


def _place(path: Path, fill: Callable[[BinaryIO], bool]) -> bool:
    """A temporary file beside ``path`` filled by ``fill`` and renamed over ``path``; when ``fill``
    answers False the temporary file is removed instead and the answer is False."""
    parent = path.parent
    if not parent.is_dir():
        fault = "is a file, not a folder" if parent.exists() else "output folder does not exist"
        raise PressconvError(fault, str(parent))
    try:
        fd, tmp = _create_temporary(parent, path.name)
    except OSError as err:
        raise PressconvError(f"cannot write output: {err.strerror}", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            keep = fill(handle)
        if not keep:
            os.unlink(tmp)
            return False
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise PressconvError(f"cannot write output: {err.strerror}", str(path)) from None
        raise
    return True


def remove(path: Path) -> bool:
    """Remove an output pressconv wrote; False when it was already gone."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as err:
        raise PressconvError(f"cannot remove output: {err.strerror}", str(path)) from None
    return True
