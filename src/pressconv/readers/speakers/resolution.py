"""Binding quotes and quotations to people: names, pronouns, roles, continuation, statements.

For each quote (a multi-paragraph run shares one speaker) and each direct
quotation in a narrative paragraph, the attribution found next to it is
resolved: a name to the fullest form in the person index, a pronoun to the
first person, not in a possessive, named in the nearest preceding sentence
that names one, a role to its one holder.  A quote with no attribution of its
own goes on in the voice of the quote, quotation or reported speech just
above, or of a colon introduction; in a statement issued in someone's name
it is the issuer's.  No attribution, or an unnamed one ("the company said"),
gives no speaker.
"""

from __future__ import annotations

from pressconv import lazy_re
from pressconv.readers.blocks import HEADING, PARAGRAPH, QUOTE, Partial, Work
from pressconv.readers.dialogue import continues_dialogue
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ACCORDING_TO,
    COMPANY_KINDS,
    FEMALE_NAMES,
    MALE_NAMES,
    PRONOUN_GENDER,
    SPOKESPERSON_ROLES,
)
from pressconv.readers.name_runs import is_title_word, sentence_ends
from pressconv.readers.quote_marks import is_page_line, starts_with_mark
from pressconv.readers.speakers.attribution import attribution_in, clause_in, find_attribution
from pressconv.readers.speakers.clause import ARTICLES_BEFORE_ROLE, EDGE_PUNCT, Attribution, role_head
from pressconv.readers.speakers.lookback import MentionCache, antecedent
from pressconv.readers.speakers.organisations import organisation_as_written, without_legal_form
from pressconv.readers.speakers.people import PersonIndex
from pressconv.readers.speakers.roles import (
    ROLE_VERBS,
    holder_by_verb,
    issuer_of,
    nearest_holder,
)
from pressconv.readers.speakers.surroundings import (
    attributable_to,
    introduction,
    page_furniture,
    reported_speech,
    running_lines,
    sign_off,
)
from pressconv.readers.speakers.words import is_organisation

# A partial quote of fewer words with no attribution in its sentence is a name or a scare quote.
_MIN_UNATTRIBUTED_WORDS = 5


# What follows a speech verb that reports speech in its own words ("added that …", "a ajouté qu'…"): such
# a clause after a quotation is a new sentence about other words, not the quotation's attribution.
_REPORTED = (" that ", " que ", " qu’", " qu'", ", dass ", " dass ", " che ")


# First-person words of a statement's own voice (English, French, Spanish, German); case-sensitive so
# that "US" (the country) and "Mi" are not taken for pronouns.
_FIRST_PERSON = lazy_re.compile(
    r"\b(?:I|I’m|I'm|I’ve|I've|we|We|our|Our|us|my|My|me"
    r"|je|Je|nous|Nous|notre|Notre|nos|Nos"
    r"|nosotros|Nosotros|nuestro|Nuestro|nuestra|Nuestra|nuestros|nuestras"
    r"|ich|Ich|wir|Wir|unser|Unser|unsere|Unsere|unseren|unserer)\b"
)


