"""A speaker's own apposition written without its commas: the name before a title, or an "of …" after it.

"Jane Smith, Chairman, President and CEO of Acme said": the run just before the
verb is "President and CEO of Acme" -- a title heading an organisation -- and
the closing comma is missing, so the person is the name before the titles
("Jane Smith"), not "Acme".  "Inspector Frank Hall of the Northern District,
said": the run before the comma carries the name and its "of …" phrase with no
comma between them, so the name speaks.  A participle phrase closing an apposition
(", speaking by video link,") is no part of the subject either.
"""

from __future__ import annotations

import re

from pressconv.readers.name_runs import Run, Token, is_name, runs, split_title
from pressconv.readers.speakers.clause import MIN_FULL_NAME
from pressconv.readers.speakers.words import is_organisation

# A title that heads what follows: "CEO of", "Minister for", "Director at".
_TITLE_LINKS = frozenset({"of", "for", "at"})
_MAX_TITLES = 4
_MAX_GAP_WORDS = 3
# Generational suffixes that may follow a name after a comma ("Lester W. Young, Jr.").
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_POSSESSIVE_ENDS = frozenset({"’s", "'s", "’", "'"})


def _person(run: Run) -> tuple[str | None, tuple[str, ...]] | None:
    """(title, name) when ``run`` is a person's full name, with or without a title; else None."""
    title, name = split_title(run.tokens)
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return None
    return title, name


def holder_before_titles(text: str, start: int, run: Run) -> Run | None:
    """The person named before a list of titles that ends in ``run`` ("CEO of Acme"), or None.

    ``run`` must open with a title that heads what follows ("CEO of") and stand
    right after ", "; stepping back over bare titles set off by commas
    ("Chairman, "), the first run that is a person's full name is the holder.
    """
    title, _name = split_title(run.tokens)
    if title is None or title.split()[-1].lower() not in _TITLE_LINKS:
        return None
    current = run
    for _ in range(_MAX_TITLES):
        comma = current.start - 2
        if comma < start or text[comma : current.start] != ", ":
            return None
        found = runs(text, start, comma)
        if not found or found[-1].end != comma:
            return None
        current = found[-1]
        if _person(current) is not None:
            return current
        if split_title(current.tokens)[1]:
            return None  # a name that is no person's (an organisation, a place) stands there
    return None


def name_then_of(text: str, start: int, comma: int) -> tuple[Run, str | None, tuple[str, ...]] | None:
    """ "Inspector Frank Hall of the Northern District, said": the run before the comma that gives a
    person's name and goes on with "of"/"for"/"at" (a few lower-case words may close it); else None."""
    found = runs(text, start, comma)
    if not found:
        return None
    run = found[-1]
    gap = text[run.end : comma].split()
    if len(gap) > _MAX_GAP_WORDS or any(not word.isalpha() or not word.islower() for word in gap):
        return None
    link = text[found[-2].end : run.start].strip() if len(found) > 1 else ""
    if len(found) > 1 and found[-2].possessive and link in _POSSESSIVE_ENDS:
        run = found[-2]  # "Frank Hall of GMP’s Wigan District": the possessive run carries the name
    person = _person(run)
    if person is None:
        return None
    title, name = person
    skipped = len(title.split()) if title else 0
    after = run.tokens[skipped + len(name) :]
    if not after or after[0].lower() not in _TITLE_LINKS:
        return None
    return run, title, name


def suffixed_name(text: str, start: int, suffix: int) -> tuple[Run, str | None, tuple[str, ...]] | None:
    """ "Lester W. Young, Jr. said": the generational suffix at ``suffix`` set off by a comma closes the
    name before it; (run, title, name) of that name, or None."""
    if text[suffix - 2 : suffix] != ", ":
        return None
    found = runs(text, start, suffix - 2)
    if not found or found[-1].end != suffix - 2:
        return None
    person = _person(found[-1])
    return None if person is None else (found[-1], *person)


# "…, Director of X, speaking on behalf of the basin States, said": a participle phrase closing the
# apposition says how the person spoke, not who they are.
_PARTICIPLE_APPOSITION = re.compile(r", [a-z]+ing\b[^,]*$")


def before_participle(text: str, start: int, words: list[Token], k: int) -> int:
    """The index of the comma that opens a participle phrase ending right before ``words[k]`` (", speaking by
    video link"), or 0."""
    participle = _PARTICIPLE_APPOSITION.search(text, start, words[k].start)
    if participle is None:
        return 0
    return next((j for j in range(k - 1, 0, -1) if words[j].start == participle.start()), 0)
