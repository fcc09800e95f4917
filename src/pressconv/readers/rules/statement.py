"""Rule: a statement issued in someone's name -> that person is the speaker of its unattributed quotes.

Government and company pages publish statements whose quotes carry no
attribution of their own: the headline says whose words they are ("Statement
by Governor Ana Ruiz on the storm", "Statement from the Secretary-General",
"Déclaration de …"), or a sentence above them does ("Jane Smith issued the
following statement:", "The following is a statement from …:").  This rule
only finds the issuer as written and where; the speaker rule resolves it to a
full name (a role such as "the Secretary-General" to the person the text names
in that role) and gives it to every quote, and every partial quotation, that
has no attribution of its own.  "The following statement can be attributed to
X:" and "Please attribute the following to X:" (police and agency releases) name
the issuer too; a joint statement of two people has no single issuer.  A page
labelled "PRESS STATEMENT" that names no one at the top is the statement of the
person who signs it at the foot ("Hon. Jane Doe / Cabinet Secretary, Roads").
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, HEADING, HEADLINE, PARAGRAPH, SUBTITLE, Kind
from pressconv.readers.name_runs import is_name, runs, sentence_ends, split_title
from pressconv.readers.speakers.words import is_organisation
from pressconv.readers.worklist import WorkList

_FULL_NAME = 2
# "PRESS STATEMENT", "Statement", "Joint Statement": a label saying the page is a statement.
_LABEL = lazy_re.compile(
    r"(?:press |media |official |public |joint )?"
    r"(?:statement|déclaration|declaración|comunicado|erklärung|stellungnahme)[.:]?",
    re.IGNORECASE,
)
_SIGNED = frozenset({"signed", "sgd", "signé", "firmado", "gezeichnet", "gez"})
# A signature: its last few blocks, each a few short lines, the name a few words.
_SIGNATURE_BLOCKS = 3
_MAX_SIGNATURE_LINES = 4
_MAX_SIGNATURE_WORDS = 16
_MAX_NAME_WORDS = 6
# How many blocks from the top a statement's headline or introduction may stand.
_TOP_BLOCKS = 6
_MAX_HEADLINE_CHARS = 200
_KEYWORDS = (
    "statement",
    "remarks",
    "message",
    "declaration",
    "déclaration",
    "declaración",
    "comunicado",
    "erklärung",
    "stellungnahme",
)
_HEADLINE = lazy_re.compile(
    r"^(?:[A-Z][\w’'-]*\s+){0,3}?"  # "Joint", "Press", "Readout of a" …
    r"(?:statement|remarks|message|declaration|déclaration|declaración|comunicado|erklärung|stellungnahme)"
    r"\s+(?:issued\s+)?(?:on behalf of|by|from|of|de|del|de la|du|des|von|der|des)\s+"
    r"(?P<who>.+?)"
    r"(?:\s+(?:on|about|regarding|following|after|in response to|at|to mark"
    r"|sur|à propos|sobre|zu|zum|zur)\b.*"
    r"|\s*[:,]\s.*|\s[–—-]\s.*)?$",
    re.IGNORECASE,
)
# "Attorney General Okoro-Lindahl Statement on …", "Mayor Reed’s statement on …", "Governor Ruiz Issues
# Statement on …": the issuer first.
_NAME_FIRST = lazy_re.compile(
    r"^(?P<who>[A-ZÀ-Ý][^:]{2,80}?)(?:[’']s)?\s+"
    # "Governor Ruiz Issues Statement on …": a headline's verb in title case is no part of the name
    r"(?:(?:issues|releases|delivers|makes|gives|shares|publishes)\s+(?:a\s+|the\s+)?)?"
    r"(?:statement|remarks|message)\s+"
    r"(?:on|about|regarding|following|after|in response to|to mark)\b",
    re.IGNORECASE,
)
# Where the issuer's name ends in an introduction that goes on: "… from X on the decision to …".
_TOPIC = lazy_re.compile(
    r"\s+(?:on|about|regarding|following|after|in response to|at|to mark|sur|à propos|sobre|zu|zum|zur)\s.*$"
    r"|\s*[,:]\s.*$",
    re.IGNORECASE,
)
# "… issued the following statement", "… has released the following remarks": the issuer is the subject.
_ISSUED = lazy_re.compile(
    r"\s(?:has\s+|have\s+)?(?:issued|released|made|gave|delivered|published|shared)\s+"
    r"the following\s+(?:statement|remarks|message)\b",
    re.IGNORECASE,
)
# "… the following statement on behalf of Chairman X regarding …:": the person named after it instead.
_ON_BEHALF = lazy_re.compile(r"\s+(?:on behalf of|by|from)\s+(?P<who>[^:]{3,120})", re.IGNORECASE)
_FOLLOWING_IS = lazy_re.compile(
    r"(?:the following is|below is) (?:a|the) (?:statement|message|remarks) (?:on behalf of|by|from|of)\s+"
    r"(?P<who>[^:]{3,120}?)\s*[:.,]"
    # "The following statement can be attributed to X:", "Please attribute the following to X:"
    r"|(?:can|may|should|is to|are to) be attributed to\s+(?P<to>[^:]{3,120}?)\s*[:.]\s*$"
    r"|please attribute (?:the following|this statement|these remarks|this)\s+to\s+"
    r"(?P<attribute>[^:]{3,120}?)\s*[:.]\s*$",
    re.IGNORECASE,
)
# An issuer written as the subject of a long sentence is cut to its last words (the name ends it).
_MAX_SUBJECT_WORDS = 16


def apply(work: WorkList) -> None:
    """Set ``work.issuer`` when the headline or an introducing sentence names whose statement this is.

    A headline that names only an office ("Statement by the Cabinet Secretary …") gives way to an
    introduction further down that names the person ("The Cabinet Secretary …, Hon. Jane Doe,
    issued the following statement:").
    """
    seen = 0
    chosen: tuple[str, str] | None = None
    labelled = False  # a "PRESS STATEMENT" label at the top: a signature at the foot names the issuer
    for number, block in enumerate(work.blocks):
        if block.kind == FURNITURE or block.aside:
            continue
        seen += 1
        if seen > _TOP_BLOCKS:
            break
        lowered = block.text[:_MAX_HEADLINE_CHARS].lower()
        if not any(word in lowered for word in _KEYWORDS) and "ollowing" not in block.text:
            continue  # neither a statement headline nor an introduction: the regular expressions need not run
        labelled = labelled or _LABEL.fullmatch(block.text.strip()) is not None
        found = _in_block(number, block.kind, block.text)
        if found is None:
            continue
        if chosen is None:
            chosen = found
        if names_person(found[0]):
            chosen = found
            break
    if chosen is None and labelled:
        chosen = _signature(work)
    if chosen is not None:
        work.issuer, work.issuer_evidence = chosen


def _signature(work: WorkList) -> tuple[str, str] | None:
    """ "Hon. Jane Doe / Cabinet Secretary, Roads": the name that signs a statement at its foot."""
    seen = 0
    for number in range(len(work.blocks) - 1, -1, -1):
        block = work.blocks[number]
        if block.kind == FURNITURE or block.aside:
            continue
        seen += 1
        if seen > _SIGNATURE_BLOCKS:
            return None
        lines = [line.strip() for line in block.lines or [block.text] if line.strip()]
        if lines and lines[0].lower().rstrip(":.") in _SIGNED:
            lines = lines[1:]  # "Signed:" above the name
        if (
            block.kind not in (PARAGRAPH, HEADING)
            or block.spans
            or not lines
            or len(lines) > _MAX_SIGNATURE_LINES
            or len(block.text.split()) > _MAX_SIGNATURE_WORDS
            or any(ch.isdigit() or ch == "@" for ch in block.text)  # a contact line, not a signature
        ):
            continue
        name = lines[0].rstrip(",")
        if names_person(name) and len(name.split()) <= _MAX_NAME_WORDS:
            return name, f"block {number + 1} signs the statement: {name!r}"
    return None


def _in_block(number: int, kind: Kind, text: str) -> tuple[str, str] | None:
    """(issuer as written, evidence) when this block is a statement headline or introduction."""
    if kind in (HEADLINE, SUBTITLE, PARAGRAPH, HEADING) and len(text) < _MAX_HEADLINE_CHARS:
        match = _HEADLINE.match(text) or _NAME_FIRST.match(text)
        # "X issued the following statement after …:" is an introduction, read below
        if match and _plausible(match.group("who")) and not match.group("who").endswith(" the following"):
            evidence = f'block {number + 1} is a statement headline: "{text[:60]}"'
            return match.group("who").strip(" ,"), evidence
    if kind != PARAGRAPH:
        return None
    who = _introduced(text)
    if who is not None and _plausible(who):
        return who, f"block {number + 1} introduces the statement: {_last_sentence(text)!r}"
    return None


def _introduced(text: str) -> str | None:
    """The issuer an introducing sentence (the paragraph's last) names, as written, or None."""
    sentence = _last_sentence(text)
    following = _FOLLOWING_IS.search(sentence)
    if following:
        who = following.group("who") or following.group("to") or following.group("attribute")
        return _TOPIC.sub("", who).strip(" ,")
    issued = _ISSUED.search(sentence)
    if issued is None:
        return None
    behalf = _ON_BEHALF.match(sentence, issued.end())
    if behalf:
        return _TOPIC.sub("", behalf.group("who").rstrip(" .:")).strip(" ,")
    before = sentence[: issued.start()]
    dash = max(before.rfind(" — "), before.rfind(" -- "), before.rfind(" – "))
    if dash >= 0 and names_person(before[dash + 3 :]):
        before = before[dash + 3 :].lstrip("- ")  # "PINE FALLS — Governor Jane Doe issued …": past the dash
    # "Following the board's decision …, general secretary Jane Doe issued …": an opening clause set off
    # by a comma is not the issuer; the shortest tail after a comma that names a person is
    # ("Jane Doe, chief executive of Acme," keeps its apposition: the tail after it names no one)
    comma = before.rfind(", ", 0, len(before.rstrip(" ,")))
    while comma >= 0:
        tail = before[comma + 2 :].strip(" ,")
        if names_person(tail):
            return tail
        comma = before.rfind(", ", 0, comma)
    subject = before.split()[-_MAX_SUBJECT_WORDS:]
    return " ".join(subject).strip(" ,")


def _last_sentence(text: str) -> str:
    ends = [e for e in sentence_ends(text) if text[e:].strip()]
    return text[ends[-1] :].strip() if ends else text.strip()


def names_person(who: str) -> bool:
    """True when the issuer as written holds a person's full name, not only an office or organisation."""
    for run in runs(who):
        if run.possessive:
            continue  # "Acme Trust's chief executive …": the owner, not the issuer
        _title, name = split_title(run.tokens)
        if len(name) >= _FULL_NAME and is_name(name) and not is_organisation(name):
            return True
    return False


def _plausible(who: str) -> bool:
    """A name or a role, not a clause: a few words, the first capitalised or "the", or a titled name
    ("general secretary Jane Doe")."""
    words = who.split()
    return 0 < len(words) <= _MAX_SUBJECT_WORDS and (
        who[:1].isupper() or words[0].lower() in ("the", "la", "le", "el") or names_person(who)
    )
