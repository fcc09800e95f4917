"""One-line blocks -> section headings (and "About …" sections -> boilerplate role).

A section heading is a short one-line block (≤ 12 words, ≤ 16 in Title Case)
with no closing sentence punctuation, not a list item, not opening with a
quotation mark, followed by body text (or by another heading that is).  A
title-like line ending in a colon ("Research highlights:") counts; a sentence
ending in a colon that introduces a list or a quote does not (a colon line in
sentence case opening with an article or pronoun, "The squad:", or of more than
three words with a verb, or one with a verb of saying).  A sentence-case line of
more than six words without a final period is a sentence that lost its period,
not a heading.  An "About …" heading opens a boilerplate section.  The rule
that marks headings, weighing what stands around each line, is ``rules.headings``.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import PARAGRAPH, Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ABBREVIATIONS,
    BOILERPLATE_HEADINGS,
    FINITE_VERBS,
    LIST_INTRODUCERS,
    SPEECH_VERBS,
    TITLE_CASE_SMALL,
)
from pressconv.readers.press_furniture import is_date_line
from pressconv.readers.quote_marks import starts_with_mark

MAX_WORDS = 12
MAX_TITLE_CASE_WORDS = 16
MAX_SENTENCE_CASE_WORDS = 6
MAX_COLON_LABEL_WORDS = 3
_MAX_PHRASE_WORDS = 9  # a sentence-case subhead with its small words ("de", "für die", "of the")
# "À propos de la Métropole de Lyon": the French prefix alone is three words.
_MAX_ABOUT_WORDS = 8
_CLOSING = ".!?…;,"
_MAX_HEADING_CHARS = 200
_NOT_A_HEADING = re.compile(r"://|www\.|@\w", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# Lines of a web page, an e-mail or a printout that are not the text's headings: sharing and
# navigation, calls to action, bylines, sign-offs, copyright, page and continuation marks.
_CHROME_LINE = lazy_re.compile(
    r"(?:share|print|e-?mail|tweet|follow us|subscribe|sign up|sign in|log in|skip to|back to|jump to"
    r"|read more|read the full|learn more|find out more|more news|more stories|click here|tap here"
    r"|watch the|listen to this|view (?:the )?(?:gallery|video|photos?|slideshow)"
    r"|(?:previous|next) (?:article|story|post|page|item|release)|advertisement|sponsored"
    r"|cookie|accept all|privacy (?:policy|notice|settings)|terms of use|terms and conditions"
    r"|report a problem|(?:is|was) this (?:page|article|information) (?:useful|helpful)"
    r"|copyright|all rights reserved|posted (?:by|in|on)|filed under|story by|written by|photos? by"
    r"|(?:photo|image|picture|caption|credit|video|foto|bild)s?\s*:|photo courtesy|courtesy of"
    r"|(?:news )?provided by|distributed by|continued on"
    r"|page \d+\s*$|cont(?:inued|['’]d)\.?\s*$"
    r"|(?:(?:kind|best|warm|warmest) )?regards[.,!]?\s*$|best wishes[.,!]?\s*$|many thanks[.,!]?\s*$"
    r"|yours (?:sincerely|faithfully|truly)[.,!]?\s*$|sincerely[.,!]?\s*$|thank you[.,!]?\s*$"
    r"|(?:menu|search|home|share|print)\s*$)(?!\w)",
    re.IGNORECASE,
)
# "By Jane Smith" below the top: a byline; "By the numbers" is a heading
_BYLINE = lazy_re.compile(r"(?:By|BY)\s+(?!the\b|THE\b)[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}$")
# A row of sharing buttons: "Facebook Twitter LinkedIn", "Share | Email | Print"
_SOCIAL = frozenset(
    {
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "instagram",
        "youtube",
        "whatsapp",
        "email",
        "e-mail",
        "print",
        "share",
        "tiktok",
        "threads",
        "bluesky",
        "mastodon",
        "reddit",
        "pinterest",
        "copy",
        "link",
        "|",
        "•",
        "·",
    }
)
# The last word of an unfinished sentence that introduces a list ("The measures include" / "- …").
_OPEN_ENDINGS = frozenset(
    {
        "include",
        "includes",
        "including",
        "are",
        "is",
        "were",
        "was",
        "will",
        "can",
        "could",
        "should",
        "must",
        "would",
        "may",
        "might",
        "has",
        "have",
        "had",
        "incluye",
        "incluyen",
        "umfasst",
        "umfassen",
        "comprennent",
        "sind",
    }
)
CODE_LINE = re.compile(r"[A-Z]{1,8}(?:/[A-Z0-9.-]+)+$")
SHORT_LINE = 80  # lines this short get a reason in --explain when they are not headings
# "Jaén, 12/02/2026": a place and a numeric date on a line of their own
_PLACE_AND_DATE = re.compile(r"[^\W\d_][\w .’'-]{1,40},\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
# "– The Honourable Jane Roe, Minister of …" under a quote: an attribution line, never a heading
_DASH_OPENING = re.compile(r"[–—―]\s|-{1,2}\s")
# "Page 1 of 2", "Seite 1 von 2": a page header, looked for only in lines with a digit
_PAGE_NUMBER = lazy_re.compile(r"\b(?:page|seite|página|pág\.)\s*\d+\s*(?:of|von|de|/)\s*\d+", re.IGNORECASE)
_NOT_A_HEADING_START = lazy_re.compile(
    r"(?:photo|image|picture|credit|source|caption|tags|video|foto|bild|quelle)\s*:"
    # e-mail and page headers: "From:", "Published", "(MORE)"
    r"|(?:from|to|sent|subject|date|cc|published|updated|last updated)\s*:?\s*$"
    r"|[(\[-]*\s*more\s*[)\]-]*$"
    # a label fused with its value: "WHERE: City Hall", "Who: the mayor" (the value is the paragraph)
    r"|(?:[A-ZÀ-Ý][A-ZÀ-Ý &/-]{1,30}|what|who|when|where|why|how"
    r"|wer|wann|wo|qui|quand|où|quién|cuándo|dónde)\s*:\s+\S",
    re.IGNORECASE,
)
# Question words that open a sentence-case label heading ("How the study was done", "What happens next").
_QUESTION_WORDS = frozenset(
    {
        "what",
        "who",
        "when",
        "where",
        "why",
        "how",
        "was",
        "wer",
        "wann",
        "wo",
        "warum",
        "wie",
        "qui",
        "quand",
        "où",
        "pourquoi",
        "comment",
        "qué",
        "quién",
        "cuándo",
        "dónde",
        "por",
        "cómo",
    }
)
_MAX_QUESTION_LABEL_WORDS = 8
_MAX_COLON_LABEL_NO_VERB = 6
_MAX_DATE_LINE_WORDS = 10
_LABEL_REACH = 48  # a label's colon stands within this many characters ("MEDIA REQUIREMENTS:")
_SHORT_HEADER_CHARS = 16  # "Published", "(MORE)", "Last updated"
# Words that open a sentence rather than a label ("The report makes three recommendations:").
_SENTENCE_OPENERS = frozenset(
    {
        "the",
        "this",
        "that",
        "these",
        "those",
        "our",
        "its",
        "their",
        "his",
        "her",
        "we",
        "it",
        "they",
        "he",
        "she",
        "el",
        "la",
        "los",
        "las",
        "le",
        "les",
        "der",
        "die",
        "das",
        "wir",
        "nous",
        "nosotros",
        "un",
        "una",
        "une",
        "ein",
        "eine",
        "a",
        "an",
    }
)
_TRAILING = "”’\"»“‘«)]*'"
_TRAILING_OR_SPACE = _TRAILING + " "


def last_char(text: str) -> str:
    """The last character that is not a closing quotation mark or bracket."""
    return text.rstrip(_TRAILING_OR_SPACE)[-1:]


def ends_sentence(text: str) -> bool:
    """True when the text closes with sentence punctuation (an abbreviation's period excepted)."""
    stripped = text.rstrip(_TRAILING_OR_SPACE)
    end = stripped[-1:]  # ``last_char``
    if end not in _CLOSING:  # "" too: a text of closing marks alone ends as a sentence does
        return False
    if end == ".":
        last_word = stripped.rsplit(None, 1)[-1].lower()
        core = last_word.rstrip(".")
        if last_word in ABBREVIATIONS or ("." in core and all(len(p) == 1 for p in core.split("."))):
            return False
    return True


def title_case(text: str, share: float = 0.75) -> bool:
    """True when at least ``share`` of the content words are capitalised (Title Case or ALL CAPS)."""
    if share >= 1.0:
        return _all_capitalised(text)
    words = [w for w in text.split() if w.isalpha() or any(map(str.isalpha, w))]
    if not words or not first_letter(words[0]).isupper():
        return False  # the first word in lower case: never Title Case, whatever the share
    content = [w for w in words[1:] if w.lower() not in TITLE_CASE_SMALL] or words[:1]
    capitalised = sum(1 for w in content if (w[0] if w[0].isalpha() else first_letter(w)).isupper())
    return capitalised / len(content) >= share


def _all_capitalised(text: str) -> bool:
    """``title_case(text, share=1.0)``, stopping at the first word in lower case (long text is not read)."""
    first = True
    for word in text.split():
        if not (word.isalpha() or any(map(str.isalpha, word))):
            continue
        if first:
            if not first_letter(word).isupper():
                return False
            first = False
        elif word.lower() not in TITLE_CASE_SMALL and not first_letter(word).isupper():
            return False
    return not first


def first_letter(word: str) -> str:
    if word[:1].isalpha():
        return word[0]
    return next(filter(str.isalpha, word), "")


@per_document(maxsize=4096)  # a pure function of the line; the shape and the heading rule ask it
def is_boilerplate_heading(text: str) -> bool:
    """True for "About Acme Corp." and "Notes to editors"; not for "About 300 people attended."."""
    lowered = text.lower()
    if not lowered.startswith(BOILERPLATE_HEADINGS):
        return False
    prefix = next(p for p in BOILERPLATE_HEADINGS if lowered.startswith(p))
    if len(text.split()) > 10 or ends_sentence(text):
        return False
    rest = text[len(prefix) :].lstrip()
    if not prefix.endswith(" ") or rest[:1].isupper():
        return True
    # "About the company", "Über die Deutsche Bahn", "À propos de la Métropole de Lyon" — short,
    # a word (not a number) after the prefix, no verb
    return (
        rest[:1].isalpha()
        and len(text.split()) <= _MAX_ABOUT_WORDS
        and not has_finite_verb(text.split(), short_ok=False)
    )


@per_document(maxsize=4096)  # a pure function of the line; asked again of every copy of it
def not_a_heading(text: str) -> str:
    """Why a short line that is not a heading is text (the tests of ``_line_shape``), or ""."""
    if _DASH_OPENING.match(text):
        return "opens with a dash: an attribution line or a dash-marked item, not a heading"
    if CODE_LINE.match(text) or is_place_and_date(text):
        return "a document code or a place and date: page metadata, not a heading"
    if is_chrome_line(text):
        return "page chrome, a byline or a sign-off: text, not a heading"
    words = text.split()
    if words and words[-1].lower() in _OPEN_ENDINGS and words[0].lower() not in _QUESTION_WORDS:
        return "an unfinished sentence that goes on in the list below: not a heading"
    return ""


def is_place_and_date(text: str) -> bool:
    """ "Jaén, 12/02/2026": a place and a numeric date, a line of page metadata."""
    # the pattern needs a comma and ends on a digit (or a digit and a line feed): looked at first
    end = text[-1:]
    return (end.isdigit() or end == "\n") and "," in text and _PLACE_AND_DATE.match(text) is not None


def is_chrome_line(text: str) -> bool:
    """Page chrome, a byline or a sign-off ("Share this article", "By Jane Roe", "Kind regards")."""
    if text.startswith("©"):
        return True
    # a row of sharing buttons, its first word read first: most lines are no such row
    first = text.split(None, 1)[:1]
    if first and first[0].lower() in _SOCIAL and all(w.lower() in _SOCIAL for w in text.split()):
        return True
    return bool(_CHROME_LINE.match(text) or (text.startswith(("By", "BY")) and _BYLINE.match(text)))


# "2. Outline of the company to be acquired", "3) Schedule": a section's number, then its title.
_NUMBERED_TITLE = re.compile(r"\d{1,2}[.)]\s+[^\W\d_]")


def heading_shape(work: Work) -> str | None:
    """Why the block is shaped like a heading, or None (the 'followed by body text' test comes later)."""
    if work.hint == "heading":
        return "heading (source format)"
    if work.kind != PARAGRAPH or work.hint is not None or len(work.lines) > 1 or work.aside:
        return None
    if len(work.text) > _MAX_HEADING_CHARS:
        return None  # a paragraph (decided before the memo table hashes the text)
    return _line_shape(work.text)


@per_document(maxsize=4096)  # a pure function of the line
def _line_shape(text: str) -> str | None:
    if len(text) > _MAX_HEADING_CHARS or ends_sentence(text):
        return None  # cheap exits first: long paragraphs and sentences are never headings
    words = text.split()
    if len(words) > MAX_TITLE_CASE_WORDS or not any(map(str.isalpha, text)) or starts_with_mark(text):
        return None
    if _DASH_OPENING.match(text):
        return None  # an attribution line ("– Jane Roe, Minister") or a dash-marked item
    if CODE_LINE.match(text) or is_place_and_date(text):
        return None  # a document code ("SC/16204", "QANDA/28/402"), a place and date ("Jaén, 12/02/2026")
    if is_chrome_line(text):
        return None  # page chrome, a byline or a sign-off is a line of text, not a section's title
    if words[-1].lower() in _OPEN_ENDINGS and words[0].lower() not in _QUESTION_WORDS:
        return None  # "The measures include": a sentence that goes on in the list below it
    labelled = ":" in text[:_LABEL_REACH] or len(text) < _SHORT_HEADER_CHARS  # else the match cannot succeed
    fused = labelled and _NOT_A_HEADING_START.match(text) is not None and not _label_and_title(text)
    # the address pattern needs "://", "www." or "@": the characters are looked for first
    if fused or (("." in text or "@" in text or ":" in text) and _NOT_A_HEADING.search(text)):
        return None  # web and e-mail addresses, captions and credits are lines of their own, not headings
    if _DIGIT.search(text) and (
        _PAGE_NUMBER.search(text) or (len(words) <= _MAX_DATE_LINE_WORDS and is_date_line(text))
    ):
        return None  # a page header; "Thursday, March 11, 2027" under "WHEN:" is the label's value
    if is_boilerplate_heading(text) and not text.endswith((",", ";")):
        return "about-heading: short line opening a boilerplate section"
    titled = title_case(text)
    limit = MAX_TITLE_CASE_WORDS if titled else MAX_WORDS
    if len(words) > limit:
        return None
    if text.endswith(":"):
        lowered = [w.lower().strip(":,") for w in words]
        if _overview_label(text, words):
            return "a label closing on an overview phrase ('… im Überblick:', '… at a glance:'): a heading"
        if any(w in LIST_INTRODUCERS or _past_speech_verb(w) for w in lowered[1:]) or (
            not titled
            and (
                lowered[0] in _SENTENCE_OPENERS  # "The squad:", "Our partners:": a sentence's subject
                or (
                    len(words) > MAX_COLON_LABEL_WORDS
                    and (len(words) > _MAX_COLON_LABEL_NO_VERB or has_finite_verb(words, short_ok=False))
                )
            )
        ):
            # "Raman told reporters:" introduces a quote, "The report makes three
            # recommendations:" a list; a label ("Key findings:", "Third quarter
            # highlights:") is a short noun phrase or in Title Case: a heading (SPEC §3).
            return None
        return "short title-like line ending in a colon, followed by body text"
    if titled:
        return "short line, no final punctuation, followed by body text"
    if _NUMBERED_TITLE.match(text) and not any(w.lower() in FINITE_VERBS for w in words[1:]):
        return "a numbered section title, no final punctuation, followed by body text"
    if _short_phrase(words) and not has_finite_verb(words):
        return "short line, no final punctuation, followed by body text"
    if words[0].lower() in _QUESTION_WORDS and len(words) <= _MAX_QUESTION_LABEL_WORDS:
        return "short line opening with a question word, no final punctuation: a label heading"
    return None


# Phrases that close a label over a summary or a list: "Die neuen Regeln im Überblick:",
# "The new rules at a glance:", "Les mesures en bref :", "Las ayudas, en cifras:".
_OVERVIEW_ENDINGS = (
    "im überblick",
    "auf einen blick",
    "im einzelnen",
    "in zahlen",
    "at a glance",
    "in brief",
    "in numbers",
    "in figures",
    "en bref",
    "en chiffres",
    "en détail",
    "en resumen",
    "en cifras",
    "de un vistazo",
    "in sintesi",
    "in cifre",
)
_MAX_OVERVIEW_LABEL_WORDS = 8


def _overview_label(text: str, words: list[str]) -> bool:
    """A noun phrase ending on an overview phrase and a colon, no verb: the label of what follows."""
    if len(words) > _MAX_OVERVIEW_LABEL_WORDS:
        return False
    lowered = text.lower().rstrip(" :")
    return lowered.endswith(_OVERVIEW_ENDINGS) and not has_finite_verb(words, short_ok=False)


def _short_phrase(words: list[str]) -> bool:
    """At most six words, the small words of a phrase not counted ("Plazas de aparcamiento para
    bicicletas en cada estación", "Mehr Geld für die Pflege zu Hause"): a subhead in a language that
    spells out its prepositions and articles is no longer for them."""
    if len(words) <= MAX_SENTENCE_CASE_WORDS:
        return True
    if len(words) > _MAX_PHRASE_WORDS:
        return False
    # a noun and its preposition ("Ayudas de …"), not a subject and its verb ("Company raises its …")
    second = words[1]
    if second.lower() not in TITLE_CASE_SMALL and not (second[:1].isupper() or second[:1].isdigit()):
        return False
    return sum(w.lower() not in TITLE_CASE_SMALL for w in words) <= MAX_SENTENCE_CASE_WORDS


_MIN_LABEL_TITLE_WORDS = 3


def _label_and_title(text: str) -> bool:
    """A section label and its title across a colon ("Service für Redaktionen: Ungekürzte Interviews zum
    Download"): both of three words or more, the title capitalised and without figures; not a field and
    its value ("WHERE: City Hall", "Media contact: Jane Roe"), whose labels are shorter."""
    label, _, title = text.partition(": ")
    if len(label.split()) < _MIN_LABEL_TITLE_WORDS or len(title.split()) < _MIN_LABEL_TITLE_WORDS:
        return False
    return title[:1].isupper() and not _DIGIT.search(title) and "@" not in title


def _past_speech_verb(word: str) -> bool:
    # "said", "told", "added"; not "highlights" or "notes", which are also nouns in labels.
    return word in SPEECH_VERBS and not word.endswith("s")


def has_finite_verb(words: list[str], short_ok: bool = True) -> bool:
    """ "The company declined to comment": a sentence-case line with a verb is a sentence, not a label."""
    if short_ok and len(words) <= 3:
        return False  # "Frequently asked questions", "What happens next"
    rest = [w.lower().strip(".,;:!?") for w in words[1:]]
    return any(w in FINITE_VERBS or (len(w) > 4 and w.endswith("ed")) for w in rest)
