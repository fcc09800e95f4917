"""The package's shape (issue #17): no module in src/ over ~500 lines, except pure data tables.

A module that grows past the limit holds several jobs; split it by concern.  The modules over
the limit today are listed below with the branch of issue #17 that splits them: the list only
shrinks.  A listed module that is gone or back under the limit fails ``..._is_still_needed``,
so whoever lands the split deletes its line here.
"""

from __future__ import annotations

from pathlib import Path

import pressconv

MAX_LINES = 500
SRC = Path(pressconv.__file__).parent

#: Pure data (word lists, Unicode tables): as long as the data is.
DATA_TABLES = {
    "readers/lexicon.py": "word lists the inference rules consult",
}

#: Over the limit today, each waiting for its split under issue #17.
EXCEPTIONS: dict[str, str] = {}


def _line_counts() -> dict[str, int]:
    return {
        path.relative_to(SRC).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(SRC.rglob("*.py"))
    }


def test_no_module_is_over_the_limit_unless_listed() -> None:
    over = {name: lines for name, lines in _line_counts().items() if lines > MAX_LINES}
    unlisted = {name: lines for name, lines in over.items() if name not in DATA_TABLES | EXCEPTIONS}
    assert not unlisted, f"modules over {MAX_LINES} lines, split them by concern: {unlisted}"


def test_each_listed_exception_is_still_needed() -> None:
    counts = _line_counts()
    stale = [name for name in EXCEPTIONS if counts.get(name, 0) <= MAX_LINES]
    assert not stale, f"no longer over {MAX_LINES} lines (or gone): delete from EXCEPTIONS: {stale}"


def test_data_tables_hold_data() -> None:
    """A data table may be long, but not a home for logic: a few small helpers at most."""
    for name in DATA_TABLES:
        text = (SRC / name).read_text(encoding="utf-8")
        assert text.count("\ndef ") + text.count("\n    def ") <= 4, name
