"""The writer registry: format name -> a module that turns a Document into bytes.

Built-in writers are named by dotted path and imported on first use, so
``pressconv to-html`` never pays for reportlab.  Third-party writers come from
the ``pressconv.writers`` entry-point group after the built-ins; an entry point
that claims a built-in name with another module is an error.  A writer module
satisfies ``WriterModule``: ``SUFFIX``, ``MEDIA_TYPE`` and ``write()``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Protocol, cast

from pressconv.errors import Notes, UnknownFormatError
from pressconv.model import Document
from pressconv.options import WriteOptions

GROUP = "pressconv.writers"


class WriterModule(Protocol):
    """What a writer module exports."""

    SUFFIX: str
    """File suffix with the dot, e.g. ``.html``."""
    MEDIA_TYPE: str
    """IANA media type of the output."""

    def write(self, document: Document, options: WriteOptions, notes: Notes) -> bytes:
        """Render the document; warnings go to ``notes``; user faults raise PressconvError."""
        ...


@dataclass(frozen=True, slots=True)
class WriterSpec:
    """A registered writer, known without importing it."""

    name: str
    module: str
    suffix: str


BUILTINS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("html", "pressconv.writers.html", ".html"),
        WriterSpec("docx", "pressconv.writers.docx", ".docx"),
        WriterSpec("pdf", "pressconv.writers.pdf", ".pdf"),
        WriterSpec("epub", "pressconv.writers.epub", ".epub"),
    )
}


@cache
def _third_party() -> dict[str, WriterSpec]:
    from pressconv._plugins import third_party

    modules = third_party(GROUP, {name: spec.module for name, spec in BUILTINS.items()}, "writer")
    return {
        name: WriterSpec(name, module.__name__, cast(str, getattr(module, "SUFFIX", f".{name}")))
        for name, module in modules.items()
    }


def names() -> list[str]:
    """Every registered format name, built-ins first."""
    return [*BUILTINS, *sorted(_third_party())]


def spec(name: str) -> WriterSpec:
    """The registered writer called ``name``; built-ins never touch entry points."""
    found = BUILTINS.get(name) or _third_party().get(name)
    if found is None:
        raise UnknownFormatError(f"unknown format {name!r} (known: {', '.join(names())})")
    return found


def _import(module: str) -> ModuleType:
    return importlib.import_module(module)


def get(name: str) -> WriterModule:
    """The writer module for ``name``, imported on first use."""
    return cast(WriterModule, _import(spec(name).module))
