"""The command line: click commands made from the declared options, thin over ``api``, one error handler.

``main(argv) -> int`` runs a command; a ``PressconvError`` (bad input, bad
usage) becomes one line on stderr and exit status 2, never a traceback.  No
writer option is listed here: ``to-FORMAT`` offers what that writer declares,
``convert -t FORMAT`` what FORMAT declares (a third-party writer's options
included), ``build`` what every registered writer declares.  Writers load only
when a command needs them.
"""

from __future__ import annotations

# First: a Ctrl-C while the imports below run prints one line, not a traceback.
from pressconv import _startup  # isort: skip

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from pressconv.errors import EXIT_USAGE, Notes, PressconvError
from pressconv.options import METADATA_OPTIONS, READ_OPTIONS, Option

CONTEXT = {"help_option_names": ["-h", "--help"]}


# --- options as click parameters ---------------------------------------------------------------------


def click_option(option: Option) -> click.Option:
    """The click parameter for a declared option; its default is "not given", the declaration decides."""
    flag = option.flag_name
    help_text = option.help
    if option.default is not None and option.kind != "flag":
        help_text += f" [default: {option.default}]"
    if option.kind == "flag":
        decls = [f"{flag}/--{option.off_flag}" if option.off_flag else flag, option.name]
        if option.default is True and not option.off_flag:
            decls = [f"{flag}/--no-{flag[2:]}", option.name]
        return click.Option(decls, is_flag=True, default=None, help=help_text + _flag_default(option))
    kind: Any = {
        "integer": int,
        "file": click.Path(dir_okay=False, path_type=Path),
        "theme": click.Path(path_type=Path),
    }.get(option.kind, str)
    if option.choices:
        kind = click.Choice(option.choices, case_sensitive=False)
    metavar = option.metavar or ("DATE" if option.kind == "date" else None)
    return click.Option([flag, option.name], type=kind, default=None, metavar=metavar, help=help_text)


def _flag_default(option: Option) -> str:
    return " [default: on]" if option.default else ""


def given(ctx: click.Context, params: dict[str, Any], declared: Iterable[Option]) -> dict[str, Any]:
    """The declared options the user gave on the command line (not click's defaults)."""
    names = {o.name for o in declared}
    return {
        name: value
        for name, value in params.items()
        if name in names and ctx.get_parameter_source(name) is not ParameterSource.DEFAULT
    }


def _all_read_options() -> tuple[Option, ...]:
    """What every reader accepts, then what some built-in reader declares (``--smart-quotes``)."""
    from pressconv import readers

    return (*READ_OPTIONS, *readers.builtin_options())


def _read_params() -> list[click.Parameter]:
    return [
        click.Option(
            ["-f", "--from", "from_format"],
            metavar="FORMAT",
            help="Input format (default: suffix, else sniffed).",
        ),
        *(click_option(o) for o in _all_read_options()),
        click.Option(
            ["-M", "--metadata"],
            multiple=True,
            metavar="KEY=VALUE",
            help=f"Set {', '.join(o.name for o in METADATA_OPTIONS)} (like pandoc's --metadata).",
        ),
    ]


def _read_options(ctx: click.Context, params: dict[str, Any]) -> dict[str, Any]:
    """The read options given: ``--metadata KEY=VALUE`` pairs, overridden by the named flags."""
    names = [o.name for o in METADATA_OPTIONS]
    values: dict[str, Any] = {}
    for pair in params.get("metadata") or ():
        key, equals, value = pair.partition("=")
        key = key.strip().lower()
        if not equals or key not in names:
            raise click.UsageError(
                f"--metadata takes KEY=VALUE with KEY one of {', '.join(names)}, not {pair!r}"
            )
        values[key] = value
    values.update(given(ctx, params, _all_read_options()))
    return values


def _warn(notes: Notes, label: str) -> None:
    for item in notes.items:
        click.echo(f"pressconv: warning: {label}: {item.message}", err=True)
    notes.items.clear()


# --- the commands ------------------------------------------------------------------------------------


