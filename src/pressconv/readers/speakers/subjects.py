"""Subjects of the attribution grammar: who the words before a speech verb, or before a colon, name.

Small readers of one clause's words that ``attribution`` asks: a capitalised
role ("the Minister of State"), a bare title ("Ministeren sier"), a name with
its organisation ("Sergeant X of Y Police's unit"), the head of an apposition
whose closing comma is missing, a possessive before a word for what was said
("Sus palabras:"), a "for" clause ending in a name ("Pour le maire, X :"), and
an article with a lower-case title before a name ("la catedrática X"), and
the title between "according to" and a name ("según el investigador X").
"""

from __future__ import annotations

from pressconv.readers.lexicon import HONORIFICS, POSSESSIVE_OPENERS, SPEECH_VERBS, SPOKEN_WORDS
from pressconv.readers.name_runs import Run, Token, is_capitalised, is_name, runs, split_title
from pressconv.readers.speakers.clause import (
    ARTICLES_BEFORE_ROLE,
    EDGE_PUNCT,
    MAX_ROLE_WORDS,
    MIN_FULL_NAME,
    MIN_ROLE_CLAUSE,
)
from pressconv.readers.speakers.names import appositive_title
from pressconv.readers.speakers.words import is_organisation, is_titled, role_word

# "Pour le Directeur de la publication du …, Laurent X, « … »": the longest "for" clause, in tokens.
_MAX_FOR_WORDS = 16
# "In her words:", "En sus palabras:": a preposition before the possessive.
_IN_WORDS = frozenset({"in", "en", "dans", "em", "mit"})
# The words after "Name of Organisation" before the comma that ends the subject ("’s roads policing unit").
_MAX_AFFILIATION_WORDS = 5
# The longest apposition set off after a name whose closing comma is missing.
_MAX_APPOSITION_WORDS = 10


def capitalised_role(words: list[Token], k: int) -> tuple[int, str] | None:
    """ "The Foreign Secretary" / "the Chief Constable" / "the Minister of State" ending at ``words[k]``:
    (article index, role)."""
    if not is_capitalised(words[k].text):
        return None
    first = k
    while first > 0 and k - first < MAX_ROLE_WORDS + 1:
        before = words[first - 1].text
        if before.lower() in ARTICLES_BEFORE_ROLE or not (is_capitalised(before) or before in _ROLE_OF):
            break
        first -= 1
    if first == 0 or words[first - 1].text.lower() not in ARTICLES_BEFORE_ROLE:
        return None
    phrase = [w.text for w in words[first : k + 1]]
    if not is_titled(phrase[-1]):
        # "the Minister of State": a title, "of", the capitalised words it heads
        link = next((i for i, w in enumerate(phrase) if w in _ROLE_OF), -1)
        if link < 1 or not is_titled(phrase[link - 1]) or _ROLE_OF & set(phrase[link + 1 :]):
            return None
    elif _ROLE_OF & set(phrase):
        return None
    return first - 1, " ".join(w.lower().strip(",.") for w in phrase)


# The link word of a capitalised role ("the Minister of State", "the Secretary for Transport").
_ROLE_OF = frozenset({"of", "for"})


def bare_role_subject(words: list[Token], k: int, english: bool) -> str | None:
    """ "Ministeren sier", "Borgmesteren siger", "Starosta řekl": a lone title opening the clause, its
    article written as its ending or none at all, before a verb that is not English; the title."""
    if english or (k > 0 and words[k - 1].text[:1].isalnum()) or words[k].text.lower() in HONORIFICS:
        return None
    return role_word(words[k].text)


def affiliation(run: Run, gap: str) -> bool:
    """ "Sergeant Jason Higham of Merseyside Police" + "’s roads policing unit": a titled full name whose
    run goes on with "of" and the organisation, a few words of it after, no comma between."""
    title, name = split_title(run.tokens)
    if title is None or len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return False
    rest = run.tokens[run.tokens.index(name[-1]) + 1 :]
    words = gap.split()
    return bool(rest) and rest[0] == "of" and "," not in gap and len(words) <= _MAX_AFFILIATION_WORDS


def apposition_holder(text: str, start: int, end: int, titled: bool = False) -> Run | None:
    """The name opening the clause at ``start``, set off by the comma of an apposition ending at ``end``.

    With ``titled`` the apposition must hold a title word ("Area Operations Manager and an Atlanta
    native"); a clause that opens otherwise ("In New Hampshire, the state director said") has none.
    """
    comma = text.rfind(", ", start, end)
    if comma < 0 or "," in text[comma + 2 : end]:
        return None
    apposition = text[comma + 2 : end].split()
    if titled and (len(apposition) > _MAX_APPOSITION_WORDS or not any(is_titled(w) for w in apposition)):
        return None
    found = runs(text, start, comma)
    if len(found) != 1 or found[0].start != start or found[0].end != comma:
        return None
    title, name = split_title(found[-1].tokens)
    if title is None and len(name) < len(found[-1].tokens):
        return None  # "In New Hampshire, …": the run opens with a word that is no part of a name
    if not is_name(name) or is_organisation(name) or (len(name) < MIN_FULL_NAME and title is None):
        return None  # a full name, or a titled surname ("Commissioner Breton")
    return found[-1]


