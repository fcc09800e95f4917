"""W3 with a theme against W3 without, in one warm process, round by round: the cost of a theme.

Target (issue #19): parse + all four writers with a theme within 15% of without.
Each round parses the sample and renders all four formats twice, once with no
theme and once with a theme that sets every setting the DOCX writer applies (a
PNG logo, colours, typefaces by family name, page size and margins, letterhead,
footer line, speaker lines), in alternating order; the ratio is the median of
the per-round CPU-time ratios (``time.process_time``), which a busy neighbour
disturbs less than wall time.  The DOCX writer's own ratio is printed as well.

    .venv/bin/python bench/w3_docx_theme.py [ROUNDS]
"""

from __future__ import annotations

import struct
import sys
import time
import zlib

from _harness import SAMPLE, header, median, ms, row

from pressconv import api
from pressconv.errors import Notes
from pressconv.theme import Logo, Theme

TARGET = 1.15
FORMATS = ("html", "docx", "pdf", "epub")


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain-colour PNG, built here so the benchmark needs nothing beyond pressconv."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


THEME = Theme(
    name="bench",
    organisation="Harbour Trust",
    logo=Logo(png(300, 100, (170, 51, 0)), "image/png", "Harbour Trust logo", "logo.png"),
    primary="#aa3300",
    accent="#e8a33d",
    ink="#202040",
    body_font="DejaVu Serif",
    heading_font="DejaVu Sans",
    page_size="a4",
    margins_mm=(25.0, 20.0, 25.0, 30.0),
    letterhead="Harbour Trust · 1 Quay Street · Port Ellen",
    footer="Harbour Trust press office — page {page} of {pages}",
    show_speaker=True,
)


def one_round(data: bytes, themed: bool) -> tuple[float, float]:
    """CPU seconds of parse + four writers, and of the DOCX writer alone."""
    read, write = api.split_options({})
    if themed:
        write = write.replace(theme=THEME)
    notes = Notes()
    start = time.process_time()
    doc = api.read_source(data, read, notes)
    docx = 0.0
    for fmt in FORMATS:
        begin = time.process_time()
        api.render([doc], fmt, write, notes)
        if fmt == "docx":
            docx = time.process_time() - begin
    return time.process_time() - start, docx


def main(rounds: int) -> None:
    header("W3 with a theme vs without (DOCX applies it)")
    data = SAMPLE.read_bytes()
    for _ in range(2):  # warm-up: imports, the prepared template, the theme's cached parts
        one_round(data, False)
        one_round(data, True)
    plain: list[tuple[float, float]] = []
    themed: list[tuple[float, float]] = []
    for i in range(rounds):
        order = (False, True) if i % 2 == 0 else (True, False)
        for flag in order:
            (themed if flag else plain).append(one_round(data, flag))
    total_ratio = median([t[0] / p[0] for p, t in zip(plain, themed, strict=True)])
    docx_ratio = median([t[1] / p[1] for p, t in zip(plain, themed, strict=True)])
    print(f"rounds {rounds}")
    for index, name in ((0, "W3  "), (1, "docx")):
        without, with_theme = median([p[index] for p in plain]), median([t[index] for t in themed])
        print(f"  {name} cpu without {ms(without)}, with {ms(with_theme)}")
    print(f"  with/without: W3 {total_ratio:.3f}, docx {docx_ratio:.3f}")
    measured = f"W3 with/without {total_ratio:.3f} (docx {docx_ratio:.3f}), CPU, {rounds} paired rounds"
    row("W3 theme", f"<= {TARGET:.2f}x", measured, "-", "-", total_ratio <= TARGET)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
