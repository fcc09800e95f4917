"""Paragraph markup for the model's text: escaped, with fallback-font runs, inline marks and amounts kept
on one line; the markup of the kinds of text that recur from release to release kept per process.

A press office's releases share words: a quote's speaker line, the "About" boilerplate, the contact
block, the theme's letterhead.  Their markup depends only on the words, the face, the marks and the
link colour when every character is in the face (no fallback font, no missing glyph to report), the
text is not shaped right to left, and the marks are links and breaks: then it is made once per
process (``_kept``), and the words each link gives its annotation are replayed into every render.
"""

from __future__ import annotations

from typing import Protocol

from pressconv.errors import Notes
from pressconv.model import Marks
from pressconv.writers.pdf.fonts import Face, FontSet
from pressconv.writers.pdf.inline import keep_amounts_together, render
from pressconv.writers.pdf.paragraph import escape


class _Styles(Protocol):
    @property
    def link_color(self) -> str: ...


class MarkupContext(Protocol):
    """What markup reads of a render (``story.Context`` is one)."""

    @property
    def fonts(self) -> FontSet: ...
    @property
    def styles(self) -> _Styles: ...
    @property
    def notes(self) -> Notes: ...
    @property
    def rtl(self) -> bool: ...
    @property
    def labels(self) -> dict[str, str]: ...
    @property
    def links(self) -> dict[str, str]: ...


#: Markup of the kinds of text that recur from release to release, kept per process (``markup``).
RECURRING = 512
_RECURRING: dict[tuple[str, str, Marks, str, bool], tuple[str, tuple[tuple[str, str], ...]]] = {}
#: Marks that leave a text in its own face: its markup depends on nothing else.
_SAME_FACE_MARKS = frozenset({"link", "break"})


def markup(ctx: MarkupContext, text: str, face: Face, marks: Marks = (), *, recurring: bool = False) -> str:
    """Markup for ``text`` in ``face`` with its inline ``marks`` (``inline``); amounts kept on one line.

    ``recurring``: a kind of text that comes back in release after release (a quote's speaker line,
    the boilerplate, a contact block): its markup is kept for the process (``_kept``).
    """
    if recurring:
        return _kept(ctx, text, face, marks, amounts=True)
    return _made(ctx, text, face, marks, ctx.links, amounts=True)


def text_markup(ctx: MarkupContext, text: str, face: Face) -> str:
    """Escaped markup for ``text`` in ``face``, with fallback fonts (for text outside the model's blocks:
    the theme's letterhead, the same in every release, kept for the process as ``_kept`` says)."""
    return _kept(ctx, text, face, (), amounts=False)


def _made(
    ctx: MarkupContext, text: str, face: Face, marks: Marks, links: dict[str, str], *, amounts: bool
) -> str:
    if amounts:
        text = keep_amounts_together(text)
    if not marks:
        return plain(ctx, text, face)
    return render(
        text,
        face,
        marks,
        fonts=ctx.fonts,
        plain=lambda t, f: plain(ctx, t, f),
        labels=ctx.labels,
        links=links,
        link_color=ctx.styles.link_color,
    )


def _kept(ctx: MarkupContext, text: str, face: Face, marks: Marks, *, amounts: bool) -> str:
    """``_made``'s markup, kept for the process when it depends on nothing but the words, the face, the
    marks and the link colour: every character in the face (no fallback font, no missing glyph to
    report), no right-to-left shaping, and only link and break marks.  The words each link gives its
    annotation are replayed into this render's ``links``."""
    if ctx.rtl or not all(mark.kind in _SAME_FACE_MARKS for mark in marks):
        return _made(ctx, text, face, marks, ctx.links, amounts=amounts)
    key = (text, face.name, marks, ctx.styles.link_color, amounts)
    found = _RECURRING.get(key)
    if found is None:
        links: dict[str, str] = {}
        markup = _made(ctx, text, face, marks, links, amounts=amounts)
        if not face.chars.issuperset(text):
            ctx.links.update((url, words) for url, words in links.items() if url not in ctx.links)
            return markup
        if len(_RECURRING) >= RECURRING:
            _RECURRING.clear()
        found = _RECURRING[key] = (markup, tuple(links.items()))
    for url, words in found[1]:
        ctx.links.setdefault(url, words)
    return found[0]


def plain(ctx: MarkupContext, text: str, face: Face) -> str:
    """Escaped markup for ``text`` in ``face``, with fallback-font runs for characters the face lacks.

    In a right-to-left document Arabic is shaped first, so fonts are chosen for the joined forms drawn.
    """
    runs: list[tuple[Face | None, str]]
    if ctx.rtl:
        from pressconv.writers.pdf import rtl as bidi

        runs = []
        for run_face, chunk in ctx.fonts.runs(bidi.shape(text), face, ctx.notes):
            # The fallback search hands out one run per character (a new Face each time): joined, a
            # word is one font tag, and one fragment for reportlab to measure (4x faster for Arabic).
            last = runs[-1][0] if runs else None
            if last is not None and run_face is not None and last.name == run_face.name:
                runs[-1] = (last, runs[-1][1] + chunk)
            else:
                runs.append((run_face, chunk))
    else:
        runs = ctx.fonts.runs(text, face, ctx.notes)
    parts: list[str] = []
    for run_face, chunk in runs:
        if run_face is None:
            parts.append(escape(chunk))
        else:
            parts.append(f'<font name="{run_face.name}">{escape(chunk)}</font>')
    return "".join(parts)
