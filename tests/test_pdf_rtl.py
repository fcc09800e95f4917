"""Right-to-left text in the PDF writer: Hebrew, Arabic and mixed paragraphs -> laid-out, extractable PDF.

What is checked: pdftotext -raw (the fidelity harness) reads every word in logical order over
several lines; the glyphs are placed right to left (read by their x positions with pdfminer:
the first logical word is rightmost on the first line) and right-aligned; Arabic is drawn in
joined presentation forms; mirrored brackets, numbers and English words inside stay right; the
structure tree carries the logical words; no warning; the same bytes twice; and a document
without right-to-left text never imports the bidi modules.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent, LTLine

from _pdfua import check
from fidelity import check_fidelity, extract_words
from pressconv.errors import Notes
from pressconv.model import Document, ListBlock, Paragraph, Quote, Section
from pressconv.options import WriteOptions
from pressconv.writers import pdf
from pressconv.writers.pdf import rtl as _bidi
from test_bad_input import ARABIC, HEBREW
from validators import validate_pdf

#: Edges of the text column on the default (US letter) page: 66 pt margins.
RIGHT_EDGE = 612 - 66
LEFT_EDGE = 66.0

HEBREW_LONG = (
    "מועצת העיר הודיעה היום כי הספרייה המרכזית החדשה תיפתח לציבור ביום שני הבא, "
    "לאחר שלוש שנות בנייה ושיפוץ מקיף של הבניין ההיסטורי במרכז העיר. "
    "ראש העיר אמרה כי הספרייה תציע אלפי ספרים חדשים, חדרי לימוד שקטים ותוכניות קריאה לילדים "
    "בכל ימות השבוע, והזמינה את כל התושבים לבוא ולבקר בטקס הפתיחה החגיגי."
)
ARABIC_LONG = (
    "أعلن المجلس البلدي اليوم أن المكتبة المركزية الجديدة ستفتح أبوابها للجمهور يوم الاثنين المقبل، "
    "بعد ثلاث سنوات من أعمال البناء والترميم الشامل للمبنى التاريخي في وسط المدينة. "
    "وقالت رئيسة البلدية إن المكتبة ستقدم آلاف الكتب الجديدة وقاعات دراسة هادئة وبرامج قراءة للأطفال "
    "طوال أيام الأسبوع، ودعت جميع السكان إلى حضور حفل الافتتاح جداً."
)
MIXED_LONG = (
    "أعلنت شركة Acme Corp اليوم أن مبيعاتها ارتفعت بنسبة 25% في عام 2024، وقال المدير التنفيذي "
    "John Smith إن الشركة ستفتتح 3 فروع جديدة في دبي والقاهرة (مصر) قبل نهاية العام. وأضاف أن "
    "برنامج PressConv 2.0 سيُطلق في الربع الأول، وأن الاستثمارات ستبلغ 1,500,000 دولار أمريكي "
    "خلال السنوات الخمس المقبلة."
)


def document(headline: str, *blocks: Paragraph | Quote | ListBlock) -> Document:
    return Document(headline, sections=(Section(None, tuple(blocks)),))


def render(doc: Document) -> tuple[bytes, Notes]:
    notes = Notes()
    return pdf.write(doc, WriteOptions(), notes), notes


_Item = TypeVar("_Item", bound=LTComponent)


def first_page_items(data: bytes, kind: type[_Item]) -> list[_Item]:
    """Every layout item of type ``kind`` on the first page, as pdfminer places it."""
    found: list[_Item] = []

    def walk(item: object) -> None:
        if isinstance(item, kind):
            found.append(item)
        elif hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    walk(next(iter(extract_pages(io.BytesIO(data)))))
    return found


def chars(data: bytes) -> list[LTChar]:
    """Every drawn character of the first page."""
    return first_page_items(data, LTChar)


def body_lines(data: bytes, size: float = 10.5) -> list[list[LTChar]]:
    """The body-size characters grouped by baseline, top line first, each line's characters left to right."""
    lines: dict[float, list[LTChar]] = defaultdict(list)
    for char in chars(data):
        if abs(char.size - size) < 0.6 and char.get_text().strip():
            lines[round(char.y0, 1)].append(char)
    return [sorted(lines[y], key=lambda c: c.x0) for y in sorted(lines, reverse=True)]


# ---------------------------------------------------------------------------------------------------------
# Extraction.


@pytest.mark.parametrize(
    ("headline", "text"),
    [("ספרייה חדשה", HEBREW_LONG), ("مكتبة جديدة", ARABIC_LONG), ("تقرير الربع الثالث", MIXED_LONG)],
    ids=["hebrew", "arabic", "mixed"],
)
def test_pdftotext_reads_every_word_in_logical_order_over_several_lines(headline: str, text: str) -> None:
    doc = document(headline, Paragraph(text))
    data, notes = render(doc)
    assert notes.items == []
    assert len(body_lines(data)) >= 3, "the paragraph should wrap over three lines at least"
    check_fidelity(doc, "pdf", data)


