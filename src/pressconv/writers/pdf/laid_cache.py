"""Plain paragraphs parsed and broken into lines once per process: the same words in the same style.

A warm process (a build's workers, a server) renders release after release of one house style,
and every one of them carries the theme's same contact block, boilerplate and headings.  Parsing a
plain paragraph's markup into fragments and breaking it into lines at a width depend only on its
markup, its style's settings and the width (glyph widths come from fonts registered with
reportlab once per name), not on the document: glyph subset codes, drawing and tagging happen
later, per document, and are not cached.  So both are kept here, keyed exactly on those values,
in a small LRU per process.  Markup with tags (a face for a fallback glyph, a link) is parsed by
reportlab's own parser once and its fragments kept the same way.

Everything cached is only ever read: reportlab clones a fragment before changing it (line
breaking, ``split``), and a split paragraph's parts are made from copies.  A style holding a
value that cannot be a key (unhashable) is simply not cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

#: Entries kept (fragments of a paragraph and its lines at one width each count as one).
SIZE = 512

#: Only paragraphs of at most this many characters of markup are kept: repeated blocks (a contact
#: block, boilerplate, headings) are short, and a long release's pieces would only hold memory.
LONGEST = 1_500

#: Style attributes that name the style rather than set it (the parent's settings are copied in).
_NAMING = frozenset({"name", "parent"})

#: Hashes of the keys met once, remembered so that a key met again is kept (``admit``).
SEEN = 4_096

_SEEN: OrderedDict[int, None] = OrderedDict()
_FRAGMENTS: OrderedDict[Hashable, tuple[str, list[Any]] | None] = OrderedDict()
_LINES: OrderedDict[Hashable, dict[str, Any]] = OrderedDict()
_MISSING = object()


class StyleKey:
    """Every setting of a ParagraphStyle (not its name), hashed once: equal keys, equal settings."""

    __slots__ = ("_hash", "items")

    def __init__(self, items: tuple[tuple[str, Any], ...]) -> None:
        self.items = items
        self._hash = hash(items)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StyleKey) and (self is other or self.items == other.items)


#: Keys of the styles met lately: id -> (the style, kept alive so its id is not reused; a copy of its
#: settings, compared on every use so a style changed since gets a new key; the key).
_STYLES: dict[int, tuple[Any, dict[str, Any], StyleKey]] = {}
_CANONICAL: dict[StyleKey, StyleKey] = {}


def style_key(style: Any) -> StyleKey | None:
    """Every setting of a ParagraphStyle as a key, or None when one is not hashable."""
    settings = vars(style)
    known = _STYLES.get(id(style))
    if known is not None and known[0] is style and known[1] == settings:
        return known[2]
    items = (("__class__", type(style)), *((k, v) for k, v in settings.items() if k not in _NAMING))
    try:
        key = StyleKey(items)
    except TypeError:
        return None
    if len(_STYLES) >= SIZE or len(_CANONICAL) >= SIZE:
        _STYLES.clear()
        _CANONICAL.clear()
    key = _CANONICAL.setdefault(key, key)  # equal settings, one key object: equality is identity
    _STYLES[id(style)] = (style, dict(settings), key)
    return key


def _get(cache: OrderedDict[Hashable, Any], key: Hashable) -> Any:
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        cache.move_to_end(key)
    return found


def _put(cache: OrderedDict[Hashable, Any], key: Hashable, value: Any) -> None:
    cache[key] = value
    if len(cache) > SIZE:
        cache.popitem(last=False)


def fragments(key: Hashable) -> Any:
    """The cached ``plain_fragments`` result for ``key`` (it may be None), or ``MISSING``."""
    return _get(_FRAGMENTS, key)


def keep_fragments(key: Hashable, value: tuple[str, list[Any]] | None) -> None:
    _put(_FRAGMENTS, key, value)


def lines(key: Hashable) -> dict[str, Any] | None:
    """The cached ``wrap_state`` of a paragraph key at a width (lines, height), or None."""
    found = _get(_LINES, key)
    return None if found is _MISSING else found


def keep_lines(key: Hashable, value: dict[str, Any]) -> None:
    _put(_LINES, key, value)


def admit(key: Hashable) -> bool:
    """True from the second time ``key`` is met: only what recurs is kept.

    A theme's contact block, boilerplate and speaker lines come back in every release; a
    release's own paragraphs almost never do.  Keeping those too held hundreds of fragment objects
    that the garbage collector then walked on every collection, which made a build of distinct
    releases (W4) slower than it was without the cache.  The doorkeeper holds only hashes (ints,
    which the collector does not track); a collision merely keeps an entry one time early.
    """
    marker = hash(key)
    if marker in _SEEN:
        return True
    _SEEN[marker] = None
    if len(_SEEN) > SEEN:
        _SEEN.popitem(last=False)
    return False


def clear() -> None:
    """Forget everything (tests)."""
    _SEEN.clear()
    _FRAGMENTS.clear()
    _LINES.clear()
    _STYLES.clear()
    _CANONICAL.clear()


MISSING = _MISSING
