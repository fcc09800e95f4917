"""Text -> capitalised name runs, titles split from names, and sentence boundaries.

The shared word-level machinery of the speaker rule: a *run* is a stretch of
capitalised tokens (with initials, particles and "of"-connectors inside), cut
at commas, sentence ends and possessives.  ``split_title`` separates a run's
leading title or rank ("Pentagon Press Secretary Air Force Maj. Gen.") from
the name ("Pat Ryder").  All tables come from ``lexicon``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from pressconv import lazy_re
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ABBREVIATIONS,
    DAY_FIRST_MONTHS,
    DEFINITE_SUFFIXES,
    MONTHS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    POSTNOMINALS,
    POSTNOMINALS_IN_CAPITALS,
    RANK_GRADES,
    ROLE_WORDS,
    TITLE_COMPLEMENTS,
    TITLE_SUFFIXES,
    TITLE_WORDS,
)

# Words and single separators; apostrophes stay inside words (O’Brien, Austin’s).
_TOKEN = re.compile('[^\\s,;:()\\[\\]“”„‟"«»‘]+|[,;:()\\[\\]“”„‟"«»‘]')
_MAX_ORDINAL = 3  # "1." to "31."
_MONTH_NAMES = frozenset(MONTHS) | frozenset(DAY_FIRST_MONTHS)
_SENTENCE_END = re.compile('[.!?…]+["”’»)\\]]*(?=\\s|$)')
_POSSESSIVE = re.compile("(?:[’']s|(?<=s)[’'])$")
_CONNECTORS = frozenset({"of", "for", "and", "at", "to", "für", "the"}) | NAME_PARTICLES
_NAME_ENDERS = frozenset({"of", "for", "and", "at", "to", "für", "the"})
_PREPOSITION_PARTICLES = frozenset({"van", "von"})
_TITLE_CONNECTORS = frozenset({"of", "for", "at", "to", "für", "de", "du", "des", "del"})
# "and" inside a title's portfolio ("Minister of Climate and Enterprise"): what follows is the title's.
_PORTFOLIO_COORDINATORS = frozenset({"and", "&", "und", "y", "et", "e", "en"})
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
    # tuple.__new__ builds the same Token without the named tuple's Python-level __new__ (a hot path)
    return [_new_tuple(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text, start, stop)]


_new_tuple = tuple.__new__


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


#: What ``_upper_class`` returns under Unicode 14.0.0 (Python 3.11), written out because
#: scanning the 65,536 code points cost 4 ms of every start-up.  Another Unicode version computes its
#: own; tests/test_reader.py checks this copy against the computation.
_UPPER_UNIDATA = "14.0.0"
_UPPER_CLASS = (
    "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100\u0102\u0104\u0106\u0108\u010a\u010c\u010e\u0110\u0112\u0114"
    "\u0116\u0118\u011a\u011c\u011e\u0120\u0122\u0124\u0126\u0128\u012a\u012c\u012e\u0130\u0132\u0134"
    "\u0136\u0139\u013b\u013d\u013f\u0141\u0143\u0145\u0147\u014a\u014c\u014e\u0150\u0152\u0154\u0156"
    "\u0158\u015a\u015c\u015e\u0160\u0162\u0164\u0166\u0168\u016a\u016c\u016e\u0170\u0172\u0174\u0176"
    "\u0178-\u0179\u017b\u017d\u0181-\u0182\u0184\u0186-\u0187\u0189-\u018b\u018e-\u0191\u0193-\u0194"
    "\u0196-\u0198\u019c-\u019d\u019f-\u01a0\u01a2\u01a4\u01a6-\u01a7\u01a9\u01ac\u01ae-\u01af\u01b1-"
    "\u01b3\u01b5\u01b7-\u01b8\u01bc\u01c4-\u01c5\u01c7-\u01c8\u01ca-\u01cb\u01cd\u01cf\u01d1\u01d3"
    "\u01d5\u01d7\u01d9\u01db\u01de\u01e0\u01e2\u01e4\u01e6\u01e8\u01ea\u01ec\u01ee\u01f1-\u01f2"
    "\u01f4\u01f6-\u01f8\u01fa\u01fc\u01fe\u0200\u0202\u0204\u0206\u0208\u020a\u020c\u020e\u0210"
    "\u0212\u0214\u0216\u0218\u021a\u021c\u021e\u0220\u0222\u0224\u0226\u0228\u022a\u022c\u022e\u0230"
    "\u0232\u023a-\u023b\u023d-\u023e\u0241\u0243-\u0246\u0248\u024a\u024c\u024e\u0370\u0372\u0376"
    "\u037f\u0386\u0388-\u038a\u038c\u038e-\u038f\u0391-\u03a1\u03a3-\u03ab\u03cf\u03d2-\u03d4\u03d8"
    "\u03da\u03dc\u03de\u03e0\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7\u03f9-\u03fa"
    "\u03fd-\u042f\u0460\u0462\u0464\u0466\u0468\u046a\u046c\u046e\u0470\u0472\u0474\u0476\u0478"
    "\u047a\u047c\u047e\u0480\u048a\u048c\u048e\u0490\u0492\u0494\u0496\u0498\u049a\u049c\u049e\u04a0"
    "\u04a2\u04a4\u04a6\u04a8\u04aa\u04ac\u04ae\u04b0\u04b2\u04b4\u04b6\u04b8\u04ba\u04bc\u04be\u04c0"
    "-\u04c1\u04c3\u04c5\u04c7\u04c9\u04cb\u04cd\u04d0\u04d2\u04d4\u04d6\u04d8\u04da\u04dc\u04de"
    "\u04e0\u04e2\u04e4\u04e6\u04e8\u04ea\u04ec\u04ee\u04f0\u04f2\u04f4\u04f6\u04f8\u04fa\u04fc\u04fe"
    "\u0500\u0502\u0504\u0506\u0508\u050a\u050c\u050e\u0510\u0512\u0514\u0516\u0518\u051a\u051c\u051e"
    "\u0520\u0522\u0524\u0526\u0528\u052a\u052c\u052e\u0531-\u0556\u10a0-\u10c5\u10c7\u10cd\u13a0-"
    "\u13f5\u1c90-\u1cba\u1cbd-\u1cbf\u1e00\u1e02\u1e04\u1e06\u1e08\u1e0a\u1e0c\u1e0e\u1e10\u1e12"
    "\u1e14\u1e16\u1e18\u1e1a\u1e1c\u1e1e\u1e20\u1e22\u1e24\u1e26\u1e28\u1e2a\u1e2c\u1e2e\u1e30\u1e32"
    "\u1e34\u1e36\u1e38\u1e3a\u1e3c\u1e3e\u1e40\u1e42\u1e44\u1e46\u1e48\u1e4a\u1e4c\u1e4e\u1e50\u1e52"
    "\u1e54\u1e56\u1e58\u1e5a\u1e5c\u1e5e\u1e60\u1e62\u1e64\u1e66\u1e68\u1e6a\u1e6c\u1e6e\u1e70\u1e72"
    "\u1e74\u1e76\u1e78\u1e7a\u1e7c\u1e7e\u1e80\u1e82\u1e84\u1e86\u1e88\u1e8a\u1e8c\u1e8e\u1e90\u1e92"
    "\u1e94\u1e9e\u1ea0\u1ea2\u1ea4\u1ea6\u1ea8\u1eaa\u1eac\u1eae\u1eb0\u1eb2\u1eb4\u1eb6\u1eb8\u1eba"
    "\u1ebc\u1ebe\u1ec0\u1ec2\u1ec4\u1ec6\u1ec8\u1eca\u1ecc\u1ece\u1ed0\u1ed2\u1ed4\u1ed6\u1ed8\u1eda"
    "\u1edc\u1ede\u1ee0\u1ee2\u1ee4\u1ee6\u1ee8\u1eea\u1eec\u1eee\u1ef0\u1ef2\u1ef4\u1ef6\u1ef8\u1efa"
    "\u1efc\u1efe\u1f08-\u1f0f\u1f18-\u1f1d\u1f28-\u1f2f\u1f38-\u1f3f\u1f48-\u1f4d\u1f59\u1f5b\u1f5d"
    "\u1f5f\u1f68-\u1f6f\u1f88-\u1f8f\u1f98-\u1f9f\u1fa8-\u1faf\u1fb8-\u1fbc\u1fc8-\u1fcc\u1fd8-"
    "\u1fdb\u1fe8-\u1fec\u1ff8-\u1ffc\u2102\u2107\u210b-\u210d\u2110-\u2112\u2115\u2119-\u211d\u2124"
    "\u2126\u2128\u212a-\u212d\u2130-\u2133\u213e-\u213f\u2145\u2160-\u216f\u2183\u24b6-\u24cf\u2c00-"
    "\u2c2f\u2c60\u2c62-\u2c64\u2c67\u2c69\u2c6b\u2c6d-\u2c70\u2c72\u2c75\u2c7e-\u2c80\u2c82\u2c84"
    "\u2c86\u2c88\u2c8a\u2c8c\u2c8e\u2c90\u2c92\u2c94\u2c96\u2c98\u2c9a\u2c9c\u2c9e\u2ca0\u2ca2\u2ca4"
    "\u2ca6\u2ca8\u2caa\u2cac\u2cae\u2cb0\u2cb2\u2cb4\u2cb6\u2cb8\u2cba\u2cbc\u2cbe\u2cc0\u2cc2\u2cc4"
    "\u2cc6\u2cc8\u2cca\u2ccc\u2cce\u2cd0\u2cd2\u2cd4\u2cd6\u2cd8\u2cda\u2cdc\u2cde\u2ce0\u2ce2\u2ceb"
    "\u2ced\u2cf2\ua640\ua642\ua644\ua646\ua648\ua64a\ua64c\ua64e\ua650\ua652\ua654\ua656\ua658\ua65a"
    "\ua65c\ua65e\ua660\ua662\ua664\ua666\ua668\ua66a\ua66c\ua680\ua682\ua684\ua686\ua688\ua68a\ua68c"
    "\ua68e\ua690\ua692\ua694\ua696\ua698\ua69a\ua722\ua724\ua726\ua728\ua72a\ua72c\ua72e\ua732\ua734"
    "\ua736\ua738\ua73a\ua73c\ua73e\ua740\ua742\ua744\ua746\ua748\ua74a\ua74c\ua74e\ua750\ua752\ua754"
    "\ua756\ua758\ua75a\ua75c\ua75e\ua760\ua762\ua764\ua766\ua768\ua76a\ua76c\ua76e\ua779\ua77b\ua77d"
    "-\ua77e\ua780\ua782\ua784\ua786\ua78b\ua78d\ua790\ua792\ua796\ua798\ua79a\ua79c\ua79e\ua7a0"
    "\ua7a2\ua7a4\ua7a6\ua7a8\ua7aa-\ua7ae\ua7b0-\ua7b4\ua7b6\ua7b8\ua7ba\ua7bc\ua7be\ua7c0\ua7c2"
    "\ua7c4-\ua7c7\ua7c9\ua7d0\ua7d6\ua7d8\ua7f5\uff21-\uff3a"
)


def upper_class() -> str:
    """The character class body of every upper- and title-case letter in the BMP."""
    return _UPPER_CLASS if unicodedata.unidata_version == _UPPER_UNIDATA else _upper_class()


_SEP = '\\s,;:()\\[\\]“”„‟"«»‘'
# The capital comes first and the "starts a token" test after it, so the engine can scan for capitals.
_CAP_TOKEN = f"[{upper_class()}](?<![^{_SEP}].)[^{_SEP}]*"
# Longest first; words of one length in alphabetical order, so the pattern is the same in every process
# (a set's order changes with the string hash seed) and the pattern cache knows it.
_CONNECTOR_WORDS = "|".join(sorted(_CONNECTORS, key=lambda word: (-len(word), word)))
# A stretch of capitalised tokens, with lower-case connectors only between two of them.  Finding
# these with one regular expression keeps the per-token Python work to the few capitalised words.
# An ordinal inside a rank's grade ("Petty Officer 2nd Class") joins the run like a connector.
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"
_RUN = lazy_re.compile(f"{_CAP_TOKEN}(?:[ ](?:(?:{_CONNECTOR_WORDS}|{_ORDINAL})[ ])*{_CAP_TOKEN})*")
# Characters that make a run need token-by-token reading (sentence ends, abbreviations, possessives).
_TRICKY = re.compile("[.!?…’']")
# The same with at least two capitalised tokens: what can hold a full name.
_LONG_RUN = lazy_re.compile(f"{_CAP_TOKEN}(?:[ ](?:(?:{_CONNECTOR_WORDS}|{_ORDINAL})[ ])*{_CAP_TOKEN})+")
_IS_ORDINAL = re.compile(_ORDINAL)


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
            # tuple.__new__ builds the same Run without the named tuple's Python-level __new__
            found.append(_new_tuple(Run, (words, at + first, at + last, possessive)))
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
    last = 0 if len(words) > MIN_PLURAL_TITLE_RUN and _plural_title(words[0].lower()) else -1
    for i, word in enumerate(words):
        lowered = word.lower()
        if is_title_word(lowered) and not (0 < i == len(words) - 1 and word.isupper() and _postnominal(word)):
            last = i  # not "MS" or "MD" after a name ("Dafydd Rhys MS"): letters after it, not a title
    if (
        0 <= last < len(words) - 2
        and _IS_ORDINAL.fullmatch(words[last + 1])
        and words[last + 2].lower() in RANK_GRADES
    ):
        last += 2  # "Petty Officer 2nd Class Darnell Whitfield": the grade belongs to the rank
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
        if j < len(words) - 1 and words[j - 1].lower() in _PORTFOLIO_COORDINATORS:
            # "Minister of Climate and Enterprise Linnea Aho": the word after "and" is the portfolio's
            j += 1
            while j < len(words) - 1 and words[j].lower() in TITLE_COMPLEMENTS:
                j += 1
    title_words = list(words[:j])
    while title_words and title_words[0].lower() in _DETERMINERS:
        title_words.pop(0)
    return (" ".join(title_words) or None), _cut_name(words[j:])


# A plural title opens a run only before a full name ("Commissioners Jane Roe and John Doe"): the title and
# at least two more words.
MIN_PLURAL_TITLE_RUN = 2


def _plural_title(lowered: str) -> bool:
    """ "commissioners", "ministers", "drs.": a title word's plural (which, unlike the title, may be a
    surname elsewhere: "Jane Masters", so only where it opens a run)."""
    bare = lowered.rstrip(".")
    if len(bare) < 3 or not bare.endswith("s"):
        return False
    return bare[:-1] in TITLE_WORDS or f"{bare[:-1]}." in TITLE_WORDS or (
        bare.endswith("es") and bare[:-2] in TITLE_WORDS
    )


def _cut_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name ends before "of", "for", "the" … and before post-nominals ("Jane Smith MP" -> Jane Smith)."""
    for k, word in enumerate(words):
        if (
            (k and word in _NAME_ENDERS)
            or (k >= 2 and word in _PREPOSITION_PARTICLES)
            or (k >= 2 and word == "i" and _definite_body(words[k + 1 :]))
        ):
            # "Jeroen Baarsma van Noordzee Elektrolyse": after a given name and a surname, "van" is "of";
            # "Arild Nesbø i Veiforeningen": the Scandinavian "i" (in) before a body's name
            words = words[:k]
            break
    while len(words) > 1 and _postnominal(words[-1]):
        words = words[:-1]
    return words


