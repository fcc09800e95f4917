"""Unwrapped blocks -> one block per paragraph; a heading line glued on top of a paragraph -> its own block.

SPEC §3 reads a single newline as a wrapped line.  Copy pasted out of email or
a word processor often has no blank lines at all: each paragraph is one long
line.  Hard-wrapped text never has lines much longer than ~80 characters, so a
block with a line over ``LONG_LINE`` characters is read as unwrapped and split
after every line that closes a sentence (or ends in a colon, or is shaped like
a heading) — but never before a line in lower case that goes on the sentence
("…, a Viennese lawyer," / "was the guest …": a comma ends no paragraph).  In
hard-wrapped text a paragraph ends at a short line closing a sentence, and where a
quote paragraph's last quotation closes a line after a sentence's end with a
capitalised line under it (the attribution-led paragraph that follows it in
single-newline wire copy).  A short heading-shaped first line sitting
directly on a much longer wrapped line ("Why it matters" / "Leaks waste …") is
split off too.  List lines are left together for the list rule.

Two shapes stay one block: a label (ending in a colon, or a short title-like
line) fused with the one line of text it labels ("Note for editors:" / "The
full report is …", "About Acme" / "Acme makes …", in either kind of text: the
label belongs to its text, as in "NOTE: Space is limited.") — in unwrapped
text only a one-word or "About …" title counts, as "Why it matters" over its
paragraph line is a subhead —, and a first line
over a roll of short lines that close no sentence (a name over more names and
roles, as under "WHO").

At the top and the foot of the text, a block whose every line is on its own a
shape of furniture ("News Release" / "Release No. 32-117" / "Thursday, April
8, 2032" / "Contact: …"; "SC/HS/4411" / "8 April 2032"; "From:" / "Department
for …" / "Published" / "12 June 2032") is one item per line (``stack_lines``).
A dateline alone on its line ("Ostmark (ots) -") opens the paragraph under it.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import PARAGRAPH, Work
from pressconv.readers.dates import find_date
from pressconv.readers.heading_shape import ends_sentence, heading_shape, is_chrome_line
from pressconv.readers.lexicon import BOILERPLATE_HEADINGS, END_MARKS
from pressconv.readers.press_furniture import is_date_line, is_release_line
from pressconv.readers.rules.dateline import dateline_alone, find_dateline, place_dated
from pressconv.readers.rules.lists import marker
from pressconv.readers.rules.page_items import field_items, field_start
from pressconv.readers.rules.stack_lines import (
    CONTACT,
    contact_item,
    furniture_kind,
    related_list,
    stack_items,
)
from pressconv.readers.worklist import WorkList

# "About …" in the languages of the boilerplate headings, and Dutch, Nordic and Polish ("Over …", "Om …").
_ABOUT_OPENINGS = (*BOILERPLATE_HEADINGS, "over ", "om ", "o ")
LONG_LINE = 100
_GLUED_RATIO = 0.6
_GLUED_MIN_NEXT = 40
_GLUED_MIN_WRAPPED = 55
_MIN_WRAPPED_LINES = 4
_MIN_WRAP_WIDTH = 50
_SHORT_LINE = 0.7
_TRAILING_MARKS = '”’"»)] '
# A wire service's name alone on a line: "PRNewswire", "/PRNewswire/", "BUSINESS WIRE", "GLOBE NEWSWIRE".
_WIRE_NAME = lazy_re.compile(
    r"^[/(]?\s*(?:PR ?Newswire|Business ?Wire|Globe ?Newswire|Accesswire|Newsfile|Cision|EIN Presswire"
    r"|Marketwired|PRWeb|Newswire|JCN Newswire|ACN Newswire)\s*[/)]?$",
    re.IGNORECASE,
)
_MIN_CAPS_WORDS = 3
_MAX_END_MARK = 12
_DATE_REACH = 20
_MAX_DATE_LINE = 60
_MIN_CAPS_LETTERS = 12
_NUMERIC_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
_MIN_STACKED_LINES = 3
_MAX_STACKED_LINES = 6
_MAX_CHROME_STACK = 8
_MAX_CHROME_LINE = 80
_MAX_DATED_WORDS = 5
_SHORT_PATH_WORDS = 6
# A web page's chrome stands at the top or the foot of the paste.
_CHROME_REACH = 4
_CONTACT_LINE = "a contact line in a stack of furniture lines"
# Every line furniture: the page's metadata may stand under the headline and its summary too.
_STACK_REACH = 6
_CONTACT_DIGITS = 6
# Breadcrumb and menu separators: "Home › Newsroom › News Releases", "Inicio | Sede | Contacto".
_PATH_SEPARATOR = lazy_re.compile(r"\s(?:›|»|>|\||/|·)\s")


def apply(work: WorkList) -> None:
    """Split unwrapped multi-paragraph blocks and glued heading lines."""
    work.blocks = split_lines(work.blocks)


def split_lines(works: list[Work]) -> list[Work]:
    """The blocks, with unwrapped multi-paragraph blocks and glued heading lines split."""
    out: list[Work] = []
    for at, work in enumerate(works):
        if work.kind != PARAGRAPH or work.hint is not None or len(work.lines) < 2:
            out.append(work)
            continue
        if (at < _CHROME_REACH or at >= len(works) - _CHROME_REACH) and _chrome_stack(work.lines):
            # "GOV.UK" / "Home › Government › …", "Share this page" / "Published 14 May 2031": a web page's
            # chrome lines pasted without blank lines are separate items, not a wrapped paragraph
            out.extend(_chrome_line(line) for line in work.lines)
        elif (at < _STACK_REACH or at >= len(works) - _CHROME_REACH) and (items := stack_items(work.lines)):
            # "Release No. 32-117" / "Thursday, April 8, 2032" / "Contact: Press Desk, …": furniture lines
            # of different kinds stacked without blank lines, each an item of its own
            out.extend(
                _joined_contacts([_stack_item(item, line) for item in items for line in _item_lines(item)])
            )
        elif at < _STACK_REACH and (start := field_start(work.lines)) is not None:
            out.extend(field_items(work.lines, start))  # "Date: …" / "Case #: …": one item a field
        elif _stacked_wire_lines(work.lines):
            # "Headline" / "Dek" / "PRNewswire" / "OSLO, Norway, March 9, 2032": one block per line
            out.extend(_stacked_line(line, k, work.lines) for k, line in enumerate(work.lines))
        elif max(len(line) for line in work.lines) > LONG_LINE:
            out.extend(_unwrapped(work))
        elif _glued_heading(work.lines):
            first = work.lines[0]
            head = Work(text=first, lines=[first])
            head.reason = ""
            out.append(head)
            rest = work.lines[1:]
            out.extend(_short_line_breaks(Work(text=" ".join(rest), lines=rest)))
        else:
            out.extend(_short_line_breaks(work))
    return out


def _chrome_stack(lines: list[str]) -> bool:
    """A few short lines, none running on into the next, at least half of them page chrome (a path, a menu,
    a "Share this page" line) or a date ("Published 14 May 2031"), one at least not a date."""
    if not 2 <= len(lines) <= _MAX_CHROME_STACK or any(len(line) > _MAX_CHROME_LINE for line in lines):
        return False
    if any(line[:1].islower() or line.rstrip().endswith((",", ";")) for line in lines):
        return False  # a wrapped sentence goes on in lower case or after a comma
    if any("@" in line or sum(ch.isdigit() for ch in line) >= _CONTACT_DIGITS for line in lines):
        return False  # an address, a phone or an e-mail: a contact block, the furniture rule's
    strong = sum(_chrome_like(line) for line in lines)
    dated = sum(is_date_line(line) and len(line.split()) <= _MAX_DATED_WORDS for line in lines)
    return strong >= 1 and (strong + dated) * 2 >= len(lines) and strong + dated >= 1 + (len(lines) > 2)


def _chrome_like(line: str) -> bool:
    """A path or menu ("Home › News", "Inicio | Sede | Contacto"), or a page's button or sign-off."""
    words = [w.strip(".:,").lower() for w in line.split()]
    return is_chrome_line(line) or len(_PATH_SEPARATOR.findall(line)) >= 1 + (len(words) > _SHORT_PATH_WORDS)


