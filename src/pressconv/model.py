"""The canonical document model: what every reader produces and every writer consumes.

A small closed set of frozen, slotted dataclasses with no I/O and no knowledge
of any format.  ``Block`` is the union of the body node types; writers
``match`` on it and end with ``assert_never`` so a forgotten node type is a
type error.

Inline content (emphasis, links, code, line breaks, note references) is kept
as ``Mark`` spans over a block's plain text, the way ``Quotation`` spans are:
the text itself stays the plain, whitespace-folded words, so the reader rules,
the fidelity checks and the content identifier see exactly what they saw
before marks existed.  Marks never hold words of their own.

This module imports nothing from pressconv; the JSON form and the content
identifier live in ``pressconv.serialize``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

#: Bumped whenever the JSON shape changes; ``serialize.load`` reads this version and the ones before it.
#: 2 added quotation spans (``Paragraph.quotations``, ``Quote.quotations``).
#: 3 added inline marks, tables, figures, notes, heading levels, nested lists and structured contacts.
MODEL_VERSION = 3

SectionRole: TypeAlias = Literal["body", "boilerplate"]
"""What a section is: body text, or ``boilerplate`` (an "About …" section that writers set apart)."""

MarkKind: TypeAlias = Literal["emphasis", "strong", "link", "code", "break", "noteref"]
"""The kinds of inline mark.  ``break`` and ``noteref`` are zero-width (``start == end``)."""

NoteKind: TypeAlias = Literal["footnote", "endnote", "editors"]
"""``footnote``/``endnote`` are referenced from the text by ``noteref`` marks; ``editors`` are the
numbered "Notes to editors" of a press release, which stand after the body unreferenced."""


@dataclass(frozen=True, slots=True)
class Mark:
    """Inline markup over a span of a text: emphasis, strong, a link, code, a line break or a note reference.

    Offsets index the plain text of the element that carries the mark.  Marks
    are listed in order of ``start`` (the longer first when two start
    together) and may nest; two marks never partly overlap.  A ``break`` is
    zero-width at the offset where the new line starts (the folded space
    before it stays in the text); a ``noteref`` is zero-width where the
    reference stood, and its ``target`` is the ``Note.id`` it points to.
    """

    start: int
    """Offset of the first marked character."""
    end: int
    """Offset just after the last marked character (``start`` for a zero-width mark)."""
    kind: MarkKind
    """What the span is."""
    target: str | None = None
    """A link's URL (``mailto:``/``tel:`` for addresses and phones) or a noteref's note id; else None."""


Marks: TypeAlias = tuple[Mark, ...]


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
    marks: Marks = ()
    """Inline marks over ``text``, in order."""
    speaker: str | None = None
    """Whose words the paragraph is when it is unquoted first-person text of a statement issued in
    someone's name ("We will rebuild …" under "Statement by Governor Ana Ruiz"); None otherwise."""


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
    marks: Marks = ()
    """Inline marks over ``text``, in order."""


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    """True for a numbered list."""
    items: tuple[str, ...]
    """Item texts without their bullet or number, wrapped lines joined."""
    markers: tuple[str, ...] = ()
    """The bullet or number each item had in the source ("-", "1."), when known."""
    levels: tuple[int, ...] = ()
    """Each item's nesting depth (0 = top level; an item is at most one deeper than the one before);
    empty when every item is at the top level."""
    item_marks: tuple[Marks, ...] = ()
    """Each item's inline marks over its text; empty when no item has any."""

    def __post_init__(self) -> None:
        # One spelling per list: a flat or unmarked list keeps these empty, so equality and JSON agree.
        if not any(self.levels):
            object.__setattr__(self, "levels", ())
        if not any(self.item_marks):
            object.__setattr__(self, "item_marks", ())
        for name in ("levels", "item_marks"):
            given = len(getattr(self, name))
            if given and given != len(self.items):
                raise ValueError(f"list {name}: {given} for {len(self.items)} items")

    def level(self, index: int) -> int:
        """The nesting depth of item ``index`` (0 when the list is flat)."""
        return self.levels[index] if self.levels else 0

    def marks(self, index: int) -> Marks:
        """The inline marks of item ``index``."""
        return self.item_marks[index] if self.item_marks else ()


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell."""

    text: str
    """The cell's words, whitespace folded; paragraphs inside the cell joined by a space and a break mark."""
    marks: Marks = ()
    """Inline marks over ``text``."""
    colspan: int = 1
    """Columns the cell spans."""
    rowspan: int = 1
    """Rows the cell spans."""


