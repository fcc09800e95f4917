"""Dialogue dashes (issue #15): direct speech opened by a dash, not by quotation marks, is quoted."""

from __future__ import annotations

import pytest

from pressconv.errors import Notes
from pressconv.model import Paragraph, Quote
from pressconv.readers.dialogue import dialogue_spans
from pressconv.readers.text import read_text


@pytest.mark.parametrize(
    ("text", "speech", "between"),
    [
        (
            "– Bussen går varje kvart från i morgon, säger Lars Holmqvist, trafikchef.",
            ["– Bussen går varje kvart från i morgon"],
            [", säger Lars Holmqvist, trafikchef."],
        ),
        (
            "– Szkoła będzie gotowa we wrześniu – mówi dyrektor Ewa Zając. – Uczniowie już czekają.",
            ["– Szkoła będzie gotowa we wrześniu", "– Uczniowie już czekają."],
            [" – mówi dyrektor Ewa Zając. "],
        ),
        (
            "—Abriremos el mercado cada domingo —dijo la concejala—. Habrá puestos para todos.",
            ["—Abriremos el mercado cada domingo —", "—. Habrá puestos para todos."],
            ["dijo la concejala"],
        ),
    ],
)
def test_speech_runs_from_the_dash_to_its_attribution(
    text: str, speech: list[str], between: list[str]
) -> None:
    spans = dialogue_spans(text)
    assert [text[a:b] for a, b in spans] == speech
    assert [text[spans[k][1] : spans[k + 1][0]] for k in range(len(spans) - 1)] == between[: len(spans) - 1]
    if len(spans) == 1:
        assert text[spans[0][1] :] == between[0]


@pytest.mark.parametrize(
    "text",
    [
        "– 12 new charging points at the station",  # a list item
        "– The Honourable Jane Doe, Minister of Transport",  # a sign-off under a quote
        "– Open daily, except Sundays and holidays",  # a comma, but no speech verb after it
        "Tickets – said to be selling fast – cost €12.",  # no dash at the start
    ],
)
def test_a_dash_without_speech_is_not_dialogue(text: str) -> None:
    assert dialogue_spans(text) == ()


def test_consecutive_dialogue_paragraphs_are_quotes_not_a_list() -> None:
    text = (
        "Badet öppnar igen\n\n"
        "Stadsbadet öppnar igen på måndag efter renoveringen.\n\n"
        "– Vi har bytt alla rör och gjort om omklädningsrummen, säger Karin Ström-Berg, badchef.\n\n"
        "– Nu hoppas vi att alla skolklasser kommer tillbaka, säger Karin Ström-Berg.\n"
    )
    blocks = read_text(text, notes=Notes()).blocks()
    quotes = [block for block in blocks if isinstance(block, Quote)]
    assert [quote.speaker for quote in quotes] == ["Karin Ström-Berg", "Karin Ström-Berg"]
    assert all(isinstance(block, Paragraph | Quote) for block in blocks)
