"""W3 with and without a theme, interleaved: the sample -> parse + four writers, and the PDF writer alone.

Target (issue #19): W3 with a theme within 15% of W3 without.  The theme is a
contrasting one with every setting the PDF applies: colours, typefaces (Noto when
installed, else DejaVu), A4 with other margins, an SVG logo, letterhead, footer line
with page numbers, speakers shown.  Each round runs both variants, in alternating
order, after two warm-up rounds; the ratio is the median of per-round ratios of CPU
time (``time.process_time``), which a busy neighbour disturbs least.

    .venv/bin/python bench/pdf_theme.py [ROUNDS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _harness import SAMPLE, header, median, ms, row

from pressconv import api
from pressconv.errors import Notes
from pressconv.options import WriteOptions
from pressconv.theme import Logo, Theme

FORMATS = ("html", "docx", "pdf", "epub")
LOGO = b"""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="48" viewBox="0 0 120 48">
<rect x="2" y="2" width="44" height="44" rx="8" fill="#aa3300"/><circle cx="24" cy="24" r="12" fill="#fff"/>
<text x="54" y="31" font-family="sans-serif" font-size="16">Tide</text></svg>"""


def theme() -> Theme:
    noto = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").is_file()
    return Theme(
        name="bench",
        organisation="Tideway Water Board",
        logo=Logo(LOGO, "image/svg+xml", "Tideway Water Board", "logo.svg"),
        primary="#aa3300",
        accent="#2b6e4f",
        ink="#202830",
        body_font="Noto Sans" if noto else "DejaVu Sans",
        heading_font="Noto Serif" if noto else "DejaVu Serif",
        page_size="a4",
        margins_mm=(25.0, 20.0, 25.0, 30.0),
        letterhead="12 Quay Road, Harbourtown",
        footer="Tideway Water Board, page {page} of {pages}",
        show_speaker=True,
    )


def one_round(data: bytes, options: WriteOptions) -> tuple[float, float]:
    """CPU seconds of parse + the four writers, and of the PDF writer alone."""
    notes = Notes()
    read, _ = api.split_options({})
    start = time.process_time()
    doc = api.read_source(data, read, notes)
    pdf = 0.0
    for fmt in FORMATS:
        before = time.process_time()
        api.render([doc], fmt, options, notes)
        if fmt == "pdf":
            pdf = time.process_time() - before
    return time.process_time() - start, pdf


def main(rounds: int) -> None:
    header("W3 with and without a theme (interleaved)")
    data = SAMPLE.read_bytes()
    _, plain = api.split_options({})
    themed = plain.replace(theme=theme())
    totals: dict[str, list[float]] = {"plain": [], "theme": []}
    pdfs: dict[str, list[float]] = {"plain": [], "theme": []}
    for i in range(rounds + 2):
        order = (("plain", plain), ("theme", themed)) if i % 2 else (("theme", themed), ("plain", plain))
        for name, options in order:
            total, pdf = one_round(data, options)
            if i >= 2:
                totals[name].append(total)
                pdfs[name].append(pdf)
    ratio = median([t / p for t, p in zip(totals["theme"], totals["plain"], strict=True)])
    pdf_ratio = median([t / p for t, p in zip(pdfs["theme"], pdfs["plain"], strict=True)])
    print(f"rounds {rounds}")
    for name in ("plain", "theme"):
        print(f"  {name:<6} W3 cpu {ms(median(totals[name])):>9}   pdf cpu {ms(median(pdfs[name])):>9}")
    print(f"  theme/plain: W3 {ratio:.3f}, PDF writer {pdf_ratio:.3f}")
    row("W3 theme", "<= 1.15x", f"{ratio:.3f}x W3 ({pdf_ratio:.3f}x PDF)", "-", "-", ratio <= 1.15)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
