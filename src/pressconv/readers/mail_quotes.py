"""Plain text of a forwarded or replied e-mail -> the same text without its ``>`` quote prefixes.

A mail client marks every line of a quoted message with ``>`` (``> >`` or
``>>`` one level deeper), including the empty lines between paragraphs.  The
marks are transport, not text: left in, they hide the dateline at the start
of the lede ("> DUNDRAGH - …"), turn the blank lines between paragraphs into
lines of text (one block for the whole release) and stand in front of the
headline.  When the text has a run of at least ``_MIN_RUN`` consecutive quoted
lines, every quoted line loses its prefix (whatever its depth), so a line
holding only ``>`` becomes the paragraph break it stood for, and where quoted
and unquoted lines meet ("On Tue, … wrote:" over "> NEWS RELEASE") a paragraph
break is set: the quoted message never runs into the note above it.  A lone line
opening with ``>`` ("> 50 applicants", an arrow) is text and is left alone.
No word changes: only the quote marks at the start of the lines go.
"""

from __future__ import annotations

import re

# One or more quote levels at the start of a line: ">", "> >", ">>", each with its optional space.
_PREFIX = re.compile(r"[ \t]*>(?:[ \t]?>)*[ \t]?")
# The least run of consecutive quoted lines that makes a text a quoted mail.
_MIN_RUN = 3


def unquote(text: str) -> str:
    """``text`` with the ``>`` prefixes of a quoted e-mail removed (unchanged when it is no quoted mail)."""
    if ">" not in text:
        return text  # most texts: decided without looking at a line
    run = longest = 0
    for line in text.split("\n"):
        if _PREFIX.match(line):
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    if longest < _MIN_RUN:
        return text
    out: list[str] = []
    quoted_before = False
    for line in text.split("\n"):
        found = _PREFIX.match(line)
        quoted = found is not None
        if quoted != quoted_before and out and out[-1].strip():
            out.append("")  # the quoted message and the text around it are separate blocks
        out.append(line[found.end() :] if found is not None else line)
        quoted_before = quoted
    return "\n".join(out)
