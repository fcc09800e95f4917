"""One run of text as WordprocessingML: w:r with its character style, w:t, w:tab and w:br."""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from pressconv.writers.docx.ooxml import XML_SPACE, w

_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")

#: Characters per w:t element: well under libxml2's 10,000,000-byte limit for one text node.
_MAX_TEXT = 1_000_000

# Clark names made once: a document asks for them thousands of times.
_R, _RPR, _RSTYLE, _VAL, _B, _I = w("r"), w("rPr"), w("rStyle"), w("val"), w("b"), w("i")
_T, _TAB, _BR = w("t"), w("tab"), w("br")
_PRESERVE = {XML_SPACE: "preserve"}


def run(
    paragraph: etree._Element, text: str, style_id: str | None, *, bold: bool = False, italic: bool = False
) -> None:
    """One run holding ``text``; tabs and line breaks become w:tab and w:br, as Word stores them.

    ``style_id`` is its character style; ``bold`` and ``italic`` are direct formatting on top.
    """
    element = etree.SubElement(paragraph, _R)
    if style_id is not None or bold or italic:
        properties = etree.SubElement(element, _RPR)
        if style_id is not None:
            etree.SubElement(properties, _RSTYLE, {_VAL: style_id})
        if bold:
            etree.SubElement(properties, _B)
        if italic:
            etree.SubElement(properties, _I)
    if len(text) <= _MAX_TEXT and "\t" not in text and "\n" not in text and "\r" not in text:
        if text:  # most runs: one w:t, as the loop below would make
            etree.SubElement(element, _T, _PRESERVE).text = text
        return
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            etree.SubElement(element, _TAB)
        elif piece in ("\n", "\r", "\r\n"):
            etree.SubElement(element, _BR)
        else:
            # Readers (lxml, python-docx) refuse a text node over 10 MB: long text spans several w:t.
            for start in range(0, len(piece), _MAX_TEXT):
                etree.SubElement(element, _T, _PRESERVE).text = piece[start : start + _MAX_TEXT]