class Commands(click.Group):
    """The fixed commands, plus ``to-FORMAT`` for every registered writer and ``convert``/``build`` whose
    option flags come from the writers' declarations."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from pressconv import writers

        dynamic = ("convert", "build", *(f"to-{name}" for name in writers.names()))
        return sorted({*super().list_commands(ctx), *dynamic})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == "convert":
            return convert_command(None)
        if cmd_name == "build":
            return build_command()
        found = super().get_command(ctx, cmd_name)
        if found is not None or not cmd_name.startswith("to-"):
            return found
        from pressconv import writers

        try:
            return format_command(writers.spec(cmd_name[3:]).name)
        except PressconvError:
            return None

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] == "convert":
            # The writer's own flags depend on -t (or -o's suffix): read it before parsing the rest.
            return "convert", convert_command(_peek(args[1:])), args[1:]
        return super().resolve_command(ctx, args)


def _peek(args: Sequence[str]) -> str | None:
    """The format a ``convert`` command line asks for, from -t/--to, else from -o's suffix."""
    from pressconv import writers

    to: str | None = None
    output: str | None = None
    for i, arg in enumerate(args):
        following = args[i + 1] if i + 1 < len(args) else None
        if arg in ("-t", "--to"):
            to = following
        elif arg.startswith("--to="):
            to = arg[5:]
        elif arg.startswith("-t") and len(arg) > 2 and not arg.startswith("--"):
            to = arg[2:]
        elif arg in ("-o", "--output"):
            output = following
        elif arg.startswith("--output="):
            output = arg[9:]
    try:
        if to:
            return writers.spec(to).name
        if output and output != "-":
            return writers.for_suffix(Path(output).suffix)
    except PressconvError:
        return None  # an unknown name is reported when the command runs
    return None


@click.group(cls=Commands, context_settings=CONTEXT)
@click.version_option(package_name="pressconv", prog_name="pressconv")
def cli() -> None:
    """Press releases and news copy from plain text to HTML, PDF, DOCX and EPUB."""


def _output_params(*, convert: bool) -> list[click.Parameter]:
    params: list[click.Parameter] = [
        click.Argument(["sources"], nargs=-1, required=True, metavar="SOURCE...")
    ]
    if convert:
        params.append(
            click.Option(
                ["-t", "--to", "fmt"], metavar="FORMAT", help="Output format (default: -o's suffix)."
            )
        )
    params += [
        click.Option(
            ["-o", "--output"],
            metavar="OUT",
            help="Output file (several sources: one volume), or - for standard output.",
        ),
        click.Option(
            ["-d", "--outdir"],
            type=click.Path(file_okay=False, path_type=Path),
            help="Folder for one output per source (created when missing).",
        ),
        click.Option(["--force"], is_flag=True, help="Rewrite outputs even when their bytes are unchanged."),
        *_read_params(),
    ]
    return params


def format_command(fmt: str) -> click.Command:
    """``to-FORMAT``: each SOURCE to FORMAT, with the options FORMAT declares."""
    from pressconv import writers

    declared = writers.options(fmt)

    def run(**params: Any) -> None:
        ctx = click.get_current_context()
        write_outputs(fmt, params, ctx, declared, default_stdout=False)

    return click.Command(
        f"to-{fmt}",
        callback=run,
        params=[*_output_params(convert=False), *(click_option(o) for o in declared if o.cli)],
        help=f"Write {fmt.upper()} for each SOURCE (STEM{writers.spec(fmt).suffix} in the current folder by"
        " default; - reads standard input).",
        context_settings=CONTEXT,
    )


def convert_command(fmt: str | None) -> click.Command:
    """``convert``: SOURCE to the format of -t (or of -o's suffix), with the options that format declares."""
    from pressconv import writers

    declared = writers.options(fmt) if fmt else ()

    def run(**params: Any) -> None:
        ctx = click.get_current_context()
        write_outputs(params.pop("fmt"), params, ctx, declared, default_stdout=True)

    shown = f" Options of FORMAT {fmt} follow." if fmt else " Give -t FORMAT with --help to see its options."
    return click.Command(
        "convert",
        callback=run,
        params=[*_output_params(convert=True), *(click_option(o) for o in declared if o.cli)],
        help="Convert SOURCE (- reads standard input) to FORMAT; without -o the output goes to standard"
        " output." + shown,
        context_settings=CONTEXT,
    )


