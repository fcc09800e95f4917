"""The verb-first half of the attribution grammar: "said Smith", "said the mayor", "so Müller".

A speech verb that opens its clause is followed by the speaker: a name with
or without a title ("said library director Maria Lopez"), a title set off
before the name ("a déclaré la commissaire chargée de la cohésion, Margarethe
Lindqvist-Aubry"), a role the text gives someone ("señaló la alcaldesa"), or
an unnamed source ("said a spokesman for Acme").
"""

from __future__ import annotations

from pressconv import lazy_re
from pressconv.readers.lexicon import (
    ABBREVIATIONS,
    ADVERBIAL_STARTS,
    HONORIFICS,
    NOT_IN_ATTRIBUTION_GAP,
    TITLE_COMPLEMENTS,
    TITLE_MODIFIERS,
)
from pressconv.readers.name_runs import Run, is_capitalised, is_name, runs, split_title
from pressconv.readers.speakers.clause import (
    ARTICLES_BEFORE_ROLE,
    EDGE_PUNCT,
    MAX_ROLE_WORDS,
    MAX_SET_OFF_TITLE_WORDS,
    MIN_FULL_NAME,
    MIN_ROLE_CLAUSE,
    Attribution,
    organisation_kind,
)
from pressconv.readers.speakers.people import appositive_title, prefer_title
from pressconv.readers.speakers.words import (
    POSSESSIVE_END,
    POSSESSIVE_START,
    is_organisation,
    is_titled,
    role_word,
)

# Words that tie a title to its organisation ("ministra de Vivienda", "head of Sales").
_TITLE_LINKS = frozenset(
    {"of", "for", "at", "de", "del", "du", "des", "von", "der", "für"}
    | {"do", "da", "dos", "das", "di", "della", "dello", "degli", "dei", "ai", "al", "alla", "van", "voor"}
)

# Articles that may stand between a title's link word and the organisation.
_ARTICLES = frozenset({"the", "la", "le", "les", "l’", "l'", "el", "die", "das", "dem", "den"})

_COORDINATORS = frozenset({"and", "&", "und", "y", "et", "e", "en", "i"})

_PREPOSITIONS = frozenset({"for", "at", "of", "with", "from", "in", "bei", "von", "für", "de", "du", "chez"})

_MAX_LOWERCASE_TITLE = 6

# The words that may join two parts of a portfolio: a coordinator, a link word and an article ("et de la").
_MAX_PORTFOLIO_LINK = 3

# Portuguese definite articles, which English reads as "a" (indefinite) and "o", and the Dutch "de",
# which Romance languages use as a preposition: a role after a verb that is not English ("sublinhou a
# governante", "zegt de minister") only.
_ROMANCE_ARTICLES_BEFORE_ROLE = frozenset({"a", "o", "os", "as", "de"})

# A relative clause about the speaker after the name that closes a verb-first clause.
_RELATIVE_AFTER = lazy_re.compile(r", (?:que|quien|quienes|who|qui|der|die|che|il quale|la quale) ")

# Lower-case adjectives an article may carry before a titled name ("der dänische Bahnchef Mads Holm").
_MAX_ADJECTIVES_BEFORE_TITLE = 2


