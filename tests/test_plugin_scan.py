"""The cheap entry-point scan that lets a build skip importlib.metadata answers like the registries would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pressconv import _plugins, writers
from pressconv.build import plan

BUILTINS = {name: spec.module for name, spec in writers.BUILTINS.items()}


@pytest.fixture(autouse=True)
def fresh_scan() -> Iterator[None]:
    _plugins._entry_point_texts.cache_clear()
    yield
    _plugins._entry_point_texts.cache_clear()


def _install(folder: Path, name: str, entry_points: str) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_this_environment_has_only_builtin_writers() -> None:
    assert _plugins.only_builtin_plugins(writers.GROUP, BUILTINS)
    assert plan._writer_names() == writers.names() == list(writers.BUILTINS)


def test_a_builtin_registered_again_with_its_own_module_is_no_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(tmp_path, "again", "[pressconv.writers]\nhtml = pressconv.writers.html\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _plugins.only_builtin_plugins(writers.GROUP, BUILTINS)


@pytest.mark.parametrize(
    "text",
    [
        "[pressconv.writers]\nrst = fake_rst_writer\n",
        "[console_scripts]\nx = y:main\n\n[pressconv.writers]\nhtml = other.module:write\n",
        "[pressconv.writers]\n# a comment\npdf\n",
    ],
)
def test_a_third_party_or_odd_writer_sends_the_build_to_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    _install(tmp_path, "plugin", text)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert not _plugins.only_builtin_plugins(writers.GROUP, BUILTINS)


def test_a_reader_plugin_does_not_count_as_a_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install(tmp_path, "reader", "[pressconv.readers]\nrst = fake_rst_reader\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _plugins.only_builtin_plugins(writers.GROUP, BUILTINS)
    assert not _plugins.only_builtin_plugins("pressconv.readers", {})
