"""Option declarations -> checked values: the type every reader and writer declares its options with.

An ``Option`` says one option's name, type, default, allowed values and help;
readers and writers list theirs next to their code, and the API checks
keyword arguments, the CLI makes flags and ``build`` decides staleness from
those lists alone.  Nothing here is format-specific.  ``ReadOptions`` carries
what every reader accepts; ``WriteOptions`` carries the checked values of a
writer's declared options by name.  This is the only module that reads
``SOURCE_DATE_EPOCH``: every writer asks ``document_datetime`` for the one date
it may stamp, so no writer ever reads the clock.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, cast

from pressconv.errors import OptionError
from pressconv.limits import DEFAULT_LIMITS, Limits
from pressconv.model import Document

PageSize = Literal["letter", "a4"]
Kind = Literal["text", "flag", "integer", "file", "date", "theme"]

#: The date used when neither the document nor SOURCE_DATE_EPOCH gives one:
#: the earliest a zip entry can carry, so it is never mistaken for a real date.
FALLBACK_DATETIME = datetime(1980, 1, 1, tzinfo=UTC)

# Regions that print on Letter; everyone else uses A4.
_LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"})

_KIND_WORDS: dict[str, str] = {
    "text": "a string",
    "flag": "true or false",
    "integer": "an integer",
    "file": "a file path",
    "date": "an ISO 8601 date (YYYY-MM-DD)",
    "theme": "a theme folder or theme.toml",
}


@dataclass(frozen=True, slots=True)
class Option:
    """One option a reader or writer accepts: what the API checks, the CLI offers and build hashes."""

    name: str
    """The keyword (``page_size``), the ``[tool.pressconv]`` key and, with dashes, the CLI flag."""
    kind: Kind = "text"
    """``text``, ``flag`` (true/false), ``integer``, ``file`` (a path whose bytes count) or ``date``."""
    default: Any = None
    """The value when none is given; None lets the format decide (e.g. page size from the language)."""
    help: str = ""
    """One line for ``--help`` and the README's option table."""
    choices: tuple[str, ...] = ()
    """The allowed values of a text option, lower case; given values match case-insensitively."""
    metavar: str | None = None
    """How ``--help`` names the value (``URL``, ``FONT``)."""
    flag: str | None = None
    """The CLI flag without dashes, when not the name with dashes (``fragment`` for ``html_fragment``)."""
    off_flag: str | None = None
    """For a flag option that defaults to true: the CLI flag that turns it off (``no-pdf-tags``)."""
    cli: bool = True
    """False for an option the command line does not offer (it comes from the environment)."""
    minimum: int | None = None
    """For an integer option: the least value accepted (a limit of 0 bytes means nothing)."""

    @property
    def flag_name(self) -> str:
        """The CLI flag, with its dashes."""
        return "--" + (self.flag or self.name.replace("_", "-"))

    def describe(self) -> str:
        """What the option accepts, in words: ``one of letter, a4`` or ``a file path``."""
        if self.choices:
            return "one of " + ", ".join(repr(choice) for choice in self.choices)
        if self.minimum is not None:
            return f"an integer of at least {self.minimum}"
        return _KIND_WORDS[self.kind]

    def check(self, value: Any) -> Any:
        """``value`` as this option holds it, or an ``OptionError`` naming the option and what it accepts."""
        if value is None:
            return None
        checked = _coerce(self, value)
        if checked is _BAD:
            raise OptionError(f"{self.name} must be {self.describe()}, not {value!r}")
        return checked


_BAD = object()


def _coerce(option: Option, value: Any) -> Any:
    kind = option.kind
    if kind == "flag":
        return value if isinstance(value, bool) else _BAD
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return _BAD
        return _BAD if option.minimum is not None and value < option.minimum else value
    if kind == "theme":
        from pressconv.theme import Theme, load

        if isinstance(value, Theme):
            return value
        # A theme is loaded (and a bad one refused) when the option is checked, so writers, and
        # worker processes, get the loaded Theme.
        return load(value) if isinstance(value, str | os.PathLike) and str(value) else _BAD
    if kind == "file":
        return Path(value) if isinstance(value, str | os.PathLike) and str(value) else _BAD
    if kind == "date":
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                datetime.fromisoformat(value.strip())
            except ValueError:
                return _BAD
            return value.strip()
        return _BAD
    if not isinstance(value, str):
        return _BAD
    if option.choices:
        lowered = value.strip().lower()
        return lowered if lowered in option.choices else _BAD
    return value


def check_options(
    given: Mapping[str, Any], declared: Iterable[Option], where: str = "options"
) -> dict[str, Any]:
    """The given values checked against ``declared``; an unknown name is refused, naming the known ones."""
    by_name = {option.name: option for option in declared}
    checked: dict[str, Any] = {}
    for name, value in given.items():
        option = by_name.get(name)
        if option is None:
            known = ", ".join(sorted(by_name)) or "none"
            raise OptionError(f"unknown option {name!r} for {where} (known: {known})")
        checked[name] = option.check(value)
    return checked


#: What every reader accepts that overrides what the source says (also ``--metadata KEY=VALUE``).
METADATA_OPTIONS: tuple[Option, ...] = (
    Option("title", help="Headline to use instead of the one in the text (its text only)."),
    Option("language", help="BCP 47 language tag (default: front matter, else en)."),
    Option("byline", help="Author or byline to use instead of front matter."),
    Option("date", "date", help="Publication date, YYYY-MM-DD, instead of the one in the text."),
)

