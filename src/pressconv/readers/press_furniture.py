"""Blocks -> press furniture in metadata: release notice, embargo, byline, media contacts, end mark.

Furniture is recognised by shape, never by position alone: a release notice
is a short line opening with FOR IMMEDIATE RELEASE / EMBARGOED UNTIL … (its
embargo date parsed); a byline a short "By …" line above the body; a media
contact block opens with a contact header ("Media contact:") and holds short
lines, e-mail addresses or phone numbers; an end mark is a line of its own
such as ``###``, ``-30-`` or ``- end -``, or a wire service's closing line
("*** OTS-ORIGINALTEXT …", "Original-Content von: …"), which ends the text as
an end mark does.  Furniture blocks keep their place
in the block list with kind ``furniture`` (so ``explain`` can show them) and
are left out of the body.  A block whose first line is an "About …" heading
over wrapped lines is split so the heading stands alone; fused with the one
line of its text, it stays that paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, LETTERHEAD, MAIL_HEADER, PARAGRAPH, Work
from pressconv.readers.dates import find_date, find_datetime
from pressconv.readers.lexicon import (
    BOILERPLATE_HEADINGS,
    CONTACT_HEADERS,
    DATE_LABELS,
    END_MARKS,
    RELEASE_NOTICES,
)
from pressconv.readers.mail_header import mail_header
from pressconv.readers.wire_lines import wire_end

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+|\(?\d)[\d ()./-]{6,}\d")
# An e-mail or web address or a phone number in a line -- not a year range ("its 2026-2030 strategy"),
# nor a number with its year in parentheses ("Resolution 2841 (2026)", "Regulation 12 (2031)").
CONTACT_DETAILS = lazy_re.compile(
    r"@\w|https?://|www\.|\(?\+?(?<!\d)"
    r"(?!(?:1[89]|20)\d\d ?[-–/] ?(?:1[89]|20)?\d\d\b|\d+ \((?:1[89]|20)\d\d\))\d[\d ().-]{7,}\d"
)
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:By|BY|Von|VON|Par|PAR|Por|POR)\s+[^\W\d_]")
_CONTACT_HEADER = lazy_re.compile(
    "|".join(re.escape(h) for h in sorted(CONTACT_HEADERS, key=len, reverse=True)), re.IGNORECASE
)
_TOP_REGION_WORDS = 30
_CONTACT_INVITATIONS = ("please contact", "contact", "contactez", "contacte", "wenden sie sich an")
# The first two characters of the contact headers, matched under the header pattern's own rules of case:
# the pattern matches a header character by character, so a line whose first two match none of these
# cannot open with a header.  Half of all first lines reach the test; most open otherwise.
_CONTACT_OPENING = lazy_re.compile(
    "|".join(sorted({re.escape(h[:2]) for h in CONTACT_HEADERS})), re.IGNORECASE
)
_OPENINGS: dict[str, bool] = {}  # a line's first two characters -> may a contact header open so?
_MAX_OPENINGS = 4096
_TRAILING_END_MARK = lazy_re.compile(r"(?<=[.!?”\"])\s+(?:###|# # #|-30-|–30–|—30—)$")
_TOP_REGION_BLOCKS = 4
_HEADER_TAIL_WORDS = 3
_MAX_LETTERHEAD_LINES = 5
_MAX_LEAD_WORDS = 9
# Words that may qualify a release notice: "DAILY NEWS RELEASE", "JOINT PRESS RELEASE".
_NOTICE_QUALIFIERS = ("daily ", "weekly ", "joint ", "official ")
_MAX_LETTERHEAD_WORDS = 8
_MIN_NOTE_SENTENCE_WORDS = 4  # "Acme Holdings Inc." ends in a period too: a name, not a sentence
# A release notice's serial number: "Boletín de prensa No. 112", "Pressemitteilung Nr. 14/2032".
# The notice's number on the line under it: "Nomor: 88/HM/III/2032", "No. 45/2032", "Ref: PR-2032-14".
NOTICE_NUMBER_LINE = lazy_re.compile(
    r"^(?:nomor|number|no\.?|nr\.?|núm\.?|número|numéro|nº|n°|ref\.?|reference)\s*[:.]?\s*[\w/.-]*\d[\w/.-]*$",
    re.IGNORECASE,
)
_NOTICE_NUMBER = lazy_re.compile(r"\s+(?:no\.?|nº|n°|n\.º|nr\.?|núm\.?|número|#)\s*\d[\d/.-]*$")
_LONGEST_END_MARK = 2 * max(len(mark) for mark in END_MARKS)
_END_MARK_ENDINGS = ("###", "# # #", "-30-", "–30–", "—30—")
_TIME_OF_DAY = lazy_re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?(?:\s+[A-Z]{2,4}\b)?", re.IGNORECASE
)
# Embargo lines in lower case that open with neither "embargo" nor "sperrfrist" ("Embargada hasta …").
_MORE_EMBARGO_NOTICES = ("embargad", "sous embargo", "bajo embargo")
_EMBARGO_WORDS = ("embargo", "embargad", "sperrfrist", "hold for", "not for release", "for release")
# How far from the top a forward header may stand (under a cover note and an earlier forward).
_MAIL_HEADER_REACH = 16


@dataclass(slots=True)
class Furniture:
    """What the furniture rule found."""

    release: list[str] = field(default_factory=list)
    embargo: str | None = None
    byline: str | None = None
    date: str | None = None
    contacts: list[str] = field(default_factory=list)
    end_mark: str | None = None
    publisher: list[str] = field(default_factory=list)


# "UNIVERSITY OF SOUTHMERE - NEWS RELEASE", "Ministry of Transport | Press release": a masthead line,
# the issuer and the release notice on either side of a separator.
_MASTHEAD_SEPARATOR = lazy_re.compile(r"\s+(?:[-–—|·•/:]|--)\s+")
_MAX_ISSUER_WORDS = 8
_DECORATION = "*=~_ "
_BARE_NOTICES = frozenset(
    notice
    for notice in RELEASE_NOTICES
    if not notice.startswith(("for ", "embargo", "under ", "not ", "hold ", "immediate", "zur ", "pour "))
    and notice not in ("sperrfrist",)
)


def is_release_line(line: str) -> bool:  # "NEWS RELEASE", "Pressemitteilung Nr. 42/2031", "EMBARGOED …"
    lowered = line.lower().strip(_DECORATION)  # "*** EMBARGOED UNTIL 16:00 GMT ***": the stars set it off
    if lowered.startswith(_NOTICE_QUALIFIERS):
        lowered = lowered.split(None, 1)[-1]  # "DAILY NEWS RELEASE", "JOINT MEDIA RELEASE"
    if not lowered.startswith(RELEASE_NOTICES):
        return _masthead_notice(line)
    words = line.split()
    if len(words) > 16:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    upper_share = sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0
    bare = lowered.rstrip(" :.-–—")
    if _DIGIT.search(bare):
        bare = _NOTICE_NUMBER.sub("", bare)
    return (
        upper_share >= 0.6
        or bare in RELEASE_NOTICES
        or lowered.startswith(("for immediate release", "embargo", "sperrfrist", "for release", "hold for"))
        or lowered.startswith(_MORE_EMBARGO_NOTICES)
    )


def _masthead_notice(line: str) -> bool:
    """An issuer and a bare release notice on one line, a separator between them, in either order."""
    if not any(ch in line for ch in "-–—|·•/:") or line.count(" ") > _MAX_ISSUER_WORDS + 4:
        return False  # no separator, or too long for a masthead: decided before any pattern runs
    parts = _MASTHEAD_SEPARATOR.split(line)
    if len(parts) != 2:
        return False
    for notice, issuer in (parts, parts[::-1]):
        bare = _NOTICE_NUMBER.sub("", notice.lower().strip(" ."))  # "Staatskanzlei - Pressemitteilung Nr. 88"
        if bare in _BARE_NOTICES and 0 < len(issuer.split()) <= _MAX_ISSUER_WORDS:
            return not issuer.rstrip().endswith((".", "!", "?")) and issuer[:1].isupper()
    return False


def _is_end_mark(line: str) -> bool:
    if len(line) > _LONGEST_END_MARK:
        return False  # folded lines: an end mark of at most six signs spans at most twelve characters
    squeezed = "".join(line.split()).lower()
    if squeezed in END_MARKS:
        return (
            squeezed not in ("end", "ends") or line.strip(" -–—").isupper() or line.strip() in ("End", "Ends")
        )
    return False


def is_date_line(line: str) -> bool:
    """ "March 3, 2025", "Updated: 3 March 2025, 10:15 GMT", "Published Monday, March 3, 2025"."""
    found = find_date(line)
    if found is None:
        return False
    _, start, end = found
    rest = _TIME_OF_DAY.sub(" ", line[:start] + " " + line[end:])
    words = [w for w in rest.replace("|", " ").split() if w.strip(",.:-–—|/·•").lower() not in DATE_LABELS]
    return len(words) <= 1


def _may_open_contact_header(line: str) -> bool:
    """False when no contact header can open ``line`` (decided from its first two characters, memoised)."""
    opening = line[:2]
    known = _OPENINGS.get(opening)
    if known is None:
        if len(_OPENINGS) >= _MAX_OPENINGS:
            _OPENINGS.clear()  # the table stays small whatever the scripts of the texts read
        known = _OPENINGS[opening] = _CONTACT_OPENING.match(opening) is not None
    return known


def _contact_header(line: str) -> bool:
    if not _may_open_contact_header(line):
        return False  # no header starts so (decided before the pattern runs)
    match = _CONTACT_HEADER.match(line)
    if match is None:
        return False
    rest = line[match.end() :].lower()
    if rest.rstrip() == "" or rest.startswith((":", " :", "s:", "(")):
        return True
    tail = (rest.startswith(" ") and rest.endswith(":")) or rest.rstrip(" :").endswith(_CONTACT_INVITATIONS)
    if tail and len(rest.split()) <= _HEADER_TAIL_WORDS:
        return True  # "Media contact for the council:", "For more information, please contact"
    return rest.startswith((",", " ")) and bool(_EMAIL.search(line) or _PHONE.search(line))


def _contact_lead(line: str) -> bool:
    """ "For more information or to arrange interviews:" over contact details: a contact block's header."""
    if not line.endswith(":") or not _may_open_contact_header(line):
        return False
    match = _CONTACT_HEADER.match(line)
    return match is not None and len(line.split()) <= _MAX_LEAD_WORDS


