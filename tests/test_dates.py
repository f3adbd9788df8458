from __future__ import annotations

import pytest

from pipeline.dates import DateStage, split_span, trim
from pipeline.read import Article

PUBLISHED = "2024-12-18"  # a Wednesday


@pytest.fixture(scope="module")
def stage():
    return DateStage()


@pytest.fixture
def dates(nlp, stage):
    def run(text: str, published: str | None = PUBLISHED) -> dict[str, tuple]:
        article = Article(doc_id="d", source="test", text=text, published=published)
        records = stage(nlp(text), article)
        for record in records:
            assert text[record["start"] : record["end"]] == record["text"]
        return {r["text"]: (r["type"], r["value"], r["mod"]) for r in records}

    return run


def test_spans_leave_out_prepositions_and_keep_the_whole_expression(dates):
    found = dates(
        "The ministry said on Tuesday that fighting in August had been the worst of the past "
        "three months. Talks resumed Jan. 12 and Sept. 30 was the deadline."
    )
    assert found["Tuesday"] == ("DATE", "2024-12-17", None)
    assert found["August"] == ("DATE", "2024-08", None)
    assert found["the past three months"] == ("DURATION", "P3M", None)
    assert found["Jan. 12"] == ("DATE", "2024-01-12", None)
    assert found["Sept. 30"] == ("DATE", "2024-09-30", None)


def test_the_tense_of_the_clause_sets_the_direction(dates):
    assert dates("The envoys will meet on Monday.")["Monday"][1] == "2024-12-23"
    assert dates("The envoys met on Monday.")["Monday"][1] == "2024-12-16"
    assert dates("Harwick Bank plans to announce the results on Jan. 6.")["Jan. 6"][1] == (
        "2025-01-06"
    )


def test_words_the_model_misses_are_found(dates):
    found = dates("Prices are now higher. He recently left, and the paper is printed daily.")
    assert found["now"] == ("DATE", "PRESENT_REF", None)
    assert found["recently"] == ("DATE", "PAST_REF", None)
    assert found["daily"] == ("SET", "P1D", None)


def test_words_the_model_misses_are_found_as_whole_words_only(stage):
    text = "Snow fell nowhere; the 4daily and _now notes; now (daily) May 3 and in May."
    found = [text[start:end] for start, end in (m.span() for m in stage.extra.finditer(text))]
    assert found == ["now", "daily", "May 3", "May"]


def test_ages_numbers_and_verbs_are_not_dates(dates):
    found = dates(
        "John Smith, 44, and his 6-year-old son, who is 12 years old, may march to the "
        "office with 1,500 others."
    )
    assert found == {}


def test_since_marks_the_start_of_the_period(dates):
    assert dates("Fighting has gone on since November.")["November"] == ("DATE", "2024-11", "START")


def test_a_span_holding_two_expressions_is_split(dates):
    found = dates("Sales grew in its second quarter ended June 29, the chain said.")
    assert found["June 29"][1] == "2024-06-29"
    assert ("DATE", "2024-Q2", None) in found.values()


def test_the_quarter_and_a_year_earlier_follow_the_quarter_named_before(dates):
    found = dates(
        "Third-quarter profit rose 10%. Sales in the quarter were $5 million, up from "
        "$4 million a year earlier."
    )
    assert found["Third-quarter"][1] == "2024-Q3"
    assert found["the quarter"][1] == "2024-Q3"
    assert found["a year earlier"][1] == "2023-Q3"


def test_a_comparison_with_an_earlier_quarter_does_not_change_the_quarter(dates):
    found = dates(
        "Third-quarter sales fell to $5 million from $6 million in the year-earlier quarter. "
        "Costs in the quarter rose."
    )
    assert found["the year-earlier quarter"][1] == "2023-Q3"
    assert found["the quarter"][1] == "2024-Q3"


