"""path_marks: breadcrumbs are chrome; a headline opening with "Home" or holding « … » is not."""

from __future__ import annotations

import pytest

from pressconv.readers.rules.headline_guards import path_marks


@pytest.mark.parametrize(
    "line",
    [
        "Home › News › Press releases",
        "Accueil > Actualités",
        "Home",
        # a path pasted from a page whose separators were images: the labels run together
        "Home Environment Flooding and coastal change",
        "Home Transport Roads and bridges",
        "Inicio Prensa Notas de prensa",
        "Startseite Presse Pressemitteilungen",
    ],
)
def test_a_path_is_breadcrumbs(line: str) -> None:
    assert path_marks(line)


@pytest.mark.parametrize(
    "line",
    [
        "La Ville ouvre six nouvelles « rues aux écoles » à la rentrée",
        "Home sales rise for a third month",
        "Home Office announces new visa rules",
        "Home Office statement on border checks",
        "Home care visits to double in rural districts",
        "Inicio de las obras del tranvía",
        "Accueil des réfugiés : la ville ouvre un centre",
    ],
)
def test_a_headline_opening_with_the_word_is_not(line: str) -> None:
    assert not path_marks(line)