_MIN_DEFINITE_BODY = 9
# The definite endings of the long compound nouns that name bodies ("-en", "-et"; a bare "-n" ends
# too many surnames: "Castellón").
_DEFINITE_BODY_ENDINGS = tuple(suffix for suffix in DEFINITE_SUFFIXES if len(suffix) > 1)


def _definite_body(words: tuple[str, ...]) -> bool:
    """ "Redningsselskapet", "Veiforeningen": one long word with a Scandinavian definite ending (a body's
    name), not the second surname of a Catalan "Puigdollers i Riera"."""
    return (
        len(words) == 1
        and len(words[0]) >= _MIN_DEFINITE_BODY
        and words[0].lower().endswith(_DEFINITE_BODY_ENDINGS)
    )


def _postnominal(word: str) -> bool:
    """ "MP", "TD", "OBE", "PhD" after a name, also with dots ("T.D.", "M.P."); "MS" or "MA" only in
    capitals (not "Jack Ma")."""
    lowered = word.lower().rstrip(",")
    bare = lowered.rstrip(".")  # "said Jane Doe MS.": the sentence's period
    if (
        lowered in POSTNOMINALS
        or bare in POSTNOMINALS
        or f"{bare}." in POSTNOMINALS  # "Ph.D" cut short
        or ("." in bare and bare.replace(".", "") in POSTNOMINALS)  # "Dara Murphy T.D."
    ):
        return word[:1].isupper()
    return bare in POSTNOMINALS_IN_CAPITALS and word.rstrip(",.").isupper()


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
    return list(_sentence_ends(text))  # a fresh list: callers may extend it


