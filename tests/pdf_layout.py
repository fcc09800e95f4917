"""pdfminer's layout tree, flattened: every item of a page, the page itself first, for tests that look for
characters, images or text lines wherever pdfminer nests them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk(item: Any) -> Iterator[Any]:
    """``item`` and every item below it, depth first, in pdfminer's order."""
    yield item
    if hasattr(item, "__iter__"):
        for child in item:
            yield from walk(child)
