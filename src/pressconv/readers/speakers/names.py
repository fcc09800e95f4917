"""The people one block names: person runs with their titles, speech-verb subjects, organisations.

``people_in`` reads a block's text outside its quotations once (memoised per
document): each capitalised run is a person's name with its title -- a rank or
office before it ("Deputy Pentagon Press Secretary Sabrina Singh", "Union
leader Jo Bell"), or a title in apposition after it ("Jane Smith, chief
executive of Acme,") -- or an organisation's name, or a lone surname written
with a title ("Dr. Okafor"); a capitalised word before a speech verb ("Ryder
said") is a speaker.  ``may_name_in`` says, without reading the block, whether
a surname stands anywhere in it where reading could index it: the person
index (``people``) uses it to read only the blocks a question needs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pressconv import lazy_re
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
    PORTFOLIO_LINKS,
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
    tokens,
)
from pressconv.readers.speakers.words import (
    POSSESSIVE_END,
    is_organisation,
    is_titled,
    portfolio_list_before,
    speech_verb,
    unquoted_stretches,
)

_CLUB_MARKERS = ORGANISATION_KINDS["club"]
_COORDINATORS = frozenset({"and", "or", "but", "y", "o", "et", "ou", "und", "oder", "e", "en"})
# A speech verb after a space; the word before it is read in Python ("Smith said the plan …").
# The verb comes first in the pattern so the regular-expression engine scans quickly.
_SAYS = lazy_re.compile(
    r" (?:" + trie_pattern(sorted(v for v in SPEECH_VERBS if len(v) > 3 and v.isalpha())) + r")\b"
)

# A few words in brackets after a name, before its verb: "Jane Doe (Valmont) said", "Jo Ray (Labour) said".
_PARENTHESIS = lazy_re.compile(r" \([^()]{1,40}\)")
# What ends an apposition: the first of these marks after ", " (a comma, a quotation, a bracket, a dash).
_APPOSITION_END = re.compile('[,;“"«„(—–]')

# What follows only a person's name: an age in apposition, or a "who" clause.
# "Jane Doe, 45,", "Jane Doe, who …", and an age set off after an occupation ("Aurelio Ruiz, jubilado de
# 70 años,", "Jean Roy, retraité de 70 ans,", "Jo Lee, a nurse aged 34,"): what only a person is.
PERSON_AFTER = re.compile(
    r", (?:\d{1,3}, |who |whose |wer |der |die |qui "
    r"|(?:[^\W\d_]+ ){1,3}(?:(?:de |di )\d{1,3} (?:años|anos|ans|anni)|aged \d{1,3}),)"
)

# The separators of name_runs' tokens, and the lower-case words a name run may hold between capitalised
# ones: a name ends in a word that follows a capitalised word, perhaps across these.
_TOKEN_SEPARATOR = re.compile('[\\s,;:()\\[\\]“”„‟"«»‘]')
_RUN_CONNECTORS = frozenset({"of", "for", "and", "at", "to", "für", "the"}) | NAME_PARTICLES


@per_document(maxsize=4096)  # a pure function of the block's text; repeated copy asks it once
def may_name_in(text: str, key: str) -> bool:
    """Whether ``key`` occurs anywhere in ``text`` where it may be indexed (see ``_may_name_at``)."""
    at = text.find(key)
    while at != -1:
        if _may_name_at(text, at, key):
            return True
        at = text.find(key, at + 1)
    return False


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


_Person = tuple[tuple[str, ...], str | None, bool]
# A title's last word that ties it to what it heads: a run right after it is an organisation or a place.
_TITLE_OBJECT_LINKS = frozenset({"of", "for", "at"})


@per_document(maxsize=4096)  # a pure function of the block; boilerplate and repeated copy recur
def people_in(
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
def titled_in_headline(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
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


def _portfolio_tail(title: str, name: tuple[str, ...]) -> bool:
    """ "Commissioner for Disaster" + "Management Affairs": a title's "for"/"of" portfolio runs on into
    words that end an office's name ("Affairs", "Services", "Development"), so no person follows."""
    return bool(_TITLE_OBJECT_LINKS.intersection(title.lower().split())) and (
        name[-1].lower() in TITLE_COMPLEMENTS
    )


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
    if title is None and _in_portfolio_list(text, run):
        # "el consejero de Turismo, Patrimonio Histórico y Deporte", "Commissioner for Home Affairs,
        # Migration and Citizenship": a later item of the office's list of portfolios, not a person
        return None
    if title is not None and _portfolio_tail(title, name):
        return None  # "Commissioner for Disaster Management Affairs": the rest of the office, not a name
    if title is not None and _office_then_holder(text, run.end):
        return None  # "Direktur Lalu Lintas dan Angkutan Laut, Hendra Wicaksono": the office's portfolio
    if title is None or title.lower() in HONORIFICS:
        # "the Director of Public Prosecutions, Ms Rosalind Achterberg": the office says more than "Ms"
        before = title_before(text, run.start)
        if (
            before is not None
            and before.rsplit(None, 1)[-1].lower() in _TITLE_OBJECT_LINKS
            and text.startswith(", ", run.end)
            and text[run.end + 2 : run.end + 3].isupper()
        ):
            # "the managing director of Westshore Railways, Annika Oduya, said": the run is what the
            # title heads, the name set off after it the person who holds it
            return None
        title = before or title
    if title is None and len(name) > _FULL_NAME:
        portfolio = _portfolio_before(text, run.start, name)
        if portfolio is not None:
            # "l'assessora ai Trasporti Anna Rossi": the run opens with the office's portfolio
            return portfolio[1], portfolio[0], True
    if title is None or title.lower() in HONORIFICS:
        # an apposition counts only where no title (or a bare honorific) stands before the name
        title = prefer_title(title, appositive_title(text, run.end))
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


