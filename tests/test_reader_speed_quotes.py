"""The quote and heading rules' speed rewrites give the answers of the plain code they replaced.

Each test states the plain definition (as the reader computed it before) and checks the faster
form against it over the reader fixtures' paragraphs and texts built on the edges it depends on.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from pressconv.readers import quote_marks
from pressconv.readers.blocks import Work, split_blocks, to_work

_FIXTURES = Path(__file__).parent / "fixtures" / "reader"


def _fixture_works() -> list[Work]:
    works: list[Work] = []
    for path in sorted(_FIXTURES.glob("*.txt")):
        works += [to_work(raw) for raw in split_blocks(path.read_text(encoding="utf-8"))]
    return works


def _quoted_share_by_splitting(text: str, spans: list[tuple[int, int]]) -> float:
    """``quote_marks.quoted_share`` as first written: every stretch cut out and split into words."""
    if not spans:
        return 0.0
    total = len(text.split())
    inside = sum(len(text[start:end].split()) for start, end in spans)
    return min(1.0, inside / total) if total else 0.0


def _quote_texts() -> list[str]:
    """The fixtures' paragraphs, and marks and spaces of every kind at the edges and next to each other."""
    texts = [work.text for work in _fixture_works()]
    spaces = (" ", "  ", "\xa0", "\u2009", "\t", "\n", "")
    for mark, space in itertools.product(quote_marks._DOUBLE_MARK_CHARS + "‘’'x", spaces):
        texts += [
            f"{mark}We will{mark}{space}she said.",
            f"{space}{mark}a{space}b{mark}{space}",
            f"{mark}{mark}{space}{space}{mark}",
            f"“a {mark}b{mark} c”{space}",
        ]
    return texts


def test_double_marks_found_by_substring_as_by_the_pattern() -> None:
    found = 0
    for text in _quote_texts():
        expected = [match.start() for match in quote_marks._DOUBLE_MARKS.finditer(text)]
        assert quote_marks._double_mark_positions(text) == expected, repr(text)
        assert quote_marks.has_double_mark(text) == bool(expected), repr(text)
        found += bool(expected)
    assert 100 < found < len(_quote_texts())  # both answers occur


def test_quoted_share_counted_from_spaces_as_by_splitting() -> None:
    checked = shared = 0
    for text in _quote_texts():
        spans = quote_marks.scan(text, "single")[0]
        # the quotation's spans, and stretches that start or end on a space, a word's middle or the text's end
        for stretches in (spans, [(0, len(text))], [(1, 3), (4, len(text) + 2)], [(2, 2), (0, 1)]):
            expected = _quoted_share_by_splitting(text, stretches)
            assert quote_marks.quoted_share(text, stretches) == expected, (text, stretches)
            checked += 1
            shared += 0 < expected < 1
    assert checked > 4000 and shared > 500
