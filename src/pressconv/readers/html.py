"""HTML -> Document: the article inside a page as hinted raw blocks, then the shared news rules.

beautifulsoup4 (with lxml's parser, which closes ``<p>`` and ``<li>`` the way
browsers do) parses the page.  The article is the ``article`` element with
the most text, else ``main``, else the element whose paragraphs hold the most
text; navigation, scripts, styles, forms, hidden elements and comments are
dropped, and a header or footer counts as page chrome unless it sits inside
the article.  Inside it: the first ``h1`` is the headline, other headings are
section headings, ``p`` and loose text are paragraphs, ``blockquote`` holds
quotes (our own ``data-speaker`` is taken as the speaker), ``ul``/``ol`` are
lists, ``br`` separates lines; an h1 above the text column (or in a title
header) is still the headline.  Word-exported HTML keeps its class names
(MsoTitle, MsoQuote, MsoListParagraph …) and Google Docs its ``title`` and
``subtitle`` classes; those are read as hints too.  Other paragraphs are
hinted as body text only when the page marks section headings, so a page
that marks none gets the plain-text heading rule.  schema.org NewsArticle
JSON-LD and ``<meta>`` tags fill the metadata (the page ``<title>`` does not:
it is usually "Headline | Site").

The tree is walked with an explicit stack and the nesting depth is checked
before anything else touches it, so a page nested 100,000 tags deep is one
clear error instead of a RecursionError.

The bytes are decoded before parsing: a byte-order mark or valid UTF-8 wins
over a ``<meta charset>`` or XML declaration that says otherwise (with a
warning); only bytes that are neither are left to the declared charset.
Nothing visible is lost to the parser: XHTML CDATA sections are text, button,
label and select text is kept, ``<noframes>`` content is parsed as markup, a
DOCTYPE's internal subset is not text, and a hidden ``<article>`` is never
taken for the article.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pressconv.decode import clean, decode
from pressconv.errors import EmptyInputError, Notes, PressconvError
from pressconv.limits import LimitError
from pressconv.model import Document
from pressconv.options import ReadOptions
from pressconv.readers.assemble import assemble
from pressconv.readers.blocks import Hint, RawBlock, fold
from pressconv.readers.front_matter import FrontMatter, language_tag

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

SUFFIXES = (".html", ".htm", ".xhtml")

_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "form", "nav", "aside", "iframe", "object",
        "embed", "svg", "math", "canvas", "input", "textarea",
        "head", "title", "meta", "link", "audio", "video", "picture", "img", "map", "dialog",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "address", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd", "pre", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "caption", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body",
        "center", "details", "summary", "fieldset", "hgroup",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MAX_BYLINE = 200
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^<>]*?)?(/?)>")
# Void elements, and those whose end tag HTML lets the next element imply.
_SELF_CLOSED = frozenset(
    {
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source",
        b"track", b"wbr", b"p", b"li", b"dt", b"dd", b"option", b"optgroup", b"tr", b"td", b"th",
        b"thead", b"tbody", b"tfoot", b"colgroup", b"rb", b"rt", b"rp", b"html", b"head", b"body",
    }
)  # fmt: skip
_SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_CHROME = frozenset({"header", "footer"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary", "dialog"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MARKER = re.compile(r"([·•◦▪o§–\-*]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])\s+")
# A DOCTYPE with an internal subset: HTML parsers end it at the first ">", leaving "]>" as text.
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE\s[^\[>]*\[[^\]]*\]\s*>", re.IGNORECASE)
_DECLARED = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_NEWS_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting"}
)


@dataclass(slots=True)
class _Frame:
    """One open block-level element while walking: what text inside it becomes."""

    tag: Tag
    role: str  # headline, heading, quote, item, list, pre, skip-class roles, or block
    speaker: tuple[str, str | None] | None = None
    """A blockquote's data-speaker and data-attribution."""
    ordered: bool = False
    items: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Walk:
    """Everything the walk collects."""

    structured: bool
    blocks: list[RawBlock] = field(default_factory=list)
    byline: str | None = None
    publisher: str | None = None
    date: str | None = None
    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=list)
    headline_seen: bool = False
    has_h1: bool = False
    loose_list: int = -1  # index of a list block built from loose items, which the next item extends


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Parse the page, find the article, read it through the shared rules."""
    if not data.strip():
        raise EmptyInputError("no text (the input is empty or only whitespace)", source_path)
    limit = options.limits.html_depth
    if _rough_depth(data) > 4 * limit:  # fail fast, before bs4 spends seconds on a tag bomb
        raise _too_deep(limit, source_path)
    data = _DOCTYPE_SUBSET.sub(b"<!DOCTYPE html>", data, count=1)
    soup = _parse(_decoded(data, notes, source_path))
    _unframe(soup)
    if _depth(soup, limit) > limit:
        raise _too_deep(limit, source_path)
    facts = _page_facts(soup)
    root = _article_root(soup)
    keep_chrome = root.name in ("article", "main")
    walk = _Walk(structured=_has_structure(root), has_h1=root.find("h1") is not None)
    headline = _outside_headline(soup, root, keep_chrome, facts.get("title") or facts.get("page_title"))
    if headline:
        walk.blocks.append(RawBlock(headline, hint="headline"))
        walk.headline_seen = True
    _walk(root, walk, keep_chrome, notes)
    if not any(b.text.strip() for b in walk.blocks):
        raise EmptyInputError(
            "no text in the HTML (no words outside scripts, styles and navigation)", source_path
        )
    matter = FrontMatter(
        title=facts.get("title") if not walk.headline_seen else None,
        byline=walk.byline or facts.get("byline"),
        date=walk.date or facts.get("date"),
        language=language_tag(facts.get("language"), notes, "the page's"),
        keywords=tuple(k for k in facts.get("keywords", "").split("\n") if k),
        publisher=walk.publisher or facts.get("publisher"),
        dateline=facts.get("dateline"),
    )
    return assemble(
        walk.blocks,
        matter,
        options,
        notes,
        source_path,
        # The page's <title> is not taken: it is "Headline | Site" or, from pandoc, the file name.
        title=facts.get("title"),
    )


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


def _iter_tags(root: Tag) -> Iterator[Tag]:
    """Every element under ``root`` in document order (bs4's iterator is not recursive)."""
    from bs4 import Tag

    for node in root.descendants:
        if isinstance(node, Tag):
            yield node


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _classes(tag: Tag) -> set[str]:
    return {c.lower() for c in _attr(tag, "class").split()}


def _dropped(tag: Tag) -> bool:
    name = tag.name.lower()
    if name in _DROP or name.startswith(("v:", "w:")):  # Word's VML shapes and XML islands hold no words
        return True
    if tag.has_attr("hidden") or _attr(tag, "aria-hidden").lower() == "true":
        return True
    if _attr(tag, "role").lower() in _CHROME_ROLES:
        return True
    return bool(_HIDDEN_STYLE.search(_attr(tag, "style")))


def _text_length(tag: Tag) -> int:
    return len(fold(tag.get_text(" ")))


def _article_root(soup: BeautifulSoup) -> Tag:
    articles = [t for t in soup.find_all("article") if _text_length(t) > 0 and not _hidden(t, soup)]
    if articles:
        return max(articles, key=_text_length)
    main = soup.find("main") or soup.find(True, attrs={"role": "main"})
    if main is not None and _text_length(main) > 0 and not _hidden(main, soup):
        return main
    body = soup.body or soup
    # The densest block: the element whose own paragraphs hold the most text; half counts for
    # the grandparent, so a wrapper of several text columns can win over one column.
    scores: dict[int, tuple[float, Tag]] = {}
    for p in _iter_tags(body):
        if p.name not in ("p", "pre", "blockquote", "h2", "h3") or _inside_chrome(p, body):
            continue
        length = _text_length(p)
        parent = p.parent
        if parent is None:
            continue
        old = scores.get(id(parent), (0.0, parent))
        scores[id(parent)] = (old[0] + length, parent)
        grand = parent.parent
        if grand is not None and grand is not body.parent:
            old = scores.get(id(grand), (0.0, grand))
            scores[id(grand)] = (old[0] + length / 2, grand)
    if not scores:
        return body
    best = max(scores.values(), key=lambda pair: pair[0])[1]
    return best


def _hidden(tag: Tag, soup: BeautifulSoup) -> bool:
    """True when ``tag`` or an element around it is hidden or dropped: a reader never sees its text."""
    return _dropped(tag) or any(_dropped(p) for p in tag.parents if p.name and p is not soup)


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


def _inside_chrome(tag: Tag, stop: Tag) -> bool:
    for parent in tag.parents:
        if parent is stop:
            return False
        if parent.name in _CHROME or (parent.name and _dropped(parent)):
            return True
    return False


def _has_structure(root: Tag) -> bool:
    h1s = 0
    for tag in _iter_tags(root):
        h1s += tag.name == "h1"
        if tag.name in _SECTION_HEADINGS or h1s > 1:  # only the first h1 is the headline
            return True
    return False


def _walked(tag: Tag, root: Tag, keep_chrome: bool) -> bool:
    """True when the walk from ``root`` reaches ``tag`` (it is inside and not in dropped chrome)."""
    for parent in tag.parents:
        if parent is root:
            return True
        if _dropped(parent) or (not keep_chrome and parent.name in _CHROME):
            return False
    return False


def _outside_headline(
    soup: BeautifulSoup, root: Tag, keep_chrome: bool, page_title: str | None
) -> str | None:
    """The page's h1 when the article's walk reaches none (a headline above the text column).

    An h1 inside a page header is taken only when it matches the page's stated title or is
    more than a logo's couple of words; one inside navigation or a footer never is.
    """
    h1s = soup.find_all("h1")
    if root.name == "article" or any(_walked(h1, root, keep_chrome) for h1 in h1s):
        return None
    fallback: str | None = None
    for h1 in h1s:
        ancestors = [p.name for p in h1.parents if p.name]
        if "footer" in ancestors or any(_dropped(p) for p in h1.parents if p.name and p is not soup):
            continue
        text = fold(clean(h1.get_text(" "), Notes()))
        if not text:
            continue
        if page_title and fold(page_title).startswith(text):
            return text
        if "header" not in ancestors:
            return text
        if fallback is None and len(text.split()) > 2:
            fallback = text
    return fallback


def _role(tag: Tag, title_taken: bool, headline_seen: bool) -> str:
    """What a block-level element's text becomes; ``title_taken`` when an h1 or title came already."""
    name = tag.name.lower()
    classes = _classes(tag)
    if "msotitle" in classes or (name == "h1" and not headline_seen):
        return "headline"
    if "title" in classes and name in ("p", "div") and not title_taken:
        return "headline"  # Google Docs' and LibreOffice's exported Title paragraph
    if "msosubtitle" in classes or ("subtitle" in classes and name not in _HEADINGS):
        return "subtitle"
    if name in _HEADINGS:
        return "heading"
    if name == "blockquote" or classes & {"msoquote", "msointensequote"}:
        return "quote"
    if name in ("ul", "ol"):
        return "list"
    if name in ("li", "dt", "dd") or any(c.startswith("msolistparagraph") for c in classes):
        return "item"
    if name == "pre":
        return "pre"
    if "publisher" in classes and name == "p" and _text_length(tag) <= _MAX_BYLINE:
        return "publisher"  # our writer's letterhead above the release line
    if classes & {"byline", "published"} and _text_length(tag) <= _MAX_BYLINE:
        # Only a short element: a CMS may put such a class on a whole column of text.
        return "byline" if "byline" in classes else "published"
    return "block"


def _walk(root: Tag, walk: _Walk, keep_chrome: bool, notes: Notes) -> None:
    from bs4.element import CData, Comment, NavigableString, Tag

    # (node, closing): a closing entry finishes a block-level element after its children.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            _close(walk, notes)
            continue
        if isinstance(node, NavigableString):
            text = str(node)
            if type(node) is Comment and text.startswith("[CDATA[") and text.endswith("]]"):
                text = text[7:-2]  # XHTML CDATA, which an HTML parser keeps as a comment: its words are text
            elif type(node) not in (NavigableString, CData):
                continue
            if any(f.role == "pre" for f in walk.frames):
                pieces = text.split("\n")
                walk.current.append(pieces[0])
                for piece in pieces[1:]:
                    _newline(walk)
                    walk.current.append(piece)
            else:
                walk.current.append(text)
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if node is not root and _dropped(node):
            continue
        if name in _CHROME and not keep_chrome and node is not root:
            continue
        if name == "br":
            _newline(walk)
            continue
        if name in ("option", "optgroup"):
            walk.current.append(" ")  # a select's options are separate words
        role = _role(node, walk.headline_seen or walk.has_h1, walk.headline_seen)
        if name in _BLOCKS or role != "block" or node is root:
            _flush(walk, notes)
            walk.headline_seen = walk.headline_seen or role == "headline"
            frame = _Frame(node, role)
            if role == "list":
                frame.ordered = name == "ol"
                if walk.frames and walk.frames[-1].role == "item":
                    _finish_item(walk, walk.frames[-1], notes)
            elif role == "quote":
                speaker = fold(_attr(node, "data-speaker"))
                if speaker:
                    frame.speaker = (speaker, fold(_attr(node, "data-attribution")) or None)
            walk.frames.append(frame)
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))


