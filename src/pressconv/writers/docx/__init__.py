"""Document -> DOCX bytes: an editable Word file with real styles, page numbers and stable bytes.

The work splits in two.  Once per process and reference document, python-docx
opens the template (its own default or ``options.docx_reference``), adds every
style of the style map the template lacks, gives the last section a
"Page X of Y" footer with real PAGE and NUMPAGES fields unless the template
has a footer, drops stale parts (thumbnail, ``stylesWithEffects``) and saves;
the saved parts are kept.  Per document, only the parts that depend on it
are built as lxml trees -- the body, core and custom properties, the styles
part with the document's language (one per language, cached) and the footer
words -- and everything is packed by ``_zip`` with fixed entry times, in a
fixed order, with the unchanging parts compressed once.  Opening python-docx
per document would cost more than all four writers are allowed together.

Where things go: release line above the headline; headline (Title),
subtitle, then the body sections; boilerplate ("About …") sections after the
body; then the media contacts and the end mark.  The dateline stays inside the
first paragraph's text, wearing the character style "Dateline".

Quote speakers are kept out of the text, so the words of the output are
exactly the model's: every Quote-style paragraph is wrapped in a hidden
bookmark ``_Quote_N`` (N counts quotes from 1 in document order) and the
speaker is the document custom property ``Quote N speaker`` (File >
Properties > Custom in Word).  A quote with no known speaker has no property.

A theme (``pressconv.theme``) reaches the package through ``house``: its colours
and typefaces in the styles part (the default template already wears the default
theme's), the logo and letterhead in a first-page header, its footer line, page
size and margins, and a "— Name" line under each attributed quote when it shows
speakers.  ``write_volume`` puts several releases in one DOCX, a press kit:
title, table of contents, each release in a section of its own from a new page,
its first page under the letterhead (``volume``).

The modules, by concern:

- ``styles``: the style map, as data (kind of text -> named Word style);
- ``body``: the document's words as body elements (paragraphs, lists, notes to editors);
- ``inline``: a text's marks as runs (character styles, hyperlinks, breaks, note references);
- ``tables``, ``figures``, ``notes``: real Word tables, inline pictures, footnotes and endnotes;
- ``relations``: the relationships and content types a document adds;
- ``runs``: one run of text;
- ``parts``: the other per-document parts (page set-up, properties, numbering, styles, footer);
- ``rtl``: the document's language in Word's terms, right to left by default where it applies;
- ``template``: the prepared template, cached per process; the shipped default template;
- ``prepare``: preparing a template with python-docx (its internals via ``pressconv.compat.docx``);
- ``package``: zip and relationship surgery on a saved package;
- ``ooxml``: namespaces and lxml helpers;
- ``house``: the theme's colours and typefaces in the styles, its margins;
- ``letterhead``: the theme's logo and letterhead in the first page's header;
- ``volume``: a press kit's title, table of contents and page breaks;
- ``__main__``: ``python -m pressconv.writers.docx --regenerate-template``, the release-time tool
  that rewrites the shipped default template after a change to the style map or to python-docx.
"""

from __future__ import annotations

from copy import copy, deepcopy
from typing import cast

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
from pressconv.model import Document, Marks
from pressconv.options import WriteOptions, page_size_for
from pressconv.text import is_rtl_language
from pressconv.theme import DEFAULT, Theme, theme_of
from pressconv.writers import _zip
from pressconv.writers._volume import volume_title
from pressconv.writers.docx import house, letterhead, parts, volume
from pressconv.writers.docx.body import Body, Cleaner
from pressconv.writers.docx.notes import CONTENT_TYPE, KINDS, RELATIONSHIP, NotePlan, first_ids
from pressconv.writers.docx.notes import part as notes_part
from pressconv.writers.docx.ooxml import w, xml
from pressconv.writers.docx.relations import Relations, content_types
from pressconv.writers.docx.rtl import set_language
from pressconv.writers.docx.template import (
    DEFAULT_TEMPLATE,
    DEFAULT_TEMPLATE_IDS,
    Template,
    regenerate_template,
    template,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "DEFAULT_TEMPLATE_IDS",
    "MEDIA_TYPE",
    "SUFFIX",
    "regenerate_template",
    "write",
    "write_volume",
]

