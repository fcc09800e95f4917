"""Rule: the questions of an FAQ or a Q&A -> section headings.

A questions-and-answers page titles each answer with its question: a
one-line question ("Who is eligible for housing assistance?", "Q: Can I still
apply?") standing alone above its answer.  One lone question in a story is
rhetorical and stays a paragraph; two or more question lines each followed by
an answer, or any question marked "Q:", make the text an FAQ and each question
a heading.  A briefing transcript, whose answers open with a speaker's label
("Spokesperson: …"), keeps its questions as text.  When the text marks its
questions with "Q:", only the marked lines count.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import HEADING, LIST, PARAGRAPH, QUOTE, Work
from pressconv.readers.quote_marks import starts_with_mark
from pressconv.readers.worklist import WorkList

_MARKED = re.compile(r"^(?:Q|F|Question|Frage|Pregunta|Pergunta)\s*[:.)]\s+\S")
_ANSWER = lazy_re.compile(r"^(?:A|R|Answer|Antwort|Respuesta|Réponse|Resposta)\s*[:.)]\s+\S")
_SPEAKER_LABEL = lazy_re.compile(r"^[A-ZÀ-Ý][\w.’' -]{1,40}:\s+\S")
_MAX_WORDS = 25
_MAX_CHARS = 300
_MARK_INITIALS = frozenset("QFP")
_MIN_UNMARKED = 2
_MAX_SUBHEAD_WORDS = 12


def apply(work: WorkList) -> None:
    """Mark the FAQ's question lines as headings."""
    blocks = work.blocks
    found: list[int] = []
    for i in range(work.body_start(), len(blocks)):
        text = blocks[i].text
        if text[-1:] != "?" and text[:1] not in _MARK_INITIALS:
            continue  # the common case, decided on two characters before any call
        if _question_line(blocks[i]) and _answered(blocks, i):
            found.append(i)
    marked = [i for i in found if _MARKED.match(blocks[i].text)]
    chosen = marked or (found if len(found) >= _MIN_UNMARKED else [])
    lone = not chosen and len(found) == 1 and _subhead(blocks, found[0])
    for i in chosen if chosen else found if lone else []:
        block = blocks[i]
        block.kind = HEADING
        if lone:
            block.reason = "a short question line over the text that answers it: a question subhead"
            continue
        how = "marked Q:" if marked else f"one of {len(found)} question lines each followed by its answer"
        block.reason = f"a question of a Q&A ({how}): a heading"


def _subhead(blocks: list[Work], i: int) -> bool:
    """ "What happens next?", "Wat kan er met het geld?": one short question line titling what follows.

    It stands between paragraphs of running text (not at the end, not under a
    quotation), and the text under it is a paragraph or a list, not a quotation.
    """
    words = blocks[i].text.split()
    return (
        len(words) <= _MAX_SUBHEAD_WORDS
        and words[0][:1].isupper()
        and i > 0
        and blocks[i - 1].kind in (PARAGRAPH, LIST, HEADING)
        and not starts_with_mark(blocks[i - 1].text)
        and blocks[i + 1].kind in (PARAGRAPH, LIST)
        and not starts_with_mark(blocks[i + 1].text)
    )


def _question_line(block: Work) -> bool:
    text = block.text
    asks = text.endswith("?")
    if not (asks or text[:1] in _MARK_INITIALS) or len(text) > _MAX_CHARS:
        return False  # the common case, decided on two characters
    if not asks and not _MARKED.match(text):
        return False  # "Funding", "Pentagon officials …": a capital Q, F or P opening no marked question
    if block.kind not in (PARAGRAPH, HEADING) or block.hint is not None or not block.one_line:
        return False
    return not starts_with_mark(text) and len(text.split()) <= _MAX_WORDS


def _answered(blocks: list[Work], i: int) -> bool:
    """The block after the question is its answer: body text that is not another question."""
    if i + 1 >= len(blocks):
        return False
    after = blocks[i + 1]
    if after.kind not in (PARAGRAPH, LIST, QUOTE):
        return False
    if _ANSWER.match(after.text):
        return True
    if _SPEAKER_LABEL.match(after.text):
        return False  # "Spokesperson: …" answers: a briefing transcript, whose questions are its text
    return not after.text.rstrip().endswith("?")
