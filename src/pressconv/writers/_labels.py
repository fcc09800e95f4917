"""The words a writer adds around a document's own, in the document's language: one table for all writers.

Today one label: the heading of a press kit's contents list (the HTML page's "Contents" heading and the
DOCX kit's TOC Heading).  By primary language subtag, as ``_pagination.PAGE_WORDS`` (the footer's words
around the page numbers); a language not listed gets the English word.
"""

from __future__ import annotations

#: By primary language subtag: the heading of a contents list.
CONTENTS: dict[str, str] = {
    "en": "Contents",
    "de": "Inhalt",
    "fr": "Sommaire",
    "es": "Índice",
    "it": "Indice",
    "pt": "Índice",
    "nl": "Inhoud",
    "sv": "Innehåll",
    "da": "Indhold",
    "nb": "Innhold",
    "pl": "Spis treści",
    "cs": "Obsah",
    "ru": "Содержание",
    "uk": "Зміст",
    "el": "Περιεχόμενα",
    "tr": "İçindekiler",
    "ar": "المحتويات",
    "he": "תוכן העניינים",
    "fa": "فهرست مطالب",
    "ja": "目次",
    "zh": "目录",
    "ko": "목차",
}


def contents_label(language: str | None) -> str:
    """The heading of a contents list in ``language`` (a BCP 47 tag; None or unknown: English)."""
    primary = (language or "en").split("-")[0].split("_")[0].lower()
    return CONTENTS.get(primary, CONTENTS["en"])
