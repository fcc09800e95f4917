"""A theme -> what the HTML and EPUB writers show of it: the stylesheet, the letterhead, the footer line.

``stylesheet`` fills ``assets/pressconv.css`` (a ``string.Template``) with the
theme's colours and typefaces, once per theme per process; ``letterhead`` and
``page_footer`` are the elements that frame a page (or an EPUB's release), built
as ElementTree like the rest of the page so escaping stays in the serializer.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from string import Template

from pressconv import lazy_re
from pressconv.theme import DEFAULT, Theme


@cache
def _template() -> Template:
    # Read beside this module rather than through importlib.resources, whose import (readers,
    # adapters) costs more than the rest of this writer; the package is always installed as files.
    return Template((Path(__file__).parent / "assets" / "pressconv.css").read_text(encoding="utf-8"))


@cache
def stylesheet(theme: Theme = DEFAULT) -> str:
    """The stylesheet shared by the HTML and EPUB writers, its colours and typefaces from ``theme``."""
    return _template().substitute(
        ink=theme.ink,
        primary=theme.primary,
        accent=theme.accent,
        tint=_tint(theme.accent),
        body_font=_font_stack(theme.body_family, _BODY_FONTS),
        heading_font=_font_stack(theme.heading_family, "inherit"),
        sans_font=_SANS_FONTS,
    )


_BODY_FONTS = 'Georgia, "DejaVu Serif", serif'
_SANS_FONTS = '"DejaVu Sans", Arial, sans-serif'


def _font_stack(family: str | None, default: str) -> str:
    """CSS ``font-family`` for a theme's typeface: the family as a CSS string, then a generic family."""
    if not family:
        return default
    # A CSS string: quotes and backslashes escaped, and "<" too, since the sheet may sit in a <style>.
    name = "".join(ch for ch in family if ch.isprintable())
    name = name.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    low = family.lower()
    generic = "monospace" if "mono" in low else "sans-serif" if "sans" in low else "serif"
    return f'"{name}", {generic}'


def _tint(colour: str, keep: float = 0.2) -> str:
    """``colour`` (``#rrggbb``) mixed with white, keeping ``keep`` of it: a fill light enough for text."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * keep + 255 * (1 - keep)):02x}" for c in channels)


_SEPARATOR = lazy_re.compile(r"(\s+[·|—–-]\s+)")


def footer_line(theme: Theme) -> str | None:
    """The theme's footer for a format without pages: the parts naming ``{page}`` or ``{pages}`` dropped.

    Parts are what separators (`` · ``, `` | ``, `` — ``, `` – ``, `` - ``) divide; "Acme · page {page}
    of {pages}" gives "Acme", and a footer that is only a page number gives None.
    """
    if not theme.footer:
        return None
    parts = _SEPARATOR.split(theme.footer.strip())
    kept: list[str] = []
    for index in range(0, len(parts), 2):
        if "{page" not in parts[index] and parts[index].strip():
            if kept:
                kept.append(parts[index - 1])
            kept.append(parts[index])
    return "".join(kept).replace("{{", "{").replace("}}", "}") or None


def letterhead(theme: Theme, logo_src: str | None) -> ET.Element | None:
    """The page's letterhead: the logo (``logo_src``, with its alt text), then the organisation's name and
    the letterhead line under it: the words and order of the PDF's letterhead and the DOCX header."""
    if not theme.organisation and not theme.letterhead and logo_src is None:
        return None
    header = ET.Element("header", {"class": "letterhead"})
    if logo_src is not None and theme.logo is not None:
        ET.SubElement(header, "img", {"src": logo_src, "alt": theme.logo.alt, "class": "logo"})
    if theme.organisation and theme.organisation.strip():
        ET.SubElement(header, "p", {"class": "organisation"}).text = " ".join(theme.organisation.split())
    if theme.letterhead:
        line = ET.SubElement(header, "p")
        first, *rest = theme.letterhead.split("\n")
        line.text = first
        for more in rest:
            ET.SubElement(line, "br").tail = more
    return header


def page_footer(theme: Theme) -> ET.Element | None:
    """The page's footer line (``footer_line``), or None."""
    line = footer_line(theme)
    if line is None:
        return None
    footer = ET.Element("footer", {"class": "page-footer"})
    ET.SubElement(footer, "p").text = line
    return footer


def logo_data_uri(theme: Theme) -> str | None:
    """The theme's logo as a ``data:`` URI, so the page stays one self-contained file."""
    if theme.logo is None:
        return None
    return f"data:{theme.logo.media_type};base64,{base64.b64encode(theme.logo.data).decode('ascii')}"
