"""CPython's regular-expression internals, for ``pressconv.pattern_cache``: a pattern's engine program.

``re.compile`` parses a pattern (``re._parser.parse``), generates the engine's program
(``re._compiler._code``) and hands it to the C engine (``_sre.compile``).  The pattern cache keeps the
program and calls the engine itself.  These are private to CPython and change between versions, so
they are reached here only; the cache is keyed by the Python version and the engine's ``MAGIC``, keeps
a program only when the pattern built from it equals ``re.compile``'s, and falls back to
``re.compile`` on any error.  ``probe`` says what is missing or different (tested on CPython 3.11–3.13).
"""

from __future__ import annotations

import re
import sys
from typing import Any

Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""(flags as compiled, the program as native 32-bit words, groups, group index, index group)."""


def engine() -> Any:
    """The C engine under ``re``."""
    import _sre  # type: ignore[import-not-found]

    return _sre


def engine_key() -> tuple[Any, ...]:
    """What a kept program depends on besides its pattern: the interpreter and the engine's version."""
    sre = engine()
    return (sys.implementation.cache_tag, sys.version, sre.MAGIC, sre.CODESIZE, sys.byteorder)


def build(pattern: str, entry: Entry) -> re.Pattern[str]:
    """The pattern the engine makes of a kept program (what ``re._compiler.compile`` returns)."""
    flags, program, groups, groupindex, indexgroup = entry
    code = memoryview(program).cast("I").tolist()
    compiled: re.Pattern[str] = engine().compile(pattern, flags, code, groups, groupindex, indexgroup)
    return compiled


def program(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine for ``pattern`` (its steps, in the same order)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = memoryview(bytearray(4 * len(code))).cast("I")
    for at, word in enumerate(code):
        words[at] = word
    return (flags | parsed.state.flags, bytes(words), parsed.state.groups - 1, groupindex, tuple(indexgroup))


def probe() -> list[str]:
    """What this interpreter lacks or does differently from what ``program`` and ``build`` rely on."""
    problems: list[str] = []
    samples = ((r"(?P<word>\w+)\s+(said|says)\b", re.IGNORECASE), (r"^[A-Z][a-z]+$", re.MULTILINE))
    for pattern, flags in samples:
        try:
            rebuilt = build(pattern, program(pattern, flags))
        except Exception as error:  # any failure is the finding
            problems.append(f"re internals: {type(error).__name__}: {error}")
            continue
        if rebuilt != re.compile(pattern, flags):
            problems.append(f"re internals: the program of {pattern!r} does not rebuild re.compile's pattern")
    return problems
