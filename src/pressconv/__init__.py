"""pressconv: press releases and news copy from plain text to HTML, PDF, DOCX and EPUB.

The public API only: ``parse``, ``convert``, the model types, the exception and
warning classes and ``__version__``.  Nothing is imported until a name is used (PEP 562), so
``pressconv`` starts in a moment: the command line can catch a Ctrl-C from its first line on.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressconv.api import convert, parse
    from pressconv.errors import (
        DecodeError,
        EmptyInputError,
        OptionError,
        PressconvError,
        PressconvWarning,
        UnknownFormatError,
        WriterError,
    )
    from pressconv.model import (
        Block,
        Cell,
        Contact,
        Document,
        Figure,
        ListBlock,
        Mark,
        Metadata,
        Note,
        Paragraph,
        Quotation,
        Quote,
        Section,
        Table,
    )

#: Where each public name lives; imported on first use.
_EXPORTS = {
    "convert": "pressconv.api",
    "parse": "pressconv.api",
    **dict.fromkeys(
        (
            "DecodeError",
            "EmptyInputError",
            "OptionError",
            "PressconvError",
            "PressconvWarning",
            "UnknownFormatError",
            "WriterError",
        ),
        "pressconv.errors",
    ),
    **dict.fromkeys(
        (
            "Block",
            "Cell",
            "Contact",
            "Document",
            "Figure",
            "ListBlock",
            "Mark",
            "Metadata",
            "Note",
            "Paragraph",
            "Quotation",
            "Quote",
            "Section",
            "Table",
        ),
        "pressconv.model",
    ),
}

__version__ = "0.1.0"

__all__ = [
    "Block",
    "Cell",
    "Contact",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "Figure",
    "ListBlock",
    "Mark",
    "Metadata",
    "Note",
    "OptionError",
    "Paragraph",
    "PressconvError",
    "PressconvWarning",
    "Quotation",
    "Quote",
    "Section",
    "Table",
    "UnknownFormatError",
    "WriterError",
    "__version__",
    "convert",
    "parse",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pressconv' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
