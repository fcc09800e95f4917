"""The gates and memos that make the top of the text cheap (headline, dateline, dates) change no answer.

Each gate is a necessary condition tested before a costly check: where the gate says no, the check
it stands before says no too.  They are checked over every block and line of the reader's fixtures
and corpora, and over edge cases built around the characters each gate looks for.
"""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

from pressconv.readers.blocks import Work, split_blocks, to_work

_TESTS = Path(__file__).parent


@cache
def _corpus_works() -> tuple[Work, ...]:
    """Every block of every text under the fixtures and corpora, as the rules first see it."""
    paths = sorted(_TESTS.glob("corpus*/**/*.txt")) + sorted((_TESTS / "fixtures").glob("**/*.txt"))
    works: list[Work] = []
    for path in paths:
        works += [to_work(raw) for raw in split_blocks(path.read_text(encoding="utf-8"))]
    return tuple(works)


@cache
def _corpus_texts() -> tuple[str, ...]:
    """The blocks' texts and their lines (each once, in a stable order)."""
    texts = dict.fromkeys(text for work in _corpus_works() for text in (work.text, *work.lines))
    return tuple(texts)


def test_the_corpora_are_read() -> None:
    assert len(_corpus_works()) > 5000
    assert len(_corpus_texts()) > len(_corpus_works())


# Dates written in every form the patterns know, in several scripts of digits, and near misses.
_DATES = (
    "March 3, 2025",
    "Oct. 28, 2024",
    "3 mars 2025",
    "12. März 2025",
    "3 de marzo de 2025",
    "2025-03-03",
    "2025-03-03T10:15",
    "٣ مارس ٢٠٢٥",
    "March ٣, ٢٠٢٥",
    "March 3, 20250",
    "March 3, ²⁰²⁵",
    "March 3, 202",
    "3 March 25",
    "1er mars 2031",
    "7 d'abril de 2031",
    "",
)


def test_find_date_year_gate_turns_away_only_texts_without_a_date() -> None:
    from pressconv.readers import dates

    def ungated(text: str) -> tuple[str, int, int] | None:
        best: tuple[str, int, int] | None = None
        for pattern, order in ((dates._ISO, "ymd"), (dates._MDY, "mdy"), (dates._DMY, "dmy")):
            match = pattern.search(text)
            if not match or (best is not None and match.start() >= best[1]):
                continue
            iso = dates._iso(match, order)
            if iso is not None:
                best = (iso, match.start(), match.end())
        return best

    texts = list(_corpus_texts())
    edges = list(itertools.product(("", "(", "x"), ("", ".", "0")))
    texts += [f"{a}Dated {d}{b}" for d in _DATES for a, b in edges]
    turned_away = found = 0
    for text in texts:
        answer = dates.find_date(text)
        assert answer == ungated(text), repr(text)
        if dates._YEAR_DIGITS.search(text) is None:
            turned_away += 1
            assert all(p.search(text) is None for p in (dates._ISO, dates._MDY, dates._DMY)), repr(text)
        found += answer is not None
    assert turned_away > len(texts) // 2 and found > 500  # the gate turns most away; dates are found


def test_dateline_separator_gates_turn_away_only_texts_without_a_separator() -> None:
    from pressconv.readers.rules import dateline

    heads = [text[: dateline._MAX_LENGTH + 20] for text in _corpus_texts()]
    places = ("WASHINGTON", "Hameln", "MÉRIDA, 4 de marzo de 2026", "BERLIN/PARIS", "(Washington, DC)")
    separators = ("--", "—", "–", ":", " -", " / ", ".-", ". ", ".", "/", "-", " ", "―", "‐", "﹣", "：")
    heads += [f"{place}{sep} The text." for place in places for sep in separators]
    heads += [f"{place}{sep}" for place in places for sep in separators]
    gated = {"plain": 0, "period": 0}
    matched = {"plain": 0, "period": 0}
    for head in heads:
        plain = dateline._DATELINE.match(head)
        period = dateline._DATELINE_PERIOD.match(head)
        if dateline._SEPARATOR_CHARS.search(head) is None:
            assert plain is None, repr(head)
            gated["plain"] += 1
        if ".-" not in head and ". " not in head:
            assert period is None, repr(head)
            gated["period"] += 1
        matched["plain"] += plain is not None
        matched["period"] += period is not None
    assert min(gated.values()) > 1000 and min(matched.values()) > 50  # both gates turn texts away; both match


