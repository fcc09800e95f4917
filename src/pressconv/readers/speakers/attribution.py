"""The attribution grammar: the clause next to a quotation that says who speaks.

``find_attribution`` reads the unquoted text next to the quoted spans:
"Ryder stated", "said Smith", "Smith said: “…”", "according to Smith", "she
added", "the Minister said", and the same in French, Spanish and German
("a déclaré", "dijo", "sagte", "so Müller").  A colon clause ending the
paragraph above introduces a quote ("Smith said:"); the closing sentences
of a paragraph may report the speech a quote below goes on with.  Speech
verbs are data (``lexicon``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pressconv import lazy_re
from pressconv.readers.blocks import Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ACCORDING_TO,
    ATTRIBUTION_ADVERBS,
    ENGLISH_SPEECH_VERBS,
    FORMS_OF_ADDRESS,
    GROUP_PRONOUNS,
    NOT_IN_ATTRIBUTION_GAP,
    ORGANISATION_KINDS,
    POSSESSIVE_PRONOUNS,
    TITLE_MODIFIERS,
)
from pressconv.readers.name_runs import (
    Run,
    Token,
    is_capitalised,
    is_name,
    runs,
    sentence_ends,
    split_title,
    tokens,
)
from pressconv.readers.speakers.people import PERSON_AFTER, appositive_title, prefer_title, title_before
from pressconv.readers.speakers.words import (
    POSSESSIVE_START,
    find_word,
    is_organisation,
    is_titled,
    personal_pronoun,
    speech_verb,
)

# Words that tie a title to its organisation ("ministra de Vivienda", "head of Sales").
_TITLE_LINKS = frozenset(
    {"of", "for", "at", "de", "del", "du", "des", "von", "der", "für"}
    | {"do", "da", "dos", "das", "di", "della", "dello", "degli", "dei", "ai", "al", "alla", "van", "voor"}
)

# Articles that may stand between a title's link word and the organisation.
_ARTICLES = frozenset({"the", "la", "le", "les", "l’", "l'", "el", "die", "das", "dem", "den"})

# How far into an unclosed quotation to look for a forgotten attribution (characters).
_OPEN_QUOTE_REACH = 2000

_PREPOSITIONS = frozenset({"for", "at", "of", "with", "from", "in", "bei", "von", "für", "de", "du", "chez"})

EDGE_PUNCT = " ,;:.!?—–-\u00a0"

_MAX_LOWERCASE_TITLE = 6

# A title set off by a comma before the name may run to this many words.
_MAX_SET_OFF_TITLE_WORDS = 10

_MIN_FULL_NAME = 2

_MIN_ROLE_CLAUSE = 2


_ARTICLES_BEFORE_ROLE = frozenset({"the", "la", "le", "el", "die", "der", "l’", "l'", "il", "lo", "het"})
# Portuguese definite articles, which English reads as "a" (indefinite) and "o": a role after a verb
# that is not English ("sublinhou a governante") only.
_ROMANCE_ARTICLES_BEFORE_ROLE = frozenset({"a", "o", "os", "as"})
# Dashes that set an attribution off inside a quotation: «Con questi cantieri – ha dichiarato il sindaco – …».
_INTERJECTION = lazy_re.compile(r" [–—] ([^–—«»“”\"]{3,80}?) [–—] ")
_MAX_INTERJECTION_WORDS = 8

_MAX_ROLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution clause found next to a quote."""

    clause: str
    position: int
    name: tuple[str, ...] | None = None
    title: str | None = None
    pronoun: str | None = None
    role: str | None = None
    """For "the president said": the title word that points to a person named earlier."""
    person: bool = False
    """The clause itself shows the name is a person's ("Smith, 45, said", "Smith, who …, said")."""
    implied: bool = False
    """A speech verb with no subject at all ("«…», afirmou."): the person spoken of just before."""
    organisation: str | None = None
    """For "the club said": the kind of organisation the text says spoke."""

    @property
    def points_to_someone(self) -> bool:
        """True when the clause names, or refers back to, one person (not "the company said")."""
        return bool(self.name or self.pronoun or self.role or self.implied)


