"""The attribution grammar: the clause next to a quotation that says who speaks.

``find_attribution`` reads the unquoted text next to the quoted spans:
"Ryder stated", "according to Smith", "Smith said: “…”", "she added", "the
Minister said", "Smith, chief executive of Acme, said", and the same in
French, Spanish and German ("a déclaré", "dijo", "sagte").  This module holds
the subject-first half of the grammar and the search over a block's unquoted
stretches; a clause that opens with its verb ("said Smith", "so Müller") is
read by ``verb_first``, and the small readers of a subject's words (a
capitalised role, an apposition's head, "Sus palabras:", "Pour le maire, X :")
are in ``subjects``.  Speech verbs are data (``lexicon``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from pressconv import lazy_re
from pressconv.readers.blocks import Work
from pressconv.readers.document_cache import per_document
from pressconv.readers.lexicon import (
    ACCORDING_TO,
    ATTRIBUTION_ADVERBS,
    ENGLISH_SPEECH_VERBS,
    FORMS_OF_ADDRESS,
    FRONTED_OBJECTS,
    GROUP_PRONOUNS,
    POSSESSIVE_OPENERS,
    POSSESSIVE_PRONOUNS,
    trie_pattern,
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
from pressconv.readers.speakers.appositions import (
    SUFFIXES,
    before_participle,
    holder_before_titles,
    name_then_of,
    suffixed_name,
)
from pressconv.readers.speakers.clause import (
    ARTICLES_BEFORE_ROLE,
    EDGE_PUNCT,
    MIN_FULL_NAME,
    MIN_ROLE_CLAUSE,
    ROLE_LINKS,
    Attribution,
    organisation_kind,
)
from pressconv.readers.speakers.dropped import subject_dropped
from pressconv.readers.speakers.introductions import (
    apposed_subject,
    colon_subject,
    in_subordinate_clause,
    inverted_copula,
    inverted_subject,
    opening_role,
    set_off_subject,
)
from pressconv.readers.speakers.names import portfolio_holder
from pressconv.readers.speakers.people import PERSON_AFTER, appositive_title, prefer_title, title_before
from pressconv.readers.speakers.signature import signature
from pressconv.readers.speakers.subjects import (
    affiliation,
    apposition_holder,
    article_and_title,
    bare_role_subject,
    capitalised_role,
    for_name,
    names_person,
    possessive_opener,
    role_before_name,
)
from pressconv.readers.speakers.verb_first import verb_first
from pressconv.readers.speakers.words import (
    attribution_segments,
    find_word,
    is_organisation,
    is_titled,
    personal_pronoun,
    pronoun_in_verb,
    speech_verb,
)

# The one-word "according to" of each language ("según", "selon", "laut").
_ACCORDING_WORDS = frozenset(phrase for phrase in ACCORDING_TO if " " not in phrase)
# "Pour le maire, Bernard Aubertin :", "Para la consejera, Ana Ruiz,", "Per il sindaco, …": a view's holder.
_FOR_WORDS = frozenset({"pour", "para", "per", "für"})
# "X made the remarks at …", "X gave these comments to …": the remarks' maker spoke.
_REMARKS = frozenset({"remarks", "comments"})
_REMARKS_DETERMINERS = frozenset({"the", "these", "those", "his", "her", "their"})
_MADE = frozenset({"made", "gave", "delivered", "offered"})
# The longest attribution set inside a quotation's marks (", a précisé Antoine Bélanger, ingénieur.").
_MAX_INCISE_WORDS = 10
# How far into an unclosed quotation to look for a forgotten attribution (characters).
_OPEN_QUOTE_REACH = 2000

_SIGNATURE_DASHES = "—–―"
# "according to a statement from X", "selon un communiqué de X": the statement's issuer is the source.
_A_STATEMENT_FROM = lazy_re.compile(
    r" (?:a|the|her|his|their|un|le|una|el|einer|der) (?:written |joint )?"
    r"(?:statement|release|post|communiqué|comunicado|mitteilung|erklärung)"
    r" (?:from|by|issued by|de|del|von)(?= )",
    re.IGNORECASE,
)
# The French and Italian article elided onto the next word: "L'adjoint", "l’assessora".
_ELIDED_ARTICLE = re.compile("^[Ll][’']")
# Dashes that set an attribution off inside a quotation: «Con questi cantieri – ha dichiarato il sindaco – …».
_INTERJECTION = lazy_re.compile(r" [–—] ([^–—«»“”\"]{3,80}?) [–—] ")
_MAX_INTERJECTION_WORDS = 8
# Any of the "according to" phrases, anywhere (the phrase loop below then asks for it as a word); as a
# prefix tree, which the engine rejects at most positions after one character.
_ANY_ACCORDING_TO = re.compile(trie_pattern(sorted(ACCORDING_TO)))
# A title's link word just before a capitalised run: "chief executive of", "directora de la", "head at the".
_TITLE_LINK_BEFORE = lazy_re.compile(
    r"\b(?:of|for|at|de|del|de la|du|des|von|der|di|della)(?: the| la| le| el| l’| l')? $"
)


def _heads_office(run: Run) -> bool:
    """ "Chief Executive of the Federation of Independent Builders": a title and its "of" open the run, so
    the words after them are what the title heads (an organisation), not a name."""
    title = split_title(run.tokens)[0]
    return title is not None and title.rsplit(" ", 1)[-1].lower() in ROLE_LINKS


def find_attribution(work: Work) -> Attribution | None:
    """The attribution clause next to the block's quoted spans, or None."""
    return attribution_in(work.text, work.spans, work.opens_unclosed)