def _newline(walk: _Walk) -> None:
    walk.lines.append("".join(walk.current))
    walk.current = []


def _take_lines(walk: _Walk, notes: Notes) -> list[str]:
    _newline(walk)
    lines = [fold(clean(line, notes)) for line in walk.lines]
    walk.lines = []
    return [line for line in lines if line]


def _flush(walk: _Walk, notes: Notes) -> None:
    """The text gathered since the last block boundary, as a block of the innermost frame's kind."""
    lines = _take_lines(walk, notes)
    if not lines:
        return
    frame = _innermost(walk)
    role = frame.role if frame is not None else "block"
    quote = next((f for f in reversed(walk.frames) if f.role == "quote"), None)
    text = " ".join(lines)
    if role == "item":
        frame_item = frame
        assert frame_item is not None
        frame_item.parts.extend(lines)
    elif role == "list" and frame is not None:
        frame.items.append(text)
    elif role in ("headline", "heading", "subtitle"):
        hint: Hint = "headline" if role == "headline" else "heading" if role == "heading" else "subtitle"
        # our writer sets "About …" sections apart as <section class="boilerplate">: say so, not guess
        boiler = hint == "heading" and any(
            f.tag.name == "section" and "boilerplate" in _classes(f.tag) for f in walk.frames
        )
        walk.blocks.append(RawBlock(text, hint=hint, role="boilerplate" if boiler else None))
    elif role == "byline" and walk.byline is None:
        walk.byline = text
    elif role == "publisher" and walk.publisher is None:
        walk.publisher = "\n".join(lines)
    elif role == "published" and walk.date is None:
        stamp = frame.tag.find("time") if frame is not None else None
        walk.date = fold(_attr(stamp, "datetime")) if stamp is not None else None
        walk.date = walk.date or text
    elif quote is not None:
        said = quote.speaker
        walk.blocks.append(
            RawBlock(
                text,
                tuple(lines),
                hint="quote",
                speaker=said[0] if said else None,
                attribution=said[1] if said else None,
            )
        )
    else:
        walk.blocks.append(RawBlock(text, tuple(lines), hint="paragraph" if walk.structured else None))


