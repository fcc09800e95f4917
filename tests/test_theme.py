"""Themes: loading a folder, a theme.toml or a [tool.pressconv.theme] table; refusing a bad one with one
line naming the file and the setting; ``pressconv theme init``; the build's staleness; the theme's
default contact block and boilerplate joining the model before any writer runs."""

from __future__ import annotations

import pickle
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from pressconv import api, theme
from pressconv.build import options_hash
from pressconv.cli import main
from pressconv.errors import PressconvError
from pressconv.model import Document, Metadata, Paragraph, Section
from pressconv.options import WriteOptions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "themes"
RELEASE = "Council opens library\n\nHARBOURTOWN — The council opened the new library on Monday.\n"


def _png(width: int = 2, height: int = 1) -> bytes:
    """A valid RGB PNG of the given size, all one colour, made with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x1f\x4e\x79" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG_1PX = _png()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "release.txt").write_text(RELEASE, encoding="utf-8")
    return tmp_path


def write_theme(folder: Path, text: str, logo: bytes | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theme.toml").write_text(text, encoding="utf-8")
    if logo is not None:
        (folder / "logo.png").write_bytes(logo)
    return folder


# --- loading ---------------------------------------------------------------------------------------


def test_the_written_out_default_is_the_built_in_default() -> None:
    loaded = theme.load(EXAMPLES / "default")
    assert loaded == theme.DEFAULT
    assert loaded.fingerprint() == theme.DEFAULT.fingerprint()
    assert loaded.source is not None and loaded.source.endswith("default/theme.toml")


def test_the_example_theme_loads_every_setting() -> None:
    loaded = theme.load(EXAMPLES / "harbour" / "theme.toml")  # the file works as well as its folder
    assert loaded == theme.load(EXAMPLES / "harbour")
    assert loaded.name == "harbour"
    assert loaded.organisation == "Harbour City Council"
    assert (loaded.primary, loaded.accent, loaded.ink) == ("#8c1c2c", "#d39b2a", "#262626")
    assert (loaded.body_font, loaded.body_family) == ("Noto Sans", "Noto Sans")
    assert (loaded.heading_font, loaded.heading_family) == ("Noto Serif", "Noto Serif")
    assert loaded.page_size == "a4" and loaded.margins_mm == (25.0, 22.0, 25.0, 22.0)
    assert loaded.letterhead is not None and loaded.letterhead.startswith("Harbour City Council")
    assert loaded.footer is not None and "{page}" in loaded.footer and "{pages}" in loaded.footer
    assert loaded.contact is not None and "press@harbour-city.example" in loaded.contact
    assert loaded.boilerplate is not None and loaded.show_speaker is True
    assert loaded.logo is not None
    assert loaded.logo.media_type == "image/svg+xml" and loaded.logo.filename == "logo.svg"
    assert loaded.logo.data == (EXAMPLES / "harbour" / "logo.svg").read_bytes()
    assert loaded.logo.alt.startswith("Harbour City Council logo")
    assert (EXAMPLES / "harbour" / "logo.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_theme_survives_pickling_for_worker_processes() -> None:
    loaded = theme.load(EXAMPLES / "harbour")
    again = pickle.loads(pickle.dumps(WriteOptions(theme=loaded)))
    assert theme.theme_of(again) == loaded and theme.theme_of(again).logo == loaded.logo


def test_a_png_logo_a_font_file_and_colours_in_any_case(here: Path) -> None:
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.is_file():
        pytest.skip(f"needs {font} (fonts-dejavu-core)")
    shutil.copy(font, here / "House.ttf")
    folder = write_theme(
        here / "t",
        'organisation = "Acme"\nlogo = "logo.png"\nprimary = "#AABBCC"\nbody_font = "../House.ttf"\n',
        PNG_1PX,
    )
    loaded = theme.load(folder)
    assert loaded.logo is not None and loaded.logo.media_type == "image/png"
    assert loaded.logo.alt == "Acme logo"  # named after the organisation when not given
    assert loaded.primary == "#aabbcc"
    assert loaded.body_font == str((here / "House.ttf").resolve()) and loaded.body_family == "DejaVu Sans"


def test_theme_of_without_a_theme_is_the_default() -> None:
    assert theme.theme_of(WriteOptions()) is theme.DEFAULT
    assert theme.theme_of({"theme": None}) is theme.DEFAULT


# --- refusals, through the command line ------------------------------------------------------------

REFUSALS = [
    ('primary = "#12345"\n', "primary: '#12345' is not a #rrggbb colour"),
    ('accent = "blue"\n', "accent: 'blue' is not a #rrggbb colour"),
    ('logo = "missing.svg"\n', "logo: 'missing.svg': no such file"),
    ('logo = "theme.toml"\nlogo_alt = "x"\n', "logo: 'theme.toml' is not a PNG or SVG image"),
    ('body_font = "No Such Typeface Sans"\n', "body_font: unknown typeface 'No Such Typeface Sans'"),
    ('heading_font = "fonts/missing.ttf"\n', "heading_font: font file 'fonts/missing.ttf' does not exist"),
    ('colour = "#123456"\n', "colour: unknown setting"),
    ("show_speaker = 1\n", "show_speaker: 1 is not true or false"),
    ("organisation = 3\n", "organisation: 3 is not a string"),
    ("margins_mm = [10, 10]\n", "margins_mm: [10, 10] is not four numbers"),
    ('page_size = "a5"\n', "page_size: 'a5' is not 'letter' or 'a4'"),
    ('footer = "page {n}"\n', "footer: 'page {n}': only {page} and {pages} may stand in braces"),
    ('logo = "logo.png"\n', "logo_alt: a logo needs its alternative text"),
    ("primary = \n", "not valid TOML"),
]


@pytest.mark.parametrize(("toml", "fault"), REFUSALS, ids=[r[1].split(":")[0] for r in REFUSALS])
@pytest.mark.parametrize("command", ["to-html", "to-pdf", "to-docx", "to-epub"])
def test_a_bad_theme_is_refused_with_one_line_naming_file_and_setting(
    here: Path, capsys: pytest.CaptureFixture[str], toml: str, fault: str, command: str
) -> None:
    write_theme(here / "themes" / "bad", toml, PNG_1PX)
    before = (here / "release.txt").read_bytes()
    code = main([command, "release.txt", "--theme", "themes/bad", "-o", "out.bin"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err.startswith(f"pressconv: error: themes/bad/theme.toml: {fault}"), err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (here / "out.bin").exists()
    assert (here / "release.txt").read_bytes() == before


def test_a_missing_theme_is_refused(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["to-html", "release.txt", "--theme", "nowhere", "-o", "out.html"]) == 2
    _, err = capsys.readouterr()
    assert err == "pressconv: error: nowhere: no such theme (a folder or a .toml file)\n"
    (here / "empty").mkdir()
    assert main(["to-html", "release.txt", "--theme", "empty", "-o", "out.html"]) == 2
    _, err = capsys.readouterr()
    assert err == "pressconv: error: empty/theme.toml: no theme.toml in the theme folder\n"
    assert not (here / "out.html").exists()


def test_the_api_takes_a_theme_path_or_a_theme(here: Path) -> None:
    folder = write_theme(here / "t", 'organisation = "Acme"\ncontact = "Press office\\npress@acme.example"\n')
    by_path = api.convert("release.txt", "html", theme=str(folder))
    by_theme = api.convert("release.txt", "html", theme=theme.load(folder))
    assert by_path == by_theme
    assert isinstance(by_path, bytes) and b"press@acme.example" in by_path
    write_theme(here / "t", 'ink = "black"\n')
    with pytest.raises(PressconvError, match=r"^t/theme.toml: ink: 'black' is not a #rrggbb colour$"):
        api.convert("release.txt", "html", theme=str(folder))


def test_every_command_that_writes_offers_theme(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["to-html"], ["to-pdf"], ["to-docx"], ["to-epub"], ["convert", "-t", "pdf"], ["build"]):
        assert main([*command, "--help"]) == 0
        out, _ = capsys.readouterr()
        assert "--theme PATH" in out, command


# --- pyproject ------------------------------------------------------------------------------------


def pyproject(root: Path, table: str) -> None:
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.pressconv]\nformats = ["html"]\n{table}', encoding="utf-8"
    )
    (root / "source").mkdir(exist_ok=True)
    (root / "source" / "a.txt").write_text(RELEASE, encoding="utf-8")


def test_a_theme_table_in_pyproject(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "brand").mkdir()
    (here / "brand" / "mark.png").write_bytes(PNG_1PX)
    pyproject(
        here,
        '\n[tool.pressconv.theme]\norganisation = "Acme"\nlogo = "brand/mark.png"\n'
        'logo_alt = "Acme mark"\nboilerplate = "Acme makes anvils."\n',
    )
    assert main(["build"]) == 0
    capsys.readouterr()
    page = (here / "dist" / "a.html").read_text(encoding="utf-8")
    assert "About Acme" in page and "Acme makes anvils." in page


def test_a_bad_theme_table_names_pyproject_and_the_setting(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject(here, '\n[tool.pressconv.theme]\nprimary = "red"\n')
    assert main(["build"]) == 2
    _, err = capsys.readouterr()
    assert err == (
        "pressconv: error: pyproject.toml: [tool.pressconv.theme] primary: 'red' is not a #rrggbb colour\n"
    )
    assert not (here / "dist").exists()


def test_theme_path_in_pyproject_counts_from_its_folder(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_theme(here / "style", 'organisation = "Acme"\nboilerplate = "Acme makes anvils."\n')
    pyproject(here, 'theme = "style"\n')
    (here / "deep").mkdir()
    monkeypatch.chdir(here / "deep")
    assert main(["build"]) == 0
    capsys.readouterr()
    assert "Acme makes anvils." in (here / "dist" / "a.html").read_text(encoding="utf-8")
    write_theme(here / "style", 'primary = "#1234"\n')
    assert main(["build"]) == 2
    _, err = capsys.readouterr()
    assert (
        err
        == f"pressconv: error: {here / 'style' / 'theme.toml'}: primary: '#1234' is not a #rrggbb colour\n"
    )


def test_changing_a_colour_or_the_logo_makes_outputs_stale(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_theme(here / "style", 'organisation = "Acme"\nlogo = "logo.png"\nprimary = "#123456"\n', PNG_1PX)
    pyproject(here, 'theme = "style"\n')
    assert main(["build"]) == 0
    assert main(["build", "--check"]) == 0
    capsys.readouterr()
    write_theme(here / "style", 'organisation = "Acme"\nlogo = "logo.png"\nprimary = "#654321"\n')
    assert main(["build", "--check"]) == 1
    out, _ = capsys.readouterr()
    assert "dist/a.html: options changed" in out
    assert main(["build"]) == 0 and main(["build", "--check"]) == 0
    (here / "style" / "logo.png").write_bytes(PNG_1PX + b"\0")  # same name, other bytes
    capsys.readouterr()
    assert main(["build", "--check"]) == 1
    out, _ = capsys.readouterr()
    assert "options changed" in out


def test_the_options_hash_counts_the_theme() -> None:
    harbour = theme.load(EXAMPLES / "harbour")
    plain = options_hash(WriteOptions(), "epub")
    assert options_hash(WriteOptions(theme=theme.DEFAULT), "epub") != options_hash(
        WriteOptions(theme=harbour), "epub"
    )
    assert options_hash(WriteOptions(theme=harbour), "epub") != plain


# --- theme init -----------------------------------------------------------------------------------


def test_theme_init_writes_a_starter_that_loads(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["theme", "init", "house"]) == 0
    out, _ = capsys.readouterr()
    assert out == "wrote house/theme.toml\nwrote house/logo.svg\n"
    assert (here / "house" / "theme.toml").read_text(encoding="utf-8") == theme.STARTER_TOML
    assert (here / "house" / "logo.svg").read_text(encoding="utf-8") == theme.STARTER_LOGO
    loaded = theme.load(here / "house")
    assert loaded.logo is not None and loaded.logo.media_type == "image/svg+xml"
    assert loaded.organisation == "Example Press Office" and loaded.footer is not None
    assert main(["to-html", "release.txt", "--theme", "house", "-o", "out.html"]) == 0
    assert main(["theme", "init"]) == 0  # the default folder
    capsys.readouterr()
    assert (here / "theme" / "theme.toml").read_bytes() == (here / "house" / "theme.toml").read_bytes()


def test_theme_init_never_overwrites(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "house").mkdir()
    (here / "house" / "logo.svg").write_text("mine", encoding="utf-8")
    assert main(["theme", "init", "house"]) == 2
    _, err = capsys.readouterr()
    assert err == "pressconv: error: house/logo.svg: already exists; pressconv will not overwrite it\n"
    assert not (here / "house" / "theme.toml").exists()
    assert (here / "house" / "logo.svg").read_text(encoding="utf-8") == "mine"


# --- the theme's contact block and boilerplate ------------------------------------------------------

HOUSE = theme.Theme(
    organisation="Acme",
    contact="Press office, Acme\npress@acme.example",
    boilerplate="Acme makes anvils.\n\nIt was founded in a desert.",
)


def test_with_defaults_fills_only_what_is_missing() -> None:
    bare = Document("Headline", sections=(Section(None, (Paragraph("Body text."),)),))
    filled = theme.with_defaults(bare, HOUSE)
    assert filled.metadata.contacts == ("Press office, Acme\npress@acme.example",)
    assert filled.metadata.contact_details[0].email == "press@acme.example"
    about = filled.sections[-1]
    assert about.heading == "About Acme" and about.role == "boilerplate"
    assert [b.text for b in about.blocks if isinstance(b, Paragraph)] == [
        "Acme makes anvils.",
        "It was founded in a desert.",
    ]
    own = Document(
        "Headline",
        metadata=Metadata(contacts=("Jo Bloggs, 555-0100",)),
        sections=(
            Section(None, (Paragraph("Body."),)),
            Section("About Us", (Paragraph("Ours."),), "boilerplate"),
        ),
    )
    assert theme.with_defaults(own, HOUSE) == own
    assert theme.with_defaults(bare, theme.DEFAULT) == bare


@pytest.mark.parametrize("fmt", ["html", "epub", "docx", "pdf"])
def test_the_theme_words_reach_every_format(fmt: str) -> None:
    from fidelity import check_fidelity, writer_available

    if not writer_available(fmt):
        pytest.skip(f"the {fmt} writer's library is not installed")
    document = api.parse(RELEASE)
    data = api.convert(document, fmt, theme=HOUSE)
    assert isinstance(data, bytes)
    report = check_fidelity(theme.with_defaults(document, HOUSE), fmt, data)
    assert report.ok, report.describe()


def test_build_theme_flag_overrides_the_configuration(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_theme(here / "style", 'organisation = "Acme"\nboilerplate = "Acme makes anvils."\n')
    write_theme(here / "other", 'organisation = "Bolt"\nboilerplate = "Bolt makes nuts."\n')
    pyproject(here, 'theme = "style"\n')
    assert main(["build"]) == 0
    assert main(["build", "--theme", "other"]) == 0
    capsys.readouterr()
    page = (here / "dist" / "a.html").read_text(encoding="utf-8")
    assert "Bolt makes nuts." in page and "Acme" not in page
    assert main(["build", "--check", "--theme", "other"]) == 0
    assert main(["build", "--check"]) == 1  # back to the configured theme: stale
    capsys.readouterr()
