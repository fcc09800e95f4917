"""reportlab's subset codes of a TrueType font, read where a drawn string's characters all have one.

Kept apart from ``compat.reportlab`` (the module the PDF writer's other reportlab internals go
through) only for that module's length; like it, it names what it relies on and probes it
(``probe_subsets``, which ``compat.reportlab.probe`` runs).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


class _Codes:
    """The first subset's codes of one font in one document: a translate table and the characters in it."""

    __slots__ = ("known", "seen", "table")

    def __init__(self) -> None:
        self.table: dict[int, int] = {}
        self.known: set[str] = set()
        self.seen = 0


_CODES: WeakKeyDictionary[Any, _Codes] = WeakKeyDictionary()


def split_known(font: TTFont, text: str, document: Any) -> list[tuple[int, bytes]] | None:
    """``TTFont.splitString(text, document)`` when every character of ``text`` already has a code in
    the font's first subset for this document; None otherwise (then reportlab's own must run).

    reportlab turns each drawn string into subset codes one character at a time in Python,
    assigning a code to each character the first time the document draws it (``State.assignments``,
    which only grows).  Once a character has a code, its code never changes: a string of such
    characters is ``str.translate`` through those codes, one C call.  A character still without a
    code, without a glyph, outside the first subset, or a no-break space before the space has a
    code, goes to reportlab's own.  ``probe()`` compares the two.
    """
    state = font.state.get(document)
    if state is None or not text or type(text) is not str:
        return None
    assignments: dict[int, int] = state.assignments  # type: ignore[attr-defined]
    codes = _CODES.get(state)
    if codes is None:
        codes = _CODES[state] = _Codes()
    if codes.seen != len(assignments):
        for char, code in list(assignments.items())[codes.seen :]:
            if code < 256:
                codes.table[char] = code
                codes.known.add(chr(char))
        if 32 in codes.table and 0xA0 not in codes.table:
            codes.table[0xA0] = codes.table[32]  # splitString draws a no-break space as the space
            codes.known.add("\xa0")
        codes.seen = len(assignments)
    if not codes.known.issuperset(text):
        return None
    return [(0, text.translate(codes.table).encode("latin-1"))]


def probe_subsets() -> list[str]:
    """What in the installed reportlab differs from what ``split_known`` relies on; empty when all holds."""
    # the canvas's PDFDocument (``_doc``), read here rather than through compat.reportlab, which
    # calls this probe from its own: no import cycle between the two
    doc = Canvas(io.BytesIO(), invariant=1)._doc  # type: ignore[attr-defined]
    font = TTFont("pc-probe", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"))
    try:
        first = split_known(font, "a b", doc)  # no state yet: reportlab's own must run
        texts = ("Fish and chips", "chips\xa0and fish", "\u20ac")
        theirs = [font.splitString(t, doc) for t in texts]
        ours = [split_known(font, t, doc) for t in (*texts, "\xe9")]
        ok = first is None and ours[:3] == theirs and ours[3] is None
    except Exception as exc:  # a changed internal: say which, not crash the probe
        return [f"TTFont.state[doc].assignments: codes of a document's subsets, kept ({exc!r})"]
    return [] if ok else ["TTFont.state[doc].assignments: codes of a document's subsets, kept"]
