"""Plain paragraphs parsed and broken once per process (writers/pdf/laid_cache): a warm process
writes the same bytes as a fresh one, whatever it rendered before."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle

from pressconv import api
from pressconv.errors import Notes
from pressconv.theme import DEFAULT, load
from pressconv.writers.pdf import laid_cache

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "source" / "pentagon-briefing.txt", ROOT / "source" / "water-board-annual-report.md")
HARBOUR = ROOT / "examples" / "themes" / "harbour"

_RENDER = """
import hashlib, sys
from pathlib import Path
from pressconv import api
from pressconv.errors import Notes
from pressconv.theme import DEFAULT, load
theme = load(sys.argv[2]) if sys.argv[2] != "-" else DEFAULT
notes = Notes()
read, plain = api.split_options({})
doc = api.read_source(Path(sys.argv[1]).read_bytes(), read, notes)
print(hashlib.sha256(api.render([doc], "pdf", plain.replace(theme=theme), notes)).hexdigest())
"""


def _warm(source: Path, theme_path: Path | None) -> str:
    notes = Notes()
    read, plain = api.split_options({})
    theme = load(theme_path) if theme_path is not None else DEFAULT
    doc = api.read_source(source.read_bytes(), read, notes)
    return hashlib.sha256(api.render([doc], "pdf", plain.replace(theme=theme), notes)).hexdigest()


def _fresh(source: Path, theme_path: Path | None) -> str:
    argv = [sys.executable, "-c", _RENDER, str(source), str(theme_path) if theme_path else "-"]
    return subprocess.run(argv, check=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()


def test_warm_renders_match_a_fresh_process_with_themes_interleaved() -> None:
    laid_cache.clear()
    cases = [(source, theme) for source in SOURCES for theme in (HARBOUR, None)]
    fresh = {case: _fresh(*case) for case in cases}
    # Twice over, the two themes (other faces, sizes, colours, page widths) alternating.
    for _ in range(2):
        for case in cases:
            assert _warm(*case) == fresh[case], case


_RENDER_ALL = """
import hashlib, sys
from pathlib import Path
from pressconv import api
from pressconv.errors import Notes
from pressconv.theme import DEFAULT, load
theme = load(sys.argv[2]) if sys.argv[2] != "-" else DEFAULT
read, plain = api.split_options({})
doc = api.read_source(Path(sys.argv[1]).read_bytes(), read, Notes())
for fmt in ("html", "docx", "pdf", "epub"):
    print(hashlib.sha256(api.render([doc], fmt, plain.replace(theme=theme), Notes())).hexdigest())
