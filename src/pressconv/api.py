"""The library API: source -> decode -> read -> write -> publish.

``parse`` and ``convert`` accept a path, text, bytes or a Document; options
are passed as keywords and split into read and write options by name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import fields
from functools import cache
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


def only_builtin_plugins(group: str, builtins: Mapping[str, str]) -> bool:
    """True when no installed distribution registers anything in entry-point ``group`` but ``builtins``.

    ``builtins`` maps each built-in name to its module.  The registries ask importlib.metadata, whose
    import alone costs ~15-20 ms of CPU (email, zipfile, csv …); this reads the same files
    (``*.dist-info/entry_points.txt`` on ``sys.path``) as plain text and answers False -- "ask the
    registry" -- whenever it is unsure: a zip on the path, another distribution finder, a name or
    module it does not expect.
    """
    texts = _entry_point_texts()
    return texts is not None and all(
        group not in text or _declares_only(text, group, builtins) for text in texts
    )


@cache
def _entry_point_texts() -> tuple[str, ...] | None:
    """Every entry_points.txt that mentions pressconv, read once per process; None when unsure."""
    import importlib.machinery

    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder:
            return None
    texts: list[str] = []
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None  # a zip or an egg file: only importlib.metadata reads those
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            if "pressconv" in text:
                texts.append(text)
    return tuple(texts)


def _declares_only(text: str, group: str, builtins: Mapping[str, str]) -> bool:
    """Whether the ``[group]`` section of an entry_points.txt names only built-ins, each with its module."""
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]").strip()
            continue
        if section != group:
            continue
        name, equals, value = line.partition("=")
        if not equals or builtins.get(name.strip()) != value.split(":")[0].strip():
            return False
    return True


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
    path = Path(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PressconvError("no such file", str(path)) from None
    except IsADirectoryError:
        raise PressconvError("is a folder, not a file", str(path)) from None
    except OSError as err:
        raise PressconvError(f"cannot read: {err.strerror}", str(path)) from None
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