def _segments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Unquoted stretches in the order attributions are looked for: after the first quote, before, later."""
    if not spans:
        return []
    pieces: list[tuple[int, int, bool]] = []
    for k in range(len(spans)):
        start = spans[k][1]
        end = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        if end > start:
            pieces.append((start, end, True))
    if spans[0][0] > 0:
        pieces.insert(1 if pieces else 0, (0, spans[0][0], False))
    return pieces


def find_attribution(work: Work) -> Attribution | None:
    """The attribution clause next to the block's quoted spans, or None."""
    return attribution_in(work.text, work.spans, work.opens_unclosed)


@per_document(maxsize=4096)  # a pure function of the block's text and quotation marks
def attribution_in(text: str, spans: tuple[tuple[int, int], ...], opens_unclosed: bool) -> Attribution | None:
    for start, end, after_quote in _segments(text, spans):
        if after_quote:
            stop = end
            for cut in sentence_ends(text[start:end]):
                if text[start:end][:cut].strip(EDGE_PUNCT):
                    stop = start + cut
                    break
            found = clause_in(text, start, stop)
        else:
            ends = [e for e in sentence_ends(text[start:end]) if text[start + e : end].strip(EDGE_PUNCT)]
            clause_start = start + ends[-1] if ends else start
            found = clause_in(text, clause_start, end, before_quote=True)
        if found is not None:
            return found
    if opens_unclosed and spans:
        found = _inside_open_quote(text, spans[-1][0])
        if found is not None:
            return found
    return _interjection(text, spans)


def _interjection(text: str, spans: Sequence[tuple[int, int]]) -> Attribution | None:
    """An attribution set off by dashes inside the quotation marks ("– ha dichiarato il sindaco –")."""
    if " – " not in text and " — " not in text:
        return None  # most quotations hold no dash at all: no regular expression to run
    for start, end in spans:
        for match in _INTERJECTION.finditer(text, start, end):
            if len(match.group(1).split()) <= _MAX_INTERJECTION_WORDS:
                found = clause_in(text, match.start(1), match.end(1))
                if found is not None and found.points_to_someone:
                    return found
    return None


def _inside_open_quote(text: str, start: int) -> Attribution | None:
    """A quote whose closing mark was forgotten: “We know this, said Colin Shaw."""
    ends = sentence_ends(text[start:])
    at = text.find(", ", start)
    while at != -1 and at < start + _OPEN_QUOTE_REACH:
        k = bisect_right(ends, at - start)
        stop = start + ends[k] if k < len(ends) else len(text)
        if len(text[at:stop].split()) <= 10:
            found = clause_in(text, at + 1, stop)
            if found is not None and (found.name or found.pronoun):
                return found
        at = text.find(", ", at + 2)
    return None


