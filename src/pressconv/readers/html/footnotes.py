"""Footnotes in the shapes HTML gives them: references to a list of notes, or notes set aside.

A note is an element with an ``id`` inside a notes container -- ``section``,
``div``, ``ol`` or ``aside`` whose class names footnotes or endnotes
(``footnotes``, ``endnotes``, ``footnote``, ``notes``; MediaWiki's
``references``), or whose ARIA role is ``doc-endnotes``/``doc-footnote``
(pandoc's and the EPUB vocabulary) -- each ``li`` of its list, or the
container itself when it is one note.  Notes are footnotes unless the class
says endnotes (HTML has no page foot: pandoc and our writer put footnotes in a
``doc-endnotes`` section).  Our writer's ``notes-to-editors`` section holds
notes of kind ``editors`` (every item, with its heading as written).  Word's
HTML export holds its notes in a ``div`` styled ``mso-element:footnote-list``
(or endnote-list), each note a ``div`` whose anchor ``name`` the reference
points at.  A link
``href="#id"`` to a note is its reference (its text, "1" or "[1]", is the
note's label).  Back-links from a note to its reference (``↩``) are not the
note's words.  Notes are listed in the order of their first reference.
The containers are left out of the article's walk, so the notes' words
appear once, as notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pressconv.errors import Notes
from pressconv.model import Mark, Note, NoteKind
from pressconv.readers.blocks import fold
from pressconv.readers.html.inline import inline_of
from pressconv.readers.html.tree import HEADINGS, attr, classes
from pressconv.text import clean

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_CONTAINER_CLASSES = frozenset(
    {"footnotes", "endnotes", "footnote", "endnote", "footnote-list", "references", "notes"}
    | {"notes-to-editors"}
)
_ENDNOTES = frozenset({"endnotes", "endnote"})
_WORD_LIST = re.compile(r"mso-element\s*:\s*(footnote|endnote)-list", re.IGNORECASE)
_WORD_NOTE = re.compile(r"mso-element\s*:\s*(?:footnote|endnote)\b(?!-)", re.IGNORECASE)
_CONTAINER_ROLES = frozenset({"doc-endnotes", "doc-footnote", "doc-footnotes"})
_BACK_CLASSES = frozenset({"footnote-back", "footnote-backref", "fn-back", "reversefootnote", "backlink"})
_LABEL_TRIM = "[]()"


@dataclass(slots=True)
class PageNotes:
    """The page's notes, the page ids that point at them, and the elements the walk leaves out."""

    notes: list[Note] = field(default_factory=list)
    refs: dict[str, str] = field(default_factory=dict)
    """Page id of a note -> its ``Note.id`` (the target of a ``noteref`` mark)."""
    containers: set[int] = field(default_factory=set)
    """``id()`` of each notes container."""
    heading: str | None = None
    """The heading of the notes to editors, as written."""


def page_notes(soup: BeautifulSoup, notes: Notes) -> PageNotes:
    """Every footnote, endnote and note to editors on the page."""
    found = PageNotes()
    holders: list[tuple[Tag, str, NoteKind]] = []  # (note element, its note id, kind)
    for container in soup.find_all(_is_container):
        if any(id(parent) in found.containers for parent in container.parents):
            continue  # inside a container already taken
        names = classes(container)
        kind: NoteKind = (
            "editors" if "notes-to-editors" in names else "endnote" if names & _ENDNOTES else "footnote"
        )
        word = _WORD_LIST.search(attr(container, "style"))
        if word is not None:  # Word's HTML: div#ftn1 holding <a name="_ftn1">, referenced as #_ftn1
            kind = "endnote" if word.group(1).lower() == "endnote" else "footnote"
            for note in container.find_all("div", style=_WORD_NOTE):
                anchor = note.find("a", attrs={"name": True})
                page_id = attr(anchor, "name") if anchor is not None else attr(note, "id")
                if page_id:
                    holders.append((note, page_id, kind))
            found.containers.add(id(container))
            continue
        items = [li for li in container.find_all("li") if attr(li, "id") or kind == "editors"]
        if items:
            holders.extend((li, attr(li, "id") or f"editors-{len(holders) + 1}", kind) for li in items)
        elif attr(container, "id") and container.name in ("aside", "div", "p", "section"):
            holders.append((container, attr(container, "id"), kind))
        else:
            continue
        found.containers.add(id(container))
        heading = container.find(HEADINGS) if kind == "editors" else None
        if heading is not None and found.heading is None:
            found.heading = fold(clean(heading.get_text(" "), notes)) or None
    if not holders:
        return found
    labels = _reference_labels(soup, {page_id for _, page_id, _ in holders})
    # in the order of their first reference (dict order); notes never referenced after them, as they stand
    order = {page_id: position for position, page_id in enumerate(labels)}
    holders.sort(key=lambda holder: order.get(holder[1], len(order)))
    for note, page_id, kind in holders:
        if kind != "editors" or attr(note, "id"):
            found.refs[page_id] = page_id
    for number, (note, page_id, kind) in enumerate(holders, start=1):
        label_tag = note.find(class_="note-label")  # our writer's label of a note not numbered
        text, marks = inline_of(note, notes, found.refs, skip=_skipper(label_tag, found.refs))
        label = labels.get(page_id) or (fold(label_tag.get_text(" ")) if label_tag else "")
        found.notes.append(
            Note(
                page_id,
                label or _ordinal(note, number),
                text,
                tuple(Mark(m.start, m.end, m.kind, m.target) for m in marks),
                kind,
            )
        )
    return found


def _skipper(label: Tag | None, refs: dict[str, str]) -> Callable[[Tag], bool]:
    """What a note's text leaves out: its shown label and its links back to the references."""
    return lambda tag: tag is label or _back_link(tag, refs)


def _is_container(tag: Tag) -> bool:
    if tag.name not in ("section", "div", "ol", "aside", "ul", "footer"):
        return False
    if tag.name == "div" and _WORD_LIST.search(attr(tag, "style")):
        return True
    return (
        bool(classes(tag) & _CONTAINER_CLASSES)
        or attr(tag, "role").lower() in _CONTAINER_ROLES
        or (attr(tag, "id").lower() in ("footnotes", "endnotes"))
    )


def _reference_labels(soup: BeautifulSoup, ids: set[str]) -> dict[str, str]:
    """Note id -> the label its first reference shows ("1" of "[1]")."""
    labels: dict[str, str] = {}
    for link in soup.find_all("a", href=True):
        href = attr(link, "href").strip()
        if not href.startswith("#") or href[1:] not in ids or href[1:] in labels:
            continue
        label = fold(clean(link.get_text(" "), Notes())).strip(_LABEL_TRIM).strip()
        if label:
            labels[href[1:]] = label
    return labels


def _back_link(tag: Tag, refs: dict[str, str]) -> bool:
    """True for a note's link back to its reference."""
    if tag.name != "a":
        return False
    if classes(tag) & _BACK_CLASSES or attr(tag, "role").lower() == "doc-backlink":
        return True
    href = attr(tag, "href").strip()
    return href.startswith("#") and href[1:] not in refs and ("ref" in href.lower())


def _ordinal(note: Tag, number: int) -> str:
    """The number a list shows for the note, from the list's ``start`` when it has one."""
    parent = note.parent
    if note.name != "li" or parent is None or parent.name != "ol":
        return str(number)
    if attr(note, "value").strip().isdigit():
        return attr(note, "value").strip()
    try:
        start = int(attr(parent, "start") or "1")
    except ValueError:
        start = 1
    position = sum(1 for sibling in note.find_previous_siblings("li"))
    return str(start + position)
