"""A seed and a count -> that many varied, realistic synthetic press releases, the same text every time.

Each release mixes the furniture a press office uses (FOR IMMEDIATE RELEASE or
an embargo line, a headline and often a dek, a dateline, quotes with speakers
and their titles, headings, bulleted and numbered lists, an "About …" section,
a media contact block and an end mark), drawn from ``random.Random(seed + i)``
so release ``i`` never depends on how many others were asked for.

Run ``python bench/synth.py N OUTDIR`` to write ``OUTDIR/release-0000.txt`` …
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

_ORGS = (
    ("Acme Corp.", "industrial sensors"),
    ("Brightline Software", "workflow tools"),
    ("Northwind Health Trust", "community clinics"),
    ("Harbor City Council", "public services"),
    ("Green Valley Water", "drinking water"),
    ("Meridian Aerospace", "satellite components"),
    ("Open Fields Foundation", "rural education"),
    ("Polar Logistics", "cold-chain freight"),
)
_PLACES = ("LONDON", "WASHINGTON", "SAN FRANCISCO", "BERLIN", "NAIROBI", "TORONTO", "SYDNEY", "AUSTIN, Texas")
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_FIRST = ("Jane", "Tom", "Priya", "Ahmed", "Maria", "Chen", "Olusegun", "Ingrid", "Carlos", "Aiko")
_LAST = ("Smith", "Baker", "Natarajan", "Haddad", "Rossi", "Wei", "Adeyemi", "Larsen", "Mendez", "Tanaka")
_TITLES = (
    "chief executive officer",
    "director of operations",
    "head of research",
    "chair of the board",
    "chief financial officer",
    "programme manager",
)
_VERBS = ("said", "added", "explained", "noted", "stated")
_NOUNS = ("facility", "programme", "partnership", "service", "platform", "network", "initiative", "grant")
_ACTIONS = ("opens", "launches", "expands", "announces", "completes", "reports", "unveils", "secures")
_SENTENCES = (
    "The {noun} will serve more than {n:,} people in its first year.",
    "Work on the {noun} began in {month} after two years of planning with local partners.",
    "Independent reviewers found that the {noun} met every milestone set for it.",
    "The organisation expects to hire {n} staff over the next three years.",
    "Funding comes from a mix of private investment and public grants worth ${n} million.",
    "Residents can read the full report and comment on it until the end of {month}.",
    "The {noun} builds on a pilot that ran in three regions last year.",
    "Further details, including a timeline, will be published in {month}.",
)
_QUOTES = (
    "This {noun} is the result of years of patient work by our teams and our partners",
    "We built the {noun} because the people we serve asked us for it",
    "Nothing about this was easy, but the results speak for themselves",
    "We intend to grow here for decades, and this is only the beginning",
    "Every part of the {noun} was designed with the people who use it",
)
_HEADINGS = ("Background", "What happens next", "Key figures", "How it works", "Funding", "Timeline")
_ITEMS = (
    "Test every unit before it leaves the site.",
    "Publish progress reports each quarter.",
    "Train {n} local staff in the first year.",
    "Open a help line for residents.",
    "Share the data under an open licence.",
    "Review the {noun} after twelve months.",
)


def _sentence(rng: random.Random) -> str:
    return rng.choice(_SENTENCES).format(
        noun=rng.choice(_NOUNS), n=rng.randrange(10, 5000), month=rng.choice(_FULL_MONTHS)
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _quote(rng: random.Random, speaker: tuple[str, str], first: bool, org: str) -> str:
    name, title = speaker
    text = rng.choice(_QUOTES).format(noun=rng.choice(_NOUNS))
    verb = rng.choice(_VERBS)
    if first:
        return f"“{text},” {verb} {name}, {title} of {org}. “{_sentence(rng)}”"
    surname = name.split()[-1]
    return f"“{text},” {surname} {verb}."


def _list(rng: random.Random) -> list[str]:
    items = rng.sample(_ITEMS, rng.randint(3, 5))
    numbered = rng.random() < 0.4
    out = []
    for n, item in enumerate(items, 1):
        line = item.format(n=rng.randrange(5, 200), noun=rng.choice(_NOUNS))
        out.append(f"{n}. {line}" if numbered else f"- {line}")
    return ["\n".join(out)]


def release(index: int, seed: int = 0) -> str:
    """Synthetic release number ``index``: plain text with the usual press furniture."""
    rng = random.Random(seed * 1_000_003 + index)
    org, trade = rng.choice(_ORGS)
    noun = rng.choice(_NOUNS)
    place = rng.choice(_PLACES)
    year = rng.choice((2023, 2024, 2025))
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    speakers = [
        (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_TITLES)) for _ in range(rng.randint(1, 3))
    ]
    blocks: list[str] = []
    if rng.random() < 0.7:
        blocks.append("FOR IMMEDIATE RELEASE")
    elif rng.random() < 0.5:
        blocks.append(f"EMBARGOED UNTIL {_MONTHS[month]} {day}, {year}, 09:00 GMT")
    blocks.append(f"{org} {rng.choice(_ACTIONS).title()} New {noun.title()} in {place.split(',')[0].title()}")
    if rng.random() < 0.6:
        blocks.append(f"The {noun} will employ {rng.randrange(20, 900)} people by {year + 2}")
    blocks.append(
        f"{place}, {_MONTHS[month]} {day}, {year} — {org}, a provider of {trade}, today "
        f"announced a new {noun}. {_paragraph(rng)}"
    )
    quoted: set[str] = set()
    for section in range(rng.randint(1, 4)):
        if section:
            blocks.append(rng.choice(_HEADINGS))
        for _ in range(rng.randint(1, 4)):
            roll = rng.random()
            if roll < 0.35:
                speaker = rng.choice(speakers)
                blocks.append(_quote(rng, speaker, speaker[0] not in quoted, org))
                quoted.add(speaker[0])
            elif roll < 0.5:
                blocks.append("The plan has several parts:")
                blocks.extend(_list(rng))
            else:
                blocks.append(_paragraph(rng))
    blocks.append(f"About {org}")
    blocks.append(f"{org} works on {trade} in {rng.randint(2, 40)} countries. {_sentence(rng)}")
    contact = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    blocks.append(
        f"Media Contact:\n{contact}\n+44 20 7946 {rng.randrange(1000, 9999)}\n"
        f"press@{org.split()[0].lower().strip('.')}.example"
    )
    blocks.append(rng.choice(("###", "###", "-30-")))
    return "\n\n".join(blocks) + "\n"


def _run_of_sentences(rng: random.Random, size: int) -> str:
    """Sentences back to back, cut at a space to about ``size`` bytes (no paragraph break inside)."""
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(_sentence(rng))
        total += len(parts[-1].encode("utf-8")) + 1
    return " ".join(parts)


def long_blocks(quote: int, item: int, headline: int, seed: int = 0) -> tuple[str, str]:
    """(front matter, body) with one quote, one list item and a headline of about the sizes given, in bytes.

    The headline comes through the front matter's ``title``: the text rules take a long first line
    for body text, not a headline.  The body is a short opening, the quote as one paragraph with its
    attribution, and a two-item list whose first item is the long one (issue #21: W6's long blocks).
    """
    rng = random.Random(seed)
    title = _run_of_sentences(rng, headline).replace('"', "'")
    matter = f'---\ntitle: "{title}"\n---\n'
    body = "\n\n".join(
        [
            "The council published its long statement today.",
            f"“{_run_of_sentences(rng, quote)},” the mayor said.",
            "The plan has two parts:",
            f"- {_run_of_sentences(rng, item)}\n- A short second item",
        ]
    )
    return matter, body + "\n"


def releases(count: int, seed: int = 0) -> list[str]:
    """Releases ``0 .. count-1``."""
    return [release(i, seed) for i in range(count)]


def write_tree(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` releases as ``folder/release-NNNN.txt``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"release-{i:04d}.txt"
        path.write_text(release(i, seed), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/synth.py N OUTDIR")
    written = write_tree(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"wrote {len(written)} releases to {sys.argv[2]}")
