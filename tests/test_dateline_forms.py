"""The dateline rule over the forms real copy uses, and over label lines that are not datelines.

Each case is the opening of a lede (our own words); ``find_dateline`` must return
the dateline exactly as written, or None for a label.
"""

from __future__ import annotations

import pytest

from pressconv.readers.rules.dateline import find_dateline

LEDE = "The city council approved the new budget on Tuesday after a long debate."

DATELINES = [
    "DALLAS –",
    "LOS ANGELES, April 28 —",
    "Washington, D.C. -",
    "(WASHINGTON)—",
    "LONDON, March 3, 2027 /PRNewswire/ --",
    "SEATTLE--(BUSINESS WIRE)--",
    "NEW DELHI, March 3 (PTI):",
    "BRUSSELS, 3 March 2027 -",
    "Paris, le 3 mars 2027 –",
    "BERLIN (dpa) –",
    "LONDON, 3 March 2027:",
    "Ottawa, Ontario - March 3, 2027 -",
    "NAIROBI, Kenya, 3 March 2027 --",
    "São Paulo, 3 de março de 2027 –",
    "Amsterdam, 3 maart 2027 –",
    "Roma, 3 marzo 2027 -",
    "Milano, 5 aprile 2030 –",
    "Den Haag, 12 januari 2028 -",
    "KUALA LUMPUR, 3 March (Bernama) --",
    "GENEVA (3 March 2027) –",
    "ST. LOUIS, Mo. –",
    "WINSTON-SALEM, N.C. —",
    "London, UK – 3 March 2027 –",
    "March 3, 2027 – Halifax, Nova Scotia –",
    "3 March 2027 – Wellington –",
    "MEXICO CITY (Reuters) -",
    "Hamburg, 3. März 2027 –",
    "MUMBAI:",
    # Catalan, Polish, Swedish, Norwegian, Finnish: month names per language, "d'", "den", "r."
    "Vilafranca del Riu, 9 de febrer de 2032.",
    "Girona, 9 d’abril de 2032.",
    "Kraków, 9 lutego 2032 r.",
    "Malmö, den 9 februari 2032 –",
    "Tromsø, 9. februar 2032 –",
    "Tampere, 9. helmikuuta 2032 –",
    # wire forms: a lone slash, a date after the credit, a credit before the date, abbreviated months
    "KELLSBRIDGE, Dec. 7, 2031 /",
    "SAN FRANCISCO--(BUSINESS WIRE)--Dec. 7, 2031--",
    "NEW YORK, NY / ACCESSWIRE / December 7, 2031 /",
    "(NewMediaWire) - July 17, 2031 - DALLAS -",
    "NEW YORK, Sept. 14, 2031 /PRNewswire/ --",
    "DENVER, Colo., Dec. 7, 2031 /PRNewswire/ --",
    "BOSTON, Dec. 7, 2031 (GLOBE NEWSWIRE) --",
    "TORONTO, Dec. 7, 2031 /CNW/ -",
    "PHOENIX, Ariz. (Dec. 7, 2031) –",
    # cities joined by a slash, numeric dates
    "BERLIN/PARIS –",
    "GENEVA/NEW YORK (3 March 2031) –",
    "Brussels, 3.3.2031 –",
    "Luxembourg, 03/03/2031 –",
]

LABELS = [
    "MODERATOR: Good morning.",
    "Q: What happens next?",
    "UPDATE: The road has reopened.",
    "EDITOR'S NOTE: This story has been corrected.",
    "WARNING: Heavy rain is expected.",
    "IMPORTANT: Bring photo identification.",
    "SPEAKER: Thank you all for coming.",
    "JUSTICES: Lady Arne (President), Lord Bex, Lady Coll",
    "SIGN-UPS OPEN: Children Can Register From Monday",
    "Meanwhile – the rain continued.",
    "Background: The plan was first proposed in 2020.",
    # a standalone date-time line and a preposition before a date open no dateline
    "Tuesday, 9 March 2032 - 10:00 CET",
    "Tuesday 9 March 2032, 10:00 CET - Canterbury",
    "Od 4 stycznia 2032 r. mieszkańcy mogą wrócić nocnym autobusem.",
    "From March 9, 2032 – every bus will stop at the new terminal.",
    # a slash in running text after a Title Case word, and a credit followed by no date
    "Harlow / Essex is twinned with a town in Norway.",
    "Either / or questions will not be asked.",
    "Input/output errors are logged – every one of them.",
    "Version 3.3.2031 of the software is out.",
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_a_dateline_is_found_as_written(dateline: str) -> None:
    assert find_dateline(f"{dateline} {LEDE}") == dateline


@pytest.mark.parametrize("text", LABELS)
def test_a_label_line_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None