def clause_in(text: str, start: int, end: int, before_quote: bool = False) -> Attribution | None:
    words = [t for t in tokens(text, start, end) if t.text not in ("(", ")", "[", "]")]
    while words and len(words[0].text) == 1 and not words[0].text.isalnum():
        words.pop(0)  # the comma after a closing mark: „…“, sagte Müller
    if not words:
        return None
    start = words[0].start
    lowered_region = text[start:end].lower()
    for phrase in ACCORDING_TO:
        at = find_word(lowered_region, phrase)
        if at >= 0:
            name_runs = runs(text, start + at + len(phrase), end)
            if name_runs and name_runs[0].start - (start + at + len(phrase)) <= 12:
                run = name_runs[0]
                title, name = split_title(run.tokens)
                if is_name(name):
                    clause = text[start + at : run.end]
                    apposition = appositive_title(text, run.end)
                    return Attribution(clause, start + at, name, prefer_title(title, apposition))
    verb = speech_verb(words)
    if verb is None:
        if before_quote and text[start:end].rstrip().endswith(":"):
            found = runs(text, start, end)
            if found and len(found) == 1:
                title, name = split_title(found[0].tokens)
                if is_name(name):
                    title = title or title_before(text, found[0].start)
                    return Attribution(text[found[0].start : found[0].end], found[0].start, name, title)
        return None
    v, width = verb
    verb_start, verb_end = words[v].start, words[v + width - 1].end
    verb_end = verb_start + len(text[verb_start:verb_end].rstrip(".,:;!?"))
    k = v - 1
    while k >= 0 and words[k].text.lower() in ATTRIBUTION_ADVERBS:
        k -= 1
    if k >= 0:
        return _subject_first(text, start, words, k, verb_end, before_quote)
    if v + width == len(words) and v == 0 and words[v].text.lower() not in ENGLISH_SPEECH_VERBS:
        # "«…», afirmou.": a language that drops the subject; the person spoken of just before
        return Attribution(text[verb_start:verb_end], verb_start, implied=True)
    english = words[v].text.lower() in ENGLISH_SPEECH_VERBS
    return _verb_first(text, words[v + width - 1].end, end, verb_start, verb_end, english)


def _subject_first(
    text: str, start: int, words: list[Token], k: int, verb_end: int, before_quote: bool
) -> Attribution | None:
    """Subject first: "Ryder stated", "she added", "Jane Smith, chief executive of Acme, said"."""
    subject = words[k]
    pronoun = personal_pronoun(subject.text)
    if pronoun is not None:
        return Attribution(text[subject.start : verb_end], subject.start, pronoun=pronoun)
    owner_word = words[k - 1].text.lower() if k >= 1 else ""
    if subject.text.lower() in FORMS_OF_ADDRESS and owner_word in POSSESSIVE_PRONOUNS:
        # "her Honour said", "His Excellency added": a form of address is a pronoun of its gender
        owner = words[k - 1]
        return Attribution(
            text[owner.start : verb_end], owner.start, pronoun=POSSESSIVE_PRONOUNS[owner.text.lower()]
        )
    if subject.text.lower() in GROUP_PRONOUNS:
        return Attribution(text[subject.start : verb_end], subject.start)
    capitalised_role = _capitalised_role(words, k)
    if capitalised_role is not None:
        # "The Foreign Secretary said", "the Vice President added": the person the text gives that title
        article, phrase = capitalised_role
        return Attribution(text[words[article].start : verb_end], words[article].start, role=phrase)
    before = runs(text, start, subject.end)
    if before and before[-1].end == subject.end and not before[-1].possessive:
        run = before[-1]
        title, name = split_title(run.tokens)
        if not is_name(name):
            return None
        clause_start = run.start
        if title is None:
            title = title_before(text, run.start)
            if title is not None and text.rfind(title, max(0, run.start - len(title) - 3), run.start) >= 0:
                clause_start = text.rfind(title, max(0, run.start - len(title) - 3), run.start)
        return Attribution(text[clause_start:verb_end], clause_start, name, title)
    if subject.text == "," and k >= 1:
        # "Jane Smith, chief executive of Acme, said", "Rep. Nancy Pelosi, D-Calif., said", "Smith, 45, said"
        before_comma = runs(text, start, subject.start)
        # "Die Leiterin der Notaufnahme, Dr. Yasemin Karaca, erklärte": the name right before the comma,
        # its title set off before it -- tried only when no name stands before an apposition
        candidates = [(run, False) for run in reversed(before_comma)]
        candidates += [(run, True) for run in reversed(before_comma)]
        for run, set_off in candidates:
            gap = text[run.end : subject.start]
            if set_off:
                if gap or not text.endswith(", ", 0, run.start):
                    continue
            elif not gap.startswith(", "):
                continue
            if not set_off and len(run.tokens) == 1 and _names_person(gap[2:]):
                continue  # "Die Leiterin der Vertretung in Deutschland, Dr. Annegret Pfleiderer, betonte"
            if len(gap.split()) > 10 or run.possessive:
                continue
            title, name = split_title(run.tokens)
            if is_name(name) and not is_organisation(name):
                apposition = appositive_title(text, run.end)
                title = prefer_title(title or title_before(text, run.start), apposition)
                person = PERSON_AFTER.match(text, run.end) is not None
                return Attribution(text[run.start : verb_end], run.start, name, title, person=person)
        return None
    if before_quote or is_capitalised(subject.text):
        return None
    # "the company said", "a spokesperson added": said by someone unnamed; "the president said"
    # points to the one person the text gave that title, which ``_resolve`` looks up.
    first = next(
        (t for t in words[max(0, k - 3) : k + 1] if t.text.isalnum() or t.text[:1].isalpha()), subject
    )
    phrase = text[first.start : subject.end]
    described = phrase.split()
    role = None
    if (
        described[0].lower() == "the"
        and is_titled(described[-1])
        and all(not is_capitalised(w) for w in described)
    ):
        role = " ".join(w.lower() for w in described[1:])
    return Attribution(
        text[first.start : verb_end], first.start, role=role, organisation=_organisation_kind(described)
    )