def assign_speakers(works: list[Work], issuer: str | None = None) -> None:
    """Set speaker, title and attribution on every quote block (multi-paragraph runs share one speaker).

    ``issuer`` is the person a statement is issued in the name of, as written
    ("Governor Ana Ruiz", "the Secretary-General"): the speaker of every quote,
    and every partial quotation, that has no attribution of its own.
    """
    index = PersonIndex.build(works)
    quote_numbers = [i for i, w in enumerate(works) if w.kind == QUOTE]
    found: dict[int, Attribution] = {}
    for number in quote_numbers:
        attribution = find_attribution(works[number])
        if attribution is not None:
            found[number] = attribution
            if attribution.name and is_organisation(attribution.name):
                pass  # "Globex Inc. said": an organisation speaks, no person to index
            elif attribution.name and len(attribution.name) >= 2:
                index.add(attribution.name, attribution.title, number)
            elif attribution.name:
                index.add_lone(attribution.name, attribution.title, number)
    mentions = MentionCache(index, works)
    genders = index.genders()
    issued = issuer_of(issuer, index) if issuer else (None, "")
    for number, work in enumerate(works):
        if work.kind == PARAGRAPH and work.spans:
            work.partial = _partial_quotations(number, work, works, index, mentions, genders)
    runs_of_quotes = _quote_runs(works, quote_numbers)
    running = running_lines(works)
    scopes = _attributable_scopes(works) if quote_numbers else {}
    first_titles: dict[str, tuple[str | None, int]] = {}  # the index is complete: ask once per speaker
    for run_numbers in runs_of_quotes:
        source = next((n for n in run_numbers if n in found), None)
        speaker: str | None = None
        reason = "no attribution found"
        if source is not None:
            attribution = found[source] = _first_voice(works[source], found[source])
            speaker, reason = _resolve(attribution, source, works, index, mentions, genders)
            works[source].attribution = attribution.clause
        else:
            # only a paragraph that is nothing but quotation goes on in a voice from above; "Objectors
            # called the plan “…”" has a subject of its own
            opening = works[run_numbers[0]].text
            pure = starts_with_mark(opening) or continues_dialogue(opening)
            above = _above(works, run_numbers[0], running)
            before = works[above] if above >= 0 else None
            introduced = introduction(before) if before is not None else None
            below = run_numbers[-1] + 1
            signed = sign_off(works[below]) if below < len(works) else None
            if signed is not None:
                # "– Jane Doe, Minister of Transport" on the line below the quote: who said it
                speaker, reason = _resolve(signed, below, works, index, mentions, genders)
                reason = reason.replace("speaker ", "speaker (signed below) ", 1)
                works[run_numbers[0]].attribution = signed.clause
                found[run_numbers[0]] = signed
                source = run_numbers[0]
            elif before is not None and introduced is not None:
                # "Smith said:" closing the paragraph above introduces the quote
                speaker, reason = _resolve(introduced, above, works, index, mentions, genders)
                reason = reason.replace("speaker ", "speaker (introduced above) ", 1)
                works[run_numbers[0]].attribution = introduced.clause
                found[run_numbers[0]] = introduced
                source = run_numbers[0]
            elif (scoped := scopes.get(run_numbers[0])) is not None:
                # "Quotes attributable to Minister for Transport, Jane Doe:" heads this quote
                line, attributed = scoped
                speaker, reason = _resolve(attributed, line, works, index, mentions, genders)
                reason = reason.replace("speaker ", f"speaker (quotes attributable, para {line + 1}) ", 1)
            elif pure and before is not None and before.kind == QUOTE and before.speaker:
                # A quote with no attribution right after a quote that has a speaker goes on in that
                # voice (the release habit of closing the marks between paragraphs of one statement).
                speaker = before.speaker
                reason = f"no attribution; follows the quote of {speaker} in para {above + 1}"
            if (
                speaker is None
                and pure
                and before is not None
                and before.partial
                and before.partial[-1].speaker
            ):
                # „…“, sagte Rebollo. closing the paragraph above, then more of her words
                speaker = before.partial[-1].speaker
                reason = f"no attribution; continues the quotation of {speaker} in the paragraph above"
            if speaker is None and pure and before is not None and (reported := reported_speech(before)):
                # "Reyes-Ortiz said the deal …", then the quote: whom the paragraph above reports speaking
                speaker, reason = _resolve(reported, above, works, index, mentions, genders)
                reason = reason.replace("speaker ", "speaker (reported speech in the paragraph above) ", 1)
            if speaker is None and issued[0] is not None:
                speaker, reason = issued
        for number in run_numbers:
            work = works[number]
            work.speaker = speaker
            if speaker and speaker not in first_titles:
                first_titles[speaker] = index.first_title(speaker)
            title, where = first_titles[speaker] if speaker else (None, -1)
            if speaker and source is not None and found[source].title and (title is None or where >= source):
                title = found[source].title  # the attribution is the first reference: its title as written
            work.speaker_title = title
            if number == source or source is None:
                work.speaker_reason = reason
            else:
                work.speaker_reason = f"{reason}, same quote as para {source + 1}"
            if work.stated_speaker:
                _use_stated(work)
            elif speaker and len(work.spans) > 1:
                work.partial = _second_voices(number, work, works, index, mentions, genders)
    if issued[0] is not None:
        boilerplate = False
        for work in works:
            boilerplate = boilerplate or (work.kind == HEADING and work.role == "boilerplate")
            if work.kind == PARAGRAPH and work.partial:
                work.partial = tuple(
                    p._replace(speaker=issued[0], reason=issued[1]) if p.clause is None else p
                    for p in work.partial
                )
            elif (
                work.kind == PARAGRAPH
                and not boilerplate
                and work.role == "body"
                and _FIRST_PERSON.search(work.text)
            ):
                # "We will rebuild every school" in a statement issued in someone's name: the issuer's words
                work.speaker = issued[0]
                work.speaker_reason = (
                    f"first-person statement text; {issued[1].replace('no attribution; ', '')}"
                )


