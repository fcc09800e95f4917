"""Two fallbacks at the top of the release: a headline closed by a period, a contact line glued over a title.

A one-line headline closed by a period, over a lede that retells it (SPEC §3): "Port board funds two
electric tugs for the harbour." then "The Port Board has approved …".  The headline rule's scored
choice passes over every sentence, so ``by_period`` is its fallback when no candidate wins: the
first block of the release (only chrome above it) when it is one line of a headline's length, one
sentence, no dateline, not opening with an article nor telling the day ("The Pentagon expressed
concern today …" is a lede), and the block under it is running text at least half as long again
that shares two of its content words.

A contact line on the line above the title with no blank line between ("202-482-4883" over "Locke
Statement on …", as a filing's table masthead is pasted): ``split_top_lines`` sets it apart before
the headline is chosen, after a filing's exhibit number (``issuer_lines.split_exhibits``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pressconv.readers.blocks import PARAGRAPH, Work
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.lexicon import SENTENCE_OPENERS
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.press_furniture import CONTACT_DETAILS
from pressconv.readers.rules.cover_note import cover_note
from pressconv.readers.rules.dateline import find_dateline
from pressconv.readers.rules.issuer_lines import split_exhibits

_MIN_WORDS = 6
_MAX_WORDS = 18
_MIN_SHARED_WORDS = 2
_LEDE_LONGER = 1.5
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}|\d[\d.,]*")
_CLOSING_MARKS = '"”»“’'
# When a lede tells the day ("… expressed concern today …", "… on Tuesday evening"); a headline leaves it out.
_NEWS_DAY = frozenset(
    {"today", "yesterday", "tonight", "heute", "gestern", "hoy", "ayer", "aujourd'hui", "oggi"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}
    | {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
    | {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"}
)

Score = Callable[[Work, list[Work], int], tuple[float, str]]


def by_period(
    works: list[Work],
    content: list[int],
    evidence: list[str] | None,
    body_like: Callable[[Work], bool],
    score: Score,
    chrome: Callable[[float, str], bool],
) -> int | None:
    """The index of a headline closed by a period at the top of the release, or None.

    ``body_like`` tells running text, ``score`` and ``chrome`` (the headline rule's) whether a block
    above the candidate is chrome only.
    """
    top = content[cover_note(works, content) :]
    at = next((n for n, i in enumerate(top) if body_like(works[i])), None)
    if at is None or at + 1 >= len(top):
        return None
    work, lede = works[top[at]], works[top[at + 1]]
    if work.kind != PARAGRAPH or work.hint is not None:
        return None
    shared = period_headline(work.lines, lede.text)  # cheap, so before body_like (the answer is the same)
    if (
        shared < _MIN_SHARED_WORDS
        or not body_like(lede)
        or not all(chrome(*score(works[i], [], 0)) for i in top[:at])
    ):
        return None
    work.reason = (
        f"headline: one line closed by a period ({len(work.text.split())} words, one sentence, no article"
        f" or day) over a longer lede retelling it ({shared} content words shared)"
    )
    if evidence is not None:
        evidence.append(f"  -  headline   rather than derived, {work.reason}")
    return top[at]


def period_headline(lines: list[str], lede: str) -> int:
    """How many content words a one-line headline closed by a period shares with the lede under it;
    0 when the line is not headline-shaped (length, one sentence, no dateline, article or day)."""
    text = lines[0].strip() if len(lines) == 1 else ""
    words = text.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or len(lede.split()) < _LEDE_LONGER * len(words):
        return 0
    if not text.endswith(".") or text.endswith("..") or text[-2:-1] in _CLOSING_MARKS or ": " in text:
        return 0
    if not (text[:1].isupper() or text[:1].isdigit()) or sentence_ends(text[:-1]) or find_dateline(text):
        return 0
    if words[0].lower() in SENTENCE_OPENERS or any(w.lower().strip(",.") in _NEWS_DAY for w in words):
        return 0  # "The Pentagon expressed concern today …": a lede's article and day, not a headline's
    own = {w.lower() for w in _CONTENT_WORD.findall(text)}
    return len(own & {w.lower() for w in _CONTENT_WORD.findall(lede)})


_TOP_BLOCKS = 12  # the blocks at the top where a masthead's contact line may stand over the title
_MAX_CONTACT_WORDS = 4
_MIN_TITLE_WORDS = 5


def split_top_lines(works: list[Work]) -> None:
    """A filing's exhibit number, then a contact line over a title in one top block: their own blocks."""
    split_exhibits(works)
    for at, work in enumerate(works[:_TOP_BLOCKS]):
        if work.kind != PARAGRAPH or work.hint is not None or work.aside or len(work.lines) != 2:
            continue
        contact, title = work.lines
        if _contact_line(contact) and _title_line(title):
            line = Work(text=contact, lines=[contact], hint="paragraph", aside=True)
            line.reason = "a contact line (phone, e-mail or web address) glued over a title: kept as text"
            work.lines, work.text = [title], title
            works.insert(at, line)
            return


def _contact_line(line: str) -> bool:
    return len(line.split()) <= _MAX_CONTACT_WORDS and CONTACT_DETAILS.search(line) is not None


def _title_line(line: str) -> bool:
    """A title's shape: capitalised, five words or more, no contact detail, no sentence's end."""
    words = line.split()
    return (
        line[:1].isupper()
        and len(words) >= _MIN_TITLE_WORDS
        and not ends_sentence(line)
        and CONTACT_DETAILS.search(line) is None
    )
