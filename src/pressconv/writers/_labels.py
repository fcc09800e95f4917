"""The words a writer adds around a document's own, in the document's language: one table for all writers.

Every label a writer adds itself: the heading of a press kit's contents list (HTML, DOCX) and of an
EPUB's navigation document; the headings of the notes to editors (when the source gave none) and of
the footnotes and endnotes (HTML, EPUB, PDF, DOCX); an EPUB's landmarks (its list's heading and the
cover, title page, contents and start-of-text entries); the alternative text of an image whose source
gave none (PDF); a note's link back to its reference (HTML, EPUB).  By primary language subtag, as
``_pagination.PAGE_WORDS`` (the footer's words around the page numbers, kept apart for their bidi
handling); a language not listed gets the English words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Labels:
    """One language's labels."""

    contents: str
    """A contents list's heading (a kit's contents, an EPUB's navigation document and its landmark)."""
    notes_to_editors: str
    """The notes to editors' heading where the source gave none."""
    notes: str
    """The footnotes' and endnotes' heading."""
    landmarks: str
    """An EPUB's landmarks list (read by reading systems; hidden where the nav is a page)."""
    cover: str
    title_page: str
    start_of_content: str
    """The landmark of the first release's text."""
    image: str
    """An image's alternative text where neither alt text nor caption was given."""
    back_to_reference: str
    """A note's link back to its reference; ``{}`` is the note's label."""


#: By primary language subtag: every label a writer adds, in that language.
LABELS: dict[str, Labels] = {
    "en": Labels(
        "Contents",
        "Notes to editors",
        "Notes",
        "Landmarks",
        "Cover",
        "Title page",
        "Start of content",
        "Image",
        "Back to reference {}",
    ),
    "de": Labels(
        "Inhalt",
        "Hinweise für Redaktionen",
        "Anmerkungen",
        "Orientierungspunkte",
        "Umschlag",
        "Titelseite",
        "Textanfang",
        "Bild",
        "Zurück zum Verweis {}",
    ),
    "fr": Labels(
        "Sommaire",
        "Notes aux rédactions",
        "Notes",
        "Repères",
        "Couverture",
        "Page de titre",
        "Début du contenu",
        "Image",
        "Retour à la référence {}",
    ),
    "es": Labels(
        "Índice",
        "Notas para los editores",
        "Notas",
        "Puntos de referencia",
        "Cubierta",
        "Portada",
        "Inicio del contenido",
        "Imagen",
        "Volver a la referencia {}",
    ),
    "it": Labels(
        "Indice",
        "Note per le redazioni",
        "Note",
        "Punti di riferimento",
        "Copertina",
        "Frontespizio",
        "Inizio del contenuto",
        "Immagine",
        "Torna al riferimento {}",
    ),
    "pt": Labels(
        "Índice",
        "Notas para os editores",
        "Notas",
        "Pontos de referência",
        "Capa",
        "Folha de rosto",
        "Início do conteúdo",
        "Imagem",
        "Voltar à referência {}",
    ),
    "nl": Labels(
        "Inhoud",
        "Noot voor de redactie",
        "Noten",
        "Oriëntatiepunten",
        "Omslag",
        "Titelpagina",
        "Begin van de inhoud",
        "Afbeelding",
        "Terug naar verwijzing {}",
    ),
    "sv": Labels(
        "Innehåll",
        "Till redaktionen",
        "Noter",
        "Landmärken",
        "Omslag",
        "Titelsida",
        "Innehållets början",
        "Bild",
        "Tillbaka till hänvisning {}",
    ),
    "da": Labels(
        "Indhold",
        "Til redaktionen",
        "Noter",
        "Pejlemærker",
        "Omslag",
        "Titelblad",
        "Start på indhold",
        "Billede",
        "Tilbage til henvisning {}",
    ),
    "nb": Labels(
        "Innhold",
        "Til redaksjonen",
        "Noter",
        "Landemerker",
        "Omslag",
        "Tittelside",
        "Start på innholdet",
        "Bilde",
        "Tilbake til henvisning {}",
    ),
    "pl": Labels(
        "Spis treści",
        "Informacje dla redakcji",
        "Przypisy",
        "Punkty orientacyjne",
        "Okładka",
        "Strona tytułowa",
        "Początek treści",
        "Obraz",
        "Powrót do odsyłacza {}",
    ),
    "cs": Labels(
        "Obsah",
        "Poznámky pro redakce",
        "Poznámky",
        "Orientační body",
        "Obálka",
        "Titulní strana",
        "Začátek obsahu",
        "Obrázek",
        "Zpět na odkaz {}",
    ),
    "ru": Labels(
        "Содержание",
        "Примечания для редакций",
        "Примечания",
        "Ориентиры",
        "Обложка",
        "Титульный лист",
        "Начало текста",
        "Изображение",
        "Назад к ссылке {}",
    ),
    "uk": Labels(
        "Зміст",
        "Примітки для редакцій",
        "Примітки",
        "Орієнтири",
        "Обкладинка",
        "Титульна сторінка",
        "Початок тексту",
        "Зображення",
        "Назад до посилання {}",
    ),
    "el": Labels(
        "Περιεχόμενα",
        "Σημειώσεις για τους συντάκτες",
        "Σημειώσεις",
        "Ορόσημα",
        "Εξώφυλλο",
        "Σελίδα τίτλου",
        "Αρχή του κειμένου",
        "Εικόνα",
        "Επιστροφή στην παραπομπή {}",
    ),
    "tr": Labels(
        "İçindekiler",
        "Editörlere notlar",
        "Notlar",
        "Önemli noktalar",
        "Kapak",
        "Başlık sayfası",
        "İçeriğin başlangıcı",
        "Görsel",
        "Göndermeye dön {}",
    ),
    "ar": Labels(
        "المحتويات",
        "ملاحظات للمحررين",
        "ملاحظات",
        "المعالم",
        "الغلاف",
        "صفحة العنوان",
        "بداية المحتوى",
        "صورة",
        "العودة إلى الإحالة {}",
    ),
    "he": Labels(
        "תוכן העניינים",
        "הערות לעורכים",
        "הערות",
        "ציוני דרך",
        "כריכה",
        "עמוד שער",
        "תחילת התוכן",
        "תמונה",
        "חזרה להפניה {}",
    ),
    "fa": Labels(
        "فهرست مطالب",
        "یادداشت برای سردبیران",
        "یادداشت‌ها",
        "نشانه‌ها",
        "جلد",
        "صفحهٔ عنوان",
        "آغاز محتوا",
        "تصویر",
        "بازگشت به ارجاع {}",
    ),
    "ja": Labels(
        "目次", "編集者向け注記", "注", "ランドマーク", "表紙", "扉", "本文の始まり", "画像", "参照 {} に戻る"
    ),
    "zh": Labels("目录", "致编辑", "注释", "地标", "封面", "扉页", "正文开始", "图片", "返回引用 {}"),
    "ko": Labels(
        "목차",
        "편집자 참고 사항",
        "주석",
        "랜드마크",
        "표지",
        "속표지",
        "본문 시작",
        "이미지",
        "참조 {}(으)로 돌아가기",
    ),
}


def labels(language: str | None) -> Labels:
    """The labels in ``language`` (a BCP 47 tag; None or unknown: English)."""
    primary = (language or "en").split("-")[0].split("_")[0].lower()
    return LABELS.get(primary, LABELS["en"])
