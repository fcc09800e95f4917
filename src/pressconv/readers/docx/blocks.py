"""Read paragraphs, tables and pictures -> hinted raw blocks for the shared news rules.

What the styles do not say is left to the shared inference, so a Normal
paragraph that is mostly quoted speech is still a quote.  When a document has
no Title paragraph but opens with a heading more important than every other
heading, that heading is the headline.  Consecutive list paragraphs make one
list, each item at its numbering level.  Section headings keep their rank
among the document's heading levels (the most important one under the
headline is level 2, then 3 and 4), with no gaps.  A caption paragraph
next to a picture or table is its caption.
"""

from __future__ import annotations

from pressconv.readers.blocks import Hint, RawBlock
from pressconv.readers.docx.body import Figure, Item, Para, Table


def heading_levels(paragraphs: list[Para], promoted: Para | None) -> dict[int, int]:
    """Word heading level (0 = most important) -> section level 2-4, by rank among those used."""
    used = sorted({p.level for p in paragraphs if p.role == "heading" and p is not promoted})
    return {level: min(2 + rank, 4) for rank, level in enumerate(used)}


def promoted_heading(paragraphs: list[Para]) -> Para | None:
    """The opening heading that is the headline: no Title, and more important than every other heading."""
    if any(p.role == "headline" for p in paragraphs) or not paragraphs or paragraphs[0].role != "heading":
        return None
    first = paragraphs[0]
    headings = [p for p in paragraphs if p.role == "heading"]
    if all(h.level > first.level for h in headings[1:]):
        return first  # Heading 1 over Heading 2 sections: the draft's headline
    return None


def to_blocks(items: list[Item], speakers: dict[int, str]) -> list[RawBlock]:
    """The raw blocks of the body, in order."""
    paragraphs = [item for item in items if isinstance(item, Para)]
    promote = promoted_heading(paragraphs)
    # Styled section headings mean the other paragraphs are not headings; a Title alone says
    # nothing about them, so they still go through the heading rule.
    structured = any(p.role == "heading" and p is not promote for p in paragraphs)
    plain: Hint | None = "paragraph" if structured else None
    blocks: list[RawBlock] = []
    headline_taken = False
    pending: list[Para] = []

    def flush_list() -> None:
        if pending:
            texts = tuple(p.text for p in pending)
            blocks.append(RawBlock(" ".join(texts), hint="list", items=texts, ordered=pending[0].ordered))
            pending.clear()

    for item in items:
        if isinstance(item, Table):
            flush_list()
            # One paragraph per row until the model has tables: never a run of short "headings".
            for row in item.rows:
                words = " ".join(cell.text for cell in row if cell.text)
                if words:
                    blocks.append(RawBlock(words, (words,), hint="paragraph"))
            continue
        if isinstance(item, Figure):
            continue
        para = item
        if para.role == "item":
            if pending and pending[-1].ordered != para.ordered and para.level == 0:
                flush_list()
            pending.append(para)
            continue
        flush_list()
        if para.role in ("byline", "publisher"):
            continue  # read into the metadata by read()
        hint: Hint | None
        if para is promote or (para.role == "headline" and not headline_taken):
            hint = "headline"
            headline_taken = True
        elif para.role in ("headline", "heading"):
            hint = "heading"  # a second Title paragraph: a section title in a collected draft
        elif para.role == "subtitle":
            hint = "subtitle"
        elif para.role == "quote":
            hint = "quote"
        else:
            hint = plain
        lines = para.lines if hint in (None, "paragraph", "quote") else ()
        said = speakers.get(para.quote_number) if para.quote_number is not None else None
        blocks.append(RawBlock(para.text, lines, hint=hint, speaker=said))
    flush_list()
    return blocks
