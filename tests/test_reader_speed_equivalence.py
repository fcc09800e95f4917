"""The reader's speed rewrites give the answers of the straightforward code they replaced.

Each test states the plain definition (as the reader computed it before) and checks the faster
form against it over texts built to sit on the edges the faster form depends on.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from pressconv.readers import quote_marks
from pressconv.readers.blocks import Work, split_blocks, to_work


def _style_text_by_text(texts: list[str]) -> str:
    """``style_of`` as first written: the openers (and single closers) of each text counted on their own."""
    doubles = singles = 0
    closed = False  # a single mark closes a quotation somewhere (SPEC: a stray opener sets no style)
    for text in texts:
        dutch = len(quote_marks._DUTCH_OPENER.findall(text)) if ",," in text else 0
        doubles += len(quote_marks._DOUBLE_OPENERS.findall(text)) + dutch
        singles += len(quote_marks._SINGLE_OPENERS.findall(text))
        closed = closed or quote_marks._SINGLE_CLOSERS.search(text) is not None
    return "single" if singles > doubles and closed else "double"


# Pieces that put a mark, a comma pair or an "s" right at the start or end of a text.
_PIECES = ("", "‘", "'", "‚", "“", "„", "«", '"', ",,", "s", "'s", "‘s-", "a", " ", "-", "(", "”", "’")


def test_style_counted_over_joined_texts_as_text_by_text() -> None:
    checked = 0
    for first, second in itertools.product(_PIECES, repeat=2):
        for texts in (
            [first + "word " + second, second + " x" + first],
            [first, second, first + second],
            ["‘quoted’ " + first, second + "“quoted”"],
            [first + second, "‘a’ ‘b’", second + first],
        ):
            assert quote_marks.style_of(texts) == _style_text_by_text(texts), texts
            checked += 1
    assert checked == 4 * len(_PIECES) ** 2
    # both answers occur, so the comparison is not of two constants
    assert quote_marks.style_of(["‘One,’ she said.", "‘Two.’"]) == "single"
    assert quote_marks.style_of(["“One,” she said.", "It’s ‘two’."]) == "double"
    assert quote_marks.style_of(["the staff of l ‘Elmford", "l’équipe"]) == "double"  # nothing closes


def test_fold_is_split_and_join() -> None:
    from pressconv.readers.blocks import fold

    spaces = (" ", "  ", "\t", "\xa0", "\u2009", "\u3000", "\n", "\x1f", "\x85", "\u2028")
    words = ("", "a", "bc", "d\u200be")  # a zero-width space is not a space
    checked = 0
    for lead, inner, trail in itertools.product((*spaces, ""), repeat=3):
        for first, second in itertools.product(words, repeat=2):
            text = f"{lead}{first}{inner}{second}{trail}"
            assert fold(text) == " ".join(text.split()), repr(text)
            checked += 1
    assert checked == (len(spaces) + 1) ** 3 * len(words) ** 2


def test_blocks_holding_a_surname_found_through_the_joined_texts() -> None:
    from pressconv.readers.blocks import QUOTE, Work
    from pressconv.readers.speakers.people import PersonIndex

    texts = ["Ana Ruiz said so.", "Ruiz", "“Yes,” said Ruizberg.", "Ana Ruiz said so."]
    texts += ["Ruiz met Ruiz.", "zRuiz", ""]
    works = [Work(text=text, lines=[text], kind=QUOTE) for text in texts]
    index = PersonIndex.build(works)
    # every key that occurs, also across where two texts meet ("so." + "Ruiz"), and keys that do not
    for key in ("Ruiz", "Ana", "so.Ruiz", "z", "Ruizberg", "met", "absent", "\0", "Ruiz\0"):
        expected = [text for text in index.texts if key in text]
        assert index._holding(key) == expected, key
    # each text once, in order, though one holds the surname twice and another is a repeated copy
    holding = ["Ana Ruiz said so.", "Ruiz", "“Yes,” said Ruizberg.", "Ruiz met Ruiz.", "zRuiz"]
    assert index._holding("Ruiz") == holding


def test_split_blocks_gives_folded_texts_so_to_work_need_not_fold_them() -> None:
    from pressconv.readers.blocks import fold, split_blocks, to_work

    spaces = (" ", "  ", "\t", "\xa0", "\u2009", "\x1f", "\u200b")
    checked = 0
    for lead, inner, trail in itertools.product((*spaces, ""), repeat=3):
        for layout in ("{0}", "{0}\n{0}", "  {0}\nline\n  {0}\nmore", "{0}\n{1}\n\n{0}"):
            line = f"{lead}Word{inner}word.{trail}"
            for raw in split_blocks(layout.format(line, inner)):
                assert raw.folded and fold(raw.text) == raw.text, repr(raw.text)
                assert all(fold(part) == part for part in raw.lines), raw.lines
                # what to_work makes of the block is what it made when it folded every text itself
                unflagged = to_work(raw._replace(folded=False))
                flagged = to_work(raw)
                assert (flagged.text, flagged.lines) == (unflagged.text, unflagged.lines)
                checked += 1
    assert checked > 4 * (len(spaces) + 1) ** 3


def test_parse_contacts_is_parse_contact_of_each() -> None:
    from pressconv.contacts import parse_contact, parse_contacts

    texts = [
        "Media Contact:\nJo Bell\n+44 20 7946 0018\njo@example.org",
        "Press office, Harlow Council\nTel: (202) 555-0143 ext. 12\nwww.example.org/press",
        "For more information, contact Ana Ruiz at ana.ruiz@example.es or +34 912 345 678.",
        "Contacts: Sam Lee, Head of Media\n0161 496 0000 / 07700 900123",
        "No number here",
    ]
    together = parse_contacts(texts)
    assert together == tuple(parse_contact(text) for text in texts)
    assert together[0].phone == "+442079460018" and together[0].email == "jo@example.org"
    assert parse_contacts(texts[:1], "GB") == (parse_contact(texts[0], "GB"),)


def test_sentence_ends_hands_out_a_fresh_list_each_time() -> None:
    from pressconv.readers.name_runs import sentence_ends

    text = "One sentence. Dr. Smith said so. Another one!"
    first = sentence_ends(text)
    first.append(999)  # a caller (pronoun look-back) extends the list it gets
    assert sentence_ends(text) == [13, 32, 45]
    assert sentence_ends(text) is not sentence_ends(text)


def test_contact_header_gate_passes_every_line_the_pattern_matches() -> None:
    """The two-character gate before the contact-header pattern never turns away a line it would match."""
    from pressconv.readers import press_furniture as pf
    from pressconv.readers.lexicon import CONTACT_HEADERS

    # characters the pattern's case rules match to an ASCII letter (Kelvin sign, dotless and dotted i,
    # long s) and others that only look alike
    odd = ("\u212a", "\u0131", "\u0130", "\u017f", "\u0399", "\u00cd", "“", " ", "")
    lines: list[str] = []
    for header in CONTACT_HEADERS:
        for variant in (header, header.upper(), header.title(), header.swapcase()):
            lines += [variant, variant + ":", variant + ", jo@example.org", " " + variant]
            for char in odd:
                for at in (0, 1):
                    lines.append(variant[:at] + char + variant[at + 1 :] + ":")
    lines += ["Timeline", "“We are ready,” she said.", "K", "", "Kontakt", "\u212aontakt:", "Fo"]
    opened = 0
    for line in lines:
        plain = pf._CONTACT_HEADER.match(line) is not None
        if plain:
            assert pf._may_open_contact_header(line), repr(line)
            opened += 1
        assert pf._contact_header(line) == _contact_header_ungated(line), repr(line)
        assert pf._contact_lead(line) == _contact_lead_ungated(line), repr(line)
    assert opened > len(CONTACT_HEADERS) * 4  # the pattern matched the case variants
    assert not pf._may_open_contact_header("Timeline")  # and the gate turns lines away
    assert pf._may_open_contact_header("\u212aontakt:")  # a Kelvin sign matches "k" in both


def _contact_header_ungated(line: str) -> bool:
    """``_contact_header`` with no test before the pattern."""
    from pressconv.readers import press_furniture as pf

    match = pf._CONTACT_HEADER.match(line)
    if match is None:
        return False
    rest = line[match.end() :].lower()
    if rest.rstrip() == "" or rest.startswith((":", " :", "s:", "(")):
        return True
    if rest.startswith(" ") and rest.endswith(":") and len(rest.split()) <= pf._HEADER_TAIL_WORDS:
        return True
    return rest.startswith((",", " ")) and bool(pf._EMAIL.search(line) or pf._PHONE.search(line))


def _contact_lead_ungated(line: str) -> bool:
    from pressconv.readers import press_furniture as pf

    match = pf._CONTACT_HEADER.match(line)
    return match is not None and line.endswith(":") and len(line.split()) <= pf._MAX_LEAD_WORDS


def test_possessive_gender_searches_only_texts_that_can_match() -> None:
    """The " her "/" his " test before the owner pattern gives the gender the pattern alone gives."""
    from pressconv.readers.blocks import PARAGRAPH, Work
    from pressconv.readers.speakers import lookback

    texts = [
        "Jo Smith and her team met.",
        "Lee Smith with his dog.",
        "McSmith and her co-author wrote.",
        "Smith and hers, Smith and history.",
        "Smith and her",  # no space after "her": no match
        "Smith\tand her team",
        "Ana Ruiz, with her colleagues, and Ruiz with his.",
        "Ruiz with his aides and Ruiz and her aides.",
        "Nothing here about Ruiz.",
    ]
    names = ["Jo Smith", "Lee Smith", "Ana Ruiz", "Pat McSmith", "Ann Other"]
    seen = set()
    for first in range(len(texts)):
        for count in (1, 2, 3):
            works = [Work(text=t, lines=[t], kind=PARAGRAPH) for t in texts[first : first + count]]
            for name in names:
                last = name.rsplit(" ", 1)[-1]
                plain = next(
                    (
                        m.group(2)
                        for w in works
                        if last in w.text
                        for m in lookback._OWNER.finditer(w.text)
                        if m.group(1) == last
                    ),
                    "",
                )
                expected = {"her": "f", "his": "m"}.get(plain, "")
                cache = lookback.MentionCache(index=None, works=works)  # type: ignore[arg-type]
                assert cache.possessive_gender(name) == expected, (name, texts[first : first + count])
                seen.add(expected)
    assert seen == {"f", "m", ""}  # every answer occurs


def test_blocks_holding_a_key_with_pattern_characters() -> None:
    """The surname is searched for as a literal pattern: its marks match only themselves."""
    from pressconv.readers.blocks import QUOTE, Work
    from pressconv.readers.speakers.people import PersonIndex

    texts = ["Dr. O'Neil (Acme) said", "O’Neil-Ruiz+ said", "Jr.", "JrX", "a|b", "Ruiz*", "[Ruiz]"]
    texts += ["Ó Briain"]
    works = [Work(text=text, lines=[text], kind=QUOTE) for text in texts]
    index = PersonIndex.build(works)
    keys = ("O'Neil", "O’Neil-Ruiz+", "Jr.", "r.", "(Acme)", "a|b", "|", "Ruiz*", "[Ruiz]", "Ó", "Ruiz", "J.")
    for key in keys:
        assert index._holding(key) == [text for text in index.texts if key in text], key
    assert index._holding("Jr.") == ["Jr."]  # the period is no wildcard: "JrX" does not hold it


def _name_after_lowercase_title_ungated(text: str, run: object, end: int) -> object:
    """``verb_first._name_after_lowercase_title`` as written before its mark test."""
    from pressconv.readers.lexicon import NOT_IN_ATTRIBUTION_GAP
    from pressconv.readers.name_runs import is_capitalised, is_name, runs, split_title
    from pressconv.readers.speakers import verb_first
    from pressconv.readers.speakers.words import POSSESSIVE_START, is_titled

    following = runs(text, run.end, min(end, run.end + 80))  # type: ignore[attr-defined]
    if not following:
        return None
    gap = text[run.end : following[0].start]  # type: ignore[attr-defined]
    if run.possessive:  # type: ignore[attr-defined]
        gap = POSSESSIVE_START.sub("", gap)
    between = gap.split()
    if not between:
        if not run.possessive or gap != " ":  # type: ignore[attr-defined]
            return None
    elif (
        len(between) > verb_first._MAX_LOWERCASE_TITLE
        or not any(is_titled(w) for w in between)
        or any(is_capitalised(w) or not w.isalpha() for w in between)
        or any(w in NOT_IN_ATTRIBUTION_GAP and w not in verb_first._TITLE_LINKS for w in between)
    ):
        return None
    _, name = split_title(following[0].tokens)
    return following[0] if is_name(name) else None


def test_name_after_lowercase_title_mark_test_gives_the_plain_answer() -> None:
    """A mark right after the run rejects it at once; every run of these texts gets the plain answer."""
    from pressconv.readers.name_runs import runs
    from pressconv.readers.speakers import verb_first

    names = ("Acme", "Acme’s", "Acme's", "Jane Doe", "Dr. Ann Lee", "Acme Inc.", "Acme!", "Acme…")
    after = (", chief executive Maria Lopez", " economist Rita Moreno", " Maria Lopez", ". Chief Maria Lopez")
    after += (" (chief executive) Maria Lopez", ": economist Rita Moreno", "", " chief", "’ chief Ann Ray")
    checked = found = 0
    for name, tail in itertools.product(names, after):
        for text in (f"said {name}{tail}", f"said {name}{tail}.", f"“Yes,” said {name}{tail}, then left."):
            for run in runs(text, 5):
                for end in (len(text), run.end, run.end + 1):
                    expected = _name_after_lowercase_title_ungated(text, run, end)
                    assert verb_first._name_after_lowercase_title(text, run, end) == expected, (text, run)
                    checked += 1
                    found += expected is not None
    assert checked > 500 and found > 20  # both answers occur


def test_first_of_two_surnames_memo_gives_the_plain_answer_per_document() -> None:
    """Memoised per document: the answers of the plain function, and the table is emptied with the others."""
    from pressconv.readers.document_cache import clear
    from pressconv.readers.speakers import name_forms

    names = [("Beatriz", "Quintana", "Sanz"), ("Park", "Seo-yeon"), ("Ana", "Ruiz")]
    names += [("Lester", "W.", "Young"), ("Juan", "de", "la", "Cruz"), ("Ann", "Lee", "Jr.")]
    names += [("X", "Ab", "Cd"), ("Jo", "Quintana", "Sanz")]
    clear()
    plain = [name_forms.first_of_two_surnames.__wrapped__(name) for name in names]
    for _ in range(2):  # the second round is answered from the table
        assert [name_forms.first_of_two_surnames(name) for name in names] == plain
    assert "Quintana" in plain and None in plain and "Park" in plain
    assert name_forms.first_of_two_surnames.cache_info().currsize == len(names)
    clear()
    assert name_forms.first_of_two_surnames.cache_info().currsize == 0


def _holder_by_verb_walking_every_block(head: str, number: int, works: list, index: object) -> object:  # type: ignore[type-arg]
    """``roles.holder_by_verb`` as first written: every block from the quote back to the first."""
    import re

    from pressconv.readers.blocks import PARAGRAPH, QUOTE
    from pressconv.readers.name_runs import is_name, runs, split_title
    from pressconv.readers.speakers import roles
    from pressconv.readers.speakers.words import is_organisation

    verb = roles.ROLE_VERBS.get(head)
    if verb is None:
        return None
    pattern = re.compile(rf", who (?:also |currently |now )?{verb}\b")
    for back in range(number, -1, -1):
        text = works[back].text
        if works[back].kind not in (PARAGRAPH, QUOTE) or f" {verb}" not in text:
            continue
        for match in pattern.finditer(text):
            before = roles._PARENTHESIS_END.sub("", text[: match.start()])
            found = runs(before, max(0, len(before) - 80))
            if found and found[-1].end == len(before):
                _title, name = split_title(found[-1].tokens)
                if len(name) >= 2 and is_name(name) and not is_organisation(name):
                    return index.resolve(name, back)[0], back  # type: ignore[attr-defined]
    return None


def test_holder_by_verb_walks_back_over_the_blocks_holding_the_verb_only() -> None:
    """The blocks holding the role's verb, found once, give the answer of the walk over every block."""
    from pressconv.readers.blocks import HEADING, PARAGRAPH, QUOTE, Work
    from pressconv.readers.speakers import roles
    from pressconv.readers.speakers.people import PersonIndex

    texts = [
        (HEADING, "Jane Doe, who chairs the board"),  # a heading is never read for the clause
        (PARAGRAPH, "The forum met today."),
        (PARAGRAPH, "Ana Ruiz (Chile), who chairs the forum, opened it."),
        (QUOTE, "“We agree,” the chair said."),
        (PARAGRAPH, "Acme Corp, who directs nothing, and Tom Lee, who also directs the fund, spoke."),
        (PARAGRAPH, "Mia Park, who leads the team, and chairs nothing else."),
        (QUOTE, "“Next,” the director said. Ben Ode, who currently heads the unit, agreed."),
        (PARAGRAPH, "Ruth Ng, who now chairs the panel, closed."),
        (PARAGRAPH, "Armchairs and deckchairs, who (chairs) it"),
    ]
    works = [Work(text=text, lines=[text], kind=kind) for kind, text in texts]
    index = PersonIndex.build(works)
    answers = set()
    for head in ("chair", "director", "head", "leader", "manager", "mayor"):
        for number in range(-1, len(works)):
            expected = _holder_by_verb_walking_every_block(head, number, works, index)
            assert roles.holder_by_verb(head, number, works, index) == expected, (head, number)
            answers.add(expected)
    assert ("Ana Ruiz", 2) in answers and ("Ruth Ng", 7) in answers and None in answers
    assert index.verb_blocks["chairs"] == [2, 5, 7]  # no heading; no "(chairs)", "deckchairs"


