"""The words of attribution: title words, speech verbs, pronouns, organisations, unquoted stretches.

Small tests on one word or one stretch of text that the person index, the
attribution grammar and the resolution all ask; every table is data in
``lexicon``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pressconv import lazy_re
from pressconv.readers.lexicon import (
    DEFINITE_SUFFIXES,
    ENGLISH_SPEECH_VERBS,
    LOWER_CASE_PRONOUNS,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PRONOUN_SUFFIXES,
    PRONOUNS,
    ROLE_ENDINGS,
    ROLE_WORDS,
    SEPARABLE_SPEECH_VERBS,
    SPEECH_PHRASES,
    SPEECH_VERBS,
)
from pressconv.readers.name_runs import Token, is_capitalised, is_title_word

POSSESSIVE_END = re.compile("(?:[’']s|(?<=s)[’'])$")
POSSESSIVE_START = lazy_re.compile("^(?:[’']s|[’'])")
# An article or preposition elided onto the next word: "l'assessora", "dell’ateneo".
_ELIDED_ARTICLE = re.compile("^(?:l|d|dell|all|nell|sull|dall)[’']")
# The first word of each two-word speech phrase: only these start the pair test.
_PHRASE_STARTS = frozenset(phrase.split(" ", 1)[0] for phrase in SPEECH_PHRASES)


def unquoted_stretches(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of a block's text that lie outside its quoted spans."""
    pieces: list[tuple[int, int]] = []
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append((position, start))
        position = max(position, end)
    if position < len(text):
        pieces.append((position, len(text)))
    return pieces


@lru_cache(maxsize=16384)  # a pure function of one word, asked about the same words again and again
def is_titled(word: str) -> bool:
    """A title or role word, also after a prefix ("EU-Kommissar") or an elided article ("l'assessora")."""
    lowered = POSSESSIVE_END.sub("", word.lower().strip(".,;:"))
    lowered = _ELIDED_ARTICLE.sub("", lowered)
    if lowered in ROLE_WORDS or is_title_word(lowered) or lowered.endswith(ROLE_ENDINGS):
        return True
    # "EU-Kommissar", "ex-minister": a title after a prefix
    tail = lowered.rsplit("-", 1)[-1]
    return tail != lowered and (tail in ROLE_WORDS or is_title_word(tail))


def speech_verb(words: list[Token]) -> tuple[int, int] | None:
    """Index of the first speech verb (and how many tokens it takes)."""
    for i, token in enumerate(words):
        word = token.text.lower().rstrip(".,:;!?")  # word by word: the verb is usually among the first
        starts_phrase = word in _PHRASE_STARTS
        if (
            word in SEPARABLE_SPEECH_VERBS
            and i + 1 < len(words) - 1
            and words[-1].text.lower().rstrip(".,:;!?") == SEPARABLE_SPEECH_VERBS[word]
        ):
            return i, 1  # "teilte das Unternehmen mit": the particle closes the clause
        if not starts_phrase and word not in SPEECH_VERBS:
            if "-" in word and _inverted_pronoun(word) is not None:
                return i, 1  # "précise-t-elle", "reconnaît-il": the verb with its pronoun after it
            continue  # most words are neither: the tests below cannot match
        if "-t-" in word or word.endswith(("-il", "-elle")):
            continue  # the inverted French pronoun itself ("a-t-elle"), the verb follows
        if (
            starts_phrase
            and i + 1 < len(words)
            and f"{word} {words[i + 1].text.lower().rstrip('.,:;!?')}" in SPEECH_PHRASES
        ):
            return i, 2
        if word in SPEECH_VERBS:
            if word == "so" and (i != 0 or not _so_subject(words)):
                continue  # German "so Müller", "so die Ministerin" only, never English "so"
            if i and token.text[:1].isupper() and word in ENGLISH_SPEECH_VERBS:
                continue  # "the basin States", "Member States": a capitalised noun inside the clause
            return i, 1
    return None


def _so_subject(words: list[Token]) -> bool:
    """ "so Müller", "so die Ministerin", "so das Unternehmen": a name, or a German article and a noun."""
    if len(words) < _MIN_SO_CLAUSE:
        return False
    if is_capitalised(words[1].text):
        return True
    article = words[1].text in ("der", "die", "das")
    return article and len(words) > _MIN_SO_CLAUSE and is_capitalised(words[2].text)


_MIN_SO_CLAUSE = 2


def personal_pronoun(word: str) -> str | None:
    """The personal pronoun a token is or ends in ("she", "a-t-elle" -> "elle")."""
    lowered = word.lower()
    if lowered in LOWER_CASE_PRONOUNS and word != lowered:
        return None  # "Han", "Hun": a name
    if lowered in PRONOUNS:
        return lowered
    tail = lowered.rsplit("-", 1)[-1]
    if "-" in lowered and tail in PRONOUNS:
        return tail
    return None