def verb_first(
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
    described = _organisation_after_verb(words_after)
    if described is not None:
        # "said the club", "indique la société, qui …", "a indiqué l'entreprise": an organisation
        kind, last = described
        clause_end = text.find(last, verb_end) + len(last.rstrip(" .,;:!?"))
        return Attribution(text[verb_start:clause_end], verb_start, organisation=kind)
    if not after:
        # "admitted a spokesman for the operator": said by someone unnamed
        clause = text[verb_start:end].rstrip(" .,;:!?")
        return Attribution(clause, verb_start) if unnamed else None
    before_run = [w.lower() for w in text[verb_end : after[0].start].split()]
    if unnamed and any(w in _PREPOSITIONS for w in before_run) and not text.startswith(", ", after[0].end):
        # "said a spokesman for Acme Corp.": the capitalised run is the organisation, not the speaker
        return Attribution(text[verb_start : after[0].end], verb_start)
    run = after[0]
    in_charge = _title_in_charge(text, after)
    if in_charge is not None:
        # "said Special Agent in Charge Dominic Ferreira-Lowe of the Office of …"
        charge_title, charge_name, name_end = in_charge
        return Attribution(text[verb_start:name_end], verb_start, charge_name, charge_title)
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
        5 < len(gap_words) <= MAX_SET_OFF_TITLE_WORDS
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
    if gap_connects and gap_titled and len(after) > 1 and (portfolio := _coordinated_portfolio(text, after)):
        run = portfolio  # "la ministra de Vivienda y Agenda Rural, Lucía Sarmiento Vidal": all the portfolio
    if gap_connects and gap_titled and (office := _office_alone(text, verb_end, run, end, after)) is not None:
        return Attribution(text[verb_start : run.end], verb_start, role=office)  # no name: whoever holds it
    # "the Minister for Transport and Ports, Hon. Kalani Reid": a title ending in "and" leaves only the
    # portfolio's last word for a name; the name follows the comma
    portfolio_tail = (title or "").rsplit(" ", 1)[-1].lower() in _COORDINATORS
    # "kata Kepala Dinas Perhubungan, Sri Wahyuningsih": a title then the office it heads, then the name
    name_follows = (
        (gap_titled and gap_connects) or not is_name(name) or portfolio_tail or is_organisation(name)
    )
    if text.startswith(", ", run.end) and name_follows:
        # "the company’s chief executive, Jane Smith": the name follows the title after a comma
        following = runs(text, run.end, end)
        if following and following[0].start == run.end + 2:
            _, second_name = split_title(following[0].tokens)
            if is_name(second_name):
                title = text[verb_end : run.end].strip(" ,")
                name, run = second_name, following[0]
                lead = ""
    elif (
        gap_words
        and not gap_titled
        and not _article_and_adjectives(gap_words, title)
        and any(w.strip(",") not in ("the", "a", "an") for w in gap_words)
    ):
        return None
    if not is_name(name):
        return None
    if gap_titled and lead:
        # "said Acme economist Dr. X" -> "economist"; "said senior engineer X" -> "senior engineer"
        honorific = title is not None and title.lower() in HONORIFICS
        title = lead if honorific else " ".join(p for p in (lead, title) if p)
    apposition = appositive_title(text, run.end)
    clause_end = run.end + 2 + len(apposition) if apposition else run.end
    title = prefer_title(title, apposition)
    return Attribution(text[verb_start:clause_end], verb_start, name, title)


def _organisation_after_verb(words: list[str]) -> tuple[str, str] | None:
    """ "the club." / "la société, qui …" / "l'entreprise" / "the company in a statement": an organisation
    described by its kind right after the verb, the description ending the clause or a phrase in lower
    case following it; (kind, the description's last word as written)."""
    for width in (1, MIN_ROLE_CLAUSE):
        if len(words) < width:
            return None
        kind = organisation_kind(words[:width])
        if kind is None:
            continue
        last = words[width - 1]
        rest = words[width:]
        if last[-1:] in ".,;:!?" or not rest or (rest[0][:1].islower() and not is_titled(rest[0])):
            return kind, last  # not "said the company chairman, Jane Doe": a title follows
        return None
    return None


def _article_and_adjectives(gap_words: list[str], title: str | None) -> bool:
    """ "sagte der dänische Bahnchef Mads Holm": an article and lower-case adjectives before a titled name."""
    return (
        title is not None
        and len(gap_words) <= 1 + _MAX_ADJECTIVES_BEFORE_TITLE
        and gap_words[0].lower() in ARTICLES_BEFORE_ROLE
        and all(w.isalpha() and w.islower() for w in gap_words[1:])
    )


def _title_in_charge(text: str, after: list[Run]) -> tuple[str, tuple[str, ...], int] | None:
    """ "Special Agent in Charge Dominic Ferreira-Lowe": a title run, "in", its last word, then the name.

    Returns (title, name, where the name ends); the name is the capitalised words before the next
    lower-case word ("… Ferreira-Lowe of the Office of …").
    """
    if len(after) < 2 or text[after[0].end : after[1].start] != " in ":
        return None
    title, name = split_title(after[0].tokens)
    if title is None or name:
        return None
    tokens = after[1].tokens
    words: list[str] = []
    for token in tokens[1:]:
        if not token[:1].isupper():
            break
        words.append(token)
    if len(words) < MIN_FULL_NAME or not is_name(tuple(words)) or is_organisation(tuple(words)):
        return None
    title_end = after[1].start + len(tokens[0])
    name_end = text.find(words[-1], title_end) + len(words[-1])
    return text[after[0].start : title_end], tuple(words), name_end


def _role_after_verb(words: list[str], english: bool = True) -> str | None:
    """ "the mayor." / "la alcaldesa." / "der Bürgermeister": an article and title words ending the clause.

    Also a title with no article before it after a verb that is not English ("řekl starosta",
    "sier ministeren": the article written as the noun's ending), and a role the clause goes on past in
    lower case ("a déclaré le préfet à l'issue du comité").  Returns the role's words, lower-case.
    """
    start = _role_start(words, english)
    if start is None:
        return None
    taken: list[str] = []
    for k in range(start, min(len(words), start + MAX_ROLE_WORDS)):
        word = words[k]
        bare = word.rstrip(".,;:!?")
        if word.endswith(",") and k + 1 < len(words) and words[k + 1][:1].isupper():
            return None  # "dijo la alcaldesa, Inmaculada Ferrer Soto": the name follows the title
        role = role_word(bare)
        if role is None and bare.lower() not in TITLE_MODIFIERS:
            if taken and is_titled(taken[-1]) and bare.lower() in ADVERBIAL_STARTS:
                # "said the mayor on Monday", "sagte die Landrätin am Montag": the role ends the subject, a
                # phrase of time or place follows
                return " ".join(taken)
            return " ".join(taken) if taken and _role_then_phrase(taken, words[k:]) else None
        taken.append(role or bare.lower())
        if bare != word:  # the clause ends here
            return " ".join(taken) if role is not None else None
    if taken and len(words) == start + len(taken) and is_titled(taken[-1]):
        return " ".join(taken)
    return " ".join(taken) if taken and _role_then_phrase(taken, words[start + len(taken) :]) else None


def _role_start(words: list[str], english: bool) -> int | None:
    """Where the role's words start after the verb: past its article, or at once where a language has none."""
    if not words:
        return None
    article = words[0].lower()
    if article in ARTICLES_BEFORE_ROLE or (not english and article in _ROMANCE_ARTICLES_BEFORE_ROLE):
        return 1 if len(words) >= MIN_ROLE_CLAUSE else None
    if not english and article not in HONORIFICS and article not in ABBREVIATIONS and role_word(article):
        return 0  # "řekl starosta", "sier ministeren", "kata Menteri"; not "sagte Dr. Jane Doe"
    return None


def _role_then_phrase(taken: list[str], rest: list[str]) -> bool:
    """ "le préfet | à l'issue du comité": the role is whole, and the clause goes on in lower case only.

    The next word is a lower-case word that does not tie the title to an organisation ("of", "de") and
    no capitalised word follows (a name or an organisation would belong to the role).
    """
    if not rest or not is_titled(taken[-1]) or POSSESSIVE_END.search(taken[-1]):
        return False  # "said the president's office": the office spoke, not the president
    first = rest[0].strip(".,;:!?")
    if not first[:1].islower() or first.lower() in _TITLE_LINKS:
        return False
    return not any(word[:1].isupper() for word in rest)


def _closing_name(text: str, after: list[Run], verb_end: int, end: int) -> Run | None:
    """The full name that ends a verb-first clause, when only its title stands between it and the verb.

    The words between hold a title word and nothing that ends an attribution ("that", "in", "when" …).
    """
    run = after[-1]
    if text[run.end : end].strip(EDGE_PUNCT) and not _RELATIVE_AFTER.match(text, run.end, end):
        return None  # "…, la concejala Pilar Soriano, que ha destacado que «…»": a relative clause may follow
    # "kata Direktur Lalu Lintas dan Angkutan Laut, Hendra Wicaksono": a bare name set off after an office
    set_off = text.endswith(", ", 0, run.start) and split_title(run.tokens)[0] is None
    for earlier in after[:-1]:
        title, name = split_title(earlier.tokens)
        if set_off and title is not None and title.lower() not in HONORIFICS:
            continue  # the earlier run is the office ("Direktur Lalu Lintas"), not a person
        if len(name) >= MIN_FULL_NAME and is_name(name):
            return None  # "said Renata Okafor, chief executive of Harborline Foods": the name came first
    _title, name = split_title(run.tokens)
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name):
        return None
    gap = [w.strip(",").lower() for w in text[verb_end : run.start].split() if w.strip(",")]
    if not set_off and gap and gap[-1] in _COORDINATORS:
        return None  # "la ministra de Vivienda y Agenda Rural.": the run after "y" is the portfolio's
    if not gap or len(gap) > MAX_SET_OFF_TITLE_WORDS or not any(is_titled(w) for w in gap):
        return None
    if any(w in NOT_IN_ATTRIBUTION_GAP and w not in _TITLE_LINKS for w in gap):
        return None
    return run