def _first_voice(work: Work, attribution: Attribution) -> Attribution:
    """The clause binding a block's first quotation when it is someone's before the marks and the one found
    is after them: "Mayor A called the deal “…”, while union president B said it was “…”" is A's block (B's
    quotation is a second voice)."""
    spans = work.spans
    if len(spans) < 2 or attribution.position < spans[0][1] or not spans[0][0] or not attribution.name:
        return attribution  # a pronoun after the marks ("…,” she said) means whom the clause before names
    text = work.text
    opening = spans[0][0]
    start = max((e for e in sentence_ends(text[:opening]) if text[e:opening].strip(EDGE_PUNCT)), default=0)
    earlier = clause_in(text, start, spans[0][0])
    if earlier is None or not earlier.name or earlier.name == attribution.name:
        return attribution
    return earlier


def _attributable_scopes(works: list[Work]) -> dict[int, tuple[int, Attribution]]:
    """Each quote under a "Quotes attributable to …, Name:" line, until the next such line: that line."""
    scopes: dict[int, tuple[int, Attribution]] = {}
    current: tuple[int, Attribution] | None = None
    for number, work in enumerate(works):
        if work.kind == QUOTE:
            if current is not None:
                scopes[number] = current
            continue
        if not work.text.rstrip().endswith(":"):
            continue  # attributable_to's own first test, without a call: most blocks end otherwise
        attributed = attributable_to(work)
        if attributed is not None:
            current = (number, attributed)
    return scopes


def _above(works: list[Work], number: int, running: frozenset[str]) -> int:
    """The block just above a quote, past page furniture a PDF paste left between ("Page 2 of 2")."""
    above = number - 1
    while above > 0 and page_furniture(works[above], running):
        above -= 1
    return above


def _partial_quotations(
    number: int,
    work: Work,
    works: list[Work],
    index: PersonIndex,
    mentions: MentionCache,
    genders: dict[str, str],
) -> tuple[Partial, ...]:
    """The direct quotations of a narrative paragraph, each bound to the speaker of its own sentence.

    A quoted span is a quotation when its sentence attributes it ("Smith called
    the plan “a step backwards”", "“It works,” she said") or when it is a
    stretch of speech of some length; a short unattributed span ("the
    so-called “green corridor”") or a quoted title in Title Case is not.
    """
    text = work.text
    ends = [e for e in sentence_ends(text) if not any(a < e < b for a, b in work.spans)]
    found: list[Partial] = []
    for start, end in work.spans:
        first = max((e for e in ends if e <= start), default=0)
        last = min((e for e in ends if e >= end), default=len(text))
        local = tuple((a - first, b - first) for a, b in work.spans if a >= first and b <= last)
        attribution = None
        if len(local) > 1:
            # "A called the deal “…”, while B said it was “…”": with several quotations in one sentence,
            # the speech clause right before each binds it
            before = max((b for a, b in work.spans if first <= b <= start), default=first)
            nearest = clause_in(text, before, start)
            if nearest is not None and nearest.points_to_someone:
                attribution = nearest._replace(position=nearest.position - first)
        if attribution is None:
            attribution = attribution_in(text[first:last], local, False)
        if attribution is None or not attribution.points_to_someone:
            # "Harwood described the road as “…” and promised …": the verb before the quotation binds it
            earlier = clause_in(text, first, start)
            if earlier is not None and earlier.points_to_someone:
                attribution = earlier._replace(position=earlier.position - first)
        quoted = text[start:end]
        if attribution is not None:
            attribution = attribution._replace(position=attribution.position + first)
            if attribution.name and len(attribution.name) >= 2 and not is_organisation(attribution.name):
                # "«…», ha señalado la consejera, Inmaculada Torralba Ruiz": a speaker, as a quote's is; a
                # later "Torralba ha añadido" is her
                index.add(attribution.name, attribution.title, number)
            speaker, reason = _resolve(attribution, number, works, index, mentions, genders)
            found.append(Partial(start, end, speaker, attribution.clause, reason))
        elif len(quoted.split()) >= _MIN_UNATTRIBUTED_WORDS and not _quoted_title(quoted):
            found.append(Partial(start, end, None, None, "no attribution in its sentence"))
    return tuple(found)


