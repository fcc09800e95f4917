"""Format names -> reader or writer modules: one Registry type for both.

Built-ins are named once, by dotted path, with their suffixes and declared
options, and imported on first use, so ``pressconv to-html`` never pays for
reportlab and a build that is up to date imports no writer.  Third-party
modules come from an entry-point group: scanning it reads names and module
paths only; a module is imported when its name (or, for readers, a suffix no
built-in claims) is asked for.  An entry point naming a built-in with another
module, or one name with two modules, is refused.  A third-party module
states ``SUFFIX`` (writers) or ``SUFFIXES`` (readers) and may declare
``OPTIONS``, a sequence of ``pressconv.options.Option``.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from pressconv.errors import PressconvError, UnknownFormatError
from pressconv.options import Option


@dataclass(frozen=True, slots=True)
class Spec:
    """A registered reader or writer, known (for a built-in) without importing it."""

    name: str
    module: str
    suffixes: tuple[str, ...]
    """File suffixes with the dot, lower case; a writer's first is the one it writes."""
    options: tuple[Option, ...] = ()
    """The options this reader or writer declares, beyond what every one accepts."""

    @property
    def suffix(self) -> str:
        """The suffix a writer's output takes."""
        return self.suffixes[0]


class Registry:
    """Readers or writers by name: built-ins first, then the entry points of ``group``."""

    def __init__(self, kind: str, group: str, builtins: Sequence[Spec]) -> None:
        self.kind = kind
        self.group = group
        self.builtins: dict[str, Spec] = {spec.name: spec for spec in builtins}
        self._points: dict[str, str] | None = None
        self._loaded: dict[str, Spec] = {}

    def clear(self) -> None:
        """Forget the entry points read so far (tests install and remove plugins)."""
        self._points = None
        self._loaded.clear()

    def only_builtins(self) -> bool:
        """True when no installed distribution adds to this group; answered without importlib.metadata."""
        from pressconv._plugins import only_builtin_plugins

        return only_builtin_plugins(self.group, {n: s.module for n, s in self.builtins.items()})

    def _entry_points(self) -> dict[str, str]:
        """Third-party name -> module path, read once; clashes are refused here, nothing is imported."""
        if self._points is None:
            # importlib.metadata costs ~15-20 ms to import: only paid when a name is not built in.
            from importlib.metadata import entry_points

            found: dict[str, str] = {}
            for ep in entry_points(group=self.group):
                name = ep.name.lower()
                module = ep.value.split(":")[0].strip()
                builtin = self.builtins.get(name)
                if builtin is not None:
                    if builtin.module != module:
                        raise PressconvError(
                            f"{self.kind} {name!r} from {module} clashes with the built-in {self.kind}"
                        )
                    continue
                if found.get(name, module) != module:
                    raise PressconvError(
                        f"{self.kind} {name!r} is registered twice ({found[name]}, {module})"
                    )
                found[name] = module
            self._points = found
        return self._points

    def names(self) -> list[str]:
        """Every registered name, built-ins first; imports no third-party module."""
        return [*self.builtins, *sorted(self._entry_points())]

    def spec(self, name: str) -> Spec:
        """The reader or writer called ``name`` (any case); a third-party one is imported now."""
        key = name.strip().lower()
        found = self.builtins.get(key) or self._loaded.get(key)
        if found is not None:
            return found
        module = self._entry_points().get(key)
        if module is None:
            raise UnknownFormatError(f"unknown {self._what()} {name!r} (known: {', '.join(self.names())})")
        loaded = self._load(key, module)
        self._loaded[key] = loaded
        return loaded

    def _what(self) -> str:
        return "input format" if self.kind == "reader" else "format"

    def _load(self, name: str, module_name: str) -> Spec:
        try:
            module = importlib.import_module(module_name)
        except ImportError as err:
            raise PressconvError(
                f"{self.kind} {name!r} is registered but {module_name} cannot be imported: {err}"
            ) from None
        suffixes = _suffixes(module, name)
        options = tuple(getattr(module, "OPTIONS", ()))
        for option in options:
            if not isinstance(option, Option):
                raise PressconvError(
                    f"{self.kind} {name!r}: OPTIONS must hold pressconv.options.Option values"
                )
        return Spec(name, module_name, suffixes, options)

    def get(self, name: str) -> Any:
        """The module of ``name``, imported on first use."""
        return importlib.import_module(self.spec(name).module)

    def suffixes(self) -> list[str]:
        """Every suffix some registered module claims, built-ins first (imports third-party readers)."""
        specs = [*self.builtins.values(), *(self.spec(name) for name in self._entry_points())]
        return list(dict.fromkeys(suffix for spec in specs for suffix in spec.suffixes))

    def builtin_suffixes(self) -> list[str]:
        """The built-ins' suffixes, without touching entry points."""
        return list(dict.fromkeys(suffix for spec in self.builtins.values() for suffix in spec.suffixes))

    def for_suffix(self, suffix: str) -> str | None:
        """The name that claims a file suffix, built-ins first; None when nothing does."""
        lowered = suffix.lower()
        for spec in self.builtins.values():
            if lowered in spec.suffixes:
                return spec.name
        if not lowered:
            return None
        for name in self._entry_points():
            if lowered in self.spec(name).suffixes:
                return name
        return None


def _suffixes(module: ModuleType, name: str) -> tuple[str, ...]:
    raw = getattr(module, "SUFFIXES", None) or (getattr(module, "SUFFIX", None) or f".{name}",)
    if isinstance(raw, str):
        raw = (raw,)
    return tuple(str(s).lower() for s in raw)
