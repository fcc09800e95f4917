"""Raw blocks (+ front matter, options) -> Document: runs the inference rules of ``rules/`` in their order.

The order and what each rule does is documented in ``rules/__init__.py``;
each rule is ``apply(work: WorkList) -> None``.  Every rule records on the
block why it decided what it did; ``explain_lines`` turns that into one line
per block.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from pressconv.contacts import parse_contacts
from pressconv.errors import Notes
from pressconv.identifier import with_identifier
from pressconv.model import (
    Block,
    Document,
    ListBlock,
    Mark,
    Marks,
    Metadata,
    Note,
    Paragraph,
    Quote,
    Section,
)
from pressconv.options import ReadOptions
from pressconv.readers import EXPLAIN, rules
from pressconv.readers import blocks as kinds
from pressconv.readers.blocks import HEADING, PARAGRAPH, QUOTE, SUBTITLE, RawBlock, Work, fold, to_work
from pressconv.readers.dates import find_date
from pressconv.readers.document_cache import clear as clear_caches
from pressconv.readers.front_matter import FrontMatter
from pressconv.readers.heading_shape import ends_sentence
from pressconv.readers.marks import MarkTrail
from pressconv.readers.rules.dateline import dateline_date
from pressconv.readers.worklist import WorkList


def infer(
    raw_blocks: Sequence[RawBlock], front_matter: FrontMatter | None, options: ReadOptions, notes: Notes
) -> WorkList:
    """Run the rules over the blocks; return the finished work list.

    A headline block the source marks ``derived`` is left out of the blocks (it
    is not body text); it is the headline when nothing else gives one.
    """
    clear_caches()  # the per-paragraph memo tables serve one document
    matter = front_matter or FrontMatter()
    kept = [raw for raw in raw_blocks if not (raw.hint == "headline" and raw.derived)]
    work = WorkList(
        blocks=[to_work(raw) for raw in kept],
        notes=notes,
        matter=matter,
        given_title=options.title or matter.title,
        source_derived=next(
            (fold(raw.text) for raw in raw_blocks if raw.hint == "headline" and raw.derived), None
        ),
    )
    rules.run(work)
    return work


def build_document(
    raw_blocks: Sequence[RawBlock],
    front_matter: FrontMatter | None,
    options: ReadOptions | None,
    notes: Notes | None,
    source_path: str | None,
    *,
    explain: list[str] | None = None,
    title: str | None = None,
    footnotes: Sequence[Note] = (),
    notes_heading: str | None = None,
    identify: bool = True,
) -> Document:
    """A Document from raw blocks: the structure inference every reader shares.

    Contract:

    - ``raw_blocks`` are the source's blocks in order, each with its text
      (whitespace folded), its source ``lines`` when the format has lines (used
      by the list, heading and headline rules; empty means one line), and an
      optional ``hint``.  A hinted block skips the guessing of its kind:
      ``headline``/``subtitle`` are taken as such, ``heading`` is a section
      heading, ``list`` carries ``items`` (and ``ordered``/``markers``),
      ``quote`` is a quote, ``paragraph`` is body text that is never a heading,
      list or headline but may still be found to be a quote.  Every block,
      hinted or not, still gets furniture, dateline and speaker inference.
      A block may state more (see ``RawBlock``): a quote's ``speaker`` and
      ``attribution`` are used as given; a ``headline`` marked ``derived`` is
      the headline with ``headline_derived`` true and is not body text (an
      option or front-matter title still wins); a heading's ``role`` is its
      section's role.  A headline block below other text is still the
      headline; the text above it is body text.
    - ``title`` is a metadata title (document properties): it becomes
      ``metadata.title`` when no option or front matter sets one and it differs
      from the headline.
    - ``front_matter`` supplies title, subtitle, byline, date, dateline,
      language, keywords, publisher; ``options`` override it.
    - Warnings (unbalanced quotation marks …) go to ``notes``; nothing raises
      for odd input.  An empty block list gives a Document with no sections.
    - ``explain``, when given, receives one line per block saying its kind and
      the rule that decided it.
    - Inline marks (``RawBlock.marks``/``item_marks``) reach the finished
      blocks, headline, subtitle and headings through ``marks.MarkTrail``: they
      follow their words when a rule cuts a block, and are dropped when the
      words are not found.  A heading's stated ``level`` (clamped to 2-4) and a
      list's ``levels`` are kept; an ``embedded`` block is placed where it stood.
    - ``footnotes`` are the document's notes (``Document.notes``), referenced
      by ``noteref`` marks; ``notes_heading`` heads its notes to editors.
    - The result carries ``metadata.identifier`` from its content; a reader
      that changes the document afterwards passes ``identify=False`` and
      computes it once, at the end (``identifier.with_identifier``).
    """
    options = options or ReadOptions()
    notes = notes if notes is not None else Notes()
    matter = front_matter or FrontMatter()
    work = infer(raw_blocks, matter, options, notes)
    works, furniture, dateline = work.blocks, work.furniture, work.dateline
    headline, derived = work.headline or "", work.headline_derived
    subtitle_block = next((w for w in works if w.kind == SUBTITLE), None)
    subtitle = matter.subtitle or (subtitle_block.text if subtitle_block else None)

    date = options.date or matter.date or furniture.date or (dateline_date(dateline) if dateline else None)
    if date is None:
        found = next((find_date(w.text) for w in works if w.date_line), None)
        date = found[0] if found else None
    metadata_title = options.title or matter.title
    if metadata_title is None and title and fold(title) != fold(headline):
        metadata_title = fold(title)
    metadata = Metadata(
        title=metadata_title,
        byline=options.byline or matter.byline or furniture.byline,
        date=date,
        language=options.language or matter.language or "en",
        source_path=source_path,
        keywords=matter.keywords,
        release="\n".join(furniture.release) or None,
        embargo=furniture.embargo,
        contacts=tuple(furniture.contacts),
        contact_details=parse_contacts(furniture.contacts),
        end_mark=furniture.end_mark,
        # Letterhead lines are words of the text, shown above the release line; a front-matter
        # publisher only fills in where the text has none, so those words are never dropped (#21).
        publisher="\n".join(furniture.publisher) or matter.publisher,
    )
    trail = MarkTrail([raw for raw in raw_blocks if not (raw.hint == "headline" and raw.derived)])
    sections, headline_marks, subtitle_marks = _sections(works, trail, headline, subtitle)
    document = Document(
        headline=headline,
        headline_derived=derived,
        subtitle=subtitle,
        dateline=dateline,
        metadata=metadata,
        sections=sections,
        headline_marks=headline_marks,
        subtitle_marks=subtitle_marks,
        notes=tuple(footnotes),
        notes_heading=notes_heading,
    )
    if explain is None:
        explain = EXPLAIN.get()  # set by the API for `parse --explain`, whichever reader runs
    if explain is not None:
        explain.extend(explain_lines(work))
    return with_identifier(document) if identify else document


def _sections(
    works: list[Work], trail: MarkTrail, headline: str, subtitle: str | None
) -> tuple[tuple[Section, ...], Marks, Marks]:
    """The sections, and the marks of the headline and the subtitle when they are the text's own."""
    sections: list[Section] = []
    heading: str | None = None
    heading_marks: Marks = ()
    level = 2
    role: str = "body"
    blocks: list[Block] = []
    opened = False
    headline_marks: Marks = ()
    subtitle_marks: Marks = ()
    marked = trail.marked
    for work in works:
        # the commonest kinds first; the members are read as module constants (``kinds.PARAGRAPH``), not
        # through the enum class, whose attribute look-up costs ten times as much
        match work.kind:
            case kinds.PARAGRAPH:
                marks = _marks(trail, work.text) if marked else ()
                blocks.append(Paragraph(work.text, work.quotations, marks, work.speaker))
            case kinds.HEADING:
                if opened or blocks:
                    sections.append(_section(heading, blocks, role, level, heading_marks))
                heading, role, blocks, opened = work.text, work.role, [], True
                level = min(4, max(2, work.level)) if work.level is not None else 2
                heading_marks = _marks(trail, work.text) if marked else ()
            case kinds.QUOTE:
                marks = _marks(trail, work.text) if marked else ()
                blocks.append(
                    Quote(
                        work.text, work.speaker, work.attribution, work.speaker_title, work.quotations, marks
                    )
                )
            case kinds.LIST:
                items = tuple(work.items)
                item_marks = tuple(_marks(trail, item) for item in items) if marked else ()
                levels = _levels(work.levels) if len(work.levels) == len(items) else ()
                blocks.append(
                    ListBlock(
                        work.ordered,
                        items,
                        tuple(work.markers),
                        levels,
                        item_marks if any(item_marks) else (),
                    )
                )
            case kinds.EMBEDDED:
                if work.block is not None:
                    blocks.append(work.block)
            case kinds.HEADLINE | kinds.SUBTITLE | kinds.FURNITURE:
                # the headline and dek are Document fields; furniture went to metadata
                marks = _marks(trail, work.text) if marked else ()
                if work.kind is kinds.HEADLINE and work.text == headline:
                    headline_marks = marks
                elif work.kind is kinds.SUBTITLE and work.text == subtitle:
                    subtitle_marks = marks
            case _:
                assert_never(work.kind)
    if opened or blocks:
        sections.append(_section(heading, blocks, role, level, heading_marks))
    return tuple(sections), headline_marks, subtitle_marks