# A pure function of the text, memoised per document: the speaker pass asks it of the same stretch
# again and again (a clause, the apposition after a name in it, the sentences of a block).
@per_document(maxsize=8192)
def _sentence_ends(text: str) -> tuple[int, ...]:
    ends: list[int] = []
    for at, end in _end_marks(text):
        if text[at] == ".":  # only a period may close an abbreviation or an initial: read its word
            word = text[text.rfind(" ", 0, at) + 1 : at + 1].lower()
            if word in ABBREVIATIONS or (len(word) == 2 and word[0].isalpha()) or _dotted(word):
                continue
            if word[:1].isdigit() and _ordinal_date(word, text, end):
                continue
        ends.append(end)
    return tuple(ends)


def _end_marks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of ``_SENTENCE_END`` in ``text``, in order, as ``finditer`` gives them.

    The engine tries the pattern at every character, about a hundred machine instructions each; in
    a text whose only mark is the period, ``str.find`` jumps from one period to the next, and a
    period with a space (or the end) after it is a whole match without asking the engine.
    """
    if "!" in text or "?" in text or "…" in text:
        for match in _SENTENCE_END.finditer(text):
            yield match.start(), match.end()
        return
    at = text.find(".")
    while at >= 0:
        after = text[at + 1 : at + 2]
        if not after or after.isspace():  # what \s matches is what str.isspace says is a space
            end = at + 1
        else:
            found = _SENTENCE_END.match(text, at)
            if found is None:
                at = text.find(".", at + 1)
                continue
            end = found.end()
        yield at, end
        at = text.find(".", end)


def _ordinal_date(word: str, text: str, end: int) -> bool:
    """ "ab 1. Juni", "am 12. März": a day written as an ordinal before its month, no sentence's end."""
    if len(word) > _MAX_ORDINAL or not word[:-1].isdigit():
        return False
    following = text[end:].split(None, 1)
    return bool(following) and following[0].lower().rstrip(".,") in _MONTH_NAMES


def _dotted(word: str) -> bool:
    core = word.rstrip(".")
    return "." in core and all(len(part) == 1 for part in core.split("."))
