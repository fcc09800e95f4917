"""The lede's dateline under a title block no rule took for the headline (a PDF's wrapped title and dek).

A title block ends in no period, so it is not the lede: the dateline rule looks
past it to the paragraph under it.  The text is our own words.
"""

from __future__ import annotations

from pressconv.errors import Notes
from pressconv.readers.text import read_text

TEXT = """\
VERDANCE SA
COMMUNIQUÉ DE PRESSE


Verdance ouvre à Givors une usine de recyclage de panneaux solaires
capable de traiter 20 000 tonnes par an
Le site emploiera 60 personnes et récupérera l'argent, le silicium et le verre des panneaux usagés

Lyon, le 2 mars 2032 – Verdance, spécialiste du recyclage industriel,
annonce l'ouverture d'une usine de recyclage de panneaux solaires à Givors,
au sud de Lyon, dont la mise en service est prévue à l'automne.

Le verre récupéré sera vendu aux verriers de la région.
"""


def test_the_dateline_is_read_under_a_title_block_left_as_text() -> None:
    document = read_text(TEXT, notes=Notes())
    assert document.dateline == "Lyon, le 2 mars 2032 –"
