"""The person index reads blocks lazily, by surname: every answer must be the one the whole text gives.

``PersonIndex.build`` reads nothing; a question about one surname reads the
blocks holding that string, a question about everyone reads the whole text
(``_complete``).  These tests ask a lazy index and a completed one the same
questions over every corpus and fixture text, and check that a question about
one person leaves blocks that cannot name them unread.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressconv.errors import Notes
from pressconv.readers import name_runs, rules
from pressconv.readers.blocks import Work, split_blocks, to_work
from pressconv.readers.document_cache import clear
from pressconv.readers.speakers.names import _RUN_CONNECTORS, _TOKEN_SEPARATOR, _may_name_at
from pressconv.readers.speakers.people import PersonIndex
from pressconv.readers.worklist import WorkList

TESTS = Path(__file__).parent
TEXTS = sorted(
    [
        *(TESTS / "corpus").glob("*.txt"),
        *(TESTS / "corpus_unseen").glob("*.txt"),
        *(TESTS / "corpus_fresh").glob("*.txt"),
        *(TESTS / "fixtures" / "reader").glob("*.txt"),
    ]
)


def _blocks_at_speakers(text: str) -> list[Work]:
    """The blocks as the speaker rule receives them: every rule before it has run."""
    clear()
    work = WorkList(blocks=[to_work(raw) for raw in split_blocks(text)], notes=Notes())
    for name, rule in rules.ORDER:
        if name == "speakers":
            break
        rule(work)
    return work.blocks


def _whole(works: list[Work]) -> PersonIndex:
    index = PersonIndex.build(works)
    index._complete()
    return index


def test_the_corpus_is_there() -> None:
    assert len(TEXTS) > 200


def test_every_answer_of_the_lazy_index_is_the_whole_texts() -> None:
    asked = 0
    for path in TEXTS:
        text = path.read_text(encoding="utf-8").split("---- expected ----\n", 1)[0]
        works = _blocks_at_speakers(text)
        whole = _whole(works)
        lazy = PersonIndex.build(works)
        lazy_genders, whole_genders = lazy.genders(), whole.genders()
        forms = sorted(
            {form for table in (whole.strong, whole.weak) for forms in table.values() for form in forms}
        )
        last = max(len(works) - 1, 0)
        for form in forms:
            key = form[-1].rstrip(".")
            assert lazy.knows(key) == whole.knows(key), (path.name, form)
            for block in (0, last // 2, last):
                assert lazy.resolve(form, block) == whole.resolve(form, block), (path.name, form, block)
                assert lazy.resolve(form[-1:], block) == whole.resolve(form[-1:], block), (path.name, form)
            full = " ".join(form)
            assert lazy.first_title(full) == whole.first_title(full), (path.name, full)
            assert lazy_genders.get(full, "") == whole_genders.get(full, ""), (path.name, full)
            assert lazy.has_title(form[-1]) == whole.has_title(form[-1]), (path.name, form)
            asked += 1
        # the questions about everyone read the whole text and give the eager answers
        for role in ("president", "minister", "secretary", "director", "chief executive"):
            assert lazy.holders(role) == whole.holders(role), (path.name, role)
        assert lazy.organisations_of("club") == whole.organisations_of("club"), path.name
        assert lazy.complete
    assert asked > 500


def test_attributions_added_before_the_whole_text_is_read_are_replayed_in_order() -> None:
    text = (
        "Minister Aroha Kalani opened the bridge on Monday.\n\n"
        "“It took us ten years,” said Assistant Minister Kalani.\n\n"
        "“We are proud of it,” Ruiz said.\n\n"
        "Engineer Tomas Ruiz led the works for the Harbour Board."
    )
    works = _blocks_at_speakers(text)
    eager = _whole(works)
    lazy = PersonIndex.build(works)
    for index in (eager, lazy):
        index.add(("Tomas", "Ruiz"), "Chief Engineer", 2)
        index.add_lone(("Kalani",), "Assistant Minister", 1)
    assert not lazy.complete
    assert lazy.resolve(("Ruiz",), 2) == eager.resolve(("Ruiz",), 2) == ("Tomas Ruiz", 2)
    assert lazy.holders("minister") == eager.holders("minister")
    assert (lazy.strong, lazy.lone_titles, lazy.titled_alone) == (
        eager.strong,
        eager.lone_titles,
        eager.titled_alone,
    )


def test_a_question_about_one_person_leaves_the_other_blocks_unread() -> None:
    text = "\n\n".join(
        [
            "Harbour Council Opens the Eastern Bridge",
            "Council leader Mereana Tui opened the bridge on Monday morning.",
            *(f"Paragraph {n} tells of Works Manager Ivan Petrov and the Stone Quay." for n in range(8)),
            "Later that day, Tui walked across it with the first cyclists.",
            "“It was worth the wait,” Tui said.",
        ]
    )
    works = _blocks_at_speakers(text)
    index = PersonIndex.build(works)
    assert index.resolve(("Tui",), len(works) - 1) == ("Mereana Tui", 1)
    # the blocks that name her in full or as a speaker; "Later that day, Tui walked" adds nothing
    assert index.read == {1, len(works) - 1}
    assert index.knows("Petrov")  # another surname: its blocks are read when asked about
    assert index.read == {1, *range(2, 10), len(works) - 1}


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("Press Secretary Pat Ryder confirmed it.", "Ryder", True),
        ("the spokesman (Pat Ryder) confirmed it.", "Ryder", True),
        ("“It holds,” Ryder said.", "Ryder", True),
        ("as Maria de la Cruz told the board", "Cruz", True),
        ("Dr. Okafor opened the clinic.", "Okafor", True),
        ("Today, Ryder reconfirmed the aid.", "Ryder", False),
        ("its support for Ukraine is firm", "Ukraine", False),
        ("Ryder opened the session.", "Ryder", False),
        ("they met Kalani, then left", "Kalani", False),
    ],
)
def test_where_a_surname_may_be_indexed(text: str, key: str, expected: bool) -> None:
    assert _may_name_at(text, text.index(key), key) is expected
    works = _blocks_at_speakers(text)
    index = PersonIndex.build(works)
    index.knows(key)
    assert index.read == ({0} if expected else set())


def test_the_occurrence_test_knows_every_separator_and_connector_of_a_name_run() -> None:
    # a name run's tokens end at these separators and hold these lower-case words (name_runs)
    assert _TOKEN_SEPARATOR.pattern == f"[{name_runs._SEP}]"
    assert name_runs._CONNECTORS <= _RUN_CONNECTORS


@pytest.mark.parametrize("key", ["", "Nobody"])
def test_a_name_no_block_holds(key: str) -> None:
    works = _blocks_at_speakers("Jane Smith, chief executive of Acme, said the plan works.")
    index = PersonIndex.build(works)
    assert not index.knows(key)
    assert index.complete is (key == "")


def test_a_text_naming_many_people_is_read_whole_once_the_surnames_asked_about_are_many() -> None:
    syllables = ("ba", "ko", "ri", "ne", "tu", "la", "mo")
    surnames = [(a + b + c).capitalize() for a in syllables for b in syllables for c in ("n", "s")][:40]
    text = "\n\n".join(f"“Part {n} is done,” said engineer Ana {name}." for n, name in enumerate(surnames))
    works = _blocks_at_speakers(text)
    lazy, whole = PersonIndex.build(works), _whole(works)
    for count, name in enumerate(surnames, start=1):
        found = lazy.resolve((name,), 0)
        assert found == whole.resolve((name,), 0) and found[0] == f"Ana {name}"
        assert lazy.complete is (count > 32)
