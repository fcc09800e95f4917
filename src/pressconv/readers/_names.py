"""Text -> capitalised name runs, titles split from names, and sentence boundaries.

The shared word-level machinery of the speaker rule: a *run* is a stretch of
capitalised tokens (with initials, particles and "of"-connectors inside), cut
at commas, sentence ends and possessives.  ``split_title`` separates a run's
leading title or rank ("Pentagon Press Secretary Air Force Maj. Gen.") from
the name ("Pat Ryder").  All tables come from ``_lexicon``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pressconv.readers._lexicon import (
    ABBREVIATIONS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    POSTNOMINALS,
    ROLE_WORDS,
    TITLE_COMPLEMENTS,
    TITLE_SUFFIXES,
    TITLE_WORDS,
)

# Words and single separators; apostrophes stay inside words (O’Brien, Austin’s).
_TOKEN = re.compile('[^\\s,;:()\\[\\]“”„‟"«»‘]+|[,;:()\\[\\]“”„‟"«»‘]')
_SENTENCE_END = re.compile('[.!?…]+["”’»)\\]]*(?=\\s|$)')
_POSSESSIVE = re.compile("(?:[’']s|(?<=s)[’'])$")
_CONNECTORS = frozenset({"of", "for", "and", "at", "to", "für", "the"}) | NAME_PARTICLES
_NAME_ENDERS = frozenset({"of", "for", "and", "at", "to", "für", "the"})
_TITLE_CONNECTORS = frozenset({"of", "for", "at", "to", "für", "de", "du", "des", "del"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "our", "their", "his", "her", "der", "die", "le", "la", "el"}
)


# Named tuples rather than frozen dataclasses: the reader makes hundreds of thousands of them, and a
# tuple is built in one step where a frozen dataclass sets each field through object.__setattr__.
class Run(NamedTuple):
    """A run of capitalised tokens: the tokens, where it starts and ends, and whether it is possessive."""

    tokens: tuple[str, ...]
    start: int
    end: int
    possessive: bool


class Token(NamedTuple):
    """One token and its position."""

    text: str
    start: int
    end: int


TOKEN_PATTERN = _TOKEN


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]`` with absolute positions."""
    stop = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]


def is_capitalised(token: str) -> bool:
    """True when the token's first letter is upper-case (J., O’Brien, III, Müller)."""
    for ch in token:
        if ch.isalpha():
            return ch.isupper()
    return False


def _is_initial_or_abbrev(token: str) -> bool:
    lowered = token.lower()
    if lowered in ABBREVIATIONS or lowered in NAME_SUFFIXES:
        return True
    core = token.rstrip(".")
    # "J." or "U.S." — letters separated by periods
    return bool(core) and all(len(part) == 1 and part.isalpha() for part in core.split("."))


