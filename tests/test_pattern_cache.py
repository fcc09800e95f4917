"""Compiled patterns kept between processes: a pattern from the cache is ``re.compile``'s, program and all.

``pressconv.pattern_cache`` keeps the regular-expression engine's program of every ``lazy_re``
pattern in the user's cache folder.  What it builds must equal ``re.compile`` of the same source
(``re.Pattern`` equality compares the program, the flags and the source), a second process must
take every pattern from the file, a damaged file must only cost compiling, and the package's
lazy patterns must read the same in every process, or the cache would never know them.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import pressconv
from pressconv import lazy_re, pattern_cache
from pressconv.compat import sre


def _lazy_patterns() -> dict[str, lazy_re.LazyPattern]:
    found: dict[str, lazy_re.LazyPattern] = {}
    for info in pkgutil.walk_packages(pressconv.__path__, "pressconv."):
        if info.name.startswith("pressconv.compat.dask") or ".__main__" in info.name:
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (dask) that is not installed
            continue
        for name, value in vars(module).items():
            if isinstance(value, lazy_re.LazyPattern):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_lazy_pattern_built_from_its_program_is_re_compiles() -> None:
    patterns = _lazy_patterns()
    assert len(patterns) > 40  # the walk found the reader's modules
    for where, lazy in patterns.items():
        source, flags = lazy._source, lazy._flags
        built = sre.build(source, sre.program(source, flags))
        plain = re.compile(source, flags)
        assert built == plain, where
        assert (built.flags, built.groups, built.groupindex) == (plain.flags, plain.groups, plain.groupindex)


_PROBE = """
import re, sys
from pressconv import lazy_re, pattern_cache
pattern = lazy_re.compile(r"(?P<year>\\d{4})-(\\d{2})|[A-ZÀ-Þ]\\w+ said", re.IGNORECASE)
print(pattern.findall("In 2031-05 Ana said"), pattern.groupindex["year"], pattern.compiled() == re.compile(
    pattern.pattern, re.IGNORECASE), len(pattern_cache._new))
"""


def _run(home: Path) -> list[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, env=env)
    return done.stdout.split()


def test_a_second_process_takes_the_pattern_from_the_file(tmp_path: Path) -> None:
    cold = _run(tmp_path)
    assert cold[-2:] == ["True", "1"]  # compiled, and kept for the file
    cache = tmp_path / "pressconv" / "patterns.marshal"
    assert cache.is_file()
    warm = _run(tmp_path)
    assert warm[-1] == "0"  # nothing compiled: the program came from the file
    assert warm == [*cold[:-1], "0"]  # the same matches, groups and pattern


def test_a_damaged_cache_file_only_costs_compiling(tmp_path: Path) -> None:
    cache = tmp_path / "pressconv" / "patterns.marshal"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"\x00not marshal")
    first = _run(tmp_path)
    assert first[-2:] == ["True", "1"]
    assert _run(tmp_path)[-1] == "0"  # written again, whole


def test_an_unwritable_cache_folder_only_costs_compiling(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _run(blocker)[-2:] == ["True", "1"]
    assert _run(blocker)[-2:] == ["True", "1"]


def test_a_wrong_entry_is_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"\bab+c\b"
    entry = sre.program(source, 0)
    flags, program, groups, groupindex, indexgroup = entry
    damaged = (flags, program[:-4], groups, groupindex, indexgroup)
    monkeypatch.setattr(pattern_cache, "_table", {(source, 0): damaged})
    monkeypatch.setattr(pattern_cache, "_new", {})
    assert pattern_cache.compile(source) == re.compile(source)  # a truncated program: re.compile's


def test_the_package_patterns_read_the_same_in_every_process() -> None:
    probe = (
        "import sys\nsys.path.insert(0, sys.argv[1])\n"
        "import test_pattern_cache as t\n"
        "print(sorted(repr((k, p._source, p._flags)) for k, p in t._lazy_patterns().items()))\n"
    )
    here = str(Path(__file__).parent)
    seen = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", probe, here], capture_output=True, text=True, check=True, env=env
        )
        seen.add(done.stdout)
    assert len(seen) == 1, "a pattern built from a set's order: the cache would never find it"


def test_the_interpreter_has_the_re_internals_the_cache_relies_on() -> None:
    assert sre.probe() == []


def test_the_probe_names_internals_that_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sre, "program", lambda pattern, flags: (flags, b"\x00" * 8, 0, {}, (None,)))
    assert any("re internals" in problem for problem in sre.probe())