def _second_voices(
    number: int,
    work: Work,
    works: list[Work],
    index: PersonIndex,
    mentions: MentionCache,
    genders: dict[str, str],
) -> tuple[Partial, ...]:
    """A quote block's quotations when a later one has an attribution of its own to someone else, else ().

    "“We are ready,” said Councillor A. “So are we,” added Councillor B.": the block is A's (its first
    attribution), its second quotation B's.
    """
    text, spans, speaker = work.text, work.spans, work.speaker
    pieces = [Partial(start, end, speaker, None, "") for start, end in spans]
    other = False
    for k in range(1, len(spans)):
        start = spans[k][1]
        stop = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        ends = [e for e in sentence_ends(text[start:stop]) if text[start : start + e].strip(EDGE_PUNCT)]
        if ends:
            stop = start + ends[0]
        clause = clause_in(text, start, stop) if text[start:stop].strip(EDGE_PUNCT) else None
        if clause is not None and text.startswith(_REPORTED, clause.position + len(clause.clause)):
            clause = None  # "“…” Operations director B added that the bakery …": B's own report, not this
        if clause is None or not clause.points_to_someone:
            # "A called the deal “…”, while B said it was “…”": the clause before the quotation, in its
            # sentence, binds it
            clause = _clause_before(text, spans[k - 1][1], spans[k][0])
            if clause is not None and clause.clause == work.attribution:
                continue  # "“…,” Ryder said, arguing that the shift “…”": the block's own attribution
        if clause is None or not clause.points_to_someone:
            continue
        own, reason = _resolve(clause, number, works, index, mentions, genders)
        if own is not None and own != speaker:
            pieces[k] = Partial(spans[k][0], spans[k][1], own, clause.clause, reason)
            other = True
    return tuple(pieces) if other else ()


@per_document(maxsize=4096)  # a pure function of the block's text and the quotations' ends
def _clause_before(text: str, before: int, opening: int) -> Attribution | None:
    """The attribution clause between two quotations, in the second one's sentence, or None."""
    ends = sentence_ends(text[before:opening])
    before += ends[-1] if ends else 0
    if not text[before:opening].strip(EDGE_PUNCT):
        return None  # no words in the quotation's own sentence
    return clause_in(text, before, opening)


def _quoted_title(quoted: str) -> bool:
    """ "“Water for Tomorrow: Securing Supplies”": every content word capitalised, no closing punctuation."""
    words = [w for w in quoted.strip('“”"„«» ').split() if w[:1].isalpha()]
    if not words or quoted.rstrip('“”"„«» ')[-1:] in ".,!?;":
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


def _use_stated(work: Work) -> None:
    """The speaker the source format states replaces the inferred one (the title only if they agree)."""
    if work.speaker != work.stated_speaker:
        work.speaker_title = None
    work.speaker = work.stated_speaker
    work.attribution = work.stated_attribution or work.attribution
    work.speaker_reason = f"speaker stated by the source format: {work.speaker}"


def _person_evidence(attribution: Attribution) -> bool:
    """A lone name is a person's when titled, shown as one in the clause, or a known given name."""
    assert attribution.name is not None
    word = attribution.name[0].lower()
    return bool(attribution.title or attribution.person or word in FEMALE_NAMES or word in MALE_NAMES)