def _innermost(walk: _Walk) -> _Frame | None:
    """The frame that decides what loose text is: the nearest one that is not a plain block."""
    for frame in reversed(walk.frames):
        if frame.role != "block":
            return frame
    return None


def _finish_item(walk: _Walk, frame: _Frame, notes: Notes) -> None:
    _flush(walk, notes)
    text = fold(" ".join(frame.parts))
    frame.parts.clear()
    if not text:
        return
    target = next((f for f in reversed(walk.frames) if f.role == "list"), None)
    if target is not None:
        target.items.append(text)
        return
    # A Word list paragraph (its bullet or number typed into the text) or a stray li:
    # consecutive ones make one list.
    marker = _MARKER.match(text)
    ordered = bool(marker and marker.group(1)[0].isdigit())
    item = text[marker.end() :] if marker and marker.end() < len(text) else text
    last = walk.blocks[-1] if walk.blocks else None
    if last is not None and walk.loose_list == len(walk.blocks) - 1 and last.ordered == ordered:
        items = (*last.items, item)
        walk.blocks[-1] = RawBlock(" ".join(items), hint="list", items=items, ordered=ordered)
    else:
        walk.blocks.append(RawBlock(item, hint="list", items=(item,), ordered=ordered))
    walk.loose_list = len(walk.blocks) - 1


