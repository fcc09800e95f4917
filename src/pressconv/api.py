"""The one pipeline: source -> read (decode + infer) -> render -> publish, with notes.

``convert``, ``parse``, every CLI command, ``build`` and the pre-commit hook
go through these functions; nothing else decides which reader reads a source
(``resolve`` + ``reader_for``), renders (``render``) or writes an output
(``publish_to``).  Options are keywords checked against what the chosen
reader and writer declare (``prepare``): an unknown name or a bad value is a
``pressconv`` error naming what is accepted.  Warnings go to the ``Notes``
given; without one they reach the caller through ``warnings.warn`` with the
``PressconvWarning`` category.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias

from pressconv.errors import Notes, OptionError, PressconvError, PressconvWarning
from pressconv.limits import DEFAULT_LIMITS, Limits, read_file, read_stream
from pressconv.model import Document
from pressconv.options import (
    LIMIT_OPTIONS,
    METADATA_OPTIONS,
    READ_OPTIONS,
    Option,
    ReadOptions,
    WriteOptions,
    check_options,
    limits_from,
)

Source: TypeAlias = str | bytes | os.PathLike[str] | Document

STDIO = "-"
"""As a source, standard input; as an output, standard output."""


# --- sources ---------------------------------------------------------------------------------------


class Resolved:
    """A source made concrete: a Document, or bytes or text with the name messages give it.

    A plain class, not a dataclass: every command line imports this module, and a dataclass costs
    a few hundred microseconds to create.
    """

    __slots__ = ("data", "document", "label", "suffix", "text")

    def __init__(
        self,
        label: str | None,
        data: bytes | None = None,
        text: str | None = None,
        document: Document | None = None,
        suffix: str = "",
    ) -> None:
        self.label = label
        """The path (or ``-``) that messages and ``metadata.source_path`` name; None for text and bytes."""
        self.data = data
        self.text = text
        self.document = document
        self.suffix = suffix


def resolve(source: Source, stdin: BinaryIO | None = None, limits: Limits = DEFAULT_LIMITS) -> Resolved:
    """What ``source`` is: a Document, ``-`` (standard input), a path, or the text or bytes themselves.

    A file or standard input is read within ``limits.input_bytes``.
    """
    if isinstance(source, Document):
        return Resolved(None, document=source)
    if isinstance(source, bytes):
        return Resolved(None, data=source)
    if isinstance(source, str) and source == STDIO:
        return Resolved(STDIO, data=read_stream(stdin or sys.stdin.buffer, STDIO, limits=limits))
    if isinstance(source, str) and not _looks_like_path(source):
        return Resolved(None, text=source)
    path = Path(source)
    data = read_file(path, limits=limits)  # a regular file within the input limit, else one clear error
    return Resolved(str(path), data=data, suffix=path.suffix)


def _looks_like_path(source: str) -> bool:
    """A one-line string naming an existing file or ending in a source suffix is a path, else text."""
    if "\n" in source or len(source) >= 4096:
        return False
    from pressconv import readers

    path = Path(source)
    suffix = path.suffix.lower()
    return (
        suffix in readers.REGISTRY.builtin_suffixes()
        or path.is_file()
        or (bool(suffix) and " " not in suffix and suffix in readers.suffixes())
    )


def reader_for(item: Resolved, from_format: str | None = None) -> str:
    """The one decision of which reader reads a source: ``from_format``, else the suffix, else sniffed."""
    from pressconv import readers

    if from_format:
        return readers.spec(from_format).name
    if item.suffix:
        return readers.for_suffix(item.suffix)
    return sniff(item.data if item.data is not None else (item.text or "").encode("utf-8"))


def sniff(data: bytes) -> str:
    """The input format of unnamed bytes: a zip holding word/ is DOCX, markup is HTML, else plain text."""
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return "docx"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(
        (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<article", b"<h1", b"<p>")
    ):
        return "html"
    return "text"


# --- options -----------------------------------------------------------------------------------------


def prepare(
    options: Mapping[str, Any],
    readers_: Iterable[str] = (),
    writer: str | None = None,
    *,
    env: bool = True,
) -> tuple[ReadOptions, WriteOptions]:
    """Keyword options checked against the chosen readers' and writer's declarations and split.

    An unknown name is refused naming every option the choice accepts; a bad
    value is refused naming what it accepts.  ``env`` adds ``SOURCE_DATE_EPOCH``.
    """
    from pressconv import readers, writers

    read_declared: dict[str, Option] = {o.name: o for o in READ_OPTIONS}
    for name in readers_:
        read_declared.update((o.name, o) for o in readers.options(name))
    write_declared = {o.name: o for o in writers.options(writer)} if writer else {}
    unknown = sorted(set(options) - set(read_declared) - set(write_declared))
    if unknown:
        what = f"format {writer!r}" if writer else "reading"
        known = ", ".join(sorted({*read_declared, *write_declared}))
        raise OptionError(f"unknown option {unknown[0]!r} for {what} (known: {known})")
    read_values = check_options(
        {k: v for k, v in options.items() if k in read_declared}, read_declared.values()
    )
    write_values = check_options(
        {k: v for k, v in options.items() if k in write_declared}, write_declared.values()
    )
    base = {o.name: o.default for o in write_declared.values() if o.default is not None}
    write = WriteOptions({**base, **write_values})
    if env:
        write = WriteOptions.from_env(write)
    common = {o.name for o in READ_OPTIONS}
    own = {k: v for k, v in read_values.items() if k not in common and v is not None}
    defaults = {o.name: o.default for o in read_declared.values() if o.name not in common}
    metadata = {o.name: read_values[o.name] for o in METADATA_OPTIONS if o.name in read_values}
    read = ReadOptions(**metadata, limits=limits_from(read_values), extra={**defaults, **own})
    return read, write


def limits_given(options: Mapping[str, Any]) -> Limits:
    """The limits among keyword ``options``, checked (a source is read before its reader is known)."""
    names = {o.name for o in LIMIT_OPTIONS}
    return limits_from(check_options({k: v for k, v in options.items() if k in names}, LIMIT_OPTIONS))


def split_options(options: dict[str, Any]) -> tuple[ReadOptions, WriteOptions]:
    """Keyword options checked against every built-in writer's declarations (for callers with no writer)."""
    from pressconv import writers

    declared: dict[str, Option] = {}
    for name in writers.BUILTINS:
        declared.update((o.name, o) for o in writers.options(name))
    read_names = {o.name for o in READ_OPTIONS}
    unknown = sorted(set(options) - read_names - set(declared))
    if unknown:
        raise OptionError(
            f"unknown option {unknown[0]!r} (known: {', '.join(sorted({*read_names, *declared}))})"
        )
    read, _ = prepare({k: v for k, v in options.items() if k in read_names}, env=False)
    write = WriteOptions.from_env(
        check_options({k: v for k, v in options.items() if k in declared}, declared.values())
    )
    return read, write