def _organisation_kind(described: list[str]) -> str | None:
    """ "the club", "the company": the kind of organisation a definite description names, or None."""
    if len(described) < _MIN_ROLE_CLAUSE or described[-2].lower() not in (
        "the",
        "la",
        "le",
        "el",
        "der",
        "die",
    ):
        return None
    kind = described[-1].lower().strip(".,;:!?")
    return kind if kind in ORGANISATION_KINDS else None


def _capitalised_role(words: list[Token], k: int) -> tuple[int, str] | None:
    """ "The Foreign Secretary" / "the Chief Constable" ending at ``words[k]``: (article index, role)."""
    if not (is_capitalised(words[k].text) and is_titled(words[k].text)):
        return None
    first = k
    while first > 0 and k - first < _MAX_ROLE_WORDS and is_capitalised(words[first - 1].text):
        if words[first - 1].text.lower() in _ARTICLES_BEFORE_ROLE:
            break
        first -= 1
    if first == 0 or words[first - 1].text.lower() not in _ARTICLES_BEFORE_ROLE:
        return None
    phrase = " ".join(w.text.lower().strip(",.") for w in words[first : k + 1])
    return first - 1, phrase


def _verb_first(
    text: str, after_verb: int, end: int, verb_start: int, verb_end: int, english: bool = True
) -> Attribution | None:
    """Speech verb first: "said Smith", "said library director Maria Lopez", "so Müller"."""
    after = runs(text, after_verb, end)
    words_after = text[verb_end:end].split()
    role = _role_after_verb(words_after, english)
    if role is not None:
        # "señaló la alcaldesa.", "sagte der Bürgermeister": the person the text gives that title
        return Attribution(text[verb_start:end].rstrip(" .,;:!?"), verb_start, role=role)
    unnamed = bool(words_after) and words_after[0].lower() in ("a", "an", "the")
    if not after:
        # "admitted a spokesman for the operator": said by someone unnamed; "said the club": an organisation
        clause = text[verb_start:end].rstrip(" .,;:!?")
        kind = _organisation_kind(clause.split()[-2:]) if len(words_after) == _MIN_ROLE_CLAUSE else None
        return Attribution(clause, verb_start, organisation=kind) if unnamed else None
    before_run = [w.lower() for w in text[verb_end : after[0].start].split()]
    if unnamed and any(w in _PREPOSITIONS for w in before_run) and not text.startswith(", ", after[0].end):
        # "said a spokesman for Acme Corp.": the capitalised run is the organisation, not the speaker
        return Attribution(text[verb_start : after[0].end], verb_start)
    run = after[0]
    # only a lone capitalised word first (a German noun) makes a later titled name worth looking for
    titled_later = (
        _titled_name_run(text, after, verb_end) if len(after) > 1 and len(run.tokens) == 1 else None
    )
    if titled_later is not None and split_title(run.tokens)[0] is None and titled_later is not run:
        # "sagte der für Verkehr zuständige EU-Kommissar Pavel Nordström": German capitalises the nouns
        # before the title; the speaker is the titled name, the words before it the title
        later_name = split_title(titled_later.tokens)[1]
        later_title = text[verb_end : titled_later.end - len(" ".join(later_name))].strip(" ,")
        return Attribution(text[verb_start : titled_later.end], verb_start, later_name, later_title or None)
    gap_words = text[verb_end : run.start].split()
    if (
        5 < len(gap_words) <= _MAX_SET_OFF_TITLE_WORDS
        and text.endswith(", ", 0, run.start)
        and any(is_titled(w) for w in gap_words)
        and is_name(split_title(run.tokens)[1])
    ):
        # "a déclaré la commissaire chargée de la cohésion, Margarethe Lindqvist-Aubry": a long title, a comma
        set_off = text[verb_end : run.start].strip(" ,")
        appended = appositive_title(text, run.end)
        clause_end = run.end + 2 + len(appended) if appended else run.end
        return Attribution(text[verb_start:clause_end], verb_start, split_title(run.tokens)[1], set_off)
    closing = _closing_name(text, after, verb_end, end)
    if closing is not None and (closing is not run or len(gap_words) > 5):
        # "ha spiegato la coordinatrice dello studio, la professoressa Ilaria Donnarumma.",
        # "Lo ha dichiarato l'assessora ai Lavori pubblici, Federica Santangelo.": the clause ends in
        # the name, every word between it and the verb is its title
        closing_title, closing_name = split_title(closing.tokens)
        set_off = " ".join(p for p in (text[verb_end : closing.start].strip(" ,"), closing_title) if p)
        return Attribution(text[verb_start : closing.end], verb_start, closing_name, set_off or None)
    if len(gap_words) > 5 or any(
        w.lower().strip(",") in NOT_IN_ATTRIBUTION_GAP for w in gap_words if w.strip(",")
    ):
        return None
    title, name = split_title(run.tokens)
    later = _name_after_lowercase_title(text, run, end)
    if later is not None:
        # "said Acme economist Rita Moreno", "said Acme’s Maria Lopez": organisation, title, then the name
        title, name = text[run.start : later.start].strip(), split_title(later.tokens)[1]
        title = title if POSSESSIVE_START.sub("", text[run.end : later.start]).strip() else None
        run = later
    lead = text[verb_end : run.start].strip(" ,") if later is None else ""
    gap_titled = any(is_titled(w) for w in gap_words)
    # "the president of Acme, …", "the president of the Metropole, …", "le président de la Métropole, …"
    linking = [w.lower() for w in gap_words]
    while linking and linking[-1] in _ARTICLES:
        linking.pop()
    gap_connects = bool(linking) and linking[-1] in _TITLE_LINKS
    if text.startswith(", ", run.end) and ((gap_titled and gap_connects) or not is_name(name)):
        # "the company’s chief executive, Jane Smith": the name follows the title after a comma
        following = runs(text, run.end, end)
        if following and following[0].start == run.end + 2:
            _, second_name = split_title(following[0].tokens)
            if is_name(second_name):
                title = text[verb_end : run.end].strip(" ,")
                name, run = second_name, following[0]
                lead = ""
    elif gap_words and not gap_titled and any(w.strip(",") not in ("the", "a", "an") for w in gap_words):
        return None
    if not is_name(name):
        return None
    if gap_titled and lead:
        title = " ".join(p for p in (lead, title) if p)
    apposition = appositive_title(text, run.end)
    clause_end = run.end + 2 + len(apposition) if apposition else run.end
    title = prefer_title(title, apposition)
    return Attribution(text[verb_start:clause_end], verb_start, name, title)


