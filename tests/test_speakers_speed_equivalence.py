"""The speaker machinery's speed rewrites give the answers of the plain code they replaced."""

from __future__ import annotations

import itertools
from pathlib import Path

from pressconv.readers import name_runs

_TESTS = Path(__file__).parent


def _texts() -> list[str]:
    """Every fixture and corpus text, its paragraphs and its lines."""
    texts: list[str] = []
    for path in sorted(_TESTS.glob("**/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts += [text, *text.split("\n\n"), *text.splitlines()]
    return texts


def test_end_marks_are_the_sentence_pattern_matches() -> None:
    # marks, closers and spaces of every kind around a period, and the other marks that send the text
    # to the engine
    pieces = ("", ".", "..", "!", "?", "…", "”", "’", ")", "]", " ", "\u00a0", "\u2009", "\n", "\x85", "a")
    texts = [f"Word{a}{b}{c}" for a, b, c in itertools.product(pieces, repeat=3)] + _texts()
    periods = 0
    for text in texts:
        plain = [(match.start(), match.end()) for match in name_runs._SENTENCE_END.finditer(text)]
        assert list(name_runs._end_marks(text)) == plain, repr(text)
        periods += any(text[at] == "." for at, _end in plain)
    assert periods > 1000  # the period-only path is the one the texts take


def test_according_to_prefix_tree_finds_what_the_alternation_finds() -> None:
    import re

    from pressconv.readers.lexicon import ACCORDING_TO
    from pressconv.readers.speakers import attribution

    plain = re.compile("|".join(re.escape(phrase) for phrase in ACCORDING_TO))
    texts = [line.lower() for text in _texts() for line in text.splitlines()]
    texts += [f"x {phrase} y" for phrase in ACCORDING_TO] + [phrase[:-1] for phrase in ACCORDING_TO]
    found = 0
    for text in texts:
        answer = attribution._ANY_ACCORDING_TO.search(text) is not None
        assert answer == (plain.search(text) is not None), text
        found += answer
    assert len(ACCORDING_TO) <= found < len(texts)
