"""The young-generation threshold a parse raises is the caller's again after it, whatever happens."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from pressconv.errors import EmptyInputError
from pressconv.readers import text as text_reader
from pressconv.readers.young_gc import YOUNG_THRESHOLD, fewer_young_collections

SAMPLE = "Headline of a release\n\nLONDON — A paragraph of the release, said Jo Bloggs.\n"


@pytest.fixture(autouse=True)
def _threshold() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_raised_inside_restored_after() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_young_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_block_raises() -> None:
    gc.set_threshold(500, 9, 8)
    with pytest.raises(ValueError), fewer_young_collections():
        raise ValueError("inside")
    assert gc.get_threshold() == (500, 9, 8)


def test_nested_blocks_share_one_raise() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_young_collections():
        with fewer_young_collections():
            assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD  # the outer block still runs raised
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("young", [0, YOUNG_THRESHOLD * 2])
def test_a_higher_threshold_or_automatic_collection_off_is_left_alone(young: int) -> None:
    gc.set_threshold(young, 10, 10)
    with fewer_young_collections():
        assert gc.get_threshold() == (young, 10, 10)
    assert gc.get_threshold() == (young, 10, 10)


def test_a_setting_made_during_the_block_is_kept() -> None:
    gc.set_threshold(700, 10, 10)
    with fewer_young_collections():
        gc.set_threshold(1234, 10, 10)
    assert gc.get_threshold() == (1234, 10, 10)


def test_the_text_reader_parses_raised_and_restores(monkeypatch: pytest.MonkeyPatch) -> None:
    gc.set_threshold(700, 10, 10)
    seen: list[int] = []
    parse = text_reader._parse

    def spy(*args: Any) -> Any:
        seen.append(gc.get_threshold()[0])
        return parse(*args)

    monkeypatch.setattr(text_reader, "_parse", spy)
    document = text_reader.read_text(SAMPLE)
    with pytest.raises(EmptyInputError):
        text_reader.read_text("   \n")
    assert document.headline == "Headline of a release"
    assert seen == [YOUNG_THRESHOLD, YOUNG_THRESHOLD]
    assert gc.get_threshold() == (700, 10, 10)
