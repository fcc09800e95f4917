"""The input limits as options (issue #21, Deliver 2): declared once from ``Limits``, given three ways.

A lowered limit through the API keyword, the CLI flag and ``[tool.pressconv]``
in a build each refuses the sample with one line naming the limit; the
defaults still read it; a value that means nothing (0 bytes) is refused by the
option check.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from pressconv import api
from pressconv.cli import main
from pressconv.errors import OptionError
from pressconv.limits import DEFAULT_LIMITS, LimitError, Limits
from pressconv.model import block_text
from pressconv.options import LIMIT_OPTIONS, READ_OPTIONS


def test_one_read_option_per_limits_field_with_its_default() -> None:
    declared = {o.name: o for o in READ_OPTIONS}
    for item in dataclasses.fields(Limits):
        option = declared[item.name]
        assert option.kind == "integer"
        assert option.default == getattr(DEFAULT_LIMITS, item.name)
        assert option.help
    assert len(LIMIT_OPTIONS) == len(dataclasses.fields(Limits))


def test_the_default_limits_read_the_sample(sample_path: Path) -> None:
    page = api.convert(str(sample_path), "html")
    assert isinstance(page, bytes) and b"<h1" in page


def test_a_lowered_input_limit_through_the_keyword_refuses(sample_path: Path) -> None:
    with pytest.raises(LimitError) as caught:
        api.convert(str(sample_path), "html", input_bytes=10)
    message = str(caught.value)
    assert "(input_bytes)" in message and "10 bytes" in message and "\n" not in message
    assert caught.value.path == str(sample_path)
    with pytest.raises(LimitError, match="input_bytes"):
        api.parse(str(sample_path), input_bytes=10)


@pytest.mark.parametrize("value", [0, -5, True, "10"])
def test_a_meaningless_limit_is_refused_by_the_option_check(sample_path: Path, value: object) -> None:
    with pytest.raises(OptionError, match="input_bytes must be an integer of at least 1") as caught:
        api.convert(str(sample_path), "html", input_bytes=value)
    assert "\n" not in str(caught.value)


def test_zero_aliases_is_a_meaningful_limit_but_a_negative_one_is_not(sample_path: Path) -> None:
    assert isinstance(api.convert(str(sample_path), "html", yaml_aliases=0), bytes)
    with pytest.raises(OptionError, match="yaml_aliases must be an integer of at least 0"):
        api.convert(str(sample_path), "html", yaml_aliases=-1)


def test_a_lowered_input_limit_through_the_cli_flag_refuses(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.html"
    assert main(["to-html", str(sample_path), "--input-bytes", "10", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(input_bytes)" in err and str(sample_path) in err
    assert not out.exists()
    assert main(["parse", str(sample_path), "--input-bytes", "0"]) == 2
    assert "input_bytes must be an integer of at least 1" in capsys.readouterr().err
    assert main(["to-html", str(sample_path), "--input-bytes", "100000", "-o", str(out)]) == 0
    assert out.exists()


def test_a_lowered_limit_in_the_build_table_refuses_each_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "release.txt").write_bytes(sample_path.read_bytes())
    table = '[project]\nname = "x"\n\n[tool.pressconv]\nformats = ["html"]\n'
    (tmp_path / "pyproject.toml").write_text(table + "input_bytes = 10\n", encoding="utf-8")
    assert main(["build"]) != 0
    err = capsys.readouterr().err
    refusals = [line for line in err.splitlines() if "(input_bytes)" in line]
    assert len(refusals) == 1 and "release.txt" in refusals[0]
    assert not (tmp_path / "dist" / "release.html").exists()
    (tmp_path / "pyproject.toml").write_text(table + "input_bytes = 0\n", encoding="utf-8")
    assert main(["build"]) == 2
    assert "input_bytes must be an integer of at least 1" in capsys.readouterr().err
    (tmp_path / "pyproject.toml").write_text(table, encoding="utf-8")  # the default reads it
    assert main(["build"]) == 0
    assert (tmp_path / "dist" / "release.html").exists()


def test_front_matter_limits_come_from_the_options() -> None:
    text = "---\ntitle: Port Reopens\ntags:\n  - [[deep]]\n---\nThe port reopened on Monday.\n"
    assert api.parse(text).metadata.title == "Port Reopens"
    with pytest.raises(LimitError, match="yaml_depth"):
        api.parse(text, yaml_depth=2)
    aliased = "---\nbase: &b Harbour\ntitle: *b\n---\nThe port reopened on Monday.\n"
    with pytest.raises(LimitError, match="yaml_aliases"):
        api.parse(aliased)
    assert api.parse(aliased, yaml_aliases=1).metadata.title == "Harbour"


def test_html_depth_comes_from_the_options() -> None:
    page = b"<html><body>" + b"<div>" * 20 + b"<p>The port reopened on Monday.</p>" + b"</div>" * 20
    assert "reopened" in block_text(api.parse(page, from_format="html").blocks()[-1])
    with pytest.raises(LimitError, match=r"more than 10 elements deep \(the html_depth limit\)"):
        api.parse(page, from_format="html", html_depth=10)


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).add_paragraph(text)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_zip_and_xml_limits_come_from_the_options() -> None:
    data = _docx("The port reopened on Monday.")
    assert "reopened" in block_text(api.parse(data, from_format="docx").blocks()[-1])
    with pytest.raises(LimitError, match="zip_member_bytes"):
        api.parse(data, from_format="docx", zip_member_bytes=1000)
    with pytest.raises(LimitError, match="zip_total_bytes"):
        api.parse(data, from_format="docx", zip_total_bytes=20_000)
    with pytest.raises(LimitError, match="zip_ratio"):
        api.parse(data, from_format="docx", zip_ratio=1, zip_ratio_grace=0)
    # document/body/tbl/tr/tc/p/r/t: deeper than 4, within the default
    with pytest.raises(LimitError, match=r"more than 4 elements deep \(the xml_depth limit\)"):
        api.parse(data, from_format="docx", xml_depth=4)
    assert zipfile.is_zipfile(io.BytesIO(data))
