"""The attribution record, and the limits and tables both halves of the attribution grammar share.

``Attribution`` is what ``attribution`` (subject first: "Smith said", "she
added") and ``verb_first`` ("said Smith", "sagte der Bürgermeister") find next
to a quotation; ``resolution`` binds it to a person.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pressconv.readers.lexicon import ORGANISATION_KINDS

EDGE_PUNCT = " ,;:.!?—–-\u00a0"

# A title set off by a comma before the name may run to this many words.
MAX_SET_OFF_TITLE_WORDS = 10

MIN_FULL_NAME = 2

MIN_ROLE_CLAUSE = 2

ARTICLES_BEFORE_ROLE = frozenset({"the", "la", "le", "el", "die", "der", "l’", "l'", "il", "lo", "het"})

MAX_ROLE_WORDS = 4

# Words that tie a role's title word to what it heads ("the head of government", "la ministra de Salud").
ROLE_LINKS = frozenset({"of", "for", "de", "do", "da", "del", "du", "des", "au", "aux", "von", "für"})


# A named tuple: built in one step, where a frozen dataclass sets its ten fields one by one.
class Attribution(NamedTuple):
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
    implied: bool = False
    """A speech verb with no subject at all ("«…», afirmou."): the person spoken of just before."""
    organisation: str | None = None
    """For "the club said": the kind of organisation the text says spoke."""
    held: bool = False
    """The role counts only where the text names who holds it; it never refers back like a pronoun
    ("The Landrat thanked Captain X:" with no Landrat named is no one's)."""

    @property
    def points_to_someone(self) -> bool:
        """True when the clause names, or refers back to, one person (not "the company said")."""
        return bool(self.name or self.pronoun or self.role or self.implied)


def role_head(role: str) -> str:
    """The title word of a role: its last word, or the word before its link ("head of government" -> head)."""
    words = role.split()
    linked = next((i for i, w in enumerate(words) if i and w in ROLE_LINKS), len(words))
    return words[linked - 1]


def organisation_kind(described: list[str]) -> str | None:
    """ "the club", "the company", "l'entreprise": the kind of organisation a definite description names."""
    if not described:
        return None
    last = described[-1].lower().strip(".,;:!?")
    elided = _ELIDED.match(last)
    if elided is not None:
        kind = last[elided.end() :]  # "l'entreprise": the article written onto the noun
    elif len(described) < MIN_ROLE_CLAUSE or described[-2].lower() not in _ORGANISATION_ARTICLES:
        return None
    else:
        kind = last
    return kind if kind in ORGANISATION_KINDS else None


_ORGANISATION_ARTICLES = frozenset({"the", "la", "le", "el", "der", "die", "das"})
_ELIDED = re.compile("^l[’']")
