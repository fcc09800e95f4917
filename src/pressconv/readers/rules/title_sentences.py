"""Headlines that end like a sentence: Title Case with a period, a question, or a label over a quotation.

Split from ``headline_shape`` (the shapes of the lines at the top); the headline rule asks whether a line
closing with sentence punctuation may still be the headline.
"""

from __future__ import annotations

from pressconv.readers.heading_shape import title_case
from pressconv.readers.name_runs import sentence_ends
from pressconv.readers.rules.headline_shape import title_case_statement, titled_question

_OPENING_MARKS = '"“«„‘'
_CLOSING_MARKS = '"”»“’'
_MAX_QUOTED_TITLE_WORDS = 25


def titled_sentence(text: str) -> bool:
    """A headline that ends like a sentence: in Title Case with a period, a question, or carrying a quote."""
    return title_case_statement(text) or titled_question(text) or quoted_title(text)


def quoted_title(text: str) -> bool:
    """ "Mayor on the Flood Plan: “We Will Rebuild Every Home.”": a Title Case label, a colon and a quotation
    closing the line: a headline carrying a quote, not a sentence of the lede."""
    if text[-1:] not in _CLOSING_MARKS or ": " not in text or len(text.split()) > _MAX_QUOTED_TITLE_WORDS:
        return False
    label, quote = text.split(": ", 1)
    return quote[:1] in _OPENING_MARKS and title_case(label) and not sentence_ends(label)
