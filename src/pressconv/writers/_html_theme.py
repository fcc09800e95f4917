"""A theme -> what the HTML and EPUB writers show of it: the stylesheet, the letterhead, the footer line.

``stylesheet`` fills ``assets/pressconv.css`` (a ``string.Template``) with the
theme's colours and typefaces, once per theme per process, after an ``@font-face``
rule for each typeface the theme gives as a font file (``font_files``); ``letterhead`` and
``page_footer`` are the elements that frame a page (or an EPUB's release), built
as ElementTree like the rest of the page so escaping stays in the serializer.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from string import Template

from pressconv import lazy_re
from pressconv.errors import WriterError
from pressconv.theme import DEFAULT, Theme


@cache
def _template() -> Template:
    # Read beside this module rather than through importlib.resources, whose import (readers,
    # adapters) costs more than the rest of this writer; the package is always installed as files.
    return Template((Path(__file__).parent / "assets" / "pressconv.css").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class FontFile:
    """A theme's typeface given as a TrueType file: what an ``@font-face`` rule says of it."""

    path: str
    family: str
    """The family name the stylesheet's ``font-family`` asks for (the theme's, read from the file)."""
    weight: int
    """The file's own weight (OS/2 ``usWeightClass``): a bold file serves only bold text."""
    italic: bool
    href: str
    """Its place in an EPUB (``fonts/NAME.ttf``, beside ``style.css``)."""


def font_files(theme: Theme) -> tuple[FontFile, ...]:
    """The theme's body and heading typefaces that are font files, each once (fontconfig names: none).

    A family fontconfig knows stays a name in ``font-family``: the reader's system may have it, and
    the page does not carry a font it was not given.
    """
    found: list[FontFile] = []
    for font, family in ((theme.body_font, theme.body_family), (theme.heading_font, theme.heading_family)):
        if not font or not font.lower().endswith(".ttf") or any(f.path == font for f in found):
            continue
        weight, italic = _style_of(font)
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(font).stem).strip("-.") or "font"
        href = f"fonts/{stem}.ttf"
        if any(f.href == href for f in found):
            href = f"fonts/{stem}-{len(found) + 1}.ttf"
        found.append(FontFile(font, family or stem, weight, italic, href))
    return tuple(found)


@cache
def _style_of(path: str) -> tuple[int, bool]:
    """(weight, italic) of a TrueType file, from its OS/2 table; (400, False) when it has none."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True) as font:
            if "OS/2" not in font:
                return 400, False
            table = font["OS/2"]
            return int(table.usWeightClass) or 400, bool(table.fsSelection & 1)
    except (OSError, TTLibError) as err:
        raise WriterError(f"the theme's font {path!r} cannot be read ({err})") from None


def _font_faces(theme: Theme, in_package: bool) -> str:
    """``@font-face`` rules for the theme's font files: a ``data:`` URL (the page stays one file) or, in
    an EPUB, the package's font item beside the stylesheet."""
    rules = []
    for font in font_files(theme):
        if in_package:
            source = font.href
        else:
            source = "data:font/ttf;base64," + base64.b64encode(Path(font.path).read_bytes()).decode("ascii")
        style = "italic" if font.italic else "normal"
        family = _css_string(font.family)
        rules.append(
            f'@font-face {{ font-family: {family}; src: url("{source}") format("truetype"); '
            f"font-weight: {font.weight}; font-style: {style}; }}\n"
        )
    return "".join(rules)


@cache
def stylesheet(theme: Theme = DEFAULT, in_package: bool = False) -> str:
    """The stylesheet shared by the HTML and EPUB writers, its colours and typefaces from ``theme``.

    A typeface given as a font file comes with it (``@font-face``): inside the sheet as a ``data:``
    URL for a page, or as the EPUB's font item (``font_files``' ``href``) when ``in_package``.
    """
    return _font_faces(theme, in_package) + _template().substitute(
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
    low = family.lower()
    generic = "monospace" if "mono" in low else "sans-serif" if "sans" in low else "serif"
    return f"{_css_string(family)}, {generic}"


def _css_string(text: str) -> str:
    """``text`` as a CSS string: quotes and backslashes escaped, and "<" too, since the sheet may sit in a
    <style>."""
    name = "".join(ch for ch in text if ch.isprintable())
    name = name.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{name}"'


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
    return _footer_line(theme.footer) if theme.footer else None


@lru_cache(maxsize=16)  # the same line for every page a theme frames
def _footer_line(footer: str) -> str | None:
    parts = _SEPARATOR.split(footer.strip())
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
    return None if theme.logo is None else _data_uri(theme.logo.media_type, theme.logo.data)


@lru_cache(maxsize=8)  # encoded once per process: every page of a theme carries the same logo
def _data_uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
