"""Unquoted first-person text of a statement issued in someone's name is that person's (issue #15)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from pressconv import parse
from pressconv.errors import Notes
from pressconv.identifier import content_identifier
from pressconv.model import Paragraph, Quote
from pressconv.readers.text import read_text
from pressconv.serialize import dumps, loads

FIXTURE = Path(__file__).parent / "fixtures" / "statement_voice" / "council-leader.txt"


def _paragraphs(document_blocks: list[object]) -> list[Paragraph]:
    return [block for block in document_blocks if isinstance(block, Paragraph)]


def test_first_person_statement_text_belongs_to_the_issuer() -> None:
    document = parse(FIXTURE)
    by_opening = {block.text[:20]: block for block in _paragraphs(document.blocks())}
    we = next(text for text in by_opening if text.startswith("We have agreed"))
    assert by_opening[we].speaker == "Marguerite Osei-Bannerman"


def test_third_person_and_boilerplate_text_keeps_no_speaker() -> None:
    document = parse(FIXTURE)
    for block in _paragraphs(document.blocks()):
        if block.text.startswith(("The repairs", "Halverton Council serves", "HALVERTON")):
            assert block.speaker is None, block.text


def test_quotes_of_the_statement_keep_the_issuer() -> None:
    document = parse(FIXTURE)
    quotes = [block for block in document.blocks() if isinstance(block, Quote)]
    assert quotes and {quote.speaker for quote in quotes} == {"Marguerite Osei-Bannerman"}


def test_paragraph_speaker_round_trips_and_stays_out_of_the_identifier() -> None:
    document = parse(FIXTURE)
    again = loads(dumps(document))
    assert again.blocks() == document.blocks()
    data = json.loads(dumps(document))
    speakers = [b["speaker"] for s in data["sections"] for b in s["blocks"] if b["type"] == "paragraph"]
    assert "Marguerite Osei-Bannerman" in speakers
    # the identifier follows the words: the inferred paragraph speaker does not change it
    silent = replace(
        document,
        sections=tuple(
            replace(
                section,
                blocks=tuple(
                    replace(b, speaker=None) if isinstance(b, Paragraph) else b for b in section.blocks
                ),
            )
            for section in document.sections
        ),
    )
    assert content_identifier(silent) == content_identifier(document)


def test_an_office_in_the_headline_gives_way_to_the_person_named_below() -> None:
    """ "Statement by the Minister …", then "The Minister for …, Rt. Hon. X, issued the following …:"."""
    document = parse(FIXTURE.parent / "minister-named-below.txt")
    quotes = [block for block in document.blocks() if isinstance(block, Quote)]
    assert len(quotes) == 2 and {quote.speaker for quote in quotes} == {"Tomasz Eriksen-Obi"}
    speakers = {block.text[:16]: block.speaker for block in _paragraphs(document.blocks())}
    assert speakers["We will publish "] == "Tomasz Eriksen-Obi"
    assert speakers["The Ministry wil"] is None


def test_a_labelled_statement_is_the_voice_of_whoever_signs_it() -> None:
    """ "PRESS STATEMENT" at the top, first-person text, "Hon. Name / Cabinet Secretary, …" at the foot."""
    document = parse(FIXTURE.parent / "signed-at-the-foot.txt")
    quotes = [block for block in document.blocks() if isinstance(block, Quote)]
    assert [quote.speaker for quote in quotes] == ["Mercy Wanjala-Otieno"]
    speakers = {block.text[:10]: block.speaker for block in _paragraphs(document.blocks())}
    assert speakers["I wish to "] == "Mercy Wanjala-Otieno"
    assert speakers["We regret "] == "Mercy Wanjala-Otieno"


def test_a_closing_name_without_a_statement_label_signs_nothing() -> None:
    text = (FIXTURE.parent / "signed-at-the-foot.txt").read_text(encoding="utf-8")
    document = read_text(text.replace("PRESS STATEMENT\n\n", ""), notes=Notes())
    quotes = [block for block in document.blocks() if isinstance(block, Quote)]
    assert [quote.speaker for quote in quotes] == [None]
