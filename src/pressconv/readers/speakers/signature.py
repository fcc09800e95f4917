"""A quotation signed after a dash: "“…” — Dana Whitlock-Hale, director of housing"."""

from __future__ import annotations

from pressconv.readers.name_runs import is_name, runs, split_title
from pressconv.readers.speakers.clause import MIN_FULL_NAME, Attribution
from pressconv.readers.speakers.people import appositive_title, prefer_title
from pressconv.readers.speakers.words import is_organisation


def signature(text: str, start: int) -> Attribution | None:
    """ "“…” — Dana Whitlock-Hale, director of housing": a dash after the quote, then who said it."""
    dash = start + len(text[start:]) - len(text[start:].lstrip())
    name_runs = runs(text, dash + 1)
    if not name_runs or text[dash + 1 : name_runs[0].start].strip():
        return None
    run = name_runs[0]
    title, name = split_title(run.tokens)
    rest = text[run.end :].strip()
    if len(name) < MIN_FULL_NAME or not is_name(name) or is_organisation(name) or rest[:1] not in ("", ","):
        return None
    title = prefer_title(title, appositive_title(text, run.end))
    return Attribution(text[run.start :].rstrip(), run.start, name, title, person=True)
