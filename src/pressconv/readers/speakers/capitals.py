"""Names written in capitals where a paragraph opens: read as the names they are while speakers are found.

Meetings coverage (the UN's, a parliament's) opens each speaker's paragraph with
the name in capitals, then the office: "JANE DOE-SMITH, Under-Secretary-General
for Humanitarian Affairs, said that …".  The name readers take a word in
capitals for an acronym ("UNICEF", "DOD"), so no one would be named there and a
later "she said" would find no one.  While the speaker rule runs, such a name is
read in its ordinary case ("Jane Doe-Smith": the same length, so every position
holds); the text is given back afterwards, and the attribution clauses quote it
as written.  SPEC: the speaker is the person's name, so it is given as a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pressconv import lazy_re
from pressconv.readers.blocks import PARAGRAPH, QUOTE, Work
from pressconv.readers.speakers.names import appositive_title
from pressconv.readers.speakers.words import is_titled

# Two to five words in capitals (hyphens and apostrophes inside) opening the paragraph, then a comma.
_WORD = "[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’'-]*[A-ZÀ-ÖØ-Þ]"
_CAPITALS_NAME = lazy_re.compile(f"(?:{_WORD} ){{1,4}}{_WORD}(?=, )")
# How far into a paragraph the comma closing an opening clause may stand ("Briefing the Council, JANE …").
_OPENING_CLAUSE = 80


def _in_ordinary_case(capitals: str) -> str:
    """ "VALLADARES-NKEMELU" -> "Valladares-Nkemelu", "O'NEILL" -> "O'Neill"."""
    return capitals.title().replace("’S ", "’s ").replace("'S ", "'s ")


def _named_in_capitals(text: str, at: int = 0) -> str | None:
    """The name in capitals at ``at`` (the paragraph's opening, or after its opening clause: "Briefing the
    Council, JANE DOE-SMITH, Assistant …, said") when an office follows it in apposition, else None."""
    match = _CAPITALS_NAME.match(text, at)
    if match is None:
        return None
    apposition = appositive_title(text, match.end())
    if apposition is None or not any(is_titled(word) for word in apposition.split()[:2]):
        return None  # "GENEVA, 3 December —", "NEW YORK, Dec. 3": a dateline, no office after the name
    if not text.startswith(f", {apposition},", match.end()):
        return None  # "NEW YORK, Prime Minister Jane Doe said …": no apposition set off by its commas
    return match.group()


@contextmanager
def names_in_ordinary_case(works: list[Work]) -> Iterator[None]:
    """While the block runs, each paragraph or quote opening with a name in capitals reads it in ordinary
    case; afterwards the text is as written again, and so are the attribution clauses found in it."""
    changed: list[tuple[Work, int, str, str]] = []
    for work in works:
        if work.kind not in (PARAGRAPH, QUOTE):
            continue
        text = work.text
        at = 0 if text[:2].isupper() else text.find(", ", 0, _OPENING_CLAUSE) + 2
        if at == 1 or not text[at : at + 2].isupper():
            continue  # no name in capitals opens the paragraph or follows its opening clause: no call
        capitals = _named_in_capitals(text, at)
        if capitals is None:
            continue
        ordinary = _in_ordinary_case(capitals)
        if len(ordinary) != len(capitals):
            continue  # a letter whose case changes its length: positions would not hold
        changed.append((work, at, capitals, ordinary))
        work.text = work.text[:at] + ordinary + work.text[at + len(capitals) :]
    try:
        yield
    finally:
        for work, at, capitals, ordinary in changed:
            work.text = work.text[:at] + capitals + work.text[at + len(capitals) :]
            _as_written(work, capitals, ordinary)


def _as_written(work: Work, capitals: str, ordinary: str) -> None:
    """The block's attribution clauses (and the reasons quoting them) with its name as the text writes it."""

    def clause(value: str) -> str:
        return value.replace(ordinary, capitals)

    def reason(value: str) -> str:
        return value.replace(f'"{ordinary}', f'"{capitals}')

    if work.attribution:
        work.attribution = clause(work.attribution)
    work.speaker_reason = reason(work.speaker_reason)
    if work.partial:
        work.partial = tuple(
            p._replace(clause=clause(p.clause) if p.clause else p.clause, reason=reason(p.reason))
            for p in work.partial
        )
