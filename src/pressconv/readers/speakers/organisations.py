"""The organisation a release is from or about: who "the company said" means when no company is named as one.

SPEC: a speaker is a person, or an organisation where the text says the
organisation said it ("the company said", "indique la société", "Verdane a
précisé"); the speaker is then the organisation's name as written.  A company
release rarely marks its own name as a company's ("Brightwell Foods" has no
"Inc." in the running text), but it says whose release it is: its boilerplate
heading ("About Brightwell Foods", "À propos de Verdane", "Acerca de …", "Über
…"), else the subject that opens the lede after its dateline ("Baxter Foods
will close …").  A name that is a person's (a title, a known given name) is
never taken.  Legal forms at the end ("Inc.", "Ltd", "GmbH") are not part of
the name a text speaks of ("the company", "Acme said").
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.blocks import HEADING, HEADLINE, PARAGRAPH, QUOTE, Work
from pressconv.readers.lexicon import FEMALE_NAMES, MALE_NAMES, ORGANISATION_SUFFIXES
from pressconv.readers.name_runs import is_capitalised, is_name, runs, split_title
from pressconv.readers.speakers.clause import ARTICLES_BEFORE_ROLE
from pressconv.readers.speakers.words import is_organisation

# "About Brightwell Foods", "À propos d'Ostrale", "Acerca de Grupo Lumen", "Über die Nordwerk AG".
_ABOUT = lazy_re.compile(
    r"(?:about |à propos d(?:e |u |es |’|')|a propos d(?:e |u |es |’|')|acerca de(?:l)? |sobre |über "
    r"|informationen über )(?:the |la |le |les |l’|l'|el |die |der |das )?(?P<who>[^\W\d_].{1,80}?)[.:]?",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 6
# "… of Labor", "… for Education and Skills", "… de la Santé": what an organisation's name goes on with.
_COMPLEMENT = re.compile(
    r"(?: (?:of|for|de|du|des|del|von|für|and|et|y|und)(?: the| la| le| el| l’| l')?"
    r" [A-ZÀ-Ý][\w’'-]*(?: [A-ZÀ-Ý][\w’'-]*)*)*"
)
# Legal forms a release's name may end in: "Inc.", "Corp.", "S.A.", and those of ORGANISATION_SUFFIXES.
_LEGAL_FORMS = ORGANISATION_SUFFIXES | {"corp", "corporation", "incorporated", "limited", "s.a"}
# The dateline ends at a dash: "CHICAGO, March 4, 2031 /PRNewswire/ --", "Lyon, le 12 mai 2031 –".
_DATELINE_END = re.compile(r"\s(?:--|[–—])\s|\.-\s?")
_DATELINE_REACH = 120
_ARTICLES = frozenset({"the", "la", "le", "les", "el", "los", "las", "die", "der", "das"})
# How many blocks from the top the lede may stand (chrome and a headline above it).
_LEDE_BLOCKS = 8


class ReleaseOrganisation:
    """The organisation a release is from or about, read from the blocks on first use."""

    __slots__ = ("_found", "_known", "works")

    def __init__(self, works: list[Work]) -> None:
        self.works = works
        self._known = False
        self._found: tuple[str, str] | None = None

    def get(self) -> tuple[str, str] | None:
        """(the organisation's name, where the text says it is the release's), or None."""
        if not self._known:
            self._known = True
            self._found = _from_about(self.works) or _from_lede(self.works)
        return self._found


def without_legal_form(name: str) -> str:
    """ "Brightwell Foods, Inc." -> "Brightwell Foods": the name a text speaks of, its legal form (and an
    article opening a sentence) dropped."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_FORMS:
        words.pop()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words.pop(0)  # "Die Nordwerk AG eröffnet …": the article opening the sentence
    return " ".join(words).rstrip(",")


def organisation_as_written(clause: str, name: tuple[str, ...]) -> str:
    """The organisation's whole name in its clause: the name with its "of …" ("Department of Labor")."""
    written = " ".join(name)
    at = clause.find(written)
    if at >= 0:
        complement = _COMPLEMENT.match(clause, at + len(written))
        if complement is not None:
            written += complement.group()
    return without_legal_form(written)


def _from_about(works: list[Work]) -> tuple[str, str] | None:
    for number, work in enumerate(works):
        if work.kind != HEADING or len(work.text) > _DATELINE_REACH:
            continue
        match = _ABOUT.fullmatch(work.text.strip())
        if match is None:
            continue
        name = without_legal_form(match.group("who").strip())
        words = tuple(name.split())
        if (
            len(words) <= _MAX_NAME_WORDS
            and all(is_capitalised(w) or w.islower() for w in words)
            and is_capitalised(words[0])
            and not _person(words)
        ):
            return name, f"para {number + 1} is about it"
    return None


def _from_lede(works: list[Work]) -> tuple[str, str] | None:
    top = _headline_at(works)
    for number, work in enumerate(works):
        if number <= top or work.kind not in (PARAGRAPH, QUOTE) or work.aside or work.role != "body":
            continue
        if work.kind == QUOTE or work.spans or number > _LEDE_BLOCKS:
            return None  # only the first paragraph is the lede, and a lede quotes no one
        text = work.text
        dash = _DATELINE_END.search(text, 0, _DATELINE_REACH)
        start = dash.end() if dash is not None else 0
        found = runs(text, start, min(len(text), start + _DATELINE_REACH))
        if not found or text[start : found[0].start].strip():
            return None  # the lede does not open with a name
        run = found[0]
        after = text[run.end : run.end + 2]
        subject = after[:1] == "," or after.startswith(" (") or (after[:1] == " " and after[1:2].islower())
        if run.possessive or not subject:
            return None  # not the lede's subject ("Acme, …", "Acme (NYSE: …)", "Acme will")
        words = run.tokens[1:] if run.tokens[0].lower() in _ARTICLES else run.tokens
        if not words or len(words) > _MAX_NAME_WORDS or _person(words):
            return None  # "La alcaldesa …": an article, the subject in lower case
        if not (is_name(words) or is_organisation(words)) or _common_word(works, words[0]):
            return None  # "More …", "Residents say …": a word, not a name
        name = without_legal_form(" ".join(words))
        return name, f"the lede, para {number + 1}, opens with it"
    return None


def _headline_at(works: list[Work]) -> int:
    """The headline's block among the first ones, or -1: what stands above it ("Newsroom > Product safety",
    a site's breadcrumb) is page chrome, not the lede."""
    return next((n for n, work in enumerate(works[:_LEDE_BLOCKS]) if work.kind == HEADLINE), -1)


def _common_word(works: list[Work], word: str) -> bool:
    """True when the word is written in lower case somewhere in the text: a common word, no name.

    A web or e-mail address ("acme.example.com/recall", "press@acme.example") writes the name in lower
    case too: a word in one is no common word.
    """
    lowered = re.compile(rf"(?<![.@/])\b{re.escape(word.lower())}\b(?![.@]\w)")
    return any(lowered.search(work.text) for work in works if work.kind in (PARAGRAPH, QUOTE))


def _person(words: tuple[str, ...]) -> bool:
    """A person's name: written with a title, or opening with a known given name."""
    title, _name = split_title(words)
    first = words[0].lower()
    return title is not None or first in FEMALE_NAMES or first in MALE_NAMES


def generic_organisation(name: str) -> bool:
    """ "The Committee", "Council": a kind of organisation referred to, not one named."""
    words = name.split()
    if words[0].lower() in ARTICLES_BEFORE_ROLE:
        words = words[1:]
    return len(words) <= 1
