"""Document -> HTML5: one semantic, self-contained page (or just the article).

The article is built as an ElementTree (stdlib, so ``pressconv to-html`` stays
light) by ``render_article``; ``write`` wraps it in a page with ``lang``,
``<title>``, the stylesheet and schema.org NewsArticle JSON-LD.  The EPUB
writer reuses ``render_article`` and ``stylesheet`` and only packages.
Escaping happens once, in ElementTree's serializer, at the text leaves.
"""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET
from typing import Any, assert_never

from pressconv import lazy_re
from pressconv.errors import Notes
from pressconv.identifier import content_identifier
from pressconv.model import (
    Block,
    Cell,
    Document,
    Figure,
    ListBlock,
    Note,
    Paragraph,
    Quote,
    Section,
    Table,
)
from pressconv.options import WriteOptions, document_datetime, parse_iso
from pressconv.text import direction, is_boilerplate, reading_order
from pressconv.theme import Theme, theme_of
from pressconv.writers._html_inline import Context, ImageStore, add_text, context, href, image_type, inline
from pressconv.writers._html_theme import letterhead, logo_data_uri, page_footer
from pressconv.writers._html_theme import stylesheet as stylesheet  # the EPUB writer's too
from pressconv.writers._labels import labels
from pressconv.writers._volume import volume_title

SUFFIX = ".html"
MEDIA_TYPE = "text/html"

# The date and date-time forms HTML accepts in <time datetime>, ISO 8601's common subset.
_HTML_DATE = lazy_re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    child.text = text
    return child


def _slug(text: str, taken: set[str], counters: dict[str, int]) -> str:
    """A unique id for a heading: its words joined by hyphens, then ``-2``, ``-3`` … on repeats.

    ``counters`` keeps where each base's numbering got to, so the thousandth "About Acme" of a long
    collection does not test the 999 ids before it (that made long EPUBs quadratic).
    """
    base = "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")
    base = "-".join(part for part in base.split("-") if part)[:48] or "section"
    if not base[0].isalpha():
        base = f"s-{base}"
    slug, n = base, counters.get(base, 2)
    if slug in taken:
        slug, n = f"{base}-{n}", n + 1
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        counters[base] = n
    taken.add(slug)
    return slug


def _machine_date(value: str) -> str | None:
    """``value`` as an HTML date or global date-and-time string, or None when it is not a date."""
    parsed = parse_iso(value)
    if parsed is None:
        return None
    return value if _HTML_DATE.fullmatch(value) else parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def section_ids(document: Document) -> list[str | None]:
    """The ``id`` of each section's heading (None for a section without one); EPUB links to them."""
    taken: set[str] = {"headline"}
    counters: dict[str, int] = {}
    return [_slug(s.heading, taken, counters) if s.heading else None for s in document.sections]


def _render_block(ctx: Context, parent: ET.Element, block: Block) -> None:
    match block:
        case Paragraph(text=text, quotations=quotations, marks=marks):
            inline(ctx, _el(parent, "p"), text, quotations, marks)
        case Quote(text=text, speaker=speaker, attribution=attribution, quotations=quotations, marks=marks):
            attrs = {"class_": "quote"}
            if speaker:
                attrs["data_speaker"] = speaker
            if attribution:
                attrs["data_attribution"] = attribution
            quote = _el(parent, "blockquote", **attrs)
            inline(ctx, _el(quote, "p"), text, quotations, marks)
            if ctx.show_speaker and speaker:
                # Outside the blockquote, which holds only the quoted words (HTML's rule for attribution).
                _el(parent, "p", f"— {speaker}", class_="speaker")
        case ListBlock():
            _list(ctx, parent, block)
        case Table():
            _table(ctx, parent, block)
        case Figure():
            _figure(ctx, parent, block)
        case _:
            assert_never(block)


def _list(ctx: Context, parent: ET.Element, block: ListBlock) -> None:
    """The list, its deeper items as lists inside the item before them."""
    tag = "ol" if block.ordered else "ul"
    stack = [_el(parent, tag)]
    item: ET.Element | None = None
    for index, text in enumerate(block.items):
        level = block.level(index)
        while len(stack) - 1 > level:
            stack.pop()
        if level > len(stack) - 1 and item is not None:  # one level deeper (the model allows no more)
            stack.append(_el(item, tag))
        item = _el(stack[-1], "li")
        inline(ctx, item, text, (), block.marks(index))


