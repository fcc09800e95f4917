"""ebooklib is a version pressconv was tested with, and ``entries`` hands back what its zip would hold."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from ebooklib import epub

from pressconv.compat import ebooklib as compat

ROOT = Path(__file__).resolve().parent.parent
_OPTIONS: dict[str, Any] = {"epub2_guide": False, "epub3_pages": False, "raise_exceptions": True}


def _book() -> Any:
    book = epub.EpubBook()
    book.set_identifier("urn:example:compat")
    book.set_title("Harbour ferry timetable changes")
    book.set_language("en")
    page = epub.EpubHtml(title="Ferries", file_name="ferries.xhtml", lang="en")
    page.content = "<h1>Ferries</h1><p>The early crossing moves to 6:40 from Monday – “for good”.</p>"
    book.add_item(page)
    book.add_item(epub.EpubItem("css", "style.css", "text/css", b"p { margin: 0 }"))
    book.add_item(epub.EpubNav())
    book.add_item(epub.EpubNcx())
    book.spine = ["nav", page]
    book.toc = [epub.Link("ferries.xhtml", "Ferries", "ferries")]
    return book


def test_installed_ebooklib_is_tested() -> None:
    problems = compat.probe()
    assert not problems, "\n".join(problems)


def test_entries_are_the_entries_of_the_zip_ebooklib_writes() -> None:
    raw = io.BytesIO()
    writer = epub.EpubWriter(raw, _book(), dict(_OPTIONS))
    writer.process()
    writer.write()
    with zipfile.ZipFile(raw) as archive:
        zipped = [(info.filename, archive.read(info)) for info in archive.infolist()]
    collected = compat.entries(_book(), dict(_OPTIONS))
    assert [name for name, _ in collected] == [name for name, _ in zipped]
    assert collected == zipped
    assert collected[0] == ("mimetype", b"application/epub+zip")


def test_probe_names_an_untested_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compat, "installed_version", lambda: "9.0")
    problems = compat.probe()
    assert len(problems) == 1
    assert "ebooklib 9.0 is not a version pressconv was tested with" in problems[0]


def test_probe_names_a_missing_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(epub.EpubWriter, "_write_opf")
    assert any("EpubWriter._write_opf is gone" in problem for problem in compat.probe())


def test_probe_names_a_write_that_does_more(monkeypatch: pytest.MonkeyPatch) -> None:
    def write(self: Any) -> None:
        self.out = zipfile.ZipFile(self.file_name, "w")
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()
        self._write_extra()
        self.out.close()

    monkeypatch.setattr(epub.EpubWriter, "write", write)
    assert any("no longer calls" in problem for problem in compat.probe())


def test_pyproject_bounds_ebooklib_around_the_tested_versions() -> None:
    found = re.search(
        r'"ebooklib>=([\d.]+),<([\d.]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    )
    assert found, "pyproject.toml must give ebooklib an upper bound"
    low, high = (tuple(int(n) for n in v.split(".")) for v in found.groups())
    for version in compat.TESTED_VERSIONS:
        assert low <= tuple(int(n) for n in version.split(".")) < high
