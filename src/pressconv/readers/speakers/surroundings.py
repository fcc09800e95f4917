"""Attributions outside the quote's own paragraph: the paragraph above it or the line below it.

A paragraph ending "Smith said:" introduces the quote under it; the closing
sentences of a paragraph may report the speech a quote below goes on with
("Reyes said the deal …"); a line of its own under a quote, opening with a
dash, signs it ("– The Honourable Jane Doe, Minister of Transport").  Page
furniture a PDF paste leaves between two paragraphs ("Page 2 of 2", the
running header repeated from the top of the first page) stands between a quote
and the block above it without parting them.
"""

from __future__ import annotations

import itertools
import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, HEADING, PAGINATION, PARAGRAPH, Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.name_runs import is_name, runs, sentence_ends, split_title
from pressconv.readers.quote_marks import is_page_line
from pressconv.readers.speakers.attribution import clause_in
from pressconv.readers.speakers.clause import EDGE_PUNCT, Attribution
from pressconv.readers.speakers.people import appositive_title, prefer_title
from pressconv.readers.speakers.words import is_organisation, is_titled

# How many closing sentences of a paragraph may report the speech a quote below goes on with.
_REPORT_SENTENCES = 3

# A line of its own under a quote that opens with a dash and names the speaker.
_SIGN_OFF = re.compile(r"[–—―-]{1,2} ?")

_MAX_SIGN_OFF_WORDS = 16
# A name and title with no dash: a shorter line, the name of two words or more.
_MAX_SIGNATURE_WORDS = 12
_FULL_NAME = 2

# "Quotes attributable to Minister for Transport, Jane Doe:": a line heading the quotes under it.
_ATTRIBUTABLE = lazy_re.compile(
    r"(?:(?:additional|further|more)\s+)?(?:quotes?|quotations?|comments?|remarks?)\s+"
    r"(?:attributable|attributed|to be attributed)\s+to\s+",
    re.IGNORECASE,
)
_MAX_ATTRIBUTABLE_WORDS = 24

# The blocks at the top of a document whose lines a PDF repeats as a running header on every page.
_HEADER_BLOCKS = 3
_MAX_HEADER_WORDS = 12


def running_lines(works: list[Work]) -> frozenset[str]:
    """The short lines of the document's first blocks, spaces collapsed: a running header's candidates."""
    found: set[str] = set()
    for work in works[:_HEADER_BLOCKS]:
        for line in work.lines or [work.text]:
            words = line.split()
            if 0 < len(words) <= _MAX_HEADER_WORDS:
                found.add(" ".join(words))
    return frozenset(found)


def page_furniture(work: Work, running: frozenset[str]) -> bool:
    """True for a block of page headers and footers only: "Page 2 of 2", the running header again."""
    if work.reason is PAGINATION:
        return True  # the block rules already read it as a page number or running head
    if work.kind not in (PARAGRAPH, FURNITURE) or work.spans:
        return False
    lines = work.lines or [work.text]
    page = False
    for line in lines:
        if is_page_line(line.strip()):
            page = True
        elif " ".join(line.split()) not in running:
            return False
    return page


def introduction(work: Work) -> Attribution | None:
    """ "Smith said:" (or "She added:") ending the paragraph just above a quote."""
    if work.kind != PARAGRAPH or not work.text.rstrip().endswith(":"):
        return None
    return _introduced_by(work.text)


@per_document(maxsize=1024)
def _introduced_by(text: str) -> Attribution | None:
    ends = [e for e in sentence_ends(text) if text[e:].strip(EDGE_PUNCT)]
    start = ends[-1] if ends else 0
    return clause_in(text, start, len(text), before_quote=True)


def reported_speech(work: Work) -> Attribution | None:
    """The speaker of the last sentence of a narrative paragraph that reports speech ("Smith said the …").

    Only a person, a pronoun or a role counts: "the company said" names no one.
    """
    if work.kind != PARAGRAPH or work.text.rstrip().endswith(":"):
        return None
    return _reported_in(work.text, work.spans)


@per_document(maxsize=1024)
def _reported_in(text: str, spans: tuple[tuple[int, int], ...]) -> Attribution | None:
    ends = [0, *(e for e in sentence_ends(text) if text[e:].strip(EDGE_PUNCT)), len(text)]
    for start, end in list(itertools.pairwise(ends))[::-1][:_REPORT_SENTENCES]:
        if any(a < end and b > start for a, b in spans):
            return None  # the sentence quotes someone itself: its own attribution, not a report
        found = clause_in(text, start, end)
        if found is not None:
            return found if found.points_to_someone else None
    return None


def attributable_to(work: Work) -> Attribution | None:
    """ "Quotes attributable to Minister for Transport, Jane Doe:": whose words the quotes below are."""
    if work.kind not in (PARAGRAPH, HEADING) or work.spans or not work.text.rstrip().endswith(":"):
        return None
    return _attributable_in(work.text)


@per_document(maxsize=256)
def _attributable_in(text: str) -> Attribution | None:
    lead = _ATTRIBUTABLE.match(text)
    if lead is None or len(text.split()) > _MAX_ATTRIBUTABLE_WORDS:
        return None
    who = text[: len(text.rstrip(" :"))]
    for run in reversed(runs(who, lead.end())):
        title, name = split_title(run.tokens)
        if len(name) >= 2 and is_name(name) and not is_organisation(name):
            # the office before the name ("Minister for Transport,"), or the rank in its run
            before = who[lead.end() : run.start].strip(" ,")
            title = " ".join(p for p in (before, title) if p) or None
            return Attribution(who[lead.end() :], lead.end(), name, title, person=True)
    return None


def sign_off(work: Work) -> Attribution | None:
    """ "– The Honourable Jane Doe, Minister of Transport": a dash, then who said the quote above; or the
    name and title alone on the line ("Jane Doe, Minister of Transport")."""
    if work.kind != PARAGRAPH or work.spans:
        return None
    if _SIGN_OFF.match(work.text) is None:
        return signature_line(work.text)
    return _signed_by(work.text)


def signature_line(text: str) -> Attribution | None:
    """ "Mireille Castagnède-Holm, Commissioner for Climate Resilience": a full name, a comma, a title,
    no closing punctuation -- a line that signs the quote above it as a dash line does."""
    if "\n" in text or text.rstrip()[-1:] in ".!?:;" or len(text.split()) > _MAX_SIGNATURE_WORDS:
        return None
    found = _named_from(text, 0)
    if found is None or not found.title or len(found.name or ()) < _FULL_NAME:
        return None
    return found if any(is_titled(word) for word in found.title.split()) else None


@per_document(maxsize=256)
def _signed_by(text: str) -> Attribution | None:
    dash = _SIGN_OFF.match(text)
    if dash is None or len(text.split()) > _MAX_SIGN_OFF_WORDS:
        return None
    return _named_from(text, dash.end())


def _named_from(text: str, start: int) -> Attribution | None:
    """The person named from ``start`` on, with the title set off after the name, or None."""
    found = runs(text, start)
    if not found or found[0].start != start:
        return None
    title, name = split_title(found[0].tokens)
    rest = text[found[0].end :].strip()
    if not is_name(name) or is_organisation(name) or (rest and not rest.startswith(",")):
        return None
    title = prefer_title(title, appositive_title(text, found[0].end))
    return Attribution(text[start:], start, name, title, person=True)