def _table(ctx: Context, parent: ET.Element, table: Table) -> None:
    element = _el(parent, "table")
    if table.caption:
        inline(ctx, _el(element, "caption"), table.caption, (), table.caption_marks)
    for group, rows, tag in (("thead", table.header, "th"), ("tbody", table.rows, "td")):
        if rows:
            section = _el(element, group)
            for row in rows:
                tr = _el(section, "tr")
                for cell in row:
                    _cell(ctx, tr, tag, cell)


def _cell(ctx: Context, row: ET.Element, tag: str, cell: Cell) -> None:
    attrs = {"scope": "col"} if tag == "th" else {}
    if cell.colspan > 1:
        attrs["colspan"] = str(cell.colspan)
    if cell.rowspan > 1:
        attrs["rowspan"] = str(cell.rowspan)
    inline(ctx, _el(row, tag, **attrs), cell.text, (), cell.marks)


def _figure(ctx: Context, parent: ET.Element, figure: Figure) -> None:
    """``figure`` with its ``img`` (alt text kept), caption and credit.

    Embedded bytes are a ``data:`` URI in a page (which stays one self-contained
    file) and a package item in an EPUB; a reference is written as given in a
    page and, since an EPUB may hold no outside image, shown there by its alt
    text.  Bytes that are no PNG, JPEG, GIF, WebP or SVG image are shown the
    same way.
    """
    element = _el(parent, "figure")
    src: str | None = None
    if figure.data is not None:
        media_type = image_type(figure.data)
        if media_type is not None:
            if ctx.images is not None:
                src = ctx.images(figure.data, media_type)
            else:
                src = f"data:{media_type};base64,{base64.b64encode(figure.data).decode('ascii')}"
    elif figure.src and not ctx.epub:
        src = figure.src if figure.src.startswith("data:image/") else href(ctx, figure.src)
    if src is not None:
        _el(element, "img", src=src, alt=figure.alt)
    elif figure.alt:  # an image that cannot be shown: its description stands in for it
        _el(element, "p", figure.alt, class_="figure-alt")
    if figure.caption or figure.credit:
        caption = _el(element, "figcaption")
        if figure.caption:
            inline(ctx, caption, figure.caption, (), figure.caption_marks)
        if figure.credit:
            add_text(caption, " " if figure.caption else "")
            _el(caption, "span", figure.credit, class_="credit")


def _heading(ctx: Context, parent: ET.Element, section: Section, anchor: str | None) -> None:
    # Never deeper than one below the heading before: a skipped level misleads a screen reader's outline.
    level = min(max(section.level, 2), 4, ctx.level + 1)
    ctx.level = level
    # A heading of only whitespace gets no anchor, and an empty id is invalid HTML and XHTML.
    heading = _el(parent, f"h{level}", **({"id": anchor} if anchor else {}))
    inline(ctx, heading, section.heading or "", (), section.heading_marks)


def _render_section(ctx: Context, parent: ET.Element, section: Section, anchor: str | None) -> None:
    if section.heading is None:
        container = parent
    else:
        attrs = {"class_": "boilerplate"} if is_boilerplate(section) else {}
        container = _el(parent, "section", **attrs)
        _heading(ctx, container, section, anchor)
    for block in section.blocks:
        _render_block(ctx, container, block)


def _notes(ctx: Context, parent: ET.Element, document: Document) -> None:
    """The notes to editors under their own heading, then footnotes and endnotes under "Notes", each
    with a link back to its first reference (the order the PDF and DOCX writers keep too)."""
    cited = [note for note in document.notes if note.kind != "editors"]
    editors = [note for note in document.notes if note.kind == "editors"]
    words = labels(document.metadata.language)
    if editors:
        section = _el(parent, "section", class_="notes-to-editors")
        _el(section, "h2", document.notes_heading or words.notes_to_editors)
        _note_list(ctx, section, editors, words.back_to_reference)
    if cited:
        section = _el(parent, "section", class_="notes", role="doc-endnotes")
        if ctx.epub:
            section.set("epub:type", "endnotes")
        _el(section, "h2", words.notes)
        _note_list(ctx, section, cited, words.back_to_reference)