def test_the_catalogue_texts_extract_in_order() -> None:
    from pressconv import api

    for text in (ARABIC, HEBREW):
        doc = api.parse(text.encode())
        data, notes = render(doc)
        assert notes.items == []
        check_fidelity(doc, "pdf", data)


def test_a_paragraph_split_across_pages_keeps_its_order() -> None:
    text = " ".join([HEBREW_LONG] * 25)
    doc = document("ספרייה חדשה", Paragraph(text))
    data, _ = render(doc)
    assert len(pikepdf.open(io.BytesIO(data)).pages) >= 2
    check_fidelity(doc, "pdf", data)


def test_mirrored_brackets_numbers_and_english_come_out_as_written() -> None:
    words = extract_words("pdf", render(document("تقرير", Paragraph(MIXED_LONG)))[0])
    joined = "".join(words)
    for phrase in ("(مصر)", "25%", "2024،", "1,500,000", "AcmeCorp", "PressConv2.0", "سيُطلق", "جديدة"):
        assert phrase in joined, phrase


# ---------------------------------------------------------------------------------------------------------
# Layout: visual order, alignment, shaping.


def test_lines_read_right_to_left_top_to_bottom() -> None:
    data, _ = render(document("ספרייה חדשה", Paragraph(HEBREW_LONG)))
    lines = body_lines(data)
    assert len(lines) >= 3
    # Read each line from its rightmost glyph leftwards: Hebrew has no shaping, one glyph per letter.
    read = [" ".join("".join(c.get_text() for c in reversed(line)).split()) for line in lines]
    first_word = HEBREW_LONG.split()[0]
    assert lines[0][-1].get_text() == first_word[0], "the first letter is the rightmost glyph of line 1"
    assert read[0].startswith(first_word)
    assert " ".join(read).replace(" ", "") == HEBREW_LONG.replace(" ", "")


def test_right_to_left_lines_are_right_aligned() -> None:
    data, _ = render(document("ספרייה חדשה", Paragraph(HEBREW_LONG)))
    lines = body_lines(data)
    for line in lines:
        assert line[-1].x1 == pytest.approx(RIGHT_EDGE, abs=0.5)
    assert lines[-1][0].x0 > LEFT_EDGE + 20, "a short last line is ragged on the left"


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        (HEBREW_LONG, "he", "1/1"),
        (ARABIC_LONG, "ar", "1/1"),
        (HEBREW_LONG, "en", "Page1of1"),
        ("A quay.", "en", "Page1of1"),
    ],
)
def test_the_page_footer_starts_where_the_documents_lines_start(text: str, language: str, words: str) -> None:
    """As the DOCX footer (no alignment of its own, so a right-to-left paragraph's start) and the HTML's."""
    doc = document("A quay", Paragraph(text))
    data, _ = render(replace(doc, metadata=replace(doc.metadata, language=language)))
    chars = first_page_items(data, LTChar)
    footer = [c for c in chars if c.y0 < 50]
    assert "".join(c.get_text() for c in footer).replace(" ", "") == words
    body = [c for c in chars if c.y0 > 100]  # the text frame's edges: the page size follows the language
    if text != "A quay.":  # the first strong character decides: right to left
        assert max(c.x1 for c in footer) == pytest.approx(max(c.x1 for c in body), abs=0.5)
    else:
        assert min(c.x0 for c in footer) == pytest.approx(LEFT_EDGE, abs=0.5)


def test_a_mixed_line_is_in_bidi_visual_order() -> None:
    text = "שלום Acme 2024 (עולם)"
    data, _ = render(document("Headline in English", Paragraph(text)))
    (line,) = body_lines(data)
    drawn = "".join(c.get_text() for c in line)
    # pdfminer reports each glyph by its ToUnicode text: the mirrored brackets read as drawn.
    assert drawn == _bidi.visual(text, rtl=True).replace(" ", "")
    assert drawn == "(םלוע)Acme2024םולש"  # "Acme 2024" is one left-to-right run (rule W7)
    assert line[-1].x1 == pytest.approx(RIGHT_EDGE, abs=0.5)


def test_an_english_paragraph_keeps_left_to_right_in_a_right_to_left_document() -> None:
    text = "Acme Corp said שלום today"
    data, _ = render(document("ספרייה", Paragraph(text)))
    (line,) = body_lines(data)
    assert line[0].x0 == pytest.approx(LEFT_EDGE, abs=0.5)
    assert "".join(c.get_text() for c in line) == "AcmeCorpsaidםולשtoday"