def test_anaphoric_expressions_follow_the_story(dates):
    found = dates(
        "The mill opened in March 1996. The following year it was sold. The dam broke on "
        "Oct. 4, 1998, and rescuers arrived the next day. Officials said on Tuesday that "
        "the inquiry would end next year."
    )
    assert found["The following year"] == ("DATE", "1997", None)
    assert found["the next day"] == ("DATE", "1998-10-05", None)
    # deictic expressions still count from the publication date
    assert found["Tuesday"][1] == "2024-12-17"
    assert found["next year"][1] == "2025"


def test_without_a_story_date_anaphoric_expressions_use_the_publication_date(dates):
    assert dates("The minister resigned, and the following day her deputy quit.")[
        "the following day"
    ] == ("DATE", "2024-12-19", None)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The hearings are set to reopen Monday in Oslo.", "Monday", "2024-12-23"),
        ("The judge is to rule on the appeal Friday.", "Friday", "2024-12-20"),
        ("The court postponed the hearing until Friday.", "Friday", "2024-12-20"),
        ("Her father could arrive as early as Tuesday.", "as early as Tuesday", "2024-12-24"),
        ("A concert planned for Saturday was canceled.", "Saturday", "2024-12-14"),
        ("The lease had been scheduled to end Friday.", "Friday", "2024-12-13"),
        ("The sale was announced Monday by the board.", "Monday", "2024-12-16"),
        ("NASA will name the crew for a mission in August.", "August", "2025-08"),
        ("The crew trained for a mission in August.", "August", "2024-08"),
        ("A strike may have caused the fall in prices on Monday.", "Monday", "2024-12-16"),
    ],
)
def test_the_verb_group_sets_the_direction(dates, sentence, text, value):
    assert dates(sentence)[text][1] == value


def test_spans_the_model_leaves_short_or_long(dates):
    found = dates(
        "This year's harvest was poor. The boat sank on Thanksgiving Day. Prices fell in "
        "both 2022 and 2023, and the lease runs to the year ending June 30, 2026."
    )
    assert found["This year"][1] == "2024"
    assert found["Thanksgiving Day"][1] == "2024-11-28"
    assert found["2022"][1] == "2022"
    assert found["2023"][1] == "2023"
    assert found["June 30, 2026"][1] == "2026-06-30"


def test_a_year_of_accounts_is_a_duration(dates):
    found = dates(
        "Earnings for the year ended April 30 rose, and sales in the fiscal year ending Sept. 30 "
        "should grow. The year was hard."
    )
    assert found["the year"] == ("DURATION", "P1Y", None)
    assert found["the fiscal year"] == ("DURATION", "P1Y", None)
    assert found["April 30"][1] == "2024-04-30"
    assert found["The year"][1] == "2024"


def test_a_merged_span_that_is_not_one_expression_is_read_in_its_parts(dates):
    found = dates("Fares have been frozen for almost seven months now, the railway said.")
    assert found["almost seven months"] == ("DURATION", "P7M", "APPROX")
    assert found["now"] == ("DATE", "PRESENT_REF", None)


def test_without_a_publication_date_relative_values_are_left_open(dates):
    found = dates(
        "The ministry said on Tuesday that the attack of Dec. 15, 2023 was planned.", None
    )
    assert found["Tuesday"] == ("DATE", None, None)
    assert found["Dec. 15, 2023"] == ("DATE", "2023-12-15", None)


def test_records_carry_the_anchor(nlp, stage):
    text = "Officials said on Tuesday that 20 bodies were found."
    article = Article(doc_id="d", source="test", text=text, published="2024-12-18T10:30:00")
    (record,) = stage(nlp(text), article)
    assert record["anchor"] == "2024-12-18"
    assert record["date_id"] == "D1"


def test_trim_and_split():
    leading = {"since", "at", "between"}
    text = "since the past year's end of"
    assert trim(text, 0, len(text), leading) == (6, len(text) - 3)
    text = "at least 30 days"
    assert trim(text, 0, len(text), leading, ("at least",)) == (0, len(text))
    text = "its second quarter ended June 29"
    assert [text[s:e] for s, e in split_span(text, 0, len(text))] == [
        "its second quarter",
        "June 29",
    ]
