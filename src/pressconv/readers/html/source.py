"""Page bytes -> a parsed tree: decoding, the depth guard, and what the parser would get wrong.

The bytes are decoded before parsing: a byte-order mark or valid UTF-8 wins
over a ``<meta charset>`` or XML declaration that says otherwise (with a
warning); only bytes that are neither are left to the declared charset.
beautifulsoup4 with lxml's parser (which closes ``<p>`` and ``<li>`` the way
browsers do) parses the page.  The nesting depth is checked before anything
else walks the tree, so a page nested 100,000 tags deep is one clear error
instead of a RecursionError.  A DOCTYPE's internal subset is not text, and
``<noframes>`` content is parsed as markup.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from pressconv.decode import decode
from pressconv.errors import Notes, PressconvError
from pressconv.limits import LimitError

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^<>]*?)?(/?)>")
# Void elements, and those whose end tag HTML lets the next element imply.
_SELF_CLOSED = frozenset(
    {
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source",
        b"track", b"wbr", b"p", b"li", b"dt", b"dd", b"option", b"optgroup", b"tr", b"td", b"th",
        b"thead", b"tbody", b"tfoot", b"colgroup", b"rb", b"rt", b"rp", b"html", b"head", b"body",
    }
)  # fmt: skip
# A DOCTYPE with an internal subset: HTML parsers end it at the first ">", leaving "]>" as text.
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE\s[^\[>]*\[[^\]]*\]\s*>", re.IGNORECASE)
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def soup_of(data: bytes, limit: int, notes: Notes, source_path: str | None) -> BeautifulSoup:
    """The parsed page; raises LimitError when it nests deeper than ``limit`` elements."""
    if _rough_depth(data) > 4 * limit:  # fail fast, before bs4 spends seconds on a tag bomb
        raise _too_deep(limit, source_path)
    data = _DOCTYPE_SUBSET.sub(b"<!DOCTYPE html>", data, count=1)
    soup = _parse(_decoded(data, notes, source_path))
    _unframe(soup)
    if _depth(soup, limit) > limit:
        raise _too_deep(limit, source_path)
    return soup


def _declared(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag or the XML declaration names near the top, normalised; None if none."""
    import codecs

    found = _DECLARED.search(data[:8192])
    if found is None:
        return None
    name = (found.group(1) or found.group(2)).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


def _decoded(data: bytes, notes: Notes, source_path: str | None) -> str | bytes:
    """The page as text when its bytes say what they are (BOM, valid UTF-8); else the bytes for bs4.

    A declared charset that contradicts the bytes loses, with a warning: a page saved as UTF-8 but
    still declaring its old charset is common, and trusting the declaration garbles every letter.
    """
    import codecs

    declared = _declared(data)
    bom = next(
        (
            name
            for mark, name in (
                (codecs.BOM_UTF8, "utf-8"),
                (codecs.BOM_UTF32_LE, "utf-32-le"),
                (codecs.BOM_UTF32_BE, "utf-32-be"),
                (codecs.BOM_UTF16_LE, "utf-16-le"),
                (codecs.BOM_UTF16_BE, "utf-16-be"),
            )
            if data.startswith(mark)
        ),
        None,
    )
    if bom is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            if declared is not None and declared != "utf-8":
                return data  # legacy bytes that declare their charset: bs4 honours the declaration
            # no declaration, or UTF-8 declared over bytes that are not: decode() repairs stray bytes
            # or names the legacy encoding it settles on, in a warning (bs4 would guess silently)
            return decode(data, notes, source_path).text
        actual = "utf-8"
    else:
        actual = codecs.lookup(bom).name
    text = decode(data, notes, source_path).text
    if bom is not None and bom != "utf-8":  # the declaration is in UTF-16/32 code units: look in the text
        declared = _declared(text[:8192].encode("utf-8", "replace"))
    same_family = declared is not None and declared.replace("-le", "").replace("-be", "") == actual.replace(
        "-le", ""
    ).replace("-be", "")
    if declared is not None and not same_family and (not data.isascii() or declared.startswith("utf-")):
        evidence = "a byte-order mark" if bom else "valid UTF-8"
        notes.warn(
            "charset",
            f"the page declares charset {declared} but its bytes are {evidence}: read as {actual}",
        )
    return text


def _parse(data: str | bytes) -> BeautifulSoup:
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        # XHTML (our EPUB chapters, .xhtml files) is read as HTML on purpose.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        try:
            return BeautifulSoup(data, "lxml")
        except Exception as err:  # lxml refuses some byte soups outright
            raise PressconvError(f"cannot parse the HTML: {err}") from None


def _too_deep(limit: int, source_path: str | None) -> PressconvError:
    return LimitError(
        f"HTML nested more than {limit} elements deep (the html_depth limit): not a page to read",
        source_path,
    )


def _rough_depth(data: bytes) -> int:
    """The deepest run of open tags, counted on the raw bytes; elements HTML closes itself are skipped.

    An over-estimate on odd markup, so only a limit well above ``html_depth`` is applied to it;
    the parsed tree's own depth is the real check.
    """
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(data):
        lowered = name.lower()
        if self_closing or lowered in _SELF_CLOSED:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _depth(soup: BeautifulSoup, limit: int) -> int:
    """The deepest element nesting (at most just past ``limit``), without recursion (bs4's own helpers
    recurse on some paths)."""
    from bs4 import Tag

    deepest = 0
    stack: list[tuple[Tag, int]] = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                return deepest
        stack.extend((child, depth + 1) for child in tag.contents if isinstance(child, Tag))
    return deepest


def _unframe(soup: BeautifulSoup) -> None:
    """``<noframes>`` content, which the parser keeps as raw text, parsed as the markup it is."""
    from bs4 import BeautifulSoup

    for holder in soup.find_all("noframes"):
        markup = holder.get_text()
        holder.clear()
        holder.name = "div"
        if not markup.strip():
            continue
        inner = BeautifulSoup(markup, "lxml")
        for child in list((inner.body or inner).contents):
            holder.append(child.extract())
