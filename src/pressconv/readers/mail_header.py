"""The header of a forwarded or replied e-mail above a release: "From:"/"Subject:" lines, a forward marker.

The furniture rule sets such a header apart (kept as text, never headline,
heading or lede); what stands above it is the forwarder's covering note.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.lexicon import MAIL_HEADER_FIELDS, MAIL_HEADER_KEYS

# The line a mail client sets above a forwarded or quoted message ("---------- Forwarded message
# ---------", "-----Original Message-----", "Begin forwarded message:", "Anfang der weitergeleiteten
# Nachricht:"), or a bare separator line of dashes, underscores or equals signs.
_FORWARD_MARKER = lazy_re.compile(
    r"^(?:[-_=]{5,}|-*\s*(?:forwarded message|original message|weitergeleitete nachricht|message transféré"
    r"|mensaje reenviado|message d'origine|ursprüngliche nachricht|mensaje original)\s*-*"
    r"|(?:begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié)\s*:?"
    # the attribution line of a reply: "On Tue, 9 Mar 2032 at 16:02, Press Office <…> wrote:"
    r"|(?:on|am|le|el|op|den|w dniu)\s.{4,160}\s"
    r"(?:wrote|schrieb|a écrit|escribió|schreef|skrev|napisał)\s*:?)$",
    re.IGNORECASE,
)
# How a mail header's first line opens: a field's name and its colon ("Reply-To:", "Onderwerp:"), a
# separator, or the first letter of a marker ("Begin forwarded message", "Forwarded message", "Original …").
_MAIL_START = re.compile(r"[^:\s]{1,10}\s?:|[-_=]|[abdeflmouw]", re.IGNORECASE)
_MAIL_FIELD = re.compile(r"^([^\W\d_][\w-]{0,9})\s?:\s*\S")


def mail_header(lines: list[str]) -> bool:
    """The header of a forwarded or replied e-mail: a forward marker line and/or "From:"/"Subject:" lines.

    Every line is a forward marker or a header field ("Date: …", "To: …"); a lone
    marker line counts, a run of fields only when one of them names the sender,
    the subject or the sending ("From:", "Subject:", "Sent:", "Betreff:" …), so
    an FAQ's "Q:"/"A:" pair is no mail header.
    """
    if _MAIL_START.match(lines[0]) is None:
        return False  # no "Field:" and no marker line ("Begin …", "Forwarded …", "-----"): most blocks
    marker = keyed = False
    fields = 0
    for line in lines:
        if _FORWARD_MARKER.match(line):
            marker = True
            continue
        match = _MAIL_FIELD.match(line)
        if match is None:
            return False
        field = match.group(1).lower()
        if field not in MAIL_HEADER_FIELDS:
            return False
        fields += 1
        keyed = keyed or field in MAIL_HEADER_KEYS
    return marker or (keyed and fields >= 2)
