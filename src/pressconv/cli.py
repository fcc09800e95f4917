"""The command line: click commands, thin over ``api``, behind one error handler.

``main(argv) -> int`` runs a command; a ``PressconvError`` (bad input, bad
usage) becomes one line on stderr and exit status 2, never a traceback.
Writers load only when a command needs them.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from pressconv.errors import EXIT_USAGE, Notes, PressconvError

F = TypeVar("F", bound=Callable[..., Any])

_READ_OPTIONS = (
    click.option("--title", help="Headline to use instead of the one in the text."),
    click.option("--language", help="BCP 47 language tag (default: front matter, else en)."),
    click.option("--byline", help="Author or byline to use instead of front matter."),
    click.option("--from", "from_format", metavar="FORMAT", help="Input format (default: from the suffix)."),
)

_WRITE_OPTIONS: dict[str, tuple[Callable[[F], F], ...]] = {
    "common": (click.option("--page-size", type=click.Choice(["letter", "a4"]), help="DOCX/PDF page size."),),
    "html": (
        click.option("--fragment", "html_fragment", is_flag=True, help="Only the article, for a CMS."),
        click.option("--stylesheet", "html_stylesheet", metavar="URL", help="Link this stylesheet instead."),
    ),
    "docx": (
        click.option(
            "--docx-reference",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Reference .docx for styles, page set-up, header and footer.",
        ),
    ),
    "pdf": (
        click.option("--pdf-font", metavar="FONT", help="House font: a .ttf path or a family name."),
        click.option(
            "--pdf-tagged/--no-pdf-tags", default=True, help="Tagged (accessible) PDF (default on)."
        ),
    ),
    "epub": (
        click.option(
            "--epub-cover", type=click.Path(dir_okay=False, path_type=Path), help="JPEG or PNG cover image."
        ),
        click.option("--epub-publisher", metavar="NAME", help="Publisher in the EPUB metadata."),
        click.option(
            "--volume-title", metavar="TITLE", help="Title of a collected volume of several sources."
        ),
    ),
}

_READ_KEYS = ("title", "language", "byline")


def _apply(decorators: Sequence[Callable[[F], F]], func: F) -> F:
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _with(decorators: Sequence[Callable[[F], F]]) -> Callable[[F], F]:
    def wrap(func: F) -> F:
        return _apply(decorators, func)

    return wrap


def _warn(notes: Notes, label: str) -> None:
    for item in notes.items:
        click.echo(f"pressconv: warning: {label}: {item.message}", err=True)
    notes.items.clear()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pressconv", prog_name="pressconv")
def cli() -> None:
    """Press releases and news copy from plain text to HTML, PDF, DOCX and EPUB."""


def _split(kwargs: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    from_format = kwargs.pop("from_format", None)
    return {k: v for k, v in kwargs.items() if v is not None}, from_format


def _write_outputs(
    fmt: str, sources: tuple[str, ...], output: str | None, outdir: Path | None, **kw: Any
) -> None:
    from pressconv import api, writers
    from pressconv.publish import publish

    options, from_format = _split(kw)
    if output is not None and outdir is not None:
        raise click.UsageError("give -o or -d, not both")
    suffix = writers.spec(fmt).suffix
    read, write = api.split_options(options)
    if output is not None and len(sources) > 1:
        # Several sources into one file make a volume: --title names the volume, not each release.
        if read.title is not None and write.volume_title is None:
            write = dataclasses.replace(write, volume_title=read.title)
            read = dataclasses.replace(read, title=None)
        notes = Notes()
        docs = [api.read_source(Path(s), read, notes, from_format=from_format) for s in sources]
        data = api.render(docs, fmt, write, notes)
        _emit(data, output, sources)
        _warn(notes, output)
        return
    failed = 0
    for source in sources:
        notes = Notes()
        try:
            if output is not None:
                target = output
            else:
                target = str((outdir or Path.cwd()) / (Path(source).stem + suffix))
            doc = api.read_source(Path(source), read, notes, from_format=from_format)
            data = api.render([doc], fmt, write, notes)
            if target == "-":
                _emit(data, target, (source,))
            else:
                _check_not_source(target, (source,))
                publish(Path(target), data)
            _warn(notes, source)
        except PressconvError as err:
            if len(sources) == 1:
                raise
            failed += 1
            click.echo(f"pressconv: error: {err}", err=True)
    if failed:
        raise SystemExit(EXIT_USAGE)


def _check_not_source(target: str, sources: Sequence[str]) -> None:
    for source in sources:
        try:
            if Path(source).resolve() == Path(target).resolve():
                raise PressconvError("output would overwrite the source", target)
        except OSError:
            continue


def _emit(data: bytes, output: str, sources: Sequence[str]) -> None:
    from pressconv.publish import publish

    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    _check_not_source(output, sources)
    publish(Path(output), data)


def _format_command(fmt: str, label: str) -> None:
    def command(sources: tuple[str, ...], output: str | None, outdir: Path | None, **kw: Any) -> None:
        _write_outputs(fmt, sources, output, outdir, **kw)

    command.__doc__ = f"Write {label} for each SOURCE (STEM{'.' + fmt} in the current folder by default)."
    decorated = _apply(
        (
            click.argument("sources", nargs=-1, required=True, metavar="SOURCE..."),
            click.option("-o", "--output", metavar="OUT", help="Output file (one source), or - for stdout."),
            click.option(
                "-d",
                "--outdir",
                type=click.Path(file_okay=False, path_type=Path),
                help="Folder for the outputs of several sources.",
            ),
            *_READ_OPTIONS,
            *_WRITE_OPTIONS["common"],
            *_WRITE_OPTIONS[fmt],
        ),
        command,
    )
    cli.command(f"to-{fmt}")(decorated)


for _fmt, _label in (("html", "HTML"), ("docx", "DOCX"), ("pdf", "PDF"), ("epub", "EPUB")):
    _format_command(_fmt, _label)


@cli.command("convert")
@click.argument("source")
@click.option("-t", "--to", "fmt", required=True, metavar="FORMAT", help="Output format (see `formats`).")
@click.option("-o", "--output", required=True, metavar="OUT", help="Output file, or - for stdout.")
@_with((*_READ_OPTIONS, *[d for group in _WRITE_OPTIONS.values() for d in group]))
def convert_command(source: str, fmt: str, output: str, **kw: Any) -> None:
    """Convert SOURCE to FORMAT."""
    from pressconv import api

    options, from_format = _split(kw)
    notes = Notes()
    if output != "-":
        _check_not_source(output, (source,))
    read, write = api.split_options(options)
    doc = api.read_source(Path(source), read, notes, from_format=from_format)
    _emit(api.render([doc], fmt, write, notes), output, (source,))
    _warn(notes, source)


@cli.command("parse")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the model as JSON (the default).")
@click.option("--explain", is_flag=True, help="Print each block with its type and the rule that decided it.")
@click.option("-o", "--output", metavar="OUT", help="Write to OUT instead of stdout.")
@_with(_READ_OPTIONS)
def parse_command(source: str, as_json: bool, explain: bool, output: str | None, **kw: Any) -> None:
    """Read SOURCE into the canonical model and print it."""
    from pressconv import api, serialize

    options, from_format = _split(kw)
    notes = Notes()
    read, _ = api.split_options(options)
    if explain:
        from pressconv.readers import text as text_reader

        if from_format not in (None, "text"):
            raise click.UsageError("--explain reads plain text only")
        data = Path(source).read_bytes() if Path(source).is_file() else None
        if data is None:
            raise PressconvError("no such file", source)
        from pressconv.decode import decode

        _, lines = text_reader.explain(decode(data, notes, source).text, read, notes, source_path=source)
        text = "\n".join(lines) + "\n"
    else:
        text = serialize.dumps(api.read_source(Path(source), read, notes, from_format=from_format)) + "\n"
    _emit(text.encode("utf-8"), output or "-", (source,))
    _warn(notes, source)


@cli.command("quotes")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the quote sheet as JSON.")
@_with(_READ_OPTIONS)
def quotes_command(source: str, as_json: bool, **kw: Any) -> None:
    """Print the quote sheet of SOURCE: each speaker, their title, their quotes in order."""
    from pressconv import api, quotesheet

    options, from_format = _split(kw)
    notes = Notes()
    read, _ = api.split_options(options)
    doc = api.read_source(Path(source), read, notes, from_format=from_format)
    sheet = quotesheet.quote_sheet(doc)
    if as_json:
        import json

        click.echo(json.dumps(quotesheet.to_json(sheet), ensure_ascii=False, indent=2))
    else:
        click.echo(quotesheet.format_quote_sheet(sheet), nl=False)
    _warn(notes, source)


@cli.command("formats")
def formats_command() -> None:
    """List the registered output formats."""
    from pressconv import writers

    for name in writers.names():
        spec = writers.spec(name)
        click.echo(f"{name:<6} {spec.suffix:<7} {spec.module}")


@cli.command("build")
@click.argument("source_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--dist", type=click.Path(file_okay=False, path_type=Path), help="Output folder (dist/).")
@click.option("-f", "--format", "formats", multiple=True, metavar="FORMAT", help="Only these formats.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes (default: CPU count).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when dist/ is stale.")
@click.option("--strict", is_flag=True, help="With --check: also render in memory and compare bytes.")
@click.option("--force", is_flag=True, help="Rewrite every output.")
@click.option(
    "--executor",
    metavar="SPEC",
    help="Where documents render: local (processes, the default), dask (a local Dask cluster) "
    "or dask://HOST:PORT (a running one); needs pressconv[dask].",
)
@_with((*_WRITE_OPTIONS["common"], *_WRITE_OPTIONS["html"], *_WRITE_OPTIONS["docx"], *_WRITE_OPTIONS["pdf"]))
@_with(_WRITE_OPTIONS["epub"][:2])
def build_command(
    source_dir: Path | None,
    dist: Path | None,
    formats: tuple[str, ...],
    jobs: int | None,
    check: bool,
    strict: bool,
    force: bool,
    executor: str | None,
    **kw: Any,
) -> None:
    """Regenerate DIST (default dist/) from SOURCE_DIR (default source/) in every format.

    Settings come from [tool.pressconv] in pyproject.toml; the options here override them.
    """
    from click.core import ParameterSource

    from pressconv.build import run_build

    if strict and not check:
        raise click.UsageError("--strict goes with --check")
    ctx = click.get_current_context()
    # Only options given on the command line override the configuration, not click's defaults.
    options = {k: v for k, v in kw.items() if ctx.get_parameter_source(k) is not ParameterSource.DEFAULT}
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
    """Run the CLI; return the exit status (0 ok, 1 check failed, 2 bad usage or input)."""
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


if __name__ == "__main__":
    sys.exit(main())
