"""Bytes -> text: encodings, line ends and illegal characters, decided here once.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly;
anything else that is not UTF-8 goes to charset-normalizer (legacy single-byte
text such as Windows-1252).  Line ends become LF.  Characters that XML cannot
carry (C0/C1 controls other than tab and newline, surrogates, U+FFFE/U+FFFF)
are removed here and reported once, so every writer sees the same text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from pressconv.errors import DecodeError, Notes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls except TAB/LF/CR, DEL and C1 controls, surrogates, the two XML non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Magic numbers of common binary formats that are not text in any encoding.
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str


def decode(data: bytes, notes: Notes | None = None, path: str | None = None) -> Decoded:
    """Text from raw bytes, LF line ends, XML-illegal characters removed (and reported)."""
    notes = notes if notes is not None else Notes()
    text, encoding = _to_str(data, path)
    return Decoded(normalize(text, notes), encoding)


def normalize(text: str, notes: Notes) -> str:
    """Text as a reader expects it: LF line ends, XML-illegal characters removed (and reported).

    ``decode`` applies it to bytes; the API applies it to a ``str`` source, which never passes
    through ``decode`` but must not carry a NUL or a control character into a writer either.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return clean(text, notes)


def clean(text: str, notes: Notes) -> str:
    """``text`` with XML-illegal characters removed, reporting how many and which."""
    found = _ILLEGAL.findall(text)
    if found:
        kinds = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(set(found))[:5])
        more = "…" if len(set(found)) > 5 else ""
        notes.warn(
            "control-chars", f"removed {len(found)} control or XML-illegal character(s): {kinds}{more}"
        )
        text = _ILLEGAL.sub("", text)
    return text


def _to_str(data: bytes, path: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"invalid {encoding} after a byte-order mark at byte {err.start}", path
                ) from None
    if data.startswith(_BINARY_MAGIC):
        raise DecodeError("binary file, not text", path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DecodeError("binary file (NUL bytes), not text", path)
    from charset_normalizer import from_bytes  # only legacy text pays for it

    results = from_bytes(data)
    best = results.best()
    if best is None or best.encoding is None:
        raise DecodeError("cannot decode: not UTF-8 and no legacy encoding fits", path)
    # Windows-1252 is by far the commonest legacy encoding of pasted copy: among equally
    # plausible single-byte guesses (cp1250 often ties on Latin text), it wins.
    for match in results:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.01:
            return str(match), "cp1252"
    try:
        if data.decode("cp1252") == str(best):
            return str(best), "cp1252"
    except UnicodeDecodeError:
        pass
    return str(best), best.encoding
