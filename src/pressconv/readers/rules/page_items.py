"""Page items: lines a form, a letterhead or a web page stacks without blank lines, each an item of its own.

SPEC §3 reads a single newline as a wrapped line, but some stacks of short lines
are no wrapped paragraph, and SPEC §2 keeps every word of them as text:

- **Form fields** above a release ("Date: April 19, 2026" / "Case #: 26-004183" /
  "Release by: Lt. Dana Whitford, Public Information Officer"): a short label, a
  colon and a short value on every line — one item per field, set apart (a contact
  field stays the furniture rule's, a forwarded e-mail's header the mail rule's).
- **A letterhead** above the headline ("University of Whitmoor" / "Press Office"):
  once the headline is chosen, a block above it of short capitalised lines (no
  sentence, no comma running on, no colon, no digit) whose last line names the
  issuer's office or unit is one item per line.
- **A mailing list's footer** at the foot of the text ("You are subscribed to press
  releases from …", "Unsubscribe"): the list's, not the release's — set apart.
- **"Find out more"** over running text: a section heading (SPEC §3: a short line
  followed by body text), although alone, or over links, it is a page's button.

Every check is gated on a character or a word the shape must hold (a colon, the
headline's index, "subscri"), so most blocks are passed over without a pattern.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import HEADLINE, PARAGRAPH, SUBTITLE, Work
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.lexicon import CONTACT_HEADERS
from pressconv.readers.mail_header import mail_header
from pressconv.readers.press_furniture import is_release_line
from pressconv.readers.rules.masthead_lines import organisation_line
from pressconv.readers.worklist import WorkList

_MAX_FIELDS = 8
_MAX_FIELD_LINE = 100
_MAX_LABEL_WORDS = 3
_MAX_VALUE_WORDS = 10
_MAX_HEAD_LINES = 2
_MAX_HEAD_WORDS = 8
# "Case #: 26-004183", "Release by: Lt. …", "Incident No.: 4411", "Datum: 03.02.2026": a label, a colon,
# a value.  The label opens in capitals and holds words, "#", "No." or "&".
_FIELD = lazy_re.compile(r"^([A-ZÀ-Ý][\w’'&#./ -]{0,30}?)\s?:\s+(\S.*)$")
# Labels of a contact card's lines: such a block is the furniture rule's contact block.
_CONTACT_LABELS = frozenset(
    {
        "tel", "tel.", "tél", "tél.", "phone", "telephone", "telefon", "téléphone", "teléfono", "fax",
        "mobile", "cell", "handy", "móvil", "portable", "e-mail", "email", "mail", "courriel", "correo",
        "web", "website", "internet", "url", "office", "after hours", "direct", "switchboard", "pager",
    }
)  # fmt: skip
_CONTACT_OPENINGS = tuple(CONTACT_HEADERS)
FIELD_REASON = "a form's fields stacked without blank lines, one item each: set apart"
_CONTACT_FIELD_REASON = "a contact field in a stack of form fields: the furniture rule's"


def field_start(lines: list[str]) -> int | None:
    """Where a block's form fields start ("Date: …" / "Case #: …" / "Release by: …" to its end), or None.

    Every line from there on is a short label and a short value; above them at most
    ``_MAX_HEAD_LINES`` short lines with no colon (the issuer's name, "News Release").
    """
    if not 2 <= len(lines) <= _MAX_FIELDS + _MAX_HEAD_LINES or ":" not in lines[-1] or ":" not in lines[-2]:
        return None  # most blocks: decided on the last two lines' colons
    if any(len(line) > _MAX_FIELD_LINE or "@" in line for line in lines) or mail_header(lines):
        return None  # a contact card, a forwarded e-mail's header
    start = 0
    while start < len(lines) and ":" not in lines[start]:
        start += 1
    if start > _MAX_HEAD_LINES or len(lines) - start < 2 or len(lines) - start > _MAX_FIELDS:
        return None
    if not all(_head_line(line) for line in lines[:start]):
        return None
    if any(line.lower().startswith(_CONTACT_OPENINGS) for line in lines[:-1]):
        return None  # "Contact: Public Affairs" over "Office: …" / "After Hours: …": a contact block
    return start if all(_field_line(line) for line in lines[start:]) else None


def _head_line(line: str) -> bool:
    """ "Lone Pine Police Department", "News Release": a short line over the fields, no sentence."""
    return len(line.split()) <= _MAX_HEAD_WORDS and line[:1].isupper() and not ends_sentence(line)


def _field_line(line: str) -> bool:
    found = _FIELD.match(line)
    if found is None:
        return False
    label, value = found.group(1), found.group(2)
    if len(label.split()) > _MAX_LABEL_WORDS or len(value.split()) > _MAX_VALUE_WORDS:
        return False
    # a contact card; a sentence ("Note: …."); "FOR RELEASE: …" is the furniture rule's
    return label.lower() not in _CONTACT_LABELS and not ends_sentence(line) and not is_release_line(line)


def field_items(lines: list[str], start: int) -> list[Work]:
    """The lines over the fields as one block (the letterhead's), then one block per field, set apart; a
    contact field ("Contact: Lt. …") is left to the furniture rule."""
    out = [Work(text=" ".join(lines[:start]), lines=lines[:start])] if start else []
    for line in lines[start:]:
        if line.lower().startswith(_CONTACT_OPENINGS):
            piece = Work(text=line, lines=[line], reason=_CONTACT_FIELD_REASON)
        else:
            piece = Work(text=line, lines=[line], hint="paragraph", reason=FIELD_REASON, aside=True)
        out.append(piece)
    return out


# --- a letterhead or masthead above the headline -------------------------------------------------------

_MAX_MASTHEAD_LINES = 5
_HEADLINE_REACH = 12
_MAX_MASTHEAD_WORDS = 8
_MASTHEAD_REASON = "a letterhead or masthead line above the headline: an item of its own, kept as text"


def apply(work: WorkList) -> None:
    """Split stacked name lines above the headline; set a mailing list's footer apart."""
    blocks = work.blocks
    top = 0
    for at in range(1, min(len(blocks), _HEADLINE_REACH)):
        if blocks[at].kind is HEADLINE:
            top = at
            break
    if top:  # blocks above the headline: most texts open with it
        out: list[Work] = []
        for block in blocks[:top]:
            out.extend(_masthead_lines(block) if len(block.lines) > 1 else [block])
        if len(out) != top:
            blocks[:top] = out
            top = len(out)
        _field_under_fields(blocks, top)
    _list_footer(blocks)


def _field_under_fields(blocks: list[Work], top: int) -> None:
    """ "Recall Date: …" / "Recall Number: …" under the headline, then "Name of Product: …": the last field
    of the form, not the dek (the dek stands directly under the headline)."""
    at = top + 1
    fields = 0
    while at < len(blocks) and blocks[at].aside:
        fields += blocks[at].reason == FIELD_REASON
        at += 1
    if not fields or at >= len(blocks) or blocks[at].kind != SUBTITLE or ":" not in blocks[at].text:
        return
    work = blocks[at]
    found = _FIELD.match(work.text)
    if found is not None and len(found.group(1).split()) <= _MAX_LABEL_WORDS and not ends_sentence(work.text):
        work.kind, work.hint, work.aside = PARAGRAPH, "paragraph", True
        work.reason = "a form field under the form's other fields: set apart, not the dek"


def _masthead_lines(work: Work) -> list[Work]:
    if (
        work.kind != PARAGRAPH
        or work.hint != "paragraph"
        or work.aside
        or len(work.lines) > _MAX_MASTHEAD_LINES
    ):
        return [work]  # a forwarded e-mail's header, a stack already set apart: theirs
    if "@" in work.text:
        return [work]  # an address line: a contact card
    for line in work.lines:
        if (
            len(line.split()) > _MAX_MASTHEAD_WORDS
            or not line[:1].isupper()
            or line.rstrip()[-1:] in ".!?,;:"
            or ":" in line
            or any(ch.isdigit() for ch in line)
        ):
            return [work]  # a sentence, a wrapped line running on, a label and its value, a code or a date
    if not organisation_line(work.lines[-1]):
        return [work]  # the issuer over its press unit ("… / Press Office"); a name over a role is one item
    return [Work(text=line, lines=[line], hint="paragraph", reason=_MASTHEAD_REASON) for line in work.lines]


# --- a mailing list's footer ----------------------------------------------------------------------------

_FOOTER_REACH = 3
_MAX_FOOTER_CHARS = 400
_LIST_FOOTER = lazy_re.compile(
    r"\b(?:you (?:are|were) (?:subscribed|receiving)|unsubscribe|subscription preferences"
    r"|manage (?:your )?(?:subscription|preferences|e-?mail)|update your (?:subscription|preferences)"
    r"|(?:no longer|not) wish to receive|opt[- ]out of|sie erhalten diese|abmelden|vous recevez ce"
    r"|se désabonner|désinscri|darse de baja|cancelar (?:la|su) suscripción)",
    re.IGNORECASE,
)
_FOOTER_REASON = "a mailing list's subscription footer: kept as text, set apart from the release"


def _footer_word(text: str) -> bool:
    """What a footer's text holds, looked for (case as written) before the pattern runs."""
    return (
        "ubscri" in text  # subscribed, Unsubscribe, subscription
        or "eceiv" in text  # You are receiving, wish to receive
        or "bonn" in text  # abonné, se désabonner
        or "bmeld" in text  # abmelden
        or "rhalten" in text  # Sie erhalten diese …
        or "ecevez" in text
        or "baja" in text
        or "suscri" in text  # suscripción
        or "sinscri" in text  # se désinscrire
        or "pt out" in text
        or "pt-out" in text
    )


def _list_footer(blocks: list[Work]) -> None:
    """ "You are subscribed to press releases from …": the last blocks of a mailed release, set apart."""
    for work in blocks[-_FOOTER_REACH:]:
        if work.kind != PARAGRAPH or work.hint not in (None, "paragraph") or work.aside:
            continue
        text = work.text
        if len(text) > _MAX_FOOTER_CHARS:
            continue
        if _footer_word(text) and _LIST_FOOTER.search(text):
            work.hint, work.aside, work.reason = "paragraph", True, _FOOTER_REASON


# --- "Find out more" over running text -------------------------------------------------------------------

# A page's invitation to read on, a heading of its own when running text follows it.
_INVITATIONS = frozenset(
    {"find out more", "learn more", "en savoir plus", "mehr erfahren", "más información"}
)
_MIN_BODY_WORDS = 6
INVITATION_CHARS = 22  # the longest invitation ("pour en savoir plus :") and one more
INVITATION_HEADING = 'an invitation to read on ("Find out more") over running text: a section heading'


def invitation_heading(works: list[Work], at: int) -> bool:
    """ "Find out more" over "Opening hours … are on the council's libraries page.": a heading."""
    work = works[at]
    text = work.text
    if len(text) >= INVITATION_CHARS or text[:1] not in "FfLlEeMm":
        return False  # decided on the first letter and the length: most blocks
    if work.kind != PARAGRAPH or work.hint is not None or work.aside or len(work.lines) != 1:
        return False
    if text.rstrip(" :.").lower() not in _INVITATIONS:
        return False
    after = works[at + 1] if at + 1 < len(works) else None
    return (
        after is not None
        and after.kind == PARAGRAPH
        and after.hint is None
        and not after.aside
        and len(after.text.split()) >= _MIN_BODY_WORDS
        and ends_sentence(after.text)
        and not _only_links(after.text)
    )


def _only_links(text: str) -> bool:
    return ("://" in text or "www." in text) and len(text.split()) < 2 * _MIN_BODY_WORDS