def _name_or_role(line: str) -> bool:
    """ "Jo Bell", "Head of Media, Harlow Council": a contact's name or role, capitalised.

    Not a line of text ("County approves riverside cycle lanes" under a "Media
    Relations" label): that has two or more longer words in lower case.
    """
    lower = sum(1 for w in line.split() if len(w) > 3 and w.isalpha() and w.islower())
    return lower < 2


def _contact_like(work: Work) -> bool:
    """Short lines with an e-mail address, a phone number or a web address: contact details."""
    lines = work.lines
    if len(lines) == 1:
        if lines[0].count(" ") > 11:  # folded: words - 1 spaces
            return False  # one long line: a paragraph (the common case, decided without a generator)
    elif len(lines) > 8 or any(line.count(" ") > 11 for line in lines):
        return False
    text = work.text
    # the plain substring tests are quick and rule out most paragraphs before a pattern runs
    return bool(
        ("@" in text and _EMAIL.search(text))
        or (_DIGIT.search(text) and _PHONE.search(text))
        or (("://" in text or "www." in text.lower()) and _URL.search(text))
    )


def is_about_heading(line: str) -> bool:
    """ "About Acme", "Über die Stadtwerke", "Notes to editors": the heading of a boilerplate section."""
    lowered = line.lower()
    if not lowered.startswith(BOILERPLATE_HEADINGS):
        return False
    words = line.split()
    if len(words) > 8 or line.endswith((",", ";")):
        return False
    head = next((p for p in BOILERPLATE_HEADINGS if lowered.startswith(p)), "")
    rest = line[len(head) :].lstrip()
    return not rest or rest[0].isupper() or not head.endswith(" ")