_FULL_NAME = 2
_LIST_GOES_ON = lazy_re.compile(r" (?:and|y|et|und|e) [A-ZÀ-Ý]")


def portfolio_holder(text: str, run: Run) -> tuple[str | None, tuple[str, ...]] | None:
    """ "Commissioner for Home Affairs, Migration and Citizenship Pavlos Demetriou said": a run that goes on
    an office's list of portfolios and ends in the holder's name -> (the portfolios, the name), or None."""
    coordinators = [i for i, word in enumerate(run.tokens) if word in _COORDINATORS]
    before = portfolio_list_before(text, run.start) if coordinators else None  # most runs hold no "and"
    if before is None or before.group("coordinated"):
        return None
    tail = run.tokens[coordinators[-1] + 1 :]
    width = 3 if len(tail) > 3 and tail[-3].lower() in FEMALE_NAMES | MALE_NAMES else 2
    if len(tail) <= width or not is_name(tail[-width:]):
        return None  # "… Affairs, Migration and Citizenship" with no name after the last portfolio
    return " ".join(run.tokens[: len(run.tokens) - width]), tail[-width:]


def _in_portfolio_list(text: str, run: Run) -> bool:
    """ "consejero de Turismo, Patrimonio Histórico y Deporte": a run that is a later item of an office's
    list of portfolios -- after a comma when the list goes on past it, or closing it after a coordinator."""
    before = portfolio_list_before(text, run.start)
    if before is None or run.tokens[0].lower() in FEMALE_NAMES or run.tokens[0].lower() in MALE_NAMES:
        return False  # "… of Health, Jane Doe and …": a first name starts a person's name
    return bool(before.group("coordinated")) or _LIST_GOES_ON.match(text, run.end) is not None


# "… Lalu Lintas dan Angkutan Laut, Hendra Wicaksono,": a coordinator, more of the portfolio, a comma, and
# a name set off after it.
_SECOND_PORTFOLIO = lazy_re.compile(
    r" (?:and|dan|und|et|y|e|og|och|a|i) ((?:[A-ZÀ-Ý][\w-]*(?: |(?=,)))+), (?=[A-ZÀ-Ý])"
)


def _office_then_holder(text: str, end: int) -> bool:
    """A titled run that goes on past a coordinator to more of an office, then names its holder after a
    comma: the run names the office's portfolio ("Direktur Lalu Lintas"), not a person."""
    if not text.startswith(" ", end):
        return False
    second = _SECOND_PORTFOLIO.match(text, end)
    if second is None or any(is_titled(word) for word in second.group(1).split()):
        return False  # "Minister Jane Doe and Deputy Minister Tom Reyes, …": a second titled person
    holder = runs(text, second.end(), min(len(text), second.end() + 80))
    if not holder or holder[0].start != second.end():
        return False
    title, name = split_title(holder[0].tokens)
    return title is None and len(name) >= _FULL_NAME and is_name(name) and not is_organisation(name)


# Lower-case words between a title and the office's portfolio, and the most that may stand there
# ("assessora regionale ai Trasporti").
_MAX_PORTFOLIO_GAP = 4


