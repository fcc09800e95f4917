"""The canonical document model: what every reader produces and every writer consumes.

A small closed set of frozen, slotted dataclasses with no I/O and no knowledge
of any format.  ``Block`` is the union of the three body node types; writers
``match`` on it and end with ``assert_never`` so a forgotten node type is a
type error.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Literal, TypeAlias

#: Bumped whenever the JSON shape changes; ``serialize.load`` reads this version and the ones before it.
#: 2 added quotation spans (``Paragraph.quotations``, ``Quote.quotations``).
MODEL_VERSION = 2

Role: TypeAlias = Literal["body", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Quotation:
    """One direct quotation inside a block's text: where it stands and who said it.

    A quotation split around its attribution ("“We will,” she said, “and
    soon.”") or running over several paragraphs is several spans; every span
    after the first says ``joined`` so that readers of the model can put the
    pieces back together as one quotation.
    """

    start: int
    """Offset of the opening quotation mark in the block's text."""
    end: int
    """Offset just after the closing mark (the end of the text when the quotation runs on)."""
    speaker: str | None = None
    """Full name of the speaker; None when unknown."""
    joined: bool = False
    """True when this span continues the previous quotation (same speaker, same words)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text."""

    text: str
    """The paragraph exactly as written, whitespace folded to single spaces."""
    quotations: tuple[Quotation, ...] = ()
    """The direct quotations (partial quotes) in the paragraph, in order."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A paragraph most of whose words are quoted speech."""

    text: str
    """The whole paragraph exactly as written, attribution included."""
    speaker: str | None = None
    """Full name of the speaker, titles and ranks stripped; None when unknown."""
    attribution: str | None = None
    """The attribution clause as written, e.g. "Ryder stated"."""
    speaker_title: str | None = None
    """The speaker's title on first reference, e.g. "Pentagon Press Secretary"."""
    quotations: tuple[Quotation, ...] = ()
    """The quoted spans of the paragraph, in order, each with its speaker."""


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    """True for a numbered list."""
    items: tuple[str, ...]
    """Item texts without their bullet or number, wrapped lines joined."""
    markers: tuple[str, ...] = ()
    """The bullet or number each item had in the source ("-", "1."), when known."""


Block: TypeAlias = Paragraph | Quote | ListBlock


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under one heading."""

    heading: str | None
    """The section heading; None for the opening section."""
    blocks: tuple[Block, ...]
    """The section's body blocks, in source order."""
    role: Role = "body"
    """``boilerplate`` for an "About …" section that writers set apart."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the document that are not body text."""

    title: str | None = None
    """Title for the document's properties; falls back to the headline."""
    byline: str | None = None
    """Author or byline, as written."""
    date: str | None = None
    """Publication date, ISO 8601."""
    language: str = "en"
    """BCP 47 language tag."""
    source_path: str | None = None
    """Path the document was read from, when it was read from a file."""
    identifier: str | None = None
    """Stable identifier computed from the content (see ``content_identifier``)."""
    keywords: tuple[str, ...] = ()
    """Subject keywords."""
    release: str | None = None
    """Release notice as written: "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL …"."""
    embargo: str | None = None
    """Embargo end, ISO 8601, when the release notice names one that parses."""
    contacts: tuple[str, ...] = ()
    """Media contact blocks, each as written with its lines joined by newlines."""
    end_mark: str | None = None
    """The end mark as written: "###", "-30-", "- end -"."""
    publisher: str | None = None
    """Organisation issuing the release, when known."""


@dataclass(frozen=True, slots=True)
class Document:
    """One press release or article."""

    headline: str
    """The headline, from an option, front matter, the text, or derived from the lede."""
    headline_derived: bool = False
    """True when the text had no headline and one was derived from the lede."""
    subtitle: str | None = None
    """The dek under the headline."""
    dateline: str | None = None
    """The dateline ("WASHINGTON, Oct. 28, 2024 —"), also left in the first paragraph."""
    metadata: Metadata = field(default_factory=Metadata)
    """Everything that is not headline or body."""
    sections: tuple[Section, ...] = ()
    """The body, in order; the first section's heading is None when the text opens without one."""

    @property
    def title(self) -> str:
        """The title to show in document properties: metadata title or the headline."""
        return self.metadata.title or self.headline

    def blocks(self) -> list[Block]:
        """Every body block in order, across sections."""
        return [block for section in self.sections for block in section.blocks]


def block_text(block: Block) -> str:
    """The words of a block as one string (list items joined by newlines)."""
    match block:
        case Paragraph(text=text) | Quote(text=text):
            return text
        case ListBlock(items=items):
            return "\n".join(items)


def content_identifier(document: Document) -> str:
    """A stable hex digest of the document's words and structure.

    It ignores where the file lives and the identifier itself, so the same
    text gives the same identifier on every machine.
    """
    from pressconv.serialize import to_dict

    data = to_dict(
        replace(document, metadata=replace(document.metadata, identifier=None, source_path=None)),
        quotations=False,
    )
    # The payload keeps the version-1 shape (no quotation spans, version 1), so the same words keep
    # the identifier they had before the JSON grew: quotations follow from the words and speakers.
    data["model_version"] = 1
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def with_identifier(document: Document) -> Document:
    """The document with ``metadata.identifier`` set from its content."""
    return replace(document, metadata=replace(document.metadata, identifier=content_identifier(document)))
