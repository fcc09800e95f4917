"""[tool.pressconv] in pyproject.toml: folders, formats, writer options, CLI overrides, key errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressconv import config
from pressconv.build import options_hash
from pressconv.cli import main
from pressconv.errors import PressconvError
from pressconv.options import WriteOptions


def setup(root: Path, table: str) -> None:
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.pressconv]\n{table}', encoding="utf-8"
    )


def source(path: Path, text: str = "Council opens library\n\nThe council opened it.\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return tmp_path


def test_defaults_without_a_table(root: Path) -> None:
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    found = config.load()
    assert (found.root, found.source, found.dist, found.formats, dict(found.options)) == (
        root,
        root / "source",
        root / "dist",
        (),
        {},
    )


def test_folders_and_formats_count_from_the_pyproject_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(root, 'source = "texts"\ndist = "public/out"\nformats = ["html"]\n')
    source(root / "texts/a.txt")
    (root / "docs").mkdir()
    monkeypatch.chdir(root / "docs")
    assert main(["build"]) == 0
    out, _ = capsys.readouterr()
    # Outside the working directory, the path is shown in full.
    assert out.startswith(f"wrote {root / 'public/out/a.html'}\n")
    assert sorted(p.name for p in (root / "public/out").iterdir()) == [".pressconv-manifest.json", "a.html"]


def test_writer_options_reach_the_writer_and_cli_flags_override_them(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(root, 'formats = ["html"]\nhtml_stylesheet = "https://example.org/from-config.css"\n')
    source(root / "source/a.txt")
    assert main(["build"]) == 0
    assert "from-config.css" in (root / "dist/a.html").read_text(encoding="utf-8")
    assert main(["build", "--stylesheet", "https://example.org/from-cli.css"]) == 0
    html = (root / "dist/a.html").read_text(encoding="utf-8")
    assert "from-cli.css" in html and "from-config.css" not in html
    capsys.readouterr()


def test_an_unknown_key_is_an_error_naming_it(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    setup(root, 'page_sise = "a4"\n')
    source(root / "source/a.txt")
    assert main(["build"]) == 2
    _, err = capsys.readouterr()
    assert err.startswith("pressconv: error: pyproject.toml: unknown key 'page_sise' in [tool.pressconv]")
    assert len(err.splitlines()) == 1
    assert not (root / "dist").exists()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('page_size = "a5"\n', "page_size must be one of 'letter', 'a4', not 'a5'"),
        ('pdf_tagged = "yes"\n', "pdf_tagged must be true or false, not 'yes'"),
        ("source_date_epoch = true\n", "source_date_epoch must be an integer, not True"),
        ('formats = "html, pdf"\nsource = 3\n', "source must be a folder name"),
        ("formats = [1]\n", "formats must be a list of format names"),
        ("[tool.pressconv.nested]\n", "unknown key 'nested'"),
    ],
)
def test_values_are_checked_against_the_option_types(root: Path, table: str, message: str) -> None:
    setup(root, table)
    with pytest.raises(PressconvError) as caught:
        config.load()
    assert message in str(caught.value)


def test_invalid_toml_is_an_error(root: Path) -> None:
    (root / "pyproject.toml").write_text("[tool.pressconv\n", encoding="utf-8")
    with pytest.raises(PressconvError, match="not valid TOML"):
        config.load()


def test_paths_in_options_count_from_the_pyproject_folder(root: Path) -> None:
    setup(root, 'docx_reference = "brand/house.docx"\npdf_font = "fonts/House.ttf"\npdf_tagged = false\n')
    (root / "fonts").mkdir()
    (root / "fonts/House.ttf").write_bytes(b"not really a font")
    (root / "sub").mkdir()
    found = config.load(root / "sub")
    assert found.options == {
        "docx_reference": root / "brand/house.docx",
        "pdf_font": str(root / "fonts/House.ttf"),
        "pdf_tagged": False,
    }


def test_an_unknown_format_in_the_table_fails_the_build(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup(root, 'formats = ["html", "odt"]\n')
    source(root / "source/a.txt")
    assert main(["build"]) == 2
    assert "unknown format 'odt'" in capsys.readouterr().err


def test_options_hash_follows_file_contents_not_paths(tmp_path: Path) -> None:
    one, two = tmp_path / "one/house.docx", tmp_path / "two/house.docx"
    for path in (one, two):
        path.parent.mkdir()
        path.write_bytes(b"PK same bytes")
    hash_one = options_hash(WriteOptions(docx_reference=one), "docx")
    assert hash_one == options_hash(WriteOptions(docx_reference=two), "docx")
    two.write_bytes(b"PK other bytes")
    assert hash_one != options_hash(WriteOptions(docx_reference=two), "docx")
    # The HTML writer does not read docx_* options, nor the page size (it declares neither).
    plain = options_hash(WriteOptions(), "html")
    assert options_hash(WriteOptions(docx_reference=two, page_size="a4"), "html") == plain
    assert options_hash(WriteOptions(page_size="a4"), "epub") == options_hash(WriteOptions(), "epub")
    assert options_hash(WriteOptions(page_size="a4"), "pdf") != options_hash(WriteOptions(), "pdf")
