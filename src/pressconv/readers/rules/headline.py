"""The top of the body -> headline line and dek, or a headline derived from the lede.

A headline line is the first block when it is one short line (≤ 25 words, or
two hard-wrapped lines within that) with no closing sentence punctuation,
followed by more text.  A second such line directly under it is the dek
(subtitle); so is a one-line sentence under the headline when the paragraph
after it opens with a dateline, or when it stands on the headline's next line
and starts anew there (``headline_dek``: no wrap of the headline).  Without
a headline line the headline is the lede's first sentence (dateline removed,
final period dropped) and the lede stays in the body.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import FURNITURE, HEADLINE, LIST, PARAGRAPH, QUOTE, SUBTITLE, Work
from pressconv.readers.dates import find_date
from pressconv.readers.document_cache import per_document
from pressconv.readers.heading_shape import ends_sentence, is_chrome_line
from pressconv.readers.lexicon import PAGE_CHROME_OPENINGS, PAGE_CHROME_WORDS, TITLE_CASE_SMALL
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.press_furniture import CONTACT_DETAILS, is_date_line
from pressconv.readers.quote_marks import starts_with_mark
from pressconv.readers.rules.around_headline import list_label, quoted_line, split_label_line, under_headline
from pressconv.readers.rules.cover_note import cover_note
from pressconv.readers.rules.dateline import dashed_label, dateline_alone, find_dateline
from pressconv.readers.rules.headline_dek import REPEATED as _REPEATED
from pressconv.readers.rules.headline_dek import dek_parts, same_text, split_under_headline
from pressconv.readers.rules.headline_guards import dated_title, may_stand_above, path_marks, stamp_opening
from pressconv.readers.rules.headline_shape import (
    LONE_KICKER,
    MAX_DEK_WORDS,
    MAX_LABEL_WORDS,
    MAX_PERSON_WORDS,
    MIN_DEK_WORDS,
    WORD,
    chrome_words,
    date_stamp,
    dates_only,
    field_line,
    has_verb,
    label_line,
    line_shaped,
    names_only,
    paragraph_dek_shaped,
    place_and_date,
    release_kind,
    role_line,
    roll,
    time_label,
    titled_pair,
)
from pressconv.readers.rules.issuer_lines import about_headings, alert_chrome, issuer_line
from pressconv.readers.rules.masthead_lines import (
    from_issuer,
    organisation_line,
    page_label,
    plural_section_label,
    section_from,
    site_section,
)
from pressconv.readers.rules.title_sentences import titled_sentence
from pressconv.readers.rules.top_blocks import by_period, split_top_lines
from pressconv.readers.worklist import WorkList

MAX_HEADLINE_WORDS = 25


def content_blocks(works: list[Work]) -> list[int]:
    """Indexes of the first content blocks (not furniture, not a date line): all a headline needs."""
    found: list[int] = []
    for i, w in enumerate(works):
        if w.kind != FURNITURE and not w.aside:
            found.append(i)
            if len(found) >= _TOP_CONTENT:
                break
    return found


def apply(work: WorkList) -> None:
    """Mark the headline line and dek; a headline the source format marks below other text moves up."""
    # A given title replaces the headline's text only: the structure is inferred as without it (#16).
    _headline_first(work.blocks)
    if work.source_derived is None:
        split_top_lines(work.blocks)  # "EXHIBIT 99.1" on the headline block's first line: its own block
        find_headline(work.blocks, None, work.matter.subtitle, work.headline_evidence)
        if work.given_title and not any(w.kind == HEADLINE for w in work.blocks):
            # no headline line of its own: a first line repeating the given title is consumed
            find_headline(work.blocks, work.given_title, work.matter.subtitle, work.headline_evidence)


def _headline_first(works: list[Work]) -> None:
    """A headline block below other text (a kicker, a section label) moves to the top of the content.

    The headline rule looks at the first block of content only; the text that
    stood above the source's own headline is body text, never a heading.
    """
    content = content_blocks(works)
    at = next((i for i in content if works[i].hint == "headline"), None)
    if at is None or at == content[0]:
        return
    for i in content:
        if i == at:
            break
        if works[i].hint is None:
            works[i].hint = "paragraph"
    works.insert(content[0], works.pop(at))


def find_headline(
    works: list[Work], given_title: str | None, given_subtitle: str | None, evidence: list[str] | None = None
) -> None:
    """Mark the headline line and the dek (kinds ``headline`` and ``subtitle``) when the text has them.

    Without a headline from the source format or a given title, the headline
    is a scored choice among the first blocks (see ``_choose``); the blocks
    above it (page chrome, mastheads, codes, contacts, dates) stay text that is
    never a heading.  ``evidence`` receives the candidates and their scores.
    """
    content = content_blocks(works)
    if len(content) < 2:
        return
    at = content[0]
    if works[at].hint != "headline" and given_title is None:
        won = _choose(works, content, evidence if evidence is not None else [])
        above = may_stand_above
        picked = won if won is not None else by_period(works, content, evidence, _body_like, _score, above)
        if picked is None:
            return
        at = picked
        for i in content:
            if i >= at:
                break
            if works[i].hint is None:
                works[i].hint = "paragraph"
                works[i].reason = "above the headline: page chrome, masthead or label, kept as text"
        at = split_label_line(works, at)
    first = works[at]
    split_dek = split_under_headline(works, at)  # the dek when it starts anew on the headline's next line
    content = [i for i in content_blocks(works) if i >= at]
    if first.hint == "headline":
        first.kind, first.reason = HEADLINE, "headline (source format)"
    elif given_title is not None:
        if same_text(first.text, given_title) and first.kind == PARAGRAPH:
            first.kind, first.reason = HEADLINE, "headline line, the same as the title given"
        else:
            return
    else:
        first.kind = HEADLINE
        first.reason = first.reason or "the best-scored headline candidate (see the headline lines above)"
    below = works[content[1]] if len(content) > 1 else None
    if below is not None and below.hint is None and dateline_alone(below.text):
        # "HARLOW, England —" alone under the headline: the lede's dateline, kept as text
        below.hint, below.reason = (
            "paragraph",
            "a dateline set apart from its lede: text, never a heading or the dek",
        )
    if len(content) < 3:
        return
    second = works[content[1]]
    after = works[content[2]]
    if second.hint is None and any(same_text(second.text, w.text) for w in [first, *works[:at]]):
        # a page's title twice (its h1 and its title), or a masthead line above it again ("THE WHITE HOUSE"):
        # every word is kept, so the copy stays as text
        second.hint, second.aside, second.reason = "paragraph", True, _REPEATED
        return
    below_text = None if second.hint is not None else " ".join(works[i].text for i in content[2:])
    set_aside = None if below_text is None else under_headline(second, first.text, below_text)
    if set_aside is not None:
        second.hint, second.aside = "paragraph", True  # kept as text, passed over when looking for the lede
        second.reason = f"{set_aside} under the headline: text, not the dek"
        return
    if second.hint == "subtitle":
        second.kind, second.reason = SUBTITLE, "subtitle (source format)"
    elif given_subtitle is not None:
        if same_text(second.text, given_subtitle) and second.kind == PARAGRAPH:
            second.kind, second.reason = SUBTITLE, "dek line, the same as the subtitle given"
    elif (
        line_shaped(second, MAX_DEK_WORDS)
        and find_dateline(second.text) is None
        and not quoted_line(second.text)
        and not roll(second.text)
        and not is_chrome_line(second.text)
        and not second.text.lower().startswith(PAGE_CHROME_OPENINGS)
        and not any(dates_only(line) for line in second.lines)  # "Monday, 7 December 2031 - 10:15am"
        and not time_label(second.text)  # "Update – 6:15 p.m. Saturday": a live update's label
        and not list_label(second, after)  # "2023 Fourth Quarter Results" over bullets: a heading
    ):
        one_phrase = not sentence_ends(second.text.rstrip(".!?"))
        dek_words = len(second.text.split())
        short = MIN_DEK_WORDS <= dek_words <= MAX_HEADLINE_WORDS
        if second is split_dek and one_phrase:
            second.kind = SUBTITLE
            second.reason = "a new sentence on the line under the headline (no blank line between): the dek"
        elif not ends_sentence(second.text) and one_phrase and short:
            second.kind, second.reason = SUBTITLE, "second short line under the headline: the dek"
        elif dek_words >= MIN_DEK_WORDS and find_dateline(after.text) is not None and _body_like(after):
            # the lede under it opens with a dateline (not a short "Ana Ruiz – Chief Medical Officer" line)
            second.kind, second.reason = (
                SUBTITLE,
                "one-line sentence under the headline, before the dateline",
            )


# How many blocks from the top may hold the headline, and the least score a headline needs.
_WINDOW = 8
_TOP_CONTENT = 40  # content blocks looked at from the top (cover note, window, lede and dek)
_MIN_SCORE = 1.0
_TITLE_THEN_DATE = lazy_re.compile(r"^\S+(?:\s+\S+){2,}(?::|\s[-–—])\s*$")  # 3+ words then a colon or dash
_MIN_SENTENCE_WORDS = 5
_SHORT_HEADLINE_WORDS = 4
_MIN_INTRODUCTION_WORDS = 8
# Why a line alone is page chrome (not merely unlike a headline): one such line makes a two-line masthead.
_MASTHEAD_REASONS = (
    "breadcrumbs",
    "a document code",
    "a meeting number",
    "a date line",
    "contact details",
    "page chrome",
    "a section label",
    "an organisation or unit name",
)
# Chrome above a derived headline that is set aside (never the lede the headline is derived from).
_ASIDE_CHROME = ("an organisation or unit name", "page chrome: ")
_DIGIT = re.compile(r"\d")
_CODE = lazy_re.compile(
    r"^[A-Z]{1,6}(?:/[A-Z0-9.-]+)+$|^[A-Z]{1,5}[-‑ ]?\d[\d/.-]*$"
    # a neutral citation: "[2031] ESC 27", "[2030] ECA Civ 412"
    r"|^\[\d{4}\]\s+[A-Z]{2,6}(?:\s+[A-Z][a-z]{1,5})?\s+\d+$"
)
# "41st Session (PM)", "9981st Meeting (AM)": a meeting's number in a masthead
_SESSION = lazy_re.compile(
    r"\b\d+(?:st|nd|rd|th)\s+(?:session|meeting|plenary|sitting)\b|\((?:AM|PM)\)$", re.IGNORECASE
)
_PARTS = re.compile(r"\s[-–—|:]\s")
_KICKER = lazy_re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý’' &-]{2,40}:\s+\S")
# A forwarded mail's subject line pasted above the release: "Fwd: County approves …", "WG: …".  Not
# "RE:", which official rebuttals use as their headline ("RE: PUBLICATION ON ALLEGED SHORTAGE OF …").
_SUBJECT = lazy_re.compile(r"^(?:fwd?|fw|wg|tr|rv|doorst)\s?:\s", re.IGNORECASE)
# A company's defined term under its name in a regulatory announcement: ("Hollin" or the "Company").
_DEFINED_TERM = re.compile(r"^\([^()]*[\"“”'‘’][^()]*\)$")
# An ALL-CAPS paragraph this long at the top is a legend (inside information, not for distribution …).
_MIN_LEGEND_WORDS = 12


def _choose(works: list[Work], content: list[int], evidence: list[str]) -> int | None:
    """The index of the best headline candidate among the first blocks, or None.

    Candidates are the blocks above the lede (the first block that is running
    text or opens with a dateline), at most ``_WINDOW``.  Each is scored on
    its shape (one or two lines, a headline's length, no closing period unless
    Title Case), on what follows it (the lede, or a dek then the lede) and on
    what it is not: breadcrumbs, section labels and mastheads, document codes,
    dates, contact lines, a bare organisation or person's name.
    """
    window: list[int] = []
    for i in content[cover_note(works, content, evidence) :]:
        if len(window) >= _WINDOW or (_body_like(works[i]) and dek_parts(works[i]) is None):
            break
        window.append(i)
    if not window:
        return None
    lede = next((i for i in content if i > window[-1]), None)
    about = about_headings(works[window[-1] + 1 :])
    scored: list[tuple[float, int, str]] = []
    first_shaped = True
    for rank, i in enumerate(window):
        later = [j for j in window if j > i] + ([lede] if lede is not None else [])
        score, why = _score(works[i], [works[j] for j in later[:2]], rank, [works[j] for j in later], about)
        if first_shaped and score > 0 and why.split(" ", 1)[0].isdigit() and "name" not in why:
            # the first block shaped like a headline, everything above it chrome: the usual layout
            first_shaped = False
            score += 1.0
            why += ", the first headline-shaped block"
        scored.append((score, -rank, why))
        evidence.append(f"  -  headline?  {score:+.1f} {why}  | {_preview(works[i].text, 50)}")
    # Only chrome may stand above the headline: the model sets the headline before the body, so a
    # block of text above it would move below it (words out of order).  The first block that is
    # text, not chrome, is the last that may win; nothing below it is the headline.
    reach = next((k for k, (score, _rank, why) in enumerate(scored) if not may_stand_above(score, why)), None)
    if reach is not None and reach + 1 < len(scored):
        evidence.append(
            f"  -  headline   candidates below #{reach + 1} passed over: text would stand above them"
        )
        scored = scored[: reach + 1]
    best, neg_rank, why = max(scored)
    if best < _MIN_SCORE:
        evidence.append("  -  headline   no candidate scores enough: derived from the lede")
        for k, (_score_k, _rank_k, why_k) in enumerate(scored):
            if why_k.startswith(_ASIDE_CHROME) and works[window[k]].hint is None:
                # the issuing office or a page's label over a derived headline ("Polizeipräsidium
                # (Seestadt)", "Tag Archives: …"): kept as text, neither a heading nor the lede
                works[window[k]].hint, works[window[k]].aside = "paragraph", True
                works[window[k]].reason = f"above the text, {why_k}: kept as text"
        return None
    chosen = window[-neg_rank]
    works[chosen].reason = f"headline: the best-scored of {len(window)} candidate(s), {best:+.1f} ({why})"
    return chosen


def _preview(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _body_like(work: Work) -> bool:
    """Running text: the lede or any paragraph the headline must stand above."""
    if work.kind not in (PARAGRAPH, QUOTE) or work.hint is not None:
        return work.kind in (LIST, QUOTE)
    return _body_text(work.text, len(work.lines))


@per_document(maxsize=1024)  # a pure function of the text and its line count, asked of the lede 3 or 4 times
def _body_text(text: str, line_count: int) -> bool:
    # a cookie banner, an archive notice, a mail alert's "view it online" (scored as chrome): costly, last
    return _running_text(text, line_count) and page_label(text) is None and not alert_chrome(text)


def _running_text(text: str, line_count: int) -> bool:
    words = len(text.split())
    sentence_like = words > 8 and (ends_sentence(text) or words > MAX_HEADLINE_WORDS)  # cheap: first
    if sentence_like and find_dateline(text) is not None and not _kicker_line(text, line_count):
        return True  # a lede; not a masthead "MERIDIAN WEATHER SERVICE — Daily Bulletin — MSB/31/338"
    if words > _MIN_LEGEND_WORDS and text.isupper():
        return False  # a legend in capitals above the headline, not the lede (scored as chrome)
    if words > 45:
        return True
    if text.endswith(":") and words >= _MIN_INTRODUCTION_WORDS:
        return True  # a sentence introducing a quote or a list: running text
    # a sentence is running text: nothing below it is the headline (a dek comes under the headline)
    return words >= _MIN_SENTENCE_WORDS and ends_sentence(text) and not titled_sentence(text)


def _kicker_line(text: str, line_count: int) -> bool:
    """ "FACT SHEET: Administration Launches …": a label, a colon or dash, a title; not a dateline."""
    kicker = bool(_KICKER.match(text)) and line_count <= 2 and not ends_sentence(text)
    return kicker or dashed_label(text, line_count)


def _score(
    work: Work, following: list[Work], rank: int, below: list[Work] | None = None, about: str = ""
) -> tuple[float, str]:
    """A headline score for one block and the reasons, most telling first.

    ``below`` holds the candidates under the block and the lede, ``about`` the text's "About …"
    headings: where a name on the block recurs.
    """
    text = work.text
    words = text.split()
    if work.hint is not None or work.kind != PARAGRAPH:
        return -9.0, "not a plain text block"
    if len(work.lines) in (2, 3) and LONE_KICKER.match(work.lines[0]):
        # "EXCLUSIVE:" on a line of its own over a headline (one line or hard-wrapped in two): one headline
        rest = work.lines[1:]
        score, why = _score(Work(text=" ".join(rest), lines=rest), following, rank)
        return (score + 0.5, f"{why}, a kicker line above it") if score > 0 else (score, why)
    over_dek = dek_parts(work)
    if len(work.lines) > 2 and over_dek is None:
        return -9.0, f"{len(work.lines)} lines: a block, not a headline"
    if len(work.lines) == 2 and label_line(work.lines[0]) and not label_line(work.lines[1]):
        score, why = _score(Work(text=work.lines[1], lines=work.lines[1:]), following, rank)
        return score, f"{why}, under a label line"
    if len(work.lines) == 2 and date_stamp(work.lines[1]) and not date_stamp(work.lines[0]):
        # a title over its date stamp ("7 May 2031, 16:35 | Updated: …"): the title is the candidate
        score, why = _score(Work(text=work.lines[0], lines=work.lines[:1]), following, rank)
        return score, f"{why}, over its date stamp"
    if len(work.lines) == 2:
        if all(field_line(line) for line in work.lines):
            return -9.0, 'page metadata: a label and its value on each line ("Region: North", "Topic: …")'
        for line in work.lines:
            alone, why = _score(Work(text=line, lines=[line]), [], 0, below, about)
            if (alone <= -9.0 and why.startswith(_MASTHEAD_REASONS)) or "only a name" in why:
                return -9.0, f"a masthead: two lines, one of them {why.split(',')[0]}"
        if all(len(line.split()) <= MAX_LABEL_WORDS and not has_verb(line) for line in work.lines):
            return -9.0, "a masthead: two short label lines without a verb"
        if role_line(work.lines[1]) and len(work.lines[0].split()) <= MAX_PERSON_WORDS + 1:
            return -9.0, "a name over its role (a minister's or an author's header)"
    if over_dek is not None:  # a headline, its dek on the next line (no blank line): the headline competes
        score, why = _score(over_dek[0], [over_dek[1], *following], rank)
        return score, f"{why}, over its dek on the next line"
    label = page_label(text)
    if label is not None:
        return -9.0, f"page chrome: {label}"
    if not any(ch.isalpha() for ch in text) or len(words) > MAX_HEADLINE_WORDS + 10:
        return -9.0, "no words, or too long"
    lowered = text.lower()
    paired = path_marks(text)
    if paired and not titled_pair(text):
        return -9.0, "breadcrumbs or a section path"
    if _CODE.match(text.strip()):
        return -9.0, "a document code"
    if _DEFINED_TERM.match(text):
        return -9.0, 'a defined term ("Hollin" or the "Company")'
    if "/" in text and any(_CODE.match(part.strip()) for part in _PARTS.split(text)):
        return -9.0, "a document code in a masthead (name — section — code)"
    digits = _DIGIT.search(text) is not None  # no digit: no meeting's number, no phone number
    if (digits or ")" in text) and _SESSION.search(text) and len(words) <= MAX_LABEL_WORDS + 2:
        return -9.0, "a meeting number"
    if is_date_line(text) or (find_date(text) is not None and len(words) <= 6 and not dated_title(text)):
        return -9.0, "a date line"
    if place_and_date(text):
        return -9.0, 'a date line: a place and its date ("Villa Alta del Valle, 3 de marzo de 2031")'
    if _SUBJECT.match(text):
        return -9.0, "a forwarded e-mail's subject line (Fwd:, FW:, WG: …)"
    if (digits or "@" in text or "http" in text or "www." in text) and CONTACT_DETAILS.search(text):
        return -9.0, "contact details (phone, e-mail or web address)"
    if (lowered.startswith(PAGE_CHROME_OPENINGS) and stamp_opening(lowered)) or is_chrome_line(text):
        return -9.0, "page chrome (share, provided by, published, a caption …)"
    if text.endswith(":") or (find_dateline(text) is not None and not _kicker_line(text, len(work.lines))):
        return -9.0, "introduces what follows (ends in a colon) or opens with a dateline"
    if dateline_alone(text):
        return -9.0, "a dateline set apart from its lede"
    if starts_with_mark(text) and text.rstrip()[-1:] in '”"»“«’':
        return -9.0, "a quotation"
    if roll(text):
        return -9.0, "a roll of names (a label and a list, no verb)"
    reasons: list[str] = []
    score = 0.0
    content_words = [w for w in WORD.findall(lowered) if w not in TITLE_CASE_SMALL]
    if content_words and all(w.strip(".") in PAGE_CHROME_WORDS for w in content_words) and len(words) <= 8:
        return -9.0, "a section label or masthead (press release, news story, briefing room …)"
    parts = [part for part in _PARTS.split(text) if part]
    if len(parts) > 1 and all(chrome_words(part) for part in parts[1:]):
        return -9.0, 'an organisation and a section label ("European Commission - Press release")'
    if release_kind(words):
        return -9.0, 'a section label: the kind of release ("Urgent statement", "Media advisory")'
    if plural_section_label(text):
        return -9.0, 'a site section named by plural nouns ("Recalls & Product Safety Warnings")'
    if site_section(text):
        return -9.0, 'a site\'s name and its newsroom section ("Skyvale Airways Newsroom")'
    if section_from(text):
        return -9.0, 'a site section of releases ("News Releases from Region 09")'
    if organisation_line(text):
        return -9.0, 'an organisation or unit name (an institution word, no verb: "Governo do Estado")'
    issuer = issuer_line(text, below or [], about, _body_like)
    if issuer is not None:
        return -9.0, issuer
    if from_issuer(text):
        return -9.0, 'an organisation or unit name after "From the" (the issuing office)'
    if len(words) > _MIN_LEGEND_WORDS and text.isupper() and ends_sentence(text):
        return -9.0, "a legend or notice in capitals (inside information, not for distribution …)"
    if ends_sentence(text) and not titled_sentence(text):
        return -9.0, "a sentence (closing punctuation): a lede or dek, not a headline"
    dated = find_date(text)
    if dated is not None and any(ch.isdigit() for ch in text):
        if _TITLE_THEN_DATE.match(text[: dated[1]]) and not text[dated[2] :].strip(" .)"):
            reasons.append("a title dated after a colon or dash")  # "PM call with …: 9 September 2031"
        else:
            score -= 2.0
            reasons.append("holds a date")
    n = len(words)
    if 5 <= n <= MAX_HEADLINE_WORDS:
        score += 2.0
        reasons.append(f"{n} words")
    elif n <= 2:
        score -= 1.0
        reasons.append(f"only {n} word(s)")
    elif n <= 4:
        score += 1.0
        reasons.append(f"short ({n} words)")
    if names_only(text):
        score -= 3.0
        reasons.append("only a name (organisation or person)")
    if _KICKER.match(text):
        score += 0.5
        reasons.append("kicker prefix")
    if has_verb(text):
        score += 1.0
        reasons.append("has a verb")
    if paired:
        reasons.append("a title and its site (or two titles) across a bar or slash, not breadcrumbs")
    if following:
        after = following[0]
        if _body_like(after) or after.kind == QUOTE:
            score += 1.5
            reasons.append("the lede follows")
        elif len(following) > 1 and _body_like(following[1]) and paragraph_dek_shaped(after):
            score += 2.0
            reasons.append("a dek, then the lede, follows")
        elif is_date_line(after.text) or after.date_line:
            score += 0.5
            reasons.append("a date line follows")
        elif after.kind == PARAGRAPH and ends_sentence(after.text):
            score += 1.0
            reasons.append("a short paragraph follows")
    if rank == 0 and n <= _SHORT_HEADLINE_WORDS:
        score += 1.0  # a short first line over the text ("Third", "First release") is its title
        reasons.append("the first block")
    score -= 0.25 * rank
    return score, ", ".join(reasons) or "no evidence either way"
