"""The people a text names: the person index (full names, titles, roles held) and mentions per sentence.

The person index records people named with a title or rank ("Deputy
Pentagon Press Secretary Sabrina Singh"), or with a title in apposition ("Jane
Smith, chief executive of Acme,"), keyed by surname; other capitalised
two-to-four-word runs go to a weaker index.  A name resolves to the fullest
form in the index (nearest mention before the quote, else the first after); a
role ("the president") to the one person whose title holds it.

The index is read lazily, by surname: a block can only name someone whose
surname it contains, so a question about "Ryder" reads just the blocks that
hold that string (each block once).  Questions about everyone -- who holds a
role, which organisations are named -- read the whole document in order, as
an eager index would, and replay what the attributions added.  Every answer
is the one a fully built index gives; a long document whose quotes name few
people is read a fraction of the way.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from typing import overload

from pressconv import lazy_re
from pressconv.readers.blocks import HEADING, HEADLINE, PARAGRAPH, QUOTE, Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ABBREVIATIONS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
    ORGANISATION_KINDS,
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
    runs,
    sentence_ends,
    split_title,
    surname,
    tokens,
)
from pressconv.readers.speakers.words import (
    POSSESSIVE_END,
    is_organisation,
    is_titled,
    speech_verb,
    unquoted_stretches,
)

# A speech verb after a space; the word before it is read in Python ("Smith said the plan …").
# The verb comes first in the pattern so the regular-expression engine scans quickly.
_CLUB_MARKERS = ORGANISATION_KINDS["club"]
_COORDINATORS = frozenset({"and", "or", "but", "y", "o", "et", "ou", "und", "oder", "e", "en"})
# Lines of at most this many words in a block of several are read one by one (a name, then its title).
_SHORT_LINE = 8
_SAYS = re.compile(
    r" (?:" + trie_pattern(sorted(v for v in SPEECH_VERBS if len(v) > 3 and v.isalpha())) + r")\b"
)

# A few words in brackets after a name, before its verb: "Jane Doe (Valmont) said", "Jo Ray (Labour) said".
_PARENTHESIS = lazy_re.compile(r" \([^()]{1,40}\)")
# What follows only a person's name: an age in apposition, or a "who" clause.
PERSON_AFTER = re.compile(r", (?:\d{1,3}, |who |whose |wer |der |die |qui )")

# Words after a title's head that tie it to what it heads: "representative of Teravia", "minister for roads".
_ROLE_LINKS = frozenset({"of", "for", "to", "at", "de", "du", "des", "del", "von", "für"})
# Words that make a title another office than its head word: a Vice President is not "the President".
_ROLE_QUALIFIERS = frozenset(
    {"vice", "deputy", "assistant", "under", "acting", "associate", "former", "vize", "adjoint"}
)


def _heads(title: list[str], role: list[str]) -> bool:
    """True when the role is the title's head: "representative", "the representative of Teravia"."""
    if title[-len(role) :] == role:
        return True
    for i in range(len(title) - len(role)):
        if title[i : i + len(role)] == role and title[i + len(role)] in _ROLE_LINKS:
            return True
    return False


@dataclass(slots=True)
class Known:
    """Everything indexed about one written form of a name: where it occurs and its first title."""

    blocks: list[int] = field(default_factory=list)
    title: str | None = None
    title_block: int = -1


