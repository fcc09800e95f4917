"""entry_points.txt files on sys.path -> whether any plugin beyond the built-ins is installed.

The registry (``pressconv.registry``) reads entry points through
importlib.metadata; this cheap scan lets a build skip that import when only
the built-ins are registered.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from functools import cache


def only_builtin_plugins(group: str, builtins: Mapping[str, str]) -> bool:
    """True when no installed distribution registers anything in entry-point ``group`` but ``builtins``.

    ``builtins`` maps each built-in name to its module.  The registries ask importlib.metadata, whose
    import alone costs ~15-20 ms of CPU (email, zipfile, csv …); this reads the same files
    (``*.dist-info/entry_points.txt`` on ``sys.path``) as plain text and answers False -- "ask the
    registry" -- whenever it is unsure: a zip on the path, another distribution finder, a name or
    module it does not expect.
    """
    texts = _entry_point_texts()
    return texts is not None and all(
        group not in text or _declares_only(text, group, builtins) for text in texts
    )


@cache
def _entry_point_texts() -> tuple[str, ...] | None:
    """Every entry_points.txt that mentions pressconv, read once per process; None when unsure."""
    import importlib.machinery

    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder:
            return None
    texts: list[str] = []
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None  # a zip or an egg file: only importlib.metadata reads those
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue
            if "pressconv" in text:
                texts.append(text)
    return tuple(texts)


def _declares_only(text: str, group: str, builtins: Mapping[str, str]) -> bool:
    """Whether the ``[group]`` section of an entry_points.txt names only built-ins, each with its module."""
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]").strip()
            continue
        if section != group:
            continue
        name, equals, value = line.partition("=")
        if not equals or builtins.get(name.strip()) != value.split(":")[0].strip():
            return False
    return True
