"""A headline line with its dek on the very next line (no blank line between): two blocks, not one.

Web pages pasted as text put the page's title and its summary on consecutive
lines; PDFs set a wrapped title over a one-sentence dek.  The reader joins
lines that touch into one paragraph, so the pair arrives as one block of two or
three lines.  It is one headline wrapped in two when the second line carries
on the phrase (a lower-case start, a preposition or article left dangling at
the end of the first line, capitals carried on), and a headline over a dek
when the second line starts something new: a capital after a complete first
line, in sentence case, where the first line is no wrap at all (the second
line's first word would have fitted on it) or the second line opens with a
capitalised article ("The", "Le", "Die", "El" begin sentences, not the middle
of a title).  German capitalises its nouns, so a capital alone proves nothing;
the width and the article do.
"""

from __future__ import annotations

from pressconv.readers.blocks import PARAGRAPH, Work
from pressconv.readers.dates import find_date
from pressconv.readers.heading_shape import first_letter, title_case
from pressconv.readers.lexicon import DANGLING_WORDS, SENTENCE_OPENERS
from pressconv.readers.press_furniture import is_date_line
from pressconv.readers.rules.dateline import find_dateline
from pressconv.readers.rules.headline_shape import date_stamp, has_verb, headline_over_dek, place_and_date

REPEATED = "the headline again (a page's title repeated): kept as text, not the dek"

# Line ends that leave the phrase open: a comma, a colon (a kicker), a dash, a slash.
_OPEN_ENDS = (",", ":", ";", "-", "–", "—", "/", "&", "(", ".")
# A balanced (hand-broken) title may put a few more characters on its second line.
_SLACK = 3
# A line that opens with a figure or a currency sign has no case to tell a sentence's start by.
_FIGURE_STARTS = frozenset("0123456789£€$")
# A line that stands as a headline of its own, not the first half of a title broken by hand.
_MIN_LINE_BEFORE_NAME = 45
_MIN_HEADLINE_WORDS = 4
_MIN_DEK_WORDS = 5  # a clause, not a label ("Apprenticeships") or a name
_MAX_LINES = 4
_MAX_PART_LINES = 2  # a headline, or a dek, hard-wrapped in two lines at most
_MAX_HEADLINE_WORDS = 25  # the headline rule's: more words than this are no one headline


def split_under_headline(works: list[Work], at: int) -> Work | None:
    """The chosen headline block's second part, split off as a block of its own; the dek if by shape.

    "TRANSPORT MINISTRY ANNOUNCES …" over "New trains for northern routes", a wrapped title over
    a sentence starting anew: two blocks, not one; so is a title over its date stamp ("Issued
    07/12/2031 at 06:00") or over itself again.  Returns the split-off block when its shape (see
    ``dek_break``) makes it the dek, else None.
    """
    first = works[at]
    if first.hint is not None:
        return None
    stamped = len(first.lines) == 2 and date_stamp(first.lines[1])
    repeated = len(first.lines) == 2 and same_text(first.lines[0], first.lines[1])
    k = None if stamped or repeated else dek_break(first.lines)
    by_shape = k is not None
    if k is None and len(first.lines) == 2 and (stamped or repeated or headline_over_dek(first.lines)):
        k = 1
    if k is None:
        return None
    rest = first.lines[k:]
    dated = len(rest) == 1 and is_date_line(rest[0])
    dek = Work(text=" ".join(rest), lines=rest, date_line=dated, aside=dated or stamped)
    if dek.date_line:
        dek.reason = "date line under the headline: kept as text, its date -> metadata.date"
    elif stamped:
        dek.reason = "a date stamp under the headline (issued, updated …): kept as text"
    elif repeated:
        dek.hint, dek.aside, dek.reason = "paragraph", True, REPEATED
    first.lines = first.lines[:k]
    first.text = " ".join(first.lines)
    works.insert(at + 1, dek)
    return dek if by_shape else None


def dek_parts(work: Work) -> tuple[Work, Work] | None:
    """A plain block of two to four lines as its headline and its dek, when the dek starts anew."""
    if work.kind != PARAGRAPH or work.hint is not None:
        return None
    k = dek_break(work.lines)
    if k is None:
        return None
    head, dek = work.lines[:k], work.lines[k:]
    return Work(text=" ".join(head), lines=head), Work(text=" ".join(dek), lines=dek)