def test_holders_kept_per_role_until_the_index_changes() -> None:
    """A role's holders are kept between questions and found again once a name or a title is added."""
    from pressconv.readers.blocks import PARAGRAPH, QUOTE, Work
    from pressconv.readers.speakers.people import PersonIndex

    texts = [
        (PARAGRAPH, "Chair Ana Ruiz opened the forum with Vice Chair Tom Lee and Minister Jo Park."),
        (QUOTE, "“We agree,” the chair said."),
        (PARAGRAPH, "Transport Minister Aino Vaher and Dr. Kalani spoke."),
    ]
    works = [Work(text=text, lines=[text], kind=kind) for kind, text in texts]
    index = PersonIndex.build(works)
    roles = ("chair", "vice chair", "minister", "transport minister", "mayor", "harbour master")

    def plain(role: str) -> list[str]:
        index.held.clear()  # the answer computed afresh
        return index.holders(role)

    before = {role: plain(role) for role in roles}
    assert before["chair"] == ["Ana Ruiz"] and before["mayor"] == []
    for role in roles:
        assert index.holders(role) == before[role] and role in index.held
    index.holders("minister").append("Someone Else")  # a caller's list is its own
    assert index.holders("minister") == before["minister"]
    index.add(("Ben", "Ode"), "Mayor", 2)  # a titled name added after the questions
    assert index.holders("mayor") == ["Ben Ode"] == plain("mayor")
    for role in roles:
        index.holders(role)
    index.add_lone(("Okoro",), "Harbour Master", 2)  # a lone surname with a title
    after = {role: index.holders(role) for role in roles}
    assert after == {role: plain(role) for role in roles}
    assert after["harbour master"] == ["Okoro"] and before["harbour master"] == []


