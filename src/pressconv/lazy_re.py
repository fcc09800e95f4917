"""A pattern string -> a regular expression compiled the first time it is used, not at import.

Compiling is most of what importing the reader rules costs, and every ``pressconv`` process
imports them: many patterns only matter for some documents (a page footer, a contact block, a
kicker headline).  ``lazy_re.compile`` stands in for ``re.compile`` at module level for those:
the pattern is compiled on the first method call or attribute read, and after that its methods
are the compiled pattern's own (bound on the stand-in, so a call costs what it did before).
Compiled, they come from ``pressconv.pattern_cache`` (the engine's program kept between processes).

Use it only for patterns that are called (``search``, ``match``, ``sub`` …) or read
(``pattern``, ``groups`` …): the stand-in is not an ``re.Pattern`` instance, so it cannot be
passed to ``re.sub`` and friends in place of a string.
"""

from __future__ import annotations

import re
from typing import Any, cast

from pressconv import pattern_cache

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A regular expression compiled on first use; behaves as the compiled ``re.Pattern``."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        found: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if found is None:
            found = pattern_cache.compile(self._source, self._flags)
            # Bound on the instance: later calls find them without going through __getattr__.
            self.__dict__.update({name: getattr(found, name) for name in _METHODS}, _compiled=found)
        return found

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probe for these: not the pattern's
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source!r}, {self._flags!r})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - the name re.compile has
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def is_compiled(pattern: object) -> bool:
    """Whether ``pattern`` is compiled: an ``re.Pattern``, or a lazy one that was used already."""
    return not isinstance(pattern, LazyPattern) or "_compiled" in pattern.__dict__