def possessive_opener(words: list[Token]) -> Token | None:
    """ "Sus palabras fueron claras:", "Her words:", "In his words:": the possessive, at the clause's start,
    of a clause that ends in a colon."""
    at = 1 if len(words) > 2 and words[0].text.lower() in _IN_WORDS else 0
    if (
        len(words) > at + 1
        and words[-1].text.endswith(":")
        and words[at].text.lower() in POSSESSIVE_OPENERS
        and words[at + 1].text.lower().strip(",.:;") in SPOKEN_WORDS
    ):
        return words[at]
    return None


def for_name(text: str, words: list[Token], end: int) -> tuple[Run, str | None, tuple[str, ...]] | None:
    """ "Pour le maire, Bernard Aubertin :": a short clause opening with "for", ending in a full name."""
    if len(words) > _MAX_FOR_WORDS:
        return None
    found = runs(text, words[0].end, end)
    if not found:
        return None
    run = found[-1]
    title, name = split_title(run.tokens)
    if (
        text[run.end : end].strip(EDGE_PUNCT)  # the clause goes on past the name: "Para los vecinos, …"
        or len(name) < MIN_FULL_NAME
        or not is_name(name)
        or is_organisation(name)
    ):
        return _for_name_apposed(text, found, end)
    set_off = text[words[0].end : run.start].strip(" ,")
    return run, title or (set_off or None), name


def _for_name_apposed(
    text: str, found: list[Run], end: int
) -> tuple[Run, str | None, tuple[str, ...]] | None:
    """ "Pour Sophie Martin, présidente d'Acme :": the full name right after "for", then its title set off
    by a comma to the clause's end."""
    run = found[0]
    title, name = split_title(run.tokens)
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return None
    apposition = appositive_title(text, run.end)
    rest = text.find(apposition, run.end, end) if apposition is not None else -1
    if apposition is not None and rest >= 0 and not text[rest + len(apposition) : end].strip(EDGE_PUNCT):
        return run, title or apposition.rstrip(EDGE_PUNCT), name
    if text[run.end : end].rstrip().endswith(":") and not text[found[0].start - 1 : run.start].strip(" ,"):
        # "Für Oberbürgermeister Timo Wallrath ist klar:", "For Jane Doe the answer is simple:": the name
        # right after "for" is whose view the colon introduces
        return run, title, name
    return None  # "Pour Sophie Martin, présidente d'Acme, le site …": the clause goes on


def article_and_title(text: str, start: int, end: int) -> bool:
    """ "…, la catedrática Inmaculada Roldán Vega, ha afirmado": an article and a lower-case title open the
    apposition, right before its name."""
    comma = text.rfind(", ", start, end)
    if comma < 0:
        return False
    words = text[comma + 2 : end].split()
    return (
        MIN_ROLE_CLAUSE <= len(words) <= MAX_ROLE_WORDS
        and words[0].lower() in ARTICLES_BEFORE_ROLE
        and all(w.isalpha() and w.islower() for w in words[1:])
        and is_titled(words[-1])
    )


def names_person(apposition: str) -> bool:
    """True when an apposition is itself a person's name (with a title or not): "Dr. Annegret Pfleiderer"."""
    found = runs(apposition)
    if len(found) != 1 or found[0].start > 0 or found[0].end < len(apposition.rstrip(" ,")):
        return False
    _title, name = split_title(found[0].tokens)
    return len(name) >= MIN_FULL_NAME and is_name(name) and not is_organisation(name)


def role_before_name(gap: str) -> str | None:
    """ "el investigador ", "la directrice du projet ", "lead author ": a lower-case title (an article
    before it, a comma after it) between "according to" and the name, as in "según el investigador
    Joaquín Berrocal"; else None."""
    words = gap.rstrip().removesuffix(",").split()  # "según la directora del centro, Marta Ocaña"
    if words and words[0].lower() in ARTICLES_BEFORE_ROLE:
        words = words[1:]
    if (
        not words
        or len(words) > MAX_ROLE_WORDS
        or not all(w.isalpha() and w.islower() for w in words)
        or any(w in ARTICLES_BEFORE_ROLE or w in SPEECH_VERBS for w in words)  # "según explica el coautor X"
        or not (is_titled(words[-1]) or is_titled(words[0]))  # "la ingeniera agrónoma", "chief economist"
    ):
        return None
    return " ".join(words)