def _note_list(ctx: Context, parent: ET.Element, notes: list[Note], back_label: str) -> None:
    listing = _el(parent, "ol", class_="notes")
    for note in notes:
        number = ctx.numbers[note.id]
        item = _el(listing, "li", id=f"note_{number}")
        if note.label.isdigit():
            item.set("value", note.label)
        else:
            item.set("class", "labelled")
        if ctx.epub and note.kind != "editors":
            item.set("epub:type", "endnote")
        if not note.label.isdigit() and note.label:
            _el(item, "span", note.label, class_="note-label")
            add_text(item, " ")
        inline(ctx, item, note.text, (), note.marks)
        if ctx.refs.get(number):
            add_text(item, " ")
            back = _el(item, "a", "↩", href=f"#ref_{number}", class_="backlink", role="doc-backlink")
            back.set("aria-label", back_label.format(note.label or number))


def render_article(
    document: Document, options: WriteOptions, notes: Notes, images: ImageStore | None = None
) -> ET.Element:
    """The ``<article>`` element: release line, headline, dek, body, boilerplate, notes, contacts, end mark.

    ``images`` is the EPUB writer's: it stores each embedded image in the package (see ``ImageStore``).
    """
    ctx = context(document, images, theme_of(options).show_speaker)
    meta = document.metadata
    article = ET.Element("article", {"class": "press-release"})
    header = _el(article, "header")
    if meta.publisher:  # the letterhead, where a reader expects it: above the release line
        _lines(_el(header, "p", class_="publisher"), meta.publisher)
    if meta.release:
        _el(header, "p", meta.release, class_="release")
    inline(ctx, _el(header, "h1", id="headline"), document.headline, (), document.headline_marks)
    if document.subtitle:
        inline(ctx, _el(header, "p", class_="subtitle"), document.subtitle, (), document.subtitle_marks)
    if meta.byline:
        _el(header, "p", meta.byline, class_="byline")
    if meta.date:
        published = _el(header, "p", class_="published")
        machine = _machine_date(meta.date)
        if machine:
            _el(published, "time", meta.date, datetime=machine)
        else:
            # <time> needs a valid date in datetime= or as its text; a free-form date stays plain text.
            published.text = meta.date
    anchors = section_ids(document)
    for index in reading_order(document.sections):
        _render_section(ctx, article, document.sections[index], anchors[index])
    _notes(ctx, article, document)
    if meta.contacts or meta.end_mark:
        footer = _el(article, "footer")
        details = meta.contact_details if len(meta.contact_details) == len(meta.contacts) else ()
        for index, contact in enumerate(meta.contacts):
            marks = details[index].marks if details and details[index].text == contact else ()
            inline(ctx, _el(footer, "address", class_="contacts"), contact, (), marks, lines=True)
        if meta.end_mark:  # several marks ("###" then "-30-") one per line, as written
            _lines(_el(footer, "p", class_="end-mark"), meta.end_mark)
    return article


def _lines(element: ET.Element, text: str) -> None:
    """``text``'s lines (joined by newlines in the model) as the element's text, separated by ``br``."""
    lines = text.split("\n")
    element.text = lines[0]
    for line in lines[1:]:
        _el(element, "br").tail = line


def json_ld(document: Document, options: WriteOptions) -> dict[str, Any]:
    """schema.org NewsArticle data for the page head."""
    meta = document.metadata
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": document.headline,
        "name": document.title,
        "inLanguage": meta.language,
        "identifier": meta.identifier or content_identifier(document),
    }
    if meta.date or options.source_date_epoch is not None:
        data["datePublished"] = meta.date or document_datetime(document, options).date().isoformat()
    if document.subtitle:
        data["alternativeHeadline"] = document.subtitle
    if document.dateline:
        data["dateline"] = document.dateline
    if meta.byline:
        data["author"] = {"@type": "Person", "name": meta.byline}
    publisher = meta.publisher or theme_of(options).organisation
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    if meta.keywords:
        data["keywords"] = list(meta.keywords)
    sections = [s.heading for s in document.sections if s.heading and s.role == "body"]
    if sections:
        data["articleSection"] = sections
    speakers = list(dict.fromkeys(b.speaker for b in document.blocks() if isinstance(b, Quote) and b.speaker))
    if speakers:
        data["mentions"] = [{"@type": "Person", "name": name} for name in speakers]
    return data


