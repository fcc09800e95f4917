"""A collected volume's (a press kit's) title, decided the same way by every writer that makes one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pressconv.errors import Notes, WriterError
from pressconv.model import Document
from pressconv.options import WriteOptions


def fold(value: str | None) -> str | None:
    """``value`` with its whitespace folded to single spaces, or None when nothing is left."""
    return " ".join(value.split()) or None if value is not None else None


def volume_title(
    documents: Sequence[Document],
    options: WriteOptions,
    notes: Notes,
    plain: Callable[[str | None], str | None] = fold,
) -> str:
    """``options.volume_title``, else the first release's title or headline, with a warning.

    ``plain`` makes a candidate one line of text the format can hold (None when nothing is left).
    """
    if not documents:
        raise WriterError("a volume needs at least one document")
    title = plain(options.volume_title)
    if title is None:
        title = plain(documents[0].title) or plain(documents[0].headline) or "1"
        notes.warn("volume-title", f"no volume title given; the volume is titled {title!r}")
    return title
