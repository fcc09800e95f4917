"""Bytes -> text: encodings, line ends and illegal characters, decided here once.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded directly.
UTF-8 with a few stray bytes (one Windows-1252 dash pasted into UTF-8 copy)
stays UTF-8: each stray byte is repaired as the Windows-1252 character it most
likely was, and a warning names its position.  Anything else that is not UTF-8
goes to charset-normalizer (legacy single-byte text such as Windows-1252), and
a warning says which encoding was assumed: no guess is silent.  Line ends
become LF.  Characters that XML cannot carry (C0/C1 controls other than tab
and newline, surrogates, U+FFFE/U+FFFF) are removed here and reported once, so
every writer sees the same text (by ``text.clean``, which writers also use).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from pressconv.errors import DecodeError, Notes

# Re-exported: the readers clean extracted text with it; it lives in ``text``, below the writers too.
from pressconv.text import clean as clean

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

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
    text, encoding = _to_str(data, path, notes)
    return Decoded(normalize(text, notes), encoding)


def normalize(text: str, notes: Notes) -> str:
    """Text as a reader expects it: LF line ends, XML-illegal characters removed (and reported).

    ``decode`` applies it to bytes; the API applies it to a ``str`` source, which never passes
    through ``decode`` but must not carry a NUL or a control character into a writer either.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return clean(text, notes)


#: Stray bytes listed by position in the warning; the rest are counted.
_SHOWN = 5
# What ``surrogateescape`` makes of a byte that is not part of well-formed UTF-8.
_STRAY = re.compile("[\udc80-\udcff]")


def _repair(byte: int) -> str:
    """A stray byte as the Windows-1252 character it most likely was; U+FFFD where cp1252 has none."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return "\ufffd"


def _utf8_with_strays(data: bytes) -> tuple[str, list[int], int] | None:
    """Text, the first stray byte offsets and the stray count, when ``data`` is UTF-8 apart from a few bytes.

    "A few": no more stray bytes than well-formed non-ASCII characters, so text that is UTF-8 by
    evidence stays UTF-8, while legacy text (every accented letter a stray byte) is not taken for it
    (None).  One pass with ``surrogateescape``: each stray byte becomes a lone surrogate.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    strays = _STRAY.findall(escaped)
    well_formed = sum(1 for ch in escaped if ch > "\x7f") - len(strays)
    if well_formed < len(strays):
        return None
    offsets: list[int] = []
    for found in _STRAY.finditer(escaped):
        if len(offsets) == _SHOWN:
            break
        offsets.append(len(escaped[: found.start()].encode("utf-8", "surrogateescape")))
    text = _STRAY.sub(lambda m: _repair(ord(m.group()) - 0xDC00), escaped)
    return text, offsets, len(strays)


def _to_str(data: bytes, path: str | None, notes: Notes) -> tuple[str, str]:
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
    repaired = _utf8_with_strays(data)
    if repaired is not None:
        text, offsets, count = repaired
        shown = ", ".join(f"{offset} (0x{data[offset]:02X})" for offset in offsets)
        more = f" and {count - _SHOWN} more" if count > _SHOWN else ""
        notes.warn(
            "stray-bytes",
            f"UTF-8 with {count} invalid byte(s), read as Windows-1252 characters: "
            f"at byte offset {shown}{more}",
        )
        return text, "utf-8"
    text, encoding = _legacy(data, path)
    notes.warn("legacy-encoding", f"not UTF-8: decoded as {encoding} (the best-fitting legacy encoding)")
    return text, encoding


def _legacy(data: bytes, path: str | None) -> tuple[str, str]:
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
