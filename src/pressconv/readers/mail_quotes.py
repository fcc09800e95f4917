"""Plain text of a forwarded or replied e-mail -> the same text without its ``>`` quote prefixes.

A mail client marks every line of a quoted message with ``>`` (``> >`` or
``>>`` one level deeper), including the empty lines between paragraphs.  The
marks are transport, not text: left in, they hide the dateline at the start
of the lede ("> DUNDRAGH - …"), turn the blank lines between paragraphs into
lines of text (one block for the whole release) and stand in front of the
headline.  When the text has a run of at least ``_MIN_RUN`` consecutive quoted
lines, every quoted line loses its prefix (whatever its depth), so a line
holding only ``>`` becomes the paragraph break it stood for.  A lone line
opening with ``>`` ("> 50 applicants", an arrow) is text and is left alone.
No word changes: only the quote marks at the start of the lines go.
"""

from __future__ import annotations

import re

# One or more quote levels at the start of a line: ">", "> >", ">>", each with its optional space.
_PREFIX = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?", re.MULTILINE)
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
    return _PREFIX.sub("", text)