def _role_after_verb(words: list[str], english: bool = True) -> str | None:
    """ "the mayor." / "la alcaldesa." / "der Bürgermeister": an article and title words ending the clause."""
    if len(words) < _MIN_ROLE_CLAUSE:
        return None
    article = words[0].lower()
    if article not in _ARTICLES_BEFORE_ROLE and (english or article not in _ROMANCE_ARTICLES_BEFORE_ROLE):
        return None
    taken: list[str] = []
    for k, word in enumerate(words[1 : 1 + _MAX_ROLE_WORDS], start=1):
        bare = word.rstrip(".,;:!?")
        if word.endswith(",") and k + 1 < len(words) and words[k + 1][:1].isupper():
            return None  # "dijo la alcaldesa, Inmaculada Ferrer Soto": the name follows the title
        if not (is_titled(bare) or bare.lower() in TITLE_MODIFIERS):
            return None
        taken.append(bare.lower())
        if bare != word:  # the clause ends here
            return " ".join(taken) if is_titled(bare) else None
    return " ".join(taken) if taken and len(words) == len(taken) + 1 and is_titled(taken[-1]) else None


def _closing_name(text: str, after: list[Run], verb_end: int, end: int) -> Run | None:
    """The full name that ends a verb-first clause, when only its title stands between it and the verb.

    The words between hold a title word and nothing that ends an attribution ("that", "in", "when" …).
    """
    run = after[-1]
    if text[run.end : end].strip(EDGE_PUNCT):
        return None
    for earlier in after[:-1]:
        if len(split_title(earlier.tokens)[1]) >= _MIN_FULL_NAME and is_name(split_title(earlier.tokens)[1]):
            return None  # "said Renata Okafor, chief executive of Harborline Foods": the name came first
    _title, name = split_title(run.tokens)
    if len(name) < _MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return None
    gap = [w.strip(",").lower() for w in text[verb_end : run.start].split() if w.strip(",")]
    if not gap or len(gap) > _MAX_SET_OFF_TITLE_WORDS or not any(is_titled(w) for w in gap):
        return None
    if any(w in NOT_IN_ATTRIBUTION_GAP and w not in _TITLE_LINKS for w in gap):
        return None
    return run