# --- the steps ---------------------------------------------------------------------------------------


def read(
    source: Source | Resolved,
    options: ReadOptions | None = None,
    notes: Notes | None = None,
    *,
    from_format: str | None = None,
    explain: list[str] | None = None,
) -> Document:
    """Read and infer: the Document of one source.  ``explain`` receives one line per block."""
    from pressconv import readers

    options = options or ReadOptions()
    item = source if isinstance(source, Resolved) else resolve(source, limits=options.limits)
    if item.document is not None:
        return item.document
    notes = notes if notes is not None else Notes()
    name = reader_for(item, from_format)
    token = readers.EXPLAIN.set(explain)
    try:
        if item.text is not None and name == "text":
            from pressconv.decode import normalize
            from pressconv.readers.text import read_text

            return read_text(normalize(item.text, notes), options, notes)
        data = item.data if item.data is not None else (item.text or "").encode("utf-8")
        return readers.get(name).read(data, options, notes, item.label)
    except PressconvError as err:
        if err.path is None and item.label is not None:
            err.path = item.label
        raise
    finally:
        readers.EXPLAIN.reset(token)


def read_source(
    source: Source,
    options: ReadOptions | None = None,
    notes: Notes | None = None,
    *,
    from_format: str | None = None,
) -> Document:
    """A Document from any accepted source (``read`` under its former name)."""
    return read(source, options, notes, from_format=from_format)


def render(documents: Sequence[Document], to: str, options: WriteOptions, notes: Notes) -> bytes:
    """Bytes in format ``to``; several documents make one collected volume where the writer can."""
    from pressconv import writers
    from pressconv.theme import theme_of, with_defaults

    writer = writers.get(to)
    theme = theme_of(options)
    if theme.contact or theme.boilerplate:
        # The one place the theme's contact block and boilerplate join a document: every writer (and
        # the fidelity check, through ``with_defaults``) sees the same words.
        documents = [with_defaults(document, theme) for document in documents]
    if len(documents) == 1:
        return writer.write(documents[0], options, notes)
    write_volume = getattr(writer, "write_volume", None)
    if write_volume is None:
        raise PressconvError(f"format {to!r} cannot collect several sources into one file")
    data: bytes = write_volume(list(documents), options, notes)
    return data


def publish_to(target: str | os.PathLike[str], data: bytes, *, force: bool = False) -> bool:
    """Write ``data`` to ``target`` atomically (``-``: standard output); False when the bytes were there."""
    if str(target) == STDIO:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return True
    from pressconv.publish import publish

    return publish(Path(target), data, force=force)


