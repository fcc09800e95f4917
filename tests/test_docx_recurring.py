"""DOCX paragraphs that recur from release to release (a quote's speaker line, the boilerplate, a media
contact) are built once per process and copied (``docx.body.Body.recurring``): a copy is the element
built afresh, byte for byte, its links numbered by the document it joins."""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]

from pressconv.model import Mark
from pressconv.writers.docx import body as docx_body
from pressconv.writers.docx.body import Body, Cleaner
from pressconv.writers.docx.relations import Relations
from pressconv.writers.docx.template import template

CONTACT = "Press Office\n+44 20 7946 0000\npress@harbour.example"
CONTACT_MARKS = (
    Mark(13, 29, "link", "tel:+442079460000"),
    Mark(30, 51, "link", "mailto:press@harbour.example"),
)


def _body(relations: Relations | None = None) -> Body:
    return Body(template(None), Cleaner(), relations if relations is not None else Relations())


def _fresh(kind: str, text: str, marks: tuple[Mark, ...], relations: Relations) -> bytes:
    made = _body(relations)
    return bytes(etree.tostring(made.paragraph(kind, text, marks=marks)))  # type: ignore[arg-type]


def _copied(kind: str, text: str, marks: tuple[Mark, ...], relations: Relations) -> bytes:
    made = _body(relations)
    return bytes(etree.tostring(made.recurring(kind, text, marks)))  # type: ignore[arg-type]


def test_a_copy_is_the_paragraph_built_afresh_links_numbered_by_its_document() -> None:
    docx_body._PROTOTYPES.clear()
    cases = [
        ("speaker", "\u2014 Pat Ryder", ()),
        ("boilerplate", "Harbour City Council runs the ferries & the quays.", ()),
        ("contact", CONTACT, CONTACT_MARKS),
        ("contact", "Call +1 555 0100", (Mark(5, 16, "link", "tel:+15550100"), Mark(0, 4, "strong"))),
    ]
    for kind, text, marks in cases:
        for _ in range(3):  # the first builds the prototype; later ones copy it
            # A document that already links elsewhere: its own ids go on, the copy's follow them.
            fresh_relations, copy_relations = Relations(), Relations()
            for relations in (fresh_relations, copy_relations):
                relations.link("https://example.org/earlier")
            assert _copied(kind, text, marks, copy_relations) == _fresh(kind, text, marks, fresh_relations)
            assert copy_relations.added == fresh_relations.added
    assert len(docx_body._PROTOTYPES) == len(cases)


def test_text_xml_cannot_carry_is_built_afresh_and_counted() -> None:
    docx_body._PROTOTYPES.clear()
    cleaner = Cleaner()
    made = Body(template(None), cleaner, Relations())
    made.recurring("speaker", "\u2014 Pat\x01 Ryder")
    assert cleaner.removed == 1
    assert not docx_body._PROTOTYPES


def test_a_note_reference_is_never_copied() -> None:
    docx_body._PROTOTYPES.clear()
    made = _body()
    made.recurring("boilerplate", "See the note.", (Mark(12, 12, "noteref", "n1"),))
    assert not docx_body._PROTOTYPES


def test_the_prototypes_are_bounded() -> None:
    docx_body._PROTOTYPES.clear()
    made = _body()
    for n in range(docx_body.PROTOTYPES + 5):
        made.recurring("speaker", f"\u2014 Speaker {n}")
    assert 0 < len(docx_body._PROTOTYPES) <= docx_body.PROTOTYPES
    assert len(docx_body._SCRATCH) == len(docx_body._PROTOTYPES)
