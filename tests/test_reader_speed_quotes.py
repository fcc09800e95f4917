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


def _short_lines() -> list[str]:
    """The fixtures' paragraphs, and lines of closing marks, sharing rows, addresses, edge cases."""
    texts = [work.text for work in _fixture_works()]
    texts += ["****", "* *** *", "”", "", " ", "Share | Email | Print", "Facebook Twitter", "facebook news"]
    texts += ["Visit www.example.org", "WWW.EXAMPLE.ORG", "mail us @press", "see https://x.org", "U.S. news"]
    texts += ["Acme Corp.", "the U.S.", "The Ltd.", "“Done.”", "It ends here.)", "A (b) c", "9 to 5"]
    texts += ["Über uns", "ÜBER UNS:", "Key figures", "Key Figures", "key Figures And More"]
    texts += ["By Jane Smith", "BY Jane Smith", "by Jane Smith", "By the numbers", "Jaén, 12/02/2026"]
    texts += ["Jaén, 12/02/2026\n", "Jaén 12/02/2026", "Jaén, 12/02/2026.", "Lyon, 3.4.27", "Lyon, 3.4.٢٧"]
    texts += ["© Acme", "2027 was a year", "why it matters", "İstanbul Office Opens", "ßig words", "a-b C-d"]
    return texts


def test_heading_shape_helpers_give_the_plain_answers() -> None:
    from pressconv.readers import heading_shape as hs
    from pressconv.readers.lexicon import ABBREVIATIONS, TITLE_CASE_SMALL

    def first_letter(word: str) -> str:
        return next((ch for ch in word if ch.isalpha()), "")

    def title_case(text: str) -> bool:
        words = [w for w in text.split() if w.isalpha() or any(ch.isalpha() for ch in w)]
        if not words:
            return False
        content = [w for w in words[1:] if w.lower() not in TITLE_CASE_SMALL] or words[:1]
        capitalised = sum(1 for w in content if first_letter(w).isupper())
        return capitalised / len(content) >= 0.75 and first_letter(words[0]).isupper()

    def ends_sentence(text: str) -> bool:
        stripped = text.rstrip(hs._TRAILING + " ")
        end = stripped[-1:] if stripped else ""
        if end not in hs._CLOSING:
            return False
        if end == ".":
            last_word = stripped.rsplit(None, 1)[-1].lower()
            core = last_word.rstrip(".")
            if last_word in ABBREVIATIONS or ("." in core and all(len(p) == 1 for p in core.split("."))):
                return False
        return True

    def is_chrome_line(text: str) -> bool:
        words = text.split()
        return (
            text.startswith("©")
            or bool(hs._CHROME_LINE.match(text) or hs._BYLINE.match(text))
            or (bool(words) and all(w.lower() in hs._SOCIAL for w in words))
        )

    answers: dict[str, set[bool]] = {key: set() for key in ("title", "ends", "chrome", "address", "place")}
    for text in _short_lines():
        assert hs.title_case(text) == title_case(text), repr(text)
        assert hs.ends_sentence(text) == ends_sentence(text), repr(text)
        assert hs.is_chrome_line(text) == is_chrome_line(text), repr(text)
        for word in text.split():
            assert hs.first_letter(word) == first_letter(word), repr(word)
        assert hs.is_place_and_date(text) == bool(hs._PLACE_AND_DATE.match(text)), repr(text)
        address = hs._NOT_A_HEADING.search(text) is not None
        assert not address or "." in text or "@" in text or ":" in text, repr(text)  # the gate's characters
        answers["title"].add(title_case(text))
        answers["ends"].add(ends_sentence(text))
        answers["chrome"].add(is_chrome_line(text))
        answers["address"].add(address)
        answers["place"].add(hs.is_place_and_date(text))
    assert all(found == {True, False} for found in answers.values())


def test_question_line_with_the_marked_test_first_gives_the_plain_answer() -> None:
    from pressconv.readers.blocks import HEADING, PARAGRAPH, QUOTE
    from pressconv.readers.rules import questions as q

    def plain(block: Work) -> bool:
        text = block.text
        if not (text.endswith("?") or text[:1] in q._MARK_INITIALS) or len(text) > q._MAX_CHARS:
            return False
        if block.kind not in (PARAGRAPH, HEADING) or block.hint is not None or not block.one_line:
            return False
        if quote_marks.starts_with_mark(text) or len(text.split()) > q._MAX_WORDS:
            return False
        return text.endswith("?") or bool(q._MARKED.match(text))

    lines = ["Q: Can I apply?", "Q: Can I apply", "F: Wer darf?", "Funding", "Pregunta: ¿Quién?", "P. 4"]
    lines += ["Question) What now", "“Why?”", "Why " * 30 + "?", "Q:no space", "Frage: " + "x " * 30]
    works = _fixture_works() + [Work(line, [line], None) for line in lines]
    works += [Work(line, [line], None, kind=kind) for line in lines for kind in (HEADING, QUOTE)]
    works += [Work(line, [line, line], None) for line in lines]
    answers = set()
    for work in works:
        assert q._question_line(work) == plain(work), repr(work.text)
        answers.add(plain(work))
    assert answers == {True, False}
