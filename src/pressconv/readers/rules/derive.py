"""Rule: no headline from option, front matter, source format or text -> from the lede's first sentence."""

from __future__ import annotations

from pressconv.readers.blocks import FURNITURE, HEADLINE, LIST, PARAGRAPH, QUOTE, Work
from pressconv.readers.heading_shape import CODE_LINE
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.press_furniture import is_date_line
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
    # a dateline alone, a document code ("C/05/111") or a date line above the text is no lede
    lede = next((w for w in texts if not (dateline_alone(w.text) or _code_or_date(w.text))), None)
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


_MAX_CHROME_WORDS = 8


_MIN_LEDE_WORDS = 2  # words of three letters or more


def _code_or_date(text: str) -> bool:
    """A document code or a date line on its own ("C/05/111", "8816/05 (Presse 111)", "SG/SM/23187 3 March
    2026"): too few words to be the lede's sentence."""
    words = text.split()
    if len(words) > _MAX_CHROME_WORDS:
        return False
    few = sum(1 for w in words if sum(ch.isalpha() for ch in w) >= 3) < _MIN_LEDE_WORDS
    return few or CODE_LINE.match(text) is not None or is_date_line(text)