# The reader fixtures' blocks: the texts the gates below are checked on (with made-up edge cases).
_FIXTURES = Path(__file__).parent / "fixtures" / "reader"


def _fixture_works() -> list[Work]:
    works: list[Work] = []
    for path in sorted(_FIXTURES.glob("*.txt")):
        works += [to_work(raw) for raw in split_blocks(path.read_text(encoding="utf-8"))]
    return works


def _body_like_ungated(work: Work) -> bool:
    """``headline._body_like`` as first written: the chrome tests first, the dateline search first."""
    from pressconv.readers.blocks import LIST, PARAGRAPH, QUOTE
    from pressconv.readers.rules import headline as h

    if work.kind not in (PARAGRAPH, QUOTE) or work.hint is not None:
        return work.kind in (LIST, QUOTE)
    if h.page_label(work.text) is not None or h.alert_chrome(work.text):
        return False
    words = len(work.text.split())
    if (
        h.find_dateline(work.text) is not None
        and words > 8
        and not h._kicker_line(work.text, len(work.lines))
        and (h.ends_sentence(work.text) or words > h.MAX_HEADLINE_WORDS)
    ):
        return True
    if words > h._MIN_LEGEND_WORDS and work.text.isupper():
        return False
    if words > 45:
        return True
    if work.text.endswith(":") and words >= h._MIN_INTRODUCTION_WORDS:
        return True
    return words >= h._MIN_SENTENCE_WORDS and h.ends_sentence(work.text) and not h.titled_sentence(work.text)


