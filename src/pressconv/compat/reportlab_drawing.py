"""The one reportlab internal the theme's letterhead needs: the operators a drawing adds to a page.

Apart from ``compat.reportlab`` (the PDF writer's other internals) to keep each module short;
``probe()`` checks it the same way, and ``compat.reportlab``'s test runs it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas


def drawn_operators(canvas: Canvas, draw: Callable[[Canvas], None]) -> list[str]:
    """The content-stream operators ``draw`` adds to ``canvas``'s current page (``Canvas._code``), so a
    drawing made once can be replayed with the public ``Canvas.addLiteral``."""
    code: list[Any] = canvas._code  # type: ignore[attr-defined]
    start = len(code)
    draw(canvas)
    return [str(op) for op in code[start:]]


def probe() -> list[str]:
    """What in the installed reportlab differs from what this module relies on; empty when all holds."""
    try:
        canv = Canvas(io.BytesIO())
        drawn = drawn_operators(canv, lambda c: c.rect(0, 0, 10, 10, stroke=0, fill=1))
        ok = any(" re" in op for op in drawn) and canv._code[-len(drawn) :] == drawn  # type: ignore[attr-defined]
    except Exception as exc:  # any failure of the probe is the finding, whatever it is
        return [f"Canvas._code: the page's operators, appended as drawn: {type(exc).__name__}: {exc}"]
    return [] if ok else ["Canvas._code: the page's operators, appended as drawn"]
