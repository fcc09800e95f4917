"""The library API: source -> decode -> read -> write -> publish.

``parse`` and ``convert`` accept a path, text, bytes or a Document; options
are passed as keywords and split into read and write options by name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeAlias

from pressconv.errors import Notes, PressconvError
from pressconv.model import Document
from pressconv.options import ReadOptions, WriteOptions

Source: TypeAlias = str | bytes | os.PathLike[str] | Document

_READ_KEYS = frozenset(f.name for f in fields(ReadOptions))
_WRITE_KEYS = frozenset(f.name for f in fields(WriteOptions))


def split_options(options: dict[str, Any]) -> tuple[ReadOptions, WriteOptions]:
    """Keyword options split into the read and write records; an unknown name is an error."""
    unknown = sorted(set(options) - _READ_KEYS - _WRITE_KEYS)
    if unknown:
        raise PressconvError(f"unknown option {unknown[0]!r}")
    read = ReadOptions(**{k: v for k, v in options.items() if k in _READ_KEYS})
    write = WriteOptions.from_env(**{k: v for k, v in options.items() if k in _WRITE_KEYS})
    return read, write


def _looks_like_path(source: str) -> bool:
    """A one-line string naming an existing file or ending in a source suffix is a path, else text."""
    if "\n" in source or len(source) >= 4096:
        return False
    from pressconv import readers

    path = Path(source)
    return path.suffix.lower() in readers.suffixes() or path.is_file()


def read_source(
    source: Source,
    options: ReadOptions | None = None,
    notes: Notes | None = None,
    *,
    from_format: str | None = None,
) -> Document:
    """A Document from any accepted source; paths pick their reader by suffix."""
    from pressconv import readers

    options = options or ReadOptions()
    notes = notes if notes is not None else Notes()
    if isinstance(source, Document):
        return source
    if isinstance(source, str) and not _looks_like_path(source):
        from pressconv.decode import normalize
        from pressconv.readers.text import read_text

        return read_text(normalize(source, notes), options, notes)
    if isinstance(source, bytes):
        return readers.get(from_format or "text").read(source, options, notes, None)
    from pressconv.limits import read_file

    path = Path(source)
    data = read_file(path)  # a regular file within the input limit, else one clear error
    name = from_format or readers.for_suffix(path.suffix)
    try:
        return readers.get(name).read(data, options, notes, str(path))
    except PressconvError as err:
        if err.path is None:
            err.path = str(path)
        raise


def parse(
    source: Source, *, notes: Notes | None = None, from_format: str | None = None, **options: Any
) -> Document:
    """The canonical Document of a path, text, bytes (or a Document, returned as is)."""
    read, _ = split_options(options)
    return read_source(source, read, notes, from_format=from_format)


def render(documents: Sequence[Document], to: str, options: WriteOptions, notes: Notes) -> bytes:
    """Bytes in format ``to``; several documents make one collected volume where the writer can."""
    from pressconv import writers

    writer = writers.get(to)
    if len(documents) == 1:
        return writer.write(documents[0], options, notes)
    write_volume = getattr(writer, "write_volume", None)
    if write_volume is None:
        raise PressconvError(f"format {to!r} cannot collect several sources into one file")
    data: bytes = write_volume(list(documents), options, notes)
    return data


def convert(
    source: Source | Sequence[Source],
    to: str,
    output: str | os.PathLike[str] | None = None,
    *,
    notes: Notes | None = None,
    from_format: str | None = None,
    **options: Any,
) -> bytes | Path:
    """Convert one source (or several, into one volume) to format ``to``.

    Returns the bytes, or writes ``output`` atomically (skipped when identical)
    and returns its path.
    """
    from pressconv.publish import publish

    notes = notes if notes is not None else Notes()
    read, write = split_options(options)
    sources: list[Source] = (
        list(source) if isinstance(source, Sequence) and not isinstance(source, str | bytes) else [source]
    )
    if not sources:
        raise PressconvError("no source given")
    if output is not None:
        target = Path(output)
        for item in sources:
            if isinstance(item, os.PathLike | str) and _same_file(item, target):
                raise PressconvError("output would overwrite the source", str(target))
    documents = [read_source(item, read, notes, from_format=from_format) for item in sources]
    data = render(documents, to, write, notes)
    if output is None:
        return data
    publish(Path(output), data)
    return Path(output)


def _same_file(source: str | os.PathLike[str], target: Path) -> bool:
    if isinstance(source, str) and not _looks_like_path(source):
        return False
    try:
        return Path(source).resolve() == target.resolve()
    except OSError:
        return False