def _portfolio_before(text: str, start: int, name: tuple[str, ...]) -> tuple[str, tuple[str, ...]] | None:
    """(title, name) when a title and a portfolio link stand before a run of three words or more.

    "l'assessora ai Trasporti Anna Rossi", "Starosta obce Lipník Pavel Sýkora", "el consejero de
    Sanidad Tomás Ferrer": the run's first word is the portfolio (a department, a place) and the
    rest the name -- from its first known given name where it holds one ("Villanueva del Río Juan
    Pérez").  The word before the run is a link of ``PORTFOLIO_LINKS``; a title word stands within a
    few lower-case words before it.
    """
    gap = text[max(0, start - 80) : start].split()
    # "de la Culture", "für den Radverkehr": the link's article is passed over
    linked = 3 if len(gap) > 2 and gap[-1].lower() in _LINK_ARTICLES else 2
    if len(gap) < linked or gap[1 - linked].lower() not in PORTFOLIO_LINKS:
        return None
    for back in range(linked, min(len(gap), _MAX_PORTFOLIO_GAP + linked - 1) + 1):
        word = gap[-back]
        if is_titled(word):
            given = [i for i in range(1, len(name) - 1) if name[i].lower() in _GIVEN_NAMES]
            cut = given[0] if given else 1
            kept = name[cut:]
            if len(kept) < _FULL_NAME or not is_name(kept) or is_organisation(kept):
                return None
            title = " ".join((_ELIDED_ARTICLE.sub("", word), *gap[-back + 1 :], *name[:cut]))
            return title, kept
        if word[-1:] in ".,;:!?" or not (word.islower() or _ELIDED_LINK.match(word)):
            return None  # a sentence's end, or a capitalised word: no portfolio phrase
    return None


_GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES
_LINK_ARTICLES = frozenset({"la", "le", "les", "el", "los", "las", "den", "dem", "der", "die", "das"})
# An elided link before a second portfolio: "all'Istruzione e ai Trasporti".
_ELIDED_ARTICLE = re.compile("^(?:l|d|dell|all|nell|sull|dall)[’']")
_ELIDED_LINK = re.compile("^(?:all|dell|nell|sull|l|d)[’'][A-ZÀ-Ý]")

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


# A pure function of the text and the offset, memoised per document: a block's people (``_person``)
# and the attribution grammar (``verb_first``) ask it of the same name.
@per_document(maxsize=4096)
def appositive_title(text: str, after: int) -> str | None:
    """The title in ", chief executive of Acme," right after a name, when there is one."""
    if not text.startswith(", ", after):
        return None
    stop = min(len(text), after + 200)  # an apposition is a few words, never the rest of the text
    found = _APPOSITION_END.search(text, after + 2, stop)
    if found is not None:
        stop = found.start()
    if not any(is_titled(w) for w in text[after + 2 : stop].split()):
        return None  # no title word before the first mark: none in the phrase the sentence end cuts
    ends = sentence_ends(text[after + 2 : stop])
    if ends:
        stop = after + 2 + ends[0]
    phrase = text[after + 2 : stop].strip()
    if phrase.endswith(".") and not _keeps_period(phrase):
        phrase = phrase[:-1]
    words = phrase.split()
    verb = next((i for i, w in enumerate(words) if i and w.lower().rstrip(",.:;") in SPEECH_VERBS), None)
    if verb is not None:
        # "Jo Lee, Depot Manager and a Leeds native said, …": the closing comma is missing, the verb ends it
        words = words[:verb]
        phrase = " ".join(words)
    if not words or len(words) > 10 or phrase[:1].isdigit() or words[0].lower() in _COORDINATORS:
        return None  # ", and the Minister of Health, …" names the next person, not this one's title
    if any(is_titled(w) for w in words):
        return phrase
    return None


def _keeps_period(phrase: str) -> bool:
    last = phrase.split()[-1].lower()
    return last in ABBREVIATIONS


# What sets a title off from the words before it: a dateline's dash, a colon ("CITY, 14 May — The Minister
# for Water, Jane Doe", "Arenal, 4 de febrero de 2031.- El alcalde de Arenal, Tomás Villaverde"); and the
# articles a title set off by a comma opens with.
_SET_OFF_START = re.compile(r" [—–] | -- |(?<=\d)\.- ?|: | (?:attributable|attributed) to ")
_ARTICLES = frozenset({"the", "la", "le", "el", "der", "die", "il", "lo", "a", "o"})


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
        phrase = _SET_OFF_START.split(text[clause_start : start - 2])[-1].strip()
        words = phrase.split()
        if words and words[0] in _COORDINATORS and words[0] not in _ARTICLES:  # "A, and the leader, B"
            words = words[1:]
            phrase = " ".join(words)
        if len(words) > 10:
            # "… on Friday alongside the county engineer, Piotr Lindqvist": from the last article on
            last = max((i for i, w in enumerate(words) if w.lower() in _ARTICLES), default=-1)
            words = words[last:] if last >= 0 else words
            phrase = " ".join(words)
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


def letterhead_title(title: str) -> str | None:
    """ "BRANTLEY COUNTY SHERIFF'S OFFICE Sheriff" -> "Sheriff": a letterhead's columns run together on one
    line, so the office's name before the title (in capitals, or words that are no title) is no part of it."""
    words = title.split()
    if not all(word.isupper() for word in words):
        while words and words[0].isupper() and len(words[0]) > 1:
            words.pop(0)
    first = next((i for i, word in enumerate(words) if is_titled(word)), len(words))
    return " ".join(words[first:]) or None
