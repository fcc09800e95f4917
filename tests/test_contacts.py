"""Contact blocks as written -> structured contacts: name, role, organisation, E.164 phone, e-mail, URL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pressconv.contacts import EMAIL, URL, link_marks, link_target, parse_contact
from pressconv.model import Contact, Mark


def test_a_labelled_block_with_each_part_on_its_line() -> None:
    text = (
        "Media contact:\nJane Roe\nPress Officer\nSpringfield Council\n(202) 555-0143\n"
        "press@springfield.example"
    )
    assert replace(parse_contact(text), marks=()) == Contact(
        text=text,
        name="Jane Roe",
        role="Press Officer",
        organisation="Springfield Council",
        phone="+12025550143",
        email="press@springfield.example",
        url=None,
    )


def test_name_role_and_organisation_on_one_line_with_an_international_number_and_a_site() -> None:
    text = (
        "Contact: Anna de Vries, Spokesperson, Harbour Authority\nTel: +31 10 234 5678\n"
        "www.harbour.example/press."
    )
    contact = parse_contact(text)
    assert (contact.name, contact.role, contact.organisation) == (
        "Anna de Vries",
        "Spokesperson",
        "Harbour Authority",
    )
    assert contact.phone == "+31102345678"
    assert contact.url == "https://www.harbour.example/press"
    assert contact.text == text  # kept whole: nothing is lost whatever the fields miss


def test_a_block_with_only_an_office_and_an_address() -> None:
    contact = parse_contact("Press Office\npress@example.org")
    assert (contact.name, contact.organisation, contact.email, contact.phone) == (
        None,
        "Press Office",
        "press@example.org",
        None,
    )


def test_link_targets() -> None:
    assert link_target("press@example.org") == "mailto:press@example.org"
    assert link_target("www.example.org") == "https://www.example.org"
    assert link_target("http://example.org/a") == "http://example.org/a"


def test_marks_link_every_address_and_number_in_the_text() -> None:
    text = "Jo Park\nTel: (202) 555-0143\njo@example.org\nhttps://example.org/news/2024/10/28"
    contact = parse_contact(text)
    linked = [(text[m.start : m.end], m.target) for m in contact.marks]
    assert linked == [
        ("(202) 555-0143", "tel:+12025550143"),
        ("jo@example.org", "mailto:jo@example.org"),
        ("https://example.org/news/2024/10/28", "https://example.org/news/2024/10/28"),
    ]
    assert all(m.kind == "link" for m in contact.marks)


def _link_marks_as_first_written(text: str) -> tuple[Mark, ...]:
    """``link_marks`` before its search started on the line of the first "@": the whole text searched."""
    found = [(m.start(), m.end()) for m in EMAIL.finditer(text)] if "@" in text else []
    if "www." in text or "http" in text:
        for m in URL.finditer(text):
            if not any(a <= m.start() < b for a, b in found):
                found.append((m.start(), m.end()))
    return tuple(Mark(a, b, "link", link_target(text[a:b])) for a, b in sorted(found))


def test_link_marks_search_from_the_first_at_line_as_over_the_whole_text() -> None:
    # every block of the corpora and fixtures, and lines that put an address next to a line break, a
    # character the look-behind refuses ("-", ".", "+", a letter) or a web address inside an e-mail address
    tests = Path(__file__).resolve().parent
    texts = [
        "jo@a.example",
        "x\njo@a.example",
        "x.\njo@a.example",
        "x-\n-jo@a.example",
        "Contact:\nJo\n+1 202 555 0100\nwww.a.example\njo@www.a.example",
        "a@b\nc@d.example\n@\nwww.e.example/x.",
        "mail: j.o+x@a-b.example.org, k@c.example\nhttps://a.example/p?q=1).",
        "@\n\n-@x.org\nname@\nname@host.c0m\ndone@host.org.",
    ]
    for path in sorted([*tests.glob("corpus*/*.txt"), *tests.glob("fixtures/**/*.txt")]):
        text = path.read_text(encoding="utf-8")
        texts += [block for block in text.split("\n\n") if "@" in block or "www." in block or "http" in block]
    assert len(texts) > 300
    found = 0
    for text in texts:
        marks = link_marks(text)
        assert marks == _link_marks_as_first_written(text), text
        found += len(marks)
    assert found > 300  # addresses were there to find
