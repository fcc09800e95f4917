"""Embargo lines in the languages SPEC covers: release notices with their date and time (SPEC §3)."""

from __future__ import annotations

import pytest

from pressconv.readers.dates import find_datetime
from pressconv.readers.press_furniture import is_release_line


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("EMBARGOED UNTIL 00:01 GMT, 3 March 2031", "2031-03-03T00:01"),
        ("EMBARGADA HASTA EL JUEVES 6 DE MARZO DE 2031 A LAS 17:00 HORAS", "2031-03-06T17:00"),
        ("Embargada hasta el 6 de marzo de 2031", "2031-03-06"),
        ("Bajo embargo hasta el 6 de marzo de 2031 a las 9:30", "2031-03-06T09:30"),
        ("SOUS EMBARGO JUSQU'AU MARDI 4 MARS 2031 À 10H00", "2031-03-04T10:00"),
        ("Sous embargo jusqu’au 4 mars 2031, 10 h 30", "2031-03-04T10:30"),
        ("Embargo : 4 mars 2031, 12h", "2031-03-04T12:00"),
        ("INFORMATIONS SOUS EMBARGO JUSQU'AU 4 MARS 2031", "2031-03-04"),
        ("SPERRFRIST: Dienstag, 4. März 2031, 11.30 Uhr", "2031-03-04T11:30"),
        ("Sperrfrist bis 4. März 2031, 00:01 Uhr", "2031-03-04T00:01"),
        ("EMBARGOED UNTIL 12.01am Tuesday 4 March 2031", "2031-03-04T00:01"),
    ],
)
def test_an_embargo_line_is_a_release_notice_with_its_time(line: str, when: str) -> None:
    assert is_release_line(line)
    assert find_datetime(line) == when


@pytest.mark.parametrize(
    "line",
    [
        "Embargo on grain exports lifted after talks",  # a headline about an embargo
        "El Gobierno levanta el embargo sobre el puerto",
        "La France lève l'embargo sur les armes",
    ],
)
def test_a_headline_about_an_embargo_is_not_a_notice(line: str) -> None:
    assert not is_release_line(line)


def test_six_hours_after_is_not_a_time() -> None:
    assert find_datetime("Embargoed until six hours after 4 March 2031, 6 hours ahead") == "2031-03-04"
