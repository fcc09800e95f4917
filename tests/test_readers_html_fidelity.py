"""Each HTML element fixture, read, then written to every format and extracted back by the fidelity harness.

Words in order (``check_fidelity``), and what an output carries beyond its words: link targets, alt
texts, table cells, note texts -- ``check_structure`` for HTML and EPUB, ``docx_structure_problems``
for DOCX, ``pdf_structure`` for the tagged PDF.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from fidelity import (
    FORMATS,
    STRUCTURE_EXTRACTORS,
    check_fidelity,
    check_structure,
    docx_structure_problems,
    pdf_structure,
    writer_available,
)
from pressconv import api
from pressconv.errors import Notes
from pressconv.model import Document, Figure, Paragraph, Quote
from pressconv.options import ReadOptions, WriteOptions
from pressconv.readers.html import read

FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "html"
ELEMENTS = (
    "inline-marks.html",
    "table.html",
    "figures.html",
    "footnotes.html",
    "word-footnotes.html",
    "levels.html",
)


#: (fixture, format) -> why its words do not all come back yet, printed as the expected failure's reason;
#: once they do, the test passes (the entry is only consulted on a failure): remove the entry then.
KNOWN_GAPS = {
    ("word-footnotes.html", "pdf"): (
        "PDF: a note reference set right before a comma comes out as 'collection 1 ,' in the"
        " extracted text, the word cut from its punctuation (writers/pdf or the harness; reported)"
    ),
}


@cache
def _document(name: str) -> Document:
    return read((FIXTURES / name).read_bytes(), ReadOptions(), Notes(), name)


@cache
def _output(name: str, fmt: str) -> bytes:
    return api.render([_document(name)], fmt, WriteOptions(), Notes())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ELEMENTS)
def test_every_word_and_element_comes_back(name: str, fmt: str) -> None:
    if not writer_available(fmt):
        pytest.skip(f"writer pressconv.writers.{fmt} is not installed")
    document = _document(name)
    data = _output(name, fmt)
    try:
        check_fidelity(document, fmt, data)
    except AssertionError:
        gap = KNOWN_GAPS.get((name, fmt))
        if gap is None:
            raise
        pytest.xfail(gap)  # printed; passes as soon as the output keeps the words whole

    if fmt in STRUCTURE_EXTRACTORS:
        check_structure(document, fmt, data)
    elif fmt == "docx":
        assert docx_structure_problems(document, data) == []
    elif fmt == "pdf":
        found = pdf_structure(data)
        targets = {uri for uri, _ in found.links}
        for block in document.blocks():
            marks = block.marks if isinstance(block, Paragraph | Quote) else ()
            for mark in marks:
                if mark.kind == "link" and (mark.target or "").startswith("https:"):
                    assert mark.target in targets
        assert found.alts == [b.alt for b in document.blocks() if isinstance(b, Figure)]
        assert found.notes == [note.text for note in document.notes]


def test_the_fixtures_hold_what_they_are_for() -> None:
    """Each fixture really carries its element, so the round trip above proves something."""
    assert any(b.marks for b in _document("inline-marks.html").blocks() if hasattr(b, "text"))
    assert any(type(b).__name__ == "Table" for b in _document("table.html").blocks())
    assert sum(isinstance(b, Figure) for b in _document("figures.html").blocks()) == 3
    assert len(_document("footnotes.html").notes) == 3
    assert {s.level for s in _document("levels.html").sections} == {2, 3, 4}
