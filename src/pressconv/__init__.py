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
