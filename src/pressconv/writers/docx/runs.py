"""One run of text as WordprocessingML: w:r with its character style, w:t, w:tab and w:br."""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from pressconv.writers.docx.ooxml import XML_SPACE, w

_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")

#: Characters per w:t element: well under libxml2's 10,000,000-byte limit for one text node.
_MAX_TEXT = 1_000_000


def run(
    paragraph: etree._Element, text: str, style_id: str | None, *, bold: bool = False, italic: bool = False
) -> None:
    """One run holding ``text``; tabs and line breaks become w:tab and w:br, as Word stores them.

    ``style_id`` is its character style; ``bold`` and ``italic`` are direct formatting on top.
    """
    element = etree.SubElement(paragraph, w("r"))
    if style_id is not None or bold or italic:
        properties = etree.SubElement(element, w("rPr"))
        if style_id is not None:
            etree.SubElement(properties, w("rStyle"), {w("val"): style_id})
        if bold:
            etree.SubElement(properties, w("b"))
        if italic:
            etree.SubElement(properties, w("i"))
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            etree.SubElement(element, w("tab"))
        elif piece in ("\n", "\r", "\r\n"):
            etree.SubElement(element, w("br"))
        else:
            # Readers (lxml, python-docx) refuse a text node over 10 MB: long text spans several w:t.
            for start in range(0, len(piece), _MAX_TEXT):
                etree.SubElement(element, w("t"), {XML_SPACE: "preserve"}).text = piece[
                    start : start + _MAX_TEXT
                ]
