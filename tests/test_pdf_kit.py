"""PDF press kits: several releases in one PDF with a linked, tagged contents page and the theme."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from _pdfua import check
from pressconv.cli import main
from pressconv.errors import Notes
from pressconv.model import Document, Metadata, Paragraph, Section
from pressconv.options import WriteOptions
from pressconv.writers import pdf
from test_pdf import every_block, expected_words, sample
from test_pdf_theme import tideway

TITLE = "Tideway press kit, March"


def releases() -> list[Document]:
    return [sample(), every_block(), sample()]


def kit(documents: list[Document] | None = None, **options: Any) -> tuple[bytes, Notes]:
    notes = Notes()
    options.setdefault("volume_title", TITLE)
    data = pdf.write_volume(documents or releases(), WriteOptions(**options), notes)
    return data, notes


def headline_pages(data: bytes) -> list[int]:
    """The page (from 1) each top-level outline entry points at."""
    reader = PdfReader(io.BytesIO(data))
    return [
        reader.get_destination_page_number(entry) + 1
        for entry in reader.outline
        if not isinstance(entry, list)
    ]


def test_outline_has_the_kit_and_each_release_with_its_sections() -> None:
    data, _ = kit()
    reader = PdfReader(io.BytesIO(data))
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert top == [TITLE, *(d.headline for d in releases())]
    nested = [entry for entry in reader.outline if isinstance(entry, list)]
    assert [len(n) for n in nested] == [2, 2, 2]  # each release's section headings under its headline
    assert reader.metadata.title == TITLE


def test_each_release_starts_on_a_new_page_and_the_contents_give_that_page() -> None:
    data, _ = kit()
    pages = headline_pages(data)
    assert pages[0] == 1  # the contents page
    starts = pages[1:]
    assert starts == sorted(set(starts)) and starts[0] == 2
    for number, start in enumerate(starts):
        text = extract_text(io.BytesIO(data), page_numbers=[start - 1])
        headline = releases()[number].headline
        assert " ".join(text.split()).find(" ".join(headline.split()[:6])) >= 0
        if start > 2:  # the page before holds the end of the release before, not this one
            before = extract_text(io.BytesIO(data), page_numbers=[start - 2])
            assert " ".join(headline.split()[:6]) not in " ".join(before.split())
    report = check(data)
    numbers = [text.strip() for tag, text in report.elements if tag == "TOCI"]
    assert numbers == [str(start) for start in starts]


def test_contents_entries_are_tagged_links_to_the_releases() -> None:
    data, _ = kit()
    report = check(data)
    assert report.failures == []
    assert report.types["TOC"] == 1 and report.types["TOCI"] == 3 and report.types["Part"] == 3
    links = [text.strip() for tag, text in report.elements if tag == "Link"][:3]
    assert links == [" ".join(d.headline.split()) for d in releases()]
    reader = PdfReader(io.BytesIO(data))
    targets = []
    with pikepdf.open(io.BytesIO(data)) as doc:
        annotations = [a for a in doc.pages[0].obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        assert [str(a.Contents) for a in annotations] == links
        page_numbers = {page.obj.objgen: i + 1 for i, page in enumerate(doc.pages)}
        for annotation in annotations:
            array = annotation.Dest  # an explicit destination: [page /XYZ left top zoom]
            assert isinstance(array, pikepdf.Array)
            targets.append(page_numbers[array[0].objgen])
    assert targets == headline_pages(data)[1:]
    assert len(reader.pages) > targets[-1]


def test_words_of_every_release_in_order_under_their_own_part() -> None:
    data, _ = kit()
    report = check(data)
    words = report.text_words(frozenset({"TOCI", "Link"}))
    expected = TITLE.split() + [w for d in releases() for w in expected_words(d)]
    assert words == expected


def test_kit_under_a_theme_passes_qpdf_and_the_pdfua_checks(tmp_path: Path) -> None:
    data, _ = kit(theme=tideway("svg"))
    report = check(data)
    assert report.failures == [] and report.untagged_ops == 0
    assert report.types["Figure"] == 4  # the letterhead on the contents page and on each release
    if shutil.which("qpdf"):
        target = tmp_path / "kit.pdf"
        target.write_bytes(data)
        subprocess.run(["qpdf", "--check", str(target)], check=True, capture_output=True)
    text = extract_text(io.BytesIO(data), page_numbers=[0])
    assert "Tideway Water Board" in text and TITLE in text


def test_kit_is_reproducible() -> None:
    assert kit(theme=tideway("png"))[0] == kit(theme=tideway("png"))[0]


def test_footer_counts_the_kit_pages() -> None:
    data, _ = kit()
    total = len(PdfReader(io.BytesIO(data)).pages)
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    pages = out.stdout.decode("utf-8").split("\f")
    assert f"Page {total} of {total}" in pages[total - 1]


def test_without_a_title_the_first_release_names_the_kit_with_a_warning() -> None:
    data, notes = kit(volume_title=None)
    assert [n.code for n in notes.items] == ["volume-title"]
    assert PdfReader(io.BytesIO(data)).metadata.title == sample().title


def test_volume_title_on_one_release_makes_a_kit_of_one() -> None:
    notes = Notes()
    data = pdf.write(sample(), WriteOptions(volume_title="One release"), notes)
    assert check(data).types["TOCI"] == 1


def test_cli_writes_a_kit_from_several_sources(tmp_path: Path) -> None:
    sources = []
    for n, (headline, body) in enumerate(
        [
            ("Harbour opens the north quay", "Ships up to 300 metres can now berth at the north quay."),
            ("Ferry timetable changes in April", "The morning ferry leaves ten minutes earlier from April."),
            ("Water board names a new director", "The board named its new director at Tuesday's meeting."),
        ]
    ):
        source = tmp_path / f"r{n}.txt"
        source.write_text(f"{headline}\n\nHARBOURTOWN, March 3, 2025 — {body}\n", encoding="utf-8")
        sources.append(str(source))
    out = tmp_path / "kit.pdf"
    assert main(["to-pdf", *sources, "-o", str(out), "--volume-title", "March kit"]) == 0
    data = out.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert [e.title for e in reader.outline if not isinstance(e, list)] == [
        "March kit",
        "Harbour opens the north quay",
        "Ferry timetable changes in April",
        "Water board names a new director",
    ]
    assert len(reader.pages) == 4
    assert check(data).failures == []


def test_a_release_in_another_language_and_script_keeps_its_language_and_logical_text() -> None:
    arabic = Document(
        "افتتاح الرصيف الشمالي الجديد",
        metadata=Metadata(language="ar"),
        sections=(Section(None, (Paragraph("افتتحت هيئة الميناء اليوم رصيفها الشمالي الجديد."),)),),
    )
    data, _ = kit([sample(), arabic])
    report = check(data)
    assert report.failures == []
    with pikepdf.open(io.BytesIO(data)) as doc:
        elements = [
            o for o in doc.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"
        ]
        parts = [o for o in elements if o.get("/S") == "/Part"]
        assert [str(p.get("/Lang", "")) for p in parts] == ["", "ar"]  # the first release's is the document's
        links = [o for o in elements if o.get("/S") == "/Link" and "/ActualText" in o]
        assert [str(link.ActualText) for link in links] == [arabic.headline]  # drawn in visual order
