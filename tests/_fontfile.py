"""A small TrueType font made in code (fontTools' FontBuilder), for tests that embed a theme's font file.

Its glyphs are plain boxes and bars, one per character it maps (ASCII letters, digits, space and a few
marks), so a test needs no font of the machine and the file is a few kilobytes.  The same arguments give
the same bytes (the head table's timestamps are fixed).
"""

from __future__ import annotations

import string
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

CHARACTERS = string.ascii_letters + string.digits + ".,;:'’“”\"-—()&!?"


def build(path: Path, family: str = "Pressconv Test Face", *, bold: bool = False) -> Path:
    """Write a font of ``family`` (Regular, or Bold with weight 700) to ``path``; return ``path``."""
    names = [".notdef", "space"] + [f"g{ord(c):04x}" for c in CHARACTERS]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({32: "space", **{ord(c): f"g{ord(c):04x}" for c in CHARACTERS}})
    stroke = 140 if bold else 70
    glyphs = {}
    for index, name in enumerate(names):
        pen = TTGlyphPen(None)
        if name != "space":
            # A frame, and a bar whose height tells the glyphs apart.
            height = 300 + (index * 37) % 400
            for x0, y0, x1, y1 in (
                (60, 0, 60 + stroke, 700),
                (540 - stroke, 0, 540, 700),
                (60, 0, 540, stroke),
                (60, height, 540, height + stroke),
            ):
                pen.moveTo((x0, y0))
                pen.lineTo((x0, y1))
                pen.lineTo((x1, y1))
                pen.lineTo((x1, y0))
                pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (600 if name != "space" else 300, 0) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    style = "Bold" if bold else "Regular"
    builder.setupNameTable({"familyName": family, "styleName": style})
    builder.setupOS2(
        sTypoAscender=800,
        sTypoDescender=-200,
        usWinAscent=800,
        usWinDescent=200,
        usWeightClass=700 if bold else 400,
        fsSelection=0x20 if bold else 0x40,
    )
    builder.setupPost()
    builder.updateHead(created=0, modified=0, macStyle=1 if bold else 0)
    builder.font.recalcTimestamp = False
    builder.save(str(path))
    return path