def write_outputs(
    fmt: str | None,
    params: dict[str, Any],
    ctx: click.Context,
    declared: Sequence[Option],
    *,
    default_stdout: bool,
) -> None:
    """Run the pipeline for a ``to-FORMAT`` or ``convert`` command line."""
    from pressconv import api

    sources: tuple[str, ...] = params["sources"]
    output: str | None = params["output"]
    outdir: Path | None = params["outdir"]
    if output is not None and outdir is not None:
        raise click.UsageError("give -o or -d, not both")
    if output is None and outdir is None and default_stdout:
        output = api.STDIO
    fmt = api.format_for(fmt, output)
    options = {**_read_options(ctx, params), **given(ctx, params, declared)}
    from_format = params["from_format"]
    force = bool(params["force"])
    if output is not None:
        if output == api.STDIO:
            _refuse_binary_on_terminal(fmt)
        notes = Notes()
        api.convert(list(sources), fmt, output, notes=notes, from_format=from_format, force=force, **options)
        _warn(notes, output if len(sources) > 1 else sources[0])
        return
    pairs = api.targets(sources, fmt, outdir)  # refuses clashes before anything is written
    if outdir is not None:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise PressconvError(f"cannot create the folder: {err.strerror}", str(outdir)) from None
    failed = 0
    for source, target in pairs:
        notes = Notes()
        try:
            api.convert(source, fmt, target, notes=notes, from_format=from_format, force=force, **options)
            _warn(notes, source)
        except PressconvError as err:
            if len(pairs) == 1:
                raise
            failed += 1
            click.echo(f"pressconv: error: {err}", err=True)
    if failed:
        raise SystemExit(EXIT_USAGE)


def _refuse_binary_on_terminal(fmt: str) -> None:
    from pressconv import writers

    if not sys.stdout.isatty():
        return
    media = str(getattr(writers.get(fmt), "MEDIA_TYPE", "application/octet-stream"))
    if not (media.startswith("text/") or media.endswith(("+xml", "/json", "/xml"))):
        raise PressconvError(
            f"will not write binary {fmt.upper()} to a terminal: give -o FILE or redirect standard output"
        )


@cli.command("parse", context_settings=CONTEXT, params=_read_params())
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the model as JSON (the default).")
@click.option("--explain", is_flag=True, help="Print each block with its type and the rule that decided it.")
@click.option("-o", "--output", metavar="OUT", help="Write to OUT instead of standard output.")
def parse_command(source: str, as_json: bool, explain: bool, output: str | None, **params: Any) -> None:
    """Read SOURCE (- for standard input) into the canonical model and print it, or explain it."""
    from pressconv import api, serialize

    if as_json and explain:
        raise click.UsageError("--json and --explain print different things: give one")
    ctx = click.get_current_context()
    from_format = params["from_format"]
    notes = Notes()
    options = _read_options(ctx, params)
    item = api.resolve(source, limits=api.limits_given(options))
    read, _ = api.prepare(options, [api.reader_for(item, from_format)], env=False)
    lines: list[str] = []
    document = api.read(item, read, notes, from_format=from_format, explain=lines if explain else None)
    text = "\n".join(lines) + "\n" if explain else serialize.dumps(document) + "\n"
    target = output or api.STDIO
    api.check_not_source(target, (source,))
    api.publish_to(target, text.encode("utf-8"))
    _warn(notes, source)


@cli.command("quotes", context_settings=CONTEXT, params=_read_params())
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the quote sheet as JSON.")
def quotes_command(source: str, as_json: bool, **params: Any) -> None:
    """Print the quote sheet of SOURCE: each speaker, their title, their quotes in order."""
    from pressconv import api, quotesheet

    ctx = click.get_current_context()
    from_format = params["from_format"]
    notes = Notes()
    options = _read_options(ctx, params)
    item = api.resolve(source, limits=api.limits_given(options))
    read, _ = api.prepare(options, [api.reader_for(item, from_format)], env=False)
    sheet = quotesheet.quote_sheet(api.read(item, read, notes, from_format=from_format))
    if as_json:
        import json

        click.echo(json.dumps(quotesheet.to_json(sheet), ensure_ascii=False, indent=2))
    else:
        click.echo(quotesheet.format_quote_sheet(sheet), nl=False)
    _warn(notes, source)


