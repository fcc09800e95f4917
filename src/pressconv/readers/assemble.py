"""Hinted raw blocks from a structured format (Markdown, HTML, DOCX) -> Document, through the shared rules.

The structured readers turn their format into ``RawBlock`` values with hints
(a quote's stated speaker included) and hand them to ``document.build_document``
like the text reader does.  This module adds one recognition the rules need
from outside: a headline that is only the lede's first sentence -- what
pressconv derives when a text has no headline -- is marked ``derived``, so that
our own output of such a text reads back with ``headline_derived`` true
instead of a headline the source never had.
"""

from __future__ import annotations

from collections.abc import Sequence

from pressconv.errors import EmptyInputError, Notes
from pressconv.model import Document, Note
from pressconv.options import ReadOptions
from pressconv.readers.blocks import RawBlock, fold
from pressconv.readers.document import build_document
from pressconv.readers.front_matter import FrontMatter
from pressconv.readers.rules.dateline import find_dateline
from pressconv.readers.rules.derive import headline_from_lede


def assemble(
    blocks: Sequence[RawBlock],
    matter: FrontMatter | None,
    options: ReadOptions,
    notes: Notes,
    source_path: str | None,
    *,
    title: str | None = None,
    footnotes: Sequence[Note] = (),
    notes_heading: str | None = None,
) -> Document:
    """The Document for the blocks.

    ``title`` is a document-properties title; it becomes ``metadata.title``
    only when it differs from the headline.  ``footnotes`` are the source's
    notes (``Document.notes``), ``notes_heading`` the heading of its notes
    to editors.  Raises EmptyInputError when the source holds no words and no
    title is given.
    """
    blocks = [b for b in blocks if b.text.strip() or b.items or b.block is not None]
    given_title = options.title or (matter.title if matter else None)
    if not blocks and not given_title:
        raise EmptyInputError("no text (the document holds no words)", source_path)
    if not given_title:
        blocks = _mark_derived(blocks, matter.dateline if matter else None)
    return build_document(
        blocks,
        matter,
        options,
        notes,
        source_path,
        title=title,
        footnotes=footnotes,
        notes_heading=notes_heading,
    )


def _mark_derived(blocks: list[RawBlock], dateline: str | None) -> list[RawBlock]:
    """The blocks, with the headline marked ``derived`` when it is the first sentence of the lede below it."""
    at = next((i for i, b in enumerate(blocks) if b.hint == "headline"), None)
    if at is None:
        return blocks
    body = (None, "paragraph", "quote")
    lede = next((b for b in blocks[at + 1 :] if b.hint in body and b.text.strip()), None)
    if lede is None:
        return blocks
    text = fold(lede.text)
    if fold(blocks[at].text) != headline_from_lede(text, dateline or find_dateline(text)):
        return blocks
    return [*blocks[:at], blocks[at]._replace(derived=True), *blocks[at + 1 :]]
