"""Shared fixtures: paths to the sample and the project's source folder."""

from __future__ import annotations

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
