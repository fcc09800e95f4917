"""Deterministic zip packing for DOCX and EPUB: named entries -> archive bytes.

python-docx and ebooklib stamp every entry with the current time; this
writes (or rewrites) an archive with fixed entry times, a stable entry order
and fixed permissions, so the same document always gives the same bytes.
The archive is written here rather than through ``zipfile`` so that parts
which never change between documents (a template's 400 kB styles part) are
compressed once per process: callers name them in ``memo``.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

#: The earliest time a zip entry can hold; used for every entry.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_DOS_TIME = (ZIP_EPOCH[3] << 11) | (ZIP_EPOCH[4] << 5) | (ZIP_EPOCH[5] // 2)
_DOS_DATE = ((ZIP_EPOCH[0] - 1980) << 9) | (ZIP_EPOCH[1] << 5) | ZIP_EPOCH[2]
_VERSION = 20  # 2.0: deflate, no zip64
_MADE_BY = (3 << 8) | _VERSION  # Unix, so the permissions below are read
_PERMISSIONS = 0o100644 << 16
_UTF8_NAME = 0x0800
_LEVEL = 6


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@lru_cache(maxsize=64)
def _deflate_memo(data: bytes) -> tuple[int, bytes]:
    return zlib.crc32(data), _deflate(data)


def pack(
    entries: Iterable[tuple[str, bytes]], *, stored: Sequence[str] = (), memo: Collection[str] = ()
) -> bytes:
    """A zip of ``entries`` in the order given, with fixed times.

    Names in ``stored`` are not compressed (EPUB's ``mimetype``); names in
    ``memo`` are parts that recur unchanged across documents, whose compressed
    form is kept for the rest of the process.
    """
    out = io.BytesIO()
    central = io.BytesIO()
    count = 0
    for name, data in entries:
        raw_name = name.encode("utf-8")
        flags = 0 if raw_name.isascii() else _UTF8_NAME
        if name in stored:
            method, crc, body = zipfile.ZIP_STORED, zlib.crc32(data), data
        elif name in memo:
            method, (crc, body) = zipfile.ZIP_DEFLATED, _deflate_memo(data)
        else:
            method, crc, body = zipfile.ZIP_DEFLATED, zlib.crc32(data), _deflate(data)
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                _VERSION,
                flags,
                method,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(body),
                len(data),
                len(raw_name),
                0,
            )
        )
        out.write(raw_name)
        out.write(body)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _MADE_BY,
                _VERSION,
                flags,
                method,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(body),
                len(data),
                len(raw_name),
                0,
                0,
                0,
                0,
                _PERMISSIONS,
                offset,
            )
        )
        central.write(raw_name)
        count += 1
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def repack(data: bytes, *, first: Sequence[str] = (), stored: Sequence[str] = ()) -> bytes:
    """Rewrite a zip with fixed times: names in ``first`` lead in that order, the rest sorted."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        contents = {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}
    order = [name for name in first if name in contents]
    order += sorted(name for name in contents if name not in first)
    return pack(((name, contents[name]) for name in order), stored=stored)
