"""Deterministic zip repacking for DOCX and EPUB.

python-docx and ebooklib stamp every entry with the current time; this
rewrites an archive with fixed entry times, a stable entry order and fixed
permissions, so the same document always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence

#: The earliest time a zip entry can hold; used for every entry.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def pack(entries: Iterable[tuple[str, bytes]], *, stored: Sequence[str] = ()) -> bytes:
    """A zip of ``entries`` in the order given, with fixed times; names in ``stored`` are not compressed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=6 if name not in stored else None)
    return buffer.getvalue()


def repack(data: bytes, *, first: Sequence[str] = (), stored: Sequence[str] = ()) -> bytes:
    """Rewrite a zip with fixed times: names in ``first`` lead in that order, the rest sorted."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        contents = {info.filename: source.read(info) for info in source.infolist() if not info.is_dir()}
    order = [name for name in first if name in contents]
    order += sorted(name for name in contents if name not in first)
    return pack(((name, contents[name]) for name in order), stored=stored)