# Lines built around the marks and characters the headline score's gates look for.
_MARKED = (
    "Home > News > 2031",
    "News | Press office",
    "Library opens / City Press",
    "Section :: Page",
    "HOME",
    "  home page",
    "Startseite",
    "İnicio » Noticias",
    "41st Session (PM)",
    "9981st MEETING",
    "Evening sitting (am)",
    "Call +44 20 7946 0000",
    "jo@example.org",
    "http://example.org",
    "See www.example.org",
    "٣٣٣٣٣٣٣٣٣ ٣",
    "Phone ４４４４ ５５５５ ６",
    "Plain words only",
    "",
)


def test_headline_score_gates_turn_away_only_lines_the_patterns_miss() -> None:
    import re

    from pressconv.readers.press_furniture import CONTACT_DETAILS
    from pressconv.readers.rules import headline, headline_guards

    spaced_mark = re.compile(r"\s(?:>|›|»|\||/|::)\s")
    texts = [*_corpus_texts(), *_MARKED]
    seen = {"breadcrumbs": 0, "session": 0, "contact": 0, "no digit": 0}
    for text in texts:
        marked = any(map(text.__contains__, headline_guards._PATH_MARKS))
        assert marked or spaced_mark.search(text) is None, repr(text)  # the marks gate turns away no path
        seen["breadcrumbs"] += headline_guards.path_marks(text)
        digits = headline._DIGIT.search(text) is not None
        if not digits:
            seen["no digit"] += 1
        if headline._SESSION.search(text) is not None:
            assert digits or ")" in text, repr(text)
            seen["session"] += 1
        if CONTACT_DETAILS.search(text) is not None:
            assert digits or "@" in text or "http" in text or "www." in text, repr(text)
            seen["contact"] += 1
    assert min(seen.values()) >= 5 and seen["no digit"] > len(texts) // 2, seen


def _organisation_line_plain(text: str) -> bool:
    """``masthead_lines.organisation_line`` as first written: every test in turn, digits first."""
    from pressconv.readers.rules import masthead_lines as m

    stripped = m._QUALIFIER.sub("", text.strip())
    if not stripped or stripped[-1] in '.!?:;,"”»' or any(ch.isdigit() for ch in stripped):
        return False
    words = stripped.split()
    if len(words) > m._MAX_UNIT_WORDS:
        return False
    lowered = [w.lower().strip("(),") for w in words]
    content = [(w, lw) for w, lw in zip(words, lowered, strict=True) if lw not in m._NAME_SMALL]
    if not content or not all(w[:1].isupper() for w, _lw in content):
        return False
    if m.has_verb(
        " ".join(
            "of" if (lw in m.FINITE_VERBS and lw in m._NAME_SMALL) or lw in m._NAME_ADJECTIVES else w
            for w, lw in zip(words, lowered, strict=True)
        )
    ):
        return False
    last = len(content) - 1
    for k, (_w, lw) in enumerate(content):
        if k not in (0, last):
            continue
        if lw in m._UNIT_WORDS or m._AMT.search(lw) is not None or any(s in lw for s in m._INSTITUTION_STEMS):
            at = lowered.index(lw)
            if k == last or (at + 1 < len(lowered) and lowered[at + 1] in m._NAME_SMALL):
                return True
    return False


def _names_only_plain(text: str) -> bool:
    """``headline_shape.names_only`` as first written: the verb and relation tests before the case test."""
    from pressconv.readers.rules import headline_shape as hs

    words = hs.WORD.findall(text)
    if not words or len(words) > hs._MAX_NAME_WORDS or hs.has_verb(text, endings=False):
        return False
    if hs._RELATION.search(text) or hs._CASE_NAME.search(text):
        return False
    lowered = [w.lower().strip(".") for w in words]
    named = text
    if len(words) > 1 and lowered[-1] in hs.ORGANISATION_SUFFIXES:
        named = text[: text.rfind(words[-1])]
    if not (hs.title_case(named, share=1.0) or named.isupper()):
        return False
    for k, word in enumerate(lowered):
        organisational = (hs.ORGANISATION_WORDS, hs.ORGANISATION_SUFFIXES, hs._MORE_ORGANISATION_WORDS)
        if any(word in words_of for words_of in organisational):
            following = lowered[k + 1] if k + 1 < len(lowered) else None
            if following is None or following in hs._NAME_LINKS:
                return True
            if k == 0 and len(words) <= hs._MAX_ORGANISATION_FIRST_WORDS and not hs.has_verb(text):
                return True
            if k == 0 and any(w in hs._NAME_LINKS for w in lowered[1:3]) and not hs.has_verb(text):
                return True
    capitalised = [w for w in words if w[:1].isupper()]
    return (
        len(words) <= hs.MAX_PERSON_WORDS
        and len(capitalised) == len(words)
        and any(hs.is_title_word(w) for w in lowered)
        and not hs.has_verb(text)
    )