def _to_unicode_entries(data: bytes) -> list[str]:
    pdf_file = pikepdf.open(io.BytesIO(data))
    entries: list[str] = []
    for page in pdf_file.pages:
        for font in page.Resources.Font.values():
            if "/ToUnicode" in font:
                cmap = font.ToUnicode.read_bytes().decode("latin-1")
                body = cmap.split("beginbfchar", 1)[1].split("endbfchar", 1)[0]
                for line in body.strip().splitlines():
                    entries.append(bytes.fromhex(line.split()[1].strip("<>")).decode("utf-16-be"))
    return entries


def test_arabic_is_drawn_in_joined_forms_and_read_back_as_letters() -> None:
    data, _ = render(document("مكتبة جديدة", Paragraph(ARABIC_LONG)))
    entries = _to_unicode_entries(data)
    # Several glyphs (isolated, initial, medial, final forms) read back as the same letter: it was shaped.
    assert entries.count("م") >= 3
    assert entries.count("ل") >= 3
    # The lam-alef ligature is one glyph for two letters (listed alef first: drawing order).
    assert "ال" in entries
    assert not any(_is_form(c) for entry in entries for c in entry), "presentation forms leak into text"


def _is_form(char: str) -> bool:
    return 0xFB50 <= ord(char) <= 0xFDFF or 0xFE70 <= ord(char) <= 0xFEFF


def test_shape_gives_presentation_forms_and_leaves_other_text_alone() -> None:
    shaped = _bidi.shape("سلام عليكم Acme")
    assert all(_is_form(c) for c in shaped.replace(" ", "").replace("Acme", ""))
    assert "\ufefc" in _bidi.shape("سلام") or "\ufefb" in _bidi.shape("لا")
    assert _bidi.shape("שלום Acme") == "שלום Acme"
    assert unicodedata.normalize("NFKC", _bidi.shape("مكتبة")) == "مكتبة"


def test_base_direction_comes_from_the_first_strong_character() -> None:
    assert _bidi.base_is_rtl("2024 שלום Acme")
    assert not _bidi.base_is_rtl("Acme שלום")
    assert _bidi.base_is_rtl("2024", default=True)
    assert not _bidi.base_is_rtl("2024")


# ---------------------------------------------------------------------------------------------------------
# Lists, quotes, structure, validity.


def _rtl_blocks() -> Document:
    return document(
        "ספרייה חדשה",
        Paragraph("מועצת העיר הודיעה היום כי הספרייה תיפתח."),
        Quote("אנחנו גאים מאוד בפרויקט הזה", speaker="ראש העיר"),
        ListBlock(False, ("ספרים חדשים", "חדרי לימוד")),
    )


def test_list_labels_and_the_quote_rule_stand_on_the_right() -> None:
    data, _ = render(_rtl_blocks())
    page_chars = chars(data)
    bullets = [c for c in page_chars if c.get_text() == "•"]
    items = [c for c in page_chars if c.get_text() in "ספריםחדשיםלימוד" and c.y0 < bullets[0].y1 + 2]
    assert bullets and items
    assert min(b.x0 for b in bullets) > max(c.x1 for c in items), "the bullet sits right of its item"
    assert bullets[0].x1 == pytest.approx(RIGHT_EDGE, abs=0.5)

    lines = first_page_items(data, LTLine)
    quote_rules = [line for line in lines if line.width < 1 and line.height > 5]
    assert quote_rules and quote_rules[0].x0 > RIGHT_EDGE - 20, "the quote rule is on the right"


def test_structure_elements_carry_the_logical_words() -> None:
    doc = _rtl_blocks()
    data, _ = render(doc)
    texts: dict[str, list[str]] = defaultdict(list)

    def walk(elem: object) -> None:
        if isinstance(elem, pikepdf.Dictionary) and "/S" in elem:
            if "/ActualText" in elem:
                texts[str(elem.S)].append(str(elem.ActualText))
            kids = elem.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                walk(kid)

    pdf_file = pikepdf.open(io.BytesIO(data))  # kept: its objects die with it
    walk(pdf_file.Root.StructTreeRoot.K)
    assert texts["/H1"] == ["ספרייה חדשה"]
    assert texts["/P"] == ["מועצת העיר הודיעה היום כי הספרייה תיפתח.", "אנחנו גאים מאוד בפרויקט הזה"]
    assert texts["/LBody"] == ["ספרים חדשים", "חדרי לימוד"]


def test_right_to_left_output_passes_the_validators(tmp_path: Path) -> None:
    files = []
    for name, doc in [("blocks", _rtl_blocks()), ("mixed", document("تقرير", Paragraph(MIXED_LONG)))]:
        data, notes = render(doc)
        assert notes.items == []
        assert check(data).failures == []
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        files.append(path)
    assert validate_pdf(files) == []


def test_same_document_same_bytes() -> None:
    doc = document("تقرير", Paragraph(MIXED_LONG), Quote("«نحن فخورون جداً»", speaker="رئيسة البلدية"))
    assert render(doc)[0] == render(doc)[0]


