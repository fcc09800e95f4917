"""Colon introductions with no speech verb: whose words the quote under or after them is.

"Auch der dänische Bahnchef Mikkel Sørensen zeigte sich zufrieden:", "Transit
chief Owen Castellane was upbeat:", "Erfreut zeigte sich auch die Verbundchefin
Annika Lohmeyer:": the clause's subject is a titled full name, found by its
place (first, after an opening word; or last, after a German reflexive), never
an object ("He thanked Chief Jim Rowe for …:"); or the name first, its title set
off by commas ("Farida Osei, executive director of …, put it plainly:").  And a speech verb inside a
subordinate clause ("… issued the following statement after Acme confirmed …:")
does not introduce the quote.  The attribution grammar (``attribution``) asks
these; every word list is data (``lexicon``).
"""

from __future__ import annotations

from pressconv.readers.lexicon import (
    ATTRIBUTION_ADVERBS,
    INVERTED_REFLEXIVES,
    SUBORDINATORS,
    TITLE_MODIFIERS,
)
from pressconv.readers.name_runs import Run, Token, is_capitalised, is_name, split_title
from pressconv.readers.speakers.clause import (
    ARTICLES_BEFORE_ROLE,
    MAX_ROLE_WORDS,
    MAX_SET_OFF_TITLE_WORDS,
    MIN_FULL_NAME,
    ROLE_LINKS,
)
from pressconv.readers.speakers.names import prefer_title
from pressconv.readers.speakers.subjects import names_person
from pressconv.readers.speakers.words import is_organisation, is_titled, personal_pronoun

_COPULAS = frozenset({"was", "were", "is"})
# Words that join a second subject to the first ("X, Minister of A, and Y, Minister of B, issued …").
_COORDINATORS = frozenset({"and", "y", "e", "et", "und", "or"})
# Lower-case adjectives an article may carry before a titled name opening a clause ("der dänische Bahnchef").
_MAX_ADJECTIVES_BEFORE_NAME = 2


def in_subordinate_clause(words: list[Token], v: int) -> int:
    """Whether the speech verb ``words[v]`` stands in a subordinate clause ("after Acme confirmed …").

    -1 when it does not; else where the clause after the subordinate one starts (the word after
    its comma: "After the board confirmed the plan, Smith said:"), or 0 when none follows.
    """
    for i in range(v - 1, -1, -1):
        word = words[i].text
        if word in (",", ";", ":"):
            return -1  # a comma between: the subordinator's clause ended before the verb
        if word.lower() in SUBORDINATORS:
            if i == 0 or words[i - 1].text in (",", ";"):
                # the sentence opens with the subordinate clause: the main one follows its comma
                comma = next((j for j in range(v + 1, len(words)) if words[j].text == ","), -1)
                return comma + 1 if 0 < comma < len(words) - 1 else -1
            return 0
    return -1


def colon_subject(text: str, words: list[Token], found: list[Run]) -> tuple[Run, str] | None:
    """The titled full name that opens a colon introduction with no speech verb, and its title, or None.

    Before the name only the clause's first word ("Auch", "Rail"), then an article
    with lower-case adjectives ("Auch der dänische Bahnchef Mikkel Sørensen zeigte
    sich zufrieden:") or lower-case title words ("Rail chief Mikkel Sorensen was
    pleased:", "La ministra Laura Cárdenas se mostró satisfecha:") may stand; any
    other word makes the name an object ("He thanked Chief Jim Rowe for …:").  The
    name is capitalised words only and a lower-case word, its verb, follows it.
    """
    opening = words[0].start
    for k, run in enumerate(found[:2]):
        title, name = split_title(run.tokens)
        if len(name) >= MIN_FULL_NAME and is_name(name) and not is_organisation(name):
            break
        if k or len(run.tokens) > 1 or run.start != opening or personal_pronoun(run.tokens[0]):
            return None  # only the clause's opening word may be a capitalised run before the name
        opening = run.end
    else:
        return None
    between = text[opening : run.start].split()
    if run.possessive or len(between) > 1 + _MAX_ADJECTIVES_BEFORE_NAME:
        return None
    verb_follows = text[run.end : run.end + 2].lstrip(" ").islower()
    if not verb_follows or not all(is_capitalised(t) for t in run.tokens):
        # "The Commissioner for Disaster Management Affairs, Dr. …": a title with its complement, the name
        # set off after it; the subject's verb follows the name itself
        return None
    if not all(w.isalpha() and w.islower() for w in between[1:]):
        return None
    article = bool(between) and between[0].lower() in ARTICLES_BEFORE_ROLE
    described = between[1:] if article else between
    if not article and (headed := _headed_occupation(words[0], opening, described)):
        return run, title or headed  # "Head baker Graham Whitelock put it simply:"
    if not article and not all(is_titled(w) or w.lower() in TITLE_MODIFIERS for w in described):
        return None
    return _with_title(run, title, described)


def _headed_occupation(first: Token, opening: int, described: list[str]) -> str | None:
    """ "Head baker", "Senior nurse", "Lead gardener": a title's modifier, capitalised as the clause's first
    word, and one lower-case noun naming the work, before the name; the two words, or None."""
    if opening != first.end or len(described) != 1 or first.text.lower() not in TITLE_MODIFIERS:
        return None
    return f"{first.text} {described[0]}"


