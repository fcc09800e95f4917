"""The headline rule over the top-of-page layouts real releases use (our own words).

Each case is the blocks above the lede; the headline must be the expected one,
whatever chrome (labels, codes, dates, contacts, captions, names) stands above it.
"""

from __future__ import annotations

import pytest

from pressconv.api import parse
from pressconv.errors import Notes
from pressconv.readers.rules.masthead_lines import organisation_line
from pressconv.readers.text import explain

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
    # a regulatory announcement's header stack: a legend in capitals, the company, its defined term
    (
        [
            "RNS Number : 1234A\nHarlow Cycle Holdings PLC\n03 March 2027",
            "THIS ANNOUNCEMENT CONTAINS INSIDE INFORMATION AS DEFINED IN ARTICLE 7 OF THE MARKET ABUSE "
            "REGULATION. ON PUBLICATION THIS INFORMATION IS NOW IN THE PUBLIC DOMAIN.",
            "Harlow Cycle Holdings plc",
            '("Harlow Cycle" or the "Company")',
            "Contract award for riverside cycle lanes",
        ],
        "Contract award for riverside cycle lanes",
    ),
    # public bodies named by plural nouns, and a media-relations label over the headline
    (
        ["Harlow Public Schools", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["HARLOW CITY SCHOOLS", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Harlow Parks & Recreation", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (
        ["Friends of the Earth Harlow", "County approves riverside cycle lanes"],
        "County approves riverside cycle lanes",
    ),
    (["Media Relations", "County approves riverside cycle lanes"], "County approves riverside cycle lanes"),
    # a site section named by plural nouns
    (
        ["Recalls & Product Safety Warnings", "County Recalls Faulty Cycle Lane Bollards"],
        "County Recalls Faulty Cycle Lane Bollards",
    ),
    # a Title Case headline hard-wrapped over two lines (a PDF paste) is one headline, not a headline and dek
    (
        ["County Approves Riverside Cycle\nLanes After Two Years of Debate"],
        "County Approves Riverside Cycle Lanes After Two Years of Debate",
    ),
    (
        ["Harlow Council Approves New Riverside\nCycle Lanes"],
        "Harlow Council Approves New Riverside Cycle Lanes",
    ),
    (["County Approves Budget\nRecord Spending on Schools and Roads"], "County Approves Budget"),
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


def test_a_one_line_lede_over_a_name_and_title_header_is_no_dek() -> None:
    # "Ada Mbeki – Cycling Officer" reads like "PLACE – Text", but it is a bio's header, not a dateline
    text = "\n\n".join(
        [
            "County approves riverside cycle lanes",
            LEDE,
            "Ada Mbeki – Cycling Officer",
            "Ada Mbeki has run the county's cycling programme since 2024.",
        ]
    )
    document = parse(text + "\n", notes=Notes())
    assert document.subtitle is None
    assert document.sections[0].blocks[0].text == LEDE


COVER_NOTES = [
    # a salutation, a line of text and a sign-off, then the sender's signature: no forward marker
    [
        "Hi Sam,",
        "Here's the release we talked about this morning - it goes out at noon.",
        "Best,\nJo",
        "Jo Bell | Press Officer\n+44 20 7946 0000",
    ],
    [
        "Dear colleagues,",
        "Please see below a release the county issued today.",
        "Kind regards",
        "Press Office",
    ],
    # a covering note of one block
    ["Dear editor, please find below our release for immediate use."],
    # a forwarded mail's subject line
    ["Fwd: County approves riverside cycle lanes"],
]


@pytest.mark.parametrize("note", COVER_NOTES, ids=[note[0][:20] for note in COVER_NOTES])
def test_a_covering_note_is_never_the_headline(note: list[str]) -> None:
    text = "\n\n".join(
        [*note, "County approves riverside cycle lanes", f"HARLOW, 3 March 2027 – {LEDE}", BODY]
    )
    document = parse(text + "\n", notes=Notes())
    assert document.headline == "County approves riverside cycle lanes"
    assert not document.headline_derived
    assert document.dateline == "HARLOW, 3 March 2027 –"
    assert not any(section.heading for section in document.sections)


def test_a_rebuttal_headline_opening_with_re_is_the_headline() -> None:
    headline = "RE: REPORTS ON DELAYED CYCLE LANE WORKS"
    document = parse("\n\n".join([headline, LEDE, BODY]) + "\n", notes=Notes())
    assert document.headline == headline


def test_a_live_update_label_under_the_headline_is_a_heading_not_the_dek() -> None:
    text = "\n\n".join(["County approves riverside cycle lanes", "Update – 6:15 p.m. Tuesday", LEDE, BODY])
    document = parse(text + "\n", notes=Notes())
    assert document.subtitle is None
    assert document.sections[-1].heading == "Update – 6:15 p.m. Tuesday"


def test_a_dateline_set_apart_from_its_lede_is_the_dateline_not_a_dek_or_heading() -> None:
    text = "\n\n".join(["County approves riverside cycle lanes", "HARLOW, England —", LEDE, BODY])
    document = parse(text + "\n", notes=Notes())
    assert document.headline == "County approves riverside cycle lanes"
    assert document.subtitle is None
    assert document.dateline == "HARLOW, England —"
    assert not any(section.heading for section in document.sections)
    assert document.sections[0].blocks[0].text == "HARLOW, England —"  # its words stay in the text


# Organisation and unit names, and a site's section of releases, above the real headline (#15).
ORGANISATION_TOPS: list[tuple[str, str, str | None]] = [
    (
        "Bundesministerium für Klimaschutz und Energie\n\n"
        "Ministerin Carla Weiß: Neue Förderung für Wärmepumpen in Mietshäusern startet im März\n\n"
        "Bonn, 4. Februar 2031 – Das Ministerium fördert ab März den Einbau von Wärmepumpen in "
        "Mietshäusern mit weiteren 400 Millionen Euro. Anträge werden online gestellt.\n\n"
        "Die Förderung gilt bis Ende 2033.\n",
        "Ministerin Carla Weiß: Neue Förderung für Wärmepumpen in Mietshäusern startet im März",
        None,
    ),
    (
        "Governo do Estado\nSecretaria de Comunicação\n\nNotícias > Saúde\n\n"
        "Estado abre 12 novas unidades de pronto atendimento no interior\n\n"
        "As unidades atenderão cerca de 300 mil moradores de 40 municípios\n\n"
        "O Governo do Estado inaugurou nesta segunda-feira doze novas unidades de pronto atendimento "
        "em cidades do interior. O investimento total foi de R$ 90 milhões.\n\n"
        "As unidades funcionarão 24 horas por dia.\n",
        "Estado abre 12 novas unidades de pronto atendimento no interior",
        "As unidades atenderão cerca de 300 mil moradores de 40 municípios",
    ),
    (
        "CITY OF ALDERBROOK PUBLIC LIBRARY\nCommunications & Community Engagement\n\nMEDIA ADVISORY\n\n"
        "Library Opens Late-Night Study Hall for Exam Season\n\nMay 3, 2031\n\n"
        "ALDERBROOK, Ore. — The Alderbrook Public Library will keep its central branch open until "
        "midnight from May 10 to May 24 so students can study for final exams, the library said today.\n\n"
        "Coffee will be free.\n",
        "Library Opens Late-Night Study Hall for Exam Season",
        None,
    ),
    (
        "News Releases from Region 09\n\nAgency Settles With Shipyard Over Stormwater Discharges\n\n"
        "SAN PEDRO, Calif. (June 2, 2031) — The regional office reached a settlement with a shipyard "
        "that released polluted stormwater into the harbour on at least 30 days last year.\n\n"
        "The shipyard will pay a penalty of $210,000.\n",
        "Agency Settles With Shipyard Over Stormwater Discharges",
        None,
    ),
    (
        "Press releases | Ministerio de Transportes\n\nSecretaría de Estado de Movilidad\n\n"
        'El ministro Raúl Vidal: "El tren llegará a todas las capitales de provincia en 2035"\n\n'
        "Madrid, 8 de marzo de 2031. El Ministerio de Transportes ha presentado hoy el plan que unirá "
        "por tren todas las capitales de provincia antes de 2035.\n\n"
        "El plan incluye 1.200 kilómetros de vía nueva.\n",
        'El ministro Raúl Vidal: "El tren llegará a todas las capitales de provincia en 2035"',
        None,
    ),
    (
        "Ministero della Cultura\nUfficio Stampa\n\n"
        "Il ministro Bruno Ferri: più fondi per le biblioteche dei piccoli comuni\n\n"
        "Roma, 3 aprile 2031 – Il Ministero della Cultura destina 25 milioni di euro alle biblioteche "
        "dei comuni con meno di cinquemila abitanti.\n\n"
        "Le domande si presentano entro il 30 giugno.\n",
        "Il ministro Bruno Ferri: più fondi per le biblioteche dei piccoli comuni",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "headline", "subtitle"), ORGANISATION_TOPS, ids=[t[:24] for t, _h, _s in ORGANISATION_TOPS]
)
def test_an_organisation_or_unit_name_above_the_headline_is_chrome(
    text: str, headline: str, subtitle: str | None
) -> None:
    document = parse(text, notes=Notes())
    assert document.headline == headline
    assert document.subtitle == subtitle
    assert not document.headline_derived
    assert not any(section.heading for section in document.sections)


def test_explain_names_the_organisation_feature() -> None:
    _document, lines = explain(ORGANISATION_TOPS[0][0])
    assert any("an organisation or unit name" in line and "Bundesministerium" in line for line in lines)


@pytest.mark.parametrize(
    "headline",
    [
        "City Council Approves New Library Budget",
        "Ministry Is Hiring Teachers",
        "Department Names New Director",
    ],
)
def test_a_titled_headline_naming_an_institution_with_a_verb_is_still_the_headline(headline: str) -> None:
    document = parse("\n\n".join([headline, LEDE, BODY]) + "\n", notes=Notes())
    assert document.headline == headline


@pytest.mark.parametrize(
    ("line", "is_name"),
    [
        ("GOVERNO DO ESTADO DE SÃO PAULO", True),
        ("Alcaldía de Medellín", True),
        ("Bayerische Staatskanzlei", True),
        ("Ministero della Cultura", True),
        ("Public Affairs Division", True),
        ("Ufficio Stampa", True),
        ("Library Week", False),
        ("New Library for Old Town", False),
        ("Council Tax Support", False),
        ("Communications Strategy Review", False),
        ("Public Library Celebrates 100 Years", False),
    ],
)
def test_an_organisation_line_is_a_name_headed_by_its_institution_word(line: str, is_name: bool) -> None:
    assert organisation_line(line) is is_name


# A headline and the line right under it (no blank line): a dek that starts anew, or the headline's own wrap.
NEXT_LINE: list[tuple[str, str, str | None]] = [
    (
        "County approves riverside cycle lanes after two years of debate\n"
        "The three-mile route will link the station and the town centre",
        "County approves riverside cycle lanes after two years of debate",
        "The three-mile route will link the station and the town centre",
    ),
    (
        "Kreis beschließt Radwege entlang des Flusses\n"
        "Verkehrsausschuss gibt drei Millionen Euro für die Strecke frei",
        "Kreis beschließt Radwege entlang des Flusses",
        "Verkehrsausschuss gibt drei Millionen Euro für die Strecke frei",
    ),
    (
        "Le département adopte un plan de pistes cyclables\n"
        "La première section ouvrira au printemps le long de la rivière",
        "Le département adopte un plan de pistes cyclables",
        "La première section ouvrira au printemps le long de la rivière",
    ),
    (
        "County approves riverside cycle lanes after two years of debate\n"
        "£3 million scheme will link the station, the town centre and the marina",
        "County approves riverside cycle lanes after two years of debate",
        "£3 million scheme will link the station, the town centre and the marina",
    ),
    (
        "County approves riverside cycle lanes after\ntwo years of debate over the route",
        "County approves riverside cycle lanes after two years of debate over the route",
        None,
    ),
    (
        "County approves riverside cycle lanes along the\nHarlow Road towpath and the old quay",
        "County approves riverside cycle lanes along the Harlow Road towpath and the old quay",
        None,
    ),
    (
        "Kreis beschließt neue Radwege entlang des Flusses und baut\nBrücken für Fußgänger",
        "Kreis beschließt neue Radwege entlang des Flusses und baut Brücken für Fußgänger",
        None,
    ),
]


@pytest.mark.parametrize(("top", "headline", "dek"), NEXT_LINE)
def test_a_dek_on_the_next_line_is_no_wrap_of_the_headline(top: str, headline: str, dek: str | None) -> None:
    document = parse("\n\n".join([top, LEDE, BODY]) + "\n", notes=Notes())
    assert document.headline == headline
    assert document.subtitle == dek
    assert not document.headline_derived
