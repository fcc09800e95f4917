"""The DOCX writer's style map, kept as data: each part of a release -> the named Word style it wears.

Built-in names (Title, Subtitle, Heading 1, Body Text, Quote, List Bullet,
List Number) are used wherever Word has one, so the navigation pane, pandoc
and a corporate template understand the document; the press furniture that
Word has no style for gets a named style of its own.  A reference document
that already defines a style keeps its own look; the properties here only
shape a style the writer has to create because the template lacks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: The kind of text a paragraph or run of a release holds; it decides the Word style it wears.
#: (Not ``model.Role``, which says whether a section is body or boilerplate.)
TextKind = Literal[
    "publisher",
    "release",
    "headline",
    "subtitle",
    "byline",
    "heading",
    "paragraph",
    "quote",
    "list_bullet",
    "list_number",
    "dateline",
    "boilerplate_heading",
    "boilerplate",
    "contact",
    "end_mark",
    # Model v3 (#18): deeper headings and lists, inline runs, tables, figures and notes.
    "heading_3",
    "heading_4",
    "list_bullet_2",
    "list_bullet_3",
    "list_number_2",
    "list_number_3",
    "hyperlink",
    "emphasis",
    "strong",
    "code",
    "table",
    "table_text",
    "caption",
    "figure",
    "credit",
    "footnote_text",
    "footnote_reference",
    "endnote_text",
    "endnote_reference",
    "notes_heading",
    "editors_note",
    # The theme (#19): the speaker line under a quote, the first page's letterhead, and a press kit's
    # title page with its table of contents.
    "speaker",
    "letterhead",
    "volume_title",
    "contents_heading",
    "toc_1",
    "toc_2",
]


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """A named style and how to create it when a template lacks it."""

    name: str
    """The style's UI name, as Word shows it."""
    kind: Literal["paragraph", "character", "table"] = "paragraph"
    """Paragraph, character (run) or table style."""
    base: str | None = "Normal"
    """The style it is based on when created."""
    size_pt: float | None = None
    """Font size in points."""
    bold: bool | None = None
    italic: bool | None = None
    all_caps: bool | None = None
    underline: bool | None = None
    superscript: bool | None = None
    color: str | None = None
    """Font colour as six hex digits ("0563C1")."""
    font: str | None = None
    """Font family name, for a style that must not wear the body font (code)."""
    align: Literal["left", "center", "right"] | None = None
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    indent_pt: float | None = None
    """Left and right indent."""
    keep_with_next: bool | None = None
    outline_level: int | None = None
    """0 for a level-1 heading; shows the paragraph in the navigation pane."""
    numbering: Literal["bullet", "decimal"] | None = None
    """List numbering the created style carries, so list items show their bullets or numbers."""