def _quote_runs(works: list[Work], quote_numbers: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for number in quote_numbers:
        work = works[number]
        between = range(groups[-1][-1] + 1, number) if groups else range(0)
        if groups and work.continues_quote and all(is_page_line(works[n].text) for n in between):
            groups[-1].append(number)
        else:
            groups.append([number])
    return groups


def _role_holders(role: str, index: PersonIndex) -> tuple[list[str], str]:
    """The people holding a role, and the role as matched.

    "the minister for transport" when no one is titled so in full: the ministers, and of them those
    whose title names what the role heads ("Transport Minister Aino Vaher").
    """
    holders = index.holders(role)
    head = role_head(role)
    if holders or head == role:
        return holders, role
    holders = index.holders(head)
    headed = set(role.split()[role.split().index(head) + 2 :]) - ARTICLES_BEFORE_ROLE
    narrowed = [
        name for name in holders if headed <= {w.lower() for w in (index.first_title(name)[0] or "").split()}
    ]
    return (narrowed, role) if narrowed else (holders, head)


def _resolve(
    attribution: Attribution,
    number: int,
    works: list[Work],
    index: PersonIndex,
    mentions: MentionCache,
    genders: dict[str, str],
) -> tuple[str | None, str]:
    clause = f'"{attribution.clause}"'
    if attribution.name and is_organisation(attribution.name):
        if attribution.clause.lower().startswith(ACCORDING_TO):
            # "according to the Riverside Resilience Programme": its figures, not words it said
            return None, f"speaker {clause}: an organisation, not a person"
        # "Acme Inc. said", "the Michigan Department of Labor said": the text says the organisation said it
        spoke = organisation_as_written(attribution.clause, attribution.name)
        return spoke, f"speaker {clause} -> {spoke} (an organisation the text says spoke)"
    if attribution.name:
        full, source = index.resolve(attribution.name, number)
        lone = len(attribution.name) == 1
        if source is None and lone and not _person_evidence(attribution) and not index.has_title(full):
            release = index.release.get() if index.release else None
            if release is not None and release[0].split()[0] == full:
                # "Verdane a précisé", "Acme said": the organisation the release is from, by its first word
                company, said = release
                return company, f"speaker {clause} -> {company} (the release's organisation: {said})"
            in_full = {without_legal_form(n) for n in index.organisations_of("", first=full)}
            if len(in_full) == 1:
                # "Hollins said" where the text names "Hollins Freight Services": the organisation in full
                spoke = in_full.pop()
                return spoke, f"speaker {clause} -> {spoke} (the organisation the text names in full)"
            return None, f"speaker {clause}: {full} is named nowhere in full and nothing says it is a person"
        if source is not None and full != " ".join(attribution.name):
            return full, f"speaker {clause} -> {full} (full name from para {source + 1})"
        return full, f"speaker {clause} -> {full}"
    if attribution.pronoun or attribution.implied:
        gender = PRONOUN_GENDER.get(attribution.pronoun or "", "")
        what = "pronoun" if attribution.pronoun else "no subject"
        found = antecedent(
            number, attribution.position, works, mentions, gender, genders, attribution.implied
        )
        if found is None:
            return None, f"speaker {clause}: no person named before the {what}"
        name, where = found
        if gender:
            genders.setdefault(name, gender)
        return name, f"speaker {clause} -> {name} ({what}: first person named in para {where + 1})"
    if attribution.role:
        holders, role = _role_holders(attribution.role, index)
        head = role_head(attribution.role)
        if len(holders) == 1:
            return holders[0], f"speaker {clause} -> {holders[0]} (the only person titled {role!r})"
        if holders:
            nearest = nearest_holder(holders, number, index)
            if nearest is None:
                held = f"{len(holders)} people titled {role!r}"
                return None, f"speaker {clause}: {held}, none named last"
            name, where = nearest
            return name, (
                f"speaker {clause} -> {name} ({len(holders)} people titled {role!r}: "
                f"the one named last, in para {where + 1})"
            )
        relative = holder_by_verb(head, number, works, index)
        if relative is not None:
            name, where = relative
            return name, (
                f"speaker {clause} -> {name} (no one is titled {attribution.role!r}; "
                f"para {where + 1} says who {ROLE_VERBS[head]})"
            )
        # "sublinhou a governante": an office no one in the text holds refers back, as a pronoun does;
        # a spokesperson or an official speaks for someone else
        refers_back = is_title_word(head) and head not in SPOKESPERSON_ROLES and not attribution.held
        found = None
        if refers_back:
            found = antecedent(number, attribution.position, works, mentions, "", genders)
        if found is not None:
            name, where = found
            return name, (
                f"speaker {clause} -> {name} (no one is titled {attribution.role!r}: "
                f"first person named in para {where + 1})"
            )
    if attribution.organisation:
        named = index.organisations_of(attribution.organisation)
        if len(named) == 1:
            # "the club said": the text says the organisation said it, and names one such organisation
            spoke = without_legal_form(named[0])
            return spoke, f"speaker {clause} -> {spoke} (the only {attribution.organisation} named)"
        release = index.release.get() if index.release and attribution.organisation in COMPANY_KINDS else None
        if not named and release is not None:
            # "the company said" in a release no company name marks as one: the company it is from or about
            return release[0], f"speaker {clause} -> {release[0]} (the release's organisation: {release[1]})"
    return None, f"speaker {clause}: not a named person"
