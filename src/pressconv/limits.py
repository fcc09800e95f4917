"""Limits on what pressconv will read: one frozen record with defaults, and the checked readers that apply it.

A press release is a few kilobytes.  Every file pressconv opens (a source, a
cover image, a reference document) is read through ``read_file``: only a
regular file, never a FIFO or a device, and never more than ``input_bytes``.
Every zip member it inflates (a DOCX source, a reference document) goes through
``check_zip``, which inflates each member once with a running count, so a
header that lies about the size does not help a decompression bomb.  Front
matter (YAML), HTML and XML are nested at most so deep.  A limit exceeded is a
``LimitError``: one line naming the file and the limit, exit status 2.

Each field of ``Limits`` is also a read option (``pressconv.options`` declares
them from the fields): ``convert(..., input_bytes=...)``, ``--input-bytes`` and
``[tool.pressconv]`` change a limit per conversion, and the readers take the
checked values from ``ReadOptions.limits``.  Files a writer reads (an EPUB
cover, a DOCX reference document) keep ``DEFAULT_LIMITS``.
"""

from __future__ import annotations

import os
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from pressconv.errors import PressconvError

if TYPE_CHECKING:
    import zipfile  # imported where a zip is checked: the command line does not pay for it

MB = 1024 * 1024


def _limit(default: int, text: str, minimum: int = 1) -> Any:
    """A ``Limits`` field: its default, its one line of help and the least value that makes sense.

    ``pressconv.options`` declares one read option per field from these, so a limit is declared here
    once: its keyword, ``[tool.pressconv]`` key, CLI flag and README row all come from the field.
    """
    return field(default=default, metadata={"help": text, "minimum": minimum})


@dataclass(frozen=True, slots=True)
class Limits:
    """How much pressconv reads before it refuses an input as hostile or broken."""

    input_bytes: int = _limit(64 * MB, "Largest source file read, in bytes.")
    zip_member_bytes: int = _limit(64 * MB, "Largest inflated size of one member of a DOCX source, in bytes.")
    zip_total_bytes: int = _limit(128 * MB, "Largest inflated size of a whole DOCX source, in bytes.")
    zip_ratio: int = _limit(
        100, "Largest inflated-to-compressed ratio of a DOCX member, once past `zip_ratio_grace`."
    )
    zip_ratio_grace: int = _limit(
        16 * MB, "Inflated bytes a DOCX member may reach before its ratio counts.", minimum=0
    )
    yaml_depth: int = _limit(32, "Deepest nesting of lists and mappings in front matter.")
    yaml_aliases: int = _limit(
        0, "YAML aliases (`*name`) allowed in front matter (none: no alias bomb expands).", minimum=0
    )
    html_depth: int = _limit(512, "Deepest element nesting in an HTML source.")
    xml_depth: int = _limit(256, "Deepest element nesting in a DOCX source's parts (at most 256).")


DEFAULT_LIMITS = Limits()


class LimitError(PressconvError):
    """An input exceeds one of the ``Limits``."""


def _size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB and n % MB == 0 else f"{n:,} bytes"


def read_file(
    path: Path,
    what: str = "",
    limits: Limits = DEFAULT_LIMITS,
    error: type[PressconvError] = PressconvError,
) -> bytes:
    """The bytes of the regular file ``path``; a FIFO, device, folder or oversized file is one clear error.

    ``what`` names the file in messages ("the cover image"); errors carry ``path`` and are of type
    ``error`` (a writer's option file gives a ``WriterError``), or ``LimitError`` for a limit passed.
    """
    name = str(path)
    prefix = f"{what}: " if what else ""
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; fstat then tells what was opened.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{prefix}no such file", name) from None
    except IsADirectoryError:
        raise error(f"{prefix}is a folder, not a file", name) from None
    except OSError as err:
        raise error(f"{prefix}cannot read: {err.strerror or err}", name) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise error(f"{prefix}is a folder, not a file", name)
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "not a regular file"
        )
        raise error(f"{prefix}{kind}, not a regular file: pressconv reads only files", name)
    os.set_blocking(fd, True)
    with open(fd, "rb") as handle:  # (builtin open takes the descriptor, and closes it)
        return read_stream(handle, name, what, limits, error)


def read_stream(
    stream: BinaryIO,
    name: str | None,
    what: str = "",
    limits: Limits = DEFAULT_LIMITS,
    error: type[PressconvError] = PressconvError,
) -> bytes:
    """The bytes of an open stream (a file, or standard input as ``-``), at most the input limit."""
    prefix = f"{what}: " if what else ""
    try:
        data = stream.read(limits.input_bytes + 1)
    except OSError as err:
        raise error(f"{prefix}cannot read: {err.strerror or err}", name) from None
    if len(data) > limits.input_bytes:
        raise LimitError(
            f"{prefix}larger than the input limit of {_size(limits.input_bytes)} (input_bytes)", name
        )
    return data


def check_zip(
    archive: zipfile.ZipFile, path: str | None, what: str = "", limits: Limits = DEFAULT_LIMITS
) -> None:
    """Inflate every member once with a running count; raise ``LimitError`` at the first limit passed.

    The sizes in the zip directory are not trusted: the count is of the bytes actually inflated.
    """
    import zipfile

    prefix = f"{what}: " if what else ""
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        inflated = 0
        compressed = max(info.compress_size, 1)
        try:
            with archive.open(info) as member:
                while chunk := member.read(1 << 16):
                    inflated += len(chunk)
                    total += len(chunk)
                    if inflated > limits.zip_member_bytes:
                        raise LimitError(
                            f"{prefix}zip member {info.filename} inflates past the limit of "
                            f"{_size(limits.zip_member_bytes)} per member (zip_member_bytes)",
                            path,
                        )
                    if total > limits.zip_total_bytes:
                        raise LimitError(
                            f"{prefix}zip archive inflates past the limit of "
                            f"{_size(limits.zip_total_bytes)} (zip_total_bytes)",
                            path,
                        )
                    if inflated > limits.zip_ratio_grace and inflated > limits.zip_ratio * compressed:
                        raise LimitError(
                            f"{prefix}zip member {info.filename} inflates more than {limits.zip_ratio} "
                            "times its compressed size (zip_ratio): a decompression bomb",
                            path,
                        )
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, zlib.error) as err:
            # a truncated or corrupt member, an encrypted one, an unknown compression method
            detail = " ".join(str(err).split())[:120] or type(err).__name__
            raise PressconvError(f"{prefix}broken zip member {info.filename}: {detail}", path) from None
