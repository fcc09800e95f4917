"""DOCX -> Document: Word paragraphs, tables, pictures and notes as hinted raw blocks, then the shared rules.

The entry point of the DOCX reader; its work is split by concern:
``package`` opens the zip and its parts (python-docx, or the parts directly
for a paragraph over libxml2's text-node limit), ``styles`` says what a
paragraph or character style means, ``inline`` reads a paragraph's runs into
text with marks (bold, italic, code, links, note references, line breaks),
``body`` reads the body in order (paragraphs, tables, text boxes, drop caps,
pictures) and the footnotes and endnotes, and ``blocks`` turns that into the
raw blocks the shared news rules read.  Core properties fill the metadata;
our own DOCX writer's "Quote N speaker" custom properties (tied to the quote
by the ``_Quote_N`` bookmark) give speakers.
"""

from __future__ import annotations

from pressconv.errors import Notes
from pressconv.model import Document
from pressconv.options import ReadOptions
from pressconv.readers.assemble import assemble
from pressconv.readers.blocks import fold
from pressconv.readers.docx.blocks import model_notes, to_blocks
from pressconv.readers.docx.body import Para, Reader
from pressconv.readers.docx.package import core, custom_speakers, default_language, open_package
from pressconv.readers.docx.styles import Styles
from pressconv.readers.front_matter import FrontMatter, language_tag

SUFFIXES = (".docx",)


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Open the DOCX, read its body, notes and properties, run the shared rules."""
    package = open_package(data, source_path, options.limits)
    styles = Styles(package.styles, package.numbering)
    reader = Reader(package.main, styles, notes)
    items = reader.items(package.body)
    footnotes, note_ids = model_notes(reader.notes_in_order(package))
    facts = core(package.archive)
    blocks = to_blocks(items, custom_speakers(package.archive), note_ids)
    paragraphs = [item for item in items if isinstance(item, Para)]
    bylines = [p.text for p in paragraphs if p.role == "byline"]
    letterhead = [line for p in paragraphs if p.role == "publisher" for line in p.lines]
    matter = FrontMatter(
        publisher="\n".join(letterhead) or None,
        byline=" ".join(bylines) if bylines else facts.get("creator"),
        date=facts.get("created"),
        language=language_tag(
            facts.get("language") or default_language(package.styles), notes, "the document's"
        ),
        keywords=tuple(k for k in (fold(k) for k in facts.get("keywords", "").split(",")) if k),
    )
    return assemble(
        blocks, matter, options, notes, source_path, title=facts.get("title"), footnotes=footnotes
    )