def same_text(a: str, b: str) -> bool:
    """The same words, whatever the spacing and case."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def dek_break(lines: list[str]) -> int | None:
    """Where the headline ends and its dek begins in a block of two to four lines, or None.

    ``lines[:k]`` is the headline (one line or two hard-wrapped), ``lines[k:]``
    the dek; every other line break in the block is a wrap.
    """
    if not 2 <= len(lines) <= _MAX_LINES:
        return None
    for k in range(len(lines) - 1, 0, -1):  # a wrapped headline over a one-line dek first
        head, dek = lines[:k], lines[k:]
        if len(head) > _MAX_PART_LINES or len(dek) > _MAX_PART_LINES:
            continue
        if sum(len(line.split()) for line in head) < _MIN_HEADLINE_WORDS:
            continue
        if sum(len(line.split()) for line in dek) < _MIN_DEK_WORDS:
            continue
        anew = _starts_anew(head, dek[0], _width(lines)) or _second_title(head, dek)
        if anew and _wrapped(head) and _wrapped(dek) and not _dated(" ".join(head), dek[0]):
            return k
    return None


def _dated(head: str, dek: str) -> bool:
    """A lede's dateline or a place and date line, not a headline over its dek.

    "Harlow, 3 March 2027" over the lede; "SALTON, Ore. (May 2, 2032) – Officers with the Salton
    County Sheriff" over the rest of its wrapped lede (every word capitalised by chance).
    """
    return (
        find_dateline(head) is not None
        or find_dateline(dek) is not None
        or is_date_line(head)
        or place_and_date(head)
    )


def _second_title(head: list[str], dek: list[str]) -> bool:
    """A Title Case dek with its own verb under a complete Title Case headline, too long to be one.

    "General Assembly Adopts Budget for Peacekeeping Operations …, Approving Funds for Twelve
    Missions over Two Years" over "Delegates Warn Late Payments …": a meetings-coverage headline
    and its subhead.
    """
    last, line = head[-1].rstrip(), dek[0]
    return (
        len(dek) == 1
        and sum(len(part.split()) for part in (*head, line)) > _MAX_HEADLINE_WORDS
        and not last.endswith(_OPEN_ENDS)
        and last.rsplit(None, 1)[-1].lower() not in DANGLING_WORDS
        and not line.isupper()
        and title_case(line, share=1.0)
        and title_case(" ".join(head), share=1.0)
        and has_verb(line)
    )


def _width(lines: list[str]) -> int:
    """The least width the lines were wrapped at, were they one paragraph."""
    return max(len(line) for line in lines)


def _wrapped(lines: list[str]) -> bool:
    """Each line of a headline (or a dek) carries on from the one above it."""
    width = _width(lines)
    return not any(_starts_anew(lines[: j + 1], lines[j + 1], width) for j in range(len(lines) - 1))


def _starts_anew(head: list[str], line: str, width: int) -> bool:
    """The line after ``head`` starts something new: it is no wrap of the headline's last line."""
    last = head[-1].rstrip()
    if not last or not line or last.endswith(_OPEN_ENDS):
        return False
    if last.rsplit(None, 1)[-1].lower().strip("’'\"”“«»") in DANGLING_WORDS:
        return False  # "… cycle lanes along the" / "Harlow Road towpath …": the phrase goes on
    if line[:1] in _FIGURE_STARTS:
        # "£24 million grant …", "180 new posts …": no case to read, only the width; not a list's
        # item ("1. …", "2) …") nor a date opening a lede ("4 June 2031 – …")
        first_word = line.split(None, 1)[0]
        if line.isupper() or (first_word.rstrip(".)").isdigit() and first_word[-1:] in ".)"):
            return False
        found = find_date(line)
        if found is not None and found[1] == 0:
            return False
        return len(last) + 1 + len(first_word) + _SLACK <= width
    if not line[:1].isupper() or line.isupper() or title_case(line, share=1.0):
        return False  # a lower-case start, a quotation mark, capitals or Title Case carried on
    joined = " ".join(head)
    if joined.isupper() or title_case(joined, share=1.0):
        return True  # capitals or Title Case over a line in sentence case
    first_word = line.split(None, 1)[0]
    if first_word.lower() in SENTENCE_OPENERS or first_word.lower().startswith(("l’", "l'")):
        return True  # "… pistes cyclables" / "La première section …": a sentence begins
    opening = line.split(None, 2)
    if len(opening) > 1 and first_letter(opening[1]).isupper() and len(last) < _MIN_LINE_BEFORE_NAME:
        # "Harbour council agrees to sell" / "Victoria Pier to a heritage trust …": a short line over a
        # name may be a title broken by hand before its object
        return False
    # The first line is no wrap: the second line's first word would have fitted on it.
    return len(last) + 1 + len(first_word) + _SLACK <= width
