"""Errors and warnings: one exception type for user errors, warnings as ``Note`` values.

A ``PressconvError`` is a fault in the input or the usage that the CLI turns
into one stderr line and exit status 2.  Anything else escaping is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_USAGE = 2


class PressconvError(Exception):
    """A user-facing fault: bad input, bad usage, an output that cannot be written."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DecodeError(PressconvError):
    """The bytes are not text pressconv can read (binary, undecodable, empty)."""


class EmptyInputError(PressconvError):
    """The text holds no words."""


class UnknownFormatError(PressconvError):
    """No writer or reader is registered under that name."""


class WriterError(PressconvError):
    """A writer could not render the document (e.g. a bad template)."""


class OptionError(PressconvError):
    """An option is unknown to the chosen reader and writer, or its value is not one it accepts."""


class PressconvWarning(UserWarning):
    """The category of the warnings a library caller receives through ``warnings.warn``.

    They are the ``Note`` values below, issued when the caller passed no ``Notes`` to collect them.
    """


@dataclass(frozen=True, slots=True)
class Note:
    """A warning as a value: something the user should know that did not stop the conversion.

    Not named ``Warning``, which would shadow the builtin exception class.
    """

    code: str
    """Stable short code, e.g. ``control-chars`` or ``missing-glyph``."""
    message: str
    """One human-readable line."""


@dataclass(slots=True)
class Notes:
    """Collects warnings during one conversion; the only mutable state passed around."""

    items: list[Note] = field(default_factory=list)

    def warn(self, code: str, message: str) -> None:
        """Record a warning once (the same code and message are not repeated)."""
        item = Note(code, message)
        if item not in self.items:
            self.items.append(item)
