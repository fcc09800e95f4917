"""Blocks -> list blocks: consecutive lines starting ``- ``, ``* ``, ``• ``, ``1.``, ``1)``.

Items may wrap over several lines (a line without a marker continues the item
above); a paragraph of direct speech that opens with a dialogue dash ("– Vi är
glada, säger Anna Berg.") is not an item.  Lines before the first item stay a
paragraph of their own.  A single marked line is a list only when a sentence
ending in a colon introduces it or a neighbouring block is a list of the same
kind ("loose" lists with blank lines between items); neighbouring list blocks of
the same kind merge into one list.
"""

from __future__ import annotations

import re

from pressconv.readers.blocks import LIST, PARAGRAPH, Work
from pressconv.readers.dialogue import DIALOGUE_DASHES, continues_dialogue, dialogue_spans
from pressconv.readers.worklist import WorkList

_MARKER = re.compile(
    r"^(?:(?P<bullet>[-*•·▪◦‣⁃►■□●○✓✔–o])|(?P<number>\d{1,2}|[a-z])(?P<close>[.)])|\((?P<paren>\d{1,2}|[a-z])\))"
    r"\s+(?=\S)"
)


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


def confirm_lists(works: list[Work]) -> list[Work]:
    """Keep single-item lists only when introduced or next to another list; merge neighbouring lists."""
    out: list[Work] = []
    for i, work in enumerate(works):
        if work.kind == LIST and work.hint is None and len(work.items) == 1:
            before = works[i - 1] if i > 0 else None
            after = works[i + 1] if i + 1 < len(works) else None
            introduced = before is not None and before.kind == PARAGRAPH and before.text.endswith(":")
            neighbour = any(
                n is not None and n.kind == LIST and n.ordered == work.ordered for n in (before, after)
            )
            if not (introduced or neighbour):
                work.kind = PARAGRAPH
                work.items, work.markers = (), ()
                work.reason = ""
        previous = out[-1] if out else None
        if (
            work.kind == LIST
            and previous is not None
            and previous.kind == LIST
            and previous.ordered == work.ordered
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