@dataclass(slots=True)
class PersonIndex:
    """People named in the document, keyed by surname, then by written form; read lazily, consulted per quote.

    Each surname has only a handful of written forms, and each form keeps its
    blocks sorted, so a look-up costs a bisection rather than a scan of every
    mention in the document.  ``build`` reads nothing yet: each question first
    reads the blocks that hold the surname it asks about (``_ensure``), or the
    whole document when it asks about everyone (``_complete``).
    """

    strong: dict[str, dict[tuple[str, ...], Known]] = field(default_factory=dict)
    weak: dict[str, dict[tuple[str, ...], Known]] = field(default_factory=dict)
    speaking: set[str] = field(default_factory=set)
    """Capitalised words seen as the subject of a speech verb in the running text."""
    titled_alone: set[str] = field(default_factory=set)
    """Lone surnames written with a title somewhere ("Dr. Smith"): people, though never named in full."""
    organisations: dict[str, int] = field(default_factory=dict)
    """Organisations named in the text ("Harrowgate Borough FC"), with the block of their first mention."""
    lone_titles: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Per lone surname, the first title it is written with ("Assistant Minister Kalani") and where."""
    candidates: dict[tuple[tuple[str, ...], bool], list[tuple[tuple[str, ...], Known]]] = field(
        default_factory=dict
    )
    """Per written name and table, the forms it may stand for (emptied whenever a form is added)."""
    works: list[Work] = field(default_factory=list)
    """The document's blocks, read on demand."""
    haystack: str = ""
    """The text of every block that may name someone, joined: where a surname is looked for."""
    starts: list[int] = field(default_factory=list)
    """Where each such block's text starts in ``haystack``."""
    numbers: list[int] = field(default_factory=list)
    """The block number of each stretch of ``haystack``."""
    read: set[int] = field(default_factory=set)
    """Blocks already read into the index."""
    ensured: set[str] = field(default_factory=set)
    """Surnames (and words) whose every block has been read."""
    complete: bool = True
    """True once every block has been read (an index built eagerly is complete from the start)."""
    stated: list[tuple[tuple[str, ...], str | None, int, bool]] = field(default_factory=list)
    """What the attributions added (name, title, block, lone), replayed when the whole text is read."""

    @classmethod
    def build(cls, works: list[Work]) -> PersonIndex:
        """An index of the people the blocks name, read as questions come (bio headers among the headings)."""
        index = cls(works=works, complete=False)
        pieces: list[str] = []
        position = 0
        for number, work in enumerate(works):
            if not _may_name(work):
                continue
            text = work.text if len(work.lines) <= 1 else "\n".join((work.text, *work.lines))
            index.starts.append(position)
            index.numbers.append(number)
            pieces.append(text)
            position += len(text) + 1
        index.haystack = "\n".join(pieces)  # a line break: where no name run goes on
        return index

    def add(self, name: tuple[str, ...], title: str | None, block: int) -> None:
        """Record an attribution's full name (with its title) in ``block``, after everything the text says."""
        self._ensure(surname(name))
        self.stated.append((name, title, block, False))
        self._add(name, title, block)

    def add_lone(self, name: tuple[str, ...], title: str | None, block: int) -> None:
        """Record an attribution's lone surname: a person who speaks, with the title written there if any."""
        self._ensure(surname(name))
        self.stated.append((name, title, block, True))
        self._add_lone(name, title, block)

    def _add_lone(self, name: tuple[str, ...], title: str | None, block: int) -> None:
        self.strong.setdefault(surname(name), {})
        if title:
            self.titled_alone.add(name[0])
            self.lone_titles.setdefault(name[0], (title, block))

    def _add(self, name: tuple[str, ...], title: str | None, block: int, strong: bool = True) -> None:
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
        self._ensure(key)
        return key in self.strong

    def has_title(self, word: str) -> bool:
        """True when the lone surname is written with a title somewhere ("Dr. Smith")."""
        self._ensure(word)
        return word in self.titled_alone

    def resolve(self, name: tuple[str, ...], block: int) -> tuple[str, int | None]:
        """The fullest known form of ``name`` and the block it came from (None: as written)."""
        key = surname(name)
        self._ensure(key)
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

    def genders(self) -> Genders:
        """Full name -> "m"/"f" where a title opens with a gendered honorific (Mr., Ms., Frau …).

        Asked name by name; what the caller adds (a pronoun's gender) never
        overrides what the index says.
        """
        return Genders(self)

    def gender_of(self, full_name: str) -> str:
        """ "m"/"f" for a full name the index holds with a gendered honorific or given name, else ""."""
        form = tuple(full_name.split(" "))
        key = surname(form)
        self._ensure(key)
        known = self.strong.get(key, {}).get(form)
        if known is None:
            return ""
        first = (known.title or "").split()[:1]
        gender = HONORIFICS.get(first[0].lower(), "") if first else ""
        given = form[0].lower() if len(form) > 1 else ""
        return gender or ("f" if given in FEMALE_NAMES else "m" if given in MALE_NAMES else "")

    def holders(self, role: str) -> list[str]:
        """Full names of the people whose title holds the role ("president", "foreign secretary").

        When some hold exactly that title ("President", not "Vice President"), only they count.
        """
        self._complete()
        found: list[str] = []
        exact: list[str] = []
        wanted = role.split()
        titled = [
            (" ".join(form), known.title) for forms in self.strong.values() for form, known in forms.items()
        ]
        # "Assistant Minister Kalani said …": a surname with a title, named in full elsewhere or not at all
        titled += [
            (self.resolve((key,), block)[0], title) for key, (title, block) in self.lone_titles.items()
        ]
        for name, title in titled:
            words = [w.lower().strip(",.") for w in (title or "").split()]
            if name in found or any(name in other for other in found):
                continue
            if any(words[i : i + len(wanted)] == wanted for i in range(len(words))) or (
                # "Wirtschaftsministerin Sabine Eckhardt" holds the role "Ministerin": a German compound
                len(wanted) == 1 and any(w.endswith(wanted[0]) and len(w) > len(wanted[0]) + 3 for w in words)
            ):
                found.append(name)
                if _heads(words, wanted) and not any(w in _ROLE_QUALIFIERS for w in words):
                    exact.append(name)
        return exact if len(exact) == 1 else found

    def organisations_of(self, kind: str) -> list[str]:
        """The organisations of one kind ("club", "council") the text names, longest form of each."""
        self._complete()
        markers = ORGANISATION_KINDS.get(kind, frozenset())
        named = [n for n in self.organisations if markers & {w.lower().strip(".,") for w in n.split()}]
        return [n for n in named if not any(n != other and n in other for other in named)]

    def first_title(self, full_name: str) -> tuple[str | None, int]:
        """The title the person carried on first reference and that reference's block (-1: none)."""
        words = tuple(full_name.split())
        key = surname(words)
        self._ensure(key)
        titled = [
            (known.title_block, known.title)
            for form, known in self.strong.get(key, {}).items()
            if known.title and _compatible(words, form)
        ]
        if not titled:
            return None, -1
        block, title = min(titled)
        return title, block

    def _ensure(self, key: str) -> None:
        """Read every block that holds ``key``: then all the index says about that surname is in.

        A block names a person only in words it contains, so the blocks left
        unread cannot add a form, a title or a speech verb's subject under
        this surname.  The surname's weak forms are then promoted as the
        eager index promotes them.
        """
        if self.complete or key in self.ensured:
            return
        if not key:
            self._complete()
            return
        self.ensured.add(key)
        haystack, starts = self.haystack, self.starts
        at = haystack.find(key)
        while at != -1:
            piece = bisect_right(starts, at) - 1
            number = self.numbers[piece]
            if number not in self.read and not _may_name_at(haystack, at, key):
                at = haystack.find(key, at + 1)  # "Ryder" opening a sentence names no one new here
                continue
            if number not in self.read:
                self.read.add(number)
                self._read(number)
            if piece + 1 >= len(starts):
                break
            at = haystack.find(key, starts[piece + 1])
        if key in self.speaking:
            self._promote(key)

    def _complete(self) -> None:
        """Read the whole text in order, as an eager index does, then replay what the attributions added."""
        if self.complete:
            return
        fresh = PersonIndex(works=self.works)
        for number in self.numbers:
            fresh._read(number)
        fresh.candidates.clear()
        for key in fresh.speaking:
            fresh._promote(key)
        for name, title, block, lone in self.stated:
            if lone:
                fresh._add_lone(name, title, block)
            else:
                fresh._add(name, title, block)
        self.strong, self.weak, self.speaking = fresh.strong, fresh.weak, fresh.speaking
        self.titled_alone, self.organisations = fresh.titled_alone, fresh.organisations
        self.lone_titles = fresh.lone_titles
        self.candidates.clear()
        self.complete = True

    def _read(self, number: int) -> None:
        """Index the people block ``number`` names."""
        work = self.works[number]
        if work.kind == HEADLINE:
            for name, held in _titled_in_headline(work.text):
                self._add(name, held, number)
            return
        if (
            len(work.lines) > 1
            and not work.spans
            and all(len(line.split()) <= _SHORT_LINE for line in work.lines)
        ):
            # names and titles one to a line ("The Hon. Jane Doe MP" / "Minister for Roads"): line by line
            found = [_people_in(line, ()) for line in work.lines]
        else:
            found = [_people_in(work.text, work.spans)]
        for people, speaking, alone, organisations in found:
            for name, title, strong in people:
                self._add(name, title, number, strong)
            for organisation in organisations:
                self.organisations.setdefault(organisation, number)
            self.speaking.update(speaking)
            for key, held in alone:
                self.titled_alone.add(key)
                if is_titled(held.split()[-1]) and not (len(key) >= 3 and key.isupper()):
                    # "Assistant Minister Kalani", not "Ambassador to Veloria" or a line in capitals
                    self.lone_titles.setdefault(key, (held, number))

    def _promote(self, key: str) -> None:
        """A surname that is the subject of a speech verb ("Smith said the …") is a person's."""
        self.candidates.clear()
        forms = self.weak.pop(key, None)
        if forms:
            target = self.strong.setdefault(key, {})
            for form, known in forms.items():
                target.setdefault(form, known)


