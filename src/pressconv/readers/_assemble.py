"""Hinted raw blocks from a structured format (Markdown, HTML, DOCX) -> Document, through the shared rules.

The structured readers turn their format into ``RawBlock`` values with hints
and hand them to ``_build.build_document`` like the text reader does.  This
module adds what the hints cannot carry: speakers a format states outright
(our HTML's ``data-speaker``, our DOCX's "Quote N speaker" properties), a
metadata title that differs from the headline, and the recognition of a
headline that is only the lede's first sentence -- what pressconv derives
when a text has no headline -- so that our own output of such a text reads
back with ``headline_derived`` true instead of a headline the source never had.
A headline hint below a kicker line is moved to the top, as the rules expect it there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from pressconv.errors import EmptyInputError, Notes
from pressconv.model import Document, Quote, Section, with_identifier
from pressconv.options import ReadOptions
from pressconv.readers._blocks import RawBlock, fold
from pressconv.readers._build import build_document
from pressconv.readers._frontmatter import FrontMatter


@dataclass(frozen=True, slots=True)
class Stated:
    """A quote's speaker and attribution as the source format states them."""

    speaker: str | None
    attribution: str | None = None


def assemble(
    blocks: Sequence[RawBlock],
    matter: FrontMatter | None,
    options: ReadOptions,
    notes: Notes,
    source_path: str | None,
    *,
    stated: Mapping[str, Stated] | None = None,
    title: str | None = None,
) -> Document:
    """The Document for the blocks; ``stated`` maps a quote's folded text to its stated speaker.

    ``title`` is a document-properties title; it becomes ``metadata.title``
    only when it differs from the headline.  Raises EmptyInputError when the
    source holds no words and no title is given.
    """
    blocks = [b for b in blocks if b.text.strip() or b.items]
    given_title = options.title or (matter.title if matter else None)
    if not blocks and not given_title:
        raise EmptyInputError("no text (the document holds no words)", source_path)
    document = _derived_or_stated(blocks, matter, options, notes, source_path)
    if stated:
        document = _with_speakers(document, stated)
    if title and fold(title) != fold(document.headline) and document.metadata.title is None:
        document = replace(document, metadata=replace(document.metadata, title=fold(title)))
    return with_identifier(document)


def _derived_or_stated(
    blocks: list[RawBlock],
    matter: FrontMatter | None,
    options: ReadOptions,
    notes: Notes,
    source_path: str | None,
) -> Document:
    at = next((i for i, b in enumerate(blocks) if b.hint == "headline"), None)
    given = bool(options.title or (matter and matter.title))
    if at is not None and not given:
        # Read once without the headline: if the rules derive exactly that headline from the
        # lede, the source had none of its own (it is our output of a text without a headline).
        trial_notes = Notes()
        trial = build_document([*blocks[:at], *blocks[at + 1 :]], matter, options, trial_notes, source_path)
        if trial.headline_derived and fold(trial.headline) == fold(blocks[at].text):
            for item in trial_notes.items:
                notes.warn(item.code, item.message)
            return trial
    document = build_document(blocks, matter, options, notes, source_path)
    if at is not None and not given and fold(document.headline) != fold(blocks[at].text):
        # The rules honour a headline hint only on the first block of content; a kicker or
        # section label above the h1 would take its place.  Read it as the first body text.
        above = [replace(b, hint="paragraph") if b.hint is None else b for b in blocks[:at]]
        document = build_document(
            [blocks[at], *above, *blocks[at + 1 :]], matter, options, notes, source_path
        )
    return document


def _with_speakers(document: Document, stated: Mapping[str, Stated]) -> Document:
    sections: list[Section] = []
    for section in document.sections:
        blocks = []
        for block in section.blocks:
            said = stated.get(fold(block.text)) if isinstance(block, Quote) else None
            if isinstance(block, Quote) and said is not None and said.speaker:
                block = replace(
                    block,
                    speaker=said.speaker,
                    attribution=said.attribution or block.attribution,
                    speaker_title=block.speaker_title if block.speaker == said.speaker else None,
                )
            blocks.append(block)
        sections.append(replace(section, blocks=tuple(blocks)))
    return replace(document, sections=tuple(sections))
