"""Every reader fixture in tests/fixtures/reader: input text -> the expected parse (format in its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressconv.errors import Notes
from pressconv.model import Document, ListBlock, Paragraph, Quote
from pressconv.quotesheet import quote_sheet
from pressconv.readers.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "reader"
SEPARATOR = "---- expected ----\n"
FILES = sorted(FIXTURES.glob("*.txt"))


def _load(path: Path) -> tuple[str, list[str]]:
    source, expected = path.read_text(encoding="utf-8").split(SEPARATOR, 1)
    return source, [line for line in expected.splitlines() if line.strip()]


def _none(value: str) -> str | None:
    return None if value == "-" else value


def _check_fact(document: Document, notes: Notes, key: str, value: str) -> None:
    meta = document.metadata
    simple = {
        "subtitle": document.subtitle,
        "dateline": document.dateline,
        "byline": meta.byline,
        "date": meta.date,
        "language": meta.language,
        "embargo": meta.embargo,
        "end_mark": meta.end_mark,
        "release": meta.release.replace("\n", " / ") if meta.release else None,
    }
    if key in ("headline", "headline~"):
        assert document.headline == value
        assert document.headline_derived is (key == "headline~")
    elif key in simple:
        assert simple[key] == _none(value), key
    elif key == "contact":
        assert value in [c.replace("\n", " / ") for c in meta.contacts], meta.contacts
    elif key == "quotation":
        who, _, start = value.partition(" | ")
        entries = [(item.speaker, q.quoted) for item in quote_sheet(document) for q in item.quotes]
        wanted = _none(who)
        assert any(speaker == wanted and quoted.startswith(start) for speaker, quoted in entries), entries
    elif key == "quotations":
        assert len([q for item in quote_sheet(document) for q in item.quotes]) == int(value)
    elif key == "warning":
        assert value in [w.code for w in notes.items]
    else:
        raise AssertionError(f"unknown fact {key!r}")


def _rendered(document: Document) -> list[str]:
    """The document's blocks and headings in the fixture notation (text in full)."""
    out: list[str] = []
    for section in document.sections:
        if section.heading is not None:
            role = "[boilerplate] " if section.role == "boilerplate" else ""
            out.append(f"# {role}{section.heading}")
        for block in section.blocks:
            match block:
                case Paragraph(text=text):
                    out.append(f"P: {text}")
                case Quote(text=text, speaker=speaker, speaker_title=title):
                    who = speaker or ""
                    out.append(f"Q({who} / {title}): {text}" if title else f"Q({who}): {text}")
                case ListBlock(ordered=ordered, items=items):
                    out.append(f"{'L1' if ordered else 'L'}: {' | '.join(items)}")
    editors = [note.text for note in document.notes if note.kind == "editors"]
    if editors:  # numbered notes to editors: Document.notes, under their heading as written
        out.append(f"# [notes] {document.notes_heading}")
        out.append(f"N: {' | '.join(editors)}")
    return out


def _matches(expected: str, got: str) -> bool:
    if expected.startswith(("#", "L", "N:")):
        return expected == got
    if expected.startswith("Q(") and got.startswith("Q("):
        exp_who, exp_text = expected[2:].split("): ", 1)
        got_who, got_text = got[2:].split("): ", 1)
        if " / " in exp_who:
            return exp_who == got_who and got_text.startswith(exp_text)
        return exp_who == got_who.split(" / ")[0] and got_text.startswith(exp_text)
    return expected[:3] == got[:3] and got[3:].startswith(expected[3:])


def test_there_are_at_least_thirty_fixtures() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture(path: Path) -> None:
    source, expected = _load(path)
    notes = Notes()
    document = read_text(source, notes=notes)
    facts = [line for line in expected if not line.startswith(("#", "P:", "Q(", "L:", "L1:", "N:"))]
    blocks = [line for line in expected if line not in facts]
    for fact in facts:
        key, value = fact.split(": ", 1) if ": " in fact else (fact.rstrip(":"), "")
        _check_fact(document, notes, key, value)
    got = _rendered(document)
    mismatch = [(exp, act) for exp, act in zip(blocks, got, strict=False) if not _matches(exp, act)]
    assert not mismatch and len(blocks) == len(got), "\n".join(got)
