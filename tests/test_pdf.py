"""The PDF writer: words back out in order, outline and info, fonts, fallback, escaping, scale, determinism.

PDFs are compared by what can be read back (text, outline, info dictionary),
never by bytes, except for the same-bytes-twice check.  Golden files of the
extracted text, outline and info live in tests/golden/pdf/;
``PRESSCONV_REGEN=1 pytest tests/test_pdf.py -k golden`` rewrites them (one line per
text block, so they do not depend on the installed fonts' line breaks).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import reportlab
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from _pdfua import check
from pressconv.errors import Notes, PressconvError
from pressconv.model import Document, ListBlock, Metadata, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.serialize import from_dict
from pressconv.writers import pdf
from pressconv.writers.pdf import fonts as _fonts

GOLDEN = Path(__file__).parent / "golden" / "pdf"
EXPECTED_SAMPLE = Path(__file__).parent / "fixtures" / "readers" / "pentagon-briefing.expected.json"
FOOTER = re.compile(r"^Page \d+ of( \d+)?$")

UNICODE_TEXT = (
    "Ἀθῆναι: Η Βουλή ψήφισε σήμερα. Москва: Госдума приняла закон «о печати». "
    "Hà Nội: Quốc hội đã thông qua luật mới — “thật tuyệt” … ‘ok’ café naïve Zürich."
)


def render(document: Document, **options: Any) -> tuple[bytes, Notes]:
    notes = Notes()
    return pdf.write(document, WriteOptions(**options), notes), notes


def every_block() -> Document:
    """A document with every block type and every piece of press furniture."""
    return Document(
        headline="Harbour authority opens the new north quay",
        subtitle="Ships up to 300 metres can now berth in the city",
        dateline="ROTTERDAM, March 3, 2025 —",
        metadata=Metadata(
            title="North quay opens",
            byline="Port Press Office",
            date="2025-03-03",
            language="en-GB",
            keywords=("port", "quay", "shipping"),
            release="FOR IMMEDIATE RELEASE",
            contacts=("Media contact:\nAnna de Vries\npress@example.org\n+31 10 000 0000",),
            end_mark="###",
        ),
        sections=(
            Section(
                None,
                (
                    Paragraph(
                        "ROTTERDAM, March 3, 2025 — The harbour authority opened its north quay today."
                    ),
                    Quote(
                        "“This quay changes what our port can do,” said Jan Bakker. “We are ready.”",
                        speaker="Jan Bakker",
                        attribution="said Jan Bakker",
                    ),
                    ListBlock(False, ("Depth of 17 metres", "Two new cranes", "Shore power")),
                ),
            ),
            Section(
                "What changes for shipping",
                (
                    Paragraph("Larger vessels no longer need to wait for the tide."),
                    ListBlock(True, ("Book a slot", "Confirm the pilot"), markers=("1.", "2.")),
                    Paragraph(UNICODE_TEXT),
                    Paragraph("Markup stays text: <b>bold</b> &amp; <script>alert(1)</script>."),
                ),
            ),
            Section(
                "About the harbour authority",
                (Paragraph("The authority manages the port on behalf of the city."),),
                role="boilerplate",
            ),
        ),
    )


def sample() -> Document:
    data = json.loads(EXPECTED_SAMPLE.read_text(encoding="utf-8"))
    data.setdefault("model_version", 1)
    data.setdefault("metadata", {"title": None, "language": "en"})
    return from_dict(data)


def rendered_strings(document: Document) -> Iterator[str]:
    """The text the writer prints, in page order (speaker lines and page footers aside)."""
    meta = document.metadata
    if meta.release:
        yield meta.release
    yield document.headline
    if document.subtitle:
        yield document.subtitle
    if meta.byline:
        yield meta.byline
    sections = [s for s in document.sections if s.role != "boilerplate"]
    sections += [s for s in document.sections if s.role == "boilerplate"]
    for section in sections:
        if section.heading:
            yield section.heading
        for block in section.blocks:
            match block:
                case Paragraph(text=text) | Quote(text=text):
                    yield text
                case ListBlock():
                    for n, item in enumerate(block.items, start=1):
                        yield block.markers[n - 1] if block.markers else (f"{n}." if block.ordered else "•")
                        yield item
    yield from meta.contacts
    if meta.end_mark:
        yield meta.end_mark


def expected_words(document: Document) -> list[str]:
    return " ".join(rendered_strings(document)).split()


def extracted_words(data: bytes, document: Document) -> list[str]:
    """Words pdfminer reads back, page footers and the quotes' speaker lines left out."""
    speakers = {f"— {b.speaker}" for b in document.blocks() if isinstance(b, Quote) and b.speaker}
    lines = [line.strip() for line in extract_text(io.BytesIO(data)).splitlines()]
    kept = [line for line in lines if not FOOTER.match(line) and line not in speakers and not line.isdigit()]
    return " ".join(kept).split()


# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tagged", [True, False])
def test_every_word_comes_back_in_order(tagged: bool) -> None:
    document = every_block()
    data, notes = render(document, pdf_tagged=tagged)
    assert data.startswith(b"%PDF-")
    assert extracted_words(data, document) == expected_words(document)
    assert notes.items == []


def test_sample_words_in_order_with_quotes_dashes_and_ellipses() -> None:
    document = sample()
    data, _ = render(document)
    words = extracted_words(data, document)
    assert words == expected_words(document)
    text = " ".join(words)
    for mark in ("“", "”", "’", "…", "[can]"):
        assert mark in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_the_sample_in_order() -> None:
    document = sample()
    data, _ = render(document)
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
    lines = [line.strip() for line in out.decode("utf-8").splitlines()]
    # No "— Name" lines under the quotes: the default theme does not show speakers.
    kept = [line for line in lines if line and not FOOTER.match(line)]
    assert " ".join(kept).replace("\f", " ").split() == expected_words(document)
    footers = [line for line in lines if FOOTER.match(line.replace("\f", ""))]
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert pages == 2
    assert [line.replace("\f", "") for line in footers] == [f"Page {n} of 2" for n in (1, 2)], footers


def test_outline_has_headline_and_every_section() -> None:
    document = every_block()
    reader = PdfReader(io.BytesIO(render(document)[0]))
    outline = reader.outline
    assert outline[0].title == document.headline
    assert [item.title for item in outline[1]] == [
        "What changes for shipping",
        "About the harbour authority",
    ]


