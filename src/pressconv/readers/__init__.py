"""The reader registry: input format name -> a module that turns bytes into a Document.

The same ``Registry`` as the writers': built-ins by dotted path, imported on
first use, chosen by name (``--from``) or by file suffix.  Third-party readers
come from the ``pressconv.readers`` entry-point group, read only when a name or
suffix is not built-in, so ``pressconv to-html x.txt`` never scans entry
points.  A reader module exports ``SUFFIXES`` and
``read(data, options, notes, source_path) -> Document``; every reader accepts
``pressconv.options.READ_OPTIONS``.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Protocol, cast

from pressconv.errors import Notes
from pressconv.model import Document
from pressconv.options import READ_OPTIONS, Option, ReadOptions
from pressconv.registry import Registry, Spec

GROUP = "pressconv.readers"

#: Declared by the text reader: typographic punctuation on request (``readers.typography``). Here, so
#: the registry knows a reader's options without importing the reader.
SMART_QUOTES = Option(
    "smart_quotes",
    "flag",
    default=False,
    help="Typographic quotes, apostrophes, dashes (-- en, --- em) and ellipses in place of straight ones.",
)

#: Set by the API while it reads for ``parse --explain``: the inference every reader shares appends
#: one line per block saying its kind and the rule that decided it.
EXPLAIN: ContextVar[list[str] | None] = ContextVar("pressconv_explain", default=None)


class ReaderModule(Protocol):
    """What a reader module exports."""

    def read(self, data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
        """Read the bytes of one source into a Document."""
        ...


REGISTRY = Registry(
    "reader",
    GROUP,
    (
        Spec("text", "pressconv.readers.text", (".txt", ".text"), (SMART_QUOTES,)),
        Spec("markdown", "pressconv.readers.markdown", (".md", ".markdown"), (SMART_QUOTES,)),
        Spec("html", "pressconv.readers.html", (".html", ".htm", ".xhtml")),
        Spec("docx", "pressconv.readers.docx", (".docx",)),
    ),
)
BUILTINS = REGISTRY.builtins


def names() -> list[str]:
    """Every registered input format name, built-ins first."""
    return REGISTRY.names()


def suffixes() -> list[str]:
    """Every source suffix some reader accepts, built-ins first."""
    return REGISTRY.suffixes()


def for_suffix(suffix: str) -> str:
    """The reader name for a file suffix; plain text when nothing claims it."""
    return REGISTRY.for_suffix(suffix) or "text"


def spec(name: str) -> Spec:
    """The registered reader called ``name`` (any case); built-ins never touch entry points."""
    return REGISTRY.spec(name)


def get(name: str) -> ReaderModule:
    """The reader module for ``name``, imported on first use."""
    return cast(ReaderModule, REGISTRY.get(name))


def options(name: str) -> tuple[Option, ...]:
    """Every option the reader ``name`` reads: those all readers accept, then its own."""
    return (*READ_OPTIONS, *spec(name).options)


def builtin_options() -> tuple[Option, ...]:
    """The options some built-in reader declares beyond those all accept, each once (the CLI's flags)."""
    found: dict[str, Option] = {}
    for item in BUILTINS.values():
        for option in item.options:
            found.setdefault(option.name, option)
    return tuple(found.values())