def _inverted_pronoun(word: str) -> str | None:
    """ "précise-t-elle" -> "elle", "reconnaît-il" -> "il": a French speech verb with its subject pronoun
    written after it; else None."""
    verb, _, rest = word.partition("-")
    pronoun = rest.removeprefix("t-")
    return pronoun if pronoun in _INVERTED_PRONOUNS and verb in SPEECH_VERBS else None


_INVERTED_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})


def pronoun_in_verb(word: str) -> str | None:
    """The pronoun a speech verb carries as its ending ("ujarnya", "katanya": he or she said), or the French
    one written after it ("précise-t-elle"), or None."""
    lowered = word.lower().rstrip(".,:;!?")
    if "-" in lowered and (inverted := _inverted_pronoun(lowered)) is not None:
        return inverted
    for suffix in PRONOUN_SUFFIXES:
        if lowered.endswith(suffix) and lowered[: -len(suffix)] in SPEECH_VERBS and lowered in SPEECH_VERBS:
            return f"-{suffix}"
    return None


_MIN_DEFINITE_STEM = 4


@lru_cache(maxsize=4096)  # a pure function of one word
def role_word(word: str) -> str | None:
    """The title a word names, lower-case: itself, or its stem before a definite ending.

    "Minister" -> "minister"; the Scandinavian "ministeren", "borgmesteren", "ordföranden" (the article
    written as the noun's ending) -> "minister", "borgmester", "ordförande"; None for any other word.
    """
    lowered = word.lower().strip(".,;:!?")
    if is_titled(lowered):
        return lowered
    for suffix in DEFINITE_SUFFIXES:
        stem = lowered[: -len(suffix)]
        if lowered.endswith(suffix) and len(stem) >= _MIN_DEFINITE_STEM and is_title_word(stem):
            return stem
    return None


def find_word(haystack: str, phrase: str) -> int:
    at = haystack.find(phrase)
    while at >= 0:
        before_ok = at == 0 or not haystack[at - 1].isalnum()
        after_at = at + len(phrase)
        after_ok = after_at >= len(haystack) or not haystack[after_at].isalnum()
        if before_ok and after_ok:
            return at
        at = haystack.find(phrase, at + 1)
    return -1


@lru_cache(maxsize=8192)  # a pure function of the words; the same names are asked about again and again
def is_organisation(name: tuple[str, ...]) -> bool:
    """True when a word of the name marks an organisation ("Globex Inc.", "Ministry", "City Council")."""
    if name[-1].lower().rstrip(".") in ORGANISATION_SUFFIXES:
        return True
    return any(word.lower().rstrip(".") in ORGANISATION_WORDS for word in name)


def attribution_segments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Unquoted stretches in the order attributions are looked for: after the first quote, before, later."""
    if not spans:
        return []
    pieces: list[tuple[int, int, bool]] = []
    for k in range(len(spans)):
        start = spans[k][1]
        end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if end > start:
            pieces.append((start, end, True))
    if spans[0][0] > 0:
        pieces.insert(1 if pieces else 0, (0, spans[0][0], False))
    return pieces


# An office's list of portfolios before a run: a link word, a capitalised portfolio, then a comma (or a
# comma-list and a coordinator) right where the run starts.
_LIST_REACH = 120
_PORTFOLIO = r"[A-ZÀ-Ý][\w-]*(?: [A-ZÀ-Ý][\w-]*)*"
_PORTFOLIO_LIST = lazy_re.compile(
    rf"\b(?:of|for|de|del|für|pour|per) {_PORTFOLIO}"
    rf"(?:(?:, {_PORTFOLIO})+(?P<coordinated>,? (?:and|y|et|und|e) )|, )$"
)
_LIST_ENDS = (", ", " and ", " y ", " et ", " und ", " e ")  # the ways _PORTFOLIO_LIST can end


def list_may_end(text: str, at: int) -> bool:
    """False when ``_PORTFOLIO_LIST`` cannot match up to ``at``: it ends in ", " or a coordinator and a space,
    at ``at`` or just before a newline there (``$`` matches before a final newline)."""
    head = text[max(0, at - 7) : at]
    return (head[:-1] if head.endswith("\n") else head).endswith(_LIST_ENDS)


def portfolio_list_before(text: str, at: int) -> re.Match[str] | None:
    """The end of an office's list of portfolios right before ``at`` ("the Minister for Health, "), or None.
    Most runs stand after no such ending: the search is run only where ``list_may_end``."""
    if not list_may_end(text, at):
        return None
    return _PORTFOLIO_LIST.search(text, max(0, at - _LIST_REACH), at)
