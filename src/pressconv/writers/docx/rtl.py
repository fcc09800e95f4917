"""A document's language in Word's terms: which w:lang slot it fills, and right-to-left by default.

Word keeps a run's language in one of three slots of w:lang: ``val`` for
Latin (and Cyrillic, Greek …) text, ``eastAsia`` for Chinese, Japanese and
Korean, ``bidi`` for complex scripts written right to left.  A right-to-left
document also gets w:bidi in the paragraph defaults, so every paragraph runs
right to left without direct formatting.
"""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]

from pressconv.text import is_rtl_language, primary_language
from pressconv.writers.docx.ooxml import PPR_ORDER, child, w

# Languages whose text Word keeps in the East Asian slot of w:lang; right-to-left ones (the one list
# every writer asks, ``pressconv.text.RTL_LANGUAGES``) go in the complex-script (bidi) slot.
EAST_ASIAN = frozenset({"zh", "ja", "ko"})

# Paragraph properties that follow w:bidi in the schema's fixed order.
_AFTER_BIDI = frozenset(PPR_ORDER[PPR_ORDER.index("bidi") + 1 :])


def set_language(styles: etree._Element, language: str) -> None:
    """Make ``language`` (a BCP 47 tag) the styles part's default, right to left where it is written so."""
    defaults = child(styles, "docDefaults", first=True)
    run_properties = child(child(defaults, "rPrDefault", first=True), "rPr")
    lang = child(run_properties, "lang")
    rtl = is_rtl_language(language)
    slot = "eastAsia" if primary_language(language) in EAST_ASIAN else "bidi" if rtl else "val"
    lang.set(w(slot), language)
    if rtl:
        _right_to_left(defaults)


def _right_to_left(defaults: etree._Element) -> None:
    """Right-to-left paragraphs by default for a right-to-left language: a default, not direct formatting."""
    properties = child(child(defaults, "pPrDefault"), "pPr")
    if properties.find(w("bidi")) is not None:
        return
    bidi = etree.Element(w("bidi"))
    anchor = next((c for c in properties if etree.QName(c).localname in _AFTER_BIDI), None)
    if anchor is None:
        properties.append(bidi)
    else:
        anchor.addprevious(bidi)