def _chrome_line(line: str) -> Work:
    """One chrome line of the stack, its own block set apart: never the headline, a heading or the lede."""
    piece = Work(text=line, lines=[line], hint="paragraph", aside=True)
    piece.reason = "one of a page's chrome lines stacked without blank lines: an item of its own, set apart"
    return piece


def _joined_contacts(pieces: list[Work]) -> list[Work]:
    """ "Contact: USDA Press" / "press@usda.example.gov": a stack's contact lines, one contact block."""
    out: list[Work] = []
    for piece in pieces:
        if out and piece.reason is _CONTACT_LINE and out[-1].reason is _CONTACT_LINE:
            out[-1].lines.extend(piece.lines)
            out[-1].text = " ".join(out[-1].lines)
        else:
            out.append(piece)
    return out


def _item_lines(item: list[str]) -> list[list[str]]:
    """A release notice keeps its number and date lines (the furniture rule reads them together); a page's
    label ("From:", "News provided by") and its value, or a list of links, are one line each."""
    return [item] if is_release_line(item[0]) or contact_item(item) else [[line] for line in item]


def _stack_item(item: list[str], lines: list[str]) -> Work:
    """One line (or release notice) of a furniture stack, set apart as chrome (a release notice, its date
    or its number are still the furniture rule's); a contact line is left to the furniture rule."""
    text = " ".join(lines)
    kind = furniture_kind(" ".join(item))
    if furniture_kind(text) == CONTACT:
        piece = Work(text=text, lines=lines)
        piece.reason = _CONTACT_LINE
        return piece
    piece = Work(text=text, lines=lines, hint="paragraph", aside=True)
    shape = (
        "a list of related stories" if related_list(item) else "the issuer's name" if kind is None else kind
    )
    piece.reason = f"furniture lines stacked without blank lines, one item each ({shape}): set apart"
    return piece


