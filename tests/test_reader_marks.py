"""Inline marks carried from a reader through the shared rules: they follow their words or are dropped."""

from __future__ import annotations

from pressconv.errors import Notes
from pressconv.model import ListBlock, Paragraph
from pressconv.options import ReadOptions
from pressconv.readers.blocks import LIST, RawBlock, RawMark
from pressconv.readers.document import build_document, infer
from pressconv.readers.front_matter import FrontMatter
from pressconv.readers.marks import InlineText, MarkTrail


def covered(text: str, marks: tuple[RawMark, ...]) -> list[tuple[str, str, str | None]]:
    return [(m.kind, text[m.start : m.end], m.target) for m in marks]


def test_inline_text_folds_whitespace_and_moves_the_marks() -> None:
    inline = InlineText()
    inline.add("  Read ")
    inline.open("link", "https://example.org/report")
    inline.add("the  full\n report")
    inline.close()
    inline.add("   and ")
    inline.open("strong")
    inline.add(" act ")
    inline.close()
    inline.add(" now. ")
    lines, text, marks = inline.finish()
    assert text == "Read the full report and act now."
    assert lines == (text,)
    assert covered(text, marks) == [
        ("link", "the full report", "https://example.org/report"),
        ("strong", "act", None),
    ]


def test_line_breaks_are_lines_and_zero_width_marks() -> None:
    inline = InlineText()
    inline.add("Jane Doe")
    inline.newline()
    inline.open("emphasis")
    inline.add("Press officer")
    inline.newline()
    inline.add("Acme")
    inline.close()
    inline.newline()  # a trailing break marks nothing
    lines, text, marks = inline.finish()
    assert lines == ("Jane Doe", "Press officer", "Acme")
    assert text == "Jane Doe Press officer Acme"
    assert [(m.kind, m.start) for m in marks if m.kind == "break"] == [
        ("break", text.index("Press")),
        ("break", text.index("Acme")),
    ]
    assert covered(text, tuple(m for m in marks if m.kind != "break")) == [
        ("emphasis", "Press officer Acme", None)
    ]


def test_marks_over_only_whitespace_are_dropped_and_open_marks_closed() -> None:
    inline = InlineText()
    inline.add("one")
    inline.open("emphasis")
    inline.add("   ")
    inline.close()
    inline.add("two ")
    inline.open("code")
    inline.add("x = 1")
    _, text, marks = inline.finish()
    assert text == "one two x = 1"
    assert covered(text, marks) == [("code", "x = 1", None)]


def test_removed_characters_move_the_marks() -> None:
    inline = InlineText()
    inline.add("a\x07b ")
    inline.open("strong")
    inline.add("c\x00d")
    inline.close()
    _, text, marks = inline.finish(lambda s: s.replace("\x07", "").replace("\x00", ""))
    assert text == "ab cd"
    assert covered(text, marks) == [("strong", "cd", None)]


def test_the_trail_clips_marks_to_the_pieces_a_rule_cut() -> None:
    raw = "Why it matters"
    body = (
        "Leaks waste a fifth of the water the city treats, and the new sensors find them within hours"
        " instead of weeks, the utility said in its report on Tuesday."
    )
    link = body.index("its report")
    block = RawBlock(
        f"{raw} {body}",
        (raw, body),
        marks=(
            RawMark(0, len(raw), "strong"),
            RawMark(
                len(raw) + 1 + link, len(raw) + 1 + link + len("its report"), "link", "https://r.example"
            ),
        ),
    )
    lede = RawBlock("SPRINGFIELD — The city fitted sensors to its water mains this year.")
    work = infer([lede, block], FrontMatter(), ReadOptions(), Notes())
    texts = [w.text for w in work.blocks]
    assert raw in texts and body in texts  # the glued heading line was split off by the rules
    trail = MarkTrail([lede, block])
    found = {w.text: covered(w.text, trail.take(w.text)) for w in work.blocks}
    assert found[raw] == [("strong", "Why it matters", None)]
    assert found[body] == [("link", "its report", "https://r.example")]


def test_text_not_found_has_no_marks_and_items_have_their_own() -> None:
    items = ("Download the report", "Watch the video")
    trail = MarkTrail(
        [
            RawBlock("Intro text here.", marks=(RawMark(0, 5, "emphasis"),)),
            RawBlock(
                " ".join(items),
                hint="list",
                items=items,
                item_marks=((RawMark(13, 19, "link", "/r"),), ()),
            ),
        ]
    )
    assert trail.take("Something rewritten") == ()
    assert trail.take("Intro text here.") == (RawMark(0, 5, "emphasis"),)
    assert trail.take("Download the report") == (RawMark(13, 19, "link", "/r"),)
    assert trail.take("Watch the video") == ()


def test_marks_that_do_not_fit_the_text_are_dropped() -> None:
    trail = MarkTrail([RawBlock("short", marks=(RawMark(0, 40, "strong"),))])
    assert trail.take("short") == ()


def test_an_embedded_block_passes_through_the_rules_where_it_stands() -> None:
    table = ListBlock(False, ("stand-in for a table", "built by the format"))
    blocks = [
        RawBlock("Acme Opens a Plant", hint="headline"),
        RawBlock("SPRINGFIELD — Acme opened a plant today, its largest in the state.", hint="paragraph"),
        RawBlock("", hint="embedded", block=table),
        RawBlock("The plant will employ 300 people by the end of next year.", hint="paragraph"),
        RawBlock("", hint="embedded", block=Paragraph("a figure's caption stand-in")),
    ]
    document = build_document(blocks, None, None, None, None)
    assert document.headline == "Acme Opens a Plant"
    assert document.blocks()[1] is table
    assert document.blocks()[-1] == Paragraph("a figure's caption stand-in")
    assert len(document.blocks()) == 4


