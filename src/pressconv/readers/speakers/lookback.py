"""Pronoun look-back: the person a pronoun (or a subjectless verb) of a quote's attribution means.

The first person, not in a possessive, named outside quotations in the nearest
preceding sentence that names one, within a few blocks; a person known to be
of the other gender is passed over; a sentence whose subject is a role its one
holder speaks in ("The Minister said …") is about that person.  Mentions are
read per block on first use (``MentionCache``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from pressconv.readers.blocks import PARAGRAPH, QUOTE, Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.name_runs import is_name, runs, sentence_ends, split_title, surname
from pressconv.readers.speakers.attribution import clause_in
from pressconv.readers.speakers.clause import ARTICLES_BEFORE_ROLE
from pressconv.readers.speakers.people import PersonIndex
from pressconv.readers.speakers.roles import LOOKBACK_BLOCKS
from pressconv.readers.speakers.words import unquoted_stretches

# "Narayan-Cole and her co-author", "Smith and his team": a possessive just after a surname is theirs.
_OWNER = re.compile(r"([A-ZÀ-Ý][\w’'-]+) (?:and|with) (her|his) ")


def _may_own(text: str) -> bool:
    """Whether ``_OWNER`` can match in ``text``: every match holds " her " or " his "."""
    return " her " in text or " his " in text


class Mention(NamedTuple):  # a tuple: built by the thousand in pronoun look-back, cheaper than a dataclass
    """A person named in a block: where, their full name, whether only as a possessive."""

    position: int
    name: str
    possessive: bool


@dataclass(slots=True)
class MentionCache:
    """Person mentions per block, looked up on first use.

    Pronoun look-back reads a few blocks, sentence by sentence from the end, and stops at the
    first sentence that names a subject: a name is checked against the person index (which may
    read more of the text) only when the look-back reaches it.
    """

    index: PersonIndex
    works: list[Work]
    cache: dict[tuple[int, int], Mention | None] = field(default_factory=dict)
    owned: dict[str, str] = field(default_factory=dict)
    """Per full name, the gender a possessive right after it shows ("Doe and her co-author"), or ""."""

    def possessive_gender(self, full_name: str) -> str:
        """ "f" when the text says "Narayan-Cole and her co-author", "m" for "Smith and his team", else ""."""
        if full_name not in self.owned:
            last = full_name.rsplit(" ", 1)[-1]
            # a match holds " her " or " his ": a text without either is not searched (most are not)
            owners = (
                m for w in self.works if last in w.text and _may_own(w.text) for m in _OWNER.finditer(w.text)
            )
            owner = next((m.group(2) for m in owners if m.group(1) == last), "")
            self.owned[full_name] = {"her": "f", "his": "m"}.get(owner, "")
        return self.owned[full_name]

    def sentences(self, number: int) -> list[tuple[int, list[tuple[int, tuple[str, ...], bool]]]]:
        """(sentence end, names in it as (start, words, possessive)) for each sentence of a block.

        Only names outside quotations, in order; ``mention`` says which of them is a known person.
        """
        work = self.works[number]
        ends, named = _sentence_names(work.text, work.spans)
        grouped: list[tuple[int, list[tuple[int, tuple[str, ...], bool]]]] = [(end, []) for end in ends]
        for slot, start, name, possessive in named:
            grouped[slot][1].append((start, name, possessive))
        return grouped

    def role_subject(self, number: int, start: int, end: int) -> str | None:
        """The one holder of the role that is a sentence's speaking subject ("The Minister said …")."""
        text = self.works[number].text
        first = text[start:end].lstrip(" \t\n\"“”„«»")
        if first.split(" ", 1)[0].lower() not in ARTICLES_BEFORE_ROLE:
            return None  # most sentences open with no article: no clause to read
        clause = clause_in(text, start, end)
        if clause is None or not clause.role or clause.pronoun:
            return None
        holders = self.index.holders(clause.role)
        return holders[0] if len(holders) == 1 else None

    def mention(self, number: int, start: int, name: tuple[str, ...], possessive: bool) -> Mention | None:
        """The person the name at ``start`` of block ``number`` names, in full; None if not a known one."""
        key = (number, start)
        if key in self.cache:
            return self.cache[key]
        found = None
        if self.index.knows(surname(name)):
            full, _ = self.index.resolve(name, number)
            found = Mention(start, full, possessive)
        self.cache[key] = found
        return found


