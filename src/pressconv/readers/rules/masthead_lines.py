"""Lines above a headline that are the page's, not the release's: site sections and organisation names.

"Skyvale Airways Newsroom", "Recalls & Product Safety Warnings", "Bundesministerium für Klimaschutz",
"Communications & Community Engagement", "News Releases from Region 09": the headline rule scores
them as chrome.  Split from ``headline_shape`` (the shapes of headlines, deks and labels).
"""

from __future__ import annotations

import re

from pressconv import lazy_re
from pressconv.readers.document_cache import per_document
from pressconv.readers.heading_shape import title_case
from pressconv.readers.lexicon import FINITE_VERBS
from pressconv.readers.rules.headline_shape import PLURAL_NOUNS, has_verb

# A site's newsroom section after the site's name ("Skyvale Airways Newsroom", "Harbridge Media Centre").
_SITE_SECTIONS = (
    "newsroom",
    "newsrooms",
    "pressroom",
    "press room",
    "media room",
    "news room",
    "media centre",
    "media center",
    "news centre",
    "news center",
    "press centre",
    "press center",
    "press office",
    "media hub",
    "news hub",
    "press releases",
    "news releases",
    "media releases",
    "salle de presse",
    "espace presse",
    "sala de prensa",
    "pressebereich",
    "presseraum",
)
_MAX_SITE_NAME_WORDS = 6


def site_section(text: str) -> bool:
    """ "Skyvale Airways Newsroom": a site's name (capitalised, no verb) and its newsroom section."""
    lowered = text.lower().rstrip(" :")
    if not lowered.endswith(_SITE_SECTIONS):
        return False  # the cheap test first: most lines end otherwise
    section = next(s for s in _SITE_SECTIONS if lowered.endswith(s))
    name = text[: len(lowered) - len(section)].strip(" -–—|:·")
    words = name.split()
    return (
        0 < len(words) <= _MAX_SITE_NAME_WORDS
        and lowered[len(lowered) - len(section) - 1 : len(lowered) - len(section)] in (" ", "")
        and title_case(name, share=1.0)
        and not has_verb(name, endings=False)
    )


_CONJUNCTION = re.compile(r"\s(?:&|and|und|et|y)\s")
_MAX_SECTION_LABEL_WORDS = 6


def plural_section_label(text: str) -> bool:
    """ "Recalls & Product Safety Warnings", "News and Events": a site section named by plural nouns.

    Both sides of the "&" or "and" end in a plural noun, in Title Case, without an
    auxiliary verb; "Smith & Sons Opens Store" ends otherwise.
    """
    if "&" not in text and " and " not in text.lower():
        return False  # the cheap test first
    parts = _CONJUNCTION.split(text)
    words = text.split()
    return (
        len(parts) == 2
        and len(words) <= _MAX_SECTION_LABEL_WORDS
        and title_case(text, share=1.0)
        and not has_verb(text, endings=False)
        and all(_plural(part.split()[-1]) for part in parts if part.split())
        and all(part.split() for part in parts)
    )


def _plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in PLURAL_NOUNS:
        return True
    return len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith("ss")


