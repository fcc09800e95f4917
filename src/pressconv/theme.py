"""The house style: one theme that every writer applies, so four formats carry one identity.

A ``Theme`` is plain data: organisation name, logo, colours, typefaces, page
set-up, letterhead and footer lines, the default contact block and
boilerplate, and whether a quote's speaker is shown under it.  Writers read
it with ``theme_of(options)``; when no theme is given they get ``DEFAULT``,
which is pressconv's own look.  Loading a theme from a folder or a
``[tool.pressconv.theme]`` table, and refusing a bad one, also live here, below
the writers, so no writer imports the configuration code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

LogoType = Literal["image/png", "image/svg+xml"]


@dataclass(frozen=True, slots=True)
class Logo:
    """The organisation's logo: its bytes, loaded once, with what a reader who cannot see it is told."""

    data: bytes
    media_type: LogoType
    alt: str
    """Alternative text; required, since every format tags the logo as an image."""
    filename: str
    """The file's own name (``logo.svg``), used inside packages (EPUB, DOCX)."""


@dataclass(frozen=True, slots=True)
class Theme:
    """Every setting a writer applies; the defaults are pressconv's own look."""

    name: str = "default"
    source: str | None = None
    """The file the theme came from (``theme.toml`` or ``pyproject.toml``), for messages."""
    organisation: str | None = None
    logo: Logo | None = None
    primary: str = "#1f4e79"
    """``#rrggbb``: headings, links, the letterhead rule."""
    accent: str = "#9db3c8"
    """``#rrggbb``: quote rules, table borders and fills."""
    ink: str = "#1a1a1a"
    """``#rrggbb``: body text."""
    body_font: str | None = None
    """A font file path or a family name fontconfig knows; None keeps each writer's own."""
    heading_font: str | None = None
    page_size: Literal["letter", "a4"] | None = None
    """None lets the document's language decide, as without a theme."""
    margins_mm: tuple[float, float, float, float] | None = None
    """Top, right, bottom, left, in millimetres; None keeps each writer's own."""
    letterhead: str | None = None
    """One line above the first page's text (PDF, DOCX) or the page (HTML, EPUB)."""
    footer: str | None = None
    """One line at the foot of every page; ``{page}`` and ``{pages}`` are replaced."""
    contact: str | None = None
    """The contact block a document gets when it has none (its words then reach every output)."""
    boilerplate: str | None = None
    """The "About" text a document gets when it has none."""
    show_speaker: bool = False
    """A visible "— Name" line under each attributed quote, in all four formats."""


DEFAULT = Theme()


def theme_of(options: Mapping[str, Any]) -> Theme:
    """The theme a writer applies: the ``theme`` option's loaded value, else ``DEFAULT``."""
    value = options.get("theme")
    return value if isinstance(value, Theme) else DEFAULT
