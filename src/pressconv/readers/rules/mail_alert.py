"""A mail alert's subscription notice: "You are receiving this release because you subscribed to …".

A wire service's or a newsroom's e-mail alert says above the release why the
reader gets it; the line is the alert's chrome, like its "View it in your
browser" (``issuer_lines.alert_chrome``), never the headline or the lede.
English, French, Spanish and German, each phrase naming the mail and the
subscription; asked only of a line that names the mail (``alert_chrome``),
and then only when it holds a stem every phrase holds.
"""

from __future__ import annotations

import re

from pressconv import lazy_re

# Every notice holds one of these stems ("subscri", "suscri", "inscri" share "scri"; "receive",
# "recevez", "recibe"; "abonné", "abonniert"; "erhalten"; "signed up"): tested first, with ``in``.
_MAIL = r"(?:e-?mail|message|release|alert|newsletter|notification|mail|update)"
_NOTICE = lazy_re.compile(
    r"\byou(?:'re| are)? (?:receiving|received|receive|get(?:ting)?) this " + _MAIL + r"s?\b"
    r"|\byou (?:have )?(?:subscribed|signed up|registered|opted in|are subscribed)\b[^.]{0,80}"
    r"\b(?:alerts?|news|updates|list|newsletters?|releases|e-?mails?)\b"
    r"|\bvous (?:recevez|avez reçu) ce (?:courriel|message|mail|e-mail|communiqué)"
    r"|\bvous êtes (?:abonnée?s?|inscrite?s?) (?:à|au|aux)\b"
    r"|\b(?:recibe|recibes|recibió|está recibiendo|estás recibiendo) este"
    r" (?:correo|mensaje|boletín|comunicado)"
    r"|\b(?:está|estás) (?:suscrito|suscrita|inscrito|inscrita) (?:a|al)\b"
    r"|\bsie erhalten (?:diese|diesen|dieses)"
    r" (?:e-mail|mail|nachricht|newsletter|pressemitteilung|information)"
    r"|\bsie haben (?:sich )?[^.]{0,60}\b(?:abonniert|angemeldet|registriert)\b",
    re.IGNORECASE,
)


def subscription_notice(lowered: str) -> bool:
    """The alert's line saying the reader subscribed (``lowered``: the line in lower case)."""
    stem = (
        "scri" in lowered
        or "eceiv" in lowered
        or "ecev" in lowered
        or "ecib" in lowered
        or "abonn" in lowered
        or "erhalten" in lowered
        or "signed up" in lowered
    )
    return stem and _NOTICE.search(lowered) is not None
