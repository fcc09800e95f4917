"""A paragraph far longer than a page: laid out in pieces, read and tagged as one paragraph."""

from __future__ import annotations

import io

from pdfminer.high_level import extract_text

from _pdfua import check
from pressconv.errors import Notes
from pressconv.model import Document, Paragraph, Section
from pressconv.options import WriteOptions
from pressconv.writers import pdf
from pressconv.writers.pdf import paragraph


def test_a_paragraph_of_many_pages_is_one_tagged_paragraph_with_every_word() -> None:
    words = [f"w{n}" for n in range(12_000)]  # ~80,000 characters: four pieces, many pages
    doc = Document(headline="Long", sections=(Section(None, (Paragraph(" ".join(words)),)),))
    data = pdf.write(doc, WriteOptions(), Notes())
    extracted = extract_text(io.BytesIO(data)).split()
    assert [w for w in extracted if w.startswith("w")] == words  # headline and page footers left out
    report = check(data)
    assert not report.failures
    assert [tag for tag, _ in report.elements].count("P") == 1
    assert report.text_words(frozenset({"H1"})) == words


def test_pieces_cut_at_spaces_and_keep_every_character() -> None:
    text = " ".join(["word"] * 20_000)
    pieces = paragraph.pieces_of(text)
    assert len(pieces) > 1 and all(len(p) <= paragraph.PIECE for p in pieces)
    assert " ".join(pieces) == text
    giant = "x" * (paragraph.PIECE * 2 + 5)  # no space to cut at: cut inside, nothing lost
    assert "".join(paragraph.pieces_of(giant)) == giant


def test_many_characters_without_a_glyph_make_one_warning() -> None:
    text = "".join(chr(0x40000 + n) for n in range(40))  # plane 4 is unassigned: no font draws it
    doc = Document(headline="Glyphs", sections=(Section(None, (Paragraph(f"Codes {text} end"),)),))
    notes = Notes()
    pdf.write(doc, WriteOptions(), notes)
    glyphs = [item for item in notes.items if item.code == "missing-glyph"]
    assert len(glyphs) == 1, [g.message for g in glyphs]
    assert glyphs[0].message.startswith("40 characters") and "U+40000" in glyphs[0].message