# --- targets -----------------------------------------------------------------------------------------


def format_for(to: str | None, output: str | os.PathLike[str] | None) -> str:
    """The writer name: ``to`` (any case), else the output's suffix; an error when neither says."""
    from pressconv import writers

    if to:
        return writers.spec(to).name
    if output is not None and str(output) != STDIO:
        found = writers.for_suffix(Path(output).suffix)
        if found is not None:
            return found
        raise PressconvError(
            f"no format writes {Path(output).suffix or 'a file without suffix'!r}; give -t FORMAT"
        )
    raise PressconvError("no output format: give -t FORMAT or an output file with a known suffix")


def targets(sources: Sequence[str], fmt: str, outdir: Path | None) -> list[tuple[str, str]]:
    """(source, output path) for each source written to its own file; refused before anything is written
    when two sources map to one output or an output would overwrite a source."""
    from pressconv import writers

    suffix = writers.spec(fmt).suffix
    pairs: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for source in sources:
        if source == STDIO:
            raise PressconvError("standard input (-) has no name to derive an output from; give -o")
        target = str((outdir or Path()) / (Path(source).stem + suffix))
        key = os.path.normcase(os.path.abspath(target))
        if key in seen:
            raise PressconvError(
                f"{source} and {seen[key]} would both be written to {target}; use -o per source"
            )
        seen[key] = source
        pairs.append((source, target))
    for _, target in pairs:
        check_not_source(target, sources)
    return pairs


def check_not_source(target: str | os.PathLike[str], sources: Iterable[Source]) -> None:
    """Refuse an output that is one of the sources (the source is never touched)."""
    if str(target) == STDIO:
        return
    for source in sources:
        if isinstance(source, str | os.PathLike) and _same_file(source, Path(target)):
            raise PressconvError("output would overwrite the source", str(target))


def _same_file(source: str | os.PathLike[str], target: Path) -> bool:
    if isinstance(source, str) and (source == STDIO or not _looks_like_path(source)):
        return False
    try:
        return Path(source).resolve() == target.resolve()
    except OSError:
        return False


@contextmanager
def collecting(notes: Notes | None) -> Iterator[Notes]:
    """The caller's Notes, or one whose warnings are issued with ``warnings.warn`` at the end."""
    if notes is not None:
        yield notes
        return
    own = Notes()
    try:
        yield own
    finally:
        for item in own.items:
            warnings.warn(f"{item.code}: {item.message}", PressconvWarning, stacklevel=4)


# --- the public entry points ------------------------------------------------------------------------


def parse(
    source: Source, *, notes: Notes | None = None, from_format: str | None = None, **options: Any
) -> Document:
    """The canonical Document of a path, text, bytes, ``-`` (standard input) or a Document (as is)."""
    with collecting(notes) as collected:
        item = resolve(source, limits=limits_given(options))
        names = [reader_for(item, from_format)] if item.document is None else []
        read_options, _ = prepare(options, names, env=False)
        return read(item, read_options, collected, from_format=from_format)


def convert(
    source: Source | Sequence[Source],
    to: str | None = None,
    output: str | os.PathLike[str] | None = None,
    *,
    notes: Notes | None = None,
    from_format: str | None = None,
    force: bool = False,
    **options: Any,
) -> bytes | Path:
    """Convert one source (or several, into one volume) to format ``to`` (default: ``output``'s suffix).

    Returns the bytes, or writes ``output`` atomically (skipped when identical
    unless ``force``) and returns its path; ``output="-"`` writes to standard output.
    """
    fmt = format_for(to, output)
    sources: list[Source] = (
        list(source) if isinstance(source, Sequence) and not isinstance(source, str | bytes) else [source]
    )
    if not sources:
        raise PressconvError("no source given")
    if output is not None:
        check_not_source(output, sources)
    with collecting(notes) as collected:
        limits = limits_given(options)
        items = [resolve(item, limits=limits) for item in sources]
        names = {reader_for(item, from_format) for item in items if item.document is None}
        if len(items) > 1 and options.get("title") is not None and options.get("volume_title") is None:
            # Several sources into one file make a volume: the title names the volume, not each release.
            from pressconv import writers

            if any(o.name == "volume_title" for o in writers.options(fmt)):
                options = {**options, "volume_title": options["title"], "title": None}
        read_options, write_options = prepare(options, sorted(names), fmt)
        documents = [read(item, read_options, collected, from_format=from_format) for item in items]
        data = render(documents, fmt, write_options, collected)
    if output is None:
        return data
    publish_to(output, data, force=force)
    return Path(output)
