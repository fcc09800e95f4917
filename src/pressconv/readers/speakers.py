"""Quote blocks -> speakers: the attribution clause, the full name it points to, and the title.

Order of work, each step linear in the document:

1. ``PersonIndex.build`` reads every body block once and records people named
   with a title or rank ("Deputy Pentagon Press Secretary Sabrina Singh"), or
   with a title in apposition ("Jane Smith, chief executive of Acme,"), keyed
   by surname; other capitalised two-to-four-word runs go to a weaker index.
2. For each quote, ``find_attribution`` reads the unquoted text next to the
   quoted spans: "Ryder stated", "said Smith", "Smith said: “…”",
   "according to Smith", "she added".  Speech verbs are data (``lexicon``).
3. A name resolves to the fullest form in the index (nearest mention before
   the quote, else the first after); a pronoun resolves to the first person,
   not in a possessive, named in the nearest preceding sentence that names one.
   No attribution, or an unnamed one ("the company said"), gives no speaker.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from pressconv.readers.blocks import HEADING, PARAGRAPH, QUOTE, Partial, Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ABBREVIATIONS,
    ACCORDING_TO,
    ATTRIBUTION_ADVERBS,
    FEMALE_NAMES,
    GROUP_PRONOUNS,
    HONORIFICS,
    MALE_NAMES,
    NOT_IN_ATTRIBUTION_GAP,
    NOT_NAMES,
    ORGANISATION_SUFFIXES,
    ORGANISATION_WORDS,
    PRONOUN_GENDER,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    TITLE_COMPLEMENTS,
    TITLE_MODIFIERS,
    trie_pattern,
)
from pressconv.readers.name_runs import (
    TOKEN_PATTERN,
    Run,
    Token,
    is_capitalised,
    is_name,
    is_title_word,
    runs,
    sentence_ends,
    split_title,
    surname,
    tokens,
)
from pressconv.readers.quote_marks import starts_with_mark

_POSSESSIVE_END = re.compile("(?:[’']s|(?<=s)[’'])$")
# Words that tie a title to its organisation ("ministra de Vivienda", "head of Sales").
_TITLE_LINKS = frozenset({"of", "for", "at", "de", "del", "du", "des", "von", "der", "für"})
# Articles that may stand between a title's link word and the organisation.
_ARTICLES = frozenset({"the", "la", "le", "les", "l’", "l'", "el", "die", "das", "dem", "den"})
# A speech verb after a space; the word before it is read in Python ("Smith said the plan …").
# The verb comes first in the pattern so the regular-expression engine scans quickly.
_SAYS = re.compile(
    r" (?:" + trie_pattern(sorted(v for v in SPEECH_VERBS if len(v) > 3 and v.isalpha())) + r")\b"
)
# What follows only a person's name: an age in apposition, or a "who" clause.
_PERSON_AFTER = re.compile(r", (?:\d{1,3}, |who |whose |wer |der |die |qui )")
# How far into an unclosed quotation to look for a forgotten attribution (characters).
_OPEN_QUOTE_REACH = 2000
_PREPOSITIONS = frozenset({"for", "at", "of", "with", "from", "in", "bei", "von", "für", "de", "du", "chez"})
_EDGE_PUNCT = " ,;:.!?—–-\u00a0"
_LOOKBACK_BLOCKS = 4
_MAX_LOWERCASE_TITLE = 6
_POSSESSIVE_START = re.compile("^(?:[’']s|[’'])")


# Words that make a title another office than its head word: a Vice President is not "the President".
# A title set off by a comma before the name may run to this many words.
_MAX_SET_OFF_TITLE_WORDS = 10
_MIN_FULL_NAME = 2
_MIN_ROLE_CLAUSE = 2
# How many closing sentences of a paragraph may report the speech a quote below goes on with.
_REPORT_SENTENCES = 3
_ROLE_QUALIFIERS = frozenset(
    {"vice", "deputy", "assistant", "under", "acting", "associate", "former", "vize", "adjoint"}
)


class Mention(NamedTuple):  # a tuple: built by the thousand in pronoun look-back, cheaper than a dataclass
    """A person named in a block: where, their full name, whether only as a possessive."""

    position: int
    name: str
    possessive: bool


@dataclass(slots=True)
class Known:
    """Everything indexed about one written form of a name: where it occurs and its first title."""

    blocks: list[int] = field(default_factory=list)
    title: str | None = None
    title_block: int = -1


@dataclass(slots=True)
class PersonIndex:
    """People named in the document, keyed by surname, then by written form; built once, consulted per quote.

    Each surname has only a handful of written forms, and each form keeps its
    blocks sorted, so a look-up costs a bisection rather than a scan of every
    mention in the document.
    """

    strong: dict[str, dict[tuple[str, ...], Known]] = field(default_factory=dict)
    weak: dict[str, dict[tuple[str, ...], Known]] = field(default_factory=dict)
    speaking: set[str] = field(default_factory=set)
    """Capitalised words seen as the subject of a speech verb in the running text."""
    titled_alone: set[str] = field(default_factory=set)
    """Lone surnames written with a title somewhere ("Dr. Smith"): people, though never named in full."""
    candidates: dict[tuple[tuple[str, ...], bool], list[tuple[tuple[str, ...], Known]]] = field(
        default_factory=dict
    )
    """Per written name and table, the forms it may stand for (emptied whenever a form is added)."""

    def add(self, name: tuple[str, ...], title: str | None, block: int, strong: bool = True) -> None:
        """Record a reference to ``name`` in ``block``."""
        target = self.strong if strong else self.weak
        forms = target.setdefault(surname(name), {})
        known = forms.get(name)
        if known is None:
            known = forms[name] = Known()
            self.candidates.clear()
        if not known.blocks or known.blocks[-1] <= block:
            known.blocks.append(block)
        else:
            insort(known.blocks, block)
        if title and (known.title is None or block < known.title_block):
            known.title, known.title_block = title, block

    def knows(self, key: str) -> bool:
        """True when a person with this surname was named with a title or as a speaker."""
        return key in self.strong

    def resolve(self, name: tuple[str, ...], block: int) -> tuple[str, int | None]:
        """The fullest known form of ``name`` and the block it came from (None: as written)."""
        key = surname(name)
        for table in (self.strong, self.weak):
            forms = self.candidates.get((name, table is self.strong))
            if forms is None:
                forms = [
                    (form, known)
                    for form, known in table.get(key, {}).items()
                    if known.blocks and (_compatible(name, form) or _ends_with(name, form))
                ]
                self.candidates[(name, table is self.strong)] = forms
            if not forms:
                continue
            before: list[tuple[int, int, tuple[str, ...]]] = []
            after: list[tuple[int, int, tuple[str, ...]]] = []
            for form, known in forms:
                at = bisect_right(known.blocks, block)
                if at:
                    before.append((len(form), known.blocks[at - 1], form))
                else:
                    after.append((len(form), -known.blocks[0], form))
            # the fullest form; among equals the nearest reference before the quote, else the first after
            length, where, best = max(before) if before else max(after)
            if length >= len(name) or _ends_with(name, best):
                return " ".join(best), abs(where)
        return " ".join(name), None

    def genders(self) -> dict[str, str]:
        """Full name -> "m"/"f" where a title opens with a gendered honorific (Mr., Ms., Frau …)."""
        found: dict[str, str] = {}
        for forms in self.strong.values():
            for form, known in forms.items():
                first = (known.title or "").split()[:1]
                gender = HONORIFICS.get(first[0].lower(), "") if first else ""
                given = form[0].lower() if len(form) > 1 else ""
                gender = gender or ("f" if given in FEMALE_NAMES else "m" if given in MALE_NAMES else "")
                if gender:
                    found.setdefault(" ".join(form), gender)
        return found

    def holders(self, role: str) -> list[str]:
        """Full names of the people whose title holds the role ("president", "foreign secretary").

        When some hold exactly that title ("President", not "Vice President"), only they count.
        """
        found: list[str] = []
        exact: list[str] = []
        wanted = role.split()
        for forms in self.strong.values():
            for form, known in forms.items():
                words = [w.lower().strip(",.") for w in (known.title or "").split()]
                name = " ".join(form)
                if name in found or any(name in other for other in found):
                    continue
                if any(words[i : i + len(wanted)] == wanted for i in range(len(words))):
                    found.append(name)
                    if words[-len(wanted) :] == wanted and not any(w in _ROLE_QUALIFIERS for w in words):
                        exact.append(name)
        return exact if len(exact) == 1 else found

    def first_title(self, full_name: str) -> tuple[str | None, int]:
        """The title the person carried on first reference and that reference's block (-1: none)."""
        words = tuple(full_name.split())
        titled = [
            (known.title_block, known.title)
            for form, known in self.strong.get(surname(words), {}).items()
            if known.title and _compatible(words, form)
        ]
        if not titled:
            return None, -1
        block, title = min(titled)
        return title, block

    @classmethod
    def build(cls, works: list[Work]) -> PersonIndex:
        """Read every body block once and index the people named in it (bio headers among the headings)."""
        index = cls()
        for number, work in enumerate(works):
            if work.kind not in (PARAGRAPH, QUOTE) and not (work.kind == HEADING and "," in work.text):
                continue  # a heading names a person only as a bio header, "Name, Title"
            people, speaking, alone = _people_in(work.text, work.spans)
            for name, title, strong in people:
                index.add(name, title, number, strong)
            index.speaking.update(speaking)
            index.titled_alone.update(alone)
        index._promote_speakers()
        return index

    def _promote_speakers(self) -> None:
        """A surname that is the subject of a speech verb ("Smith said the …") is a person's."""
        self.candidates.clear()
        for key in self.speaking:
            forms = self.weak.pop(key, None)
            if forms:
                target = self.strong.setdefault(key, {})
                for form, known in forms.items():
                    target.setdefault(form, known)