def extract_furniture(works: list[Work], found: Furniture) -> list[Work]:
    """Mark furniture blocks (kind ``furniture``) and record what they say in ``found``."""
    marked = _extract(works, found)
    _letterhead(marked, found)
    return marked


def _letterhead(works: list[Work], found: Furniture) -> None:
    """Short lines above the release notice ("ACME CORPORATION") are the issuer's letterhead."""
    notice = next((i for i, w in enumerate(works) if w.reason.startswith("release notice")), None)
    if notice is None or notice == 0:
        return
    above = works[:notice]
    if all(w.kind == FURNITURE or (w.kind == PARAGRAPH and _letterhead_line(w)) for w in above):
        for work in above:
            if work.kind == PARAGRAPH:
                work.kind, work.reason = FURNITURE, LETTERHEAD
                found.publisher.extend(work.lines)


def _letterhead_in_block(lines: list[str], head: list[Work], found: Furniture) -> None:
    """ "SHERIFF'S OFFICE" over "DAILY NEWS RELEASE" in one block: the issuer's letterhead, peeled off."""
    at = next(
        (k for k, line in enumerate(lines[1:_MAX_LETTERHEAD_LINES], start=1) if is_release_line(line)), None
    )
    if at is None or not all(_letterhead_text(line) and not is_release_line(line) for line in lines[:at]):
        return
    for line in lines[:at]:
        head.append(_furniture(line, LETTERHEAD))
        found.publisher.append(line)
    del lines[:at]


