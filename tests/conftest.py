"""Shared fixtures: paths to the sample and the project's source folder; a cache folder of the tests' own."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "source" / "pentagon-briefing.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def pytest_configure(config: pytest.Config) -> None:
    # Expensive hostile-input combinations (10 MB through a Java validator); .ci/run runs them too,
    # a developer can skip them with -m "not slow".
    config.addinivalue_line("markers", "slow: expensive combination, deselect with -m 'not slow'")
    # The PDF writer keeps font tables in the user's cache folder (writers.pdf.face_cache): the
    # tests, and every process they start, use a folder of their own instead of the user's.
    global _CACHE_HOME
    _CACHE_HOME = tempfile.mkdtemp(prefix="pressconv-test-cache-")
    os.environ["XDG_CACHE_HOME"] = _CACHE_HOME


_CACHE_HOME: str | None = None


def pytest_unconfigure(config: pytest.Config) -> None:
    if _CACHE_HOME is not None:
        shutil.rmtree(_CACHE_HOME, ignore_errors=True)
