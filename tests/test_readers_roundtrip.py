"""Round trips: our own HTML and DOCX of a text, and pandoc's, read back into the text's model.

The comparison is the one ``check-sample`` makes (headline kind and words,
subtitle, dateline, headings, block types and text, quote speakers), so
"0 differences" here means what it means there.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pressconv import api
from pressconv.cli import main
from pressconv.model import Document, ListBlock, Quote
from pressconv.serialize import to_dict

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
EXPECTED = json.loads((FIXTURES / "pentagon-briefing.expected.json").read_text(encoding="utf-8"))
needs_pandoc = pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def differences(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """check-sample's comparison of two parses as JSON dicts: one line per difference."""
    problems: list[str] = []
    if bool(got["headline_derived"]) != bool(expected["headline_derived"]):
        problems.append(f"headline_derived: {got['headline_derived']!r}")
    if not expected["headline_derived"] and _norm(got["headline"]) != _norm(expected["headline"]):
        problems.append(f"headline: {got['headline']!r}")
    for key in ("subtitle", "dateline"):
        if _norm(got.get(key)) != _norm(expected.get(key)):
            problems.append(f"{key}: {got.get(key)!r}")

    def flat(doc: dict[str, Any]) -> tuple[list[str], list[tuple[str, str, str | None]]]:
        heads = [_norm(s["heading"]) for s in doc["sections"] if s.get("heading")]
        blocks = []
        for section in doc["sections"]:
            for block in section["blocks"]:
                text = block.get("text") if "items" not in block else "\n".join(block["items"])
                blocks.append((block["type"], _norm(text), block.get("speaker")))
        return heads, blocks

    got_heads, got_blocks = flat(got)
    exp_heads, exp_blocks = flat(expected)
    if got_heads != exp_heads:
        problems.append(f"headings: {got_heads}")
    if got_blocks != exp_blocks:
        for a, b in zip(got_blocks, exp_blocks, strict=False):
            if a != b:
                problems.append(f"block: got {a!r:.90}, expected {b!r:.90}")
        if len(got_blocks) != len(exp_blocks):
            problems.append(f"blocks: {len(got_blocks)} instead of {len(exp_blocks)}")
    return problems


def model(document: Document) -> dict[str, Any]:
    """Everything a round trip must keep: structure, words, speakers and the press furniture."""
    meta = document.metadata
    return {
        "headline": document.headline,
        "derived": document.headline_derived,
        "subtitle": document.subtitle,
        "dateline": document.dateline,
        "title": document.title,
        "byline": meta.byline,
        "date": meta.date,
        "language": meta.language,
        "keywords": meta.keywords,
        "release": meta.release,
        "contacts": meta.contacts,
        "end_mark": meta.end_mark,
        "sections": [
            (
                s.heading,
                s.role,
                [
                    (
                        type(b).__name__,
                        b.items if isinstance(b, ListBlock) else b.text,
                        (b.speaker, b.attribution) if isinstance(b, Quote) else None,
                    )
                    for b in s.blocks
                ],
            )
            for s in document.sections
        ],
    }


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_our_output_of_the_sample_reads_back_as_the_expected_parse(
    fmt: str, sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"sample.{fmt}"
    api.convert(sample_path, fmt, out)
    assert differences(to_dict(api.parse(out)), EXPECTED) == []


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_parse_json_cli_on_our_output_reproduces_the_sample(
    fmt: str, sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"sample.{fmt}"
    assert main([f"to-{fmt}", str(sample_path), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["parse", "--json", str(out)]) == 0
    assert differences(json.loads(capsys.readouterr().out), EXPECTED) == []


@pytest.mark.parametrize("name", ["release.txt", "front-matter.txt"])
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_furniture_lists_and_boilerplate_survive_our_round_trip(name: str, fmt: str, tmp_path: Path) -> None:
    source = FIXTURES / name
    out = tmp_path / f"release.{fmt}"
    api.convert(source, fmt, out)
    original = model(api.parse(source))
    assert model(api.parse(out)) == original
    # The fixture has something of every kind, so the comparison above means something.
    if name == "release.txt":
        assert original["release"] and original["contacts"] and original["end_mark"] and original["subtitle"]
        kinds = {kind for _, _, blocks in original["sections"] for kind, _, _ in blocks}
        assert kinds == {"Paragraph", "Quote", "ListBlock"}
        assert [role for _, role, _ in original["sections"]] == ["body", "body", "boilerplate"]


def test_the_sample_as_markdown_reads_as_the_expected_parse(sample_text: str, tmp_path: Path) -> None:
    markdown = _as_markdown(sample_text)
    path = tmp_path / "sample.md"
    path.write_text(markdown, encoding="utf-8")
    assert differences(to_dict(api.parse(path)), EXPECTED) == []


def _as_markdown(text: str) -> str:
    headings = [s["heading"] for s in EXPECTED["sections"] if s["heading"]]
    lines = text.split("\n")
    return "\n".join(f"## {line.strip()}" if line.strip() in headings else line for line in lines)


@needs_pandoc
@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("marked", [False, True], ids=["from-text", "from-markdown"])
def test_pandoc_output_of_the_sample_reads_as_the_expected_parse(
    fmt: str, marked: bool, sample_text: str, tmp_path: Path
) -> None:
    source = tmp_path / "sample.md"
    source.write_text(_as_markdown(sample_text) if marked else sample_text, encoding="utf-8")
    out = tmp_path / f"pandoc.{fmt}"
    # No title: pandoc's page <title> falls back to the file name, which must not become the headline.
    subprocess.run(
        ["pandoc", "-f", "markdown", "-s", str(source), "-o", str(out)], check=True, capture_output=True
    )
    got = to_dict(api.parse(out))
    assert differences(got, EXPECTED) == []


@needs_pandoc
@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_pandoc_title_block_is_the_headline(fmt: str, sample_text: str, tmp_path: Path) -> None:
    source = tmp_path / "sample.md"
    matter = "---\ntitle: Pentagon Warns Over North Korean Troops\n---\n\n"
    source.write_text(matter + _as_markdown(sample_text), encoding="utf-8")
    out = tmp_path / f"pandoc.{fmt}"
    subprocess.run(["pandoc", "-f", "markdown", "-s", str(source), "-o", str(out)], check=True)
    got = to_dict(api.parse(out))
    assert got["headline"] == "Pentagon Warns Over North Korean Troops"
    assert not got["headline_derived"]
    expected = dict(EXPECTED, headline=got["headline"], headline_derived=False)
    assert differences(got, expected) == []


@pytest.mark.parametrize(
    ("source", "command", "magic"),
    [
        ("release.docx", "to-pdf", b"%PDF-"),
        ("page.html", "to-epub", b"PK"),
        ("notes.md", "to-docx", b"PK"),
    ],
)
def test_cli_converts_every_input_format(source: str, command: str, magic: bytes, tmp_path: Path) -> None:
    release = FIXTURES / "release.txt"
    path = tmp_path / source
    if source.endswith(".docx"):
        api.convert(release, "docx", path)
    elif source.endswith(".html"):
        path.write_bytes((FIXTURES / "news-page.html").read_bytes())
    else:
        path.write_bytes((FIXTURES / "notes.md").read_bytes())
    out = tmp_path / ("out" + {"to-pdf": ".pdf", "to-epub": ".epub", "to-docx": ".docx"}[command])
    assert main([command, str(path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    # The words came through the reader, not a fallback to plain text of the markup.
    document = api.parse(path)
    assert "<" not in " ".join(b.text for b in document.blocks() if not isinstance(b, ListBlock))
