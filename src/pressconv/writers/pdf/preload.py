"""reportlab's modules imported with their module-level patterns compiled through ``pattern_cache``.

reportlab compiles some 36 regular expressions while its canvas, platypus and colour modules load:
about 30 ms of every process that writes a PDF, 24 ms of it one case-insensitive URL pattern over
most of Unicode (``reportlab.platypus.paragraph.uri_pat``).  The PDF writer imports this module
first; it imports those modules while ``re.compile`` goes through ``pressconv.pattern_cache``, which
gives the same ``re.Pattern`` (equal program, flags and source) from a program kept between
processes.
"""

from __future__ import annotations

# Not through the cache: this module builds its pattern of forbidden names from a set, so the pattern
# differs from process to process and a kept program would never be asked for again.
import reportlab.lib.rl_safe_eval

from pressconv.pattern_cache import compiling_through_cache

with compiling_through_cache():
    import reportlab.lib.colors
    import reportlab.pdfgen.canvas
    import reportlab.platypus
    import reportlab.platypus.paragraph  # noqa: F401
