"""A Paragraph's parse and line breaking handed from one paragraph to another of the same markup and
style: reportlab's parser run once (``parsed_fragments``), and what ``wrap`` sets, taken over
(``wrap_state``, ``take_lines``), for the PDF writer's per-process cache (``writers.pdf.laid_cache``).

Kept apart from ``compat.reportlab`` only for that module's length; like it, it names what it relies
on and probes it (``probe_layout``, which ``compat.reportlab.probe`` runs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, cleanBlockQuotedText
from reportlab.platypus.paragraph import textTransformFrags  # type: ignore[attr-defined]
from reportlab.platypus.paraparser import ParaParser


def parsed_fragments(markup: str, style: Any) -> tuple[str, list[Any]] | None:
    """The cleaned text and the fragments ``Paragraph(markup, style)`` parses (``Paragraph._setup``:
    clean, ``ParaParser.parse``, ``textTransformFrags``), so they can be handed to another Paragraph
    of the same markup and style (``frags=``); None when the markup sets a bullet or another style
    (``<para>``) or does not parse (then reportlab's own ``__init__`` should run and say so)."""
    text = cleanBlockQuotedText(markup)
    parser = ParaParser()
    parser.caseSensitive = 1  # Paragraph's default
    parsed_style, frags, bullet = parser.parse(text, style)  # type: ignore[no-untyped-call]
    if frags is None or bullet or parsed_style is not style:
        return None
    textTransformFrags(frags, style)
    return text, frags


#: What ``Paragraph.wrap`` (and the ``breakLines`` it calls) sets on the paragraph.
WRAP_SETS = ("width", "height", "_wrapWidths", "blPara", "_width_max", "_hyphenations", "_splitLongWordCount")


def wrap_state(paragraph: Any) -> dict[str, Any]:
    """Everything a finished ``wrap`` set on ``paragraph`` (``WRAP_SETS``), to be given to another
    paragraph of the same fragments and style at the same width (``take_lines``)."""
    held = vars(paragraph)
    return {name: held[name] for name in WRAP_SETS if name in held}


def take_lines(paragraph: Any, state: dict[str, Any]) -> tuple[float, float]:
    """``paragraph`` as ``wrap`` leaves it, from the ``wrap_state`` of one with the same fragments and
    style wrapped at the same width (``_wrapWidths`` is a list: each paragraph gets its own copy)."""
    vars(paragraph).update(state)
    paragraph._wrapWidths = list(state["_wrapWidths"])
    return paragraph.width, paragraph.height


def probe_layout() -> list[str]:
    """What this module relies on, checked against the installed reportlab (empty: all there)."""
    problems: list[str] = []

    def _check(problems: list[str], what: str, test: Callable[[], object]) -> None:
        try:
            ok = test()
        except Exception as exc:  # any failure of a probe is the finding (as compat.reportlab's)
            problems.append(f"{what}: {type(exc).__name__}: {exc}")
            return
        if not ok:
            problems.append(what)

    def taken() -> bool:
        style = ParagraphStyle("probe", leftIndent=7, firstLineIndent=5, rightIndent=3)
        wrapped = Paragraph("a few words to break over lines", style)
        size = wrapped.wrap(60, 200)
        copy = Paragraph("a few words to break over lines", style)
        same = take_lines(copy, wrap_state(wrapped)) == size
        return same and {k: v for k, v in vars(copy).items() if k != "frags"} == {
            k: v for k, v in vars(wrapped).items() if k != "frags"
        }

    _check(problems, "Paragraph.wrap() sets width, _wrapWidths, blPara and height (take_lines)", taken)

    def parsed() -> bool:
        style = ParagraphStyle("probe")
        markup = 'a <font name="Helvetica-Bold">bold</font> word'
        ours, theirs = parsed_fragments(markup, style), Paragraph(markup, style)
        return ours is not None and [vars(f) for f in ours[1]] == [vars(f) for f in theirs.frags]

    _check(problems, "ParaParser.parse gives Paragraph's fragments (parsed_fragments)", parsed)
    return problems
