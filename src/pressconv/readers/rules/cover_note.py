"""Where a release starts in an e-mail that opens with a covering note ("Hi all, please see below …").

The forwarder's note above a forwarded release is never its headline: the headline rule looks for the
headline only after it.  Split from ``headline`` (the scored choice of the headline).
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import MAIL_HEADER, Work
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.rules.cover_pointer import POINTER_WORDS, SALUTATIONS, pointer_note

_SALUTATION = lazy_re.compile(
    r"^(?:hi|hello|dear|hey|good (?:morning|afternoon)|hallo|liebe|lieber|sehr geehrte|bonjour|chers?|"
    r"chères?|hola|estimad[oa]s?|queridos?|" + SALUTATIONS + r")\b[^.!?]{0,60}[,:!]?$",
    re.IGNORECASE,
)
_FORWARD = lazy_re.compile(
    r"^(?:-{2,}.*|_{5,}|={5,}|begin forwarded message:?|.*\bforwarded message\b.*|.*\boriginal message\b.*)$",
    re.IGNORECASE,
)
# A one-block covering note: "Dear editor, please find below our release for immediate use."
_NOTE_OPENING = re.compile(
    r"^(?:hi|hello|dear|hey|good (?:morning|afternoon)|hallo|liebe|lieber|bonjour|hola)\b"
    r"[^.!?,\n]{0,40},\s+\S",
    re.IGNORECASE,
)
_MAX_ONE_BLOCK_NOTE_WORDS = 60
# A short note under a forward's header that points at the release: "see the statement below", "attached".
_POINTER = re.compile(rf"\b(?:{POINTER_WORDS}|view it online|trouble reading)\b", re.IGNORECASE)
_MAX_POINTER_WORDS = 30
# A greeting opening the forwarder's note under a mail header ("Hi all –", "Buenos días,", "Guten Tag").
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon)|hallo|liebe[rs]?|guten (?:morgen|tag)|bonjour|salut"
    r"|hola|buenos días|buenas tardes|buongiorno|ciao|estimad[oa]s?)\b",
    re.IGNORECASE,
)
# The sign-off that closes a covering note ("Best,", "Thanks, Jo", "Kind regards"); the release follows it.
_SIGN_OFF = lazy_re.compile(
    r"^(?:(?:best|kind|warm|warmest|many) (?:regards|wishes|thanks)|regards|best|thanks|thank you|cheers"
    r"|all the best|yours(?: sincerely| faithfully| truly)?|sincerely"
    r"|(?:mit )?(?:freundliche|beste|herzliche|viele|liebe)n? grü(?:ß|ss)en?"
    r"|(?:bien |très )?cordialement|bien à vous|salutations distinguées"
    r"|(?:un )?(?:cordial )?saludos?(?: cordiales)?|atentamente)\b[,.!]?(?:\s+[A-Z][\w.’'-]*){0,3}$",
    re.IGNORECASE,
)
# A syndicator's line over the release it passes on, set off by a separator line: "JACKSON, Miss., July 11
# -- The Attorney General issued the following news release on July 10:" / "* * *".
_WIRE_INTRO = lazy_re.compile(
    r"\b(?:issued|released|published|distributed|sent)\b[^.!?]{0,40}\bfollowing\b[^.!?]{0,60}:$"
)
_SEPARATOR = re.compile(r"^(?:\*[ ]?){3,}$|^(?:-[ ]?){3,}$|^(?:_[ ]?){3,}$|^(?:=[ ]?){3,}$")
_COVER_NOTE_BLOCKS = 12
_MAX_NOTE_BLOCKS = 6  # the blocks of a forwarder's note above a mail header


def cover_note(works: list[Work], content: list[int], evidence: list[str] | None = None) -> int:
    """Where the release starts (``_cover_note``); with ``evidence``, a line saying so when not at the top."""
    skip = _cover_note(works, content)
    if skip and evidence is not None:
        evidence.append(f"  -  headline   {skip} block(s) on top: a covering note, the release starts below")
    return skip


def _cover_note(works: list[Work], content: list[int]) -> int:
    """Where the release starts in an e-mail that opens with a cover note ("Hi all, … ---------- Forwarded").

    A forwarded mail's header (set apart by the furniture rule) under a few
    blocks of text ends the forwarder's note: the release starts after it.
    Else, when the first block is a salutation, the release starts after the
    first forward marker or separator line; otherwise at the top.
    """
    if not content:
        return 0
    note = content[: _MAX_NOTE_BLOCKS + 1]
    header = next((i for i in range(note[-1], note[0], -1) if works[i].reason is MAIL_HEADER), None)
    if header is not None:
        return sum(1 for i in note if i < header)  # "Thanks Sam, see below." / "On Tue, … wrote:"
    first = works[content[0]].text
    under_header = any(w.reason is MAIL_HEADER for w in works[: content[0]])
    if under_header and len(first.split()) <= _MAX_POINTER_WORDS and _POINTER.search(first):
        return 1  # "Please see the statement below.", "Having trouble reading this release? View it online."
    if _GREETING.match(first) and under_header:
        # "Hi all – release below is crossing now. …" / "Thanks, / Becca" under a forward's header
        for k, i in enumerate(content[1:_MAX_NOTE_BLOCKS], start=1):
            if works[i].lines and _SIGN_OFF.match(works[i].lines[0]):
                return k + 1
        if ends_sentence(first) and len(first.split()) <= _MAX_ONE_BLOCK_NOTE_WORDS:
            return 1  # "Buenos días, os adjuntamos la nota de prensa de hoy. Un saludo."
    wire_intro = "following" in first and _WIRE_INTRO.search(first) is not None  # the word before the search
    if len(content) > 2 and wire_intro and _SEPARATOR.match(works[content[1]].text):
        return 2  # "… Attorney General X issued the following news release:" / "* * *": a syndicator's note
    if not _SALUTATION.match(first):
        if (
            _NOTE_OPENING.match(first)
            and len(first.split()) <= _MAX_ONE_BLOCK_NOTE_WORDS
            and ends_sentence(first)
        ):
            return 1  # "Dear editor, please find below our release …": a note of one block
        return pointer_note(works, content, greeted=False)  # "Please find below our release."
    for k, i in enumerate(content[:_COVER_NOTE_BLOCKS]):
        if any(_FORWARD.match(line) for line in works[i].lines):
            return k + 1
        after = content[k + 1] if k + 1 < len(content) else len(works)
        if any(w.aside and not w.date_line for w in works[i + 1 : after]):
            return k + 1  # the forwarded mail's header (set aside by the furniture rule) follows the note
    for k, i in enumerate(content[1 : _MAX_NOTE_BLOCKS + 1], start=1):
        if _SIGN_OFF.match(works[i].lines[0] if works[i].lines else works[i].text):
            return k + 1  # no forward marker: the note ends with its sign-off ("Best,\nJo")
    return pointer_note(works, content, greeted=True)  # "Dear colleagues," / "Please find below …"