SUFFIX = ".docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    """The document as DOCX bytes; the same document and options always give the same bytes.

    With ``options.volume_title`` it is a press kit of one (``write_volume``).
    """
    if _plain(options.volume_title):
        return write_volume([document], options, notes)
    return _package([document], None, options, notes)


def write_volume(documents: list[Document], options: WriteOptions, notes: Notes) -> bytes:
    """A press kit: one DOCX with a title, a table of contents and each release on a new page, in order."""
    return _package(documents, volume_title(documents, options, notes), options, notes)


def _package(
    documents: list[Document], volume_title: str | None, options: WriteOptions, notes: Notes
) -> bytes:
    theme = theme_of(options)
    prepared = template(options.docx_reference)
    text = Cleaner()
    languages = [text(d.metadata.language).strip().replace("_", "-") or "en" for d in documents]
    language = languages[0]  # w:lang wants "en-US"; a kit's styles take its first release's language
    existing_notes = {kind: _entry(prepared, prepared.note_parts.get(kind)) for kind in KINDS}
    relations = Relations(existing=prepared.entries.get(prepared.document_rels_name))
    body = Body(prepared, text, relations, rtl=is_rtl_language(language), show_speaker=theme.show_speaker)
    plans: list[NotePlan] = []
    section_ends: list[etree._Element] = []
    """The last body element before each release after the first: a kit's section breaks go there."""
    next_ids, counted = first_ids(existing_notes), None
    for document, document_language in zip(documents, languages, strict=True):
        plan = NotePlan.of(document.notes, next_ids)
        if counted is not None:  # Word numbers notes on through the kit; a release's own "1" is its mark
            plan.counted = counted
        body.notes, body.rtl = plan, is_rtl_language(document_language)
        if volume_title is not None and len(body.root):
            section_ends.append(body.root[len(body.root) - 1])
        body.render(document)
        next_ids, counted = dict(plan.next_id), dict(plan.counted)
        plans.append(plan)
    paragraphs = body.paragraphs
    if volume_title is not None:
        front = volume.front(volume_title, body.outline, prepared.style_ids, text, body.quotes + 1, language)
        paragraphs = front + paragraphs
        section_ends.insert(0, front[-1])

    root = copy(prepared.document)  # the whole tree: lxml's copy is deep (body._new_paragraph)
    body_element = root.find(w("body"))
    assert body_element is not None
    section_properties = body_element.find(w("sectPr"))
    for paragraph in paragraphs:
        if section_properties is not None:
            section_properties.addprevious(paragraph)
        else:
            body_element.append(paragraph)
    asked = options.page_size or (None if prepared.keep_page_size else theme.page_size)
    if section_properties is not None and not (prepared.keep_page_size and options.page_size is None):
        size = str(asked).lower() if asked else page_size_for(documents[0], options)
        margins = None if theme.margins_mm is None else house.margins_twips(theme.margins_mm)
        parts.set_page(section_properties, size, margins)

    entries = dict(prepared.entries)
    content_defaults: dict[str, str] = {}
    content_overrides: dict[str, str] = {}
    memo = set(prepared.memo_names())
    for kind in KINDS:
        referenced = [entry for plan in plans for entry in plan.referenced(kind)]
        if not referenced:
            continue
        name = prepared.note_parts.get(kind) or f"word/{kind}s.xml"
        note_relations = Relations(existing=entries.get(_rels_name(name)))

        def write_note(
            parent: etree._Element,
            style_id: str,
            words: str,
            marks: Marks,
            first: list[etree._Element],
            links: Relations = note_relations,
        ) -> etree._Element:
            return body.write(parent, style_id, words, marks, first, links)

        entries[name] = notes_part(kind, referenced, existing_notes[kind], prepared.style_ids, write_note)
        if note_relations.added:
            entries[_rels_name(name)] = note_relations.part()
        if kind not in prepared.note_parts:
            relations.internal("Notes", RELATIONSHIP[kind], f"{kind}s.xml")
            content_overrides[f"/{name}"] = CONTENT_TYPE[kind]
        if kind == "endnote" and section_properties is not None:
            parts.number_endnotes(section_properties)
    if section_properties is not None:
        _letterhead(prepared, theme, section_properties, relations, text, entries, memo, notes)
        if letterhead.HEADER_NAME in entries:
            content_overrides[f"/{letterhead.HEADER_NAME}"] = letterhead.CT_HEADER
    if section_properties is not None:
        # After the page set-up and the letterhead: each section is a copy of the final one.
        for index, last in enumerate(section_ends):
            volume.end_section(last, section_properties, apart=index == 0)
    media = dict(body.media.parts)
    logo = _theme_media(prepared, theme, entries)
    media.update(logo)
    memo.update(logo)  # the same picture in every document of the theme: compressed once
    for name, (data, media_type) in sorted(media.items()):
        entries[name] = data
        content_defaults[name.rpartition(".")[2]] = media_type
    if body.media.unplaceable:
        notes.warn(
            "docx-image",
            f"DOCX: {body.media.unplaceable} image(s) in a format Word cannot show; their alt text is kept",
        )
    if relations.added:
        entries[prepared.document_rels_name] = relations.part()
        # The same part whenever the same relationships are added (a theme's header, logo and contact
        # links, in every release): compressed once per distinct part (``_zip``'s memo is keyed on bytes).
        memo.add(prepared.document_rels_name)
    if content_defaults or content_overrides:
        entries["[Content_Types].xml"] = content_types(
            entries["[Content_Types].xml"], content_defaults, content_overrides
        )
        memo.add("[Content_Types].xml")  # built once per set of added parts (``content_types``)
    entries[prepared.document_name] = xml(root)
    entries[prepared.styles_name] = _styles(prepared, theme, language)
    shown = documents[0] if volume_title is None else volume.properties_document(volume_title, documents)
    entries[prepared.core_name] = parts.core(shown, options, text, language)
    entries[prepared.custom_name] = parts.custom(prepared, body.speakers)
    if prepared.footer_name is not None:
        entries[prepared.footer_name] = _footer(prepared, theme, language)
    if body.restarts and prepared.numbering_name is not None:
        entries[prepared.numbering_name] = parts.numbering(prepared, body.restarts)
    text.report(notes)
    # A part that may change but did not (the numbering part of a document with no list to restart,
    # the content types of one that adds no part) is the template's own bytes: compressed once too.
    memo.update(name for name, data in entries.items() if prepared.entries.get(name) is data)
    order = ["[Content_Types].xml", "_rels/.rels"]
    order += sorted(name for name in entries if name not in order)
    return _zip.pack(((name, entries[name]) for name in order), memo=memo)


