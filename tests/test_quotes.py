"""Quotation marks, quoted share, attributions and the quote sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressconv.model import Quote
from pressconv.quotesheet import format_quote_sheet, quote_sheet, to_json
from pressconv.readers.quote_marks import quoted_share, scan
from pressconv.readers.text import read_text

SAMPLE = Path(__file__).resolve().parents[1] / "source" / "pentagon-briefing.txt"


def quoted(text: str, style: str = "double") -> list[str]:
    spans, _, _ = scan(text, style)
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("text", "style", "pieces"),
    [
        ("“We are ready,” she said.", "double", ["“We are ready,”"]),
        ('"We are ready," she said. "Really."', "double", ['"We are ready,"', '"Really."']),
        ("„Wir sind bereit“, sagte sie.", "double", ["„Wir sind bereit“"]),
        ("« Nous sommes prêts », a-t-elle dit.", "double", ["« Nous sommes prêts »"]),
        ("»Wir sind bereit«, sagte sie.", "double", ["»Wir sind bereit«"]),
        ("‘We don’t know,’ she said of the ’90s.", "single", ["‘We don’t know,’"]),
        ("The players’ union said ‘no’ to it.", "single", ["‘no’"]),
        ("“He said ‘never’ to me,” she said.", "double", ["“He said ‘never’ to me,”"]),
        ("“We — all of us — are ready,” he said.", "double", ["“We — all of us — are ready,”"]),
        # the same marks nested mid-sentence: one quotation around the inner phrase
        ("“A big “thank you” to the crews,” she said.", "double", ["“A big “thank you” to the crews,”"]),
        ("« Un grand « merci » aux équipes », dit-elle.", "double", ["« Un grand « merci » aux équipes »"]),
        # after a sentence's end a fresh opening mark starts a new quotation (the first never closed)
        ("“We are ready. “Really,” she said.", "double", ["“We are ready. ", "“Really,”"]),
    ],
)
def test_marks_open_and_close_by_glyph_and_position(text: str, style: str, pieces: list[str]) -> None:
    assert quoted(text, style) == pieces


def test_an_unclosed_quote_runs_to_the_end_and_says_so() -> None:
    spans, left_open, _ = scan("“This runs on and on.", "double")
    assert left_open and spans == [(0, 21)]


def test_apostrophes_in_double_style_are_ignored() -> None:
    assert quoted("North Korea’s troops and the United States’ support") == []


def test_quoted_share_counts_words() -> None:
    text = "“One two three,” he said."
    assert quoted_share(text, scan(text, "double")[0]) == pytest.approx(3 / 5)


@pytest.mark.parametrize(
    ("text", "speaker", "attribution"),
    [
        ("Jane Smith runs Acme.\n\n“We grew a great deal,” Smith said.\n", "Jane Smith", "Smith said"),
        ("Jane Smith runs Acme.\n\n“We grew a great deal,” said Smith.\n", "Jane Smith", "said Smith"),
        (
            "Jane Smith runs Acme.\n\nSmith said: “We grew a great deal this year.”\n",
            "Jane Smith",
            "Smith said",
        ),
        (
            "CEO Jane Smith runs Acme.\n\n“We grew a lot,” according to Smith.\n",
            "Jane Smith",
            "according to Smith",
        ),
        ("CEO Jane Smith runs Acme.\n\n“We grew a great deal,” she added.\n", "Jane Smith", "she added"),
        ("Acme grew.\n\n“We grew a lot this year,” the company said.\n", "Acme", "the company said"),
        ("Acme grew.\n\n“We grew a lot this year and last year too.”\n", None, None),
    ],
)
def test_attribution_forms(text: str, speaker: str | None, attribution: str | None) -> None:
    quotes = [b for b in read_text(text).blocks() if isinstance(b, Quote)]
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].attribution == attribution


def test_a_lone_surname_is_a_person_when_titled_somewhere_but_an_unknown_name_is_not() -> None:
    text = (
        "Clinic opens in town\n\nDr. Smith opened the new clinic on Monday morning.\n\n"
        "“We have waited a long time for this building and it shows,” Smith said.\n\n"
        "“The hospital board will meet again next week to decide,” Acme said.\n"
    )
    quotes = [b for b in read_text(text).blocks() if isinstance(b, Quote)]
    assert [q.speaker for q in quotes] == ["Smith", None]


def test_multi_paragraph_quote_shares_its_speaker() -> None:
    text = (
        "Dr. Ann Lee leads the team.\n\n"
        "“The first part runs on,” said Lee. “And it does not close here.\n\n"
        "“The second part closes,” she went on.\n\n"
        "“But this one is new.”\n\n"
        "The team meets again in May.\n\n"
        "“Nobody is named for this one.”\n"
    )
    quotes = [b for b in read_text(text).blocks() if isinstance(b, Quote)]
    # an unattributed quote right after Lee's goes on in her voice; after a paragraph it has no speaker
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ann Lee", "Ann Lee", None]


def test_a_possessive_is_not_the_subject_a_pronoun_points_to() -> None:
    text = (
        "Mayor Tom Reed met Governor Ana Cruz.\n\n"
        "In Cruz’s office, Reed signed the deal.\n\n"
        "“It is a good day,” he said.\n"
    )
    quote = next(b for b in read_text(text).blocks() if isinstance(b, Quote))
    assert quote.speaker == "Tom Reed"


def test_quote_sheet_groups_speakers_in_order_with_titles() -> None:
    document = read_text(SAMPLE.read_text(encoding="utf-8"))
    sheet = quote_sheet(document)
    # the partial quote in a narrative paragraph ("… aligned with the United States’ “ironclad
    # support for Israel’s defense.”") is listed too, unattributed, after the speakers
    assert [item.speaker for item in sheet] == ["Pat Ryder", "Lloyd J. Austin III", "Sabrina Singh", None]
    assert [len(item.quotes) for item in sheet] == [7, 1, 1, 1]
    assert sheet[3].quotes[0].kind == "partial" and sheet[3].quotes[0].quoted.startswith("“ironclad")
    # Austin's quotation is split around "Austin said in his prepared remarks at …": one entry
    assert sheet[1].quotes[0].quoted.count("“") == 2
    assert sheet[0].title == "Pentagon Press Secretary Air Force Maj. Gen."
    assert sheet[0].quotes[0].quoted.startswith("“Initial indications")
    assert "Ryder stated" not in sheet[0].quotes[0].quoted
    data = to_json(sheet)
    assert data[2]["speaker"] == "Sabrina Singh" and data[2]["quotes"][0]["section"]
    text = format_quote_sheet(sheet, document.headline)
    assert text.splitlines()[2] == "Pat Ryder, Pentagon Press Secretary Air Force Maj. Gen. (7)"


def test_quote_sheet_puts_unattributed_quotes_last() -> None:
    text = (
        "“Nobody said this one out loud at all.”\n\n"
        "“We grew a great deal this year,” said Acme CEO Jane Smith.\n"
    )
    sheet = quote_sheet(read_text(text))
    assert [item.speaker for item in sheet] == ["Jane Smith", None]
    assert "Unattributed (1)" in format_quote_sheet(sheet)


@pytest.mark.parametrize(
    ("attribution", "speaker", "title"),
    [
        ("said Jane Smith MP", "Jane Smith", None),
        (
            "White House press secretary Karine Jean-Pierre said",
            "Karine Jean-Pierre",
            "White House press secretary",
        ),
        ("said Bank of America CEO Brian Moynihan", "Brian Moynihan", "Bank of America CEO"),
        ("said Professor Alan Reeve of the University of Bristol", "Alan Reeve", "Professor"),
        ("sagte Regierungssprecher Steffen Hebestreit", "Steffen Hebestreit", "Regierungssprecher"),
        ("said a spokesman for Acme Corp.", None, None),
        ("said Acme chief executive Maria Lopez", "Maria Lopez", "Acme chief executive"),
        ("said Globex chief financial officer Tom Reed", "Tom Reed", "Globex chief financial officer"),
        ("said Acme’s chief executive Maria Lopez", "Maria Lopez", "Acme’s chief executive"),
        (
            "said Acme senior vice president of sales Jo Kent",
            "Jo Kent",
            "Acme senior vice president of sales",
        ),
        ("Acme said in a statement", None, None),
        ("said Acme", None, None),
        ("Globex Inc. said", "Globex", None),
        ("the Ministry of Health said", "Ministry of Health", None),
        ("Harbor City Council said", "Harbor City Council", None),
        ("Smith, 45, said", "Smith", None),
        ("said Ab Klink, the former minister", "Ab Klink", "the former minister"),
        ("Acme AG said", "Acme", None),
    ],
)
def test_names_titles_and_unnamed_speakers(attribution: str, speaker: str | None, title: str | None) -> None:
    quoted = "“We will keep going whatever happens next,”"
    text = f"Headline For The Test\n\n{quoted} {attribution}.\n\nMore text.\n"
    quote = next(b for b in read_text(text).blocks() if isinstance(b, Quote))
    assert (quote.speaker, quote.speaker_title) == (speaker, title)


def test_the_sheet_lists_partial_quotes_and_joins_split_and_run_on_quotations() -> None:
    text = (
        "Ferry Timetable Changes\n\n"
        "Captain Rosa Lindell called the new timetable “a relief for everyone who works late” on Monday.\n\n"
        "“The last boat leaves at midnight,” said Lindell, “and the first at five.”\n\n"
        "“Passengers asked for this for years.\n\n"
        "“Now they have it,” she added.\n"
    )
    sheet = quote_sheet(read_text(text))
    assert [item.speaker for item in sheet] == ["Rosa Lindell"]
    quotes = sheet[0].quotes
    assert [q.kind for q in quotes] == ["partial", "quote", "quote"]
    assert quotes[0].quoted == "“a relief for everyone who works late”"
    assert quotes[1].quoted == "“The last boat leaves at midnight,” “and the first at five.”"
    assert quotes[2].quoted == "“Passengers asked for this for years. “Now they have it,”"
    assert quotes[2].text.count("\n") == 1  # one quotation, two paragraphs


def test_a_short_unattributed_span_is_no_quotation() -> None:
    text = "Canal Works Begin\n\nWork on the so-called “blue mile” started on Monday after years of delay.\n"
    assert quote_sheet(read_text(text)) == []