def test_body_like_with_the_chrome_tests_last_gives_the_plain_answer() -> None:
    from pressconv.readers.rules import headline

    extra = ["Tag Archives: water", "We use cookies on this site to improve your experience. Accept all.", ""]
    extra += [
        "View this email in your browser.",
        "LONDON — Acme Corp. said on Tuesday it would open a plant.",
    ]
    works = _fixture_works() + [Work(text, [text], None) for text in extra if text]
    answers = {True: 0, False: 0}
    for work in works:
        answer = headline._body_like(work)
        assert answer == _body_like_ungated(work), work.text
        answers[answer] += 1
    assert answers[True] > 100 and answers[False] > 100  # both answers occur


def test_names_bulletin_word_limit_with_a_bounded_split() -> None:
    from pressconv.readers.rules import bulletin

    def ungated(text: str) -> bool:
        lowered = text.lower()
        return len(text.split()) <= bulletin._MAX_MASTHEAD_WORDS and any(
            w in lowered for w in bulletin._BULLETIN_WORDS
        )

    texts = [work.text for work in _fixture_works()]
    for n in range(8, 13):  # around the word limit, with trailing and inner spaces of every kind
        for space in (" ", "  ", "\t", "\xa0", "\n"):
            words = ["Daily", "News"] + ["word"] * (n - 2)
            texts += [space.join(words), space.join(words) + space, space + space.join(words)]
    found = 0
    for text in texts:
        assert bulletin._names_bulletin(text) == ungated(text), repr(text)
        found += ungated(text)
    assert found > 10 and found < len(texts)


