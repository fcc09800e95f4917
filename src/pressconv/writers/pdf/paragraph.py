"""Paragraph markup and a Paragraph parsed when layout first looks at it, its lines broken once per width.

All model text reaches reportlab's Paragraph mini-markup through ``escape``: ``<b>``, ``&amp;``
and ``<script>`` print as written.  A long text is laid out in pieces (``pieces_of``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pressconv.compat.reportlab import become, is_laid_out, plain_fragments
from pressconv.compat.reportlab_layout import parsed_fragments, take_lines, wrap_state
from pressconv.writers.pdf import laid_cache


def escape(text: str) -> str:
    """Model text as literal Paragraph markup: ``<b>``, ``&amp;`` and ``<script>`` print as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class LaidParagraph(Paragraph):
    """reportlab's Paragraph, breaking its lines once per width: a second ``wrap`` at the same width
    (a group kept with the next flowable is measured, then laid out; a quote's speaker line is
    measured for the page and for its split) keeps the lines it has: breaking them again from the
    same fragments at the same width gives the same lines (the height asked for plays no part).
    A part made by ``split`` has not been wrapped itself, and a ``split`` that drops the lines
    (``is_laid_out``) leaves them to be broken again, so then ``wrap`` breaks them."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.__dict__.get("_laid_width") == availWidth and is_laid_out(self):
            return self.width, self.height
        # A plain paragraph as parsed (not a part made by split) breaks as every other with its
        # markup and style at this width did: the lines are taken from the process's cache.
        shared = self.__dict__.get("_laid_key")
        key = None
        if shared is not None and self.__dict__.get("frags") is shared[1]:
            key = (shared[0], availWidth)
            cached = laid_cache.lines(key)
            if cached is not None:
                self.__dict__["_laid_width"] = availWidth
                return take_lines(self, cached)
        width, height = super().wrap(availWidth, availHeight)
        self.__dict__["_laid_width"] = availWidth
        if key is not None and height != 0x7FFFFFFF and laid_cache.admit(key):
            laid_cache.keep_lines(key, wrap_state(self))
        return width, height


class LazyParagraph(Paragraph):
    """reportlab's Paragraph, parsing its markup into fragments only when layout first looks at it.

    A parsed paragraph holds a dozen-attribute fragment object per font run (~1.5 kB a
    paragraph); the whole story is built before layout starts, so a 10 MB release held all of
    them at once (+135 MB of peak RSS).  Parsed on first use, each lives from its layout to its
    drawing.  Any attribute the object lacks triggers the parse (then reportlab's own __init__
    sets everything it would have set, and the object becomes a ``LaidParagraph``), so it behaves
    exactly as an eager one.
    """

    EAGER: ClassVar[type[Paragraph]] = LaidParagraph
    """The class the object becomes when parsed (a subclass may defer another Paragraph class)."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        if text is None:  # a part made by split(): fragments given, nothing to defer
            become(self, self.EAGER)
            self.EAGER.__init__(self, text, style, *args, **kwargs)  # type: ignore[arg-type]  # None: reportlab does it
        else:
            self.__dict__["_pending"] = (text, style, args, kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # ``wrap`` is found on the class, so a paragraph first measured (a quote's speaker line)
        # would be broken by reportlab's own ``wrap`` without ever passing the eager class's.
        if "_pending" in self.__dict__:
            self._parse()
        wrap: Any = type(self).wrap  # the eager class's now
        return wrap(self, availWidth, availHeight)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        if "_pending" not in self.__dict__:
            raise AttributeError(name)
        self._parse()
        return getattr(self, name)

    def _parse(self) -> None:
        text, style, args, kwargs = self.__dict__.pop("_pending")
        # From now on a plain Paragraph: reportlab probes many absent attributes (getattr with a
        # default), and each would otherwise run this method.
        eager = self.EAGER
        become(self, eager)
        # Plain escaped text (most paragraphs) skips reportlab's HTML tokenizer: the same fragments.
        # A short paragraph's fragments (and lines, in ``wrap``) come from the process's cache.
        if args or kwargs:
            plain = None
        elif (
            eager is LaidParagraph
            and len(text) <= laid_cache.LONGEST
            and (style_key := laid_cache.style_key(style)) is not None
        ):
            key = (text, style_key)
            plain = laid_cache.fragments(key)
            if plain is laid_cache.MISSING:
                plain = plain_fragments(text, style) or parsed_fragments(text, style)
                if laid_cache.admit(key):
                    laid_cache.keep_fragments(key, plain)
            if plain is not None:
                self.__dict__["_laid_key"] = (key, plain[1])
        else:
            plain = plain_fragments(text, style)
        if plain is None:
            eager.__init__(self, text, style, *args, **kwargs)
        else:
            eager.__init__(self, plain[0], style, frags=plain[1])


#: Paragraphs longer than this many characters are laid out in pieces.  reportlab re-breaks the
#: whole remainder of a paragraph on every page it splits it across, which is quadratic in its
#: length (a 10 MB one-paragraph text would take hours); pieces of a few pages keep it linear.
PIECE = 20_000


def pieces_of(text: str) -> list[str]:
    """``text`` cut at spaces into runs of at most ``PIECE`` characters (a word longer than that is cut)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > PIECE:
        cut = text.rfind(" ", start + PIECE // 2, start + PIECE)
        if cut == -1:
            pieces.append(text[start : start + PIECE])
            start += PIECE
        else:
            pieces.append(text[start:cut])
            start = cut + 1
    pieces.append(text[start:])
    return pieces


def piece_starts(text: str, pieces: list[str]) -> list[int]:
    """Where each of ``pieces_of(text)`` starts in ``text`` (a cut at a space drops that space)."""
    starts, at = [], 0
    for piece in pieces:
        at = at if text.startswith(piece, at) else at + 1
        starts.append(at)
        at += len(piece)
    return starts
