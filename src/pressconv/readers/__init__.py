"""The reader registry: input format name -> a module that turns bytes into a Document.

Shaped like the writer registry: built-ins by dotted path, imported on first
use, chosen by file suffix or by name.  Third-party readers come from the
``pressconv.readers`` entry-point group after the built-ins, and only when a
name or suffix is not built-in, so ``pressconv to-html x.txt`` never scans
entry points; an entry point that claims a built-in name with another module
is an error.  A reader module exports ``SUFFIXES`` and
``read(data, options, notes, source_path) -> Document``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from typing import Protocol, cast

from pressconv.errors import Notes, UnknownFormatError
from pressconv.model import Document
from pressconv.options import ReadOptions

GROUP = "pressconv.readers"


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
    spec.name: spec
    for spec in (
        ReaderSpec("text", "pressconv.readers.text", (".txt", ".text")),
        ReaderSpec("markdown", "pressconv.readers.markdown", (".md", ".markdown")),
        ReaderSpec("html", "pressconv.readers.html", (".html", ".htm", ".xhtml")),
        ReaderSpec("docx", "pressconv.readers.docx", (".docx",)),
    )
}


@cache
def _third_party() -> dict[str, ReaderSpec]:
    from pressconv._plugins import third_party

    modules = third_party(GROUP, {name: spec.module for name, spec in BUILTINS.items()}, "reader")
    return {
        name: ReaderSpec(
            name, module.__name__, tuple(str(s).lower() for s in getattr(module, "SUFFIXES", (f".{name}",)))
        )
        for name, module in modules.items()
    }


def names() -> list[str]:
    """Every registered input format name, built-ins first."""
    return [*BUILTINS, *sorted(_third_party())]


def suffixes() -> list[str]:
    """Every source suffix some reader accepts, built-ins first."""
    specs = [*BUILTINS.values(), *_third_party().values()]
    return list(dict.fromkeys(suffix for spec in specs for suffix in spec.suffixes))


def for_suffix(suffix: str) -> str:
    """The reader name for a file suffix; plain text when nothing claims it."""
    lowered = suffix.lower()
    for spec in BUILTINS.values():
        if lowered in spec.suffixes:
            return spec.name
    for spec in _third_party().values():
        if lowered in spec.suffixes:
            return spec.name
    return "text"


def spec(name: str) -> ReaderSpec:
    """The registered reader called ``name``; built-ins never touch entry points."""
    found = BUILTINS.get(name) or _third_party().get(name)
    if found is None:
        raise UnknownFormatError(f"unknown input format {name!r} (known: {', '.join(names())})")
    return found


def get(name: str) -> ReaderModule:
    """The reader module for ``name``, imported on first use."""
    return cast(ReaderModule, importlib.import_module(spec(name).module))
