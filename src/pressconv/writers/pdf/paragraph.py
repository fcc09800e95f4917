"""Paragraph markup and a Paragraph parsed only when layout first looks at it.

All model text reaches reportlab's Paragraph mini-markup through ``escape``: ``<b>``, ``&amp;``
and ``<script>`` print as written.
"""

from __future__ import annotations

from typing import Any, ClassVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pressconv.compat.reportlab import become


def escape(text: str) -> str:
    """Model text as literal Paragraph markup: ``<b>``, ``&amp;`` and ``<script>`` print as written."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class LazyParagraph(Paragraph):
    """reportlab's Paragraph, parsing its markup into fragments only when layout first looks at it.

    A parsed paragraph holds a dozen-attribute fragment object per font run (~1.5 kB a
    paragraph); the whole story is built before layout starts, so a 10 MB release held all of
    them at once (+135 MB of peak RSS).  Parsed on first use, each lives from its layout to its
    drawing.  Any attribute the object lacks triggers the parse (then reportlab's own __init__
    sets everything it would have set, and the object becomes a plain Paragraph), so it behaves
    exactly as an eager one.
    """

    EAGER: ClassVar[type[Paragraph]] = Paragraph
    """The class the object becomes when parsed (a subclass may defer another Paragraph class)."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        if text is None:  # a part made by split(): fragments given, nothing to defer
            become(self, self.EAGER)
            self.EAGER.__init__(self, text, style, *args, **kwargs)  # type: ignore[arg-type]  # None: reportlab does it
        else:
            self.__dict__["_pending"] = (text, style, args, kwargs)

    def __getattr__(self, name: str) -> Any:
        pending = self.__dict__.pop("_pending", None)
        if pending is None:
            raise AttributeError(name)
        text, style, args, kwargs = pending
        # From now on a plain Paragraph: reportlab probes many absent attributes (getattr with a
        # default), and each would otherwise run this method.
        eager = self.EAGER
        become(self, eager)
        eager.__init__(self, text, style, *args, **kwargs)
        return getattr(self, name)