def _titled_name_run(text: str, after: list[Run], verb_end: int) -> Run | None:
    """The first run close after the verb that is a title and a full name ("EU-Kommissar Pavel Nordström")."""
    for run in after:
        if len(text[verb_end : run.start].split()) > MAX_SET_OFF_TITLE_WORDS:
            return None
        title, name = split_title(run.tokens)
        if title is not None and len(name) >= MIN_FULL_NAME and is_name(name) and not is_organisation(name):
            return run
    return None


def _name_after_lowercase_title(text: str, run: Run, end: int) -> Run | None:
    """The name run that follows "Acme" across lower-case title words ("economist", "chief executive").

    The words between are lower-case and hold a title word ("chief financial
    officer", "senior vice president of sales"); after a possessive ("Acme’s
    Maria Lopez") there may be none.
    """
    mark = text[run.end : run.end + 1]
    if not run.possessive and mark and not mark.isspace() and not mark.isalpha():
        return None  # "said Jane Doe, chief …": the gap would open with that mark, never a title word
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


def _coordinated_portfolio(text: str, after: list[Run]) -> Run | None:
    """The portfolio a title heads when it joins two capitalised runs with "and" ("ministra de Vivienda y
    Agenda Rural", "ministre de la Santé et des Solidarités"): one run from the first to the last, or None.

    English runs take "and" in ("Minister for Transport and Ports"); the others end at the coordinator.
    """
    joined = after[0]
    for run in after[1:]:
        between = text[joined.end : run.start].split()
        if (
            not between
            or between[0] not in _COORDINATORS
            or len(between) > _MAX_PORTFOLIO_LINK
            or not all(w in _TITLE_LINKS or w in _ARTICLES for w in between[1:])
        ):
            break
        joined = Run((*joined.tokens, *between, *run.tokens), joined.start, run.end, run.possessive)
    return joined if joined is not after[0] else None


def _office_alone(text: str, verb_end: int, run: Run, end: int, after: list[Run]) -> str | None:
    """ "ha afirmado la ministra de Vivienda.", "said the head of Operations, adding …": a title and the
    portfolio it heads with no name after them, the role's words in lower case; None when a name may follow
    or be glued on ("the head of Acme Jane Smith").  SPEC: a role names no person; its holder speaks."""
    rest = text[run.end : end].strip(EDGE_PUNCT)
    if rest and (not rest[:1].islower() or rest.split(" ", 1)[0] in _TITLE_LINKS | _COORDINATORS):
        return None  # a name set off after the portfolio, or the portfolio goes on
    merged = run not in after
    if not merged and len(run.tokens) > 1 and not all(w.lower() in TITLE_COMPLEMENTS for w in run.tokens):
        return None
    words = text[verb_end : run.end].lower().split()
    while words and words[0] in ARTICLES_BEFORE_ROLE:
        words.pop(0)
    return " ".join(words) if words else None
