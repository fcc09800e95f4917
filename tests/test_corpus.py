"""The development corpus (tests/corpus/): the team's scorer over every labelled text, held to floors.

Each text is parsed in this process (``pressconv.parse`` -> ``serialize.to_dict``)
into a temporary folder; ``tests/corpus_tools/score.py`` (standard library, the
team's scorer) scores that folder against the labels, and every OVERALL figure
must be at or above its floor in ``tests/corpus/floors.json``.  The README shows
the current figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pressconv import serialize
from pressconv.api import parse
from pressconv.errors import Notes

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"
TOOLS = TESTS / "corpus_tools"
FLOORS = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))
MIN_TEXTS = 80


@pytest.fixture(scope="module")
def overall(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    sys.path.insert(0, str(TOOLS))
    try:
        from assemble import assemble
    finally:
        sys.path.remove(str(TOOLS))
    corpus = assemble(tmp_path_factory.mktemp("corpus"))
    parsed = tmp_path_factory.mktemp("parsed")
    for text in sorted(corpus.glob("*.txt")):
        document = parse(text, notes=Notes())  # the warnings a text gives are not what this scores
        (parsed / f"{text.stem}.json").write_text(
            json.dumps(serialize.to_dict(document), ensure_ascii=False), encoding="utf-8"
        )
    report = parsed / "report.json"
    done = subprocess.run(
        [
            sys.executable,
            str(TOOLS / "score.py"),
            str(parsed),
            "--corpus",
            str(corpus),
            "--report",
            str(report),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert report.exists(), done.stderr
    result: dict[str, float] = json.loads(report.read_text(encoding="utf-8"))["overall"]
    return result


def test_the_corpus_is_large_enough() -> None:
    texts = sorted(CORPUS.glob("*.txt"))
    labels = sorted((CORPUS / "labels").glob("*.json"))
    assert len(texts) >= MIN_TEXTS, f"{len(texts)} corpus texts"
    assert [p.stem for p in texts] == [p.stem for p in labels]


@pytest.mark.parametrize("figure", sorted(k for k in FLOORS if not k.startswith("_")))
def test_overall_figure_is_at_or_above_its_floor(overall: dict[str, float], figure: str) -> None:
    assert overall["failed"] == 0
    assert overall[figure] >= FLOORS[figure], f"{figure} {overall[figure]:.3f} < floor {FLOORS[figure]}"
