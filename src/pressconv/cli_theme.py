"""``pressconv theme …``: the commands for house styles, beside ``cli`` (which loads this on demand).

``theme init [DIR]`` writes a starter theme (``theme.toml`` and a logo) through
``api.publish_to``, refusing to overwrite anything; errors are ``PressconvError``
lines handled by ``cli.main`` like every other command's.
"""

from __future__ import annotations

from pathlib import Path

import click

from pressconv.errors import PressconvError

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group("theme", context_settings=CONTEXT)
def theme_group() -> None:
    """House styles: one theme puts an organisation's identity on every format (--theme PATH)."""


@theme_group.command("init", context_settings=CONTEXT)
@click.argument("folder", required=False, default="theme", type=click.Path(file_okay=False, path_type=Path))
def theme_init_command(folder: Path) -> None:
    """Write a starter theme (theme.toml and logo.svg) into FOLDER (default: theme); never overwrites."""
    from pressconv import api, theme

    files = theme.starter(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PressconvError(f"cannot create the folder: {err.strerror}", str(folder)) from None
    for path, data in files.items():
        api.publish_to(path, data)
        click.echo(f"wrote {theme.shown(path)}")
