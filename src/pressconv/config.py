"""``[tool.pressconv]`` in a repository's pyproject.toml -> a checked BuildConfig for ``build`` and the hook.

The table names the source and dist folders, the formats, and writer options
by their ``WriteOptions`` field names (``page_size``, ``pdf_font``,
``docx_reference`` …).  Values are checked against the field types here, once,
so a typo fails the build with a line naming the key instead of being ignored.
Relative paths count from the folder holding pyproject.toml, so the same
configuration works from any working directory.  CLI flags override it.
"""

from __future__ import annotations

import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from pressconv.errors import PressconvError
from pressconv.options import WriteOptions

PYPROJECT = "pyproject.toml"
DEFAULT_SOURCE = "source"
DEFAULT_DIST = "dist"

# Keys of the table that are not writer options.
_BUILD_KEYS = ("source", "dist", "formats", "executor")


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Where sources and outputs live, which formats to write, and the writer options."""

    root: Path
    """The folder holding pyproject.toml (or the repository root, or the working directory)."""
    source: Path
    """The folder of source texts."""
    dist: Path
    """The folder of outputs (holds the manifest)."""
    formats: tuple[str, ...] = ()
    """Format names to write; empty means every registered format."""
    options: Mapping[str, Any] = field(default_factory=dict)
    """WriteOptions overrides, already checked and with paths made absolute."""
    pyproject: Path | None = None
    """The file the table came from, for error messages."""
    executor: str = "local"
    """Where documents render: ``local`` or ``dask[://ADDRESS]`` (see ``pressconv.executors``)."""

    def override(
        self,
        *,
        source: Path | None = None,
        dist: Path | None = None,
        formats: tuple[str, ...] = (),
        options: Mapping[str, Any] | None = None,
    ) -> BuildConfig:
        """This configuration with the CLI's values on top (paths given on the CLI count from the cwd)."""
        merged = dict(self.options)
        if options:
            merged.update(check_options(dict(options), Path.cwd(), "command line"))
        return replace(
            self,
            source=source.absolute() if source is not None else self.source,
            dist=dist.absolute() if dist is not None else self.dist,
            formats=formats or self.formats,
            options=merged,
        )


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding pyproject.toml or .git; else ``start``."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / PYPROJECT).is_file() or (folder / ".git").exists():
            return folder
    return start


def load(start: Path | None = None) -> BuildConfig:
    """The build configuration for the repository around ``start`` (default: the working directory)."""
    root = find_root(start or Path.cwd())
    pyproject = root / PYPROJECT
    table: dict[str, Any] = {}
    if pyproject.is_file():
        try:
            with pyproject.open("rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as err:
            raise PressconvError(f"not valid TOML: {err}", _shown(pyproject)) from None
        except OSError as err:
            raise PressconvError(f"cannot read: {err.strerror}", _shown(pyproject)) from None
        tool = data.get("tool", {})
        found = tool.get("pressconv", {}) if isinstance(tool, dict) else {}
        if not isinstance(found, dict):
            raise PressconvError("[tool.pressconv] must be a table", _shown(pyproject))
        table = dict(found)
    label = "[tool.pressconv]"
    try:
        source = _folder(table.pop("source", DEFAULT_SOURCE), "source")
        dist = _folder(table.pop("dist", DEFAULT_DIST), "dist")
        formats = _formats(table.pop("formats", []))
        executor = table.pop("executor", "local")
        if not isinstance(executor, str):
            raise PressconvError(
                "[tool.pressconv] executor must be a string: local, dask or dask://HOST:PORT"
            )
        options = check_options(table, root, label)
    except PressconvError as err:
        err.path = _shown(pyproject)
        raise
    return BuildConfig(
        root=root,
        source=root / source,
        dist=root / dist,
        formats=formats,
        options=options,
        pyproject=pyproject if pyproject.is_file() else None,
        executor=executor,
    )


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _folder(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PressconvError(f"[tool.pressconv] {key} must be a folder name (a string)")
    return value


def _formats(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PressconvError("[tool.pressconv] formats must be a list of format names")
    return tuple(dict.fromkeys(value))


@cache
def _option_types() -> dict[str, Any]:
    hints = typing.get_type_hints(WriteOptions)
    return {f.name: hints[f.name] for f in fields(WriteOptions)}


def option_names() -> list[str]:
    """The writer option keys the table accepts."""
    return list(_option_types())


def check_options(table: dict[str, Any], root: Path, where: str) -> dict[str, Any]:
    """Writer options checked against the WriteOptions field types; paths made absolute from ``root``."""
    types_ = _option_types()
    checked: dict[str, Any] = {}
    for key, value in table.items():
        if key not in types_:
            known = ", ".join([*_BUILD_KEYS, *types_])
            raise PressconvError(f"unknown key {key!r} in {where} (known: {known})")
        if value is None:
            continue
        checked[key] = _coerce(key, value, types_[key], root)
    return checked


def _coerce(key: str, value: Any, hint: Any, root: Path) -> Any:
    """``value`` as the type ``hint`` wants, or an error naming the key."""
    allowed = [arg for arg in _alternatives(hint) if arg is not type(None)]
    for kind in allowed:
        if typing.get_origin(kind) is typing.Literal:
            if value in typing.get_args(kind):
                return value
        elif kind is bool:
            if isinstance(value, bool):
                return value
        elif kind is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif kind is Path:
            if isinstance(value, str | Path) and str(value):
                return root / value
        elif kind is str and isinstance(value, str):
            return _maybe_file(value, root) if key.endswith("_font") else value
    raise PressconvError(f"{key} must be {_describe(allowed)}, not {value!r}")


def _maybe_file(value: str, root: Path) -> str:
    """A font given as a relative file path counts from the configuration's folder; a family name stays."""
    if "/" in value or value.lower().endswith((".ttf", ".otf", ".ttc")):
        candidate = root / value
        if candidate.is_file():
            return str(candidate)
    return value


def _alternatives(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


def _describe(allowed: list[Any]) -> str:
    words = []
    for kind in allowed:
        if typing.get_origin(kind) is typing.Literal:
            words.append("one of " + ", ".join(repr(v) for v in typing.get_args(kind)))
        elif kind is Path:
            words.append("a file path")
        else:
            words.append({bool: "true or false", int: "an integer", str: "a string"}.get(kind, str(kind)))
    return " or ".join(words)
