"""The PDF writer's cheaper paragraphs make what reportlab's own paths make.

Plain paragraphs get their fragments without reportlab's HTML tokenizer
(``compat.plain_fragments``), a paragraph breaks its lines once per width
(``paragraph.LaidParagraph``) and known characters get their subset codes in one call
(``compat.reportlab_subsets.split_known``): each must give exactly what reportlab's own path
gives, on the project's own texts, or the PDF's bytes would change.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from pressconv import api
from pressconv.compat import reportlab as compat
from pressconv.compat import reportlab_subsets as subsets
from pressconv.errors import Notes
from pressconv.model import Document, block_text
from pressconv.writers.pdf import paragraph
from pressconv.writers.pdf.paragraph import LaidParagraph, LazyParagraph, escape
from rich_document import rich_document

ROOT = Path(__file__).parent.parent


def _texts(document: Document) -> list[str]:
    texts = [document.headline, document.subtitle or ""]
    texts += [block_text(block) for block in document.blocks()]
    texts += [note.text for note in document.notes]
    return [text for text in texts if text]


def _documents() -> list[Document]:
    read, _ = api.split_options({})
    sources = [
        ROOT / "source" / "pentagon-briefing.txt",
        *sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:12],
    ]
    return [api.read_source(path.read_bytes(), read, Notes()) for path in sources] + [rich_document()]


def _frags(frags: list[Any]) -> list[dict[str, Any]]:
    return [vars(frag) for frag in frags]


def _drawn(para: Paragraph) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    para.drawOn(canvas, 20, 20)
    canvas.save()
    return out.getvalue()


def test_plain_fragments_are_the_parsers_for_every_text_of_the_sample_and_corpus() -> None:
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14)
    texts = [text for document in _documents() for text in _texts(document)]
    texts += ["Fish & chips <b>not bold</b> & more", "  spaces\n\nand lines  ", "&amp;", "a\xa0b"]
    assert len(texts) > 100
    for text in texts:
        markup = escape(text)
        plain = compat.plain_fragments(markup, style)
        parsed = Paragraph(markup, style)
        assert plain is not None, text
        assert plain[0] == parsed.text
        assert _frags(plain[1]) == _frags(parsed.frags), text


@pytest.mark.parametrize(
    "markup",
    ['<font name="Helvetica-Bold">bold</font> text', "line<br/>break", "a & b", "&nbsp;", "&#169;"],
)
def test_markup_with_tags_or_other_entities_is_left_to_the_parser(markup: str) -> None:
    assert compat.plain_fragments(markup, ParagraphStyle("body")) is None


def test_a_deferred_paragraph_of_plain_text_lays_out_and_draws_as_reportlabs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
    markup = escape("Salt & pepper: the council's <new> budget is £40\xa0million for 2027, up 4%. " * 6)
    lazy, eager = LazyParagraph(markup, style), Paragraph(markup, style)
    assert _frags(lazy.frags) == _frags(eager.frags)
    assert isinstance(lazy, LaidParagraph)
    assert lazy.wrap(180, 800) == eager.wrap(180, 800)
    assert _drawn(lazy) == _drawn(eager)
    parsed: list[str] = []
    monkeypatch.setattr(
        ParaParser,
        "parse",
        lambda self, text, style: parsed.append(text),
    )
    other = LazyParagraph(escape("Plain words & an ampersand."), style)
    # "Plain words ", "&", " an ampersand.": a fragment per piece the tokenizer would have handed over
    assert [frag.text for frag in other.frags] == ["Plain words ", "&", " an ampersand."]
    assert parsed == []  # the tokenizer never ran for plain text


def test_a_paragraph_breaks_its_lines_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    original = Paragraph.breakLines

    def counted(self: Paragraph, width: Any) -> Any:
        calls.append(width[0])
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
    para = LaidParagraph("words " * 80, style)
    first = para.wrap(200, 500)
    assert para.wrap(200, 40) == first  # another height: the same lines
    assert len(calls) == 1
    narrower = para.wrap(120, 500)
    assert len(calls) == 2 and narrower[1] > first[1]
    assert para.wrap(200, 500) == first and len(calls) == 3
    assert para.split(200, 5) == []  # no room for two lines: reportlab drops the lines it broke
    assert para.wrap(200, 500) == first and len(calls) == 4  # so they are broken again
    assert para.wrap(200, 500) == first and len(calls) == 4
    assert paragraph.LazyParagraph.EAGER is LaidParagraph


def test_known_characters_get_the_codes_reportlabs_split_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every string the sample's PDF draws, under no theme and harbour (Arabic aside): where the fast
    # path answers, reportlab's own splitString gives the same subset codes (it assigns nothing new
    # then, since every character already has its code).
    from reportlab.pdfbase.ttfonts import TTFont

    from pressconv.writers.pdf.embedding import EmbeddedTTFont

    answered: list[str] = []
    fast = subsets.split_known

    def checked(font: TTFont, text: str, document: Any) -> list[tuple[int, bytes]] | None:
        ours = fast(font, text, document)
        if ours is not None:
            answered.append(text)
            assert ours == TTFont.splitString(font, text, document), text
        return ours

    monkeypatch.setattr("pressconv.writers.pdf.embedding.split_known", checked)
    assert EmbeddedTTFont.splitString is not TTFont.splitString
    for theme in (None, ROOT / "examples" / "themes" / "harbour"):
        _, write = api.split_options({"theme": str(theme)} if theme else {})
        for document in _documents()[:4]:
            api.render([document], "pdf", write, Notes())
    assert len(answered) > 100
    assert any("’" in text for text in answered)  # characters beyond ASCII, assigned as first drawn


def test_the_probe_names_changed_subset_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    assert subsets.probe_subsets() == []
    monkeypatch.setattr(subsets, "split_known", lambda font, text, document: [(0, b"?")])
    problems = compat.probe()
    assert any("assignments" in problem for problem in problems), problems
