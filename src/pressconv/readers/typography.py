"""The ``smart_quotes`` read option: typographic quotes, apostrophes, dashes and ellipses, when asked.

SmartyPants (the ``smartypants`` package, John Gruber's rules) decides which
straight quote opens and which closes, turns ``--`` into an en dash and
``---`` into an em dash, and ``...`` into an ellipsis.  It reads HTML, so the
text is escaped first and unescaped after (a ``<`` or ``&`` in plain text stays
itself), and backslashes are hidden from it (it would take ``\\"`` as an escape
and drop the backslash).  Off by default: without the option no character of
the source ever changes.
"""

from __future__ import annotations

import html
import re

_ELIDED_YEAR = re.compile(r"(?<![\w'’])'(?=\d\ds?\b)")


def smarten(text: str, *, quotes: bool = True) -> str:
    """``text`` with SmartyPants' quotes (unless ``quotes`` is false), dashes and ellipses."""
    if not any(ch in text for ch in "\"'-.`"):
        return text
    import smartypants

    attr = smartypants.Attr
    flags = attr.D | attr.e | attr.u | (attr.q | attr.b if quotes else 0)
    # A decade or year cut short ('90s, '26) is an apostrophe; SmartyPants (and markdown-it) open a
    # quote there or leave it straight.
    text = _ELIDED_YEAR.sub("’", text)
    escaped = html.escape(text, quote=False).replace("\\", "&#92;")
    return html.unescape(smartypants.smartypants(escaped, flags))