def test_quotation_ends_from_the_last_mark_gives_the_plain_answer() -> None:
    from pressconv.readers.quote_marks import starts_with_mark
    from pressconv.readers.rules import headings

    def ungated(text: str) -> bool:
        text = text.rstrip()
        if not starts_with_mark(text):
            return False
        marks = [c for c in text if c in headings._MARKS]
        if not marks:
            return False
        return (
            text[-1] in headings._MARKS
            or marks[-1] in headings._OPENERS
            or (marks[-1] == '"' and marks.count('"') % 2 == 1)
        )

    texts = [work.text for work in _fixture_works()]
    for first, last in itertools.product(("“", '"', "«", "‘", "„"), ("”", '"', "“", "»", ".", "’", "")):
        texts += [
            f"{first}We will{last}",
            f"{first}We will,” she said. “And more{last}  ",
            f'{first}a "b" c{last}',
        ]
    true = 0
    for text in texts:
        assert headings._quotation_ends(text) == ungated(text), repr(text)
        true += ungated(text)
    assert 20 < true < len(texts)


def test_about_headings_first_letter_gate_gives_the_plain_answer() -> None:
    from pressconv.readers.lexicon import BOILERPLATE_HEADINGS
    from pressconv.readers.rules import issuer_lines

    def ungated(works: list[Work]) -> str:
        return " | ".join(
            w.text
            for w in works
            if len(w.text) <= issuer_lines._MAX_ABOUT_CHARS
            and w.text.lower().startswith(BOILERPLATE_HEADINGS)
        )

    lines = [h.upper() + " Acme" for h in BOILERPLATE_HEADINGS] + [h.title() for h in BOILERPLATE_HEADINGS]
    lines += ["İnformation", "ÜBER UNS", "Σχετικά", "", "À propos de nous"]
    works = _fixture_works() + [Work(line, [line], None) for line in lines]
    for start in range(0, len(works), 50):
        chunk = works[start : start + 50]
        assert issuer_lines.about_headings(chunk) == ungated(chunk)
    assert issuer_lines.about_headings(works).count(" | ") > len(BOILERPLATE_HEADINGS)


