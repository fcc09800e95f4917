"""The people a text names: the person index (full names, titles, roles held) and mentions per sentence.

The person index records people named with a title or rank ("Deputy Pentagon Press Secretary Sabrina Singh"),
or with a title in apposition ("Jane Smith, chief executive of Acme,"), keyed by surname; other capitalised
two-to-four-word runs go to a weaker index. A name resolves to the fullest form in the index (nearest mention
before the quote, else the first after); a role ("the president") to the one person whose title holds it.

The index is read lazily, by surname: a block can only name someone whose surname it contains, so a question
about "Ryder" reads just the blocks that hold that string (each block once). Questions about everyone -- who
holds a role, which organisations are named -- read the whole document in order, as an eager index would, and
replay what the attributions added. Every answer is the one a fully built index gives; a long document whose
quotes name few people is read a fraction of the way.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from typing import overload

from pressconv.readers.blocks import FURNITURE, HEADING, HEADLINE, LETTERHEAD, LIST, PARAGRAPH, QUOTE, Work
from pressconv.readers.lexicon import (
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    ORGANISATION_KINDS,
    ROLE_EQUIVALENTS,
)
from pressconv.readers.name_runs import surname
from pressconv.readers.speakers.name_forms import compatible as _compatible
from pressconv.readers.speakers.name_forms import ends_with as _ends_with
from pressconv.readers.speakers.name_forms import first_of_two_surnames as _first_of_two_surnames
from pressconv.readers.speakers.names import (
    PERSON_AFTER,
    appositive_title,
    letterhead_title,
    may_name_in,
    people_in,
    prefer_title,
    title_before,
    titled_in_headline,
)
from pressconv.readers.speakers.organisations import ReleaseOrganisation, generic_organisation
from pressconv.readers.speakers.words import is_titled

# Where the attribution grammar has long found these (they read one block's text: ``names``).
__all__ = [
    "PERSON_AFTER",
    "Genders",
    "Known",
    "PersonIndex",
    "appositive_title",
    "prefer_title",
    "title_before",
]

# Lines of at most this many words in a block of several are read one by one (a name, then its title).
_SHORT_LINE = 8
# Words that make a title another office than its head word: a Vice President is not "the President".
# Words after a title's head that tie it to what it heads: "representative of Teravia", "minister for roads".
_ROLE_LINKS = frozenset({"of", "for", "to", "at", "de", "du", "des", "del", "von", "für"})
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
    title_aside: bool = False
    """The title was read in the letterhead: any title the release's own text gives replaces it."""


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
    #: Full names of three words or more by their first of two surnames ("Quintana": Beatriz Quintana Sanz),
    #: asked only when no name has that word last.
    second_keys: dict[str, dict[tuple[str, ...], Known]] = field(default_factory=dict)
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
    texts: dict[str, list[int]] = field(default_factory=dict)
    """The text of each block that may name someone (with its lines when it has several) -> its blocks."""
    numbers: list[int] = field(default_factory=list)
    """The blocks that may name someone, in order."""
    joined: str | None = None
    """Every text of ``texts`` joined by NUL characters, made on the first look-up of a surname."""
    starts: list[int] = field(default_factory=list)
    """Where each text of ``texts`` starts in ``joined``."""
    distinct: list[str] = field(default_factory=list)
    """The texts of ``texts`` in order (``joined``'s pieces)."""
    read: set[int] = field(default_factory=set)
    """Blocks already read into the index."""
    ensured: set[str] = field(default_factory=set)
    """Surnames (and words) whose every block has been read."""
    complete: bool = True
    """True once every block has been read (an index built eagerly is complete from the start)."""
    stated: list[tuple[tuple[str, ...], str | None, int, bool]] = field(default_factory=list)
    """What the attributions added (name, title, block, lone), replayed when the whole text is read."""
    release: ReleaseOrganisation | None = None
    """The organisation the release is from or about ("the company said"), read on first use."""
    verb_blocks: dict[str, list[int]] = field(default_factory=dict)
    """Per role verb ("chairs"), the paragraphs and quotes holding it after a space (``holder_by_verb``)."""
    held: dict[str, list[str]] = field(default_factory=dict)
    """Per role, ``holders``' answer, kept until a name or a title is added (the index is complete then)."""

    @classmethod
    def build(cls, works: list[Work]) -> PersonIndex:
        """An index of the people the blocks name, read as questions come (bio headers among the headings)."""
        index = cls(works=works, complete=False, release=ReleaseOrganisation(works))
        for number, work in enumerate(works):
            # the headline, body text, quotes and lists, and headings shaped "Name, Title" (bio headers)
            # the issuer's letterhead ("Sheriff Leonard T. Dunning" beside the office's name)
            if (
                work.kind in _NAMING_KINDS
                or (work.kind == HEADING and "," in work.text)
                or (work.kind == FURNITURE and work.reason == LETTERHEAD)
            ):
                index.numbers.append(number)
                lines = work.lines
                text = work.text if len(lines) <= 1 else "\n".join((work.text, *lines))
                index.texts.setdefault(text, []).append(number)  # repeated copy is looked through once
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
        self.held.clear()
        self.strong.setdefault(surname(name), {})
        if title:
            self.titled_alone.add(name[0])
            self.lone_titles.setdefault(name[0], (title, block))

    def _add(
        self, name: tuple[str, ...], title: str | None, block: int, strong: bool = True, aside: bool = False
    ) -> None:
        """Record a reference to ``name`` in ``block``."""
        self.held.clear()  # a form or a title may change who holds a role
        target = self.strong if strong else self.weak
        forms = target.setdefault(surname(name), {})
        known = forms.get(name)
        if known is None:
            known = forms[name] = Known()
            self.candidates.clear()
        first_surname = _first_of_two_surnames(name) if strong else None
        if first_surname is not None:
            # "Beatriz Quintana Sanz" … "ha señalado Quintana": an Iberian name is also known by its first
            # surname; both keys hold the one record
            self.second_keys.setdefault(first_surname, {}).setdefault(name, known)
        if not known.blocks or known.blocks[-1] <= block:
            known.blocks.append(block)
        else:
            insort(known.blocks, block)
        if title and (known.title is None or (aside, block) < (known.title_aside, known.title_block)):
            known.title, known.title_block, known.title_aside = title, block, aside

    def knows(self, key: str) -> bool:
        """True when a person with this surname was named with a title or as a speaker."""
        if key not in self.ensured and not self.complete:
            self._ensure(key)
        return key in self.strong

    def has_title(self, word: str) -> bool:
        """True when the lone surname is written with a title somewhere ("Dr. Smith")."""
        self._ensure(word)
        return word in self.titled_alone

    def resolve(self, name: tuple[str, ...], block: int) -> tuple[str, int | None]:
        """The fullest known form of ``name`` and the block it came from (None: as written)."""
        key = surname(name)
        if key not in self.ensured and not self.complete:
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
        if len(name) == 1:  # no form ends in the word: a first of two surnames?
            forms = [(form, known) for form, known in self.second_keys.get(key, {}).items() if known.blocks]
            if len(forms) == 1:  # one person only: "Quintana" -> "Beatriz Quintana Sanz"
                return " ".join(forms[0][0]), forms[0][1].blocks[0]
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
        Asked for every quote that names a role: each role's answer is kept until the index changes.
        """
        self._complete()
        answer = self.held.get(role)
        if answer is None:
            answer = self.held[role] = self._holders(role)
        return list(answer)

    def _holders(self, role: str) -> list[str]:
        found: list[str] = []
        exact: list[str] = []
        # "the councillor" is held by "la consejera de Vivienda": each word as its office's English word
        written = role.split()
        wanted = [ROLE_EQUIVALENTS.get(w, w) for w in written]
        titled = [
            (" ".join(form), known.title) for forms in self.strong.values() for form, known in forms.items()
        ]
        # "Assistant Minister Kalani said …": a surname with a title, named in full elsewhere or not at all
        titled += [
            (self.resolve((key,), block)[0], title) for key, (title, block) in self.lone_titles.items()
        ]
        for name, title in titled:
            raw = [w.lower().strip(",.") for w in (title or "").split()]
            words = [ROLE_EQUIVALENTS.get(w, w) for w in raw]
            if name in found or any(name in other for other in found):
                continue
            if any(words[i : i + len(wanted)] == wanted for i in range(len(words))) or (
                # "Wirtschaftsministerin Sabine Eckhardt" holds the role "Ministerin": a German compound
                len(written) == 1
                and any(w.endswith(written[0]) and len(w) > len(written[0]) + 3 for w in raw)
            ):
                found.append(name)
                if _heads(words, wanted) and not any(w in _ROLE_QUALIFIERS for w in words):
                    exact.append(name)
        return exact if len(exact) == 1 else found

    def organisations_of(self, kind: str, first: str = "") -> list[str]:
        """The organisations of one kind ("club", "council") the text names, longest form of each; with
        ``first``, those of two words or more opening with that word ("Hollins Freight Services")."""
        self._complete()
        markers = ORGANISATION_KINDS.get(kind, frozenset())
        named = [
            n
            for n in self.organisations
            if not generic_organisation(n)
            and (n.startswith(f"{first} ") if first else markers & {w.lower().strip(".,") for w in n.split()})
        ]
        return [n for n in named if not any(n != other and n in other for other in named)]

    def first_title(self, full_name: str) -> tuple[str | None, int]:
        """The title the person carried on first reference and that reference's block (-1: none); a title
        the letterhead alone gives counts only where the text gives none."""
        words = tuple(full_name.split())
        key = surname(words)
        self._ensure(key)
        titled = [
            (known.title_aside, known.title_block, known.title)
            for form, known in self.strong.get(key, {}).items()
            if known.title and _compatible(words, form)
        ]
        if not titled:
            return None, -1
        _aside, block, title = min(titled)
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
        if not key or len(self.ensured) >= _MAX_SURNAMES_SCANNED:
            # each surname is looked for in every block: past a few dozen, reading them all is cheaper
            self._complete()
            return
        self.ensured.add(key)
        read = self.read
        for text in self._holding(key):
            # "Ryder" opening a sentence names no one new: only a block where it can be indexed is read
            if may_name_in(text, key):
                for number in self.texts[text]:
                    if number not in read:
                        read.add(number)
                        self._read(number)
        if key in self.speaking:
            self._promote(key)

    def _holding(self, key: str) -> list[str]:
        """The distinct block texts that contain ``key``, in order: one search through all of them joined."""
        if "\0" in key:
            return [text for text in self.texts if key in text]
        if self.joined is None:
            self.joined = "\0".join(self.texts)
            starts, at = [], 0
            for text in self.texts:
                starts.append(at)
                at += len(text) + 1
            self.starts, self.distinct = starts, list(self.texts)
        joined, starts, distinct = self.joined, self.starts, self.distinct
        # the key as a literal pattern: the regular-expression engine scans for it about twice as fast as
        # str.find does through text outside Latin-1 (curly quotation marks), and it scans the whole text
        search = re.compile(re.escape(key)).search
        found: list[str] = []
        match = search(joined)
        while match is not None:
            slot = bisect_right(starts, match.start()) - 1
            found.append(distinct[slot])
            match = search(joined, starts[slot + 1]) if slot + 1 < len(starts) else None
        return found

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
        self.texts = {}  # not searched again

    def _read(self, number: int) -> None:
        """Index the people block ``number`` names."""
        work = self.works[number]
        if work.kind == HEADLINE:
            for name, held in titled_in_headline(work.text):
                self._add(name, held, number)
            return
        aside = work.kind == FURNITURE  # the letterhead: "Sheriff Leonard T. Dunning" beside the office
        if (
            len(work.lines) > 1
            and not work.spans
            and all(len(line.split()) <= _SHORT_LINE for line in work.lines)
        ):
            # names and titles one to a line ("The Hon. Jane Doe MP" / "Minister for Roads"): line by line
            found = [people_in(line, ()) for line in work.lines]
        else:
            found = [people_in(work.text, work.spans)]
        for people, speaking, alone, organisations in found:
            for name, title, strong in people:
                if aside and title:
                    title = letterhead_title(title)
                self._add(name, title, number, strong, aside)
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


# The blocks that may name someone: the headline, body text, quotes and lists (a media advisory's "WHO:" list
# may be the one place a speaker's full name is written), and "Name, Title" headings.
_NAMING_KINDS = frozenset((HEADLINE, PARAGRAPH, QUOTE, LIST))

# How many surnames the index looks for one by one before it reads the whole text instead (a long
# document whose quotes name many people).
_MAX_SURNAMES_SCANNED = 32


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
        if name not in self.asked:
            self._learn(name)
        return dict.get(self, name, default)

    def setdefault(self, name: str, default: str, /) -> str:
        self._learn(name)
        return dict.setdefault(self, name, default)