#: One integer option per ``Limits`` field, declared there (default, help, least value), not here.
LIMIT_OPTIONS: tuple[Option, ...] = tuple(
    Option(
        item.name,
        "integer",
        default=item.default,
        help=item.metadata["help"],
        minimum=item.metadata["minimum"],
        metavar="N",
    )
    for item in fields(Limits)
)

#: What every reader accepts.
READ_OPTIONS: tuple[Option, ...] = (*METADATA_OPTIONS, *LIMIT_OPTIONS)

#: What every writer accepts.
WRITE_OPTIONS: tuple[Option, ...] = (
    Option(
        "source_date_epoch",
        "integer",
        help="Seconds since the epoch, for a date the document does not give.",
        cli=False,
    ),
    Option(
        "theme",
        "theme",
        help="House style: a theme folder or its theme.toml (`pressconv theme init` writes one).",
        metavar="PATH",
    ),
)

@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a caller may impose on the reader."""

    title: str | None = None
    """Headline text that replaces the one in the source (structure is inferred as without it)."""
    language: str | None = None
    """BCP 47 tag that overrides front matter and the default ``en``."""
    byline: str | None = None
    """Author or byline that overrides front matter."""
    date: str | None = None
    """ISO 8601 date that overrides front matter."""
    limits: Limits = DEFAULT_LIMITS
    """How much the reader reads before it refuses the input (``pressconv.limits``)."""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    """Checked values of the options the chosen reader declares itself (a third-party reader's)."""


def limits_from(values: Mapping[str, Any]) -> Limits:
    """The ``Limits`` with the checked values of ``values`` that name one (others, and None, ignored)."""
    given = {o.name: values[o.name] for o in LIMIT_OPTIONS if values.get(o.name) is not None}
    return Limits(**given) if given else DEFAULT_LIMITS


@dataclass(init=False, repr=False, eq=False)
class WriteOptions(Mapping[str, Any]):
    """The checked values of a writer's declared options, by name; a writer reads them as attributes.

    Not a closed record: a third-party writer's options live here beside the
    built-ins'.  A name nobody set reads as the built-in writers' declared
    default (so ``WriteOptions()`` is every default), or None.  Read-only;
    ``dataclasses.replace(options, name=value)`` and ``options.replace`` make changed copies.
    """

    __slots__ = ("_values",)
    _values: dict[str, Any]

    def __init__(self, _values: Mapping[str, Any] | None = None, **more: Any) -> None:
        merged = {**(_values or {}), **more}
        object.__setattr__(self, "_values", {k: v for k, v in merged.items() if v is not None})

    @classmethod
    def from_env(cls, values: Mapping[str, Any] | None = None, /, **more: Any) -> WriteOptions:
        """These values, with ``source_date_epoch`` from ``SOURCE_DATE_EPOCH`` unless given."""
        merged = {k: v for k, v in {**(values or {}), **more}.items() if v is not None}
        if "source_date_epoch" not in merged:
            raw = os.environ.get("SOURCE_DATE_EPOCH")
            if raw:
                try:
                    merged["source_date_epoch"] = int(raw)
                except ValueError:
                    raise OptionError(f"SOURCE_DATE_EPOCH is not an integer: {raw!r}") from None
        return cls(merged)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        values: dict[str, Any] = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        return _DECLARED_DEFAULTS.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("WriteOptions is read-only")

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WriteOptions) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, repr(v)) for k, v in self._values.items())))

    def __reduce__(self) -> tuple[Any, ...]:
        return (WriteOptions, (dict(self._values),))

    def __repr__(self) -> str:
        return f"WriteOptions({self._values!r})"

    def replace(self, **changes: Any) -> WriteOptions:
        """A copy with ``changes`` (None removes a value)."""
        return WriteOptions({**self._values, **changes})


#: The declared default of every option a writer registered (``declare_defaults``), by name: what a
#: ``WriteOptions`` attribute nobody set reads as.  The writer registry (``pressconv.writers``) fills
#: it with the built-in writers' options when it is imported, before any writer can run, so this
#: module never imports a writer.
_DECLARED_DEFAULTS: dict[str, Any] = {}


def declare_defaults(options: Iterable[Option]) -> None:
    """Make each option's declared default what ``WriteOptions`` reads when nobody set it."""
    _DECLARED_DEFAULTS.update((o.name, o.default) for o in options)


def declared_defaults() -> dict[str, Any]:
    """A copy of the defaults declared so far, by option name."""
    return dict(_DECLARED_DEFAULTS)


def document_datetime(document: Document, options: WriteOptions) -> datetime:
    """The one timestamp a writer may use: the document's date, else SOURCE_DATE_EPOCH, else 1980."""
    if document.metadata.date:
        parsed = parse_iso(document.metadata.date)
        if parsed is not None:
            return parsed
    epoch = options.source_date_epoch
    if epoch is not None:
        return datetime.fromtimestamp(int(epoch), UTC)
    return FALLBACK_DATETIME


def parse_iso(value: str) -> datetime | None:
    """An aware UTC datetime from an ISO 8601 date or datetime string, or None."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value[:10]), datetime.min.time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def page_size_for(document: Document, options: WriteOptions) -> PageSize:
    """The page size asked for, else Letter for US-style regions (and bare ``en``), else A4."""
    asked = options.page_size
    if asked is not None:
        return cast(PageSize, str(asked).lower())
    parts = document.metadata.language.replace("_", "-").split("-")
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    if region is None:
        return "letter" if parts[0].lower() == "en" else "a4"
    return "letter" if region in _LETTER_REGIONS else "a4"