# Names with a seat in brackets, digits of other scripts, linking words in lower case, verbs in names.
_NAMES = (
    "Polizeipräsidium (Potsdam)",
    "Polizeipräsidium (Potsdam 2)",
    "Ministry of Health (MOH)",
    "Governo do Estado",
    "Secretaria de Comunicação",
    "Region ² Office",
    "District ٣ Council",
    "City Council Approves Budget",
    "Unified School District",
    "Hollin Marine Systems plc",
    "Marlow Freight Ltd v Harbour Board",
    "CITY OF BRAMLEY HEIGHTS",
    "PIO Sgt. Marcus Tillery",
    "Office of Communications",
    "Department for Transport ",
    " the Department",
    "Department of the Interior.",
)


def test_organisation_and_name_tests_with_the_case_test_first_give_the_plain_answer() -> None:
    from pressconv.readers.rules.headline_shape import names_only
    from pressconv.readers.rules.masthead_lines import organisation_line

    texts = [*_corpus_texts(), *_NAMES]
    answers = {"organisation": 0, "names": 0}
    for text in texts:
        assert organisation_line(text) == _organisation_line_plain(text), repr(text)
        assert names_only(text) == _names_only_plain(text), repr(text)
        answers["organisation"] += organisation_line(text)
        answers["names"] += names_only(text)
    assert min(answers.values()) > 50, answers  # both say yes often, and no far more often


# A phrase for each branch of the page-label and mail-alert patterns the keys stand before.
_ALERT_PHRASES = (
    "Having trouble reading this release? View it online.",
    "Problems displaying this e-mail?",
    "Click here to view the release",
    "Si vous ne visualisez pas ce message",
    "Ce message ne s'affiche pas correctement",
    "Cliquez ici pour voir la page",
    "Si no puede ver este correo",
    "Si no se visualiza bien",
    "Haga clic aquí para ver",
    "Falls diese E-Mail nicht richtig",
    "Wird der Newsletter nicht korrekt angezeigt?",
    "View it in your browser",
    "View the web version",
    "Afficher la version en ligne",
    "Ver la versión web",
    "Im Browser ansehen",
    "Please read this release online",
)
_LABEL_PHRASES = (
    "Archived content: this release may no longer be current.",
    "This page is out of date",
    "Die Angaben sind nicht mehr aktuell",
    "Les informations ne sont plus à jour",
    "Ce contenu n'est plus à jour",
    "Los datos ya no están vigentes",
    "News | Archive",
    "Communiqués de presse - Archives",
    "Archiv",
    "Noticias · Archivo",
    "Notizie - Archivio",
    "Notícias - Arquivo",
    "Other available languages: none",
    "Also available in: FR DE",
    "We use cookies on this site to improve your experience. Accept all.",
    "Accept all",
)


def _case_variants(phrase: str) -> list[str]:
    """The phrase in other cases, and with the letters whose case-blind matches include other characters
    (dotless and dotted i, the long s, the Kelvin sign) put in their places."""
    odd = {"i": ("ı", "İ"), "s": ("ſ",), "k": ("\u212a",), "I": ("ı",), "S": ("ſ",), "K": ("\u212a",)}
    variants = [phrase, phrase.upper(), phrase.lower(), phrase.title(), phrase.swapcase()]
    for letter, replacements in odd.items():
        variants += [phrase.replace(letter, r) for r in replacements if letter in phrase]
    return variants


