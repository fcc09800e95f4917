"""A media contact's e-mail address, web address and phone number as links over its words as written."""

from __future__ import annotations

import re
from functools import lru_cache

from pressconv.model import Contact, Mark, Marks

_PHONE_RUN = re.compile(r"\+?\d[\d\s().\-/]{5,}\d")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


@lru_cache(maxsize=64)  # a press office's contact block recurs in every release
def contact_marks(text: str, details: Contact | None) -> Marks:
    """Link marks over the contact block ``text`` for the details the reader structured, where found."""
    if details is None:
        return ()
    spans: list[Mark] = []
    for value, target in (
        (details.email, f"mailto:{details.email}"),
        (details.url, details.url if "://" in (details.url or "") else f"https://{details.url}"),
    ):
        if value:
            at = text.find(value)
            if at != -1:
                spans.append(Mark(at, at + len(value), "link", target))
    if details.phone:
        wanted = _digits(details.phone)
        for match in _PHONE_RUN.finditer(text):
            found = _digits(match.group())
            if len(found) >= 7 and wanted.endswith(found.lstrip("0")):
                spans.append(Mark(match.start(), match.end(), "link", f"tel:{details.phone}"))
                break
    spans.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mark] = []
    for mark in spans:  # marks never partly overlap: a later one inside an earlier is dropped
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return tuple(kept)
