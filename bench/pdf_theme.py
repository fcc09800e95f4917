"""W3 with and without a theme, interleaved: the sample -> parse + four writers, and the PDF writer alone.

Target (issue #19): W3 with a theme within 15% of W3 without.  The theme is a
contrasting one with every setting the PDF applies: colours, typefaces (Noto when
installed, else DejaVu), A4 with other margins, an SVG logo, letterhead, footer line
with page numbers, speakers shown.  Each round runs four variants: without a theme,
with it, with its look alone (colours, faces, page set-up, letterhead, logo, footer,
but not the words a theme adds: its contact block, boilerplate and speaker lines), and with
its words alone (no look: the default theme given the theme's contact block, boilerplate and
speaker lines, so the words of the theme but for the organisation's name in the "About" heading),
in rotating order, after two warm-up
rounds; a ratio is the median of per-round ratios of CPU time (``time.process_time``), which
a busy neighbour disturbs least.  The theme against its words alone is the like-for-like
figure: what the theme costs beyond the words it adds.

    .venv/bin/python bench/pdf_theme.py [ROUNDS] [THEME]

THEME is a theme folder or theme.toml (e.g. examples/themes/harbour) instead of the built-in one.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from _harness import SAMPLE, header, median, ms, row

from pressconv import api
from pressconv.errors import Notes
from pressconv.options import WriteOptions
from pressconv.theme import DEFAULT, Logo, Theme

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


def main(rounds: int, path: str | None = None) -> None:
    """Four variants a round, in rotating order: no theme, the theme, the theme's look alone (no
    contact block or boilerplate added, no speaker lines: the words as without a theme), and its
    words alone (the default look with the theme's contact block, boilerplate and speaker lines)."""
    header("W3 with and without a theme (interleaved)")
    data = SAMPLE.read_bytes()
    _, plain = api.split_options({})
    if path is not None:
        from pressconv.theme import load

        chosen = load(path)
    else:
        chosen = theme()
    look = replace(chosen, contact=None, boilerplate=None, show_speaker=False)
    words = replace(
        DEFAULT, contact=chosen.contact, boilerplate=chosen.boilerplate, show_speaker=chosen.show_speaker
    )
    variants = {
        "plain": plain,
        "theme": plain.replace(theme=chosen),
        "look": plain.replace(theme=look),
        "words": plain.replace(theme=words),
    }
    totals: dict[str, list[float]] = {name: [] for name in variants}
    pdfs: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for i in range(rounds + 2):
        for name in names[i % len(names) :] + names[: i % len(names)]:
            total, pdf = one_round(data, variants[name])
            if i >= 2:
                totals[name].append(total)
                pdfs[name].append(pdf)

    def ratio(of: dict[str, list[float]], name: str, against: str = "plain") -> float:
        return median([t / p for t, p in zip(of[name], of[against], strict=True)])

    print(f"rounds {rounds}")
    for name in names:
        w3, pdf = ms(median(totals[name])), ms(median(pdfs[name]))
        print(f"  {name:<6} W3 cpu {w3:>9}   pdf cpu {pdf:>9}", end="")
        print(f"   /plain: W3 {ratio(totals, name):.3f}, PDF {ratio(pdfs, name):.3f}")
    like = ratio(totals, "theme", "words"), ratio(pdfs, "theme", "words")
    print(f"  theme /words (like for like): W3 {like[0]:.3f}, PDF {like[1]:.3f}")
    for name in ("theme", "look"):
        w3, pdf = ratio(totals, name), ratio(pdfs, name)
        row(f"W3 {name}", "<= 1.15x", f"{w3:.3f}x W3 ({pdf:.3f}x PDF)", "-", "-", w3 <= 1.15)
    measured = f"{like[0]:.3f}x W3 ({like[1]:.3f}x PDF)"
    row("W3 theme / its words", "<= 1.15x", measured, "-", "-", like[0] <= 1.15)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40, sys.argv[2] if len(sys.argv) > 2 else None)