"""

FORMATS = ("html", "docx", "pdf", "epub")
DEFAULT_FOLDER = ROOT / "examples" / "themes" / "default"


def test_every_format_warm_matches_a_fresh_process_with_themes_interleaved() -> None:
    """The per-process caches of every writer (the PDF's laid-out paragraphs and recurring markup, the
    DOCX's recurring paragraphs, relationship parts and paragraph properties, the footer's runs, the
    HTML's logo URI): a process that rendered other releases under other themes first writes the
    bytes a fresh one does."""
    from pressconv.writers.docx import body as docx_body
    from pressconv.writers.pdf import markup as pdf_markup

    laid_cache.clear()
    docx_body._PROTOTYPES.clear()
    pdf_markup._RECURRING.clear()
    cases = [(source, theme) for source in SOURCES for theme in (HARBOUR, None, DEFAULT_FOLDER)]
    fresh = {}
    for source, theme in cases:
        argv = [sys.executable, "-c", _RENDER_ALL, str(source), str(theme) if theme else "-"]
        out = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=ROOT).stdout.split()
        fresh[(source, theme)] = dict(zip(FORMATS, out, strict=True))
    read, plain = api.split_options({})
    for _ in range(2):  # the second pass takes what it can from the caches the first filled
        for source, theme_path in cases:
            theme = load(theme_path) if theme_path is not None else DEFAULT
            doc = api.read_source(source.read_bytes(), read, Notes())
            for fmt in FORMATS:
                rendered = api.render([doc], fmt, plain.replace(theme=theme), Notes())
                assert hashlib.sha256(rendered).hexdigest() == fresh[(source, theme_path)][fmt], (
                    source.name,
                    theme_path,
                    fmt,
                )
    assert docx_body._PROTOTYPES and pdf_markup._RECURRING  # the theme's recurring words were copied


def test_the_cache_is_used_and_bounded() -> None:
    laid_cache.clear()
    _warm(SOURCES[0], HARBOUR)
    _warm(SOURCES[0], HARBOUR)  # met a second time: kept
    first = len(laid_cache._FRAGMENTS), len(laid_cache._LINES)
    assert first[0] > 0 and first[1] > 0
    _warm(SOURCES[0], HARBOUR)  # the same document a third time adds nothing
    assert (len(laid_cache._FRAGMENTS), len(laid_cache._LINES)) == first
    for source in SOURCES:
        for theme in (HARBOUR, None):
            _warm(source, theme)
    assert len(laid_cache._FRAGMENTS) <= laid_cache.SIZE and len(laid_cache._LINES) <= laid_cache.SIZE


def test_style_key_tells_settings_apart_and_ignores_the_name() -> None:
    one = ParagraphStyle("one", fontName="Helvetica", fontSize=10, leading=12)
    renamed = ParagraphStyle("two", fontName="Helvetica", fontSize=10, leading=12)
    bigger = ParagraphStyle("one", fontName="Helvetica", fontSize=11, leading=12)
    assert laid_cache.style_key(one) == laid_cache.style_key(renamed)
    before = laid_cache.style_key(one)
    one.fontSize = 11  # a style changed after use gets a new key
    assert laid_cache.style_key(one) != before
    one.fontSize = 10
    assert laid_cache.style_key(one) != laid_cache.style_key(bigger)
    unhashable = ParagraphStyle("x")
    unhashable.__dict__["extra"] = []
    assert laid_cache.style_key(unhashable) is None


def test_parsed_fragments_are_the_parsers_for_markup_with_tags() -> None:
    from reportlab.platypus import Paragraph

    from pressconv.compat import reportlab_layout as compat

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14)
    for markup in (
        '<font name="Helvetica-Bold">bold</font> and plain',
        'a <a href="https://example.org" color="#1f4e79">link</a> here',
        "line<br/>break &amp; <super>1</super>",
    ):
        parsed = compat.parsed_fragments(markup, style)
        reference = Paragraph(markup, style)
        assert parsed is not None, markup
        assert parsed[0] == reference.text
        assert [vars(f) for f in parsed[1]] == [vars(f) for f in reference.frags], markup
    assert compat.parsed_fragments("<para leading='20'>other style</para>", style) is None


def test_a_speaker_line_measured_first_takes_its_lines_from_the_cache() -> None:
    from pressconv.writers.pdf.paragraph import LaidParagraph, LazyParagraph

    laid_cache.clear()
    style = ParagraphStyle("speaker", fontName="Helvetica", fontSize=9, leading=11)
    first, second, third = (LazyParagraph("— A Speaker", style) for _ in range(3))
    assert first.wrap(200, 100) == second.wrap(200, 100) == third.wrap(200, 100)
    assert all(type(p) is LaidParagraph for p in (first, second, third))
    assert third.blPara is second.blPara  # kept when met again, then shared read-only
    for _ in range(2):
        assert LazyParagraph("— A Speaker", style).wrap(150, 100)[0] == 150  # another width: broken anew
    assert len(laid_cache._LINES) == 2


def test_a_paragraph_met_once_is_not_kept() -> None:
    """A release's own paragraphs rarely recur: holding them made builds of distinct releases slower."""
    from pressconv.writers.pdf.paragraph import LazyParagraph

    laid_cache.clear()
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
    LazyParagraph("Words that this process meets only once.", style).wrap(300, 100)
    assert not laid_cache._FRAGMENTS and not laid_cache._LINES
