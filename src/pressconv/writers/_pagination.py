"""A document's language -> the words around the numbers of its "Page X of Y" footer (DOCX and PDF).

The DOCX footer is a paragraph Word lays out with the bidi algorithm; the PDF
footer is one string drawn left to right, where right-to-left words would come
out in the wrong order, so there those languages get the neutral "X / Y".
"""

from __future__ import annotations

#: By primary language subtag: the words before and between the two numbers; other languages get
#: the English words.
PAGE_WORDS: dict[str, tuple[str, str]] = {
    "en": ("Page ", " of "),
    "de": ("Seite ", " von "),
    "fr": ("Page ", " sur "),
    "es": ("Página ", " de "),
    "it": ("Pagina ", " di "),
    "pt": ("Página ", " de "),
    "nl": ("Pagina ", " van "),
    "sv": ("Sida ", " av "),
    "da": ("Side ", " af "),
    "nb": ("Side ", " av "),
    "pl": ("Strona ", " z "),
    "cs": ("Strana ", " z "),
    "ru": ("Страница ", " из "),
    "uk": ("Сторінка ", " з "),
    "el": ("Σελίδα ", " από "),
    "tr": ("Sayfa ", " / "),
    # Right-to-left languages need their own words: English ones would be reordered around the numbers.
    "ar": ("صفحة ", " من "),
    "he": ("עמוד ", " מתוך "),
    "fa": ("صفحه ", " از "),
    "ja": ("", " / "),
    "zh": ("", " / "),
    "ko": ("", " / "),
}

#: Languages whose words above are right-to-left.
_RIGHT_TO_LEFT = frozenset({"ar", "he", "fa"})


def page_words(language: str, *, bidi: bool = True) -> tuple[str, str]:
    """The words before and between the page numbers for ``language`` (a BCP 47 tag).

    ``bidi=False`` is for a footer drawn as one left-to-right string.
    """
    primary = language.split("-")[0].lower()
    if not bidi and primary in _RIGHT_TO_LEFT:
        return PAGE_WORDS["ja"]
    return PAGE_WORDS.get(primary, PAGE_WORDS["en"])
