"""Dialogue dashes -> quoted spans: direct speech that opens with a dash instead of a quotation mark.

Swedish, Norwegian, Danish, Polish, Catalan and Spanish copy often sets direct
speech off with a dash at the start of the paragraph and no quotation marks at
all: "– Vi är glada, säger Anna Berg.", "– To dobry dzień – mówi Jan Nowak.",
"—Es un gran día —dijo la alcaldesa—. Vamos a celebrarlo.".  The speech runs
from the dash to the attribution (a comma or a dash, then a speech verb); after
the attribution another dash may resume it.  A paragraph that opens with a
dash but holds no speech verb after a comma or dash (a list item, a sign-off
line "– Jane Doe, Minister") is not dialogue.
"""

from __future__ import annotations

from pressconv import lazy_re
from pressconv.readers.lexicon import SPEECH_PHRASES, SPEECH_VERBS

DIALOGUE_DASHES = "–—―"
# The dash that opens a paragraph of direct speech, then the first word of the speech.
_OPENING = lazy_re.compile(r"[–—―] ?(?=[^\W\d_]|[„“\"«¿¡])")
# Where the speech may stop and its attribution begin: a comma, or a dash (spaced or set close).
_BREAK = lazy_re.compile(r",\s+|\s[–—―]\s?|[–—―]")
# The word after a break, and the one after it (a two-word verb: "ha dit", "a déclaré").
_WORDS_AFTER = lazy_re.compile(r"([^\W\d_][\w’'-]*)(?:\s+([^\W\d_][\w’'-]*))?")
# Where the speech resumes after its attribution: a dash after a sentence end or a comma ("säger
# Anna Berg. – Och …"), or the dash that closes an attribution set in dashes ("—dijo la alcaldesa—. …").
_RESUME = lazy_re.compile(r"(?<=[.!?,;:] )[–—―] ?(?=[^\W\d_]|[„“\"«¿¡])|[–—―](?=[.,;:]? +\S)")
# Fewer words than this before the attribution is a fragment, not a stretch of speech.
_MIN_SPEECH_WORDS = 3
# A dash, a name and a comma: "– Jane Doe, Minister of Transport" signs a quote, it says nothing.
_SIGN_OFF = lazy_re.compile(r"[–—―] ?[A-ZÀ-Þ][\w.’'-]* [A-ZÀ-Þ][\w’'-]*(?: [A-ZÀ-Þ][\w’'-]*)?(?:,|$)")
_MIN_GOING_ON_WORDS = 5


def continues_dialogue(text: str) -> bool:
    """True for a paragraph that opens with a dialogue dash and reads as speech: sentences, not a sign-off.

    Under a paragraph of dialogue it goes on with the same speech ("– Vi vill att alla ska komma.").
    """
    return (
        text[:1] in DIALOGUE_DASHES
        and _OPENING.match(text) is not None
        and len(text.split()) >= _MIN_GOING_ON_WORDS
        and text.rstrip()[-1:] in ".!?…"
        and _SIGN_OFF.match(text) is None
    )


def dialogue_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of direct speech in a paragraph that opens with a dialogue dash, or ()."""
    if not text or text[0] not in DIALOGUE_DASHES or _OPENING.match(text) is None:
        return ()
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        attribution = _attribution_at(text, start)
        if attribution is None:
            if spans:
                spans.append((start, len(text)))  # speech resumed after the attribution runs to the end
            break
        end, verb_end = attribution
        spans.append((start, end))
        resumed = _RESUME.search(text, verb_end)
        if resumed is None:
            break
        start = resumed.start()
    return tuple(spans)


def _attribution_at(text: str, start: int) -> tuple[int, int] | None:
    """Where the speech opening at ``start`` ends and where its speech verb ends, or None.

    The speech ends at the comma or spaced dash before the verb, or just after a dash set close
    to it ("—dijo"); None when no speech verb follows a comma or dash.
    """
    for found in _BREAK.finditer(text, start + 1):
        if len(text[start : found.start()].split()) < _MIN_SPEECH_WORDS:
            continue
        words = _WORDS_AFTER.match(text, found.end())
        if words is None:
            continue
        first = words.group(1).lower()
        second = (words.group(2) or "").lower()
        if (first in SPEECH_VERBS and first != "so") or f"{first} {second}" in SPEECH_PHRASES:
            end = found.end() if found.group()[-1] in DIALOGUE_DASHES else found.start()
            return end, words.end(2 if f"{first} {second}" in SPEECH_PHRASES else 1)
    return None
