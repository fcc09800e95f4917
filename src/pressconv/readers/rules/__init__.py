"""The inference rules, one module each, run in the declared ``ORDER`` over one ``WorkList``.

Every rule has the same shape, markdown-it's rule chain: ``apply(work) -> None``
reads and refines the work list.  Adding a rule is its own module, its fixture
in ``tests/fixtures/reader/`` and one line in ``ORDER``.

1. ``lines``       unwrapped paragraphs split; a heading line glued on top split off
2. ``about``       an "About …" first line becomes its own block
3. ``furniture``   release notice, embargo, byline, date line, contacts, end mark -> metadata
   ``pagination``  a PDF's page numbers, "(MORE)" and running heads -> furniture (out of the body)
4. ``lists``       marker lines -> list blocks (loose lists merged)
5. ``headline``    the headline line (a scored choice among the first blocks) and its dek
   ``bulletin``    a daily bulletin's masthead -> the headline, its items' titles -> headings
   ``page_items``  letterhead lines above the headline, one item each; a mailing list's footer set apart
6. ``headings``    short title-like lines followed by body -> section headings
   ``labels``      a heading under a label heading ("WHEN:") is the label's value
   ``questions``   the questions of an FAQ or Q&A -> headings
   ``lead_chrome`` headings between the headline and the lede (kickers, captions, banners) -> chrome text
7. ``quotes``      mostly-quoted paragraphs -> quotes, multi-paragraph runs
8. ``dateline``    the lede's dateline (left in the text)
9. ``statement``   a statement issued in someone's name: whose it is, as written
10. ``speakers``   attribution, full name, title, pronouns, role references, the statement's issuer
11. ``quotations`` every direct quotation as a span with its speaker, pieces of one quotation joined
12. ``summary``    a one-sentence summary under the headline, above the page's byline or date -> the dek
                   (after the speakers: the summary may name whom the quotes refer to by role)
13. ``derive``     a headline from the lede when none came from option, front matter or text
"""

from __future__ import annotations

from collections.abc import Callable

from pressconv.readers.rules import (
    about,
    bulletin,
    dateline,
    derive,
    furniture,
    headings,
    headline,
    labels,
    lead_chrome,
    lines,
    lists,
    page_items,
    pagination,
    questions,
    quotations,
    quotes,
    speakers,
    statement,
    summary,
)
from pressconv.readers.worklist import WorkList

Rule = Callable[[WorkList], None]

ORDER: tuple[tuple[str, Rule], ...] = (
    ("lines", lines.apply),
    ("about", about.apply),
    ("furniture", furniture.apply),
    ("pagination", pagination.apply),
    ("lists", lists.apply),
    ("headline", headline.apply),
    ("bulletin", bulletin.apply),
    ("page_items", page_items.apply),
    ("headings", headings.apply),
    ("labels", labels.apply),
    ("questions", questions.apply),
    ("lead_chrome", lead_chrome.apply),
    ("quotes", quotes.apply),
    ("dateline", dateline.apply),
    ("statement", statement.apply),
    ("speakers", speakers.apply),
    ("quotations", quotations.apply),
    ("summary", summary.apply),
    ("derive", derive.apply),
)


def run(work: WorkList) -> None:
    """Apply every rule in order."""
    for _name, rule in ORDER:
        rule(work)
