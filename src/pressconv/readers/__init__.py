"""The reader registry: input format name -> a module that turns bytes into a Document.

Shaped like the writer registry: built-ins by dotted path, imported on first
use, chosen by file suffix or by name.  A reader module exports ``SUFFIXES``
and ``read(data, options, notes, source_path) -> Document``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, cast

from pressconv.errors import Notes, UnknownFormatError
from pressconv.model import Document
from pressconv.options import ReadOptions


class ReaderModule(Protocol):
    """What a reader module exports."""

    def read(self, data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
        """Read the bytes of one source into a Document."""
        ...


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """A registered reader, known without importing it."""

    name: str
    module: str
    suffixes: tuple[str, ...]


BUILTINS: dict[str, ReaderSpec] = {
    spec.name: spec for spec in (ReaderSpec("text", "pressconv.readers.text", (".txt", ".text")),)
}


def names() -> list[str]:
    """Every registered input format name."""
    return list(BUILTINS)


def suffixes() -> list[str]:
    """Every source suffix some reader accepts."""
    return [suffix for spec in BUILTINS.values() for suffix in spec.suffixes]


def for_suffix(suffix: str) -> str:
    """The reader name for a file suffix; plain text when nothing claims it."""
    lowered = suffix.lower()
    for spec in BUILTINS.values():
        if lowered in spec.suffixes:
            return spec.name
    return "text"


def get(name: str) -> ReaderModule:
    """The reader module for ``name``, imported on first use."""
    spec = BUILTINS.get(name)
    if spec is None:
        raise UnknownFormatError(f"unknown input format {name!r} (known: {', '.join(names())})")
    return cast(ReaderModule, importlib.import_module(spec.module))
