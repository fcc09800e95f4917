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
- ``__main__``: ``python -m pressconv.writers.docx --regenerate-template``, the release-time tool
  that rewrites the shipped default template after a change to the style map or to python-docx.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree  # type: ignore[import-untyped]

from pressconv.errors import Notes
from pressconv.model import Document, Marks
from pressconv.options import WriteOptions, page_size_for
from pressconv.text import is_rtl_language
from pressconv.writers import _zip
from pressconv.writers.docx import parts
from pressconv.writers.docx.body import Body, Cleaner
from pressconv.writers.docx.notes import CONTENT_TYPE, KINDS, RELATIONSHIP, NotePlan, first_ids
from pressconv.writers.docx.notes import part as notes_part
from pressconv.writers.docx.ooxml import w, xml
from pressconv.writers.docx.relations import Relations, content_types
from pressconv.writers.docx.template import (
    DEFAULT_TEMPLATE,
    DEFAULT_TEMPLATE_IDS,
    Template,
    regenerate_template,
    template,
)

__all__ = ["DEFAULT_TEMPLATE", "DEFAULT_TEMPLATE_IDS", "MEDIA_TYPE", "SUFFIX", "regenerate_template", "write"]

SUFFIX = ".docx"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def write(document: Document, options: WriteOptions, notes: Notes) -> bytes:
    """The document as DOCX bytes; the same document and options always give the same bytes."""
    prepared = template(options.docx_reference)
    text = Cleaner()
    language = text(document.metadata.language).strip().replace("_", "-") or "en"  # w:lang wants "en-US"
    existing_notes = {kind: _entry(prepared, prepared.note_parts.get(kind)) for kind in KINDS}
    plan = NotePlan.of(document.notes, first_ids(existing_notes))
    relations = Relations(existing=prepared.entries.get(prepared.document_rels_name))
    body = Body(prepared, text, relations, plan, rtl=is_rtl_language(language))
    body.render(document)

    root = deepcopy(prepared.document)
    body_element = root.find(w("body"))
    assert body_element is not None
    section_properties = body_element.find(w("sectPr"))
    for paragraph in body.paragraphs:
        if section_properties is not None:
            section_properties.addprevious(paragraph)
        else:
            body_element.append(paragraph)
    if section_properties is not None and not (prepared.keep_page_size and options.page_size is None):
        parts.set_page(section_properties, page_size_for(document, options))

    entries = dict(prepared.entries)
    content_defaults: dict[str, str] = {}
    content_overrides: dict[str, str] = {}
    for kind in KINDS:
        referenced = plan.referenced(kind)
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
    for name, (data, media_type) in sorted(body.media.parts.items()):
        entries[name] = data
        content_defaults[name.rpartition(".")[2]] = media_type
    if body.media.unplaceable:
        notes.warn(
            "docx-image",
            f"DOCX: {body.media.unplaceable} image(s) in a format Word cannot show; their alt text is kept",
        )
    if relations.added:
        entries[prepared.document_rels_name] = relations.part()
    if content_defaults or content_overrides:
        entries["[Content_Types].xml"] = content_types(
            entries["[Content_Types].xml"], content_defaults, content_overrides
        )
    entries[prepared.document_name] = xml(root)
    entries[prepared.styles_name] = parts.per_language(
        prepared, language, prepared.styles_cache, parts.styles
    )
    entries[prepared.core_name] = parts.core(document, options, text, language)
    entries[prepared.custom_name] = parts.custom(prepared, body.speakers)
    if prepared.footer_name is not None:
        entries[prepared.footer_name] = parts.per_language(
            prepared, language, prepared.footer_cache, parts.footer
        )
    if body.restarts and prepared.numbering_name is not None:
        entries[prepared.numbering_name] = parts.numbering(prepared, body.restarts)
    text.report(notes)
    order = ["[Content_Types].xml", "_rels/.rels"]
    order += sorted(name for name in entries if name not in order)
    return _zip.pack(((name, entries[name]) for name in order), memo=prepared.memo_names())


def _entry(prepared: Template, name: str | None) -> bytes | None:
    return prepared.entries.get(name) if name is not None else None


def _rels_name(part_name: str) -> str:
    folder, _, leaf = part_name.rpartition("/")
    return f"{folder}/_rels/{leaf}.rels"
