"""Every fixture text and every source/ file -> every format -> every word back out, in order, validated.

Writers land one by one: a format whose writer module does not exist yet is
skipped with the reason, and covered as soon as the module appears.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from fidelity import (
    FORMATS,
    STRUCTURE_EXTRACTORS,
    check_fidelity,
    check_structure,
    extract_words,
    model_words,
    writer_available,
)
from pressconv import api
from pressconv.errors import Notes, PressconvError
from pressconv.model import Document, Paragraph, Section
from pressconv.options import WriteOptions
from validators import validate

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted({*ROOT.glob("tests/fixtures/**/*.txt"), *(p for p in ROOT.glob("source/**/*") if p.is_file())})


#: Model v3 content a writer does not render yet, by format: (does the document have it, why).  An
#: output missing only that is an expected failure with the reason printed; remove the entry when the
#: writer renders it (the test then fails loudly if the words are still missing).
KNOWN_GAPS: dict[str, tuple[Callable[[Document], bool], str]] = {}


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _need(fmt: str) -> None:
    if not writer_available(fmt):
        pytest.skip(f"writer pressconv.writers.{fmt} does not exist yet")


_EXPECTED = re.compile(rb"^-{3,} expected -{3,}\s*$", re.MULTILINE)


@cache
def _document(path: Path) -> Document | str:
    """The fixture's Document; a reader fixture's input is the part above ``---- expected ----``."""
    data = path.read_bytes()
    found = _EXPECTED.search(data)
    try:
        return api.parse(data[: found.start()] if found else data, notes=Notes())  # warnings: not this test
    except PressconvError as err:
        return str(err)


@cache
def _output(path: Path, fmt: str) -> bytes:
    doc = _document(path)
    assert isinstance(doc, Document)
    return api.render([doc], fmt, WriteOptions(), Notes())


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fidelity")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", TEXTS, ids=_id)
def test_every_word_in_order(path: Path, fmt: str, outdir: Path) -> None:
    _need(fmt)
    doc = _document(path)
    if isinstance(doc, str):
        pytest.skip(f"fixture is deliberately bad input: {doc}")
    data = _output(path, fmt)
    try:
        check_fidelity(doc, fmt, data)
    except AssertionError:
        gap = KNOWN_GAPS.get(fmt)
        if gap is not None and gap[0](doc):
            pytest.xfail(gap[1])  # printed; passes as soon as the writer renders it
        raise
    if fmt in STRUCTURE_EXTRACTORS:
        check_structure(doc, fmt, data)  # link targets, alt text, cells and notes, in order
    target = outdir / fmt / (_id(path).replace("/", "__") + "." + fmt)
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_fixture_outputs_validate(fmt: str, outdir: Path) -> None:
    """Every output passes its format's validator (one batch per format).

    EPUBCheck costs a JVM start per book, so the fixtures go into one collected volume (the same
    content documents, one package) and only the source/ files are checked as single books.
    """
    _need(fmt)
    folder = outdir / f"validate-{fmt}"
    folder.mkdir(exist_ok=True)
    docs = {path: doc for path in TEXTS if isinstance(doc := _document(path), Document)}
    files = []
    for path in docs:
        if fmt == "epub" and not path.is_relative_to(ROOT / "source"):
            continue
        target = folder / (_id(path).replace("/", "__") + "." + fmt)
        target.write_bytes(_output(path, fmt))
        files.append(target)
    if fmt == "epub":
        volume = folder / "fixtures-volume.epub"
        volume.write_bytes(
            api.render(list(docs.values()), "epub", WriteOptions(volume_title="Fixtures"), Notes())
        )
        files.append(volume)
    assert files, "no fixture produced an output"
    assert validate(fmt, files) == []


# --- the harness itself must be able to fail ---------------------------------------------------------

_DOC = Document(
    headline="Council opens new library",
    sections=(
        Section(None, (Paragraph("The “Riverside” library opens today, said Mayor Ana Díaz."),)),
        Section("Opening hours", (Paragraph("Doors open at nine — every day."),)),
    ),
)


def _tamper(doc: Document, section: int, text: str) -> Document:
    sections = list(doc.sections)
    sections[section] = dataclasses.replace(sections[section], blocks=(Paragraph(text),))
    return dataclasses.replace(doc, sections=tuple(sections))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "tampered",
    [
        pytest.param("The “Riverside” library opens today, said Mayor Díaz.", id="word-missing"),
        pytest.param('The "Riverside" library opens today, said Mayor Ana Díaz.', id="quote-altered"),
        pytest.param("The “Riverside” library today opens, said Mayor Ana Díaz.", id="reordered"),
        pytest.param("The “Riverside” library opens today, said Mayor Ana Díaz. Free.", id="word-invented"),
        pytest.param("The “Riverside” library opens today, said Mayor Ana Di\u0301az.", id="nfd-is-same"),
    ],
)
def test_harness_catches_a_changed_word(fmt: str, tampered: str) -> None:
    _need(fmt)
    data = api.render([_tamper(_DOC, 0, tampered)], fmt, WriteOptions(), Notes())
    if tampered.endswith("Di\u0301az."):
        check_fidelity(_DOC, fmt, data)  # NFC-normalised on both sides: the same word
        return
    with pytest.raises(AssertionError, match="model words found in order"):
        check_fidelity(_DOC, fmt, data)


@pytest.mark.parametrize("fmt", FORMATS)
def test_extracted_words_are_the_model_words(fmt: str) -> None:
    _need(fmt)
    data = api.render([_DOC], fmt, WriteOptions(), Notes())
    assert check_fidelity(_DOC, fmt, data).matched == len(model_words(_DOC))
    assert "“Riverside”" in extract_words(fmt, data)


_FURNISHED = """FOR IMMEDIATE RELEASE

Council opens new library

By Jane Doe, City Reporter

LONDON, Oct. 28, 2024 — The council opened the new library today. It has many books.

Media contact:
Ann Smith
press@example.org

###
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_press_furniture_is_shown(fmt: str) -> None:
    """Release notice, byline, contacts and end mark go to metadata, and every writer shows them."""
    _need(fmt)
    doc = api.parse(_FURNISHED)
    assert doc.metadata.byline and doc.metadata.release and doc.metadata.contacts and doc.metadata.end_mark
    check_fidelity(doc, fmt, api.render([doc], fmt, WriteOptions(), Notes()))