def _close(walk: _Walk, notes: Notes) -> None:
    frame = walk.frames[-1]
    if frame.role == "item":
        _finish_item(walk, frame, notes)
        walk.frames.pop()
        return
    _flush(walk, notes)
    walk.frames.pop()
    if frame.role != "list" or not frame.items:
        return
    outer = next((f for f in reversed(walk.frames) if f.role == "list"), None)
    if outer is not None:
        outer.items.extend(frame.items)  # nested lists flatten: the model has one level
    else:
        walk.blocks.append(
            RawBlock(" ".join(frame.items), hint="list", items=tuple(frame.items), ordered=frame.ordered)
        )


def _page_facts(soup: BeautifulSoup) -> dict[str, str]:
    """Metadata from JSON-LD (first), then ``<meta>`` tags, then ``<html lang>``."""
    facts: dict[str, str] = {}
    for key, value in _json_ld(soup).items():
        facts.setdefault(key, value)
    for key, value in _meta_tags(soup).items():
        facts.setdefault(key, value)
    html = soup.find("html")
    if html is not None and "language" not in facts:
        lang = fold(_attr(html, "lang") or _attr(html, "xml:lang"))
        if lang:
            facts["language"] = lang
    title = soup.find("title")
    if title is not None:
        text = fold(clean(title.get_text(" "), Notes()))
        if text:
            facts["page_title"] = text
    return facts