def test_page_label_and_alert_keys_turn_away_only_lines_the_patterns_miss() -> None:
    from pressconv.readers.rules import issuer_lines as il
    from pressconv.readers.rules import masthead_lines as m

    phrases = [v for p in (*_ALERT_PHRASES, *_LABEL_PHRASES) for v in _case_variants(p)]
    texts = [*_corpus_texts(), *phrases]
    found = {"alert": 0, "out of date": 0, "archive end": 0, "language menu": 0, "cookie": 0}
    for text in texts:
        stripped, lowered = text.strip(), text.lower()
        if il._ALERT.search(text) is not None:
            assert any(key in lowered for key in il._ALERT_KEYS), repr(text)
            found["alert"] += 1
        if m._OUT_OF_DATE.search(text) is not None:
            assert any(key in lowered for key in m._OUT_OF_DATE_KEYS), repr(text)
            found["out of date"] += 1
        if m._ARCHIVE_END.search(stripped) is not None:
            assert "arc" in stripped.lower() or "arq" in stripped.lower(), repr(text)
            found["archive end"] += 1
        if m._COOKIE.search(text) is not None:
            assert "coo" in lowered, repr(text)
            found["cookie"] += 1
        if m._LANGUAGE_MENU.match(stripped) is not None:
            assert ":" in stripped, repr(text)
            found["language menu"] += 1
    assert min(found.values()) >= 10, found  # every pattern matched, in the phrases and their variants


def _page_label_plain(text: str) -> str | None:
    """``masthead_lines.page_label`` as first written: every pattern, no key before it."""
    from pressconv.readers.rules import masthead_lines as m

    stripped = text.strip()
    if len(stripped.split()) <= m._MAX_PAGE_LABEL_WORDS:
        if m._ARCHIVE_OPENING.match(stripped) or m._ARCHIVE_END.search(stripped):
            return "archive"
        if m._LANGUAGE_MENU.match(stripped):
            return "language"
        if stripped.lower().rstrip(".!") in m._CONSENT_BUTTONS:
            return "button"
    words = len(stripped.split())
    if (
        m._COOKIE.search(stripped)
        and m._MIN_COOKIE_NOTICE_WORDS <= words <= m._MAX_COOKIE_NOTICE_WORDS
        and m._CONSENT.search(stripped)
        and m._SITE.search(stripped)
    ):
        return "cookie"
    if words <= m._MAX_ARCHIVE_NOTICE_WORDS and m._ARCHIVE_NOTICE.match(stripped.lstrip()) is not None:
        return "archived"
    if words <= m._MAX_OUT_OF_DATE_WORDS and m._OUT_OF_DATE.search(stripped) is not None:
        return "archived"
    return None


def test_page_label_and_alert_chrome_give_the_plain_answer() -> None:
    from pressconv.readers.rules import issuer_lines as il
    from pressconv.readers.rules import masthead_lines as m

    kinds = {"archive": "archive, tag", "language": "language menu", "button": "button", "cookie": "notice"}
    kinds["archived"] = "archived release"
    phrases = [v for p in (*_ALERT_PHRASES, *_LABEL_PHRASES) for v in _case_variants(p)]
    labelled = alerts = 0
    for text in [*_corpus_texts(), *phrases]:
        label, plain = m.page_label.__wrapped__(text), _page_label_plain(text)
        assert (label is None) == (plain is None), repr(text)
        assert plain is None or (label is not None and kinds[plain] in label), (text, label)
        labelled += label is not None
        alert = len(text) <= il._MAX_ALERT_CHARS and (
            il._ALERT.search(text) is not None
            or (
                any(w in text.lower() for w in il._MAIL_WORDS)
                and (il._VIEW.search(text) is not None or il.subscription_notice(text.lower()))
            )
        )
        assert il.alert_chrome.__wrapped__(text) == alert, repr(text)
        alerts += alert
    assert labelled > 50 and alerts > 50


def test_wire_intro_needs_the_word_following() -> None:
    from pressconv.readers.rules import cover_note

    texts = [*_corpus_texts(), "The Attorney General issued the following news release on July 10:"]
    found = 0
    for text in texts:
        if cover_note._WIRE_INTRO.search(text) is not None:
            assert "following" in text, repr(text)
            found += 1
    assert found >= 1


def test_roll_needs_two_commas() -> None:
    from pressconv.readers.rules.headline_shape import roll

    texts = [*_corpus_texts(), "JUSTICES: Lady Arden, Lord Bell, Lady Carr", "Lady Arden, Lord Bell"]
    rolls = 0
    for text in texts:
        if roll(text):
            body = text.partition(": ")[2] or text
            assert body.count(",") >= 2 and text.count(",") >= 2, repr(text)
            rolls += 1
    assert rolls >= 2 and not roll("Lady Arden, Lord Bell")
