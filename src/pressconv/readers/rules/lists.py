"""Blocks -> list blocks: consecutive lines starting ``- ``, ``* ``, ``• ``, ``1.``, ``1)``.

Items may wrap over several lines (a line without a marker continues the item
above); a paragraph of direct speech that opens with a dialogue dash ("– Vi är
glada, säger Anna Berg.") is not an item.  Lines before the first item stay a
paragraph of their own.  A single marked line is a list only when a sentence
ending in a colon introduces it or a neighbouring block is a list of the same
kind and marker style ("loose" lists with blank lines between items);
neighbouring list blocks of the same kind and style merge into one list, so "2.
Outline of the plan" over a "(1)", "(2)" list is a numbered heading, not the
list's first item.

List items are short parallel items.  Numbered paragraphs ("1. The Ministry
will …", "2. The gates …", the parliamentary and Singapore style) are not: a
run of numbered items that are each a full paragraph (a closing sentence, and
long) stays paragraphs, their numbers kept in their text — except numbered
notes under a notes-to-editors heading, which are the notes list, and items a
sentence ending in a colon introduces ("The survey found:"), which are a list.
Numbered sentences set apart by blank lines ("1. The paper … .", blank, "2.
Images … .") are paragraphs whatever their length, under a notes heading too:
a list is consecutive lines.
"""

from __future__ import annotations

import re

from pressconv.readers.blocks import LIST, PARAGRAPH, Work
from pressconv.readers.dialogue import DIALOGUE_DASHES, continues_dialogue, dialogue_spans
from pressconv.readers.document_cache import per_document
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.lexicon import BOILERPLATE_HEADINGS
from pressconv.readers.worklist import WorkList

# A numbered item is a full paragraph with at least this many words (and a closing sentence), and a
# run of them is paragraphs when its items average at least ``_PARAGRAPH_MEAN_WORDS``.
_PARAGRAPH_ITEM_WORDS = 15
_PARAGRAPH_MEAN_WORDS = 25
_NOTES_HEADING_WORDS = 6
_NUMBER = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")

_MARKER = re.compile(
    r"^(?:(?P<bullet>[-*•·▪◦‣⁃►■□●○✓✔–o])|(?P<number>\d{1,2}|[a-z])(?P<close>[.)])|\((?P<paren>\d{1,2}|[a-z])\))"
    r"\s+(?=\S)"
)


@per_document(maxsize=8192)  # a pure function of the line; the lines and list rules both ask it
def marker(line: str) -> tuple[str, bool] | None:
    if line[:1].isupper():
        return None  # no marker is a capital letter (most lines open so: decided before the pattern runs)
    match = _MARKER.match(line)
    if not match:
        return None
    if match.group("number") is not None and match.group("number").isalpha() and match.group("close") != ")":
        return None  # "a." would catch initials; only "a)" is a letter marker
    if match.group("bullet") == "o" and not (
        line[match.end() :][:1].isupper() or line[match.end() :][:1].isdigit()
    ):
        return None  # Word's "o" bullet starts an item with a capital; Portuguese "o presidente" does not
    if not any(ch.isalnum() for ch in line[match.end() :]):
        return None  # "* * *" is a break, not an item
    return match.group().rstrip(), match.group("number") is not None or (match.group("paren") or "").isdigit()


def apply(work: WorkList) -> None:
    """Turn marker lines into list blocks."""
    work.blocks = split_lists(work.blocks)


def split_lists(works: list[Work]) -> list[Work]:
    """The blocks with list lines turned into list blocks (candidates confirmed in ``confirm_lists``)."""
    out: list[Work] = []
    for work in works:
        if work.kind != PARAGRAPH or work.hint is not None:
            out.append(work)
            continue
        lines = work.lines
        if len(lines) == 1:
            first = 0 if marker(lines[0]) else None  # one line: no generator needed
        else:
            first = next((i for i, line in enumerate(lines) if marker(line)), None)
        if first is None or (first == 0 and _dialogue(work.text, out)):
            out.append(work)  # no marker, or "– Vi är glada, säger Anna Berg.": speech set off by a dash
            continue
        intro = work.lines[:first]
        items: list[str] = []
        markers: list[str] = []
        ordered = False
        for line in work.lines[first:]:
            found = marker(line)
            if found is not None:
                sign, numeric = found
                if not items:
                    ordered = numeric
                markers.append(sign)
                items.append(line[len(sign) :].strip())
            else:
                items[-1] = f"{items[-1]} {line}"
        if intro and len(items) < 2 and not intro[-1].endswith(":"):
            out.append(work)  # a dash that happened to start a wrapped line
            continue
        if intro:
            out.append(Work(text=" ".join(intro), lines=list(intro)))
        listed = Work(text=" ".join(work.lines[first:]), lines=list(work.lines[first:]), kind=LIST)
        listed.items, listed.markers, listed.ordered = items, markers, ordered
        listed.reason = f"{len(items)} line(s) with list markers"
        if intro:
            listed.reason += ", after its introducing line"
        out.append(listed)
    return confirm_lists(out)


def _dialogue(text: str, before: list[Work]) -> bool:
    """Speech set off by a dash: with its attribution, or going on under such a paragraph."""
    if text[:1] not in DIALOGUE_DASHES:
        return False
    if dialogue_spans(text):
        return True
    above = before[-1] if before else None
    return (
        above is not None
        and above.kind == PARAGRAPH
        and continues_dialogue(text)
        and (bool(dialogue_spans(above.text)) or continues_dialogue(above.text))
    )


