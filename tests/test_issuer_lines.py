"""Lines above a headline naming its sender or how it came (rules/issuer_lines), and near misses."""

from __future__ import annotations

import pytest

from pressconv.readers.rules.issuer_lines import (
    acronym_name,
    alert_chrome,
    dated_release_label,
    recurring_name,
)
from pressconv.readers.rules.stamps import exhibit_number


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Instituto para la conservación de los humedales del litoral (ICHL)", True),
        ("Northern Rivers Flood Observatory (NRFO)", True),
        ("United Nations Children's Fund (UNICEF)", True),  # a letter the initials lack is skipped
        ("Ministry of Health Opens Two Clinics (MOH)", False),  # capitalised words the acronym leaves out
        ("MINISTRY OF HEALTH OPENS CLINICS (MOH)", False),
        ("Report on Water Quality (2026)", False),
        ("Council will close the bridge (CWCB)", False),  # a verb
    ],
)
def test_acronym_name(line: str, expected: bool) -> None:
    assert acronym_name(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Communiqué de presse – 3 décembre 2031", True),
        ("3 décembre 2031 – Communiqué de presse", True),
        ("Nota de prensa – 14 de marzo de 2031", True),
        ("Pressemitteilung vom 2. Dezember 2031", True),
        ("Press Release No. 45/2031 – 3 March 2031", True),
        ("Communiqué – Lyon, le 3 décembre 2031", True),
        ("Council approves budget – 3 March 2031", False),
        ("Budget 2031 – 3 March 2031", False),
        ("Council – Lyon, le 3 décembre 2031", False),
        ("Press release on the budget, 3 March 2031", False),
    ],
)
def test_dated_release_label(line: str, expected: bool) -> None:
    assert dated_release_label(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Having trouble reading this release? View it online.", True),
        ("View this email in your browser", True),
        ("Click here to view online", True),
        ("Si vous ne visualisez pas correctement ce message, cliquez ici.", True),
        ("Falls diese E-Mail nicht richtig angezeigt wird, öffnen Sie sie im Browser.", True),
        ("Si no puede ver correctamente este correo, haga clic aquí.", True),
        ("Voir la version en ligne", True),
        ("Diese E-Mail im Browser ansehen", True),
        ("Play the classic game in your browser", False),
        ("Company launches online version of its catalogue", False),
        ("Streaming service launches a web version of its app", False),
        ("Missed the concert? See it online", False),
        ("The full report can be read online at the council's website.", False),
    ],
)
def test_alert_chrome(line: str, expected: bool) -> None:
    assert alert_chrome(line) is expected


def test_recurring_name_needs_the_name_repeated() -> None:
    title = "Calder Mills Coffee opens a barista school in Bradford"
    lede = "BRADFORD – Calder Mills Coffee will train forty baristas a year."
    assert recurring_name("Calder Mills Coffee", title, lede)
    assert not recurring_name("Calder Mills Coffee", title, "BRADFORD – A roaster will train baristas.")
    assert not recurring_name("Winter Lights", title, lede)  # not repeated
    assert not recurring_name("Calder Mills Coffee", "New school opens", lede)  # no longer title under it
    about = "About Ashcombe Ciders"
    assert recurring_name("Ashcombe Ciders", "Pressing hall approved after review", "", about)
    assert recurring_name(
        "Agence des Nations Unies pour la santé de l'enfant",
        "Trois millions d'enfants vaccinés en six mois",
        "Genève – selon l'Agence des Nations Unies pour la santé de l'enfant.",
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [("EXHIBIT 99.1", True), ("Exhibit 99", True), ("EX-99.1", True), ("Exhibit 99.1 shows the rise", False)],
)
def test_exhibit_number(line: str, expected: bool) -> None:
    assert exhibit_number(line) is expected
