"""The house style: one theme that every writer applies, so four formats carry one identity.

A ``Theme`` is plain data: organisation name, logo, colours, typefaces, page
set-up, letterhead and footer lines, the default contact block and
boilerplate, and whether a quote's speaker is shown under it.  Writers read
it with ``theme_of(options)``; when no theme is given they get ``DEFAULT``,
which is pressconv's own look.  Loading a theme from a folder (``theme.toml``
and its logo), a ``theme.toml`` path or a ``[tool.pressconv.theme]`` table
(``load`` / ``from_table``), and refusing a bad one with one line naming the
file and the setting, also live here, below the writers, so no writer imports
the configuration code.  ``with_defaults`` puts the theme's contact block and
boilerplate into a document that has none, once, before any writer runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pressconv.errors import PressconvError
from pressconv.model import Contact, Document, Paragraph, Section

LogoType = Literal["image/png", "image/svg+xml"]

THEME_FILE = "theme.toml"


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
    source: str | None = field(default=None, compare=False)
    """The file the theme came from (``theme.toml`` or ``pyproject.toml``), for messages; not part of
    the look, so a theme loaded from a file can equal ``DEFAULT``."""
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
    body_family: str | None = None
    """``body_font``'s family name as fontconfig spells it (for a file: the family inside it), for
    CSS ``font-family`` and Word's font names; None when ``body_font`` is None."""
    heading_family: str | None = None
    """``heading_font``'s family name, as ``body_family``."""

    def fingerprint(self) -> str:
        """A hash of everything that decides the look: the settings, the logo's and font files' bytes.

        ``build`` counts it among a format's options, so changing a colour or the logo rebuilds.
        """
        record: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "source":
                continue
            if isinstance(value, Logo):
                value = [hashlib.sha256(value.data).hexdigest(), value.media_type, value.alt, value.filename]
            elif item.name in ("body_font", "heading_font") and value and os.path.isfile(value):
                value = "sha256:" + hashlib.sha256(Path(value).read_bytes()).hexdigest()
            record[item.name] = value
        return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()


DEFAULT = Theme()


def theme_of(options: Mapping[str, Any]) -> Theme:
    """The theme a writer applies: the ``theme`` option's loaded value, else ``DEFAULT``."""
    value = options.get("theme")
    return value if isinstance(value, Theme) else DEFAULT


# --- the document's defaults -----------------------------------------------------------------------


def with_defaults(document: Document, theme: Theme) -> Document:
    """``document`` with the theme's contact block and boilerplate where it has none of its own.

    Done once, before rendering (``api.render``), so every writer shows the same words and the
    fidelity check sees them in the model.  The boilerplate becomes a boilerplate section headed
    "About ORGANISATION" (or "About" without one), one paragraph per blank-line-separated block.
    """
    meta = document.metadata
    changed = document
    if theme.contact and not meta.contacts:
        contact, details = _contact(theme.contact)
        changed = replace(changed, metadata=replace(meta, contacts=(contact,), contact_details=(details,)))
    if theme.boilerplate and not any(section.role == "boilerplate" for section in document.sections):
        changed = replace(
            changed, sections=(*changed.sections, _boilerplate(theme.boilerplate, theme.organisation))
        )
    return changed


# Made once per process for a theme's words: a contact's phone numbers are parsed by phonenumbers,
# and a build renders every document in four formats under the same theme.
@cache
def _contact(text: str) -> tuple[str, Contact]:
    from pressconv.contacts import parse_contact

    contact = text.strip("\n")
    return contact, parse_contact(contact)


@cache
def _boilerplate(text: str, organisation: str | None) -> Section:
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    heading = f"About {organisation}" if organisation else "About"
    return Section(heading, tuple(Paragraph(p) for p in paragraphs if p), "boilerplate")


# --- loading ---------------------------------------------------------------------------------------

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_TEXT_KEYS = ("name", "organisation", "logo", "logo_alt", "letterhead", "footer", "contact", "boilerplate")
_KEYS = (
    *_TEXT_KEYS,
    "primary",
    "accent",
    "ink",
    "body_font",
    "heading_font",
    "page_size",
    "margins_mm",
    "show_speaker",
)


class _Refusal(Exception):
    """One setting's fault, before the file it came from is known to the message."""


def load(path: str | os.PathLike[str], base: Path | None = None) -> Theme:
    """The theme in a folder holding ``theme.toml``, or in a ``theme.toml`` file given by path.

    A relative ``path`` counts from ``base`` (default: the working directory).  Any fault is one
    ``PressconvError`` naming the file (and the setting).
    """
    import tomllib

    given = Path(path)
    if base is not None and not given.is_absolute():
        given = base / given
    file = given / THEME_FILE if given.is_dir() else given
    if not file.is_file():
        what = (
            "no theme.toml in the theme folder"
            if given.is_dir()
            else "no such theme (a folder or a .toml file)"
        )
        raise PressconvError(what, shown(file if given.is_dir() else given))
    try:
        with file.open("rb") as handle:
            table = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise PressconvError(f"not valid TOML: {err}", shown(file)) from None
    except OSError as err:
        raise PressconvError(f"cannot read: {err.strerror}", shown(file)) from None
    name = file.parent.name if file.name == THEME_FILE else file.stem
    return from_table(table, file, name=name)


