"""Word styles -> what they say: a paragraph style's meaning and level, a character style's emphasis.

A paragraph's style decides what it is: Title is the headline, Subtitle the
dek, Heading N -- or any style, localised or custom, whose own definition or
base style carries an outline level -- a section heading, Quote-like styles
(Quote, Intense Quote, pandoc's Block Text, Zitat, Citation …) quotes,
Caption-like styles captions, Photo Credit-like styles credits, and
paragraphs with list numbering (``numPr`` on the paragraph or its style) or a
List style list items, ordered when their numbering format is not a bullet.
A character style says bold, italic or code through its own run properties,
those of its base styles, or its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal, TypeAlias

from pressconv.readers.docx.package import w

#: What a paragraph's style says it is.
StyledAs: TypeAlias = Literal[
    "headline", "subtitle", "byline", "publisher", "heading", "quote", "item", "caption", "credit", "body"
]
#: An inline mark a run's properties can give.
RunMark: TypeAlias = Literal["strong", "emphasis", "code"]

# Style names as Word, LibreOffice and pandoc write them, English and localised; lower case.
_TITLE_NAMES = frozenset(
    {"title", "titel", "titre", "título", "titulo", "titolo", "tytuł", "název", "otsikko", "название"}
)
_SUBTITLE_NAMES = frozenset(
    {
        "subtitle", "untertitel", "sous-titre", "subtítulo", "subtitulo", "sottotitolo", "podtytuł",
        "undertitel", "ondertitel", "podtitul", "alaotsikko", "подзаголовок",
    }
)  # fmt: skip
_QUOTE_NAMES = frozenset(
    {
        "quote", "intense quote", "quotation", "quotations", "block text", "block quote", "blockquote",
        "zitat", "intensives zitat", "citation", "citation intense", "cita", "cita destacada",
        "citazione", "citazione intensa", "cytat", "cytat intensywny", "citat", "citaat", "цитата",
        "lainaus",
    }
)  # fmt: skip
_CAPTION_NAMES = frozenset(
    {
        "caption", "image caption", "table caption", "figure caption", "beschriftung", "légende",
        "legende", "didascalia", "epígrafe", "podpis", "bijschrift", "bildtext",
    }
)  # fmt: skip
_CREDIT_NAMES = frozenset(
    {
        "photo credit",
        "image credit",
        "credit",
        "picture credit",
        "bildnachweis",
        "crédit photo",
        "fotonachweis",
    }
)
_HEADING_NAME = re.compile(
    r"^(?:heading|überschrift|titre|título|titulo|titolo|nagłówek|kop|rubrik|overskrift|otsikko|"
    r"nadpis|заголовок|başlık)\s*([1-9])$"
)
_LIST_NAME = re.compile(r"^(?:list|listenabsatz|aufzählung|liste|paragraphe de liste|párrafo de lista)")
_LIST_DEPTH = re.compile(r"\s([2-9])$")  # "List Bullet 2": the second level
_NUMBERED_NAME = re.compile(r"number|nummer|numéro|numer")
# Character styles by name: Word's and LibreOffice's, pandoc's "Verbatim Char", HTML imports.
_STRONG_NAMES = frozenset({"strong", "strong emphasis", "fett", "html strong", "intense emphasis"})
_EMPHASIS_NAMES = frozenset({"emphasis", "subtle emphasis", "hervorhebung", "html emphasis", "html cite"})
_CODE_NAMES = frozenset(
    {"verbatim char", "source text", "html code", "html keyboard", "html typewriter", "source code", "code"}
)
MONOSPACE = frozenset(
    {
        "courier", "courier new", "consolas", "menlo", "monaco", "lucida console", "source code pro",
        "dejavu sans mono", "liberation mono", "cascadia code", "cascadia mono", "fira code",
        "fira mono", "roboto mono", "andale mono", "noto sans mono", "ubuntu mono",
    }
)  # fmt: skip

Described: TypeAlias = tuple[StyledAs, int, tuple[str, str] | None, bool, int]


def on(element: Any) -> bool:
    """A toggle property (w:b, w:i …) that is present and not switched off."""
    return element is not None and element.get(w("val"), "1") not in ("0", "false", "off", "none")


class Styles:
    """Style ids -> what they say, through their base styles; numbering formats by number and level."""

    def __init__(self, styles: Any, numbering: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.characters: dict[str, Any] = {}
        self.tables: dict[str, Any] = {}
        self.default: str | None = None
        if styles is not None:
            for style in styles.findall(w("style")):
                kind = style.get(w("type"))
                style_id = style.get(w("styleId")) or ""
                if kind == "character":
                    self.characters[style_id] = style
                elif kind == "table":
                    self.tables[style_id] = style
                elif kind == "paragraph":
                    self.by_id[style_id] = style
                    if style.get(w("default")) in ("1", "true", "on"):
                        self.default = style_id
        self.numbering = numbering
        self.cache: dict[str | None, Described] = {}
        self.run_cache: dict[str, frozenset[RunMark]] = {}

    def chain(self, style_id: str | None) -> Iterator[Any]:
        return _chain(self.by_id, style_id if style_id in self.by_id else self.default)

    def describe(self, style_id: str | None) -> Described:
        """What it is, heading level (0 = most important), inherited numPr, numbered name, list depth."""
        if style_id in self.cache:
            return self.cache[style_id]
        role: StyledAs | None = None
        level = 0
        depth = 0
        num: tuple[str, str] | None = None
        numbered_name = False
        for style in self.chain(style_id):
            name = _name(style)
            sid = (style.get(w("styleId")) or "").lower()
            ppr = style.find(w("pPr"))
            if num is None and ppr is not None:
                num = num_pr(ppr)
            if role is not None:
                continue
            heading = _HEADING_NAME.match(name) or _HEADING_NAME.match(sid)
            found = outline(ppr)
            if name in _TITLE_NAMES or sid in _TITLE_NAMES:
                role = "headline"
            elif name in _SUBTITLE_NAMES or sid in _SUBTITLE_NAMES:
                role = "subtitle"
            elif name == "byline" or sid == "byline":
                role = "byline"  # our writer's Byline paragraph: metadata, not body text
            elif name == "publisher" or sid == "publisher":
                role = "publisher"  # our writer's letterhead paragraph
            elif heading:
                role, level = "heading", int(heading.group(1)) - 1
            elif found is not None:
                role, level = "heading", found
            elif name in _QUOTE_NAMES or sid in _QUOTE_NAMES:
                role = "quote"
            elif name in _CAPTION_NAMES or sid in _CAPTION_NAMES:
                role = "caption"
            elif name in _CREDIT_NAMES or sid in _CREDIT_NAMES:
                role = "credit"
            elif _LIST_NAME.match(name) and "continue" not in name:
                role = "item"
                numbered_name = bool(_NUMBERED_NAME.search(name))
                deeper = _LIST_DEPTH.search(name)
                depth = int(deeper.group(1)) - 1 if deeper else 0
        described: Described = (role or "body", level, num, numbered_name, depth)
        self.cache[style_id] = described
        return described

    def run_marks(self, style_id: str) -> frozenset[RunMark]:
        """The marks a character style gives its runs: by its run properties or its name, with its bases."""
        if style_id in self.run_cache:
            return self.run_cache[style_id]
        marks: set[RunMark] = set()
        for style in _chain(self.characters, style_id):
            name = _name(style)
            if name in _STRONG_NAMES:
                marks.add("strong")
            elif name in _EMPHASIS_NAMES:
                marks.add("emphasis")
            elif name in _CODE_NAMES:
                marks.add("code")
            marks |= direct_marks(style.find(w("rPr")))
        found = frozenset(marks)
        self.run_cache[style_id] = found
        return found

    def header_style(self, style_id: str | None) -> bool:
        """True when the table style (or a base) formats its first row apart (w:tblStylePr firstRow)."""
        for style in _chain(self.tables, style_id):
            for conditional in style.findall(w("tblStylePr")):
                if conditional.get(w("type")) == "firstRow" and len(conditional):
                    return True
        return False

    def ordered(self, num: tuple[str, str] | None, numbered_name: bool) -> bool:
        """True when the numbering's format at that level is a number, not a bullet."""
        if num is None or self.numbering is None:
            return numbered_name
        num_id, ilvl = num
        instance = next((n for n in self.numbering.findall(w("num")) if n.get(w("numId")) == num_id), None)
        abstract_ref = instance.find(w("abstractNumId")) if instance is not None else None
        if abstract_ref is None:
            return numbered_name
        abstract_id = abstract_ref.get(w("val"))
        abstract = next(
            (a for a in self.numbering.findall(w("abstractNum")) if a.get(w("abstractNumId")) == abstract_id),
            None,
        )
        if abstract is None:
            return numbered_name
        formats: dict[int, str] = {}
        for lvl in abstract.findall(w("lvl")):
            fmt = lvl.find(w("numFmt"))
            number = lvl.get(w("ilvl"), "0")
            if number.isdigit():
                formats[int(number)] = fmt.get(w("val"), "decimal") if fmt is not None else "decimal"
        wanted = int(ilvl) if ilvl.isdigit() else 0
        # A level the numbering does not define numbers like the nearest level above it that it does.
        defined = [level for level in formats if level <= wanted]
        if not defined:
            return numbered_name
        return formats[max(defined)] not in ("bullet", "none")


