"""Entry-point plugins -> imported modules, for the reader and writer registries.

Both registries list their built-ins by dotted path and take third-party
modules from an entry-point group after them; this is the one place that
reads the entry points and decides what a clash is.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType

from pressconv.errors import PressconvError


def third_party(group: str, builtins: Mapping[str, str], kind: str) -> dict[str, ModuleType]:
    """Modules registered under ``group`` that are not built in, by name.

    An entry point may repeat a built-in with the same module (that is how the
    built-ins themselves are registered); naming a built-in with another
    module, or one name with two modules, is an error.
    """
    # importlib.metadata costs ~15-20 ms to import: only paid when a name is not built in.
    from importlib.metadata import entry_points

    found: dict[str, ModuleType] = {}
    for ep in entry_points(group=group):
        module = ep.value.split(":")[0]
        builtin = builtins.get(ep.name)
        if builtin is not None:
            if builtin != module:
                raise PressconvError(f"{kind} {ep.name!r} from {module} clashes with the built-in {kind}")
            continue
        if ep.name in found and found[ep.name].__name__ != module:
            raise PressconvError(
                f"{kind} {ep.name!r} is registered twice ({found[ep.name].__name__}, {module})"
            )
        found[ep.name] = importlib.import_module(module)
    return found
