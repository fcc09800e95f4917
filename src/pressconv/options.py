"""Options for reading and writing, as frozen records with defaults.

Format-specific fields carry the format's prefix.  This is the only module
that reads ``SOURCE_DATE_EPOCH``: every writer asks ``document_datetime`` for
the one date it may stamp, so no writer ever reads the clock.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from pressconv.errors import PressconvError
from pressconv.model import Document

PageSize = Literal["letter", "a4"]

#: The date used when neither the document nor SOURCE_DATE_EPOCH gives one:
#: the earliest a zip entry can carry, so it is never mistaken for a real date.
FALLBACK_DATETIME = datetime(1980, 1, 1, tzinfo=UTC)

# Regions that print on Letter; everyone else uses A4.
_LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"})


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a caller may impose on the reader."""

    title: str | None = None
    """Headline that overrides front matter and the text."""
    language: str | None = None
    """BCP 47 tag that overrides front matter and the default ``en``."""
    byline: str | None = None
    """Author or byline that overrides front matter."""
    date: str | None = None
    """ISO 8601 date that overrides front matter."""


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """Everything a writer may be told; each writer reads the fields it knows."""

    page_size: PageSize | None = None
    """Letter or A4 for DOCX and PDF; None picks from the document's language region."""
    source_date_epoch: int | None = None
    """Seconds since the epoch for dates the document does not give; see ``from_env``."""
    volume_title: str | None = None
    """Title of a collected volume (EPUB of several sources)."""
    html_fragment: bool = False
    """Emit only the ``article`` element, for pasting into a CMS."""
    html_stylesheet: str | None = None
    """Link this stylesheet URL instead of embedding the built-in one."""
    docx_reference: Path | None = None
    """A reference .docx whose styles, page set-up, header and footer are used."""
    pdf_font: str | None = None
    """A house font: a .ttf path or a family name fontconfig knows."""
    pdf_tagged: bool = True
    """Write a tagged (accessible) PDF."""
    epub_cover: Path | None = None
    """A JPEG or PNG cover image."""
    epub_publisher: str | None = None
    """Publisher named in the EPUB package metadata."""

    @classmethod
    def from_env(cls, **overrides: Any) -> WriteOptions:
        """Options with ``SOURCE_DATE_EPOCH`` taken from the environment, then ``overrides``."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise PressconvError(f"unknown option {unknown[0]!r}")
        values = {k: v for k, v in overrides.items() if v is not None}
        if "source_date_epoch" not in values:
            raw = os.environ.get("SOURCE_DATE_EPOCH")
            if raw:
                try:
                    values["source_date_epoch"] = int(raw)
                except ValueError:
                    raise PressconvError(f"SOURCE_DATE_EPOCH is not an integer: {raw!r}") from None
        for key in ("docx_reference", "epub_cover"):
            if key in values and not isinstance(values[key], Path):
                values[key] = Path(values[key])
        return cls(**values)


def document_datetime(document: Document, options: WriteOptions) -> datetime:
    """The one timestamp a writer may use: the document's date, else SOURCE_DATE_EPOCH, else 1980."""
    if document.metadata.date:
        parsed = parse_iso(document.metadata.date)
        if parsed is not None:
            return parsed
    if options.source_date_epoch is not None:
        return datetime.fromtimestamp(options.source_date_epoch, UTC)
    return FALLBACK_DATETIME


def parse_iso(value: str) -> datetime | None:
    """An aware UTC datetime from an ISO 8601 date or datetime string, or None."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value[:10]), datetime.min.time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def page_size_for(document: Document, options: WriteOptions) -> PageSize:
    """The page size asked for, else Letter for US-style regions (and bare ``en``), else A4."""
    if options.page_size is not None:
        return options.page_size
    parts = document.metadata.language.replace("_", "-").split("-")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    if region is None:
        return "letter" if parts[0].lower() == "en" else "a4"
    return "letter" if region in _LETTER_REGIONS else "a4"