# Institution words as they appear inside names, compounds included ("Bundesministerium",
# "Landratsamt", "Secretaría", "Prefeitura", "Ufficio"): a stem found in a word of a name.
_INSTITUTION_STEMS = (
    "ministry",
    "ministeri",  # Ministerium, Ministerio, Ministério, Ministero, Ministerie
    "ministère",
    "ministero",
    "ministério",
    "secretar",  # Secretaría, Secretaria, Secretariat, Secretary's office
    "secrétariat",
    "segreteria",
    "governo",
    "gobierno",
    "gouvernement",
    "government",
    "regierung",
    "prefeitura",
    "préfecture",
    "prefettura",
    "prefectura",
    "alcaldía",
    "ayuntamiento",
    "mairie",
    "municipal",
    "município",
    "municipio",
    "comune",
    "dirección",
    "direção",
    "direzione",
    "direction",
    "directorate",
    "department",
    "departamento",
    "département",
    "dipartimento",
    "office",
    "ufficio",
    "oficina",
    "bureau",
    "agency",
    "agencia",
    "agência",
    "agence",
    "agenzia",
    "behörde",
    "verwaltung",
    "library",
    "biblioteca",
    "bibliothèque",
    "bibliothek",
    "council",
    "authority",
    "administration",
    "division",
    "división",
    "divisão",
    "divisione",
    "abteilung",
    "gabinete",
    "gabinetto",
    "cabinet",
    "kanzlei",  # Staatskanzlei, Senatskanzlei
    "präsidium",  # Polizeipräsidium, Regierungspräsidium
    "direktion",  # Polizeidirektion
    "inspektion",  # Polizeiinspektion, Bundespolizeiinspektion
    "consejería",
    "conselleria",
    "assessoria",
    "coordenadoria",
    "superintend",
    "district",  # "Birch Lake Regional School District", "Harbour Water District"
    "distrito",
    "distretto",
)
# German compounds ending in an office: "Landratsamt", "Bundesamt", "Presseamt".
_AMT = re.compile(r"amt$")
# A communications or press unit under an organisation's name ("Communications & Community Engagement",
# "Secretaria de Comunicação", "Ufficio Stampa", "Pressestelle", "Media Relations").
_UNIT_WORDS = frozenset(
    {
        "communications",
        "communication",
        "comunicação",
        "comunicación",
        "comunicazione",
        "comunicaciones",
        "comunicações",
        "comunicazioni",
        "kommunikation",
        "engagement",
        "stampa",
        "prensa",
        "imprensa",
        "presse",
        "pressestelle",
        "media",
        "relations",
        "affairs",
        "outreach",
    }
)
# Small words inside a name in the languages the names come in ("Governo do Estado", "Ministero della
# Cultura", "Bundesministerium für Klimaschutz und Energie").
_NAME_SMALL = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "&",
        "de",
        "do",
        "da",
        "dos",
        "das",
        "del",
        "della",
        "dello",
        "dei",
        "delle",
        "di",
        "du",
        "des",
        "la",
        "le",
        "les",
        "el",
        "los",
        "las",
        "et",
        "e",
        "y",
        "und",
        "für",
        "der",
        "die",
        "von",
        "i",
        "a",
        "al",
        "à",
        "aux",
        "en",
    }
)
_MAX_UNIT_WORDS = 9
# Adjectives ending in -ed that names carry ("Unified School District", "United Nations Office").
_NAME_ADJECTIVES = frozenset(
    {"unified", "united", "consolidated", "incorporated", "associated", "integrated", "amalgamated"}
    | {"federated"}
)


_QUALIFIER = re.compile(r"\s+\([^()\d]{2,40}\)$")


def organisation_line(text: str) -> bool:
    """ "Bundesministerium für Klimaschutz", "Governo do Estado", "Communications & Community Engagement".

    A name of capitalised nouns (small linking words aside) with an institution
    word (or a communications unit's word), no verb, no sentence punctuation, no
    colon: the organisation or unit a release comes from, never its headline.
    """
    stripped = text.strip()
    if stripped.endswith(")"):
        stripped = _QUALIFIER.sub("", stripped)  # "Polizeipräsidium (Potsdam)": the office, its seat
    if not stripped or stripped[-1] in '.!?:;,"”»':
        return False
    words = stripped.split()
    if len(words) > _MAX_UNIT_WORDS:
        return False
    lowered: list[str] = []
    for word in words:
        lowered.append(word.lower().strip("(),"))
        if lowered[-1] not in _NAME_SMALL and not word[:1].isupper():
            return False  # a word in lower case that links no name ("City council opens …"): decided first
    content = [(w, lw) for w, lw in zip(words, lowered, strict=True) if lw not in _NAME_SMALL]
    if not content or any(map(str.isdigit, stripped)):
        return False
    # "Ministry Is Hiring", "City Council Approves Budget": a headline; Portuguese "do" is no verb, and
    # neither is the adjective of "Unified School District"
    if has_verb(
        " ".join(
            "of" if (lw in FINITE_VERBS and lw in _NAME_SMALL) or lw in _NAME_ADJECTIVES else w
            for w, lw in zip(words, lowered, strict=True)
        )
    ):
        return False
    # The institution word heads the name: last ("… Public Library"), or first before "of", "de", "für" …
    # ("Secretaria de Comunicação"); not "Library Week" or "New Library for Old Town".
    last = len(content) - 1
    for k, (_w, lw) in enumerate(content):
        if k not in (0, last):
            continue
        if lw in _UNIT_WORDS or _AMT.search(lw) is not None or any(stem in lw for stem in _INSTITUTION_STEMS):
            at = lowered.index(lw)
            if k == last or (at + 1 < len(lowered) and lowered[at + 1] in _NAME_SMALL):
                return True
    return False


_FROM = re.compile(r"^from\s+(?:the\s+)?(?=[A-ZÀ-Ý])", re.IGNORECASE)
_MAX_ISSUER_WORDS = 14


def from_issuer(text: str) -> bool:
    """ "From the Wildlife Division of the Department of Natural Resources": whose release follows.

    "From (the)" and a name in Title Case holding an institution word anywhere,
    no auxiliary verb, no sentence punctuation: the issuing office, never the headline.
    """
    match = _FROM.match(text)
    if match is None or text.rstrip()[-1:] in '.!?:;,"”»' or len(text.split()) > _MAX_ISSUER_WORDS:
        return False
    words = text[match.end() :].split()
    lowered = [w.lower().strip("(),") for w in words]
    return (
        all(w[:1].isupper() for w, lw in zip(words, lowered, strict=True) if lw not in _NAME_SMALL)
        and not any(lw in FINITE_VERBS and lw not in _NAME_SMALL for lw in lowered)
        and any(stem in lw for lw in lowered for stem in _INSTITUTION_STEMS)
    )