@cli.command("formats", context_settings=CONTEXT)
def formats_command() -> None:
    """List the registered output formats (writers), then the input formats (readers)."""
    from pressconv import readers, writers

    for name in writers.names():
        spec = writers.spec(name)
        click.echo(f"{name:<9} output  {' '.join(spec.suffixes):<22} {spec.module}")
    for name in readers.names():
        spec = readers.spec(name)
        click.echo(f"{name:<9} input   {' '.join(spec.suffixes):<22} {spec.module}")


@cli.group("theme", context_settings=CONTEXT)
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


def build_options() -> list[Option]:
    """Every option a registered writer declares, once each, for ``build`` and ``[tool.pressconv]``."""
    from pressconv import config

    return [o for o in config.declared_options().values() if o.cli]


def build_command() -> click.Command:
    """``build``, with a flag for every option some registered writer declares."""
    declared = build_options()

    def run(
        source_dir: Path | None,
        dist: Path | None,
        formats: tuple[str, ...],
        jobs: int | None,
        check: bool,
        strict: bool,
        force: bool,
        executor: str | None,
        **params: Any,
    ) -> None:
        from pressconv.build import run_build

        if strict and not check:
            raise click.UsageError("--strict goes with --check")
        ctx = click.get_current_context()
        # Only options given on the command line override the configuration, not click's defaults.
        options = given(ctx, params, declared)
        code = run_build(
            source_dir,
            dist,
            formats,
            jobs=jobs,
            check=check,
            force=force,
            strict=strict,
            options=options,
            executor=executor,
        )
        if code:
            raise SystemExit(code)

    params: list[click.Parameter] = [
        click.Argument(["source_dir"], required=False, type=click.Path(file_okay=False, path_type=Path)),
        click.Option(
            ["-o", "--dist"], type=click.Path(file_okay=False, path_type=Path), help="Output folder (dist/)."
        ),
        click.Option(
            ["-f", "--format", "formats"], multiple=True, metavar="FORMAT", help="Only these formats."
        ),
        click.Option(["-j", "--jobs"], type=click.IntRange(min=1), help="Processes (default: CPU count)."),
        click.Option(["--check"], is_flag=True, help="Write nothing; exit 1 when dist/ is stale."),
        click.Option(
            ["--strict"], is_flag=True, help="With --check: also render in memory and compare bytes."
        ),
        click.Option(["--force"], is_flag=True, help="Rewrite every output."),
        click.Option(
            ["--executor"],
            metavar="SPEC",
            help="Where documents render: local (processes, the default), dask (a local Dask cluster) "
            "or dask://HOST:PORT (a running one); needs pressconv[dask].",
        ),
        *(click_option(o) for o in declared),
    ]
    return click.Command(
        "build",
        callback=run,
        params=params,
        help="Regenerate DIST (default dist/) from SOURCE_DIR (default source/) in every format.\n\n"
        "Settings come from [tool.pressconv] in pyproject.toml; the options here override them.",
        context_settings=CONTEXT,
    )


@cli.command(
    "hook",
    hidden=True,
    context_settings={"ignore_unknown_options": True, "help_option_names": []},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def hook_command(args: tuple[str, ...]) -> None:
    """The pre-commit hook (see .pre-commit-hooks.yaml); `pressconv hook --help` for its options."""
    from pressconv.hook import main as hook_main

    code = hook_main(args)
    if code:
        raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status.

    0 ok; 1 a check found stale outputs, or some documents of a build failed; 2 bad usage or input.
    """
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="pressconv", standalone_mode=False)
    except PressconvError as err:
        click.echo(f"pressconv: error: {err}", err=True)
        return err.exit_code
    except click.exceptions.Exit as err:
        return err.exit_code
    except click.ClickException as err:
        err.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("pressconv: interrupted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("pressconv: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except SystemExit as err:
        return err.code if isinstance(err.code, int) else EXIT_USAGE
    return 0


_startup.done()

if __name__ == "__main__":
    sys.exit(main())