def test_an_embedded_block_first_or_alone() -> None:
    table = ListBlock(False, ("only cell",))
    alone = build_document([RawBlock("", hint="embedded", block=table)], None, None, None, None)
    assert alone.blocks() == [table]
    first = build_document(
        [RawBlock("", hint="embedded", block=table), RawBlock("A paragraph under the table, in full.")],
        None,
        None,
        None,
        None,
    )
    assert first.blocks()[0] is table


def test_a_list_keeps_its_levels_when_they_fit() -> None:
    items = ("one", "one a", "two")
    work = infer(
        [RawBlock(" ".join(items), hint="list", items=items, levels=(0, 1, 0))],
        FrontMatter(),
        ReadOptions(),
        Notes(),
    )
    listed = next(w for w in work.blocks if w.kind == LIST)
    assert listed.levels == (0, 1, 0)
    bad = infer(
        [RawBlock("a b", hint="list", items=("a", "b"), levels=(1,))], FrontMatter(), ReadOptions(), Notes()
    )
    assert next(w for w in bad.blocks if w.kind == LIST).levels == ()


def test_marks_levels_and_notes_reach_the_document() -> None:
    from pressconv.model import Mark, Note

    lede = "SPRINGFIELD — Acme opened a plant today, read the full report for details."
    link = lede.index("the full report")
    items = ("Panels", "Roof panels", "Jobs")
    blocks = [
        RawBlock("Acme Opens a Plant", hint="headline", marks=(RawMark(0, 4, "strong"),)),
        RawBlock(lede, hint="paragraph", marks=(RawMark(link, link + 15, "link", "https://r.example"),)),
        RawBlock("What it makes", hint="heading", level=3, marks=(RawMark(5, 7, "emphasis"),)),
        RawBlock(
            " ".join(items),
            hint="list",
            items=items,
            levels=(0, 1, 0),
            item_marks=((), (RawMark(0, 4, "code"),), ()),
        ),
        RawBlock("Deep heading", hint="heading", level=6),
        RawBlock(
            "The plant employs 300 people.", hint="paragraph", marks=(RawMark(29, 29, "noteref", "n1"),)
        ),
    ]
    note = Note("n1", "1", "Figures from the company's annual report.")
    document = build_document(blocks, None, None, None, None, footnotes=(note,))
    assert document.headline_marks == (Mark(0, 4, "strong"),)
    paragraph = document.blocks()[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.marks == (Mark(link, link + 15, "link", "https://r.example"),)
    assert [(s.heading, s.level) for s in document.sections] == [
        (None, 2),
        ("What it makes", 3),
        ("Deep heading", 4),
    ]
    assert document.sections[1].heading_marks == (Mark(5, 7, "emphasis"),)
    listed = document.blocks()[1]
    assert isinstance(listed, ListBlock)
    assert listed.levels == (0, 1, 0)
    assert listed.item_marks == ((), (Mark(0, 4, "code"),), ())
    assert document.notes == (note,)
    last = document.blocks()[-1]  # a note reference at the very end of a text is kept
    assert isinstance(last, Paragraph)
    assert last.marks == (Mark(29, 29, "noteref", "n1"),)


def test_a_note_reference_is_zero_width_and_kept_at_the_end() -> None:
    inline = InlineText()
    inline.add("Sales rose by a fifth. ")
    inline.open("noteref", "fn1")
    inline.close()
    _, text, marks = inline.finish()
    assert text == "Sales rose by a fifth."
    assert marks == (RawMark(len(text), len(text), "noteref", "fn1"),)


def test_marks_of_one_kind_apart_only_by_a_space_are_one() -> None:
    inline = InlineText()
    for word in ("the work", " ", "goes on"):
        if word.strip():
            inline.open("emphasis")
            inline.add(word)
            inline.close()
        else:
            inline.add(word)
    inline.add(", ")
    inline.open("emphasis")
    inline.add("then")
    inline.close()
    _, text, marks = inline.finish()
    assert covered(text, marks) == [("emphasis", "the work goes on", None), ("emphasis", "then", None)]


def test_marks_inside_words_and_across_lines_with_removed_characters() -> None:
    inline = InlineText()
    inline.add("un")
    inline.open("strong")
    inline.add("believ")
    inline.close()
    inline.add("able  \x07deal ")
    inline.open("link", "/x")
    inline.add(" over")
    inline.newline()
    inline.add("\n  two\x00 lines ")
    inline.close()
    inline.newline()
    inline.newline()  # an empty line: no second break, no stray space
    inline.add("end")
    lines, text, marks = inline.finish(lambda s: s.replace("\x07", "").replace("\x00", ""))
    assert lines == ("unbelievable deal over", "two lines", "end")
    assert text == "unbelievable deal over two lines end"
    assert covered(text, marks) == [
        ("strong", "believ", None),
        ("link", "over two lines", "/x"),
        ("break", "", None),
        ("break", "", None),
    ]
    assert [m.start for m in marks if m.kind == "break"] == [text.index("two"), text.index("end")]
