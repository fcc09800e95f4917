"""ebooklib internals, fenced: an EPUB's entries as ebooklib would zip them, without the zip.

The EPUB writer repacks ebooklib's archive with fixed entry times (``writers._zip``),
so ebooklib's own zip was written only to be read back: a quarter of the writer's
time per release went to ``zipfile`` both ways.  ``entries`` runs ``EpubWriter``
as ``EpubWriter.write`` does -- the ``mimetype`` entry, then its private
``_write_container``, ``_write_opf`` and ``_write_items`` -- with a collector
standing in for the ``zipfile.ZipFile`` it would open: every ``writestr`` is kept
as (name, bytes), in order, str data encoded as UTF-8 as ``zipfile`` encodes it.
``probe`` checks the installed version is one this was tested with, that those
methods exist and that ``write`` still calls them and nothing else.

Tested with ebooklib 0.20 (``pyproject.toml`` bounds it ``>=0.20,<0.21``).
"""

from __future__ import annotations

import inspect
import re
from importlib import metadata
from typing import Any

#: The ebooklib versions ``entries`` was tested with (the EPUB goldens hold its bytes).
TESTED_VERSIONS = ("0.20",)

#: What ``EpubWriter.write`` does once its archive is open, in order (``probe`` reads its source).
_STEPS = ("_write_container", "_write_opf", "_write_items")


class _Entries:
    """Stands in for the ``zipfile.ZipFile`` ebooklib writes to: keeps each entry, in order."""

    def __init__(self) -> None:
        self.kept: list[tuple[str, bytes]] = []

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        del compress_type  # the entries are packed afresh (``writers._zip``)
        self.kept.append((name, data.encode("utf-8") if isinstance(data, str) else bytes(data)))


def entries(book: Any, options: dict[str, Any]) -> list[tuple[str, bytes]]:
    """(name, bytes) of every entry ``EpubWriter(…, book, options).write()`` would zip, in its order."""
    from ebooklib import epub

    writer = epub.EpubWriter(None, book, options)
    writer.process()
    kept = _Entries()
    writer.out = kept
    kept.writestr("mimetype", "application/epub+zip")
    for step in _STEPS:
        getattr(writer, step)()
    return kept.kept


def installed_version() -> str:
    return metadata.version("ebooklib")


def probe() -> list[str]:
    """What is wrong with the installed ebooklib for ``entries``: empty when nothing is."""
    from ebooklib import epub

    problems: list[str] = []
    version = installed_version()
    if version not in TESTED_VERSIONS:
        problems.append(
            f"ebooklib {version} is not a version pressconv was tested with ({', '.join(TESTED_VERSIONS)}): "
            "run the EPUB tests against it, then add it to pressconv.compat.ebooklib.TESTED_VERSIONS"
        )
    for step in _STEPS:
        if not callable(getattr(epub.EpubWriter, step, None)):
            problems.append(f"ebooklib {version}: EpubWriter.{step} is gone; pressconv uses it")
    try:
        source = inspect.getsource(epub.EpubWriter.write)
    except (OSError, TypeError):
        return [*problems, f"ebooklib {version}: the source of EpubWriter.write cannot be read"]
    calls = re.findall(r"self\.(\w+)\(", source)
    if [call for call in calls if call.startswith("_")] != list(_STEPS):
        problems.append(
            f"ebooklib {version}: EpubWriter.write no longer calls {', '.join(_STEPS)} and nothing else"
        )
    if source.count(".writestr(") != 1 or "mimetype" not in source:
        problems.append(f"ebooklib {version}: EpubWriter.write writes other entries than mimetype itself")
    return problems