# The separators of name_runs' tokens, and the lower-case words a name run may hold between capitalised
# ones: a name ends in a word that follows a capitalised word, perhaps across these.
_TOKEN_SEPARATOR = re.compile('[\\s,;:()\\[\\]“”„‟"«»‘]')
_RUN_CONNECTORS = frozenset({"of", "for", "and", "at", "to", "für", "the"}) | NAME_PARTICLES


def _may_name_at(text: str, at: int, key: str) -> bool:
    """Whether ``key`` at ``at`` may be indexed: the last word of a name, a titled surname, a speaker.

    Every name the index records has two words or more (a name, or a title
    and a surname) in one capitalised run, whose words are joined by single
    spaces; so its surname follows a space and a capitalised word, perhaps
    across lower-case connectors ("Maria de la Cruz").  A word the index
    learns as a speech verb's subject ("Ryder said") is followed by the verb.
    Elsewhere ("Today, Ryder reconfirmed …") the block adds nothing under it.
    """
    if _SAYS.match(text, at + len(key)):
        return True
    position = at
    while position >= 2 and text[position - 1] == " ":
        word = text[text.rfind(" ", 0, position - 1) + 1 : position - 1]
        if word in _RUN_CONNECTORS:
            position -= len(word) + 1
            continue
        token = _TOKEN_SEPARATOR.split(word)[-1]  # the part of the word a run can hold
        return token[:1].isupper() or token[:1].istitle()
    return False