def _titled_name_run(text: str, after: list[Run], verb_end: int) -> Run | None:
    """The first run close after the verb that is a title and a full name ("EU-Kommissar Pavel Nordström")."""
    for run in after:
        if len(text[verb_end : run.start].split()) > _MAX_SET_OFF_TITLE_WORDS:
            return None
        title, name = split_title(run.tokens)
        if title is not None and len(name) >= _MIN_FULL_NAME and is_name(name) and not is_organisation(name):
            return run
    return None


def _name_after_lowercase_title(text: str, run: Run, end: int) -> Run | None:
    """The name run that follows "Acme" across lower-case title words ("economist", "chief executive").

    The words between are lower-case and hold a title word ("chief financial
    officer", "senior vice president of sales"); after a possessive ("Acme’s
    Maria Lopez") there may be none.
    """
    following = runs(text, run.end, min(end, run.end + 80))
    if not following:
        return None
    gap = text[run.end : following[0].start]
    if run.possessive:
        gap = POSSESSIVE_START.sub("", gap)
    between = gap.split()
    if not between:
        if not run.possessive or gap != " ":
            return None
    elif (
        len(between) > _MAX_LOWERCASE_TITLE
        or not any(is_titled(w) for w in between)
        or any(is_capitalised(w) or not w.isalpha() for w in between)
        or any(w in NOT_IN_ATTRIBUTION_GAP and w not in _TITLE_LINKS for w in between)
    ):
        return None
    _, name = split_title(following[0].tokens)
    return following[0] if is_name(name) else None


def _names_person(apposition: str) -> bool:
    """True when an apposition is itself a person's name (with a title or not): "Dr. Annegret Pfleiderer"."""
    found = runs(apposition)
    if len(found) != 1 or found[0].start > 0 or found[0].end < len(apposition.rstrip(" ,")):
        return False
    _title, name = split_title(found[0].tokens)
    return len(name) >= _MIN_FULL_NAME and is_name(name) and not is_organisation(name)
