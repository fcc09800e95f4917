"""The reader's speed rewrites give the answers of the straightforward code they replaced.

Each test states the plain definition (as the reader computed it before) and checks the faster
form against it over texts built to sit on the edges the faster form depends on.
"""

from __future__ import annotations

import itertools

from pressconv.readers import quote_marks


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
