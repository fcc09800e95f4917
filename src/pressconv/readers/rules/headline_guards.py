"""What keeps a headline from being taken for page chrome (SPEC §3: only chrome stands above the headline).

A candidate the headline rule scores as chrome (-9) may stand above the
headline it chooses; when the candidate is the real headline, its words are
left above the chosen line and come out of order.  These predicates narrow
three of those exclusions to the chrome they mean, each gated on a cheap test:

- ``path_marks``: breadcrumbs' separators, outside quotation marks: a French
  headline's « … » pair is a quotation, not a path ("… six nouvelles « rues
  aux écoles » à la rentrée"); a path that opens with "Home" has a separator
  after it ("Home > News"), or, pasted from a page whose separators were
  images, two capitalised labels after it and no verb ("Home Environment
  Flooding and coastal change"); a headline that opens with the word does not
  ("Home sales rise", "Home Office announces …", "Inicio de las obras …",
  "Accueil des réfugiés : …").
- ``dated_title``: a short line holding a date that is a title, not a date
  line: a subject and a verb before the date ("Library reopens on 3 May"), not
  a stamp's verb ("Page updated 3 May 2031").
- ``stamp_opening``: "Published 3 May 2031", "Updated: 10:15": the page's
  stamp, not a headline opening with the word ("Published accounts show …").

``may_stand_above`` says which scored candidates are chrome, names or labels that
may stand above the chosen headline; anything else is text kept before it.
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.dates import find_date
from pressconv.readers.rules.headline_shape import has_verb

# Spaced path separators ("News > 2031", "News | Press"); the marks are looked for before the pattern runs
# (searching a line for it costs ~10 µs).
_PATH_MARKS = (">", "›", "»", "|", "/", "::")
_PATH = lazy_re.compile(r"\s(?:>|›|»|\||/|::)\s")
# A path's first label alone or before a separator ("Home", "Home > News").
_PATH_HOME = lazy_re.compile(r"^\s*(?:home|accueil|inicio|startseite)\s*(?:$|[>›»|/:·•])", re.IGNORECASE)
# The first label of a site's path, in the languages SPEC covers.
_PATH_LABELS = frozenset({"home", "accueil", "inicio", "startseite"})
# A quotation in guillemets, French (« … ») or Swiss single (‹ … ›): its marks are no separators.
_GUILLEMETS = lazy_re.compile(r"«[^«»]*»|‹[^‹›]*›")
_MIN_TITLE_WORDS_BEFORE_DATE = 2  # "Library reopens", not "Posted"
# The verbs of a page's stamp ("Page updated 3 May 2031", "Last revised on 3 May"): a date line.
_STAMP_VERBS = frozenset(
    {"updated", "posted", "published", "issued", "released", "modified", "revised", "edited", "created"}
    | {"dated", "reviewed", "printed", "generated", "accessed", "retrieved"}
)
# The page's stamp words that open a line ("Published 3 May 2031"), and what follows them in a stamp.
_STAMP_WORDS = ("published", "updated", "last updated")
_STAMP_TAIL = lazy_re.compile(
    r"^(?:published|updated|last updated)\s*(?:$|[:\d|·,(–—-]|(?:on|at|by|in|date|am|le|el)\b)", re.IGNORECASE
)


def path_marks(text: str) -> bool:
    """Breadcrumbs' separators or a path's "Home" label, outside any quotation in guillemets."""
    if "«" in text or "‹" in text:
        text = _GUILLEMETS.sub(" ", text)
    if any(map(text.__contains__, _PATH_MARKS)) and _PATH.search(text) is not None:
        return True
    return _PATH_HOME.match(text) is not None or _bare_trail(text)


def _bare_trail(text: str) -> bool:
    """ "Home Environment Flooding and coastal change": a path whose separators were lost in the paste.

    The label, then two capitalised labels, and no verb among the lowercase words (a path's
    capitalised labels are nouns, "Roads", "Schools", which ``has_verb`` may read as verbs);
    not "Home Office statement on …" or "Home sales rise", one capitalised word or none.
    """
    words = text.split()
    if len(words) < 3 or words[0].lower() not in _PATH_LABELS:
        return False
    if not (words[1][:1].isupper() and words[2][:1].isupper()):
        return False
    lowercase = [word for word in words[3:] if not word[:1].isupper()]
    return not lowercase or not has_verb(" ".join(lowercase))


def dated_title(text: str) -> bool:
    """A title holding a date, its subject and verb before the date: "Library reopens on 3 May 2031"."""
    found = find_date(text)
    if found is None:
        return False
    before = text[: found[1]].split()
    return (
        len(before) >= _MIN_TITLE_WORDS_BEFORE_DATE
        and has_verb(" ".join(before))
        and not any(word.lower().strip(":,") in _STAMP_VERBS for word in before)
    )


def stamp_opening(lowered: str) -> bool:
    """ "published …", "updated …": a page's date stamp when a date, a colon or "on" follows the word."""
    if not lowered.startswith(_STAMP_WORDS):
        return True  # another chrome opening ("share this", "skip to"): chrome as before
    return _STAMP_TAIL.match(lowered) is not None


def may_stand_above(score: float, why: str) -> bool:
    """A candidate that is page furniture, a name or a label: it may stand above the headline.

    Anything else (a line of text with words and a verb, a sentence, a quotation) is
    text the reader must keep before whatever follows it.
    """
    if score <= -9.0:
        return not why.startswith(("a sentence", "a quotation"))
    if score <= 0 or "only a name" in why or " word(s)" in why:
        return True  # one or two words ("National Teams", "Network news"): a section label, verb or not
    short = "short (" in why or " word(s)" in why  # at most four words: a label ("THE WHITE HOUSE")
    return short and "has a verb" not in why