def _upper_class() -> str:
    """A regex character class of every upper- and title-case letter in the Basic Multilingual Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        ch = chr(code)
        if ch.isupper() or ch.istitle():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


_SEP = '\\s,;:()\\[\\]“”„‟"«»‘'
# The capital comes first and the "starts a token" test after it, so the engine can scan for capitals.
_CAP_TOKEN = f"[{_upper_class()}](?<![^{_SEP}].)[^{_SEP}]*"
_CONNECTOR_WORDS = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
# A stretch of capitalised tokens, with lower-case connectors only between two of them.  Finding
# these with one regular expression keeps the per-token Python work to the few capitalised words.
_RUN = re.compile(f"{_CAP_TOKEN}(?:[ ](?:(?:{_CONNECTOR_WORDS})[ ])*{_CAP_TOKEN})*")
# Characters that make a run need token-by-token reading (sentence ends, abbreviations, possessives).
_TRICKY = re.compile("[.!?…’']")
# The same with at least two capitalised tokens: what can hold a full name.
_LONG_RUN = re.compile(f"{_CAP_TOKEN}(?:[ ](?:(?:{_CONNECTOR_WORDS})[ ])*{_CAP_TOKEN})+")


def runs(text: str, start: int = 0, end: int | None = None, *, several: bool = False) -> list[Run]:
    """Capitalised runs in ``text[start:end]``, cut at sentence ends and possessives.

    With ``several`` only stretches of two or more capitalised tokens are read
    (the index of full names needs no single words, and skipping them in the
    regular expression is what keeps indexing fast).
    """
    found: list[Run] = []
    stop = len(text) if end is None else end
    for match in (_LONG_RUN if several else _RUN).finditer(text, start, stop):
        at = match.start()
        for words, first, last, possessive in _pieces(match.group()):
            found.append(Run(words, at + first, at + last, possessive))
    return found


_Piece = tuple[tuple[str, ...], int, int, bool]


@lru_cache(maxsize=16384)  # a pure function of the matched words; names recur throughout a document
def _pieces(matched: str) -> tuple[_Piece, ...]:
    """A matched stretch cut at sentence ends and possessives: (words, start, end, possessive) each."""
    if not _TRICKY.search(matched):
        # no period, apostrophe or exclamation: the words are the run as they stand
        return ((tuple(matched.split(" ")), 0, len(matched), False),)
    found: list[Run] = []
    current: list[Token] = []
    position = 0
    for word in matched.split(" "):
        token_start = position
        position += len(word) + 1
        if not is_capitalised(word):
            current.append(Token(word, token_start, token_start + len(word)))
            continue
        ends_sentence = word.endswith((".", "!", "?", "…")) and not _is_initial_or_abbrev(word)
        stripped = word.rstrip(".!?…") if ends_sentence else word
        poss = _POSSESSIVE.search(stripped)
        if poss:
            stripped = stripped[: poss.start()]
        if stripped:
            current.append(Token(stripped, token_start, token_start + len(stripped)))
        if poss or ends_sentence or word.endswith(("!", "?")):
            _close(current, bool(poss), found)
            current = []
    _close(current, False, found)
    return tuple((run.tokens, run.start, run.end, run.possessive) for run in found)


def _close(current: list[Token], possessive: bool, found: list[Run]) -> None:
    while current and not is_capitalised(current[-1].text):
        current.pop()  # trailing connectors belong to the sentence, not the name
    if current:
        found.append(Run(tuple(t.text for t in current), current[0].start, current[-1].end, possessive))


@lru_cache(maxsize=16384)
def is_title_word(lowered: str) -> bool:
    """True for a title or rank word, a hyphenated one (vice-president) or a compound (Regierungssprecher)."""
    if lowered in TITLE_WORDS or any(part in TITLE_WORDS for part in lowered.split("-") if part):
        return True
    return len(lowered) > 8 and lowered.endswith(TITLE_SUFFIXES)


@lru_cache(maxsize=8192)  # a pure function of the words; names recur throughout a document
def split_title(words: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """(title, name) from a run: the name follows the last title word and its "of …" complement.

    A role word opening a run of three or more ("Farmer Joe Banks", "Neighbour Ellen Marsh") is a
    title too; elsewhere it may be a surname (John Farmer), so only there.
    """
    if len(words) >= 3 and words[0].lower() in ROLE_WORDS and not is_title_word(words[0].lower()):
        title, name = split_title(words[1:])
        return (f"{words[0]} {title}" if title else words[0]), name
    last = -1
    for i, word in enumerate(words):
        lowered = word.lower()
        if is_title_word(lowered):
            last = i
    if last < 0:
        i = 0
        while i < len(words) - 1 and (words[i].lower() in NOT_NAMES or words[i].lower() in _CONNECTORS):
            i += 1
        return None, _cut_name(words[i:])
    j = last + 1
    if j < len(words) and words[j].lower() in _TITLE_CONNECTORS:
        j += 1
        if j < len(words) - 1 and words[j].lower() in _DETERMINERS:
            j += 1  # "Secretary of the Army Christine Wormuth"
        skipped = 0
        while j < len(words) - 1 and words[j].lower() in TITLE_COMPLEMENTS:
            j += 1
            skipped += 1
        if skipped == 0 and j < len(words) - 1:
            j += 1  # "President of Acme Jane Smith": one organisation word
            while j < len(words) - 1 and words[j].lower() in TITLE_COMPLEMENTS:
                j += 1
    title_words = list(words[:j])
    while title_words and title_words[0].lower() in _DETERMINERS:
        title_words.pop(0)
    return (" ".join(title_words) or None), _cut_name(words[j:])


def _cut_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name ends before "of", "for", "the" … and before post-nominals ("Jane Smith MP" -> Jane Smith)."""
    for k, word in enumerate(words):
        if k and word in _NAME_ENDERS:
            words = words[:k]
            break
    while len(words) > 1 and words[-1].lower().rstrip(",") in POSTNOMINALS and words[-1][:1].isupper():
        words = words[:-1]
    return words


@lru_cache(maxsize=8192)
def is_name(words: tuple[str, ...]) -> bool:
    """True when the words can be a person's name (not an acronym, not a month, not a connector)."""
    if not words or len(words) > 6:
        return False
    if not is_capitalised(words[0]) or not is_capitalised(words[-1]):
        return False
    if all(w.lower() in NOT_NAMES for w in words):
        return False
    core = [w for w in words if w.lower() not in NAME_SUFFIXES]
    if not core:
        return False
    last = core[-1]
    if last.lower() in NOT_NAMES or last.lower() in TITLE_WORDS:
        return False
    # An all-capitals word of three or more letters is an acronym (DOD, UNRWA), not a surname.
    return not (len(last) >= 3 and last.isupper())


@lru_cache(maxsize=8192)
def surname(words: tuple[str, ...]) -> str:
    """The key a name is indexed by: its last word that is not a suffix (Jr., III)."""
    core = [w for w in words if w.lower() not in NAME_SUFFIXES]
    return (core[-1] if core else words[-1]).rstrip(".")


def sentence_ends(text: str) -> list[int]:
    """Offsets where sentences end (after the punctuation), abbreviations and initials excepted."""
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        word_start = text.rfind(" ", 0, match.start()) + 1
        word = text[word_start : match.start() + 1].lower()
        if text[match.start()] == "." and (
            word in ABBREVIATIONS or (len(word) == 2 and word[0].isalpha()) or _dotted(word)
        ):
            continue
        ends.append(match.end())
    return ends


def _dotted(word: str) -> bool:
    core = word.rstrip(".")
    return "." in core and all(len(part) == 1 for part in core.split("."))