def test_compatible_one_word_form_gives_the_plain_answer() -> None:
    from pressconv.readers.speakers.name_forms import compatible

    forms = [(), ("Ryder",), ("Pat",), ("Pat", "Ryder"), ("Ryder", "Pat"), ("Lee",)]
    full = [(), ("Pat", "Ryder"), ("Ryder",), ("Ann", "Lee", "Ryder")]
    answers = set()
    for short, whole in itertools.product(forms, full):
        assert compatible(short, whole) == all(word in whole for word in short), (short, whole)
        answers.add(compatible(short, whole))
    assert answers == {True, False}


def test_named_in_capitals_needs_two_capitals_first() -> None:
    """names_in_ordinary_case skips a block not opening with two capitals: _named_in_capitals finds none."""
    from pressconv.readers.speakers import capitals

    texts = [work.text for work in _fixture_works()]
    texts += ["JANE DOE-SMITH, Under-Secretary-General for Humanitarian Affairs, said that aid was late."]
    named = 0
    for text in texts:
        found = capitals._named_in_capitals(text)
        assert found is None or text[:2].isupper(), text
        named += found is not None
    assert named >= 1


def test_portfolio_list_search_gate_gives_the_plain_answer() -> None:
    """words.portfolio_list_before searches only where the list's pattern can end; the plain search agrees."""
    from pressconv.readers.speakers import words

    def ungated(text: str, at: int) -> tuple[int, int, str | None] | None:
        found = words._PORTFOLIO_LIST.search(text, max(0, at - words._LIST_REACH), at)
        return None if found is None else (found.start(), found.end(), found.group("coordinated"))

    texts = [work.text for work in _fixture_works()]
    for end in (", ", " and ", " y ", " et ", " und ", " e ", ",", " and", "\n", ", \n", " und \n", " e\n"):
        texts.append(f"the Minister for Home Affairs, Migration{end}Jane Doe")
        texts.append(f"consejero de Turismo, Patrimonio{end}Deporte")
    checked = found = 0
    for text in texts:
        for at in range(len(text) + 1):
            if at and text[at - 1] not in " \n,d":
                continue  # every position after a space, a newline, a comma or a "d" (of "and", "und")
            got = words.portfolio_list_before(text, at)
            assert (None if got is None else (got.start(), got.end(), got.group("coordinated"))) == ungated(
                text, at
            ), (text, at)
            checked += 1
            found += got is not None
    assert checked > 10000 and found > 5