def _json_ld(soup: BeautifulSoup) -> dict[str, str]:
    facts: dict[str, str] = {}
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.IGNORECASE)}):
        try:
            data = json.loads(script.get_text())
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and k.lower() in _NEWS_TYPES for k in kinds):
                continue
            _put(facts, "title", item.get("headline") or item.get("name"))
            _put(facts, "date", item.get("datePublished") or item.get("dateCreated"))
            _put(facts, "language", item.get("inLanguage"))
            _put(facts, "byline", _names(item.get("author")))
            _put(facts, "publisher", _names(item.get("publisher")))
            _put(facts, "dateline", item.get("dateline"))
            keywords = item.get("keywords")
            if isinstance(keywords, str):
                keywords = [k for k in keywords.split(",")]
            if isinstance(keywords, list):
                joined = "\n".join(fold(str(k)) for k in keywords if fold(str(k)))
                if joined:
                    facts.setdefault("keywords", joined)  # one per line; _put would fold the lines
            return facts
    return facts


def _ld_items(data: object) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for item in data if isinstance(item, dict)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            return [item for item in graph if isinstance(item, dict)]
        return [data]
    return []


def _names(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(names) or None
    return None


def _put(facts: dict[str, str], key: str, value: object) -> None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = fold(str(value))
        if text:
            facts.setdefault(key, text)


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    wanted = {
        "og:title": "title",
        "twitter:title": "title",
        "article:published_time": "date",
        "date": "date",
        "dc.date": "date",
        "author": "byline",
        "article:author": "byline",
        "dc.creator": "byline",
        "og:locale": "language",
        "dc.language": "language",
        "keywords": "keywords",
        "news_keywords": "keywords",
        "og:site_name": "publisher",
    }
    facts: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = (_attr(meta, "property") or _attr(meta, "name")).strip().lower()
        target = wanted.get(key)
        content = fold(_attr(meta, "content"))
        if target is None or not content:
            continue
        if target == "language":
            content = content.replace("_", "-")
        elif target == "keywords":
            content = "\n".join(fold(k) for k in content.split(",") if fold(k))
        facts.setdefault(target, content)
    return facts