#: Every kind of text the writer renders, with the style it uses.
STYLES: dict[TextKind, StyleSpec] = {
    "publisher": StyleSpec("Publisher", bold=True, size_pt=10, space_after_pt=6, keep_with_next=True),
    "release": StyleSpec("Release Line", bold=True, all_caps=True, space_after_pt=12, keep_with_next=True),
    "headline": StyleSpec("Title", size_pt=26, bold=True, space_after_pt=12, keep_with_next=True),
    "subtitle": StyleSpec("Subtitle", size_pt=14, italic=True, space_after_pt=12, keep_with_next=True),
    "byline": StyleSpec("Byline", size_pt=10, space_after_pt=12, keep_with_next=True),
    "heading": StyleSpec(
        "Heading 1",
        size_pt=14,
        bold=True,
        space_before_pt=18,
        space_after_pt=6,
        keep_with_next=True,
        outline_level=0,
    ),
    "paragraph": StyleSpec("Body Text", space_after_pt=6),
    "quote": StyleSpec("Quote", italic=True, indent_pt=36, space_after_pt=6),
    "list_bullet": StyleSpec("List Bullet", numbering="bullet"),
    "list_number": StyleSpec("List Number", numbering="decimal"),
    "dateline": StyleSpec("Dateline", kind="character", base="Default Paragraph Font", bold=True),
    "boilerplate_heading": StyleSpec(
        "Boilerplate Heading",
        base="Heading 1",
        size_pt=11,
        space_before_pt=24,
        space_after_pt=4,
        keep_with_next=True,
    ),
    "boilerplate": StyleSpec("Boilerplate", size_pt=9, space_after_pt=4),
    "contact": StyleSpec("Contact", size_pt=10, space_before_pt=12, space_after_pt=6),
    "end_mark": StyleSpec("End Mark", align="center", space_before_pt=12),
    # Model v3 (#18). Section levels 3 and 4 wear Heading 2 and 3: level 2 keeps Heading 1, so the
    # outline has no gap under the Title and a reference document's Heading 1 look still applies.
    "heading_3": StyleSpec(
        "Heading 2",
        size_pt=12,
        bold=True,
        space_before_pt=12,
        space_after_pt=4,
        keep_with_next=True,
        outline_level=1,
    ),
    "heading_4": StyleSpec(
        "Heading 3",
        size_pt=11,
        bold=True,
        italic=True,
        space_before_pt=10,
        space_after_pt=4,
        keep_with_next=True,
        outline_level=2,
    ),
    # Nested list items: Word's own "List Bullet 2" … styles, each indented one step further.
    "list_bullet_2": StyleSpec("List Bullet 2", numbering="bullet"),
    "list_bullet_3": StyleSpec("List Bullet 3", numbering="bullet"),
    "list_number_2": StyleSpec("List Number 2", numbering="decimal"),
    "list_number_3": StyleSpec("List Number 3", numbering="decimal"),
    "hyperlink": StyleSpec(
        "Hyperlink", kind="character", base="Default Paragraph Font", color="0563C1", underline=True
    ),
    "emphasis": StyleSpec("Emphasis", kind="character", base="Default Paragraph Font", italic=True),
    "strong": StyleSpec("Strong", kind="character", base="Default Paragraph Font", bold=True),
    "code": StyleSpec("HTML Code", kind="character", base="Default Paragraph Font", font="Courier New"),
    # The table style: thin borders, the header row bold on a light grey (added in prepare.py).
    "table": StyleSpec("Press Table", kind="table", base="Normal Table"),
    "table_text": StyleSpec("Table Text", space_after_pt=0),
    "caption": StyleSpec("Caption", size_pt=9, italic=True, space_before_pt=4, space_after_pt=8),
    "figure": StyleSpec("Figure", align="center", space_before_pt=6, keep_with_next=True),
    "credit": StyleSpec("Photo Credit", size_pt=8, space_after_pt=8),
    "footnote_text": StyleSpec("Footnote Text", size_pt=9, space_after_pt=0),
    "footnote_reference": StyleSpec(
        "Footnote Reference", kind="character", base="Default Paragraph Font", superscript=True
    ),
    "endnote_text": StyleSpec("Endnote Text", size_pt=9, space_after_pt=0),
    "endnote_reference": StyleSpec(
        "Endnote Reference", kind="character", base="Default Paragraph Font", superscript=True
    ),
    "notes_heading": StyleSpec(
        "Notes Heading",
        base="Heading 1",
        size_pt=11,
        space_before_pt=24,
        space_after_pt=4,
        keep_with_next=True,
    ),
    "editors_note": StyleSpec("Note to Editors", size_pt=9, space_after_pt=4),
    # The theme (#19). The speaker line sits under its quote, inside the quote's rule (based on Quote).
    "speaker": StyleSpec("Quote Speaker", base="Quote", italic=False, size_pt=10, space_after_pt=6),
    "letterhead": StyleSpec("Letterhead", base="Header", size_pt=10, bold=True, space_after_pt=0),
    "volume_title": StyleSpec("Volume Title", base="Title", size_pt=30, space_before_pt=72),
    "contents_heading": StyleSpec("TOC Heading", base="Heading 1", space_before_pt=24),
    # Word's own names for the table of contents levels, so a refreshed TOC field keeps their look.
    "toc_1": StyleSpec("toc 1", bold=True, space_before_pt=6, space_after_pt=2),
    "toc_2": StyleSpec("toc 2", indent_pt=18, space_after_pt=2),
}
