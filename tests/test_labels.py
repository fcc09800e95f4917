"""The words a writer adds itself come from one table (``writers._labels``) in the document's language.

A Greek release with every kind of added label (notes to editors with no heading of their own,
a footnote with its reference, an image with neither alt text nor caption) goes through all four
writers, an EPUB volume too; each label is read back from the bytes where that format shows it,
and no English label is left anywhere in the output's words.
"""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import fields
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

from pressconv.errors import Notes
from pressconv.model import Document, Figure, Mark, Metadata, Note, Paragraph, Section
from pressconv.options import WriteOptions
from pressconv.writers import docx, epub, html, pdf
from pressconv.writers._labels import LABELS, labels
from pressconv.writers._pagination import PAGE_WORDS

GREEK = labels("el")
ENGLISH = LABELS["en"]
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def _png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (120, 60), (40, 90, 140)).save(out, format="PNG")
    return out.getvalue()


LEDE = "Το λιμενικό συμβούλιο ενέκρινε σήμερα το σχέδιο για τη νέα προβλήτα."


def greek() -> Document:
    return Document(
        headline="Νέα προβλήτα στο λιμάνι",
        metadata=Metadata(language="el"),
        sections=(
            Section(
                None,
                (
                    Paragraph(LEDE, marks=(Mark(len(LEDE), len(LEDE), "noteref", "f1"),)),
                    Figure(data=_png(), media_type="image/png"),
                    Paragraph("Οι εργασίες αρχίζουν τον Μάιο."),
                ),
            ),
        ),
        notes=(
            Note("f1", "1", "Τα ποσά είναι προσωρινά."),
            Note("e1", "1", "Φωτογραφίες διατίθενται κατόπιν αιτήματος.", kind="editors"),
        ),
    )


def _english_left(text: str) -> list[str]:
    """The English labels (placeholders dropped) found in ``text``."""
    found = []
    for field in fields(ENGLISH):
        label = getattr(ENGLISH, field.name).replace("{}", "").strip()
        if re.search(rf"\b{re.escape(label)}\b", text, flags=re.IGNORECASE):
            found.append(label)
    return found


def test_the_table_has_every_label_in_every_language_of_the_footer_words() -> None:
    assert set(LABELS) == set(PAGE_WORDS)
    for language, words in LABELS.items():
        for field in fields(words):
            value = getattr(words, field.name)
            assert value.strip() == value and value, (language, field.name)
        assert words.back_to_reference.count("{}") == 1, language
        if language != "en":  # translated, not copied: at least the contents heading differs
            assert words.contents != ENGLISH.contents, language


@pytest.mark.parametrize(("tag", "language"), [("de-AT", "de"), ("pt_BR", "pt"), ("xx", "en"), (None, "en")])
def test_labels_are_chosen_by_primary_language_subtag(tag: str | None, language: str) -> None:
    assert labels(tag) == LABELS[language]


def test_html_notes_headings_and_back_links_are_in_the_documents_language() -> None:
    page = BeautifulSoup(html.write(greek(), WriteOptions(), Notes()), "html.parser")
    headings = [h.get_text() for h in page.find_all("h2")]
    assert headings == [GREEK.notes_to_editors, GREEK.notes]
    [back] = page.find_all("a", class_="backlink")
    assert back["aria-label"] == GREEK.back_to_reference.format("1")
    assert _english_left(page.get_text(" ")) == []
    assert _english_left(" ".join(str(a) for a in page.find_all(attrs={"aria-label": True}))) == []


def test_docx_notes_heading_is_in_the_documents_language() -> None:
    data = docx.write(greek(), WriteOptions(), Notes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    text = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
    assert GREEK.notes_to_editors in text
    assert _english_left(text) == []


def test_pdf_notes_headings_and_an_images_fallback_alt_are_in_the_documents_language() -> None:
    data = pdf.write(greek(), WriteOptions(), Notes())
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode(
        "utf-8"
    )
    assert GREEK.notes_to_editors in text and GREEK.notes in text.split(GREEK.notes_to_editors)[1]
    with pikepdf.open(io.BytesIO(data)) as document:
        alts = [
            str(obj.Alt)
            for obj in document.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure"
        ]
    assert alts == [GREEK.image]
    # The footer's words come from the other table (``_pagination``): only the labels are checked here.
    assert _english_left(text) == []


@pytest.mark.parametrize("volume", [False, True])
def test_epub_navigation_and_landmarks_are_in_the_documents_language(volume: bool, tmp_path: Path) -> None:
    """The volume has a cover too: every landmark."""
    cover = tmp_path / "cover.png"
    cover.write_bytes(_png())
    options = WriteOptions(volume_title="Φάκελος τύπου", epub_cover=cover) if volume else WriteOptions()
    data = epub.write(greek(), options, Notes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        nav = ET.fromstring(archive.read("EPUB/nav.xhtml"))
        pages = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xhtml")]
    assert nav.findtext("x:head/x:title", namespaces=NS) == GREEK.contents
    assert nav.findtext(".//x:nav[@epub:type='toc']/x:h2", namespaces=NS) == GREEK.contents
    landmarks = nav.find(".//x:nav[@epub:type='landmarks']", NS)
    assert landmarks is not None
    assert landmarks.findtext("x:h2", namespaces=NS) == GREEK.landmarks
    entries = ["".join(a.itertext()) for a in landmarks.iterfind(".//x:a", NS)]
    expected = [GREEK.contents, GREEK.start_of_content]
    assert entries == ([GREEK.cover, GREEK.title_page, *expected] if volume else expected)
    for page in pages:
        assert _english_left(BeautifulSoup(page, "html.parser").get_text(" ")) == [], page[:200]