def _may_name(work: Work) -> bool:
    """Blocks the index reads: the headline, body text and quotes, and headings shaped "Name, Title"."""
    return work.kind in (HEADLINE, PARAGRAPH, QUOTE) or (work.kind == HEADING and "," in work.text)


class Genders(dict[str, str]):
    """Full name -> gender: the index's answer for each name, asked once, and what the caller adds."""

    __slots__ = ("asked", "index")

    def __init__(self, index: PersonIndex) -> None:
        super().__init__()
        self.index = index
        self.asked: set[str] = set()

    def _learn(self, name: str) -> None:
        if name not in self.asked:
            self.asked.add(name)
            gender = self.index.gender_of(name)
            if gender and not dict.__contains__(self, name):
                self[name] = gender

    @overload  # type: ignore[override]
    def get(self, name: str, default: None = None, /) -> str | None: ...
    @overload
    def get(self, name: str, default: str, /) -> str: ...
    def get(self, name: str, default: str | None = None, /) -> str | None:
        self._learn(name)
        return dict.get(self, name, default)

    def setdefault(self, name: str, default: str, /) -> str:
        self._learn(name)
        return dict.setdefault(self, name, default)


_Person = tuple[tuple[str, ...], str | None, bool]


@per_document(maxsize=4096)  # a pure function of the block; boilerplate and repeated copy recur
def _people_in(
    text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[tuple[_Person, ...], frozenset[str], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The people a block names outside its quotations (name, title, strong), the speech-verb subjects,
    the lone surnames written with a title ("Dr. Smith") with that title, and the organisations."""
    people: list[_Person] = []
    organisations: list[str] = []
    speaking: set[str] = set()
    alone: list[tuple[str, str]] = []
    for start, end in unquoted_stretches(text, spans):
        for whole in runs(text, start, end, several=True):
            for run in (whole,) if _COORDINATORS.isdisjoint(whole.tokens) else _coordinated(text, whole):
                person = _person(text, run)
                if person is not None:
                    people.append(person)
                elif _organisation_name(run.tokens):
                    organisations.append(" ".join(run.tokens))
                else:
                    title, name = split_title(run.tokens)
                    if title is not None and len(name) == 1 and is_name(name) and not is_organisation(name):
                        alone.append((name[0], title))
        for match in _SAYS.finditer(text, start, end):
            word = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
            if word[:1].isupper():
                speaking.add(word)
    return tuple(people), frozenset(speaking), tuple(alone), tuple(organisations)


@per_document(maxsize=256)
def _titled_in_headline(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """People a headline names after a title ("Minister Ó Briain's response to …"), as (name, title).

    Only a run that ends where the headline goes on in lower case, at a comma or at a possessive: in a
    Title Case headline a run swallows the words after the name ("Governor Signs Bill").
    """
    found: list[tuple[tuple[str, ...], str]] = []
    for run in runs(text):
        title, name = split_title(run.tokens)
        following = text[run.end : run.end + 2]
        delimited = run.possessive or following.startswith(",") or following[1:2].islower()
        if (
            title is not None
            and delimited
            and 2 <= len(name) <= 3
            and is_name(name)
            and not is_organisation(name)
        ):
            found.append((name, title))
    return tuple(found)


@lru_cache(maxsize=8192)  # a pure function of the words, asked once per capitalised run
def _never_a_person(name: tuple[str, ...]) -> bool:
    """An organisation's name, or one with a word in capitals ("PROSECUTIONS Media Statement")."""
    return _organisation_name(name) or any(
        len(w) >= 3 and w.isupper() and w.lower() not in NAME_SUFFIXES for w in name
    )


@lru_cache(maxsize=8192)  # a pure function of the words, asked once per capitalised run
def _organisation_name(words: tuple[str, ...]) -> bool:
    """ "Harrowgate Borough FC", "Tallowood Shire Council": an organisation's name, not a line in capitals."""
    if all(w.isupper() for w in words if len(w) > 2):
        return False
    return is_organisation(words) or words[-1].lower().strip(".") in _CLUB_MARKERS


def _coordinated(text: str, run: Run) -> list[Run]:
    """ "Deputy Shaylene Roberts and Deputy Amos Kettering": one run per person (or organisation) it joins."""
    parts: list[Run] = []
    words: list[str] = []
    start = position = run.start
    for word in run.tokens:
        if word in _COORDINATORS and words:
            parts.append(Run(tuple(words), start, position - 1, False))
            words, start = [], position + len(word) + 1
        elif word not in _COORDINATORS:
            words.append(word)
        position += len(word) + 1
    if words:
        parts.append(Run(tuple(words), start, run.end, run.possessive))
    if len(parts) > 1 and (
        all(_person(text, part) is not None for part in parts)
        or all(_organisation_name(part.tokens) for part in parts)  # "X District Council and Y Town Council"
    ):
        return parts
    return [run]


def _person(text: str, run: Run) -> _Person | None:
    """The name in a run with its title, and whether it is surely a person's (strong), or None."""
    title, name = split_title(run.tokens)
    if len(name) < 2 or not is_name(name):
        return None  # a lone surname adds nothing to resolve against
    if _never_a_person(name):
        return None  # "Towns Network", "PROSECUTIONS Media Statement": an organisation, a line in capitals
    apposition = appositive_title(text, run.end)
    if title is None or title.lower() in HONORIFICS:
        # "the Director of Public Prosecutions, Ms Rosalind Achterberg": the office says more than "Ms"
        title = title_before(text, run.start) or title
    title = prefer_title(title, apposition)
    if title is not None:
        return name, title, True
    if len(name) <= 4 and _name_like(name):
        # "Maria Santos, 54,", "Jane Doe, who …", "Jane Doe said" and "Jane Doe (Valmont) said" are people
        # even without a title
        parenthesis = _PARENTHESIS.match(text, run.end)
        person = bool(
            PERSON_AFTER.match(text, run.end)
            or _SAYS.match(text, run.end)
            or (parenthesis is not None and _SAYS.match(text, parenthesis.end()))
            or name[0].lower() in FEMALE_NAMES
            or name[0].lower() in MALE_NAMES
        )
        return name, None, person
    return None


# Lower-case particles of a name, passed over when asking whether its words look like a name.
_NAME_PARTICLES = frozenset(("de", "van", "von", "der", "da", "di", "du", "la", "le", "del", "bin", "al"))


def _name_like(words: tuple[str, ...]) -> bool:
    for word in words:
        lowered = word.lower()  # once per word: the tests below ask three tables
        if lowered in _NAME_PARTICLES:
            continue
        if not word[:1].isupper() or lowered in NOT_NAMES or lowered in TITLE_COMPLEMENTS:
            return False
    return True


def _ends_with(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """True when a run ends in a known full name ("Selon Marie Dupont" ~ "Marie Dupont")."""
    return len(name) >= 2 and len(words) > len(name) and words[-len(name) :] == name


def _compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when every word of the short form appears in the full form (Ryder ~ Pat Ryder)."""
    return all(word in full for word in short)


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
    if not words or len(words) > 10 or phrase[:1].isdigit() or words[0].lower() in _COORDINATORS:
        return None  # ", and the Minister of Health, …" names the next person, not this one's title
    if any(is_titled(w) for w in words):
        return phrase
    return None


def _keeps_period(phrase: str) -> bool:
    last = phrase.split()[-1].lower()
    return last in ABBREVIATIONS


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
        if 0 < len(words) <= 10 and any(is_titled(w) for w in words) and not speech_verb(tokens(phrase)):
            return phrase
        return None
    previous = text[text.rfind(" ", 0, max(0, start - 1)) + 1 : max(0, start - 1)].lower()
    if not (is_titled(previous) or previous in TITLE_MODIFIERS or previous in TITLE_COMPLEMENTS):
        return None  # the word before the name is no title word: nothing to walk back over
    taken: list[Token] = []
    # match objects, not tokens: the walk back usually stops after a few of the window's words
    for match in reversed(list(TOKEN_PATTERN.finditer(text, max(0, start - 80), start))):
        word = match.group()
        lowered = word.lower()
        if len(word) == 1 and not word.isalnum():
            break
        if POSSESSIVE_END.search(word) or lowered in NOT_NAMES:
            break
        if (
            is_titled(word)
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
    if not taken or not any(is_titled(t.text) for t in taken):
        return None
    return text[taken[-1].start : taken[0].end]


def prefer_title(title: str | None, apposition: str | None) -> str | None:
    """An apposition says more than a bare honorific ("Dr.", "Mr."); otherwise the title as written."""
    if apposition and (title is None or title.lower() in HONORIFICS):
        return apposition
    return title or apposition
