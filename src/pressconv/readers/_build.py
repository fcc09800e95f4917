"""Raw blocks (+ front matter, options) -> Document: runs the inference rules in a fixed, documented order.

The order, each rule one module:

0. ``_lines.split_lines``            unwrapped paragraphs split; a heading line glued on top split off
1. ``_furniture.split_about_lines``  an "About …" first line becomes its own block
2. ``_furniture.extract_furniture``  release notice, embargo, byline, date line, contacts, end mark
3. ``_lists.split_lists``            marker lines -> list blocks (loose lists merged)
4. ``_headline.find_headline``       headline line and dek at the top
5. ``_headings.classify_headings``   short title-like lines followed by body -> section headings
6. ``_quotes.classify_quotes``       mostly-quoted paragraphs -> quotes, multi-paragraph runs
7. ``_dateline.find_dateline``       the lede's dateline (left in the text)
8. ``_speakers.assign_speakers``     attribution, full name, title, pronouns
9. ``_headline.derive_headline``     when no headline came from option, front matter or text

Every rule records on the block why it decided what it did; ``explain_lines``
turns that into one line per block.
"""

from __future__ import annotations

from collections.abc import Sequence

from pressconv.errors import Notes
from pressconv.model import Block, Document, ListBlock, Metadata, Paragraph, Quote, Section, with_identifier
from pressconv.options import ReadOptions
from pressconv.readers import EXPLAIN
from pressconv.readers._blocks import RawBlock, Work, fold, to_work
from pressconv.readers._cache import clear as clear_caches
from pressconv.readers._dateline import dateline_date, find_dateline
from pressconv.readers._dates import find_date
from pressconv.readers._frontmatter import FrontMatter
from pressconv.readers._furniture import Furniture, extract_furniture, split_about_lines
from pressconv.readers._headings import classify_headings, ends_sentence
from pressconv.readers._headline import derive_headline, find_headline
from pressconv.readers._lines import split_lines
from pressconv.readers._lists import split_lists
from pressconv.readers._quotes import classify_quotes
from pressconv.readers._speakers import assign_speakers


def infer(
    raw_blocks: Sequence[RawBlock], front_matter: FrontMatter | None, options: ReadOptions, notes: Notes
) -> tuple[list[Work], Furniture, str | None]:
    """Run the rules; return the classified blocks, the furniture found and the dateline.

    A headline block marked ``derived`` is left out (it is not body text); the
    caller takes it from ``derived_headline``.
    """
    clear_caches()  # the per-paragraph memo tables serve one document
    matter = front_matter or FrontMatter()
    given = options.title or matter.title
    derived = derived_headline(raw_blocks)
    kept = [raw for raw in raw_blocks if not (raw.hint == "headline" and raw.derived)]
    works = split_about_lines(split_lines([to_work(raw) for raw in kept]))
    furniture = Furniture()
    marked = extract_furniture(works, furniture)
    if all(w.kind == "furniture" for w in marked):
        marked = works  # nothing but furniture-shaped lines: keep them as text rather than lose every word
        furniture = Furniture()
    works = split_lists(marked)
    # A given title replaces the headline's text only: the structure is inferred as without it (#16).
    _headline_first(works)
    if derived is None:
        find_headline(works, None, matter.subtitle)
        if given and not any(w.kind == "headline" for w in works):
            find_headline(works, given, matter.subtitle)  # a first line repeating the title is consumed
    start = next(
        (i + 1 for i in range(len(works) - 1, -1, -1) if works[i].kind in ("headline", "subtitle")), 0
    )
    classify_headings(works, start)
    classify_quotes(works, notes)
    dateline = matter.dateline
    lede = next((w for w in works[start:] if w.kind in ("paragraph", "quote") and not w.date_line), None)
    if lede is not None:
        found = find_dateline(lede.text)
        if found is not None:
            dateline = dateline or found
            lede.reason = _join(lede.reason, f'lede; dateline "{found}"')
    assign_speakers(works)
    return works, furniture, dateline