def _stacked_wire_lines(lines: list[str]) -> bool:
    """A wire release's top lines pasted without blank lines, one of them only the wire's name."""
    return (
        _MIN_STACKED_LINES <= len(lines) <= _MAX_STACKED_LINES
        and any(_WIRE_NAME.match(line) for line in lines[1:])
        and all(len(line) <= LONG_LINE for line in lines)
    )


def _stacked_line(line: str, at: int, lines: list[str]) -> Work:
    """One stacked top line as a block; the wire's name and the lines under it are text, never headings."""
    piece = Work(text=line, lines=[line])
    wire = next(k for k, other in enumerate(lines) if k > 0 and _WIRE_NAME.match(other))
    if at >= wire:
        piece.hint = "paragraph"
        piece.reason = "the wire service's name, place or date stacked under the headline: text"
    return piece


def _short_line_breaks(work: Work) -> list[Work]:
    """Hard-wrapped paragraphs with no blank line between them: a short line closing a sentence ends one.

    Wrapping fills every line of a paragraph but its last, so in a block of
    four or more lines a line well short of the block's width that closes a
    sentence, followed by a capitalised line, is a paragraph's end.
    """
    lines = work.lines
    if len(lines) < _MIN_WRAPPED_LINES or any(marker(line) for line in lines):
        return [work]
    width = sorted(len(line) for line in lines)[len(lines) * 3 // 4]
    if width < _MIN_WRAP_WIDTH:
        return [work]
    chunks: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        chunks[-1].append(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            (following[:1].isupper() or following[:1] in '“"‘«„')
            and len(line) < _SHORT_LINE * width
            and ends_sentence(line)
        ) or _quote_closes(chunks[-1], following):
            chunks.append([])
    pieces = [chunk for chunk in chunks if chunk]
    if len(pieces) == 1:
        return [work]
    return [Work(text=" ".join(chunk), lines=chunk) for chunk in pieces]


def _quote_closes(chunk: list[str], following: str) -> bool:
    """A quote paragraph ends on this line: it opened with “, its last quotation closes the line after
    a sentence's end (".”"), and a capitalised line follows (“A.” / "Jo Roe, the chair, said …")."""
    line = chunk[-1]
    if not (line.endswith("”") and chunk[0][:1] == "“" and following[:1].isupper()):
        return False
    if line[-2:-1] not in ".!?…":
        return False
    text = " ".join(chunk)
    return text.count("“") == text.count("”")


def _continues(line: str, following: str) -> bool:
    """ "… a Viennese lawyer," / "was the guest …": a line in lower case goes on the sentence above."""
    return following[:1].islower() and line.rstrip(_TRAILING_MARKS)[-1:] not in ".!?:…"


def _lede_under(line: str, following: str) -> bool:
    """ "Agency condemns attack" / "NAIROBI, 15 May 2031 – The agency …": a line opening with a dateline
    opens the lede, so the line above it (a headline, a date) ends there, verb or no verb; a date alone
    on its line ("11/03/2031") is a line of its own too."""
    if line.rstrip()[-1:] in ",;":
        return False
    if _date_alone(following):
        return True
    if _date_alone(line):
        return not place_dated(line)  # "Copenhagen, 4 March 2032" over the lede's text opens its paragraph
    if not (following[:1].isalnum() or following[:1] == "("):
        return False  # decided before the dateline pattern runs
    found = find_dateline(following)
    # a dash closes the dateline ("COVID-19. With …" after a wrapped line is no dateline)
    return (found is not None and found.rstrip()[-1:] in "-–—") or _dated(following)


def _dated(line: str) -> bool:
    """ "1 April 2031 – The agency …": a lede opening with its date and a dash, no place."""
    if not any(ch.isdigit() for ch in line[:_DATE_REACH]):
        return False  # decided before the date pattern runs
    found = find_date(line)
    return found is not None and found[1] == 0 and line[found[2] :].lstrip()[:1] in "-–—"


def _end_mark(line: str) -> bool:
    """ "###" / "Legal Disclaimer:": nothing after an end mark goes on its line's paragraph."""
    return len(line) <= _MAX_END_MARK and "".join(line.split()).lower() in END_MARKS


def _capitals_end(line: str, following: str) -> bool:
    """ "MINISTER OPENS NEW BRIDGE" / "Press Release 31/207": a title in capitals ends where the capitals
    do (a hard-wrapped title in capitals keeps them on every line)."""
    return (
        line[:1].isupper()
        and len(line.split()) >= _MIN_CAPS_WORDS
        and _capitals(line)
        and not _capitals(following)
    )


def _capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= _MIN_CAPS_LETTERS and all(ch.isupper() for ch in letters)


def _date_alone(line: str) -> bool:
    """ "March 3, 2031", "11/03/2031": only a date on the line (a numeric one may be day or month first)."""
    if len(line) > _MAX_DATE_LINE or not any(ch.isdigit() for ch in line):
        return False  # decided before the date patterns run
    return bool(_NUMERIC_DATE.match(line.strip())) or is_date_line(line)


def _label(line: str) -> bool:
    """A label that belongs to the one line under it: ends in a colon, one word, or "About …"."""
    return line.endswith(":") or (
        _shaped_like_heading(line) and (" " not in line or line.lower().startswith(_ABOUT_OPENINGS))
    )


def _line_ends_paragraph(line: str) -> bool:
    return ends_sentence(line) or line.endswith(":") or _shaped_like_heading(line)


def _shaped_like_heading(line: str) -> bool:
    return heading_shape(Work(text=line, lines=[line])) is not None


def _glued_heading(lines: list[str]) -> bool:
    first, second = lines[0], lines[1]
    if marker(first) or marker(second) or not _shaped_like_heading(first) or first.endswith(","):
        return False
    # the rest must be a wrapped paragraph, not more short lines (a list of names under "WHO:")
    rest = lines[1:]
    if len(rest) == 1:
        # one line of text: a heading over it, but a label ending in a colon is fused with it
        wrapped = ends_sentence(rest[0]) and not first.endswith(":")
    else:
        # a wrapped paragraph closes a sentence; a roll of names and roles does not
        wrapped = max(len(line) for line in rest) >= _GLUED_MIN_WRAPPED and ends_sentence(rest[-1])
    return len(second) >= _GLUED_MIN_NEXT and len(first) < _GLUED_RATIO * len(second) and wrapped


def _unwrapped(work: Work) -> list[Work]:
    lines = work.lines
    if len(lines) == 2 and _label(lines[0]) and not marker(lines[1]):
        # "Originalpublikation:", "About Acme", "NOTE" fused with the one line it labels: one paragraph
        return [work]
    chunks: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        chunks[-1].append(line)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is None:
            break
        if marker(following) is not None and not marker(line):
            continue  # an introducing line stays with its list
        if marker(line) is not None and marker(following) is not None:
            continue  # the items of one list stay together
        if line.rstrip()[-1:] in "-–—" and dateline_alone(line):
            continue  # "Ostmark (ots) -" over the lede's text: the dateline opens its paragraph
        if (
            (_line_ends_paragraph(line) and not _continues(line, following))
            or _lede_under(line, following)
            or _capitals_end(line, following)
            or _end_mark(line)
        ):
            chunks.append([])
    pieces = [chunk for chunk in chunks if chunk]
    if len(pieces) == 1:
        return [work]
    return [Work(text=" ".join(chunk), lines=chunk) for chunk in pieces]
