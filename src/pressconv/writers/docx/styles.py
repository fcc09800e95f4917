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
]


@dataclass(frozen=True, slots=True)
class StyleSpec:
    """A named style and how to create it when a template lacks it."""

    name: str
    """The style's UI name, as Word shows it."""
    kind: Literal["paragraph", "character"] = "paragraph"
    """Paragraph or character (run) style."""
    base: str | None = "Normal"
    """The style it is based on when created."""
    size_pt: float | None = None
    """Font size in points."""
    bold: bool | None = None
    italic: bool | None = None
    all_caps: bool | None = None
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
}