@per_document(maxsize=4096)  # a pure function of the block's text and quotation marks
def _sentence_names(
    text: str, spans: tuple[tuple[int, int], ...]
) -> tuple[list[int], list[tuple[int, int, tuple[str, ...], bool]]]:
    """The block's sentence ends, and each name outside quotations: (sentence, start, words, possessive)."""
    ends = sentence_ends(text) or [len(text)]
    if ends[-1] < len(text):
        ends.append(len(text))
    named: list[tuple[int, int, tuple[str, ...], bool]] = []
    for start, stop in unquoted_stretches(text, spans):
        for run in runs(text, start, stop):
            _title, name = split_title(run.tokens)
            if is_name(name):
                slot = min(bisect_right(ends, run.start), len(ends) - 1)
                named.append((slot, run.start, name, run.possessive))
    return ends, named


def antecedent(
    number: int,
    position: int,
    works: list[Work],
    mentions: MentionCache,
    gender: str,
    genders: dict[str, str],
) -> tuple[str, int] | None:
    """The first non-possessive person of the nearest preceding sentence that names one.

    A person already known to be of the other gender (from an honorific or an
    earlier pronoun) is passed over, so "she added" after "he said" looks further.
    """

    def fits(name: str) -> bool:
        if not gender:
            return True
        known = genders.get(name, "") or mentions.possessive_gender(name)
        return not known or known == gender

    fallback: tuple[str, int] | None = None
    limit = _participle_start(works[number].text, position, mentions.sentences(number))
    for back in range(number, max(-1, number - LOOKBACK_BLOCKS - 1), -1):
        work = works[back]
        if work.kind not in (PARAGRAPH, QUOTE):
            continue
        sentences = mentions.sentences(back)
        for slot in range(len(sentences) - 1, -1, -1):
            end, named = sentences[slot]
            # the first known person of the sentence who is not a possessive; else the first one at all
            for start, name, possessive in named:
                if back == number and start >= limit:
                    continue
                mention = mentions.mention(back, start, name, possessive)
                if mention is None or not fits(mention.name):
                    continue
                if not mention.possessive:
                    return mention.name, back
                if fallback is None:
                    fallback = (mention.name, back)
            if (back != number or end <= position) and not any(
                mentions.mention(back, start, name, possessive) for start, name, possessive in named
            ):
                # "Die Oberbürgermeisterin betonte, dass …": a sentence whose subject is a role its one
                # holder speaks in is about that person
                start = sentences[slot - 1][0] if slot else 0
                holder = mentions.role_subject(back, start, end)
                if holder is not None and fits(holder):
                    return holder, back
        if back != number and work.kind == QUOTE and work.speaker and fits(work.speaker):
            return work.speaker, back
    return fallback


def _participle_start(text: str, position: int, sentences: Sequence[tuple[int, object]]) -> int:
    """Where the pronoun's own sentence starts when it opens with a participle clause, else ``position``.

    "Speaking beside Chief Inspector Jane Doe, he thanked …": the participle's subject is the pronoun,
    so no one named inside that clause is who the pronoun means.
    """
    start = max((end for end, _people in sentences if end <= position), default=0)
    head = text[start:position].lstrip(" \"“”„«»")
    first = head.split(" ", 1)[0]
    if first[:1].isupper() and first.lower().endswith("ing") and head.rstrip().endswith(","):
        return start
    return position