# ---------------------------------------------------------------------------------------------------------
# Cost.

_IMPORTS = """
import sys
from pressconv.errors import Notes
from pressconv.model import Document, Paragraph, Section
from pressconv.options import WriteOptions
from pressconv.writers import pdf
doc = Document("Headline", sections=(Section(None, (Paragraph(sys.argv[1]),)),))
pdf.write(doc, WriteOptions(), Notes())
print(sorted(m for m in sys.modules if m.split(".")[0] in ("bidi", "arabic_reshaper")
             or m == "pressconv.writers.pdf.rtl"))
"""


@pytest.mark.parametrize(
    ("text", "loaded"),
    [("Plain English, café, 東京 and 🚀.", False), ("שלום and سلام", True)],
    ids=["no-rtl", "rtl"],
)
def test_bidi_modules_load_only_for_right_to_left_text(text: str, loaded: bool) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS, text], capture_output=True, text=True, check=True, timeout=120
    )
    modules = eval(done.stdout)  # a printed list of module names
    assert bool(modules) is loaded, modules
    if loaded:
        assert {"bidi.algorithm", "arabic_reshaper", "pressconv.writers.pdf.rtl"} <= set(modules)


@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (False, True)])
def test_one_installed_face_draws_every_joined_form_of_a_style(bold: bool, italic: bool) -> None:
    """The fallback for shaped Arabic is one face per style, holding every form the text needs.

    DejaVu Sans (regular, bold) and Noto Sans Arabic (for italics: DejaVu's oblique has no Arabic)
    both map Arabic Presentation Forms-B; a face without them would mix fonts inside a word.
    """
    from pressconv.writers.pdf.fonts import font_set

    fonts = font_set(None)
    shaped = {c for c in _bidi.shape(ARABIC_LONG + MIXED_LONG) if _is_form(c)}
    faces = {fonts.fallback(c, bold, italic) for c in sorted(shaped)}
    assert None not in faces
    assert len({face.path for face in faces if face is not None}) == 1


_BIDI_SOUP = (
    "ab 12,.()«»—%؟،"
    + "שלום"
    + "سلامجدً ُلا"
    + "\u202a\u202b\u202c\u202e\u2066\u2067\u2068\u2069\u200f\u064b\u00a0٣"
)


@settings(derandomize=True, max_examples=300)
@given(st.text(st.sampled_from(_BIDI_SOUP), max_size=40), st.booleans())
def test_every_character_of_a_line_is_drawn_once(text: str, rtl: bool) -> None:
    """Embeddings, isolates (which python-bidi's algorithm predates), marks: nothing lost or doubled."""
    shaped = _bidi.shape(text)
    half = len(shaped) // 2
    runs = [(shaped[:half], "a"), (shaped[half:], "b")]
    pieces, width = _bidi.line_pieces(runs, rtl, lambda chunk, _: 5.0 * len(chunk))
    drawn = "".join(piece.actual or piece.glyphs for piece in pieces)
    assert sorted(drawn) == sorted(shaped)
    assert all(0 <= piece.x <= width for piece in pieces)


def test_right_to_left_paragraphs_are_parsed_on_first_use() -> None:
    """Like the writer's other paragraphs: fragments exist only from layout on (memory of long releases)."""
    from reportlab.lib.styles import ParagraphStyle

    from pressconv.writers.pdf import rtl as _bidi

    paragraph = _bidi.lazy_paragraph_class()("Hello, world", ParagraphStyle("t"), rtl=True)
    assert "frags" not in vars(paragraph)
    paragraph.wrap(400, 800)
    assert type(paragraph) is _bidi.RtlParagraph
    assert paragraph.rtl and "frags" in vars(paragraph)


def test_right_to_left_paragraphs_share_one_style_per_base_style() -> None:
    """A long Arabic release made a ParagraphStyle per paragraph (~800 bytes each, 24 MB for 2 MB)."""
    from pressconv.writers.pdf import story as pdf_story
    from pressconv.writers.pdf.fonts import font_set
    from pressconv.writers.pdf.styles import build_styles
    from pressconv.writers.pdf.tagging import StructElem

    fonts = font_set(None)
    styles = build_styles(fonts)
    ctx = pdf_story.Context(fonts, styles, styles.faces, Notes(), True, True)
    document = Document(
        "عنوان", sections=(Section(None, tuple(Paragraph(f"فقرة رقم {n}.") for n in range(20))),)
    )
    story = pdf_story.build_story(ctx, document, StructElem("Document"))
    paragraphs = [vars(flowable)["inner"] for flowable in story if "inner" in vars(flowable)]
    body = [p for p in paragraphs if p.style.name.startswith(styles.body.name)]
    assert len(body) == 20 and len({id(p.style) for p in body}) == 1
