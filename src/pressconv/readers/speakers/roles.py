"""Offices -> the people who hold them: a statement's issuer, and "the Chair said" among several holders.

A statement's issuer as written ("The Cabinet Secretary for Water, Hon. Jane
Doe, today") resolves to the first full name in it, else to the one holder of
the office it names.  A role reference ("the delegate said") whose role several
people hold is the one named last before the quote; a role no one is titled
with may be given by a relative clause ("Jane Doe, who chairs the forum").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pressconv import lazy_re
from pressconv.readers.blocks import PARAGRAPH, QUOTE, Work
from pressconv.readers.name_runs import Run, is_name, runs, split_title, surname
from pressconv.readers.speakers.people import PersonIndex
from pressconv.readers.speakers.words import is_organisation, is_titled

LOOKBACK_BLOCKS = 4

_FULL_NAME = 2

# A role and the verb that says someone holds it: "X, who chairs the committee" is the chair.
ROLE_VERBS = {
    "chair": "chairs",
    "chairman": "chairs",
    "chairwoman": "chairs",
    "chairperson": "chairs",
    "head": "heads",
    "leader": "leads",
    "director": "directs",
    "moderator": "moderates",
    "coordinator": "coordinates",
    "manager": "manages",
}
# A few words in brackets after a name ("Rafaela Quintero (Chile), who chairs"): passed over.
_PARENTHESIS_END = lazy_re.compile(r" \([^()]{1,40}\)$")


def issuer_of(issuer: str, index: PersonIndex) -> tuple[str | None, str]:
    """The full name of a statement's issuer as written, or the holder of its role.

    The first full name in it ("The Cabinet Secretary for Water, Hon. Jane Doe, today"; an owner
    such as "Acme Trust's" in "Acme Trust's chief executive Jane Doe" is not one), else the last
    lone name, else the one person the text gives the office it names.
    """
    if issuer.isupper():
        issuer = issuer.title()  # "STATEMENT FROM SENATOR JANE DOE": names are read in their usual case
    found = [run for run in runs(issuer) if not run.possessive]  # not "Acme's"
    people = [part for run in found for part in _joined(run)]
    if len(people) > len(found):
        return None, f'no attribution; the statement "{issuer}" is a joint one: no single speaker'
    named = [split_title(run.tokens)[1] for run in people]
    named = [name for name in named if is_name(name) and not is_organisation(name)]

    full_names = [name for name in named if len(name) >= _FULL_NAME]
    for name in full_names[:1] or named[-1:]:
        full, _ = index.resolve(name, 0)
        return full, f'no attribution; the statement is issued by "{issuer}" -> {full}'
    words = [w.lower().strip(",.") for w in issuer.split()]
    for word in reversed(words):
        if is_titled(word):
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


def _joined(run: Run) -> list[Run]:
    """ "Commissioner Jane Doe and Minister Tom Reyes": one run per titled person it joins with "and"."""
    words = list(run.tokens)
    if "and" not in words:
        return [run]
    cut = words.index("and")
    before, after = tuple(words[:cut]), tuple(words[cut + 1 :])
    if split_title(before)[0] is None or split_title(after)[0] is None:
        return [run]  # "Minister for Fisheries and Ocean Resources": one title, not two people
    return [Run(before, run.start, run.end, False), Run(after, run.start, run.end, False)]


def holder_by_verb(head: str, number: int, works: list[Work], index: PersonIndex) -> tuple[str, int] | None:
    """ "Jane Doe (Chile), who chairs the committee": the person a relative clause gives the role's verb.

    "The Chair said" is the one who chairs, "the director" the one who directs.
    """
    verb = ROLE_VERBS.get(head)
    if verb is None:
        return None
    pattern = re.compile(rf", who (?:also |currently |now )?{verb}\b")
    # the blocks that can hold the clause are found once per document; each quote then walks back over
    # them alone, not over every block before it
    holding = index.verb_blocks.get(verb)
    if holding is None:
        needle = f" {verb}"
        holding = [n for n, w in enumerate(works) if w.kind in (PARAGRAPH, QUOTE) and needle in w.text]
        index.verb_blocks[verb] = holding
    for back in reversed(holding[: bisect_right(holding, number)]):
        text = works[back].text
        for match in pattern.finditer(text):
            before = _PARENTHESIS_END.sub("", text[: match.start()])
            found = runs(before, max(0, len(before) - 80))
            if found and found[-1].end == len(before):
                _title, name = split_title(found[-1].tokens)
                if len(name) >= _FULL_NAME and is_name(name) and not is_organisation(name):
                    return index.resolve(name, back)[0], back
    return None


def nearest_holder(holders: list[str], number: int, index: PersonIndex) -> tuple[str, int] | None:
    """Of several people holding a role, the one named last before the quote, within the look-back.

    "The representative of A, X, said …" then "the representative said" is X, though the text named
    another representative before; two named in the same block leave the reference open.
    """
    # read only after ``index.holders`` found the holders: that reads the whole text into the index
    latest: dict[int, list[str]] = {}
    for name in holders:
        words = tuple(name.split())
        blocks = [
            block
            for form, known in index.strong.get(surname(words), {}).items()
            if all(word in words for word in form)
            for block in known.blocks
            if number - LOOKBACK_BLOCKS <= block <= number
        ]
        if blocks:
            latest.setdefault(max(blocks), []).append(name)
    if not latest:
        return None
    where = max(latest)
    return (latest[where][0], where) if len(latest[where]) == 1 else None
