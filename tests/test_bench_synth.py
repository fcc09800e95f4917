"""The benchmark's synthetic releases: the same text every time, varied, and read with their furniture.

The batch and memory benchmarks (bench/w4, w6, w7, memory.py) stand on
``bench/synth.py``; if it drifted or stopped producing what a press office
writes, their figures would measure something else.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from pressconv import parse
from pressconv.model import ListBlock, Quote

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_synth", BENCH / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_synth", module)
    spec.loader.exec_module(module)
    return module


def test_releases_are_deterministic_and_independent_of_count() -> None:
    synth = _synth()
    assert synth.releases(5) == synth.releases(5)
    assert synth.releases(8)[:5] == synth.releases(5)
    assert len(set(synth.releases(50))) == 50
    assert synth.release(0, seed=1) != synth.release(0)


def test_releases_carry_the_furniture_and_structures_the_reader_knows() -> None:
    synth = _synth()
    docs = [parse(text) for text in synth.releases(40)]
    assert all(not doc.headline_derived for doc in docs)
    assert all(doc.metadata.contacts for doc in docs)
    assert all(doc.metadata.end_mark in ("###", "-30-") for doc in docs)
    assert all(doc.sections[-1].role == "boilerplate" for doc in docs)
    assert sum(doc.metadata.release is not None for doc in docs) >= 20
    blocks = [block for doc in docs for section in doc.sections for block in section.blocks]
    quotes = [block for block in blocks if isinstance(block, Quote)]
    assert quotes and all(quote.speaker for quote in quotes)
    assert any(isinstance(block, ListBlock) and block.ordered for block in blocks)
    assert any(isinstance(block, ListBlock) and not block.ordered for block in blocks)
    assert sum(len(doc.sections) > 2 for doc in docs) >= 10