_Person = tuple[tuple[str, ...], str | None, bool]


@per_document(maxsize=4096)  # a pure function of the block; boilerplate and repeated copy recur
def _people_in(
    text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[tuple[_Person, ...], frozenset[str], frozenset[str]]:
    """The people a block names outside its quotations (name, title, strong), the speech-verb subjects,
    and the lone surnames written with a title ("Dr. Smith")."""
    people: list[_Person] = []
    speaking: set[str] = set()
    alone: set[str] = set()
    for start, end in _outside(text, spans):
        for run in runs(text, start, end, several=True):
            person = _person(text, run)
            if person is not None:
                people.append(person)
            else:
                title, name = split_title(run.tokens)
                if title is not None and len(name) == 1 and is_name(name) and not is_organisation(name):
                    alone.add(name[0])
        for match in _SAYS.finditer(text, start, end):
            word = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
            if word[:1].isupper():
                speaking.add(word)
    return tuple(people), frozenset(speaking), frozenset(alone)


def _person(text: str, run: Run) -> _Person | None:
    """The name in a run with its title, and whether it is surely a person's (strong), or None."""
    title, name = split_title(run.tokens)
    if len(name) < 2 or not is_name(name):
        return None  # a lone surname adds nothing to resolve against
    apposition = appositive_title(text, run.end)
    if title is None:
        title = title_before(text, run.start)
    title = prefer_title(title, apposition)
    if title is not None:
        return name, title, True
    if len(name) <= 4 and _name_like(name):
        # "Maria Santos, 54,", "Jane Doe, who …" and "Jane Doe said" are people even without a title
        person = bool(
            _PERSON_AFTER.match(text, run.end)
            or _SAYS.match(text, run.end)
            or name[0].lower() in FEMALE_NAMES
            or name[0].lower() in MALE_NAMES
        )
        return name, None, person
    return None


def _name_like(words: tuple[str, ...]) -> bool:
    return all(
        w[:1].isupper() and w.lower() not in NOT_NAMES and w.lower() not in TITLE_COMPLEMENTS
        for w in words
        if w.lower() not in ("de", "van", "von", "der", "da", "di", "du", "la", "le", "del", "bin", "al")
    )


def _ends_with(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """True when a run ends in a known full name ("Selon Marie Dupont" ~ "Marie Dupont")."""
    return len(name) >= 2 and len(words) > len(name) and words[-len(name) :] == name


def _compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when every word of the short form appears in the full form (Ryder ~ Pat Ryder)."""
    return all(word in full for word in short)


def outside_spans(work: Work) -> list[tuple[int, int]]:
    """The stretches of a block's text that lie outside its quoted spans."""
    return _outside(work.text, work.spans)


def _outside(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    position = 0
    for start, end in spans:
        if start > position:
            pieces.append((position, start))
        position = max(position, end)
    if position < len(text):
        pieces.append((position, len(text)))
    return pieces


def appositive_title(text: str, after: int) -> str | None:
    """The title in ", chief executive of Acme," right after a name, when there is one."""
    if not text.startswith(", ", after):
        return None
    stop = min(len(text), after + 200)  # an apposition is a few words, never the rest of the text
    for mark in (",", ";", "“", '"', "«", "„", "(", "—", "–"):
        found = text.find(mark, after + 2, stop)
        if found != -1:
            stop = found
    ends = sentence_ends(text[after + 2 : stop])
    if ends:
        stop = after + 2 + ends[0]
    phrase = text[after + 2 : stop].strip()
    if phrase.endswith(".") and not _keeps_period(phrase):
        phrase = phrase[:-1]
    words = phrase.split()
    if not words or len(words) > 10 or phrase[:1].isdigit():
        return None
    if any(_titled(w) for w in words):
        return phrase
    return None


def _keeps_period(phrase: str) -> bool:
    last = phrase.split()[-1].lower()
    return last in ABBREVIATIONS


@lru_cache(maxsize=16384)  # a pure function of one word, asked about the same words again and again
def _titled(word: str) -> bool:
    lowered = _POSSESSIVE_END.sub("", word.lower().strip(".,;:"))
    if lowered in ROLE_WORDS or is_title_word(lowered):
        return True
    # "EU-Kommissar", "ex-minister": a title after a prefix
    tail = lowered.rsplit("-", 1)[-1]
    return tail != lowered and (tail in ROLE_WORDS or is_title_word(tail))


def title_before(text: str, start: int) -> str | None:
    """A title written just before a name: "Union leader", "library director", "Club president".

    Also the title set off by a comma before the name: "The Royal College of
    Nursing’s general secretary, Nicola Ranger, said".
    """
    if text.endswith(", ", 0, start):
        comma = text.rfind(", ", 0, start - 2)
        clause_start = comma + 2 if comma >= 0 else 0
        ends = sentence_ends(text[clause_start : start - 2])
        if ends:
            clause_start += ends[-1]
        phrase = text[clause_start : start - 2].strip()
        words = phrase.split()
        if 0 < len(words) <= 10 and any(_titled(w) for w in words) and not _speech_verb(tokens(phrase)):
            return phrase
        return None
    previous = text[text.rfind(" ", 0, max(0, start - 1)) + 1 : max(0, start - 1)].lower()
    if not (_titled(previous) or previous in TITLE_MODIFIERS or previous in TITLE_COMPLEMENTS):
        return None  # the word before the name is no title word: nothing to walk back over
    taken: list[Token] = []
    # match objects, not tokens: the walk back usually stops after a few of the window's words
    for match in reversed(list(TOKEN_PATTERN.finditer(text, max(0, start - 80), start))):
        word = match.group()
        lowered = word.lower()
        if len(word) == 1 and not word.isalnum():
            break
        if _POSSESSIVE_END.search(word) or lowered in NOT_NAMES:
            break
        if (
            _titled(word)
            or lowered in TITLE_MODIFIERS
            or lowered in TITLE_COMPLEMENTS
            or lowered in ("of", "for")
            or is_capitalised(word)
        ):
            taken.append(Token(word, match.start(), match.end()))
            continue
        break
    while taken and taken[-1].text.lower() in ("of", "for", "and", "the"):
        taken.pop()
    if not taken or not any(_titled(t.text) for t in taken):
        return None
    return text[taken[-1].start : taken[0].end]


def prefer_title(title: str | None, apposition: str | None) -> str | None:
    """An apposition says more than a bare honorific ("Dr.", "Mr."); otherwise the title as written."""
    if apposition and (title is None or title.lower() in HONORIFICS):
        return apposition
    return title or apposition


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution clause found next to a quote."""

    clause: str
    position: int
    name: tuple[str, ...] | None = None
    title: str | None = None
    pronoun: str | None = None
    role: str | None = None
    """For "the president said": the title word that points to a person named earlier."""
    person: bool = False
    """The clause itself shows the name is a person's ("Smith, 45, said", "Smith, who …, said")."""


def _segments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
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


def find_attribution(work: Work) -> Attribution | None:
    """The attribution clause next to the block's quoted spans, or None."""
    return _attribution(work.text, work.spans, work.opens_unclosed)


@per_document(maxsize=4096)  # a pure function of the block's text and quotation marks
def _attribution(text: str, spans: tuple[tuple[int, int], ...], opens_unclosed: bool) -> Attribution | None:
    for start, end, after_quote in _segments(text, spans):
        if after_quote:
            stop = end
            for cut in sentence_ends(text[start:end]):
                if text[start:end][:cut].strip(_EDGE_PUNCT):
                    stop = start + cut
                    break
            found = _clause(text, start, stop)
        else:
            ends = [e for e in sentence_ends(text[start:end]) if text[start + e : end].strip(_EDGE_PUNCT)]
            clause_start = start + ends[-1] if ends else start
            found = _clause(text, clause_start, end, before_quote=True)
        if found is not None:
            return found
    if opens_unclosed and spans:
        return _inside_open_quote(text, spans[-1][0])
    return None


def _inside_open_quote(text: str, start: int) -> Attribution | None:
    """A quote whose closing mark was forgotten: “We know this, said Colin Shaw."""
    ends = sentence_ends(text[start:])
    at = text.find(", ", start)
    while at != -1 and at < start + _OPEN_QUOTE_REACH:
        k = bisect_right(ends, at - start)
        stop = start + ends[k] if k < len(ends) else len(text)
        if len(text[at:stop].split()) <= 10:
            found = _clause(text, at + 1, stop)
            if found is not None and (found.name or found.pronoun):
                return found
        at = text.find(", ", at + 2)
    return None


def _speech_verb(words: list[Token]) -> tuple[int, int] | None:
    """Index of the first speech verb (and how many tokens it takes)."""
    following: str | None = None  # the next word lowered for the pair test, reused as that word's own
    for i, token in enumerate(words):
        lowered = token.text.lower().rstrip(".,:;!?") if following is None else following
        following = None
        if "-t-" in lowered or lowered.endswith(("-il", "-elle")):
            continue  # the inverted French pronoun itself ("a-t-elle"), the verb follows
        if i + 1 < len(words):
            following = words[i + 1].text.lower().rstrip(".,:;!?")
            pair = f"{lowered} {following}"
            if pair in SPEECH_PHRASES:
                return i, 2
        if lowered in SPEECH_VERBS:
            if lowered == "so" and (i != 0 or i + 1 >= len(words) or not is_capitalised(words[i + 1].text)):
                continue  # German "so Müller" only, never English "so"
            return i, 1
    return None


def _pronoun(word: str) -> str | None:
    """The personal pronoun a token is or ends in ("she", "a-t-elle" -> "elle")."""
    lowered = word.lower()
    if lowered in PRONOUNS:
        return lowered
    tail = lowered.rsplit("-", 1)[-1]
    if "-" in lowered and tail in PRONOUNS:
        return tail
    return None


def _clause(text: str, start: int, end: int, before_quote: bool = False) -> Attribution | None:
    words = [t for t in tokens(text, start, end) if t.text not in ("(", ")", "[", "]")]
    while words and len(words[0].text) == 1 and not words[0].text.isalnum():
        words.pop(0)  # the comma after a closing mark: „…“, sagte Müller
    if not words:
        return None
    start = words[0].start
    lowered_region = text[start:end].lower()
    for phrase in ACCORDING_TO:
        at = _find_word(lowered_region, phrase)
        if at >= 0:
            name_runs = runs(text, start + at + len(phrase), end)
            if name_runs and name_runs[0].start - (start + at + len(phrase)) <= 12:
                run = name_runs[0]
                title, name = split_title(run.tokens)
                if is_name(name):
                    clause = text[start + at : run.end]
                    apposition = appositive_title(text, run.end)
                    return Attribution(clause, start + at, name, prefer_title(title, apposition))
    verb = _speech_verb(words)
    if verb is None:
        if before_quote and text[start:end].rstrip().endswith(":"):
            found = runs(text, start, end)
            if found and len(found) == 1:
                title, name = split_title(found[0].tokens)
                if is_name(name):
                    title = title or title_before(text, found[0].start)
                    return Attribution(text[found[0].start : found[0].end], found[0].start, name, title)
        return None
    v, width = verb
    verb_start, verb_end = words[v].start, words[v + width - 1].end
    verb_end = verb_start + len(text[verb_start:verb_end].rstrip(".,:;!?"))
    k = v - 1
    while k >= 0 and words[k].text.lower() in ATTRIBUTION_ADVERBS:
        k -= 1
    if k >= 0:
        return _subject_first(text, start, words, k, verb_end, before_quote)
    return _verb_first(text, words[v + width - 1].end, end, verb_start, verb_end)


def _subject_first(
    text: str, start: int, words: list[Token], k: int, verb_end: int, before_quote: bool
) -> Attribution | None:
    """Subject first: "Ryder stated", "she added", "Jane Smith, chief executive of Acme, said"."""
    subject = words[k]
    pronoun = _pronoun(subject.text)
    if pronoun is not None:
        return Attribution(text[subject.start : verb_end], subject.start, pronoun=pronoun)
    if subject.text.lower() in GROUP_PRONOUNS:
        return Attribution(text[subject.start : verb_end], subject.start)
    capitalised_role = _capitalised_role(words, k)
    if capitalised_role is not None:
        # "The Foreign Secretary said", "the Vice President added": the person the text gives that title
        article, phrase = capitalised_role
        return Attribution(text[words[article].start : verb_end], words[article].start, role=phrase)
    before = runs(text, start, subject.end)
    if before and before[-1].end == subject.end and not before[-1].possessive:
        run = before[-1]
        title, name = split_title(run.tokens)
        if not is_name(name):
            return None
        clause_start = run.start
        if title is None:
            title = title_before(text, run.start)
            if title is not None and text.rfind(title, max(0, run.start - len(title) - 3), run.start) >= 0:
                clause_start = text.rfind(title, max(0, run.start - len(title) - 3), run.start)
        return Attribution(text[clause_start:verb_end], clause_start, name, title)
    if subject.text == "," and k >= 1:
        # "Jane Smith, chief executive of Acme, said", "Rep. Nancy Pelosi, D-Calif., said", "Smith, 45, said"
        before_comma = runs(text, start, subject.start)
        # "Die Leiterin der Notaufnahme, Dr. Yasemin Karaca, erklärte": the name right before the comma,
        # its title set off before it -- tried only when no name stands before an apposition
        candidates = [(run, False) for run in reversed(before_comma)]
        candidates += [(run, True) for run in reversed(before_comma)]
        for run, set_off in candidates:
            gap = text[run.end : subject.start]
            if set_off:
                if gap or not text.endswith(", ", 0, run.start):
                    continue
            elif not gap.startswith(", "):
                continue
            if not set_off and len(run.tokens) == 1 and _names_person(gap[2:]):
                continue  # "Die Leiterin der Vertretung in Deutschland, Dr. Annegret Pfleiderer, betonte"
            if len(gap.split()) > 10 or run.possessive:
                continue
            title, name = split_title(run.tokens)
            if is_name(name) and not is_organisation(name):
                apposition = appositive_title(text, run.end)
                title = prefer_title(title or title_before(text, run.start), apposition)
                person = _PERSON_AFTER.match(text, run.end) is not None
                return Attribution(text[run.start : verb_end], run.start, name, title, person=person)
        return None
    if before_quote or is_capitalised(subject.text):
        return None
    # "the company said", "a spokesperson added": said by someone unnamed; "the president said"
    # points to the one person the text gave that title, which ``_resolve`` looks up.
    first = next(
        (t for t in words[max(0, k - 3) : k + 1] if t.text.isalnum() or t.text[:1].isalpha()), subject
    )
    phrase = text[first.start : subject.end]
    described = phrase.split()
    role = None
    if (
        described[0].lower() == "the"
        and _titled(described[-1])
        and all(not is_capitalised(w) for w in described)
    ):
        role = " ".join(w.lower() for w in described[1:])
    return Attribution(text[first.start : verb_end], first.start, role=role)


_ARTICLES_BEFORE_ROLE = frozenset({"the", "la", "le", "el", "die", "der", "l’", "l'"})
_MAX_ROLE_WORDS = 4


def _capitalised_role(words: list[Token], k: int) -> tuple[int, str] | None:
    """ "The Foreign Secretary" / "the Chief Constable" ending at ``words[k]``: (article index, role)."""
    if not (is_capitalised(words[k].text) and _titled(words[k].text)):
        return None
    first = k
    while first > 0 and k - first < _MAX_ROLE_WORDS and is_capitalised(words[first - 1].text):
        if words[first - 1].text.lower() in _ARTICLES_BEFORE_ROLE:
            break
        first -= 1
    if first == 0 or words[first - 1].text.lower() not in _ARTICLES_BEFORE_ROLE:
        return None
    phrase = " ".join(w.text.lower().strip(",.") for w in words[first : k + 1])
    return first - 1, phrase


def _verb_first(text: str, after_verb: int, end: int, verb_start: int, verb_end: int) -> Attribution | None:
    """Speech verb first: "said Smith", "said library director Maria Lopez", "so Müller"."""
    after = runs(text, after_verb, end)
    words_after = text[verb_end:end].split()
    role = _role_after_verb(words_after)
    if role is not None:
        # "señaló la alcaldesa.", "sagte der Bürgermeister": the person the text gives that title
        return Attribution(text[verb_start:end].rstrip(" .,;:!?"), verb_start, role=role)
    unnamed = bool(words_after) and words_after[0].lower() in ("a", "an", "the")
    if not after:
        # "admitted a spokesman for the operator": said by someone unnamed
        return Attribution(text[verb_start:end].rstrip(" .,;:!?"), verb_start) if unnamed else None
    before_run = [w.lower() for w in text[verb_end : after[0].start].split()]
    if unnamed and any(w in _PREPOSITIONS for w in before_run) and not text.startswith(", ", after[0].end):
        # "said a spokesman for Acme Corp.": the capitalised run is the organisation, not the speaker
        return Attribution(text[verb_start : after[0].end], verb_start)
    run = after[0]
    # only a lone capitalised word first (a German noun) makes a later titled name worth looking for
    titled_later = (
        _titled_name_run(text, after, verb_end) if len(after) > 1 and len(run.tokens) == 1 else None
    )
    if titled_later is not None and split_title(run.tokens)[0] is None and titled_later is not run:
        # "sagte der für Verkehr zuständige EU-Kommissar Pavel Nordström": German capitalises the nouns
        # before the title; the speaker is the titled name, the words before it the title
        later_name = split_title(titled_later.tokens)[1]
        later_title = text[verb_end : titled_later.end - len(" ".join(later_name))].strip(" ,")
        return Attribution(text[verb_start : titled_later.end], verb_start, later_name, later_title or None)
    gap_words = text[verb_end : run.start].split()
    if (
        5 < len(gap_words) <= _MAX_SET_OFF_TITLE_WORDS
        and text.endswith(", ", 0, run.start)
        and any(_titled(w) for w in gap_words)
        and is_name(split_title(run.tokens)[1])
    ):
        # "a déclaré la commissaire chargée de la cohésion, Margarethe Lindqvist-Aubry": a long title, a comma
        set_off = text[verb_end : run.start].strip(" ,")
        appended = appositive_title(text, run.end)
        clause_end = run.end + 2 + len(appended) if appended else run.end
        return Attribution(text[verb_start:clause_end], verb_start, split_title(run.tokens)[1], set_off)
    if len(gap_words) > 5 or any(
        w.lower().strip(",") in NOT_IN_ATTRIBUTION_GAP for w in gap_words if w.strip(",")
    ):
        return None
    title, name = split_title(run.tokens)
    later = _name_after_lowercase_title(text, run, end)
    if later is not None:
        # "said Acme economist Rita Moreno", "said Acme’s Maria Lopez": organisation, title, then the name
        title, name = text[run.start : later.start].strip(), split_title(later.tokens)[1]
        title = title if _POSSESSIVE_START.sub("", text[run.end : later.start]).strip() else None
        run = later
    lead = text[verb_end : run.start].strip(" ,") if later is None else ""
    gap_titled = any(_titled(w) for w in gap_words)
    # "the president of Acme, …", "the president of the Metropole, …", "le président de la Métropole, …"
    linking = [w.lower() for w in gap_words]
    while linking and linking[-1] in _ARTICLES:
        linking.pop()
    gap_connects = bool(linking) and linking[-1] in _TITLE_LINKS
    if text.startswith(", ", run.end) and ((gap_titled and gap_connects) or not is_name(name)):
        # "the company’s chief executive, Jane Smith": the name follows the title after a comma
        following = runs(text, run.end, end)
        if following and following[0].start == run.end + 2:
            _, second_name = split_title(following[0].tokens)
            if is_name(second_name):
                title = text[verb_end : run.end].strip(" ,")
                name, run = second_name, following[0]
                lead = ""
    elif gap_words and not gap_titled and any(w.strip(",") not in ("the", "a", "an") for w in gap_words):
        return None
    if not is_name(name):
        return None
    if gap_titled and lead:
        title = " ".join(p for p in (lead, title) if p)
    apposition = appositive_title(text, run.end)
    clause_end = run.end + 2 + len(apposition) if apposition else run.end
    title = prefer_title(title, apposition)
    return Attribution(text[verb_start:clause_end], verb_start, name, title)


def _role_after_verb(words: list[str]) -> str | None:
    """ "the mayor." / "la alcaldesa." / "der Bürgermeister": an article and title words ending the clause."""
    if len(words) < _MIN_ROLE_CLAUSE or words[0].lower() not in _ARTICLES_BEFORE_ROLE:
        return None
    taken: list[str] = []
    for k, word in enumerate(words[1 : 1 + _MAX_ROLE_WORDS], start=1):
        bare = word.rstrip(".,;:!?")
        if word.endswith(",") and k + 1 < len(words) and words[k + 1][:1].isupper():
            return None  # "dijo la alcaldesa, Inmaculada Ferrer Soto": the name follows the title
        if not (_titled(bare) or bare.lower() in TITLE_MODIFIERS):
            return None
        taken.append(bare.lower())
        if bare != word:  # the clause ends here
            return " ".join(taken) if _titled(bare) else None
    return " ".join(taken) if taken and len(words) == len(taken) + 1 and _titled(taken[-1]) else None


def _titled_name_run(text: str, after: list[Run], verb_end: int) -> Run | None:
    """The first run close after the verb that is a title and a full name ("EU-Kommissar Pavel Nordström")."""
    for run in after:
        if len(text[verb_end : run.start].split()) > _MAX_SET_OFF_TITLE_WORDS:
            return None
        title, name = split_title(run.tokens)
        if title is not None and len(name) >= _MIN_FULL_NAME and is_name(name) and not is_organisation(name):
            return run
    return None


def _name_after_lowercase_title(text: str, run: Run, end: int) -> Run | None:
    """The name run that follows "Acme" across lower-case title words ("economist", "chief executive").

    The words between are lower-case and hold a title word ("chief financial
    officer", "senior vice president of sales"); after a possessive ("Acme’s
    Maria Lopez") there may be none.
    """
    following = runs(text, run.end, min(end, run.end + 80))
    if not following:
        return None
    gap = text[run.end : following[0].start]
    if run.possessive:
        gap = _POSSESSIVE_START.sub("", gap)
    between = gap.split()
    if not between:
        if not run.possessive or gap != " ":
            return None
    elif (
        len(between) > _MAX_LOWERCASE_TITLE
        or not any(_titled(w) for w in between)
        or any(is_capitalised(w) or not w.isalpha() for w in between)
        or any(w in NOT_IN_ATTRIBUTION_GAP and w not in _TITLE_LINKS for w in between)
    ):
        return None
    _, name = split_title(following[0].tokens)
    return following[0] if is_name(name) else None


def _find_word(haystack: str, phrase: str) -> int:
    at = haystack.find(phrase)
    while at >= 0:
        before_ok = at == 0 or not haystack[at - 1].isalnum()
        after_at = at + len(phrase)
        after_ok = after_at >= len(haystack) or not haystack[after_at].isalnum()
        if before_ok and after_ok:
            return at
        at = haystack.find(phrase, at + 1)
    return -1


@dataclass(slots=True)
class _MentionCache:
    """Person mentions per block, computed on first use (pronoun look-back only touches a few blocks)."""

    index: PersonIndex
    works: list[Work]
    cache: dict[int, list[tuple[int, list[Mention]]]] = field(default_factory=dict)

    def sentences(self, number: int) -> list[tuple[int, list[Mention]]]:
        """(sentence end, mentions in it) for each sentence of a block, mentions outside quotes only."""
        if number in self.cache:
            return self.cache[number]
        work = self.works[number]
        ends, named = _sentence_names(work.text, work.spans)
        grouped: list[tuple[int, list[Mention]]] = [(end, []) for end in ends]
        for slot, start, name, possessive in named:
            if self.index.knows(surname(name)):
                full, _ = self.index.resolve(name, number)
                grouped[slot][1].append(Mention(start, full, possessive))
        self.cache[number] = grouped
        return grouped


@per_document(maxsize=4096)  # a pure function of the block's text and quotation marks
def _sentence_names(
    text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[list[int], list[tuple[int, int, tuple[str, ...], bool]]]:
    """The block's sentence ends, and each name outside quotations: (sentence, start, words, possessive)."""
    ends = sentence_ends(text) or [len(text)]
    if ends[-1] < len(text):
        ends.append(len(text))
    named: list[tuple[int, int, tuple[str, ...], bool]] = []
    for start, stop in _outside(text, spans):
        for run in runs(text, start, stop):
            _title, name = split_title(run.tokens)
            if is_name(name):
                slot = min(bisect_right(ends, run.start), len(ends) - 1)
                named.append((slot, run.start, name, run.possessive))
    return ends, named


def assign_speakers(works: list[Work], issuer: str | None = None) -> None:
    """Set speaker, title and attribution on every quote block (multi-paragraph runs share one speaker).

    ``issuer`` is the person a statement is issued in the name of, as written
    ("Governor Ana Ruiz", "the Secretary-General"): the speaker of every quote,
    and every partial quotation, that has no attribution of its own.
    """
    index = PersonIndex.build(works)
    quote_numbers = [i for i, w in enumerate(works) if w.kind == QUOTE]
    found: dict[int, Attribution] = {}
    for number in quote_numbers:
        attribution = find_attribution(works[number])
        if attribution is not None:
            found[number] = attribution
            if attribution.name and is_organisation(attribution.name):
                pass  # "Globex Inc. said": an organisation speaks, no person to index
            elif attribution.name and len(attribution.name) >= 2:
                index.add(attribution.name, attribution.title, number)
            elif attribution.name:
                index.strong.setdefault(surname(attribution.name), {})
                if attribution.title:
                    index.titled_alone.add(attribution.name[0])
    mentions = _MentionCache(index, works)
    genders = index.genders()
    issued = _issuer(issuer, index) if issuer else (None, "")
    for number, work in enumerate(works):
        if work.kind == PARAGRAPH and work.spans:
            work.partial = _partial_quotations(number, work, works, index, mentions, genders)
    runs_of_quotes = _quote_runs(works, quote_numbers)
    first_titles: dict[str, tuple[str | None, int]] = {}  # the index is complete: ask once per speaker
    for run_numbers in runs_of_quotes:
        source = next((n for n in run_numbers if n in found), None)
        speaker: str | None = None
        reason = "no attribution found"
        if source is not None:
            attribution = found[source]
            speaker, reason = _resolve(attribution, source, works, index, mentions, genders)
            works[source].attribution = attribution.clause
        else:
            # only a paragraph that is nothing but quotation goes on in a voice from above; "Objectors
            # called the plan “…”" has a subject of its own
            pure = starts_with_mark(works[run_numbers[0]].text)
            before = works[run_numbers[0] - 1] if run_numbers[0] > 0 else None
            introduced = _introduction(before) if before is not None else None
            if before is not None and introduced is not None:
                # "Smith said:" closing the paragraph above introduces the quote
                speaker, reason = _resolve(introduced, run_numbers[0] - 1, works, index, mentions, genders)
                reason = reason.replace("speaker ", "speaker (introduced above) ", 1)
                works[run_numbers[0]].attribution = introduced.clause
                found[run_numbers[0]] = introduced
                source = run_numbers[0]
            elif pure and before is not None and before.kind == QUOTE and before.speaker:
                # A quote with no attribution right after a quote that has a speaker goes on in that
                # voice (the release habit of closing the marks between paragraphs of one statement).
                speaker = before.speaker
                reason = f"no attribution; follows the quote of {speaker} in para {run_numbers[0]}"
            if (
                speaker is None
                and pure
                and before is not None
                and before.partial
                and before.partial[-1].speaker
            ):
                # „…“, sagte Rebollo. closing the paragraph above, then more of her words
                speaker = before.partial[-1].speaker
                reason = f"no attribution; continues the quotation of {speaker} in the paragraph above"
            if speaker is None and pure and before is not None and (reported := _reported_speech(before)):
                # "Reyes-Ortiz said the deal …", then the quote: whom the paragraph above reports speaking
                speaker, reason = _resolve(reported, run_numbers[0] - 1, works, index, mentions, genders)
                reason = reason.replace("speaker ", "speaker (reported speech in the paragraph above) ", 1)
            if speaker is None and issued[0] is not None:
                speaker, reason = issued
        for number in run_numbers:
            work = works[number]
            work.speaker = speaker
            if speaker and speaker not in first_titles:
                first_titles[speaker] = index.first_title(speaker)
            title, where = first_titles[speaker] if speaker else (None, -1)
            if speaker and source is not None and found[source].title and (title is None or where >= source):
                title = found[source].title  # the attribution is the first reference: its title as written
            work.speaker_title = title
            if number == source or source is None:
                work.speaker_reason = reason
            else:
                work.speaker_reason = f"{reason}, same quote as para {source + 1}"
            if work.stated_speaker:
                _use_stated(work)
    if issued[0] is not None:
        for work in works:
            if work.kind == PARAGRAPH and work.partial:
                work.partial = tuple(
                    p._replace(speaker=issued[0], reason=issued[1]) if p.clause is None else p
                    for p in work.partial
                )


def _issuer(issuer: str, index: PersonIndex) -> tuple[str | None, str]:
    """The full name of a statement's issuer as written: the last name in it, or the holder of its role."""
    for run in reversed(runs(issuer)):
        _title, name = split_title(run.tokens)
        if is_name(name) and not is_organisation(name):
            full, _ = index.resolve(name, 0)
            return full, f'no attribution; the statement is issued by "{issuer}" -> {full}'
    words = [w.lower().strip(",.") for w in issuer.split()]
    for word in reversed(words):
        if _titled(word):
            holders = index.holders(word)
            if len(holders) == 1:
                return (
                    holders[0],
                    (
                        f'no attribution; the statement is issued by "{issuer}" -> {holders[0]}'
                        f" (the only person titled {word!r})"
                    ),
                )
            break
    return None, ""


# A partial quote of fewer words with no attribution in its sentence is a name or a scare quote.
_MIN_UNATTRIBUTED_WORDS = 5


def _partial_quotations(
    number: int,
    work: Work,
    works: list[Work],
    index: PersonIndex,
    mentions: _MentionCache,
    genders: dict[str, str],
) -> tuple[Partial, ...]:
    """The direct quotations of a narrative paragraph, each bound to the speaker of its own sentence.

    A quoted span is a quotation when its sentence attributes it ("Smith called
    the plan “a step backwards”", "“It works,” she said") or when it is a
    stretch of speech of some length; a short unattributed span ("the
    so-called “green corridor”") or a quoted title in Title Case is not.
    """
    text = work.text
    ends = [e for e in sentence_ends(text) if not any(a < e < b for a, b in work.spans)]
    found: list[Partial] = []
    for start, end in work.spans:
        first = max((e for e in ends if e <= start), default=0)
        last = min((e for e in ends if e >= end), default=len(text))
        local = tuple((a - first, b - first) for a, b in work.spans if a >= first and b <= last)
        attribution = _attribution(text[first:last], local, False)
        if attribution is None or not (attribution.name or attribution.pronoun or attribution.role):
            # "Harwood described the road as “…” and promised …": the verb before the quotation binds it
            earlier = _clause(text, first, start)
            if earlier is not None and (earlier.name or earlier.pronoun or earlier.role):
                attribution = replace(earlier, position=earlier.position - first)
        quoted = text[start:end]
        if attribution is not None:
            attribution = replace(attribution, position=attribution.position + first)
            speaker, reason = _resolve(attribution, number, works, index, mentions, genders)
            found.append(Partial(start, end, speaker, attribution.clause, reason))
        elif len(quoted.split()) >= _MIN_UNATTRIBUTED_WORDS and not _quoted_title(quoted):
            found.append(Partial(start, end, None, None, "no attribution in its sentence"))
    return tuple(found)


def _quoted_title(quoted: str) -> bool:
    """ "“Water for Tomorrow: Securing Supplies”": every content word capitalised, no closing punctuation."""
    words = [w for w in quoted.strip('“”"„«» ').split() if w[:1].isalpha()]
    if not words or quoted.rstrip('“”"„«» ')[-1:] in ".,!?;":
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


def _use_stated(work: Work) -> None:
    """The speaker the source format states replaces the inferred one (the title only if they agree)."""
    if work.speaker != work.stated_speaker:
        work.speaker_title = None
    work.speaker = work.stated_speaker
    work.attribution = work.stated_attribution or work.attribution
    work.speaker_reason = f"speaker stated by the source format: {work.speaker}"


def is_organisation(name: tuple[str, ...]) -> bool:
    """True when a word of the name marks an organisation ("Globex Inc.", "Ministry", "City Council")."""
    if name[-1].lower().rstrip(".") in ORGANISATION_SUFFIXES:
        return True
    return any(word.lower().rstrip(".") in ORGANISATION_WORDS for word in name)


def _person_evidence(attribution: Attribution) -> bool:
    """A lone name is a person's when titled, shown as one in the clause, or a known given name."""
    assert attribution.name is not None
    word = attribution.name[0].lower()
    return bool(attribution.title or attribution.person or word in FEMALE_NAMES or word in MALE_NAMES)


def _introduction(work: Work) -> Attribution | None:
    """ "Smith said:" (or "She added:") ending the paragraph just above a quote."""
    if work.kind != PARAGRAPH or not work.text.rstrip().endswith(":"):
        return None
    return _introduced_by(work.text)


@per_document(maxsize=1024)
def _introduced_by(text: str) -> Attribution | None:
    ends = [e for e in sentence_ends(text) if text[e:].strip(_EDGE_PUNCT)]
    start = ends[-1] if ends else 0
    return _clause(text, start, len(text), before_quote=True)


def _names_person(apposition: str) -> bool:
    """True when an apposition is itself a person's name (with a title or not): "Dr. Annegret Pfleiderer"."""
    found = runs(apposition)
    if len(found) != 1 or found[0].start > 0 or found[0].end < len(apposition.rstrip(" ,")):
        return False
    _title, name = split_title(found[0].tokens)
    return len(name) >= _MIN_FULL_NAME and is_name(name) and not is_organisation(name)


def _reported_speech(work: Work) -> Attribution | None:
    """The speaker of the last sentence of a narrative paragraph that reports speech ("Smith said the …").

    Only a person, a pronoun or a role counts: "the company said" names no one.
    """
    if work.kind != PARAGRAPH or work.text.rstrip().endswith(":"):
        return None
    return _reported_in(work.text, work.spans)


@per_document(maxsize=1024)
def _reported_in(text: str, spans: tuple[tuple[int, int], ...]) -> Attribution | None:
    ends = [0, *(e for e in sentence_ends(text) if text[e:].strip(_EDGE_PUNCT)), len(text)]
    for start, end in list(itertools.pairwise(ends))[::-1][:_REPORT_SENTENCES]:
        if any(a < end and b > start for a, b in spans):
            return None  # the sentence quotes someone itself: its own attribution, not a report
        found = _clause(text, start, end)
        if found is not None:
            return found if (found.name or found.pronoun or found.role) else None
    return None


def _quote_runs(works: list[Work], quote_numbers: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for number in quote_numbers:
        work = works[number]
        if groups and work.continues_quote and groups[-1][-1] == number - 1:
            groups[-1].append(number)
        else:
            groups.append([number])
    return groups


def _resolve(
    attribution: Attribution,
    number: int,
    works: list[Work],
    index: PersonIndex,
    mentions: _MentionCache,
    genders: dict[str, str],
) -> tuple[str | None, str]:
    clause = f'"{attribution.clause}"'
    if attribution.name and is_organisation(attribution.name):
        return None, f"speaker {clause}: an organisation, not a person"
    if attribution.name:
        full, source = index.resolve(attribution.name, number)
        lone = len(attribution.name) == 1
        if source is None and lone and not _person_evidence(attribution) and full not in index.titled_alone:
            return None, f"speaker {clause}: {full} is named nowhere in full and nothing says it is a person"
        if source is not None and full != " ".join(attribution.name):
            return full, f"speaker {clause} -> {full} (full name from para {source + 1})"
        return full, f"speaker {clause} -> {full}"
    if attribution.pronoun:
        gender = PRONOUN_GENDER.get(attribution.pronoun, "")
        found = _antecedent(number, attribution.position, works, mentions, gender, genders)
        if found is None:
            return None, f"speaker {clause}: no person named before the pronoun"
        name, where = found
        if gender:
            genders.setdefault(name, gender)
        return name, f"speaker {clause} -> {name} (pronoun: first person named in para {where + 1})"
    if attribution.role:
        holders = index.holders(attribution.role)
        if len(holders) == 1:
            return holders[
                0
            ], f"speaker {clause} -> {holders[0]} (the only person titled {attribution.role!r})"
        if holders:
            return None, f"speaker {clause}: {len(holders)} people titled {attribution.role!r}, none chosen"
    return None, f"speaker {clause}: not a named person"


def _antecedent(
    number: int,
    position: int,
    works: list[Work],
    mentions: _MentionCache,
    gender: str,
    genders: dict[str, str],
) -> tuple[str, int] | None:
    """The first non-possessive person of the nearest preceding sentence that names one.

    A person already known to be of the other gender (from an honorific or an
    earlier pronoun) is passed over, so "she added" after "he said" looks further.
    """

    def fits(name: str) -> bool:
        known = genders.get(name, "")
        return not gender or not known or known == gender

    fallback: tuple[str, int] | None = None
    for back in range(number, max(-1, number - _LOOKBACK_BLOCKS - 1), -1):
        work = works[back]
        if work.kind not in (PARAGRAPH, QUOTE):
            continue
        for _end, people in reversed(mentions.sentences(back)):
            relevant = [m for m in people if (back != number or m.position < position) and fits(m.name)]
            subjects = [m for m in relevant if not m.possessive]
            if subjects:
                return subjects[0].name, back
            if relevant and fallback is None:
                fallback = (relevant[0].name, back)
        if back != number and work.kind == QUOTE and work.speaker and fits(work.speaker):
            return work.speaker, back
    return fallback
