"""The top of the body -> headline line and dek, or a headline derived from the lede.

A headline line is the first block when it is one short line (≤ 25 words, or
two hard-wrapped lines within that) with no closing sentence punctuation,
followed by more text.  A second such line directly under it is the dek
(subtitle); so is a one-line sentence under the headline when the paragraph
after it opens with a dateline.  Without a headline line the headline is the
lede's first sentence (dateline removed, final period dropped) and the lede
stays in the body.
"""

from __future__ import annotations

from pressconv.readers._blocks import Kind, Work
from pressconv.readers._furniture import is_date_line
from pressconv.readers._headings import ends_sentence, title_case
from pressconv.readers._names import sentence_ends
from pressconv.readers._quotes import starts_with_mark
from pressconv.readers._worklist import WorkList
from pressconv.readers.rules.dateline import find_dateline

MAX_HEADLINE_WORDS = 25
MAX_DEK_WORDS = 35
MAX_DERIVED_WORDS = 30


def _content(works: list[Work]) -> list[int]:
    return [i for i, w in enumerate(works) if w.kind != Kind.FURNITURE and not w.date_line]


def _line_shaped(work: Work, max_words: int) -> bool:
    if work.kind != Kind.PARAGRAPH or work.hint not in (None,) or len(work.lines) > 2:
        return False
    if work.text.endswith(":"):
        return False  # a line ending in a colon introduces what follows
    words = work.text.split()
    return 0 < len(words) <= max_words and any(ch.isalpha() for ch in work.text)


def apply(work: WorkList) -> None:
    """Mark the headline line and dek; a headline the source format marks below other text moves up."""
    if not work.given_title:
        _headline_first(work.blocks)
    if work.source_derived is None or work.given_title:
        find_headline(work.blocks, work.given_title, work.matter.subtitle)


def _headline_first(works: list[Work]) -> None:
    """A headline block below other text (a kicker, a section label) moves to the top of the content.

    The headline rule looks at the first block of content only; the text that
    stood above the source's own headline is body text, never a heading.
    """
    content = _content(works)
    at = next((i for i in content if works[i].hint == "headline"), None)
    if at is None or at == content[0]:
        return
    for i in content:
        if i == at:
            break
        if works[i].hint is None:
            works[i].hint = "paragraph"
    works.insert(content[0], works.pop(at))


def find_headline(works: list[Work], given_title: str | None, given_subtitle: str | None) -> None:
    """Mark the headline line and the dek (kinds ``headline`` and ``subtitle``) when the text has them."""
    content = _content(works)
    if len(content) < 2:
        return
    first = works[content[0]]
    if first.hint is None and len(first.lines) == 2 and _headline_over_dek(first.lines):
        # "TRANSPORT MINISTRY ANNOUNCES …" over "New trains for northern routes": two blocks, not one
        dek = Work(text=first.lines[1], lines=[first.lines[1]], date_line=is_date_line(first.lines[1]))
        if dek.date_line:
            dek.reason = "date line under the headline: kept as text, its date -> metadata.date"
        first.lines, first.text = first.lines[:1], first.lines[0]
        works.insert(content[0] + 1, dek)
        content = _content(works)
    if first.hint == "headline":
        first.kind, first.reason = Kind.HEADLINE, "headline (source format)"
    elif given_title is not None:
        if _same(first.text, given_title) and first.kind == Kind.PARAGRAPH:
            first.kind, first.reason = Kind.HEADLINE, "headline line, the same as the title given"
        else:
            return
    elif (
        _line_shaped(first, MAX_HEADLINE_WORDS)
        and (
            not ends_sentence(first.text) or _title_case_statement(first.text) or _titled_question(first.text)
        )
        and find_dateline(first.text) is None
        and not (starts_with_mark(first.text) and first.text.rstrip()[-1:] in '”"»')
    ):
        first.kind = Kind.HEADLINE
        first.reason = "first block: one short line, no closing punctuation, followed by body text"
        if ends_sentence(first.text):
            first.reason = "first block: one short Title Case line, followed by body text"
    else:
        return
    if len(content) < 3:
        return
    second = works[content[1]]
    after = works[content[2]]
    if second.hint == "subtitle":
        second.kind, second.reason = Kind.SUBTITLE, "subtitle (source format)"
    elif given_subtitle is not None:
        if _same(second.text, given_subtitle) and second.kind == Kind.PARAGRAPH:
            second.kind, second.reason = Kind.SUBTITLE, "dek line, the same as the subtitle given"
    elif (
        _line_shaped(second, MAX_DEK_WORDS)
        and find_dateline(second.text) is None
        and not starts_with_mark(second.text)
    ):
        one_phrase = not sentence_ends(second.text.rstrip(".!?"))
        if not ends_sentence(second.text) and one_phrase and len(second.text.split()) <= MAX_HEADLINE_WORDS:
            second.kind, second.reason = Kind.SUBTITLE, "second short line under the headline: the dek"
        elif after.kind in (Kind.PARAGRAPH, Kind.QUOTE) and find_dateline(after.text) is not None:
            second.kind, second.reason = (
                Kind.SUBTITLE,
                "one-line sentence under the headline, before the dateline",
            )


def _title_case_statement(text: str) -> bool:
    """Every word capitalised, a period at the end ("City Unveils Tree Plan."): a headline, not a lede."""
    if not text.endswith(".") or len(text.split()) < 4 or sentence_ends(text[:-1]):
        return False
    return title_case(text, share=1.0)


def _headline_over_dek(lines: list[str]) -> bool:
    """Two lines at the top that are a headline and a dek, not one headline wrapped in two."""
    first, second = lines
    if ends_sentence(first) or first.endswith((",", ":", ";")) or not second[:1].isupper():
        return False
    return (first.isupper() and not second.isupper()) or len(first) < 50


def _titled_question(text: str) -> bool:
    """ "Is This the End of Cash?" — a Title Case question or exclamation heading the text."""
    return (
        text.endswith(("?", "!"))
        and len(text.split()) >= 3
        and title_case(text)
        and not sentence_ends(text[:-1])
    )


def derive_headline(works: list[Work], dateline: str | None) -> str:
    """A headline from the lede's first sentence (without the dateline)."""
    lede = next((w for w in works if w.kind in (Kind.PARAGRAPH, Kind.QUOTE) and not w.date_line), None)
    if lede is None:
        lede = next((w for w in works if w.kind != Kind.FURNITURE), works[0])
        text = lede.items[0] if lede.kind == Kind.LIST and lede.items else lede.text
    else:
        text = lede.text
    return headline_from_lede(text, dateline)


def headline_from_lede(text: str, dateline: str | None) -> str:
    """The lede's first sentence without its dateline and final period (long ones cut with "…")."""
    if dateline and text.startswith(dateline):
        text = text[len(dateline) :].lstrip() or text
    ends = sentence_ends(text)
    sentence = text[: ends[0]] if ends else text
    sentence = sentence.strip()
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    words = sentence.split()
    if len(words) > MAX_DERIVED_WORDS:
        sentence = " ".join(words[:MAX_DERIVED_WORDS]) + " …"
    return sentence or text


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