# A site's list of releases named after its region or office: "News Releases from Region 09",
# "Press releases of the Ministry", "Notícias da Secretaria", "Communiqués de presse du …".
_SECTION_FROM = lazy_re.compile(
    r"^(?:(?:news|press|media)\s+releases?|news|latest\s+news|notícias|noticias|notizie|nachrichten"
    r"|communiqués(?:\s+de\s+presse)?|comunicados(?:\s+de\s+(?:prensa|imprensa))?|comunicati(?:\s+stampa)?"
    r"|pressemitteilungen)\s+(?:from|of|by|de|da|do|del|della|du|des|der|von|aus)\b[^.!?:]{0,60}$",
    re.IGNORECASE,
)


def section_from(text: str) -> bool:
    """ "News Releases from Region 09": a site's section of releases named after whose they are."""
    return bool(_SECTION_FROM.match(text.strip())) and not has_verb(text.split(None, 3)[-1], endings=False)


# The label of a blog's archive, tag or category page above the post it lists ("Posts tagged: city
# news", "Category Archive: Company Updates", "Articles taggés …", "Schlagwort: …"): never the title.
_ARCHIVE_OPENING = lazy_re.compile(
    r"^(?:(?:posts?|articles?|entries|stories|items)\s+(?:tagged|filed|categori[sz]ed)(?:\s+(?:with|as|under|in))?"
    r"|(?:tag|tags|category|categories|author|monthly|yearly|daily|date|topic)\s+archives?(?:\s+for)?"
    r"|(?:news|press|media)\s+archives?\s*(?=:|$)"
    r"|archives?\s+(?:for|of|by)|tagged(?:\s+with)?\s*:|tag\s*:|category\s*:|topic\s*:|filed under"
    r"|browsing(?:\s+(?:category|tag|topic))?\s*:"
    r"|articles?\s+tagg[ée]s|archives?\s+(?:de|du|des)\s+(?:la\s+)?(?:cat[ée]gorie|[ée]tiquette|mot-cl[ée])"
    r"|cat[ée]gorie\s*:|[ée]tiquette\s*:|mot-cl[ée]\s*:|categor[íi]a\s*:|etiqueta\s*:|archivo\s+de\s+la\s+etiqueta"
    r"|kategorie\s*:|schlagwort\s*:|schlagworte\s*:|archiv\s*:|categoria\s*:|tag\s+archivio)(?=[\s:‘'\"“«]|$)",
    re.IGNORECASE,
)
# "Les communiqués de presse - Archives", "News | Archive", "Archives": a section's archive.
_ARCHIVE_END = lazy_re.compile(
    r"(?:^|\s[-–—|:·]\s?)(?:archives?|archiv|archivo|archivio|arquivo)$", re.IGNORECASE
)
# A page's language menu: "Other available languages: none", "Also available in: FR DE".
_LANGUAGE_MENU = lazy_re.compile(
    r"^(?:other\s+)?(?:available\s+languages|languages?\s+available|also\s+available\s+in|available\s+in"
    r"|this\s+page\s+in|read\s+(?:this\s+)?in|(?:autres\s+)?langues\s+disponibles|disponible\s+en"
    r"|(?:weitere|verfügbare)\s+sprachen|auch\s+verfügbar\s+in|(?:otros\s+)?idiomas(?:\s+disponibles)?"
    r"|disponible\s+en|altre\s+lingue|(?:andere\s+)?beschikbare\s+talen)\s*:",
    re.IGNORECASE,
)
# A cookie banner's button, left above the page's text: "Ok", "Accept all", "J'accepte".
_CONSENT_BUTTONS = frozenset(
    {
        "ok",
        "okay",
        "ok, i agree",
        "i agree",
        "i accept",
        "agree",
        "accept",
        "accept all",
        "accept cookies",
        "accept all cookies",
        "allow all",
        "allow cookies",
        "got it",
        "dismiss",
        "reject all",
        "decline",
        "j'accepte",
        "j’accepte",
        "accepter",
        "tout accepter",
        "refuser",
        "akzeptieren",
        "alle akzeptieren",
        "ablehnen",
        "aceptar",
        "acepto",
        "aceptar todas",
        "rechazar",
        "accetto",
        "accetta",
        "aceitar",
        "aceito",
    }
)
# The banner's notice itself: it names cookies, the site and the visitor's consent.
_COOKIE = lazy_re.compile(r"cookie", re.IGNORECASE)
_SITE = lazy_re.compile(
    r"\b(?:site|website|web|navigat|brows|experience|sitio|seite|navega|navigazione|sito)", re.IGNORECASE
)
_CONSENT = lazy_re.compile(
    r"\b(?:accept|agree|consent|by (?:continuing|using)|we use|this (?:site|website) uses|acceptez|accepter"
    r"|consentement|utilisation|utilise|akzeptier|zustimm|einwillig|verwendet|acept|consiente|utiliza"
    r"|usamos|accett|consenso|utilizza|aceita|utiliz)",
    re.IGNORECASE,
)
_MAX_PAGE_LABEL_WORDS = 10
_MAX_COOKIE_NOTICE_WORDS = 90
_MIN_COOKIE_NOTICE_WORDS = 8


