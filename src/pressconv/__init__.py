"""pressconv: press releases and news copy from plain text to HTML, PDF, DOCX and EPUB.

The public API only: ``parse``, ``convert``, the model types, the exception and
warning classes and ``__version__``.  Nothing heavy is imported here.
"""

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
from pressconv.model import Block, Document, ListBlock, Metadata, Paragraph, Quotation, Quote, Section

__version__ = "0.1.0"

__all__ = [
    "Block",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "ListBlock",
    "Metadata",
    "OptionError",
    "Paragraph",
    "PressconvError",
    "PressconvWarning",
    "Quotation",
    "Quote",
    "Section",
    "UnknownFormatError",
    "WriterError",
    "__version__",
    "convert",
    "parse",
]