def _style(sign: str) -> str:
    """A marker's style: the bullet itself, or the shape of a number or letter ("1.", "1)", "(1)", "a)")."""
    return _NUMBER.sub("1", _LETTER.sub("a", sign))


def _same_kind(a: Work, b: Work) -> bool:
    """Two list blocks of one list: both ordered or not, and the same marker style where both have one."""
    if a.ordered != b.ordered:
        return False
    if not a.markers or not b.markers:
        return True
    return _style(a.markers[-1]) == _style(b.markers[0])


def _paragraph_item(item: str) -> bool:
    return item.count(" ") + 1 >= _PARAGRAPH_ITEM_WORDS and ends_sentence(item)


def _under_notes_heading(works: list[Work], at: int) -> bool:
    """The numbered run at ``at`` stands under a notes-to-editors (or "About …") heading line."""
    before = works[at - 1] if at > 0 else None
    if before is None or before.kind != PARAGRAPH or before.text.count(" ") >= _NOTES_HEADING_WORDS:
        return False
    lowered = before.text.lower().rstrip(" :")
    return lowered.startswith(("note", "editor")) or f"{lowered} ".startswith(BOILERPLATE_HEADINGS)


def numbered_paragraphs(works: list[Work]) -> list[Work]:
    """Runs of numbered items that are each a full paragraph -> paragraphs (their numbers kept)."""
    out: list[Work] = []
    i = 0
    while i < len(works):
        work = works[i]
        if work.kind != LIST or work.hint is not None or not work.ordered:
            out.append(work)
            i += 1
            continue
        end = i
        while (
            end < len(works)
            and works[end].kind == LIST
            and works[end].hint is None
            and works[end].ordered
            and all(_style(sign) in ("1.", "1)", "(1)") for sign in works[end].markers)
        ):
            end += 1
        run = works[i:end]
        items = [item for listed in run for item in listed.items]
        introduced = i > 0 and works[i - 1].kind == PARAGRAPH and works[i - 1].text.endswith(":")
        # numbered sentences each set apart by blank lines are paragraphs (a list is consecutive lines),
        # numbered notes to editors too; a run of consecutive numbered lines under that heading is a list
        loose = len(run) >= 2 and all(
            len(listed.items) == 1 and ends_sentence(listed.items[0]) for listed in run
        )
        # "(1) The museum …", blank, "(2) Photographs …": numbered notes set apart, paragraphs like "1." ones;
        # a "(1)" run is paragraphs only so (consecutive "(1)" lines, clauses of a ruling, are a list)
        bracketed = any(_style(sign) == "(1)" for listed in run for sign in listed.markers)
        if (
            len(items) >= 2
            and not (introduced and not _under_notes_heading(works, i))
            and (
                loose
                or (
                    not bracketed
                    and all(_paragraph_item(item) for item in items)
                    and sum(item.count(" ") + 1 for item in items) >= _PARAGRAPH_MEAN_WORDS * len(items)
                    and not _under_notes_heading(works, i)
                )
            )
        ):
            for listed in run:
                out.extend(_as_paragraphs(listed))
        else:
            out.extend(run or [work])  # the whole run stays a list: none of it is looked at again
        i = max(end, i + 1)
    return out


def _as_paragraphs(listed: Work) -> list[Work]:
    """One paragraph per numbered item, each with its own lines (the number in its text)."""
    pieces: list[list[str]] = []
    for line in listed.lines:
        if marker(line) is not None or not pieces:
            pieces.append([line])
        else:
            pieces[-1].append(line)
    out: list[Work] = []
    for lines in pieces:
        paragraph = Work(text=" ".join(lines), lines=lines)
        paragraph.reason = "a numbered paragraph (a full paragraph, not a short list item)"
        out.append(paragraph)
    return out


def confirm_lists(works: list[Work]) -> list[Work]:
    """Keep single-item lists only when introduced or next to another list; merge neighbouring lists."""
    works = numbered_paragraphs(works)
    out: list[Work] = []
    for i, work in enumerate(works):
        if work.kind == LIST and work.hint is None and len(work.items) == 1:
            before = works[i - 1] if i > 0 else None
            after = works[i + 1] if i + 1 < len(works) else None
            introduced = before is not None and before.kind == PARAGRAPH and before.text.endswith(":")
            neighbour = any(n is not None and n.kind == LIST and _same_kind(work, n) for n in (before, after))
            if not (introduced or neighbour):
                work.kind = PARAGRAPH
                work.items, work.markers = (), ()
                work.reason = ""
        previous = out[-1] if out else None
        if (
            work.kind == LIST
            and previous is not None
            and previous.kind == LIST
            and _same_kind(previous, work)
            and work.hint is None
            and previous.hint is None
        ):
            items = previous.items if isinstance(previous.items, list) else list(previous.items)
            markers = previous.markers if isinstance(previous.markers, list) else list(previous.markers)
            items.extend(work.items)  # one list grows: a long loose list merges in linear time
            markers.extend(work.markers)
            previous.items, previous.markers = items, markers
            previous.lines.extend(work.lines)
            previous.text = f"{previous.text} {work.text}"
            previous.reason = f"{len(previous.items)} items with list markers (blank lines between items)"
            continue
        out.append(work)
    return out