def _letterhead_text(line: str) -> bool:
    return len(line.split()) <= _MAX_LETTERHEAD_WORDS and line.rstrip()[-1:] not in ".!?:"


def _letterhead_line(work: Work) -> bool:
    # "PRÉFET DE …" over the motto "Liberté / Égalité / Fraternité": a state's letterhead is four lines
    return (
        len(work.lines) <= _MAX_LETTERHEAD_LINES
        and all(len(line.split()) <= _MAX_LETTERHEAD_WORDS for line in work.lines)
        and not work.aside
        and not _note_line(work.lines[-1])
    )


def _note_line(line: str) -> bool:
    """ "Bonjour,", "Please find below our release.": a covering note's line, not a letterhead."""
    end = line.rstrip()[-1:]
    return end == "," or (end in ".!?" and len(line.split()) >= _MIN_NOTE_SENTENCE_WORDS)


# Headers that announce contacts or only more reading ("For more information" over links): a block of
# its own with one of them is a contact header only when contact details follow it.
_WEAK_HEADERS = (
    "for more information",
    "for further information",
    "further information",
    "para más información",
)


def _weak_header(piece: Work, following: Work | None) -> bool:
    """ "For More Information" over "Questions and answers on …": a heading, not a contact block."""
    if len(piece.lines) > 1 or _contact_like(piece):
        return False
    if piece.lines[0].rstrip(" :.").lower() not in _WEAK_HEADERS:
        return False  # "For more information, please contact …" is a contact line
    return following is None or not (
        following.kind == PARAGRAPH and (_contact_like(following) or _contact_header(following.lines[0]))
    )


def _extract(works: list[Work], found: Furniture) -> list[Work]:
    out: list[Work] = []
    top = True
    seen = 0
    in_contact = False
    after_end = False
    for at, work in enumerate(works):
        if work.kind != PARAGRAPH or work.hint not in (None, "paragraph"):
            top = False
            in_contact = False
            out.append(work)
            continue
        if at < _MAIL_HEADER_REACH and mail_header(work.lines):
            # transport, not release: every word kept as text, but never headline, heading or lede
            work.aside, work.hint = True, "paragraph"
            work.reason = MAIL_HEADER
            # the forwarded message starts under its header: its release notice or embargo line is the
            # top of the release, however long the covering note above it was
            top, seen = True, 0
            out.append(work)
            continue
        pieces = _peel(work, found, top)
        for piece in pieces:
            if wire_end(piece, out[-1] if out else None):
                piece.kind, piece.reason = FURNITURE, "a wire service's closing line -> metadata.end_mark"
                found.end_mark = "\n".join([*([found.end_mark] if found.end_mark else []), *piece.lines])
                after_end, in_contact = True, False
            if piece.kind == FURNITURE or piece.aside:
                if piece.reason.startswith("end mark"):
                    after_end = True
                out.append(piece)
                continue
            if (
                _contact_header(piece.lines[0])
                and (len(piece.text.split()) <= 60 or _contact_like(piece))
                and not _weak_header(piece, works[at + 1] if at + 1 < len(works) else None)
            ) or (len(piece.lines) > 1 and _contact_lead(piece.lines[0]) and _contact_like(piece)):
                piece.kind, piece.reason = FURNITURE, "media contact block -> metadata.contacts"
                found.contacts.append("\n".join(piece.lines))
                # a bare header ("Media contact:") announces details in the blocks that follow
                last = piece.lines[-1]  # "Media contact:", "…, please contact", "Press contacts"
                bare = len(piece.lines) == 1 and _CONTACT_HEADER.fullmatch(last.rstrip(" :")) is not None
                in_contact = bare or last.endswith(":") or last.lower().endswith(_CONTACT_INVITATIONS)
                out.append(piece)
                continue
            if (in_contact or after_end) and _contact_like(piece) and not is_about_heading(piece.lines[0]):
                piece.kind, piece.reason = FURNITURE, "contact details -> metadata.contacts"
                if in_contact and found.contacts:
                    found.contacts[-1] += "\n" + "\n".join(piece.lines)
                else:
                    found.contacts.append("\n".join(piece.lines))
                out.append(piece)
                continue
            in_contact = (
                in_contact
                and len(piece.text.split()) <= 12
                and len(piece.lines) <= 3
                and not (is_about_heading(piece.lines[0]))
                and all(_name_or_role(line) for line in piece.lines)
                and not (
                    _contact_like(out[-1]) and not (at + 1 < len(works) and _contact_like(works[at + 1]))
                )
            )
            if in_contact:
                piece.kind, piece.reason = FURNITURE, "contact details -> metadata.contacts"
                found.contacts[-1] += "\n" + "\n".join(piece.lines)
                out.append(piece)
                continue
            seen += 1
            if top and (seen >= _TOP_REGION_BLOCKS or len(piece.text.split()) > _TOP_REGION_WORDS):
                top = False  # release notice, byline and date lines sit above the body, nowhere else
            out.append(piece)
    return out


