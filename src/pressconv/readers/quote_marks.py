"""Paragraphs -> quotes: where the quotation marks are, what share of words they hold, multi-paragraph runs.

Marks are read as the copy uses them: curly and straight double marks,
German „…“, French « … » (and the reversed »…« style), British single
marks ‘…’ when the document uses single marks as its primary quotation marks,
and the dialogue dash that opens direct speech in Nordic, Polish, Catalan and
Spanish copy (``dialogue``).
Opening or closing is decided by the glyph and by its position (a mark after a
space opens, one before a space or punctuation closes).  Apostrophes — a mark
between letters, or before digits as in ’90s, or a straight mark typed for one
before an abbreviated year ("99) — are never quotation marks.  A text whose
single marks never close a quotation does not quote with single marks.
A paragraph more than half of whose words lie inside quotation marks is a
quote; an opening mark that is never closed runs to the paragraph's end and,
when the next paragraph reopens with a mark, the quote continues there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pressconv import lazy_re
from pressconv.errors import Notes
from pressconv.readers.blocks import HEADING, LIST, PAGINATION, PARAGRAPH, QUOTE, Work
from pressconv.readers.dialogue import DIALOGUE_DASHES, continues_dialogue, dialogue_spans
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import SPEECH_VERBS

_DOUBLE_MARKS = re.compile('[“”„‟"«»]')
_SINGLE_MARKS = re.compile("[‘’‚']")
# Opening marks: after a space, an opening bracket or a dash, or at the very start.  The mark
# comes first in the pattern so the regular-expression engine scans for it quickly.
_DOUBLE_OPENERS = lazy_re.compile(r"[“„«\"](?<![^\s(\[—–-][“„«\"])")
# A mark before "s " or "s-" is the Dutch contraction of "des" ("'s ochtends", "'s-Hertogenbosch").
_SINGLE_OPENERS = lazy_re.compile(r"[‘'‚](?<![^\s(\[—–-][‘'‚])(?=[^\W\d_])(?!s[\s-])")
# A single mark that closes a quotation: after a letter or punctuation, before a space or punctuation.
_SINGLE_CLOSERS = lazy_re.compile(r"(?<=[^\s‘'‚])[’'](?=[\s.,;:!?)\]]|$)")
# A straight mark glued to an abbreviated year ("the Strauss year "99") is an apostrophe typed wrongly.
_YEAR_MARK = re.compile(r'"\d\d(?![\d"])')
# Characters after which a mark is at the start of a quotation.
_OPEN_CONTEXT = frozenset("([{—–-/\u00a0 ")
# Characters before which a mark is at the end of a quotation.
_CLOSE_CONTEXT = frozenset(".,;:!?)]}…—–-/")
_OPENING_MARKS = frozenset("“„‟\"«»‘'‚")
# A mark after one of these (or after a space) is at the start of a quotation (``_context``).
_LEFT_OPEN = _OPEN_CONTEXT | _OPENING_MARKS
# The marks that close a quotation at the very end of a paragraph (German closes with “).
_CLOSING_AT_END = frozenset('“”»"')

QUOTED_SHARE = 0.5
# A paragraph that opens with a whole quoted sentence and its attribution is a quote from this share on.
OPENING_QUOTE_SHARE = 0.4


def primary_style(works: list[Work]) -> str:
    """``double`` unless the document quotes with single marks (British style) more than double."""
    return style_of(work.text for work in works if work.kind in (PARAGRAPH, QUOTE))


_JOIN = ",\n"


def style_of(texts: Iterable[str]) -> str:
    """``single`` when single marks open more quotations than double marks in these texts."""
    # The texts joined and counted in one pass.  Each opener pattern reads one character before its mark
    # and one or two after it: between two texts a comma then a line feed reads as the end of the one (no
    # letter, no "s-" or "s " after a mark, no ",," followed by a word) and the start of the next does.
    joined = _JOIN.join(texts)
    if "‘" not in joined and "'" not in joined and "‚" not in joined:
        return "double"  # no single mark at all: none opens a quotation
    singles = len(_SINGLE_OPENERS.findall(joined))
    if not singles:
        return "double"
    dutch = len(_DUTCH_OPENER.findall(joined)) if ",," in joined else 0
    if singles <= len(_DOUBLE_OPENERS.findall(joined)) + dutch:
        return "double"
    # a single mark that nothing closes opens no quotation: the typo "l ‘Élysée" in copy whose ’ are
    # apostrophes does not make single marks the text's quotation marks
    return "single" if _SINGLE_CLOSERS.search(joined) else "double"


def scan(text: str, style: str) -> tuple[list[tuple[int, int]], bool, int]:
    """Quoted spans (start, end) in ``text``, whether the last one is left open, and stray marks seen.

    Double marks (straight or curly, „ “, « ») always quote; in the ``single`` style
    single marks quote too, and a span nested inside another is part of the outer one.
    """
    doubles, double_open, double_stray = _scan_double(text)
    if style != "single":
        return doubles, double_open, double_stray
    # Double marks are quotation marks in every style; a single-primary text adds its single marks.
    singles, single_open, single_stray = _scan_single(text)
    if not doubles:
        return singles, single_open, single_stray
    if not singles:
        return doubles, double_open, double_stray
    spans: list[tuple[int, int]] = []
    for span in sorted(doubles + singles):
        if spans and span[0] < spans[-1][1]:
            continue  # nested inside (or crossing) the span already taken: the outer quotation counts
        spans.append(span)
    return spans, spans[-1][1] == len(text) and (double_open or single_open), double_stray + single_stray


def _context(text: str, i: int) -> tuple[bool, bool]:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left_open = before in _LEFT_OPEN or before.isspace()
    right_close = after in _CLOSE_CONTEXT or after.isspace()
    return left_open, right_close


_DOUBLE_MARK_CHARS = '“”„‟"«»'  # the characters of ``_DOUBLE_MARKS``


def has_double_mark(text: str) -> bool:
    """``_DOUBLE_MARKS.search(text)``: one substring test per mark, no character class tried everywhere."""
    return (
        "“" in text or "”" in text or '"' in text or "„" in text or "«" in text or "»" in text or "‟" in text
    )


def _double_mark_positions(text: str) -> list[int]:
    """Where ``_DOUBLE_MARKS`` matches, in order: each mark found by ``str.find``, the offsets sorted."""
    found: list[int] = []
    for mark in _DOUBLE_MARK_CHARS:
        if mark in text:  # most paragraphs hold one or two of the seven marks
            at = text.find(mark)
            while at >= 0:
                found.append(at)
                at = text.find(mark, at + 1)
    found.sort()
    return found


# For each opening mark, the marks that may close it.
_CLOSERS = {"“": '”“"', "„": '“”"', "‟": '”"', '"': '"”“', "«": "»", "»": "«", "”": "”"}


def _scan_double(text: str) -> tuple[list[tuple[int, int]], bool, int]:
    spans: list[tuple[int, int]] = []
    open_at = -1
    open_char = ""
    stray = 0
    inner_close = -1  # the closing mark of a quotation nested in the open one (same marks)
    last = len(text) - 1
    for i in _double_mark_positions(text):
        if i <= inner_close:
            continue
        ch = text[i]
        # ``_context``, written out: this loop runs for every mark of every quoted paragraph
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i < last else " "
        left_open = before in _LEFT_OPEN or before.isspace()
        right_close = after in _CLOSE_CONTEXT or after.isspace()
        looks_opening = left_open and not right_close
        nesting = open_at >= 0 and ch == open_char and (looks_opening or (ch == "«" and left_open))
        if nesting and (inner_close := _nested(text, i)) > i:
            continue  # “I begin with a heartfelt “thank you” to …”: a phrase quoted inside the quotation
        if open_at < 0:
            if ch == '"' and left_open and _year_mark(text, i):
                continue  # "99: an abbreviated year, not a quotation
            if ch in '”"' and right_close and not left_open:
                stray += 1  # a closing mark with nothing open
                continue
            open_at, open_char = i, ch
        elif ch in _CLOSERS[open_char]:
            if looks_opening and ch in '“"„':
                # A fresh opening while one is open: the earlier quotation was never closed.
                stray += 1
                spans.append((open_at, i))
                open_at, open_char = i, ch
            else:
                spans.append((open_at, i + 1))
                open_at = -1
    left_open_at_end = open_at >= 0
    if left_open_at_end:
        spans.append((open_at, len(text)))
    return spans, left_open_at_end, stray


# The closing mark of an opening one that may stand nested inside a quotation opened by the same mark.
_NESTED_CLOSERS = {"“": "”", "„": "“", "«": "»"}
_MAX_NESTED_WORDS = 8


def _nested(text: str, i: int) -> int:
    """Where the quotation opened at ``i`` closes when it is nested in one opened by the same mark, else -1.

    Nested: the mark stands mid-sentence (after a word and a space, not after a sentence's end, where
    a fresh quotation follows one left unclosed) and its own closing mark follows within a few words,
    with no other mark between.
    """
    closer = _NESTED_CLOSERS.get(text[i], "")
    if not closer or i < 2 or not text[i - 1].isspace() or not text[i - 2].isalnum():
        return -1
    end = text.find(closer, i + 1)
    if (
        end < 0
        or _DOUBLE_MARKS.search(text, i + 1, end)
        or len(text[i + 1 : end].split()) > _MAX_NESTED_WORDS
    ):
        return -1
    return end


def _year_mark(text: str, i: int) -> bool:
    """A straight mark before two digits ("99) that no later straight mark closes: an apostrophe."""
    if not _YEAR_MARK.match(text, i):
        return False
    after = text.find('"', i + 1)
    return after < 0 or _YEAR_MARK.match(text, after) is not None


def _scan_single(text: str) -> tuple[list[tuple[int, int]], bool, int]:
    spans: list[tuple[int, int]] = []
    open_at = -1
    stray = 0
    for match in _SINGLE_MARKS.finditer(text):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: North Korea’s, don't
        left_open, right_close = _context(text, i)
        if left_open and (after.isdigit() or text[i + 1 : i + 3] in ("s ", "s-")):
            continue  # ’90s; the Dutch 's ochtends
        if open_at < 0:
            if left_open and not right_close and ch in "‘'‚":
                open_at = i
            continue  # a closing-looking mark with nothing open is an apostrophe (the players’)
        if right_close and not left_open and ch in "’'":
            spans.append((open_at, i + 1))
            open_at = -1
        elif left_open and not right_close and ch in "‘‚":
            stray += 1
            spans.append((open_at, i))
            open_at = i
    left_open_at_end = open_at >= 0
    if left_open_at_end:
        spans.append((open_at, len(text)))
    return spans, left_open_at_end, stray


def quoted_share(text: str, spans: list[tuple[int, int]]) -> float:
    """The share of the text's words that lie inside the spans."""
    if not spans:
        return 0.0
    if "  " in text or not text.isprintable():
        total = len(text.split())
        inside = sum(len(text[start:end].split()) for start, end in spans)
        return min(1.0, inside / total) if total else 0.0
    # Every space a single " " (each other Unicode space is unprintable): the words of a stretch
    # are its spaces plus one, less a space at either end -- counted, not cut out and split.
    length = len(text)
    total = text.count(" ") + 1 - (text[:1] == " ") - (text[-1:] == " ") if text else 0
    inside = 0
    for start, end in spans:  # 0 <= start
        end = min(end, length)
        if start < end:
            inside += text.count(" ", start, end) + 1 - (text[start] == " ") - (text[end - 1] == " ")
    return min(1.0, inside / total) if total else 0.0


def opens_with_attributed_quote(text: str, spans: list[tuple[int, int]], share: float) -> bool:
    """“Dosing the first patient is a milestone,” said Mr. Robert Chen, Chief Executive Officer of …"""
    if share < OPENING_QUOTE_SHARE or not spans or spans[0][0] != 0 or spans[0][1] >= len(text):
        return False
    if len(text[: spans[0][1]].split()) < 4:
        return False
    following = text[spans[0][1] : spans[0][1] + 120].split()[:8]
    return any(word.lower().strip(".,;:") in SPEECH_VERBS for word in following)


def starts_with_mark(text: str) -> bool:
    """True when the text opens with a quotation mark (the Dutch typed ",," too)."""
    return bool(text) and (text[0] in _OPENING_MARKS or _DUTCH_OPENER.match(text) is not None)


# Dutch copy types its low opening mark as two commas: ,,We zien …" -- read as „ (same length).
_DUTCH_OPENER = re.compile(r"(?:(?<=[\s(\[—–-])|^),,(?=[^\s,\d])")


@per_document(maxsize=4096)  # a pure function of the text; repeated paragraphs are read once
def _analyse(text: str, style: str) -> tuple[tuple[tuple[int, int], ...], bool, int, float, str]:
    """Spans, left open, stray marks, quoted share, and the text as analysed (Dutch ",," read as „).

    Whether the text opens with an attributed quote is asked of the last two only where the
    quoted share leaves it to decide (``_attributed``).
    """
    if text[:1] in DIALOGUE_DASHES and (dialogue := dialogue_spans(text)):
        # "– Vi är glada, säger Anna Berg.": speech set off by a dash, not by quotation marks
        return dialogue, False, 0, quoted_share(text, list(dialogue)), text
    if ",," in text:
        text = _DUTCH_OPENER.sub("\u201e,", text)  # same offsets: the span starts at the first comma
    if not has_double_mark(text) and (style != "single" or not _SINGLE_MARKS.search(text)):
        return (), False, 0, 0.0, text  # no quotation mark at all: most paragraphs
    spans, left_open, stray = scan(text, style)
    return tuple(spans), left_open, stray, quoted_share(text, spans), text


def _attributed(analysis: tuple[tuple[tuple[int, int], ...], bool, int, float, str]) -> bool:
    """``opens_with_attributed_quote`` of an ``_analyse`` result."""
    spans, _, _, share, text = analysis
    return opens_with_attributed_quote(text, list(spans), share)


# A page header or footer pasted in from a PDF: "Page 2 of 3", "Seite 1 von 2", "- 2 -", "(more)".
_PAGE_LINE = lazy_re.compile(
    r"(?:.{0,60}\b(?:page|seite|página|pagina|pág\.|p\.)\s*\d+\s*(?:of|von|de|di|/)\s*\d+.{0,20}"
    r"|[-–—]\s*\d{1,3}\s*[-–—]|[(\[]?\s*-*\s*more\s*-*\s*[)\]]?)",
    re.IGNORECASE,
)
_MAX_PAGE_LINE_WORDS = 12


def is_page_line(text: str) -> bool:
    """True for a line that is only a page header or footer, never part of what is said."""
    return (
        len(text) < _MAX_PAGE_LINE_WORDS * 10
        and len(text.split()) <= _MAX_PAGE_LINE_WORDS
        and not has_double_mark(text)
        and _PAGE_LINE.fullmatch(text) is not None
    )


def _closes_open_quote(
    text: str, previous: Work, style: str
) -> tuple[tuple[tuple[int, int], ...], bool, int, float, str] | None:
    """The analysis of a paragraph read as going on inside the quotation the paragraph above left open:
    it opens with no mark, and with the opening mark of the quotation above put back at its start, a
    quotation runs from its start with no stray mark, to its end or, when the attribution follows it
    ("… als bisher“, sagte Geschäftsführerin X."), over most of the paragraph."""
    stripped = text.rstrip()
    opener = previous.text.lstrip()[:1]
    if starts_with_mark(text) or opener not in _OPENING_MARKS or not _CLOSING_AT_END.intersection(text):
        return None
    trial = _analyse(opener + text, style)
    spans, left_open, stray = trial[0], trial[1], trial[2]
    if left_open or stray or not spans or spans[0][0] != 0:
        return None
    if spans[0][1] < len(stripped) and trial[3] <= QUOTED_SHARE:
        return None  # the paragraph goes on unquoted for most of it: not the quotation above
    return trial


def classify_quotes(works: list[Work], notes: Notes) -> None:
    """Mark each paragraph whose words are mostly quoted as a quote; link multi-paragraph runs."""
    style = primary_style(works)
    previous_open: Work | None = None
    broken_by_page = False
    in_dialogue = False  # the block above is a quote of dialogue-dash speech
    for work in works:
        if previous_open is not None and (work.reason is PAGINATION or is_page_line(work.text)):
            broken_by_page = True
            continue  # "Seite 1 von 2" between two paragraphs of one quotation: the quotation goes on
        if work.kind not in (PARAGRAPH, QUOTE) or work.aside:
            in_dialogue = False
            if work.kind in (HEADING, LIST) and previous_open is not None:
                notes.warn("unbalanced-quotes", f"quotation left open before: {work.text[:40]!r}")
                previous_open = None
            continue
        analysis = _analyse(work.text, style)
        spans, left_open, stray, share, _ = analysis
        resumed = previous_open is not None and broken_by_page and work.text[:1].islower()
        broken_by_page = False
        if resumed:
            # "…for\n\nPage 1 of 2\n\ndecades, and …": a page break cut the quoted paragraph in two;
            # the second half opens inside the quotation
            analysis = _analyse("\u201c" + work.text, style)
            spans, left_open, stray, share, _ = analysis
            spans = tuple((max(0, start - 1), end - 1) for start, end in spans)
            share = quoted_share(work.text, list(spans))
        closed = None
        if previous_open is not None and not resumed:
            closed = _closes_open_quote(work.text, previous_open, style)
        if closed is not None:
            # „Fast fünf Millionen …" then "Mit dem Gesetz … übernehmen.“: the quotation left open above goes
            # on without a reopening mark and closes at the end of this paragraph
            analysis, left_open, stray = closed, closed[1], closed[2]
            spans = tuple((max(0, a - 1), b - 1) for a, b in closed[0])
            share = quoted_share(work.text, list(spans))
            resumed = True
        dialogue_goes_on = in_dialogue and not spans and continues_dialogue(work.text)
        if dialogue_goes_on:
            # "– Vi vill att alla ska komma." under "– …, säger Anna Berg.": more of the same speech
            spans, share = ((0, len(work.text)),), 1.0
        if stray:
            notes.warn("unbalanced-quotes", f"unmatched quotation mark in: {work.text[:40]!r}")
        work.spans = spans
        work.opens_unclosed = left_open
        work.quoted_share = share
        if previous_open is not None:
            if starts_with_mark(work.text) or resumed:
                work.continues_quote = True
            else:
                notes.warn("unbalanced-quotes", f"quotation never closed in: {previous_open.text[:40]!r}")
        if work.hint == "quote":
            work.kind = QUOTE
            work.reason = "quote (source format)"
        elif work.continues_quote and work.quoted_share > 0:
            work.kind = QUOTE
            work.reason = f"{round(work.quoted_share * 100)}% quoted; continues the quote left open above"
        elif work.quoted_share > QUOTED_SHARE:
            work.kind = QUOTE
            work.reason = f"{round(work.quoted_share * 100)}% quoted"
            if left_open:
                work.reason += ", quote left open (continues below)"
        elif analysis[3] >= OPENING_QUOTE_SHARE and _attributed(analysis):  # its first test, without a call
            work.kind = QUOTE
            work.reason = (
                f"{round(work.quoted_share * 100)}% quoted, but opens with a quoted sentence "
                "attributed right after it (a long attribution, not a partial quote)"
            )
        else:
            work.kind = PARAGRAPH
            if spans:
                work.reason = (
                    f"only {round(work.quoted_share * 100)}% quoted: a partial quote stays a paragraph"
                )
        if dialogue_goes_on and work.kind == QUOTE:
            work.reason += "; the dialogue above goes on"
        in_dialogue = work.kind == QUOTE and work.text[:1] in DIALOGUE_DASHES
        previous_open = work if left_open else None
    if previous_open is not None:
        notes.warn("unbalanced-quotes", f"quotation never closed in: {previous_open.text[:40]!r}")