def test_info_dictionary_language_and_dates() -> None:
    document = every_block()
    data, _ = render(document)
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info is not None
    assert info.title == "North quay opens"
    assert info.author == "Port Press Office"
    assert info.subject == document.subtitle
    assert info["/Keywords"] == "port, quay, shipping"
    assert info["/Creator"] == "pressconv"
    assert info["/CreationDate"] == info["/ModDate"] == "D:20250303000000+00'00'"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert bool(reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_dates_fall_back_to_source_date_epoch() -> None:
    document = Document("Undated", sections=(Section(None, (Paragraph("Text."),)),))
    reader = PdfReader(io.BytesIO(render(document, source_date_epoch=1700000000)[0]))
    assert reader.metadata is not None
    assert reader.metadata["/CreationDate"] == "D:20231114221320+00'00'"


def test_page_size_follows_language_or_option() -> None:
    german = Document(
        "Titel", metadata=Metadata(language="de-DE"), sections=(Section(None, (Paragraph("A."),)),)
    )
    assert [round(float(v)) for v in PdfReader(io.BytesIO(render(german)[0])).pages[0].mediabox] == [
        0,
        0,
        595,
        842,
    ]
    letter = PdfReader(io.BytesIO(render(german, page_size="letter")[0])).pages[0].mediabox
    assert [round(float(v)) for v in letter] == [0, 0, 612, 792]


def test_only_embedded_truetype_fonts_never_base14() -> None:
    for tagged in (True, False):
        data, _ = render(every_block(), pdf_tagged=tagged)
        with pikepdf.open(io.BytesIO(data)) as doc:
            for page in doc.pages:
                fonts = page.obj.Resources.get("/Font", {})
                assert fonts, "page without fonts"
                for _, font in fonts.items():
                    assert font.Subtype == "/TrueType", font.BaseFont
                    assert "/FontFile2" in font.FontDescriptor, font.BaseFont
                    assert "/ToUnicode" in font
                    assert "Helvetica" not in str(font.BaseFont)


def test_unicode_paragraph_comes_back_intact() -> None:
    document = Document("Unicode", sections=(Section(None, (Paragraph(UNICODE_TEXT),)),))
    data, notes = render(document)
    assert notes.items == []
    assert extracted_words(data, document) == ["Unicode", *UNICODE_TEXT.split()]


def test_fallback_font_draws_what_the_main_font_lacks() -> None:
    # DejaVu has no Cherokee; the fallback search finds a font that does (Noto Sans Cherokee here).
    cherokee = "ᎣᏏᏲ"
    document = Document("Fallback", sections=(Section(None, (Paragraph(f"Greeting {cherokee} to all."),)),))
    fonts = _fonts.font_set(None)
    if set(cherokee) <= fonts.serif.regular.chars or fonts.fallback(cherokee[0], False, False) is None:
        pytest.skip("no font on this machine splits the text")
    data, notes = render(document)
    assert notes.items == []
    assert cherokee in extract_text(io.BytesIO(data))
    with pikepdf.open(io.BytesIO(data)) as doc:
        names = {str(f.BaseFont) for _, f in doc.pages[0].obj.Resources.Font.items()}
    assert len(names) >= 3, names  # headline sans, body serif, and the fallback


def test_character_no_font_has_is_reported_once_and_kept() -> None:
    unassigned = "\u0378"  # an unassigned code point in the Greek block: no font maps it
    text = f"Before {unassigned} after {unassigned}."
    document = Document("Missing", sections=(Section(None, (Paragraph(text),)),))
    data, notes = render(document)
    warnings = [w for w in notes.items if w.code == "missing-glyph"]
    assert len(warnings) == 1
    assert warnings[0].message.startswith("U+0378 (Greek and Coptic)")
    assert text in extract_text(io.BytesIO(data))  # still extractable, not U+0000


@pytest.fixture
def vera_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A font chain of reportlab's Vera and nothing else: no fallback fonts on the 'system'."""
    monkeypatch.setattr(_fonts, "system_font_files", lambda: ())
    _fonts.font_set.cache_clear()
    yield str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")
    _fonts.font_set.cache_clear()


def test_cjk_and_emoji_without_a_font_warn_with_block_names(vera_only: str) -> None:
    text = "Launch 中文 event 😀 today"
    document = Document("CJK", sections=(Section(None, (Paragraph(text),)),))
    data, notes = render(document, pdf_font=vera_only)
    messages = [w.message for w in notes.items if w.code == "missing-glyph"]
    assert [m.split(":")[0] for m in messages] == [
        "U+4E2D (CJK Unified Ideographs) CJK UNIFIED IDEOGRAPH-4E2D",
        "U+6587 (CJK Unified Ideographs) CJK UNIFIED IDEOGRAPH-6587",
        "U+1F600 (Emoticons) GRINNING FACE",
    ]
    assert text in extract_text(io.BytesIO(data))


def test_house_font_by_path_and_by_family(vera_only: str) -> None:
    data, _ = render(every_block(), pdf_font=vera_only)
    with pikepdf.open(io.BytesIO(data)) as doc:
        names = {str(f.BaseFont).split("+")[1] for _, f in doc.pages[0].obj.Resources.Font.items()}
    assert names <= {"BitstreamVeraSans-Roman", "BitstreamVeraSans-Bold", "BitstreamVeraSans-Oblique"}, names


@pytest.mark.skipif(not _fonts.system_font_files(), reason="no system fonts")
def test_house_font_by_family_name() -> None:
    if not any(p.name == "DejaVuSans.ttf" for p in _fonts.system_font_files()):
        pytest.skip("DejaVu Sans not installed")
    data, _ = render(every_block(), pdf_font="DejaVu Sans")
    with pikepdf.open(io.BytesIO(data)) as doc:
        names = {str(f.BaseFont).split("+")[1] for _, f in doc.pages[0].obj.Resources.Font.items()}
    assert names and all(name.startswith("DejaVuSans") for name in names), names


@pytest.mark.parametrize("request_", ["/no/such/font.ttf", "No Such Family 12345", "font.otf"])
def test_unknown_font_is_a_user_error(request_: str) -> None:
    with pytest.raises(PressconvError):
        render(every_block(), pdf_font=request_)


def test_escape_makes_markup_literal() -> None:
    assert pdf.escape("<b>x</b> &amp; <script>") == "&lt;b&gt;x&lt;/b&gt; &amp;amp; &lt;script&gt;"
    document = Document("<b>Bold</b> & co", sections=(Section("<i>", (Paragraph("&amp; <br/> <script>"),)),))
    data, _ = render(document)
    text = extract_text(io.BytesIO(data))
    for literal in ("<b>Bold</b> & co", "<i>", "&amp; <br/> <script>"):
        assert literal in text


def test_ten_thousand_character_word_lays_out() -> None:
    word = "x" * 10_000
    document = Document("Long word", sections=(Section(None, (Paragraph(f"Start {word} end."),)),))
    data, _ = render(document)
    assert extracted_words(data, document)[:2] == ["Long", "word"]
    text = "".join(extracted_words(data, document)[2:])
    assert text == f"Start{word}end."


def test_two_thousand_paragraphs_lay_out() -> None:
    document = big_document(2000)
    data, _ = render(document)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 40
    assert len(reader.outline[1]) == 20


def big_document(paragraphs: int) -> Document:
    sections = []
    per = paragraphs // 20
    for s in range(20):
        # Every fifth paragraph runs to several lines, so some of them split across a page break.
        blocks = tuple(
            Paragraph(
                f"Section {s} paragraph {p}: the committee met and agreed on the plan, café — “ok”."
                * (6 if p % 5 == 0 else 1)
            )
            for p in range(per)
        )
        sections.append(Section(f"Part {s}" if s else None, blocks))
    sections[0] = Section("Part 0", sections[0].blocks)
    return Document("Two thousand paragraphs", sections=tuple(sections))


@pytest.mark.parametrize("tagged", [True, False])
def test_same_bytes_twice(tagged: bool) -> None:
    first, _ = render(every_block(), pdf_tagged=tagged)
    second, _ = render(every_block(), pdf_tagged=tagged)
    assert first == second


def test_headings_are_kept_with_their_next_paragraph() -> None:
    # Enough paragraphs that some heading would fall at a page foot without keepWithNext.
    data, _ = render(big_document(400))
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not FOOTER.match(line)]
        assert not re.fullmatch(r"Part \d+", body[-1]), body[-3:]


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf not installed")
@pytest.mark.parametrize("tagged", [True, False])
def test_qpdf_check_is_clean(tagged: bool, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(render(every_block(), pdf_tagged=tagged)[0])
    result = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


# --- golden: extracted text, outline, info ----------------------------------------------------------------


def readable(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}

    def outline(items: list[Any], depth: int = 0) -> Iterator[str]:
        for item in items:
            if isinstance(item, list):
                yield from outline(item, depth + 1)
            else:
                yield "  " * depth + str(item.title)

    keys = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/CreationDate", "/ModDate")
    parts = ["[info]", *(f"{k[1:]}: {info.get(k)}" for k in keys)]
    parts += ["", "[outline]", *outline(reader.outline), "", "[text]"]
    # One line per text block, page footers left out: where lines and pages break depends on the
    # installed fonts' metrics, which the golden file should not.
    text = extract_text(io.BytesIO(data)).replace("\f", "\n\n")
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    parts += [block for block in blocks if block and not FOOTER.match(block) and not block.isdigit()]
    return "\n".join(parts).rstrip() + "\n"


@pytest.mark.parametrize("case", ["every-block", "pentagon-briefing"])
def test_golden_text_outline_info(case: str) -> None:
    document = every_block() if case == "every-block" else sample()
    actual = readable(render(document)[0])
    golden = GOLDEN / f"{case}.txt"
    if os.environ.get("PRESSCONV_REGEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), "run with PRESSCONV_REGEN=1 to regenerate"


def test_right_to_left_text_is_set_without_a_warning() -> None:
    """Hebrew and Arabic are laid out right to left (tests/test_pdf_rtl.py): nothing left to warn about."""
    document = Document("Shalom", sections=(Section(None, (Paragraph("שלום עולם and مرحبا"),)),))
    data, notes = render(document)
    assert notes.items == []
    assert data.startswith(b"%PDF-")


def test_fonts_are_found_without_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.setattr(
        _fonts.shutil, "which", lambda name: None if name.startswith("fc-") else real_which(name)
    )
    _fonts.system_font_files.cache_clear()
    _fonts.font_set.cache_clear()
    try:
        files = _fonts.system_font_files()
        fonts = _fonts.font_set(None)
        if any(p.name == "DejaVuSerif.ttf" for p in files):
            assert fonts.serif.regular.path.name == "DejaVuSerif.ttf"
            assert fonts.serif.italic.path.name == "DejaVuSerif-Italic.ttf"
            assert fonts.sans.bold.path.name == "DejaVuSans-Bold.ttf"
        else:
            assert fonts.serif.regular.path.name == "Vera.ttf"
        data, _ = render(every_block())
        assert extracted_words(data, every_block()) == expected_words(every_block())
    finally:
        _fonts.system_font_files.cache_clear()
        _fonts.font_set.cache_clear()


_any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60)


@settings(derandomize=True, max_examples=25, deadline=None)
@given(
    headline=_any_text,
    paragraphs=st.lists(_any_text, min_size=1, max_size=4),
    heading=st.none() | _any_text,
    items=st.lists(_any_text, max_size=3),
)
def test_any_text_renders_and_stays_tagged(
    headline: str, paragraphs: list[str], heading: str | None, items: list[str]
) -> None:
    blocks: list[Paragraph | Quote | ListBlock] = [Paragraph(p) for p in paragraphs]
    blocks.append(Quote(paragraphs[0], speaker=headline))
    if items:
        blocks.append(ListBlock(False, tuple(items)))
    document = Document(headline, sections=(Section(heading, tuple(blocks)),))
    data, _ = render(document)
    report = check(data)
    assert report.failures == []


def test_same_bytes_in_fresh_processes_with_different_hash_seeds() -> None:
    # Set and dict orders change with the hash seed; none may reach the output.
    script = (
        "import hashlib, sys; sys.path.insert(0, 'tests'); "
        "from test_pdf import every_block, render; "
        "print(hashlib.sha256(render(every_block())[0]).hexdigest())"
    )
    root = Path(__file__).resolve().parent.parent
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1 and "" not in digests
    assert digests == {hashlib.sha256(render(every_block())[0]).hexdigest()}


def test_outline_titles_keep_non_latin_text() -> None:
    document = Document("Ἀθῆναι — “news”", sections=(Section("Москва: итоги", (Paragraph("Текст."),)),))
    reader = PdfReader(io.BytesIO(render(document)[0]))
    assert reader.outline[0].title == "Ἀθῆναι — “news”"
    assert reader.outline[1][0].title == "Москва: итоги"


def test_invisible_format_characters_no_font_has_print_nothing_and_raise_no_warning(vera_only: str) -> None:
    # Vera has no variation selectors or BOM; they must neither box nor warn, and still extract.
    text = "Love\ufe0f it\ufeff and\U000e0101 more"
    document = Document("Invisible", sections=(Section(None, (Paragraph(text),)),))
    data, notes = render(document, pdf_font=vera_only)
    assert notes.items == []
    assert text in extract_text(io.BytesIO(data))
    with pikepdf.open(io.BytesIO(data)) as pdf_file:
        fonts = list(pdf_file.pages[0].obj.Resources.Font.values())
        widths = {int(w) for font in fonts for w in font.Widths}
    assert 0 in widths  # drawn with no advance



def test_a_write_never_changes_the_fonts_registered_for_the_process(vera_only: str) -> None:
    """Glyphs for characters no font has go to the write's own copy of a face, not the shared font."""
    from reportlab.pdfbase import pdfmetrics

    fonts = _fonts.font_set(vera_only)
    faces = [fonts.serif.face(style) for style in _fonts.STYLES]
    registered = {face.name: pdfmetrics.getFont(face.name) for face in faces}
    before = {
        name: (font.face, dict(font.face.charToGlyph), dict(font.face.charWidths))
        for name, font in registered.items()
    }
    text = "Kept \u0378 box, and\ufe0f invisible"
    document = Document("Shared \u0378", sections=(Section("Heading \u0378", (Paragraph(text),)),))
    data, _ = render(document, pdf_font=vera_only)
    assert text in extract_text(io.BytesIO(data))  # the write did give both characters text codes
    for name, font in registered.items():
        face, to_glyph, widths = before[name]
        assert pdfmetrics.getFont(name) is font and font.face is face
        assert font.face.charToGlyph == to_glyph and font.face.charWidths == widths, name
        assert 0x0378 not in font.face.charToGlyph and 0xFE0F not in font.face.charToGlyph
    assert render(document, pdf_font=vera_only)[0] == data


def test_glyphs_are_added_only_inside_a_write() -> None:
    from pressconv.writers.pdf.embedding import draw_as_notdef

    with pytest.raises(RuntimeError, match="glyph_additions"):
        draw_as_notdef(_fonts.font_set(None).serif.regular.name, "\u0378")

#: The TrueType faces scripts/test-setup installs for scripts DejaVu and Noto's TrueType sets lack.
WIDE_SCRIPT_FONTS = {
    "fonts-droid-fallback (Chinese, Japanese)": "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "fonts-nanum (Korean)": "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
    "fonts-symbola (emoji)": "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
}


def test_cjk_and_emoji_are_drawn_with_the_recommended_fonts() -> None:
    """With the fonts the README names, Chinese, Japanese, Korean and emoji print, not empty boxes."""
    from validators import require

    missing = [name for name, path in WIDE_SCRIPT_FONTS.items() if not Path(path).is_file()]
    require(not missing, ", ".join(missing))
    text = "新图书馆今天开放。東京都は本日、発表しました。서울시는 오늘 발표했다. Launch 🚀 🎉 👍 ✅"
    document = Document("Wide scripts", sections=(Section(None, (Paragraph(text),)),))
    data, notes = render(document)
    assert [w.message for w in notes.items if w.code == "missing-glyph"] == []
    with pikepdf.open(io.BytesIO(data)) as doc:
        names = {str(f.BaseFont).split("+")[1] for _, f in doc.pages[0].obj.Resources.Font.items()}
    assert {"DroidSansFallback", "Symbola"} <= names and any(n.startswith("Nanum") for n in names), names
    assert "".join(text.split()) in "".join(extract_text(io.BytesIO(data)).split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize(
    ("language", "footer"),
    [("en-GB", "Page 1 of 1"), ("de-DE", "Seite 1 von 1"), ("ru", "Страница 1 из 1"), ("ar", "1 / 1")],
)
def test_footer_speaks_the_document_language(language: str, footer: str) -> None:
    """The same words as the DOCX footer; a right-to-left language gets "1 / 1" (drawn as one string)."""
    document = Document(
        "Title", metadata=Metadata(language=language), sections=(Section(None, (Paragraph("A."),)),)
    )
    data, _ = render(document)
    out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True).stdout
    lines = [line.strip() for line in out.decode("utf-8").replace("\f", "\n").splitlines() if line.strip()]
    assert footer in lines, lines


def test_page_streams_are_compressed_as_each_page_ends() -> None:
    """reportlab would hold every page's content as text until save; ours is compressed at page end."""
    from pressconv.writers.pdf.canvas import PressCanvas

    out = io.BytesIO()
    canv = PressCanvas(out, invariant=1)
    canv.drawString(72, 720, "First page")
    canv.showPage()
    page = canv.pdf_document.Pages.pages[-1]
    assert page.stream is None and "First page" not in str(page.Contents.content)  # encoded already
    canv.drawString(72, 720, "Second page")
    canv.save()
    text = extract_text(io.BytesIO(out.getvalue()))
    assert "First page" in text and "Second page" in text
    from reportlab.pdfgen.canvas import Canvas

    plain = io.BytesIO()  # reportlab's own canvas, compressing at save: the same bytes
    reference = Canvas(plain, invariant=1)
    reference.drawString(72, 720, "First page")
    reference.showPage()
    reference.drawString(72, 720, "Second page")
    reference.save()
    assert out.getvalue() == plain.getvalue()
