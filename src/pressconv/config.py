"""``[tool.pressconv]`` in a repository's pyproject.toml -> a checked BuildConfig for ``build`` and the hook.

The table names the source and dist folders, the formats, the input limits
(``input_bytes`` … as ``pressconv.limits.Limits`` declares them) and writer options
by the names the writers declare (``page_size``, ``pdf_font``,
``docx_reference`` …).  Values are checked against the declarations here, once,
so a typo fails the build with a line naming the key instead of being ignored.
Relative paths count from the folder holding pyproject.toml, so the same
configuration works from any working directory.  CLI flags override it.
``option_table`` writes the README's table of every option from the same declarations.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pressconv.errors import PressconvError
from pressconv.options import LIMIT_OPTIONS, READ_OPTIONS, Option

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
    """Where documents render: ``local`` or ``dask[://ADDRESS]`` (see ``pressconv.build.executors``)."""

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
        if err.path is None:  # a theme's fault names the theme's own file
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


def declared_options(formats: tuple[str, ...] = ()) -> dict[str, Option]:
    """Every option the table accepts: the input limits, and the writer options ``formats`` declare
    (default: every writer)."""
    from pressconv import writers

    names = formats or tuple(writers.BUILTINS if writers.REGISTRY.only_builtins() else writers.names())
    declared: dict[str, Option] = {o.name: o for o in LIMIT_OPTIONS}
    for name in names:
        declared.update((o.name, o) for o in writers.options(name))
    return declared


def option_names() -> list[str]:
    """The writer option keys the table accepts."""
    return list(declared_options())


def check_options(
    table: dict[str, Any], root: Path, where: str, formats: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Writer options checked against the writers' declarations; paths made absolute from ``root``."""
    declared = declared_options(formats)
    checked: dict[str, Any] = {}
    for key, value in table.items():
        option = declared.get(key)
        if option is None:
            known = ", ".join([*_BUILD_KEYS, *declared])
            raise PressconvError(f"unknown key {key!r} in {where} (known: {known})")
        if value is None:
            continue
        if option.kind == "theme":
            value = _theme(value, root)
        value = option.check(value)
        if option.kind == "file":
            value = root / value
        elif key.endswith("_font") and isinstance(value, str):
            value = _maybe_file(value, root)
        checked[key] = value
    return checked


def _theme(value: object, root: Path) -> object:
    """``theme = "PATH"`` (from ``root``) or a ``[tool.pressconv.theme]`` table, loaded; else as given."""
    from pressconv import theme

    if isinstance(value, dict):
        return theme.from_table(value, root / PYPROJECT, label="[tool.pressconv.theme] ", name=root.name)
    if isinstance(value, str | Path) and str(value):
        return theme.load(value, base=root)
    return value


def _maybe_file(value: str, root: Path) -> str:
    """A font given as a relative file path counts from the configuration's folder; a family name stays."""
    if "/" in value or value.lower().endswith((".ttf", ".otf", ".ttc")):
        candidate = root / value
        if candidate.is_file():
            return str(candidate)
    return value


def option_table() -> str:
    """The README's option table, in Markdown, made from the built-in readers' and writers' declarations."""
    from pressconv import writers
    from pressconv.options import WRITE_OPTIONS

    rows: dict[str, tuple[Option, list[str]]] = {}
    from pressconv import readers

    for option in READ_OPTIONS:
        rows[option.name] = (option, ["reading (every input format)"])
    for name, spec in readers.BUILTINS.items():
        for option in spec.options:
            rows.setdefault(option.name, (option, []))[1].append(f"reading {name}")
    for option in WRITE_OPTIONS:
        rows[option.name] = (option, ["every output format"])
    for name, spec in writers.BUILTINS.items():
        for option in spec.options:
            rows.setdefault(option.name, (option, []))[1].append(name)
    lines = [
        "| keyword / `[tool.pressconv]` key | flag | used by | accepts | default | what it does |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for option, used in rows.values():
        flag = f"`{option.flag_name}`" if option.cli else "`SOURCE_DATE_EPOCH`"
        if option.off_flag:
            flag += f" / `--{option.off_flag}`"
        default = "—" if option.default is None else f"`{str(option.default).lower()}`"
        cells = (f"`{option.name}`", flag, ", ".join(used), option.describe(), default, option.help)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
