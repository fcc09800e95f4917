"""The headline rule over the top-of-page layouts real releases use (our own words).

Each case is the blocks above the lede; the headline must be the expected one,
whatever chrome (labels, codes, dates, contacts, captions, names) stands above it.
"""

from __future__ import annotations

import pytest

from pressconv.api import parse
from pressconv.errors import Notes

LEDE = (
    "The county will spend 3 million pounds on new cycle lanes along the river over the next two years, "
    "the transport committee agreed on Tuesday."
)
BODY = "Work on the first section will start in the spring and should be finished by the autumn."

CASES: list[tuple[list[str], str]] = [
    (
        ["Department for Transport", "Press release", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["News Release 6-Aug-2027", "COUNTY APPROVES RIVERSIDE CYCLE LANES"],
        "COUNTY APPROVES RIVERSIDE CYCLE LANES",
    ),
    (
        ["Daily Bulletin | Tuesday 3 March 2027", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (["SC/15882", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    (
        ["Media contact: Jo Bell, 01632 960 123", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Jo Bell\n01632 960 123", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Harlow, 3 March 2027", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["County approves riverside cycle lanes", "Three-mile route to link station and town centre"],
        "County approves riverside cycle lanes",
    ),
    (
        ["COUNTY APPROVES RIVERSIDE\nCYCLE LANES AFTER LONG DEBATE"],
        "COUNTY APPROVES RIVERSIDE CYCLE LANES AFTER LONG DEBATE",
    ),
    (
        ["County approves riverside cycle lanes after\ntwo years of debate over the route"],
        "County approves riverside cycle lanes after two years of debate over the route",
    ),
    (
        ["MEDIA ADVISORY: County leaders to open riverside cycle lane"],
        "MEDIA ADVISORY: County leaders to open riverside cycle lane",
    ),
    (
        ["Home / News / Transport", "Share this article", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["World news story", "UK and Norway agree cycle route funding"],
        "UK and Norway agree cycle route funding",
    ),
    (
        ["Harlow County Council", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["HARLOW COUNTY COUNCIL", "NEWS RELEASE", "COUNTY APPROVES RIVERSIDE CYCLE LANES"],
        "COUNTY APPROVES RIVERSIDE CYCLE LANES",
    ),
    (
        ["For immediate release", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Contact: press@harlow.example", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Statement by Councillor Ada Mbeki on the riverside cycle lanes"],
        "Statement by Councillor Ada Mbeki on the riverside cycle lanes",
    ),
    (["Ref: 2027/041", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    (
        ["Issued: 3 March 2027", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (["Transport", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    (
        ["Press Office of the County Council\nTel. 01632 960 000", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (["3 March 2027", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    (
        ["Cycling", "Transport news", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Councillor Ada Mbeki", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["PRESS RELEASE No. 41/2027", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Communiqué de presse", "Le département approuve des pistes cyclables le long de la rivière"],
        "Le département approuve des pistes cyclables le long de la rivière",
    ),
    (
        ["Pressemitteilung", "Landkreis beschließt neue Radwege am Fluss"],
        "Landkreis beschließt neue Radwege am Fluss",
    ),
    (
        ["Nota de prensa", "La Diputación aprueba nuevos carriles bici junto al río"],
        "La Diputación aprueba nuevos carriles bici junto al río",
    ),
    (
        ["Published 3 March 2027", "From: Department for Transport", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (["Riverside cycle lanes approved"], "Riverside cycle lanes approved"),
    (["Update", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    (
        ["Posted on 3 March 2027 by Press Office", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Harlow County Council\nTransport and Highways", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (["UPDATED", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    (
        [
            "Photo: A cyclist on the river path (Harlow County Council)",
            "County approves riverside cycle lanes",
        ],
        "County approves riverside cycle lanes",
    ),
    # a site's name and its newsroom section, then a section label (issue #15, site chrome)
    (
        ["Harlow Airport Newsroom", "Network news", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Calder Rail Media Centre", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Harlow Water Newsroom - Press releases", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    # an ALL-CAPS union, federation or chamber masthead above the headline
    (
        [
            "UNITED TRANSPORT WORKERS UNION",
            "Press release – 3 March 2027",
            "Union welcomes riverside cycle lanes",
        ],
        "Union welcomes riverside cycle lanes",
    ),
    (
        ["NATIONAL CYCLING FEDERATION", "Club News", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["HARLOW & DISTRICT CHAMBER OF COMMERCE", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    # a masthead of name, section and document code (its first word looks like a dateline)
    (
        [
            "HARLOW COUNTY COUNCIL — Daily Bulletin — HCC/27/041",
            "TRANSPORT",
            "County approves riverside cycle lanes",
        ],
        "County approves riverside cycle lanes",
    ),
    # a two-word section label whose last word ends in -s is a label, not a headline with a verb
    (
        ["Harlow Sports", "National Teams", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
]


@pytest.mark.parametrize(("tops", "headline"), CASES, ids=[tops[0][:30] for tops, _ in CASES])
def test_the_headline_is_chosen_under_the_chrome(tops: list[str], headline: str) -> None:
    text = "\n\n".join([*tops, LEDE, BODY]) + "\n"
    document = parse(text, notes=Notes())
    assert document.headline == headline
    assert not document.headline_derived


def test_a_date_and_share_line_under_the_headline_is_no_dek() -> None:
    text = "\n\n".join(["County approves riverside cycle lanes", "3 March 2027 · Share", LEDE, BODY]) + "\n"
    document = parse(text, notes=Notes())
    assert document.headline == "County approves riverside cycle lanes"
    assert document.subtitle is None


@pytest.mark.parametrize("headline", ["Mayor Resigns", "Good News for Cyclists", "Cyclists Get Good News"])
def test_a_headline_ending_in_news_or_a_verb_is_still_the_headline(headline: str) -> None:
    document = parse("\n\n".join([headline, LEDE, BODY]) + "\n", notes=Notes())
    assert document.headline == headline
    assert not document.headline_derived
