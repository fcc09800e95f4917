"""Plain text -> Document: front matter, blocks, then the shared structure inference.

The text reader only does what is particular to plain text — the YAML front
matter at the very top, the ``>`` prefixes of a forwarded or replied e-mail
(``mail_quotes``) and the split into blocks at blank or whitespace-only
lines — and hands the blocks to ``document.build_document``, which runs the
inference rules (furniture, lists, headline, headings, quotes, dateline,
speakers) in the order documented there.  ``explain`` returns the same
Document with one line per block saying which rule decided it.  Then what
plain text cannot say in markup is added (``links_and_notes``): bare web and
e-mail addresses become links, numbered notes to editors become notes.  With
the ``smart_quotes`` option the text gets typographic quotes, dashes and
ellipses first (``typography``); without it no character changes.  The
whole parse runs with the garbage collector's youngest generation collected
less often (``young_gc``): its passes found nothing to free in a parse.
"""

from __future__ import annotations

from pressconv.decode import decode
from pressconv.errors import EmptyInputError, Notes
from pressconv.identifier import with_identifier
from pressconv.limits import DEFAULT_LIMITS
from pressconv.model import Document
from pressconv.options import ReadOptions
from pressconv.readers.blocks import RawBlock, RawMark, split_blocks
from pressconv.readers.document import build_document
from pressconv.readers.front_matter import split_front_matter
from pressconv.readers.links_and_notes import editors_notes, link_addresses
from pressconv.readers.mail_quotes import unquote
from pressconv.readers.young_gc import fewer_young_collections

SUFFIXES = (".txt", ".text")

__all__ = ["SUFFIXES", "RawBlock", "build_document", "explain", "read", "read_text"]


def read(data: bytes, options: ReadOptions, notes: Notes, source_path: str | None) -> Document:
    """Decode the bytes, then read the text."""
    return read_text(decode(data, notes, source_path).text, options, notes, source_path=source_path)


def read_text(
    text: str,
    options: ReadOptions | None = None,
    notes: Notes | None = None,
    *,
    source_path: str | None = None,
) -> Document:
    """A Document from decoded text (LF line ends); raises EmptyInputError when it holds no text."""
    return _read(text, options, notes, source_path, None)


def explain(
    text: str,
    options: ReadOptions | None = None,
    notes: Notes | None = None,
    *,
    source_path: str | None = None,
) -> tuple[Document, list[str]]:
    """The Document and one line per block: its type and the rule that decided it."""
    lines: list[str] = []
    document = _read(text, options, notes, source_path, lines)
    return document, lines


def _read(
    text: str,
    options: ReadOptions | None,
    notes: Notes | None,
    source_path: str | None,
    lines: list[str] | None,
) -> Document:
    notes = notes if notes is not None else Notes()
    with fewer_young_collections():
        return _parse(text, options, notes, source_path, lines)


def _parse(
    text: str,
    options: ReadOptions | None,
    notes: Notes,
    source_path: str | None,
    lines: list[str] | None,
) -> Document:
    if not text.strip():
        raise EmptyInputError("no text (the input is empty or only whitespace)", source_path)
    matter, body = split_front_matter(text, notes, options.limits if options else DEFAULT_LIMITS)
    if options is not None and options.extra.get("smart_quotes"):
        from pressconv.readers.typography import smarten

        body = smarten(body)
    blocks = bold_lines(split_blocks(unquote(body)))
    if not blocks and (matter is None or not (matter.title or (options and options.title))):
        raise EmptyInputError("no text after the front matter", source_path)
    document = build_document(blocks, matter, options, notes, source_path, explain=lines, identify=False)
    # the identifier once, of the finished document (links and notes to editors added)
    return with_identifier(editors_notes(link_addresses(document)))


def bold_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """ "**Humanitarian access**": a line set in Markdown's bold marks in plain copy (a web page pasted
    with its markup) is that line in bold; the marks are markup, not words, and the line's shape decides
    the rest (a headline, a heading) as for any other line."""
    out = blocks
    for at, raw in enumerate(blocks):
        text = raw.text
        if text[:2] != "**" or len(raw.lines) != 1 or not _bold_line(text):
            continue  # the first two characters decide most blocks
        if out is blocks:
            out = list(blocks)
        inner = text[2:-2].strip()
        out[at] = RawBlock(inner, (inner,), marks=(RawMark(0, len(inner), "strong"),), folded=True)
    return out


def _bold_line(text: str) -> bool:
    return text.endswith("**") and len(text) > _MIN_BOLD_LINE and "**" not in text[2:-2]


_MIN_BOLD_LINE = 4
