"""Tagged PDF: the structure tree, marked content, artifacts and metadata that screen readers rely on.

Checked with our pikepdf checker (``_pdfua``) on the sample, a document with
every block type and a 2,000-paragraph document; with poppler's
``pdfinfo -struct-text``; and by rendering pages with tagging on and off.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pdfminer.high_level import extract_text

from _pdfua import check
from pressconv.model import Document, ListBlock, Paragraph, Quote, Section
from pressconv.theme import Theme
from test_pdf import big_document, every_block, expected_words, render, sample


@pytest.mark.parametrize("case", ["sample", "every-block", "2000-paragraphs"])
def test_checker_finds_nothing_untagged_and_tree_text_is_the_source(case: str) -> None:
    document = {"sample": sample, "every-block": every_block, "2000-paragraphs": lambda: big_document(2000)}[
        case
    ]()
    report = check(render(document)[0])
    assert report.failures == []
    assert report.untagged_ops == 0
    assert report.tagged_ops > 0 and report.artifact_ops > 0
    # Word breaks at line ends survive: the tree's text is the source's words, in order, nothing glued.
    assert report.text_words() == expected_words(document)


def test_one_element_per_block_with_standard_types() -> None:
    document = every_block()
    report = check(render(document)[0])
    blocks = document.blocks()
    quotes = sum(isinstance(b, Quote) for b in blocks)
    items = sum(len(b.items) for b in blocks if isinstance(b, ListBlock))
    paragraphs = sum(isinstance(b, Paragraph) for b in blocks)
    furniture = 4  # release line, subtitle, byline, one contact block, end mark (below) are P too
    assert report.types == {
        "Document": 1,
        "H1": 1,
        "H2": 2,
        "P": paragraphs + quotes + furniture + 1,
        "BlockQuote": quotes,
        "L": 2,
        "LI": items,
        "Lbl": items,
        "LBody": items,
    }
    assert report.elements[0] == ("P", "FOR IMMEDIATE RELEASE ")
    assert report.elements[1][0] == "H1"


def test_paragraph_split_across_pages_stays_one_element() -> None:
    document = big_document(2000)
    data = render(document)[0]
    report = check(data)
    assert report.types["P"] == 2000
    spanning = 0
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructElem":
                kids = obj.get("/K")
                if isinstance(kids, pikepdf.Array) and any(
                    isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR" for k in kids
                ):
                    spanning += 1
    assert spanning > 0  # with ~50 page breaks, some paragraph crosses one


def test_catalog_and_pages_carry_the_tagging_keys() -> None:
    data = render(every_block())[0]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        assert bool(root.MarkInfo.Marked) is True
        assert str(root.Lang) == "en-GB"
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        assert pdf.pdf_version == "1.7"
        xmp = root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        assert ">North quay opens</rdf:li>" in xmp
        assert "<rdf:li>en-GB</rdf:li>" in xmp
        for index, page in enumerate(pdf.pages):
            assert int(page.obj.StructParents) == index
            assert page.obj.Tabs == "/S"
        nums = root.StructTreeRoot.ParentTree.Nums
        assert len(nums) == 2 * len(pdf.pages)


def test_footer_and_speaker_line_are_artifacts() -> None:
    data = render(every_block(), theme=Theme(show_speaker=True))[0]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        ops = pikepdf.parse_content_stream(pdf.pages[0])
        artifacts = [
            str(i.operands[1]) for i in ops if str(i.operator) == "BDC" and i.operands[0] == "/Artifact"
        ]
    assert any("/Pagination" in a and "/Footer" in a for a in artifacts)
    assert "— Jan Bakker" in extract_text(io.BytesIO(data))  # printed...
    report = check(data)
    assert report.failures == []
    assert not any(text.strip().lstrip("— ") == "Jan Bakker" for _, text in report.elements)  # ...not tagged


def test_speaker_line_is_off_by_default() -> None:
    assert "— Jan Bakker" not in extract_text(io.BytesIO(render(every_block())[0]))


def test_untagged_option_writes_no_structure() -> None:
    data = render(every_block(), pdf_tagged=False)[0]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert "/MarkInfo" not in pdf.Root
        for page in pdf.pages:
            assert "/StructParents" not in page.obj
            assert not any(str(i.operator) in ("BDC", "BMC") for i in pikepdf.parse_content_stream(page))
    # ... and the checker notices: it can fail.
    failures = check(data).failures
    assert "no StructTreeRoot" in failures and "MarkInfo /Marked is not true" in failures


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_pdfinfo_struct_text_reads_the_tree() -> None:
    document = sample()
    out = subprocess.run(
        ["pdfinfo", "-struct-text", "-"], input=render(document)[0], capture_output=True, check=True
    ).stdout.decode("utf-8")
    lines = out.splitlines()
    assert lines[0] == "Document"
    tags = [line.strip().split(" ")[0] for line in lines if line.strip() and not line.strip().startswith('"')]
    assert tags[:4] == ["Document", "H1", "P", "P"]
    assert tags.count("H2") == 2
    assert tags.count("BlockQuote") == sum(isinstance(b, Quote) for b in document.blocks())
    texts = [line.strip()[1:-1] for line in lines if line.strip().startswith('"')]
    assert " ".join(texts).split() == expected_words(document)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("case", ["sample", "every-block"])
def test_pages_render_identically_tagged_and_untagged(case: str, tmp_path: Path) -> None:
    document: Document = sample() if case == "sample" else every_block()
    images = {}
    for tagged in (True, False):
        source = tmp_path / f"{tagged}.pdf"
        source.write_bytes(render(document, pdf_tagged=tagged)[0])
        prefix = tmp_path / f"{tagged}"
        subprocess.run(["pdftoppm", "-r", "40", "-gray", str(source), str(prefix)], check=True)
        images[tagged] = sorted(tmp_path.glob(f"{tagged}-*.pgm"))
    assert len(images[True]) == len(images[False]) > 0
    for on, off in zip(images[True], images[False], strict=True):
        assert on.read_bytes() == off.read_bytes(), on.name


@pytest.mark.skipif(
    importlib.util.find_spec("pdfua") is None, reason="the PyPI pdfua checker is not installed"
)
@pytest.mark.parametrize("case", ["sample", "every-block"])
def test_pypi_pdfua_checker_passes(case: str, tmp_path: Path) -> None:  # pragma: no cover - optional tool
    target = tmp_path / "x.pdf"
    target.write_bytes(render(sample() if case == "sample" else every_block())[0])
    result = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", str(target)], capture_output=True, text=True
    )
    assert "result: PASS (no findings)" in result.stdout, result.stdout + result.stderr


def test_section_without_blocks_and_empty_document_are_still_well_formed() -> None:
    document = Document("Only a headline", sections=(Section("Empty section", ()),))
    report = check(render(document)[0])
    assert report.failures == []
    assert report.text_words() == ["Only", "a", "headline", "Empty", "section"]


def test_checker_catches_an_untagged_drawing() -> None:
    data = render(every_block())[0]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        page.contents_add(pdf.make_stream(b"q 0 0 m 10 10 l S Q"), prepend=False)
        out = io.BytesIO()
        pdf.save(out)
    report = check(out.getvalue())
    assert report.untagged_ops == 1
    assert "1 painting operators neither tagged nor Artifact" in report.failures
