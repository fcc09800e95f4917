"""The reader registry: suffixes, names, third-party readers from entry points, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from pressconv import api, readers
from pressconv.errors import PressconvError, UnknownFormatError


@pytest.fixture(autouse=True)
def fresh_registry() -> Iterator[None]:
    readers.REGISTRY.clear()
    yield None
    readers.REGISTRY.clear()


@pytest.mark.parametrize(
    ("suffix", "name"),
    [
        (".txt", "text"),
        (".TXT", "text"),
        (".md", "markdown"),
        (".markdown", "markdown"),
        (".html", "html"),
        (".htm", "html"),
        (".XHTML", "html"),
        (".docx", "docx"),
    ],
)
def test_builtin_suffixes(suffix: str, name: str) -> None:
    assert readers.for_suffix(suffix) == name


def test_builtins_never_query_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(**_: object) -> list[EntryPoint]:
        raise AssertionError("entry points queried for a built-in")

    monkeypatch.setattr("importlib.metadata.entry_points", boom)
    assert readers.for_suffix(".md") == "markdown"
    assert readers.get("html").read is not None
    assert readers.spec("docx").suffixes == (".docx",)


def _fake_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fake_rst_reader.py").write_text(
        "from pressconv.readers.text import read_text\n"
        "SUFFIXES = ('.rst',)\n"
        "def read(data, options, notes, source_path):\n"
        "    text = data.decode('utf-8').replace('====', '')\n"
        "    return read_text(text, options, notes, source_path=source_path)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))


def _entry_points(*points: tuple[str, str]) -> object:
    def fake(**kwargs: object) -> list[EntryPoint]:
        assert kwargs == {"group": "pressconv.readers"}
        return [EntryPoint(name, value, "pressconv.readers") for name, value in points]

    return fake


def test_third_party_reader_by_name_and_suffix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_reader(tmp_path, monkeypatch)
    monkeypatch.setattr(
        "importlib.metadata.entry_points",
        _entry_points(("html", "pressconv.readers.html"), ("rst", "fake_rst_reader")),
    )
    assert readers.names() == ["text", "markdown", "html", "docx", "rst"]
    assert readers.for_suffix(".rst") == "rst"
    assert ".rst" in readers.suffixes()
    source = tmp_path / "release.rst"
    source.write_text("A Headline Line\n====\n\nThe body of the release is here.\n", encoding="utf-8")
    assert api.parse(source).headline == "A Headline Line"


def test_entry_point_clashing_with_a_builtin_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_reader(tmp_path, monkeypatch)
    monkeypatch.setattr("importlib.metadata.entry_points", _entry_points(("html", "fake_rst_reader")))
    with pytest.raises(PressconvError, match="clashes with the built-in reader"):
        readers.get("rst")


def test_unknown_format_names_the_known_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("importlib.metadata.entry_points", _entry_points())
    with pytest.raises(UnknownFormatError, match="markdown, html, docx"):
        readers.get("odt")
    assert readers.for_suffix(".odt") == "text"  # unclaimed suffixes are read as plain text


def test_from_format_overrides_the_suffix(tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text("<h1>Markup Headline</h1><p>Body text of the page is here.</p>", encoding="utf-8")
    assert api.parse(source, from_format="html").headline == "Markup Headline"


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_reading_text_and_markdown_loads_no_html_or_docx_library(tmp_path: Path, sample_path: Path) -> None:
    heavy = {"bs4", "docx", "lxml", "markdown_it"}
    out = tmp_path / "x.html"
    args = ["to-html", str(sample_path), "-o", str(out)]
    to_html = f"from pressconv.cli import main\nassert main({args!r}) == 0"
    assert not _loaded_after(to_html) & heavy
    notes = tmp_path / "notes.md"
    notes.write_text("# Headline\n\nBody text here.\n", encoding="utf-8")
    assert not _loaded_after(f"import pressconv\npressconv.parse({str(notes)!r})") & {"bs4", "docx", "lxml"}


def test_a_third_party_reader_declares_its_own_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fake_rule_reader.py").write_text(
        "from pressconv.options import Option\n"
        "from pressconv.readers.text import read_text\n"
        "SUFFIXES = ('.rule',)\n"
        "OPTIONS = (Option('rule_marker', default='====', help='The underline of a headline.'),)\n"
        "def read(data, options, notes, source_path):\n"
        "    text = data.decode('utf-8').replace(options.extra['rule_marker'], '')\n"
        "    return read_text(text, options, notes, source_path=source_path)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("importlib.metadata.entry_points", _entry_points(("rule", "fake_rule_reader")))
    source = tmp_path / "release.rule"
    source.write_text("A Headline Line\n~~~~\n\nThe body of the release is here.\n", encoding="utf-8")
    assert "~~~~" in api.parse(source).headline + " ".join(b.text for b in api.parse(source).blocks())
    assert api.parse(source, rule_marker="~~~~").headline == "A Headline Line"
    with pytest.raises(PressconvError, match="rule_marker must be a string, not 4"):
        api.parse(source, rule_marker=4)
    with pytest.raises(PressconvError, match=r"unknown option 'rule_marker' for reading"):
        api.parse("Plain text.\n\nMore text here.\n", rule_marker="~~~~")