def inverted_subject(text: str, words: list[Token], found: list[Run]) -> tuple[Run, str] | None:
    """ "Zufrieden zeigte sich auch der dänische Bahnchef Mikkel Sørensen:": German inversion, the subject
    after the reflexive, a titled full name ending the clause, only "auch", an article and lower-case
    adjectives or title words between."""
    reflexive = next((w for w in words if w.text in INVERTED_REFLEXIVES), None)
    run = found[-1]
    if reflexive is None or run.start < reflexive.end or text[run.end : words[-1].end].strip(" :"):
        return None
    title, name = split_title(run.tokens)
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name) or run.possessive:
        return None
    between = [w for w in text[reflexive.end : run.start].split() if w.lower() not in ATTRIBUTION_ADVERBS]
    if between and between[0].lower() in ARTICLES_BEFORE_ROLE:
        between = between[1:]
    if len(between) > _MAX_ADJECTIVES_BEFORE_NAME or not all(w.isalpha() and w.islower() for w in between):
        return None
    return _with_title(run, title, between)


def set_off_subject(text: str, words: list[Token], found: list[Run]) -> tuple[Run, str] | None:
    """ "Habitat Rights Watch's director, Consolata Mwangi-Reyes, visited the site on Wednesday:": a title
    opening the clause, then the full name set off by commas, then the subject's verb in lower case."""
    opening = words[0].start
    for run in found:
        title, name = split_title(run.tokens)
        if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name) or run.possessive:
            continue
        described = text[opening : run.start]
        if not described.endswith(", ") or "," in described[:-2] or not text.startswith(", ", run.end):
            return None
        after = text[run.end + 2 : run.end + 3]
        described_words = described[:-2].split()
        if (
            not after.islower()
            or len(described_words) > MAX_SET_OFF_TITLE_WORDS
            or not any(is_titled(w) for w in described_words)
        ):
            return None
        return run, title or described[:-2]
    return None


def apposed_subject(text: str, words: list[Token], found: list[Run]) -> tuple[Run, str] | None:
    """ "Farida Osei, executive director of Hunger Relief Manitoba, put it plainly:": a full name opening the
    clause, its title set off after it by two commas, then the subject's verb in lower case."""
    run = found[0]
    title, name = split_title(run.tokens)
    if run.start != words[0].start or run.possessive or not text.startswith(", ", run.end):
        return None
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return None
    if title is not None and ROLE_LINKS.intersection(title.lower().split()):
        return None  # "The Commissioner for Disaster Management, Dr. X, …": an office, its holder after
    close = text.find(", ", run.end + 2, words[-1].end)
    if close < 0:
        return None
    apposition = text[run.end + 2 : close]
    described = apposition.split()
    if (
        not text[close + 2 : close + 3].islower()
        or text[close + 2 :].split(" ", 1)[0] in _COORDINATORS  # "X, Minister of A, and Y, Minister of B, …"
        or len(described) > MAX_SET_OFF_TITLE_WORDS
        or not any(is_titled(w) for w in described)
        or (is_capitalised(described[0]) and not is_titled(described[0]))
        or names_person(apposition)
    ):
        return None
    return run, prefer_title(title, apposition) or apposition


def inverted_copula(text: str, words: list[Token], found: list[Run]) -> tuple[Run, str | None] | None:
    """ "Also pleased with the plan was Councillor Jane Doe, who chairs the committee:": English inversion,
    what the person felt first, then "was" and the full name, only an apposition after it."""
    pivot = next((i for i, w in enumerate(words) if w.text in _COPULAS), -1)
    if pivot < 1 or any(w.text in (",", ";") for w in words[:pivot]):
        return None
    if any(is_capitalised(w.text) for w in words[1:pivot]):
        return None  # "Also pleased was" reads in lower case up to the verb; "Jane Doe was" is the subject
    run = next((r for r in found if r.start >= words[pivot].end), None)
    if run is None or text[words[pivot].end : run.start].strip() or run.possessive:
        return None
    title, name = split_title(run.tokens)
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return None
    rest = text[run.end : words[-1].end].rstrip(" :")
    if rest and not (rest.startswith(", ") and rest[2:3].islower()):
        return None
    return run, title


def _with_title(run: Run, title: str | None, described: list[str]) -> tuple[Run, str] | None:
    """The run and its title: its own ("Bahnchef"), else the title words before it ("rail chief")."""
    if title is not None:
        return run, title
    titled = [w for w in described if is_titled(w) or w.lower() in TITLE_MODIFIERS]
    return (run, " ".join(titled)) if titled and is_titled(titled[-1]) else None


def opening_role(words: list[Token]) -> str | None:
    """ "Le Ministre d'Etat a évoqué …:", "The minister thanked the crews:": the role that opens the clause.

    An article, then title words (capitalised or not); the word after them is the verb or the title's
    elided complement ("d'Etat"), not a name.
    """
    if len(words) < MIN_FULL_NAME + 1 or words[0].text.lower() not in ARTICLES_BEFORE_ROLE:
        return None
    taken: list[str] = []
    for token in words[1 : 1 + MAX_ROLE_WORDS]:
        if not (is_titled(token.text) or token.text.lower() in TITLE_MODIFIERS):
            break
        taken.append(token.text.lower())
    if not taken or not is_titled(taken[-1]) or len(taken) + 1 >= len(words):
        return None
    following = words[len(taken) + 1].text
    if is_capitalised(following) and not following.lower().startswith(("d'", "d’")):
        return None  # "The Mayor Jane Doe …": a name follows, not a verb
    return " ".join(taken)