def _section(heading: str | None, blocks: list[Block], role: str, level: int, marks: Marks) -> Section:
    return Section(heading, tuple(blocks), "boilerplate" if role == "boilerplate" else "body", level, marks)


def _levels(stated: tuple[int, ...]) -> tuple[int, ...]:
    """List levels as the model holds them: the first at 0, each at most one deeper than the one before."""
    levels: list[int] = []
    for level in stated:
        levels.append(max(0, min(level, levels[-1] + 1 if levels else 0)))
    return tuple(levels) if any(levels) else ()


def _marks(trail: MarkTrail, text: str) -> Marks:
    return tuple(Mark(m.start, m.end, m.kind, m.target) for m in trail.take(text))


def explain_lines(work_list: WorkList) -> list[str]:
    """One line per block: number, kind, the rule that decided it, the block's opening words.

    The headline rule's candidates and scores come first, then the issuer of a
    statement when one was found.
    """
    lines: list[str] = list(work_list.headline_evidence)
    if work_list.headline_derived:
        derived = _preview(work_list.headline or "", 60)
        lines.append(f"  -  headline   derived from the lede's first sentence: {derived}")
    if work_list.issuer:
        lines.append(f"  -  statement  issued in the name of {work_list.issuer}: {work_list.issuer_evidence}")
    for number, work in enumerate(work_list.blocks, start=1):
        reason = work.reason or _default_reason(work)
        if work.kind == QUOTE or (work.kind == PARAGRAPH and work.speaker):
            reason = _join(reason, work.speaker_reason)
        for partial in work.partial:
            if not partial.reason:
                continue  # a quote block's quotation in the block's own voice
            quoted = _preview(work.text[partial.start : partial.end], 30)
            who = partial.speaker or "no speaker"
            reason = _join(reason, f"quotation {quoted} -> {who} ({partial.reason})")
        if work.role == "boilerplate" and work.kind == HEADING:
            reason = _join(reason, "section role boilerplate")
        lines.append(f"{number:>3}  {work.kind:<10} {reason}  | {_preview(work.text, 50)}")
    return lines


def _default_reason(work: Work) -> str:
    if work.kind != PARAGRAPH:
        return work.kind
    words = len(work.text.split())
    if work.one_line and work.text.endswith(":"):
        return "a sentence ending in a colon that introduces what follows: not a heading"
    if work.one_line and not ends_sentence(work.text):
        return f"{words} words: too long or sentence-like for a heading"
    return (
        "running text" if len(work.lines) <= 1 else f"running text ({len(work.lines)} wrapped lines joined)"
    )


def _join(first: str, second: str) -> str:
    return f"{first}; {second}" if first and second else first or second


def _preview(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