@per_document(maxsize=4096)  # a pure function of the block's text and quotation marks
def attribution_in(text: str, spans: tuple[tuple[int, int], ...], opens_unclosed: bool) -> Attribution | None:
    for start, end, after_quote in attribution_segments(text, spans):
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
    if spans and spans[-1][1] < len(text) and text[spans[-1][1] :].lstrip()[:1] in _SIGNATURE_DASHES:
        found = signature(text, spans[-1][1])
        if found is not None:
            return found
    return _interjection(text, spans) or _incise(text, spans)


def _incise(text: str, spans: Sequence[tuple[int, int]]) -> Attribution | None:
    """ "« Les données montrent …, a précisé Antoine Bélanger, ingénieur. Nous … »": an attribution set
    inside the quotation marks after a comma, its speech verb first (the French incise), naming someone."""
    for start, end in spans:
        at = text.find(", ", start, end)
        while at != -1:
            stop = text.find(". ", at, end)
            stop = end if stop == -1 else stop + 1
            words = tokens(text, at + 2, stop)
            verb = speech_verb(words) if 0 < len(words) <= _MAX_INCISE_WORDS else None
            if verb is not None and (verb[0] == 0 or (verb[0] == 1 and personal_pronoun(words[0].text))):
                found = clause_in(text, at + 1, stop)
                if found is not None and (found.name or found.pronoun):
                    return found
            at = text.find(", ", at + 2, end)
    return None


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


