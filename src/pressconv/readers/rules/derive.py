"""Rule: no headline from option, front matter, source format or text -> from the lede's first sentence."""

from __future__ import annotations

from pressconv.readers.blocks import FURNITURE, HEADLINE, LIST, PARAGRAPH, QUOTE, Work
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.rules.cover_note import cover_note
from pressconv.readers.rules.dateline import dateline_alone
from pressconv.readers.rules.headline import content_blocks
from pressconv.readers.worklist import WorkList

MAX_DERIVED_WORDS = 30


def apply(work: WorkList) -> None:
    """Set ``work.headline`` (and ``headline_derived``) from wherever the headline comes."""
    line = next((w for w in work.blocks if w.kind == HEADLINE), None)
    if work.given_title:
        work.headline = work.given_title
    elif line is not None:
        work.headline = line.text
    elif work.source_derived is not None:
        work.headline, work.headline_derived = work.source_derived, True
    else:
        work.headline = derive_headline(work.blocks, work.dateline) if work.blocks else ""
        work.headline_derived = True


def derive_headline(works: list[Work], dateline: str | None) -> str:
    """A headline from the lede's first sentence (without the dateline), below a forwarder's covering note."""
    content = content_blocks(works)
    skip = cover_note(works, content)
    start = content[skip] if 0 < skip < len(content) else 0
    # a dateline on a line of its own ("MÉRIDA 27 Oct. (AGENCY) -") opens the lede under it
    texts = (w for w in works[start:] if w.kind in (PARAGRAPH, QUOTE) and not w.aside)
    lede = next((w for w in texts if not dateline_alone(w.text)), None)
    if lede is None:
        lede = next((w for w in works if w.kind != FURNITURE), works[0])
        text = lede.items[0] if lede.kind == LIST and lede.items else lede.text
    else:
        text = lede.text
    return headline_from_lede(text, dateline)


def headline_from_lede(text: str, dateline: str | None) -> str:
    """The lede's first sentence without its dateline and final period (long ones cut with "…")."""
    if dateline and text.startswith(dateline):
        text = text[len(dateline) :].lstrip() or text
    ends = sentence_ends(text)
    sentence = text[: ends[0]] if ends else text
    sentence = sentence.strip()
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    words = sentence.split()
    if len(words) > MAX_DERIVED_WORDS:
        sentence = " ".join(words[:MAX_DERIVED_WORDS]) + " …"
    return sentence or text