def from_table(table: Mapping[str, Any], source: Path, *, label: str = "", name: str = "theme") -> Theme:
    """The theme a TOML table describes; paths in it (the logo, font files) count from ``source``'s folder.

    ``label`` prefixes each setting in messages (``[tool.pressconv.theme] ``) when the table is one
    of several in its file.
    """
    try:
        return replace(_from_table(dict(table), source.parent, name), source=shown(source))
    except _Refusal as err:
        raise PressconvError(f"{label}{err}", shown(source)) from None
    except PressconvError as err:
        err.path = shown(source)
        raise


def shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, for messages."""
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _from_table(table: dict[str, Any], folder: Path, name: str) -> Theme:
    for key in table:
        if key not in _KEYS:
            raise _Refusal(f"{key}: unknown setting (known: {', '.join(_KEYS)})")
    values: dict[str, Any] = {"name": name}
    for key in _TEXT_KEYS:
        if key in table:
            value = table[key]
            if not isinstance(value, str):
                raise _Refusal(f"{key}: {value!r} is not a string")
            values[key] = value
    for key in ("primary", "accent", "ink"):
        if key in table:
            values[key] = _colour(key, table[key])
    for key in ("body_font", "heading_font"):
        if key in table:
            font, family = _font(key, table[key], folder)
            values[key] = font
            values[key.replace("_font", "_family")] = family
    if "page_size" in table:
        size = table["page_size"]
        if not isinstance(size, str) or size.strip().lower() not in ("letter", "a4"):
            raise _Refusal(f"page_size: {size!r} is not 'letter' or 'a4'")
        values["page_size"] = size.strip().lower()
    if "margins_mm" in table:
        values["margins_mm"] = _margins(table["margins_mm"])
    if "show_speaker" in table:
        flag = table["show_speaker"]
        if not isinstance(flag, bool):
            raise _Refusal(f"show_speaker: {flag!r} is not true or false")
        values["show_speaker"] = flag
    if "footer" in values:
        _footer(values["footer"])
    logo = values.pop("logo", None)
    alt = values.pop("logo_alt", None)
    if logo is not None:
        values["logo"] = _logo(logo, alt, values.get("organisation"), folder)
    elif alt is not None:
        raise _Refusal("logo_alt: given without a logo")
    return Theme(**values)


def _colour(key: str, value: object) -> str:
    if not isinstance(value, str) or not _COLOUR.fullmatch(value.strip()):
        raise _Refusal(f"{key}: {value!r} is not a #rrggbb colour")
    return value.strip().lower()


def _margins(value: object) -> tuple[float, float, float, float]:
    if (
        not isinstance(value, list)
        or len(value) != 4
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in value)
    ):
        raise _Refusal(f"margins_mm: {value!r} is not four numbers [top, right, bottom, left]")
    if not all(0 <= n <= 100 for n in value):
        raise _Refusal(f"margins_mm: {value!r}: each margin must be between 0 and 100 mm")
    top, right, bottom, left = (float(n) for n in value)
    return top, right, bottom, left


def _footer(value: str) -> None:
    try:
        value.format(page=1, pages=1)
    except (KeyError, IndexError, ValueError) as err:
        raise _Refusal(
            f"footer: {value!r}: only {{page}} and {{pages}} may stand in braces ({err})"
        ) from None


def _logo(value: str, alt: str | None, organisation: str | None, folder: Path) -> Logo:
    path = folder / value
    if not path.is_file():
        raise _Refusal(f"logo: {value!r}: no such file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise _Refusal(f"logo: {value!r}: cannot read: {err.strerror}") from None
    media_type = logo_type(data)
    if media_type is None:
        raise _Refusal(f"logo: {value!r} is not a PNG or SVG image")
    if alt is None:
        if not organisation:
            raise _Refusal("logo_alt: a logo needs its alternative text (or an organisation to name it)")
        alt = f"{organisation} logo"
    if not alt.strip():
        raise _Refusal("logo_alt: is empty; say what the logo shows")
    return Logo(data, media_type, alt.strip(), path.name)


def logo_type(data: bytes) -> LogoType | None:
    """``image/png`` or ``image/svg+xml`` when ``data`` is one (an SVG must be well-formed XML), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not (
        head.startswith(b"<svg") or (head.startswith((b"<?xml", b"<!--", b"<!doctype")) and b"<svg" in data)
    ):
        return None
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    return "image/svg+xml" if root.tag in ("svg", "{http://www.w3.org/2000/svg}svg") else None


# --- typefaces -------------------------------------------------------------------------------------