def _script_json(data: dict[str, Any]) -> str:
    # Raw text inside <script>: "<", ">" and "&" as JSON escapes so "</script>" cannot occur.
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    """A complete HTML5 page, or only the article when ``options.html_fragment``."""
    article = render_article(document, options, notes)
    if options.html_fragment:
        article.set("lang", document.metadata.language)
        article.set("dir", direction(document))
        return (ET.tostring(article, encoding="unicode", method="html") + "\n").encode("utf-8")
    html = ET.Element("html", {"lang": document.metadata.language, "dir": direction(document)})
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "title", document.title)
    _el(head, "meta", name="generator", content="pressconv")
    theme = theme_of(options)
    if options.html_stylesheet:
        _el(head, "link", rel="stylesheet", href=options.html_stylesheet)
    else:
        _el(head, "style", stylesheet(theme))
    _el(head, "script", _script_json(json_ld(document, options)), type="application/ld+json")
    body = _el(html, "body")
    _furnish(body, [article], theme)
    page = "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"
    return page.encode("utf-8")


def _furnish(body: ET.Element, content: list[ET.Element], theme: Theme) -> None:
    """``content`` into ``body`` between the theme's letterhead and its footer line (when it has them)."""
    header = letterhead(theme, logo_data_uri(theme))
    if header is not None:
        body.append(header)
    body.extend(content)
    footer = page_footer(theme)
    if footer is not None:
        body.append(footer)


# --- press kits: several releases in one page --------------------------------------------------------


def write_volume(documents: list[Document], options: WriteOptions, notes: Notes) -> bytes:
    """One page collecting several releases, in the order given, under a table of contents.

    Titled by ``options.volume_title`` (else after the first release, with a warning, as the EPUB
    writer does).  Each release is its own ``article``; its ids (headline, sections, notes) are
    prefixed ``rN-`` so the page's ids stay unique and every link still finds its target.
    """
    title = volume_title(documents, options, notes)
    first = documents[0]
    language, page_direction = first.metadata.language, direction(first)
    articles: list[ET.Element] = []
    contents = ET.Element("nav", {"class": "contents", "aria-labelledby": "contents"})
    _el(contents, "h2", labels(language).contents, id="contents")
    listing = _el(contents, "ol")
    for n, document in enumerate(documents, start=1):
        article = render_article(document, options, notes)
        prefix = f"r{n}-"
        _prefix_ids(article, prefix)
        if document.metadata.language != language:
            article.set("lang", document.metadata.language)
        if direction(document) != page_direction:
            article.set("dir", direction(document))
        articles.append(article)
        item = _el(listing, "li")
        _el(item, "a", " ".join(document.headline.split()) or str(n), href=f"#{prefix}headline")
        sections = _contents_entries(document, prefix)
        if sections:
            inner = _el(item, "ol")
            for label, target in sections:
                _el(_el(inner, "li"), "a", label, href=target)
    heading = ET.Element("header", {"class": "volume-title"})
    _el(heading, "h1", title, id="volume-title")
    theme = theme_of(options)
    if options.html_fragment:
        kit = ET.Element("div", {"class": "press-kit", "lang": language, "dir": page_direction})
        kit.extend([heading, contents, *articles])
        return (ET.tostring(kit, encoding="unicode", method="html") + "\n").encode("utf-8")
    html = ET.Element("html", {"lang": language, "dir": page_direction})
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "title", title)
    _el(head, "meta", name="generator", content="pressconv")
    if options.html_stylesheet:
        _el(head, "link", rel="stylesheet", href=options.html_stylesheet)
    else:
        _el(head, "style", stylesheet(theme))
    data = {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": title,
        "inLanguage": language,
        "hasPart": [{k: v for k, v in json_ld(d, options).items() if k != "@context"} for d in documents],
    }
    _el(head, "script", _script_json(data), type="application/ld+json")
    body = _el(html, "body", class_="press-kit")
    _furnish(body, [heading, contents, *articles], theme)
    page = "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"
    return page.encode("utf-8")


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Every ``id`` under ``root`` and every in-page link to one, prefixed: one release's ids in a kit."""
    for element in root.iter():
        anchor = element.get("id")
        if anchor is not None:
            element.set("id", prefix + anchor)
        target = element.get("href")
        if target is not None and target.startswith("#") and len(target) > 1:
            element.set("href", "#" + prefix + target[1:])


def _contents_entries(document: Document, prefix: str) -> list[tuple[str, str]]:
    """(label, link) of each headed section, in the order the article renders them."""
    anchors = section_ids(document)
    entries = []
    for index in reading_order(document.sections):
        heading, anchor = document.sections[index].heading, anchors[index]
        label = " ".join((heading or "").split())
        if anchor and label:
            entries.append((label, f"#{prefix}{anchor}"))
    return entries
