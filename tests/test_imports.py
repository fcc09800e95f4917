"""Lazy imports: the package and to-html never load reportlab, python-docx or ebooklib."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("reportlab", "docx", "ebooklib", "bs4", "lxml")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_pressconv_is_light() -> None:
    assert not loaded_after("import pressconv") & set(HEAVY)


def test_to_html_loads_no_other_writer_library(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "x.html"
    argv = ["to-html", str(sample_path), "-o", str(out)]
    code = f"from pressconv.cli import main\nassert main({argv!r}) == 0"
    assert not loaded_after(code) & set(HEAVY)
    assert out.is_file()


def test_options_never_import_the_writers() -> None:
    # WriteOptions reads the defaults the writer registry declared into it; it does not fetch them.
    probe = "import sys, pressconv.options\nprint('pressconv.writers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]


def test_a_write_option_nobody_set_reads_as_its_declared_default() -> None:
    from pressconv import writers
    from pressconv.options import WRITE_OPTIONS, WriteOptions

    options = WriteOptions()
    declared = [o for s in writers.BUILTINS.values() for o in (*WRITE_OPTIONS, *s.options)]
    assert {o.name for o in declared} >= {"html_fragment", "pdf_tagged", "docx_reference", "epub_cover"}
    for option in declared:
        assert getattr(options, option.name) == option.default, option.name
    assert options.pdf_tagged is True and options.html_fragment is False
    assert WriteOptions(pdf_tagged=False).pdf_tagged is False
    assert options.no_such_option is None


# Module-level patterns most documents never need are compiled on first use (pressconv.lazy_re):
# parsing and writing the sample in all four formats leaves these uncompiled.  A pattern turned back
# into an eager ``re.compile`` fails here.
LAZY_PATTERNS = {
    "pressconv.contacts": ["EMAIL", "URL", "_LABEL", "_NAME", "_FIELD_LABEL"],
    "pressconv.readers.blocks": ["_LIST_LINE"],
    "pressconv.readers.dates": ["_TIME"],
    "pressconv.readers.heading_shape": ["_NOT_A_HEADING_START", "_PAGE_NUMBER"],
    "pressconv.readers.press_furniture": ["_TIME_OF_DAY", "_TRAILING_END_MARK", "CONTACT_DETAILS"],
    "pressconv.readers.rules.dateline": ["_DATE_FIRST"],
    "pressconv.readers.rules.headline": [
        "_CODE",
        "_KICKER",
        "_SESSION",
    ],
    "pressconv.readers.rules.cover_note": ["_FORWARD"],
    "pressconv.readers.rules.cover_pointer": ["_POINTS_AT"],
    "pressconv.readers.rules.headline_guards": ["_PATH", "_PATH_HOME", "_GUILLEMETS", "_STAMP_TAIL"],
    "pressconv.readers.rules.mail_alert": ["_NOTICE"],
    "pressconv.readers.rules.headline_shape": ["WORD", "_RELATION"],
    "pressconv.readers.rules.page_items": ["_FIELD", "_LIST_FOOTER"],
    "pressconv.readers.rules.questions": ["_SPEAKER_LABEL"],
    "pressconv.readers.rules.statement": [
        "_HEADLINE",
        "_ISSUED",
        "_ON_BEHALF",
        "_FOLLOWING_IS",
        "_LABEL",
        "_NAME_FIRST",
        "_TOPIC",
    ],
    "pressconv.readers.speakers.attribution": ["_INTERJECTION"],
    "pressconv.readers.speakers.resolution": ["_FIRST_PERSON"],
    "pressconv.readers.speakers.words": ["POSSESSIVE_START"],
    "pressconv.writers.html": ["_HTML_DATE"],
    "pressconv.writers.pdf.embedding": ["_FORM_ENTRY"],
    "pressconv.writers.pdf.fonts": ["_VARIANT_WORDS"],
}


def test_rarely_needed_patterns_stay_uncompiled_through_a_plain_release(sample_path: Path) -> None:
    probe = (
        "import importlib\n"
        "from pressconv import lazy_re\n"
        "from pathlib import Path\nfrom pressconv.api import convert\n"
        f"for fmt in ('html', 'docx', 'pdf', 'epub'): convert(Path({str(sample_path)!r}), to=fmt)\n"
        f"for module, names in {LAZY_PATTERNS!r}.items():\n"
        "    for name in names:\n"
        "        if lazy_re.is_compiled(getattr(importlib.import_module(module), name)):\n"
        "            print(module + '.' + name)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    # A pattern listed here that the sample now needs: take it off the list (it costs nothing then).
    assert done.stdout.split() == [], "compiled eagerly, or used by the sample"


def test_a_lazy_pattern_is_the_compiled_pattern_once_used() -> None:
    import re

    from pressconv import lazy_re

    pattern = lazy_re.compile(r"(?P<word>b\w+)", re.IGNORECASE)
    assert not lazy_re.is_compiled(pattern)
    assert pattern.pattern == r"(?P<word>b\w+)"  # reading an attribute compiles it too
    assert lazy_re.is_compiled(pattern)
    eager = re.compile(r"(?P<word>b\w+)", re.IGNORECASE)
    text = "a Big bad wolf"
    found = pattern.search(text)
    assert found is not None and found.group("word") == "Big"
    assert pattern.findall(text) == eager.findall(text) == ["Big", "bad"]
    assert pattern.sub("X", text) == eager.sub("X", text)
    assert pattern.split(text) == eager.split(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert pattern.fullmatch("bad") is not None and pattern.match(text) is None
    assert pattern.flags == eager.flags and pattern.groupindex == eager.groupindex
    assert lazy_re.is_compiled(eager)


def test_a_pdf_without_an_svg_logo_loads_no_reportlab_graphics(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "x.pdf"
    argv = ["to-pdf", str(sample_path), "-o", str(out)]
    probe = f"from pressconv.cli import main\nassert main({argv!r}) == 0\n"
    probe += "import sys\nprint(*(m in sys.modules for m in ('reportlab.pdfgen', 'reportlab.graphics')))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"] and out.is_file()


def _freeze_count_at_exit(call: str) -> int:
    """Run ``call`` (of pressconv.cli.main) in a fresh process; gc's frozen-object count at its exit."""
    probe = (
        "import atexit, gc, sys\n"
        # registered first, so it runs last: after anything main() registered
        "atexit.register(lambda: print(gc.get_freeze_count()))\n"
        "from pressconv.cli import main\n"
        "sys.argv = ['pressconv', 'formats']\n"
        f"code = {call}\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def test_the_program_leaves_its_objects_out_of_the_exit_collections() -> None:
    # As the console script (main() with no argv): gc.freeze() at exit, so the interpreter's final
    # collections skip the run's objects.  Called with an argv (tests, other programs): untouched.
    assert _freeze_count_at_exit("main()") > 10_000
    assert _freeze_count_at_exit("main(['formats'])") == 0