@per_document(maxsize=4096)  # a pure function of the text and the stretch: _clause_before asks one again
def clause_in(text: str, start: int, end: int, before_quote: bool = False) -> Attribution | None:
    words = [t for t in tokens(text, start, end) if t.text not in ("(", ")", "[", "]")]
    while words and len(words[0].text) == 1 and not words[0].text.isalnum():
        words.pop(0)  # the comma after a closing mark: „…“, sagte Müller
    if not words:
        return None
    start = words[0].start
    lowered_region = text[start:end].lower()
    # one search says whether any "according to" phrase is there at all (most clauses hold none)
    for phrase in ACCORDING_TO if _ANY_ACCORDING_TO.search(lowered_region) else ():
        at = find_word(lowered_region, phrase)
        if at >= 0:
            after = start + at + len(phrase)
            statement = _A_STATEMENT_FROM.match(text, after)
            if statement is not None:
                after = statement.end()  # "according to a statement from Mayor Okafor-Bright"
            name_runs = runs(text, after, end)
            role = role_before_name(text[after : name_runs[0].start]) if name_runs else None
            if name_runs and (name_runs[0].start - after <= 12 or role):
                run = name_runs[0]
                title, name = split_title(run.tokens)
                if is_name(name):
                    clause = text[start + at : run.end]
                    apposition = appositive_title(text, run.end)
                    return Attribution(clause, start + at, name, prefer_title(title or role, apposition))
    verb = speech_verb(words)
    if verb is not None and before_quote and (subordinate := in_subordinate_clause(words, verb[0])) >= 0:
        # "Jane Doe has issued the following statement after Acme confirmed the closure:": the speech verb
        # reports an event; the main clause, or the one after the subordinate clause's comma, introduces
        if subordinate > 0:
            return clause_in(text, words[subordinate].start, end, before_quote)
        verb = None
    if verb is None:
        if before_quote and (opener := possessive_opener(words)) is not None:
            # "Sus palabras fueron claras:", "In her words:": the possessive's person, as a pronoun
            clause = text[opener.start : end].rstrip(" :,")
            return Attribution(clause, opener.start, pronoun=POSSESSIVE_OPENERS[opener.text.lower()])
        if before_quote and words[0].text.lower() in _FOR_WORDS and (named := for_name(text, words, end)):
            # "Pour le maire, Bernard Aubertin : « … »", "Para la consejera, Ana Ruiz, “…”": whose view it is
            run, title, name = named
            return Attribution(text[words[0].start : run.end], words[0].start, name, title)
        if before_quote and text[start:end].rstrip().endswith(":"):
            found = runs(text, start, end)
            if found and len(found) == 1:
                title, name = split_title(found[0].tokens)
                if is_name(name):
                    title = title or title_before(text, found[0].start)
                    return Attribution(text[found[0].start : found[0].end], found[0].start, name, title)
            elif found and (
                introduced := colon_subject(text, words, found)
                or inverted_subject(text, words, found)
                or set_off_subject(text, words, found)
                or inverted_copula(text, words, found)
                or apposed_subject(text, words, found)
            ):
                # "Auch der dänische Bahnchef Mikkel Sørensen zeigte sich zufrieden:", "Zufrieden zeigte
                # sich auch Bahnchef Mikkel Sørensen:": no speech verb, but the clause's subject is a titled
                # full name
                run, title = introduced
                name = split_title(run.tokens)[1]
                return Attribution(text[words[0].start : end].rstrip(" :"), run.start, name, title)
            # "He thanked the crews:", "Speaking beside the Mayor, she thanked the crews:": a pronoun
            # opening the main clause introduces the quote
            comma = max((i for i, w in enumerate(words) if w.text == ","), default=-1)
            if comma + 1 < len(words) and (pronoun := personal_pronoun(words[comma + 1].text)):
                opener = words[comma + 1]
                return Attribution(text[opener.start : end].rstrip(" :"), opener.start, pronoun=pronoun)
            if (role := opening_role(words)) is not None:
                # "Le Ministre d'Etat a également évoqué son attachement à la presse :": a role opening the
                # clause introduces the quote, as a pronoun does
                clause = text[words[0].start : end].rstrip(" :")
                return Attribution(clause, words[0].start, role=role, held=True)
        return None
    v, width = verb
    verb_start, verb_end = words[v].start, words[v + width - 1].end
    verb_end = verb_start + len(text[verb_start:verb_end].rstrip(".,:;!?"))
    if width == 1 and (carried := pronoun_in_verb(words[v].text)) is not None:
        # "«…», ujarnya.": the verb carries its subject as an ending (Indonesian "-nya": he or she)
        return Attribution(text[verb_start:verb_end], verb_start, pronoun=carried)
    if subject_dropped(words, v, width):
        # "«…», afirmou.", "Al respecto, ha señalado que …": a language that drops the subject; the
        # person spoken of just before
        return Attribution(text[verb_start:verb_end], verb_start, implied=True)
    k = v - 1
    while k >= 0 and words[k].text.lower() in ATTRIBUTION_ADVERBS:
        k -= 1
    if 0 <= k < v and all(w.text.lower() in FRONTED_OBJECTS for w in words[: k + 1]):
        k = -1  # "Das betonte Bahnchef Mikkel Sørensen.": what was said first, the speaker after the verb
    if (
        k >= 2
        and words[v].text.lower().rstrip(".,;:") in _REMARKS
        and words[k].text.lower() in _REMARKS_DETERMINERS
        and words[k - 1].text.lower() in _MADE
    ):
        k -= 2  # "Vance made the remarks at a newsroom meeting": the subject of "made"
    if k == 0 and words[0].text.lower() in _ACCORDING_WORDS:
        k = -1  # "según ha destacado la alcaldesa", "selon a précisé X": the verb, then who
    if k >= 0:
        bare = bare_role_subject(words, k, words[v].text.lower() in ENGLISH_SPEECH_VERBS)
        if bare is not None:
            # "Ministeren sier", "Starosta řekl": a title with no article is the subject
            return Attribution(text[words[k].start : verb_end], words[k].start, role=bare)
        return _subject_first(text, start, words, k, verb_end, before_quote)
    if v + width < len(words) and (pronoun := personal_pronoun(words[v + width].text.rstrip(".,;:!?"))):
        # "„…“, sagte sie.", "—dijo él—", "said he": the pronoun after its verb
        pronoun_end = words[v + width].start + len(words[v + width].text.rstrip(".,;:!?"))
        return Attribution(text[verb_start:pronoun_end], verb_start, pronoun=pronoun)
    english = words[v].text.lower() in ENGLISH_SPEECH_VERBS
    result = verb_first(text, words[v + width - 1].end, end, verb_start, verb_end, english)
    if result is None and v == 0 and before_quote:
        # "Asked about job losses, she said:": the opening participle is no attribution; the clause
        # after its comma may be
        comma = next((i for i in range(v + width, len(words)) if words[i].text == ","), -1)
        if 0 < comma < len(words) - 1:
            return clause_in(text, words[comma + 1].start, end, before_quote)
    return result


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
    if subject.text.lower() in SUFFIXES and (suffixed := suffixed_name(text, start, subject.start)):
        run, title, name = suffixed  # "Lester W. Young, Jr. said": the name before the suffix
        return Attribution(text[run.start : verb_end], run.start, name, title)
    capitalised = capitalised_role(words, k)
    if capitalised is not None:
        # "The Foreign Secretary said", "the Vice President added": the person the text gives that title
        article, phrase = capitalised
        return Attribution(text[words[article].start : verb_end], words[article].start, role=phrase)
    before = runs(text, start, subject.end)
    if before and before[-1].end == subject.end and not before[-1].possessive:
        run = before[-1]
        organisation = k >= 1 and run.start >= words[k - 1].start  # the run is the word, or its article too
        if organisation and (kind := organisation_kind([words[k - 1].text, subject.text])):
            # "the Committee said", "the Council added": the organisation of that kind the text names
            return Attribution(text[words[k - 1].start : verb_end], words[k - 1].start, organisation=kind)
        link = _TITLE_LINK_BEFORE.search(text, max(0, run.start - 24), run.start)
        titled_of = link is not None and text[start : link.start()].rstrip()[-1:].islower()
        if titled_of and (is_organisation(run.tokens) or len(run.tokens) == 1):
            # "The delegate of the Russian Federation said", "the representative of Ireland said": someone
            # unnamed of the organisation or country spoke (a lone word after "of" is no one's full name)
            return Attribution(text[start:verb_end], start)
        if link is not None:
            holder = apposition_holder(text, start, run.start)
            if holder is not None:
                # "Commissioner Ana Lindqvist, responsible for the Internal Market said": the apposition's
                # closing comma is missing; the run is what the office covers, the name before it speaks
                title, name = split_title(holder.tokens)
                return Attribution(text[holder.start : verb_end], holder.start, name, title)
        holder = holder_before_titles(text, start, run)
        if holder is not None:
            # "Jane Smith, Chairman and CEO of Acme said": the titles' closing comma is missing
            holder_title, holder_name = split_title(holder.tokens)
            title = holder_title or text[holder.end : run.end].strip(" ,")
            return Attribution(text[holder.start : verb_end], holder.start, holder_name, title)
        title, name = portfolio_holder(text, run) or split_title(run.tokens)  # "… for X, Y and Z Jane Doe"
        if not is_name(name):
            return None
        clause_start = run.start
        if title is None:
            title = title_before(text, run.start)
            if title is not None and text.rfind(title, max(0, run.start - len(title) - 3), run.start) >= 0:
                clause_start = text.rfind(title, max(0, run.start - len(title) - 3), run.start)
        return Attribution(text[clause_start:verb_end], clause_start, name, title)
    if subject.text == "," and k >= 1:
        opening = before_participle(text, start, words, k)
        if opening and (found := _subject_first(text, start, words, opening, verb_end, before_quote)):
            return found  # "Jane Doe, Director of X, speaking by video link, said": the subject ends before
        # "Jane Smith, chief executive of Acme, said", "Rep. Nancy Pelosi, D-Calif., said", "Smith, 45, said"
        named = name_then_of(text, start, subject.start)
        if named is not None:
            # "Inspector Frank Hall of the Northern District, said": the name's "of …" needs no comma
            run, title, name = named
            return Attribution(text[run.start : verb_end], run.start, name, title)
        before_comma = runs(text, start, subject.start)
        # "Die Leiterin der Notaufnahme, Dr. Yasemin Karaca, erklärte": the name right before the comma,
        # its title set off before it -- tried only when no name stands before an apposition
        candidates = [(run, False) for run in reversed(before_comma)]
        candidates += [(run, True) for run in reversed(before_comma)]
        for run, set_off in candidates:
            gap = text[run.end : subject.start]
            if set_off:
                opened = text.endswith(", ", 0, run.start) or article_and_title(text, start, run.start)
                if gap or not opened:
                    continue
            elif not gap.startswith(", "):
                if not affiliation(run, gap):
                    continue
                # "Sergeant Jason Higham of Merseyside Police’s roads policing unit, said:": the name, then
                # where the person works, then the comma
                title, name = split_title(run.tokens)
                return Attribution(text[run.start : verb_end], run.start, name, title)
            if (
                not set_off
                and (
                    len(split_title(run.tokens)[1]) < MIN_FULL_NAME  # a title, or a lone word: no full name
                    or _TITLE_LINK_BEFORE.search(text, max(0, run.start - 24), run.start) is not None
                    or _heads_office(run)
                )
                and names_person(gap[2:])
            ) or (not set_off and ", " in gap[2:] and names_person(gap[2:].rsplit(", ", 1)[-1])):
                # "Die Leiterin der Vertretung in Deutschland, Dr. Annegret Pfleiderer, betonte",
                # "Senior Minister of State for Coastal and Urban Resilience, Ms Lim Hwee Ling, said",
                # "the chief executive of Isles Ferries, Callum Drummond-Aziz, said": the run is what
                # the title heads, the apposition the person; "in Hexham, the chief executive of X, Jane
                # Doe, said": a run whose apposition ends in a person's name is not the speaker either
                continue
            if len(gap.split()) > 10 or run.possessive:
                continue
            title, name = split_title(run.tokens)
            if is_name(name) and not is_organisation(name):
                apposition = appositive_title(text, run.end)
                title = prefer_title(title or title_before(text, run.start), apposition)
                person = PERSON_AFTER.match(text, run.end) is not None
                return Attribution(text[run.start : verb_end], run.start, name, title, person=person)
        return None
    if not is_capitalised(subject.text) and (holder := apposition_holder(text, start, subject.end, True)):
        # "Alex Potteiger, Area Operations Manager and an Atlanta native said, “…”": the apposition's
        # closing comma is missing; its head is the name before it
        title, name = split_title(holder.tokens)
        return Attribution(text[holder.start : verb_end], holder.start, name, title)
    # before a quote only as a colon introduction ("La maire a déclaré :", "the company said:")
    introduces = text[verb_end : verb_end + 3].lstrip().startswith(":")
    if (before_quote and not introduces) or is_capitalised(subject.text):
        return None
    # "the company said", "a spokesperson added": said by someone unnamed; "the president said"
    # points to the one person the text gave that title, which ``_resolve`` looks up.
    first = next(
        (t for t in words[max(0, k - 3) : k + 1] if t.text.isalnum() or t.text[:1].isalpha()), subject
    )
    phrase = text[first.start : subject.end]
    described = phrase.split()
    if elided := _ELIDED_ARTICLE.match(described[0]):
        # "L'adjoint aux mobilités a souligné :": the article written onto the title
        described[:1] = [elided.group().lower(), described[0][elided.end() :]]
    role = None
    if (
        described[0].lower() in ARTICLES_BEFORE_ROLE  # "the mayor said", "La maire a déclaré :"
        and is_titled(described[-1])
        and all(not is_capitalised(w) for w in described[1:])
    ) or (
        described[0].lower() in ARTICLES_BEFORE_ROLE  # "the head of government added"
        and len(described) > MIN_ROLE_CLAUSE + 1
        and described[2].lower() in ROLE_LINKS
        and is_titled(described[1])
        and all(not is_capitalised(w) for w in described[1:])
    ):
        role = " ".join(w.lower() for w in described[1:])
    elif (
        described[0].lower() in ARTICLES_BEFORE_ROLE  # "La responsable municipal ha afirmado"
        and len(described) == MIN_ROLE_CLAUSE + 1
        and is_titled(described[1])
        and all(w.isalpha() and w.islower() for w in described[1:])
    ):
        role = described[1].lower()
    return Attribution(
        text[first.start : verb_end], first.start, role=role, organisation=organisation_kind(described)
    )