def _peel(work: Work, found: Furniture, top: bool) -> list[Work]:
    """Split furniture lines off the top and bottom of a block; return the pieces in order."""
    if not top:
        last = work.lines[-1] if work.lines else ""
        if not last or (len(last) > _LONGEST_END_MARK and not last.endswith(_END_MARK_ENDINGS)):
            return [work]  # below the top, only an end mark is peeled: none here (decided without copying)
    lines = list(work.lines)
    head: list[Work] = []
    tail: list[Work] = []
    if top and len(lines) > 1:
        _letterhead_in_block(lines, head, found)
    # Release notice (and a date line under it), byline, bare date lines: only above the body.
    while top and lines:
        line = lines[0]
        if is_release_line(line):
            found.release.append(line)
            lowered = line.lower()
            if (
                found.embargo is None
                and "immediate" not in lowered
                and any(k in lowered for k in _EMBARGO_WORDS)
            ):
                found.embargo = find_datetime(line)
            elif "immediate" in lowered:
                _note_date(found, line)  # "FOR IMMEDIATE RELEASE: March 3, 2025" dates the release
            head.append(_furniture(line, "release notice -> metadata.release"))
            lines.pop(0)
        elif head and head[-1].reason.startswith("release") and NOTICE_NUMBER_LINE.match(line):
            found.release.append(line)  # "SIARAN PERS" over "Nomor: 88/HM/III/2032": the notice's number
            head.append(_furniture(line, "number under the release notice -> metadata.release"))
            lines.pop(0)
        elif _is_byline(line, len(lines)):
            found.byline = line if found.byline is None else f"{found.byline}\n{line}"
            head.append(_furniture(line, "byline -> metadata.byline"))
            lines.pop(0)
        elif (head or len(lines) == 1) and len(line.split()) <= 8 and is_date_line(line):
            _note_date(found, line)
            if found.release and head and head[-1].reason.startswith("release"):
                found.release.append(line)
                head.append(_furniture(line, "date under the release notice -> metadata.release"))
            elif found.byline is not None and head and head[-1].reason.startswith("byline"):
                found.byline += "\n" + line
                head.append(_furniture(line, "date under the byline -> metadata.byline"))
            else:
                # A date on its own line stays in the body (SPEC keeps every word); only its date is read.
                kept = Work(text=line, lines=[line], date_line=True, aside=True)
                kept.reason = "date line above the body: kept as text, its date -> metadata.date"
                head.append(kept)
            lines.pop(0)
        else:
            break
    if (
        lines
        and lines[-1].endswith(_END_MARK_ENDINGS)
        and _TRAILING_END_MARK.search(lines[-1])
        and not _is_end_mark(lines[-1])
    ):
        # "… as of today. ###": the end mark typed on the last line of the text
        last = lines.pop()
        trailing = _TRAILING_END_MARK.search(last)
        assert trailing is not None
        lines.extend([last[: trailing.start()].rstrip(), trailing.group().strip()])
    marks: list[str] = []
    while lines and _is_end_mark(lines[-1]):
        mark = lines.pop()
        marks.insert(0, mark)
        tail.insert(0, _furniture(mark, "end mark -> metadata.end_mark"))
    if marks:  # every mark as written, in order ("###" then "-30-"), one per line
        found.end_mark = "\n".join([*([found.end_mark] if found.end_mark else []), *marks])
    if lines == work.lines:
        return [work]
    pieces = list(head)
    if lines:
        pieces.append(Work(text=" ".join(lines), lines=lines, hint=work.hint))
    return [*pieces, *tail]


def _is_byline(line: str, block_lines: int) -> bool:
    if not _BYLINE.match(line) or line.endswith((".", "?", "!", ":")):
        return False
    words = line.split()
    if len(words) > 14 or (block_lines > 1 and len(words) > 8):
        return False
    # "By Friday, the company …" is a sentence: a comma followed by a lower-case word
    return not re.search(r",\s+[a-z]", line)


def _note_date(found: Furniture, line: str) -> None:
    parsed = find_date(line)
    if parsed is not None and found.date is None:
        found.date = parsed[0]


def _furniture(line: str, reason: str) -> Work:
    return Work(text=line, lines=[line], kind=FURNITURE, reason=reason)