def cookie_notice(text: str) -> bool:
    """A cookie banner's text ("By continuing to browse … you accept the use of cookies"): page chrome."""
    return (
        _MIN_COOKIE_NOTICE_WORDS <= len(text.split()) <= _MAX_COOKIE_NOTICE_WORDS  # the cheap tests first
        and "coo" in text.lower()  # "cookie" without i and k, which the pattern also matches to ı, İ, K
        and _COOKIE.search(text) is not None
        and _CONSENT.search(text) is not None
        and _SITE.search(text) is not None
    )


@per_document(maxsize=1024)  # a pure function of the text; the headline rule asks it of a lede twice
def page_label(text: str) -> str | None:
    """Why a line is a web page's own label (archive, tag, language menu, cookie banner), or None.

    These stand above a post on the pages releases are copied from; each names
    the page, not the release, so none is its headline.
    """
    stripped = text.strip()
    words = stripped.split()
    if len(words) <= _MAX_PAGE_LABEL_WORDS:
        lowered = stripped.lower()
        archive_end = ("arc" in lowered or "arq" in lowered) and _ARCHIVE_END.search(stripped) is not None
        if archive_end or _ARCHIVE_OPENING.match(stripped):
            return 'an archive, tag or category page\'s label ("Posts tagged: …", "… – Archives")'
        if ":" in stripped and _LANGUAGE_MENU.match(stripped):
            return 'a page\'s language menu ("Other available languages: …")'
        if lowered.rstrip(".!") in _CONSENT_BUTTONS:
            return 'a cookie banner\'s button ("Ok", "Accept all")'
    if cookie_notice(stripped):
        return "a cookie banner's notice (the site's use of cookies)"
    if archive_notice(stripped):
        return 'an archived release\'s notice ("Archived content: … may be out of date")'
    return None


# A site's notice over a release kept in its archive: "Archivmeldung der Rathauskorrespondenz vom …:",
# "Archived content", "This news release has been archived", "Communiqué archivé".
_ARCHIVE_NOTICE = lazy_re.compile(
    r"^(?:archivmeldung|archivierte[rs]?\s+(?:meldung|seite|inhalt|beitrag)|archive notice"
    r"|archived?(?:\s+(?:content|page|information|notice|release)\b|\s*$)"
    r"|(?:this|the)\s+(?:(?:news|press|media)\s+)?(?:page|release|article|content|item|document|story|statement)"
    r"\s+(?:has been|was|is)\s+archived\b|information identified as archived"
    r"|(?:communiqué|contenu|page)s?\s+archivée?s?|contenido archivado|contenuto archiviato)",
    re.IGNORECASE,
)
_MAX_ARCHIVE_NOTICE_WORDS = 60
# Its warning that the copy is out of date: "… may no longer be current", "nicht mehr aktuell".
_OUT_OF_DATE = lazy_re.compile(
    r"\b(?:may|might|could)\s+(?:no longer|not)\s+be\s+(?:current|accurate|up to date|valid)\b"
    r"|\bout of date\b|nicht mehr aktuell|ne sont plus à jour|n'est plus à jour"
    r"|ya no (?:está|están) vigentes?",
    re.IGNORECASE,
)
_MAX_OUT_OF_DATE_WORDS = 40
# A word of each of its phrases, in lower case ("be", "out of date", "nicht mehr", "à jour", "vigente"): a
# text holding none of them holds no such phrase, decided before the pattern searches every position.
# The keys avoid "i", "k" and "s", which the pattern (ignoring case) also matches to "ı", "İ", "K", "ſ".
_OUT_OF_DATE_KEYS = ("be", "date", "mehr", "jour", "gente")


def archive_notice(text: str) -> bool:
    """A notice that the release below is an archived copy (its details may be out of date): chrome."""
    words = len(text.split())
    if words <= _MAX_ARCHIVE_NOTICE_WORDS and _ARCHIVE_NOTICE.match(text.lstrip()) is not None:
        return True
    if words > _MAX_OUT_OF_DATE_WORDS or not any(map(text.lower().__contains__, _OUT_OF_DATE_KEYS)):
        return False
    return _OUT_OF_DATE.search(text) is not None
