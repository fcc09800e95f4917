"""A media contact block as written -> a structured ``Contact``: name, role, organisation, phone, e-mail, URL.

Readers call ``parse_contacts`` on the contact blocks they found; the block's
text is kept whole in ``Contact.text``, so whatever the fields miss is still
there.  Phone numbers are found and normalised to E.164 by ``phonenumbers``
(Google's libphonenumber data), imported on first use; a number written
without a country code is read as ``region``'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from pressconv import lazy_re
from pressconv.model import Contact, Mark

#: An e-mail address (the common, practical shape; not RFC 5322's every corner).
EMAIL: Final = lazy_re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
#: A web address: with a scheme, or starting "www.".  Closing punctuation is not part of it.
URL: Final = lazy_re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”‘’]*[^\s<>\"“”‘’.,;:!?)\]}]")

_LABEL = lazy_re.compile(
    r"^\s*(?:for\s+(?:more|further)\s+information(?:,\s*(?:please\s+)?contact)?|"
    r"(?:media|press|news)\s+(?:contacts?|enquiries|inquiries)|contacts?|"
    r"(?:media|press)\s+contact\s+information)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_FIELD_LABEL = lazy_re.compile(
    r"^\s*(?:tel(?:ephone)?|phone|mobile|cell|fax|e-?mail|web(?:site)?|url)\b\.?\s*[:\-]?\s*", re.I
)
_NAME = lazy_re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:(?:de|van|von|der|den|da|di|du|la|le|ter|ten|bin|al)\s+)*[A-Z][\w'’.-]*){0,3}$"
)


#: Words that make a capitalised line an office or organisation rather than a person.
_NOT_A_NAME = frozenset(
    [
        "office",
        "desk",
        "team",
        "press",
        "media",
        "news",
        "communications",
        "relations",
        "department",
        "ministry",
        "agency",
        "council",
        "service",
        "services",
        "unit",
        "group",
        "inc",
        "ltd",
        "llc",
        "plc",
        "gmbh",
        "corporation",
        "company",
        "foundation",
        "university",
    ]
)


def _is_name(line: str) -> bool:
    return bool(_NAME.match(line)) and not any(
        word.lower().strip(".,") in _NOT_A_NAME for word in line.split()
    )


def link_target(text: str) -> str:
    """The ``href`` for an e-mail address or web address found by ``EMAIL``/``URL``."""
    if EMAIL.fullmatch(text):
        return "mailto:" + text
    return text if "://" in text else "https://" + text


def link_marks(text: str) -> tuple[Mark, ...]:
    """Link marks over every e-mail address and web address in ``text``, in order.

    A web address inside an e-mail address ("jo@www.example.org") is not a second link.
    """
    # an e-mail address holds "@", a web address "www." or "http": a text without them is not searched.
    # An address never spans a line break, so the search starts on the line of the first "@" (the
    # pattern's look-behind still sees the text before it); an address found is a mailto: link.
    at = text.find("@")
    emails = (
        [(m.start(), m.end()) for m in EMAIL.finditer(text, text.rfind("\n", 0, at) + 1)] if at >= 0 else []
    )
    found = [(a, b, "mailto:" + text[a:b]) for a, b in emails]
    if "www." in text or "http" in text:
        for m in URL.finditer(text):
            if not any(a <= m.start() < b for a, b in emails):
                found.append((m.start(), m.end(), link_target(m.group())))
    return tuple(Mark(a, b, "link", target) for a, b, target in sorted(found))


def parse_contact(text: str, region: str = "US") -> Contact:
    """The contact block ``text`` (lines joined by newlines) with its parts picked out.

    Its ``marks`` link every e-mail address, web address and phone number in it.
    """
    return _contact(text, _phones(text, region))


def parse_contacts(texts: Sequence[str], region: str = "US") -> tuple[Contact, ...]:
    """``parse_contact`` of each text, in order.

    The phone numbers of all the texts are found first, then the rest of each:
    one pass through ``phonenumbers`` (a large body of code and tables) and one
    through the rest keeps each warm in the processor's caches, where taking
    them turn about costs a fifth more on a hundred contacts.  The same contacts
    either way.
    """
    numbers = [_phones(text, region) for text in texts]
    return tuple(_contact(text, found) for text, found in zip(texts, numbers, strict=True))


def _contact(text: str, numbers: list[tuple[int, int, str]]) -> Contact:
    """The contact block ``text`` with its parts picked out, given the phone numbers found in it."""
    links = link_marks(text)
    phones = [p for p in numbers if not any(m.start < p[1] and p[0] < m.end for m in links)]
    marks = tuple(
        sorted((*links, *(Mark(a, b, "link", "tel:" + number) for a, b, number in phones)), key=_order)
    )
    email = next(
        (m.target.removeprefix("mailto:") for m in links if m.target and m.target.startswith("mailto:")), None
    )
    url = next((m.target for m in links if m.target and not m.target.startswith("mailto:")), None)
    plain: list[str] = []
    for line in text.split("\n"):
        line = _LABEL.sub("", line, count=1).strip() if not plain else line.strip()
        if (
            not line
            or ("@" in line and EMAIL.search(line))
            or (("www." in line or "http" in line) and URL.search(line))
            or _FIELD_LABEL.match(line)
        ):
            continue
        if sum(map(str.isdigit, line)) >= 5:
            continue
        plain.append(line)
    parts: list[str] = []
    if plain and "," in plain[0]:
        parts = [p.strip() for p in plain[0].split(",") if p.strip()]
        parts += plain[1:]
    else:
        parts = plain
    name = role = organisation = None
    if parts and _is_name(parts[0]):
        name, parts = parts[0], parts[1:]
    if len(parts) >= 2:
        role, organisation = parts[0], parts[1]
    elif parts:
        if name:
            role = parts[0]
        else:
            organisation = parts[0]
    return Contact(
        text=text,
        name=name,
        role=role,
        organisation=organisation,
        phone=phones[0][2] if phones else None,
        email=email,
        url=url,
        marks=marks,
    )


def _order(mark: Mark) -> tuple[int, int]:
    return (mark.start, -mark.end)


def _phones(text: str, region: str) -> list[tuple[int, int, str]]:
    """(start, end, E.164 number) of each phone number in ``text``."""
    if sum(map(str.isdigit, text)) < 5:
        return []  # no number to find: phonenumbers (and its import) is not needed
    import phonenumbers

    E164 = phonenumbers.PhoneNumberFormat.E164
    return [
        (m.start, m.end, phonenumbers.format_number(m.number, E164))
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE)
    ]
