"""Plain text -> Document (placeholder: paragraphs only; the inference rules replace it)."""

from __future__ import annotations

import re

from pressconv.decode import decode
from pressconv.errors import EmptyInputError, Notes
from pressconv.model import Document, Metadata, Paragraph, Section, with_identifier
from pressconv.options import ReadOptions

SUFFIXES = (".txt", ".text")


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Decode the bytes, then read the text."""
    return read_text(decode(data, notes, source_path).text, options, notes, source_path=source_path)


def read_text(
    text: str, options: ReadOptions | None = None, notes: Notes | None = None, *, source_path: str | None = None
) -> Document:
    """A Document from decoded text."""
    options = options or ReadOptions()
    paras = [" ".join(p.split()) for p in re.split(r"\n[^\S\n]*\n", text)]
    paras = [p for p in paras if p]
    if not paras:
        raise EmptyInputError("no text", source_path)
    headline = options.title or paras[0]
    doc = Document(
        headline=headline,
        headline_derived=options.title is None,
        metadata=Metadata(language=options.language or "en", source_path=source_path),
        sections=(Section(None, tuple(Paragraph(p) for p in paras)),),
    )
    return with_identifier(doc)