def _normal(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).lower()


def _font(key: str, value: object, folder: Path) -> tuple[str, str]:
    """(the font as writers take it, its family name): an existing .ttf file, or a family fontconfig knows.

    Only TrueType, since the PDF writer embeds it; a family counts when fontconfig lists a .ttf of it.
    """
    if not isinstance(value, str) or not value.strip():
        raise _Refusal(f"{key}: {value!r} is not a font file or family name")
    value = value.strip()
    if "/" in value or os.sep in value or value.lower().endswith((".ttf", ".otf", ".ttc")):
        path = Path(value).expanduser()
        path = path if path.is_absolute() else folder / path
        if not path.is_file():
            raise _Refusal(f"{key}: font file {value!r} does not exist")
        if path.suffix.lower() != ".ttf":
            raise _Refusal(f"{key}: {value!r}: only TrueType (.ttf) fonts can be embedded")
        return str(path.resolve()), _file_family(path)
    family = _families().get(_normal(value))
    if family is None:
        raise _Refusal(f"{key}: unknown typeface {value!r} (fontconfig lists no TrueType font of it)")
    return value, family


@cache
def _families() -> dict[str, str]:
    """Every family fontconfig lists a .ttf of: its normalised name -> its name as spelt there."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return {}
    import subprocess

    try:
        listing = subprocess.run(
            [fc_list, "--format", "%{file}\t%{family}\n"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, str] = {}
    for line in sorted(listing.splitlines()):
        file, _, names = line.partition("\t")
        if file.lower().endswith(".ttf"):
            for family in names.split(","):
                if family.strip():
                    found.setdefault(_normal(family), family.strip())
    return found


def _file_family(path: Path) -> str:
    """The family name inside a font file (``fc-scan``), else the file's stem without its style."""
    fc_scan = shutil.which("fc-scan")
    if fc_scan:
        import subprocess

        try:
            out = subprocess.run(
                [fc_scan, "--format", "%{family[0]}", str(path)],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out:
            return out
    return re.sub(r"[-_ ]?(regular|roman|book)$", "", path.stem, flags=re.I)


# --- a starter theme -------------------------------------------------------------------------------

STARTER_TOML = """\
# A pressconv theme: the press office's identity, applied to HTML, PDF, DOCX and EPUB alike.
# Use it with `pressconv to-pdf release.txt --theme THIS_FOLDER`, or `theme = "THIS_FOLDER"`
# under [tool.pressconv] in pyproject.toml.  Every setting is optional; delete what you
# do not need and pressconv's own default applies.

# Organisation named in the "About" heading and the logo's alternative text.
organisation = "Example Press Office"

# The logo: a PNG or SVG file beside this one, and what it shows, for readers who cannot see it.
logo = "logo.svg"
logo_alt = "Example Press Office logo: a blue square with a white speech mark"

# Colours, #rrggbb: headings, links and rules; quote rules and table lines; body text.
primary = "#1f4e79"
accent = "#9db3c8"
ink = "#1a1a1a"

# Typefaces: a family name fontconfig knows (`fc-list : family`) or a .ttf file beside this one.
# body_font = "DejaVu Serif"
# heading_font = "DejaVu Sans"

# Paper: "letter" or "a4" (unset: from the document's language); margins in mm, top right bottom left.
# page_size = "a4"
# margins_mm = [20, 20, 20, 20]

# One line above the release, and one at the foot of every page ({page} and {pages} are replaced).
letterhead = "Example Press Office · 1 Example Street · Exampletown"
footer = "Example Press Office · page {page} of {pages}"

# Added to a release that has none of its own.
contact = \"\"\"
Media contact: Alex Example, Press Officer
press@example.org
\"\"\"
boilerplate = \"\"\"
Example Press Office speaks for the example organisation. Replace these words with your own.
\"\"\"

# A visible "— Name" line under each attributed quote (the text already names the speaker).
show_speaker = false
"""

STARTER_LOGO = """\
<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
  <title>Example Press Office</title>
  <rect x="4" y="4" width="72" height="72" rx="10" fill="#1f4e79"/>
  <path d="M22 26h36v20H38l-10 9v-9h-6z" fill="#ffffff"/>
  <rect x="92" y="24" width="136" height="10" rx="3" fill="#1f4e79"/>
  <rect x="92" y="44" width="96" height="8" rx="3" fill="#9db3c8"/>
</svg>
"""


def starter(folder: Path) -> dict[Path, bytes]:
    """The files of a starter theme in ``folder`` (``theme.toml``, ``logo.svg``); refused if one exists.

    ``pressconv theme init`` publishes them; nothing is ever overwritten.
    """
    files = {folder / THEME_FILE: STARTER_TOML, folder / "logo.svg": STARTER_LOGO}
    for path in files:
        if path.exists():
            raise PressconvError("already exists; pressconv will not overwrite it", shown(path))
    return {path: text.encode("utf-8") for path, text in files.items()}