def _styles(prepared: Template, theme: Theme, language: str) -> bytes:
    """The styles part in ``language`` wearing the theme (a reference document's styles stand as they are)."""
    key = house.look_key(theme)
    if not prepared.is_default or key == house.look_key(DEFAULT):
        return parts.per_language(prepared, language, prepared.styles_cache, parts.styles)
    cache = prepared.themed.setdefault(("styles", key), {})
    assert isinstance(cache, dict)
    cached = cache.get(language)
    if cached is None:
        root = deepcopy(prepared.styles)
        house.restyle(root, theme, prepared.style_ids)
        set_language(root, language)
        cached = cache[language] = xml(root)
    return cast(bytes, cached)


def _footer(prepared: Template, theme: Theme, language: str) -> bytes:
    """The writer's footer: the theme's line, else "Page X of Y" in the document's language."""
    if theme.footer is None:
        return parts.per_language(prepared, language, prepared.footer_cache, parts.footer)
    cache = prepared.themed.setdefault(("footer", theme.footer), {})
    assert isinstance(cache, dict)
    cached = cache.get(language)
    if cached is None:
        cached = cache[language] = parts.footer(prepared, language, theme.footer)
    return cast(bytes, cached)


def _letterhead(
    prepared: Template,
    theme: Theme,
    section_properties: etree._Element,
    relations: Relations,
    clean: Cleaner,
    entries: dict[str, bytes],
    memo: set[str],
    notes: Notes,
) -> None:
    """The theme's logo and letterhead line in the first page's header (unless a reference document has
    a header of its own: it wins)."""
    if theme.logo is None and not letterhead.letterhead_lines(theme):
        return
    if letterhead.has_own_header(section_properties):
        notes.warn(
            "docx-theme", "DOCX: the reference document's header stands; the theme's letterhead is left out"
        )
        return
    made = _header(prepared, theme, clean)
    if made is None:
        return
    entries[letterhead.HEADER_NAME] = made.part
    memo.add(letterhead.HEADER_NAME)
    if made.relationships is not None:
        entries[_rels_name(letterhead.HEADER_NAME)] = made.relationships
        memo.add(_rels_name(letterhead.HEADER_NAME))
    letterhead.first_page(section_properties, letterhead.add_header_relation(relations))


def _header(prepared: Template, theme: Theme, clean: Cleaner) -> letterhead.Header | None:
    key = ("header", theme.logo, letterhead.letterhead_lines(theme))
    if key not in prepared.themed:
        prepared.themed[key] = letterhead.header(theme, prepared.style_ids, lambda words: clean(words))
    made = prepared.themed[key]
    assert made is None or isinstance(made, letterhead.Header)
    return made


def _theme_media(prepared: Template, theme: Theme, entries: dict[str, bytes]) -> dict[str, tuple[bytes, str]]:
    if letterhead.HEADER_NAME not in entries:
        return {}
    made = _header(prepared, theme, Cleaner())
    return dict(made.media) if made is not None else {}


def _plain(value: str | None) -> str | None:
    """``value`` with its whitespace folded, or None when nothing is left."""
    if value is None:
        return None
    folded = " ".join(value.split())
    return folded or None


def _entry(prepared: Template, name: str | None) -> bytes | None:
    return prepared.entries.get(name) if name is not None else None


def _rels_name(part_name: str) -> str:
    folder, _, leaf = part_name.rpartition("/")
    return f"{folder}/_rels/{leaf}.rels"
