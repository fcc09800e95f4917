"""A wire service's closing lines below a release: "*** OTS-ORIGINALTEXT …", "Original-Content von: …".

Austrian OTS copy ends with a disclaimer in capitals (often set twice, the
first time between asterisks and split over two blocks by a blank line);
German news-aktuell copy with "Original-Content von: <issuer>, übermittelt durch
…".  Like an end mark, such a line closes the text: the furniture rule records
it as the end mark, and what follows it is end matter (contacts, chrome).
"""

from __future__ import annotations

from pressconv.readers.blocks import PARAGRAPH, Work
from pressconv.readers.lexicon import WIRE_END_LINES

MAX_LINES = 3


def wire_end(piece: Work, before: Work | None) -> bool:
    """ "*** OTS-ORIGINALTEXT …": a wire service's closing line, or the second half of one split by a
    blank line ("VERANTWORTUNG DES AUSSENDERS ***" under "*** OTS-ORIGINALTEXT UNTER …")."""
    if piece.kind != PARAGRAPH or len(piece.lines) > MAX_LINES:
        return False
    first = piece.lines[0]
    if first[:1] in "*Oo" and first.lower().startswith(WIRE_END_LINES):
        return True
    return (
        first.endswith("***")
        and before is not None
        and before.reason.startswith("a wire service's")
        and before.lines[0].startswith("***")
        and not before.lines[-1].endswith("***")
    )
