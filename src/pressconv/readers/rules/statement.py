"""Rule: a statement issued in someone's name -> that person is the speaker of its unattributed quotes.

Government and company pages publish statements whose quotes carry no
attribution of their own: the headline says whose words they are ("Statement
by Governor Ana Ruiz on the storm", "Statement from the Secretary-General",
"Déclaration de …"), or a sentence above them does ("Jane Smith issued the
following statement:", "The following is a statement from …:").  This rule
only finds the issuer as written and where; the speaker rule resolves it to a
full name (a role such as "the Secretary-General" to the person the text names
in that role) and gives it to every quote, and every partial quotation, that
has no attribution of its own.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, HEADING, HEADLINE, PARAGRAPH, SUBTITLE
from pressconv.readers.worklist import WorkList

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
    r"\s+(?:by|from|of|de|del|de la|du|des|von|der|des)\s+"
    r"(?P<who>.+?)"
    r"(?:\s+(?:on|about|regarding|following|after|in response to|at|to mark"
    r"|sur|à propos|sobre|zu|zum|zur)\b.*"
    r"|\s*[:,]\s.*|\s[–—-]\s.*)?$",
    re.IGNORECASE,
)
# "Attorney General Okoro-Lindahl Statement on …", "Mayor Reed’s statement on …": the issuer first.
_NAME_FIRST = lazy_re.compile(
    r"^(?P<who>[A-ZÀ-Ý][^:]{2,80}?)(?:[’']s)?\s+(?:statement|remarks|message)\s+"
    r"(?:on|about|regarding|following|after|in response to|to mark)\b",
    re.IGNORECASE,
)
# Where the issuer's name ends in an introduction that goes on: "… from X on the decision to …".
_TOPIC = lazy_re.compile(
    r"\s+(?:on|about|regarding|following|after|in response to|at|to mark|sur|à propos|sobre|zu|zum|zur)\s.*$"
    r"|\s*[,:]\s.*$",
    re.IGNORECASE,
)
_INTRODUCED = lazy_re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<who>[^.!?]{3,120}?)\s+(?:has\s+)?(?:issued|released|made|gave|delivered)\s+"
    r"the following\s+(?:statement|remarks|message)\b[^.!?]*[:.]\s*$"
    r"|the following is (?:a|the) (?:statement|message|remarks) (?:by|from|of)\s+"
    r"(?P<who2>[^:]{3,120}?)\s*[:.,]",
    re.IGNORECASE,
)


def apply(work: WorkList) -> None:
    """Set ``work.issuer`` when the headline or an introducing sentence names whose statement this is."""
    seen = 0
    for number, block in enumerate(work.blocks):
        if block.kind == FURNITURE or block.aside:
            continue
        lowered = block.text[:_MAX_HEADLINE_CHARS].lower()
        if not any(word in lowered for word in _KEYWORDS) and "ollowing" not in block.text:
            seen += 1
            if seen > _TOP_BLOCKS:
                return
            continue  # neither a statement headline nor an introduction: the regular expressions need not run
        seen += 1
        if seen > _TOP_BLOCKS:
            return
        if block.kind in (HEADLINE, SUBTITLE, PARAGRAPH, HEADING) and len(block.text) < _MAX_HEADLINE_CHARS:
            match = _HEADLINE.match(block.text) or _NAME_FIRST.match(block.text)
            if match and _plausible(match.group("who")):
                work.issuer = match.group("who").strip(" ,")
                work.issuer_evidence = f'block {number + 1} is a statement headline: "{block.text[:60]}"'
                return
        if block.kind == PARAGRAPH:
            found = _INTRODUCED.search(block.text)
            if found:
                who = _TOPIC.sub("", found.group("who") or found.group("who2") or "").strip(" ,")
                if _plausible(who):
                    work.issuer = who
                    work.issuer_evidence = (
                        f"block {number + 1} introduces the statement: {found.group().strip()!r}"
                    )
                    return


def _plausible(who: str) -> bool:
    """A name or a role, not a clause: a few words, the first capitalised or "the"."""
    words = who.split()
    return 0 < len(words) <= 10 and (who[:1].isupper() or words[0].lower() in ("the", "la", "le", "el"))
