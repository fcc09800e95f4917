"""Pure per-paragraph analyses -> memo tables that live for one document.

Several rules analyse a paragraph's text in ways that depend on nothing else
(quotation marks, the people it names, its attribution clause, whether it is
shaped like a heading).  Repeated paragraphs -- boilerplate, a release quoted
twice, a batch of copies -- are then analysed once.  ``clear`` empties every
table at the start of a document, so memory stays bounded by one document
and a document never reads faster because another was read before it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache
from typing import Any, TypeVar

R = TypeVar("R")

_TABLES: list[_lru_cache_wrapper[Any]] = []


def per_document(maxsize: int) -> Callable[[Callable[..., R]], _lru_cache_wrapper[R]]:
    """Memoise a pure function of strings (and tuples) for the length of one document."""

    def wrap(function: Callable[..., R]) -> _lru_cache_wrapper[R]:
        cached = lru_cache(maxsize=maxsize)(function)
        _TABLES.append(cached)
        return cached

    return wrap


def clear() -> None:
    """Empty every per-document table (called when a document's inference starts)."""
    for table in _TABLES:
        table.cache_clear()
