"""The writer registry: format name -> a module that turns a Document into bytes.

Built-in writers are named here once, by dotted path, with their suffix and
the options each declares, and imported on first use, so ``pressconv
to-html`` never pays for reportlab and ``build`` knows which options each
format reads without importing any writer.  Third-party writers come from the
``pressconv.writers`` entry-point group (see ``pressconv.registry``).  A writer
module satisfies ``WriterModule``: ``SUFFIX``, ``MEDIA_TYPE`` and ``write()``,
optionally ``write_volume()`` and ``OPTIONS``.
"""

from __future__ import annotations

from typing import Protocol, cast

from pressconv.errors import Notes
from pressconv.model import Document
from pressconv.options import WRITE_OPTIONS, Option, WriteOptions, declare_defaults
from pressconv.registry import Registry, Spec

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


#: Shared by the writers that lay out pages (``options.page_size_for`` resolves it), spelled once.
PAGE_SIZE = Option(
    "page_size",
    choices=("letter", "a4"),
    help="Page size; default: Letter for US-style regions (and bare en), else A4.",
)

#: A collected volume's (a press kit's) title, for every writer that collects several sources into one file.
VOLUME_TITLE = Option("volume_title", help="Title of a collected volume of several sources.", metavar="TITLE")

# Each built-in's options, declared with its registry line (the writers themselves import heavy
# libraries, and a build decides staleness from these lists without importing them).
HTML_OPTIONS = (
    Option(
        "html_fragment", "flag", False, "Only the article element, for pasting into a CMS.", flag="fragment"
    ),
    Option(
        "html_stylesheet",
        help="Link this stylesheet URL instead of embedding the built-in one.",
        metavar="URL",
        flag="stylesheet",
    ),
    VOLUME_TITLE,
)
DOCX_OPTIONS = (
    PAGE_SIZE,
    Option(
        "docx_reference",
        "file",
        help="Reference .docx whose styles, page set-up, header and footer are used.",
    ),
    VOLUME_TITLE,
)
PDF_OPTIONS = (
    PAGE_SIZE,
    Option("pdf_font", help="House font: a .ttf path or a family name fontconfig knows.", metavar="FONT"),
    Option("pdf_tagged", "flag", True, "Tagged (accessible) PDF.", off_flag="no-pdf-tags"),
    VOLUME_TITLE,
)
EPUB_OPTIONS = (
    Option("epub_cover", "file", help="A JPEG or PNG cover image."),
    Option("epub_publisher", help="Publisher named in the EPUB metadata.", metavar="NAME"),
    VOLUME_TITLE,
)

REGISTRY = Registry(
    "writer",
    GROUP,
    (
        Spec("html", "pressconv.writers.html", (".html",), HTML_OPTIONS),
        Spec("docx", "pressconv.writers.docx", (".docx",), DOCX_OPTIONS),
        Spec("pdf", "pressconv.writers.pdf", (".pdf",), PDF_OPTIONS),
        Spec("epub", "pressconv.writers.epub", (".epub",), EPUB_OPTIONS),
    ),
)
BUILTINS = REGISTRY.builtins


def names() -> list[str]:
    """Every registered format name, built-ins first."""
    return REGISTRY.names()


def spec(name: str) -> Spec:
    """The registered writer called ``name`` (any case); built-ins never touch entry points."""
    return REGISTRY.spec(name)


def get(name: str) -> WriterModule:
    """The writer module for ``name``, imported on first use."""
    return cast(WriterModule, REGISTRY.get(name))


def options(name: str) -> tuple[Option, ...]:
    """Every option the writer ``name`` reads: those all writers accept, then its own."""
    return (*WRITE_OPTIONS, *spec(name).options)


def for_suffix(suffix: str) -> str | None:
    """The format whose output takes this suffix (``.PDF`` -> ``pdf``), or None."""
    return REGISTRY.for_suffix(suffix)


# ``WriteOptions`` reads a built-in option nobody set as its declared default: declared here, where the
# options are, so that ``pressconv.options`` never imports the writers (a writer module is always
# imported through this package, so the table is full before any writer reads an option).
declare_defaults(o for s in BUILTINS.values() for o in (*WRITE_OPTIONS, *s.options))
