"""Rule: a PDF's page furniture -> set apart: page numbers, "(MORE)" and the running head.

Copy pasted out of a PDF carries each page's header and footer: a page number
("Page 2 of 3", "Seite 2 von 3", "- 2 -", "… -- Page 2", "… Press Release  2/3"), "(MORE)" at the foot
of a page, and a running head (the issuer and "Media Release", the release's
short title) repeated at every page break.  A page line is pagination wherever
it stands.  A short line is a running head when it recurs (its digits aside)
at the edges of blocks and one occurrence stands next to a page line (a line
that merely recurs, such as a speaker's name in a transcript, is not one).
Such lines are split off the top and bottom of the blocks they stand in.
Pagination belongs to the source's pages, not to the release, but every word
of the source is kept: each such line is text set apart (``aside``): never the
headline, a heading, a dek, the lede or a quotation, and a quotation running
on across it is one quotation.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import PAGINATION, PARAGRAPH, Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.quote_marks import is_page_line
from pressconv.readers.worklist import WorkList

_MAX_WORDS = 12
_MAX_CHARS = 120
# "… -- Page 2", "Annual Report | page 3 of 7", "Strona 2 z 3": a label, a separator, a page number.
_PAGE_TAIL = lazy_re.compile(
    r"(?:^|\s(?:--|[-–—|·•/])\s)(?:page|seite|página|pagina|pág\.|strona|sida|side|sivu)\s*\d{1,3}"
    r"(?:\s*(?:of|von|de|di|z|av|af|/)\s*\d{1,3})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_FRACTION_END = re.compile(r"(?:^|\s)(\d{1,2}) ?/ ?(\d{1,2})$")
# What every page line holds, looked for in a short line before the patterns are tried: a dash or bracket,
# then a number or "more" ("- 2 -", "(MORE)"); a bare "MORE"; or a number and a page word.
# (Substring tests on the lower-cased line: an alternation pattern costs tens of microseconds a line.)
_DIGIT = re.compile(r"\d")
_PAGE_WORDS = ("page", "seite", "pág", "pagina", "strona", "sida", "side", "sivu", "p.")


def apply(work: WorkList) -> None:
    """Split page lines and running heads off their blocks and set them apart."""
    blocks = work.blocks
    for block in blocks:
        if block.kind is PARAGRAPH and _has_page_line(block):
            break
    else:
        return  # no page line at the edge of a block (a running head stands next to one): most texts
    edges = [_edge_lines(w) for w in blocks]
    heads = _running_heads(blocks, edges)
    out: list[Work] = []
    for block in blocks:
        out.extend(_split(block, heads) if _candidate(block) else [block])
    work.blocks = out


def _candidate(work: Work) -> bool:
    return work.kind == PARAGRAPH and work.hint in (None, "paragraph") and not work.aside


def _has_page_line(work: Work) -> bool:
    if work.aside:
        return False
    lines = work.lines
    for line in lines if len(lines) <= 2 else (lines[0], lines[1], lines[-2], lines[-1]):
        if len(line) <= _MAX_CHARS and _page_line(line):  # a paragraph's long line: decided on its length
            return True
    return False


def _edge_lines(work: Work) -> list[str]:
    """The first two and last two lines of a text block: where page furniture stands."""
    if not _candidate(work):
        return []
    lines = work.lines
    return lines if len(lines) <= 4 else [*lines[:2], *lines[-2:]]


def _short(line: str) -> bool:
    return len(line) <= _MAX_CHARS and line.count(" ") < _MAX_WORDS


@per_document(maxsize=8192)  # a pure function of the line; short lines recur (labels, headings)
def _page_line(line: str) -> bool:
    if len(line) > _MAX_CHARS or line.count(" ") >= _MAX_WORDS:
        return False
    if line[:1] in "-–—([":
        if not line.lstrip("-–—([ ")[:1].isdigit() and "more" not in line.lower():
            return False  # a dash-marked item, a bracketed aside
    elif _DIGIT.search(line) is None:
        if line.strip(" .").lower() != "more":
            return False  # most short lines (titles, names, labels): no number, decided here
    else:
        lowered = line.lower()
        if not any(word in lowered for word in _PAGE_WORDS):
            return "/" in line and _fraction_end(line)  # "Ministry of Fisheries — Press Release  1/2"
    return is_page_line(line) or _PAGE_TAIL.search(line) is not None


def _fraction_end(line: str) -> bool:
    """A line ending in a page number out of the page count ("… 2/3"), the first no greater."""
    found = _FRACTION_END.search(line)
    return found is not None and 0 < int(found.group(1)) <= int(found.group(2)) and not ends_sentence(line)


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def _running_heads(blocks: list[Work], edges: list[list[str]]) -> set[str]:
    """The keys of the short lines that recur at block edges, one of them next to a page line."""
    counts: dict[str, int] = {}
    by_page: set[str] = set()
    for at, found in enumerate(edges):
        for k, line in enumerate(found):
            if not _short(line) or " " not in line or ends_sentence(line) or line.endswith(":"):
                continue  # a running head has words, and is no sentence and no label
            if _page_line(line):
                continue
            key = _key(line)
            counts[key] = counts.get(key, 0) + 1
            before = found[k - 1] if k > 0 else (edges[at - 1][-1] if at > 0 and edges[at - 1] else "")
            after = (
                found[k + 1]
                if k + 1 < len(found)
                else (edges[at + 1][0] if at + 1 < len(edges) and edges[at + 1] else "")
            )
            if (before and _page_line(before)) or (after and _page_line(after)):
                by_page.add(key)
    return {key for key, n in counts.items() if n >= 2 and key in by_page}


def _pagination(line: str, heads: set[str]) -> bool:
    return _page_line(line) or (_short(line) and _key(line) in heads)


def _split(work: Work, heads: set[str]) -> list[Work]:
    """The block with its leading and trailing page furniture lines split off, each run one block set apart.

    The lines of one page break stay together ("Lakeshore Water Board  News Release" over "Page 2 of 3"
    is one block): a page number is never a paragraph of its own, which a reader of the output would
    take for the output's own page footer.
    """
    lines = work.lines
    first = 0
    while first < len(lines) and _pagination(lines[first], heads):
        first += 1
    last = len(lines)
    while last > first and _pagination(lines[last - 1], heads):
        last -= 1
    if first == 0 and last == len(lines):
        return [work]
    pieces = [_set_apart(lines[:first])] if first else []
    if first < last:
        body = lines[first:last]
        pieces.append(Work(text=" ".join(body), lines=body, hint=work.hint))
    if last < len(lines):
        pieces.append(_set_apart(lines[last:]))
    return pieces


def _set_apart(lines: list[str]) -> Work:
    return Work(text=" ".join(lines), lines=list(lines), hint="paragraph", reason=PAGINATION, aside=True)