_B, _I, _FONTS, _ASCII, _HANSI = w("b"), w("i"), w("rFonts"), w("ascii"), w("hAnsi")
_NO_MARKS: frozenset[RunMark] = frozenset()


def direct_marks(rpr: Any) -> frozenset[RunMark]:
    """The marks of run properties themselves: w:b, w:i, a monospaced font."""
    if rpr is None:
        return _NO_MARKS
    marks: set[RunMark] = set()
    bold = rpr.find(_B)
    if bold is not None and on(bold):
        marks.add("strong")
    italic = rpr.find(_I)
    if italic is not None and on(italic):
        marks.add("emphasis")
    fonts = rpr.find(_FONTS)
    if fonts is not None and (fonts.get(_ASCII) or fonts.get(_HANSI) or "").lower() in MONOSPACE:
        marks.add("code")
    return frozenset(marks) if marks else _NO_MARKS


def _chain(styles: dict[str, Any], style_id: str | None) -> Iterator[Any]:
    seen: set[str] = set()
    current = style_id
    while current is not None and current not in seen and current in styles:
        seen.add(current)
        style = styles[current]
        yield style
        based = style.find(w("basedOn"))
        current = based.get(w("val")) if based is not None else None


def _name(style: Any) -> str:
    name_el = style.find(w("name"))
    return " ".join((name_el.get(w("val")) if name_el is not None else "").lower().split())


def num_pr(ppr: Any) -> tuple[str, str] | None:
    """A paragraph's (numId, ilvl); ("0", "0") when numbering is switched off."""
    found = ppr.find(w("numPr"))
    if found is None:
        return None
    num_id = found.find(w("numId"))
    ilvl = found.find(w("ilvl"))
    value = num_id.get(w("val")) if num_id is not None else None
    if not value or value == "0":  # numId 0 switches numbering off
        return ("0", "0")
    return value, ilvl.get(w("val"), "0") if ilvl is not None else "0"


def outline(ppr: Any) -> int | None:
    """The outline level (0 = most important) of paragraph properties; None for body text."""
    if ppr is None:
        return None
    found = ppr.find(w("outlineLvl"))
    if found is None:
        return None
    try:
        level = int(found.get(w("val"), "9"))
    except ValueError:
        return None
    return level if 0 <= level <= 8 else None  # 9 is body text