def derived_headline(raw_blocks: Sequence[RawBlock]) -> str | None:
    """The text of a headline block the source marks as derived from the lede, if there is one."""
    return next((fold(raw.text) for raw in raw_blocks if raw.hint == "headline" and raw.derived), None)


def _headline_first(works: list[Work]) -> None:
    """A headline block below other text (a kicker, a section label) moves to the top of the content.

    The headline rule looks at the first block of content only; the text that
    stood above the source's own headline is body text, never a heading.
    """
    content = [i for i, w in enumerate(works) if w.kind != "furniture" and not w.date_line]
    at = next((i for i in content if works[i].hint == "headline"), None)
    if at is None or at == content[0]:
        return
    for i in content:
        if i == at:
            break
        if works[i].hint is None:
            works[i].hint = "paragraph"
    works.insert(content[0], works.pop(at))


def build_document(
    raw_blocks: Sequence[RawBlock],
    front_matter: FrontMatter | None,
    options: ReadOptions | None,
    notes: Notes | None,
    source_path: str | None,
    *,
    explain: list[str] | None = None,
    title: str | None = None,
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
    - The result carries ``metadata.identifier`` from its content.
    """
    options = options or ReadOptions()
    notes = notes if notes is not None else Notes()
    matter = front_matter or FrontMatter()
    works, furniture, dateline = infer(raw_blocks, matter, options, notes)

    headline_block = next((w for w in works if w.kind == "headline"), None)
    subtitle_block = next((w for w in works if w.kind == "subtitle"), None)
    derived = False
    if options.title:
        headline = options.title
    elif matter.title:
        headline = matter.title
    elif headline_block is not None:
        headline = headline_block.text
    elif derived_headline(raw_blocks) is not None:
        headline = derived_headline(raw_blocks) or ""
        derived = True
    else:
        headline = derive_headline(works, dateline) if works else ""
        derived = True
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
        end_mark=furniture.end_mark,
        publisher=matter.publisher or ("\n".join(furniture.publisher) or None),
    )
    document = Document(
        headline=headline,
        headline_derived=derived,
        subtitle=subtitle,
        dateline=dateline,
        metadata=metadata,
        sections=_sections(works),
    )
    if explain is None:
        explain = EXPLAIN.get()  # set by the API for `parse --explain`, whichever reader runs
    if explain is not None:
        explain.extend(explain_lines(works, derived, headline))
    return with_identifier(document)


def _sections(works: list[Work]) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: str | None = None
    role: str = "body"
    blocks: list[Block] = []
    opened = False
    for work in works:
        if work.kind == "heading":
            if opened or blocks:
                sections.append(
                    Section(heading, tuple(blocks), "boilerplate" if role == "boilerplate" else "body")
                )
            heading, role, blocks, opened = work.text, work.role, [], True
        elif work.kind == "paragraph":
            blocks.append(Paragraph(work.text))
        elif work.kind == "quote":
            blocks.append(Quote(work.text, work.speaker, work.attribution, work.speaker_title))
        elif work.kind == "list":
            blocks.append(ListBlock(work.ordered, tuple(work.items), tuple(work.markers)))
    if opened or blocks:
        sections.append(Section(heading, tuple(blocks), "boilerplate" if role == "boilerplate" else "body"))
    return tuple(sections)


def explain_lines(works: list[Work], derived: bool, headline: str) -> list[str]:
    """One line per block: number, kind, the rule that decided it, the block's opening words."""
    lines: list[str] = []
    if derived:
        lines.append(f"  -  headline   derived from the lede's first sentence: {_preview(headline, 60)}")
    for number, work in enumerate(works, start=1):
        reason = work.reason or _default_reason(work)
        if work.kind == "quote":
            reason = _join(reason, work.speaker_reason)
        if work.role == "boilerplate" and work.kind == "heading":
            reason = _join(reason, "section role boilerplate")
        lines.append(f"{number:>3}  {work.kind:<10} {reason}  | {_preview(work.text, 50)}")
    return lines


def _default_reason(work: Work) -> str:
    if work.kind != "paragraph":
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