Row: TypeAlias = tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table: header rows, body rows of cells, an optional caption."""

    rows: tuple[Row, ...]
    """The body rows, in order; a cell covered by a span above or to its left is not listed."""
    header: tuple[Row, ...] = ()
    """The header rows (``th`` rows, Word's repeated header rows), in order."""
    caption: str | None = None
    """The caption or title, as written."""
    caption_marks: Marks = ()
    """Inline marks over ``caption``."""


@dataclass(frozen=True, slots=True)
class Figure:
    """An image with its alt text, caption and credit."""

    alt: str = ""
    """The image's text alternative as the source gave it ("" when it gave none)."""
    src: str | None = None
    """Where the image is: a URL or a path relative to the source, when not embedded."""
    data: bytes | None = None
    """The image bytes, when the source embedded them (a DOCX picture, a data: URI)."""
    media_type: str | None = None
    """The image's media type ("image/png"), when known."""
    caption: str | None = None
    """The caption, as written."""
    caption_marks: Marks = ()
    """Inline marks over ``caption``."""
    credit: str | None = None
    """The photo credit, as written ("Photo: Ana Ruiz")."""


Block: TypeAlias = Paragraph | Quote | ListBlock | Table | Figure


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under one heading."""

    heading: str | None
    """The section heading; None for the opening section."""
    blocks: tuple[Block, ...]
    """The section's body blocks, in source order."""
    role: SectionRole = "body"
    """``boilerplate`` for an "About …" section that writers set apart."""
    level: int = 2
    """The heading's level, 2 to 4 (the headline is level 1); deeper source headings are level 4."""
    heading_marks: Marks = ()
    """Inline marks over ``heading``."""


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote, an endnote, or one of the numbered "Notes to editors"."""

    id: str
    """Unique in the document; the ``target`` of the ``noteref`` marks that point here."""
    label: str
    """The note's number or symbol as the source showed it ("1", "*"); writers show it."""
    text: str
    """The note's words, whitespace folded; its paragraphs joined by a space and a break mark."""
    marks: Marks = ()
    """Inline marks over ``text``."""
    kind: NoteKind = "footnote"
    """Footnote, endnote, or note to editors."""


@dataclass(frozen=True, slots=True)
class Contact:
    """One media contact, structured; ``text`` keeps it as written so no word is lost."""

    text: str
    """The contact block as written, lines joined by newlines (the matching ``Metadata.contacts`` entry)."""
    name: str | None = None
    """The person's name."""
    role: str | None = None
    """Their job title or role ("Press Officer")."""
    organisation: str | None = None
    """The organisation they speak for."""
    phone: str | None = None
    """The first phone number, normalised to E.164 ("+12025550100") when it parses."""
    email: str | None = None
    """The first e-mail address."""
    url: str | None = None
    """The first web address."""
    marks: Marks = ()
    """Link marks over ``text``: every e-mail address (``mailto:``), web address and phone number
    (``tel:`` with the E.164 number) found in it."""


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
    contact_details: tuple[Contact, ...] = ()
    """The same contacts structured, one per entry of ``contacts`` in the same order; empty when the
    reader did not structure them (writers then show ``contacts`` as written)."""
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
    headline_marks: Marks = ()
    """Inline marks over ``headline``."""
    subtitle_marks: Marks = ()
    """Inline marks over ``subtitle``."""
    notes: tuple[Note, ...] = ()
    """Footnotes, endnotes and notes to editors, in the order the source gave them."""
    notes_heading: str | None = None
    """The heading the source gave its notes to editors, as written ("Notes to editors:"); writers
    head those notes with it, or with "Notes to editors" when it is None."""
    notes_at: int | None = None
    """Where the notes to editors stood in the source: the index in ``sections`` they came before
    (``len(sections)``: after the last); None when unknown (taken as after the last section)."""

    @property
    def title(self) -> str:
        """The title to show in document properties: metadata title or the headline."""
        return self.metadata.title or self.headline

    def blocks(self) -> list[Block]:
        """Every body block in order, across sections."""
        return [block for section in self.sections for block in section.blocks]


def block_text(block: Block) -> str:
    """The words of a block as one string (list items, table rows and figure parts joined by newlines).

    A table gives its caption, then one line per row (header rows first) with
    the cells joined by a space; a figure gives its alt text, caption and
    credit, each that is present.
    """
    match block:
        case Paragraph(text=text) | Quote(text=text):
            return text
        case ListBlock(items=items):
            return "\n".join(items)
        case Table(rows=rows, header=header, caption=caption):
            lines = [caption] if caption else []
            lines += [" ".join(cell.text for cell in row) for row in (*header, *rows)]
            return "\n".join(lines)
        case Figure(alt=alt, caption=caption, credit=credit):
            return "\n".join(part for part in (alt, caption, credit) if part)
