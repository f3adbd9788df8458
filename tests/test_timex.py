from __future__ import annotations

from datetime import date

import pytest

from pipeline.timex import Context, Normaliser, Reference, Timex, clean, nearest

#: A Wednesday.
ANCHOR = date(2024, 12, 18)


@pytest.fixture(scope="module")
def normalise():
    normaliser = Normaliser()

    def run(text: str, anchor: date | None = ANCHOR, **context) -> Timex | None:
        return normaliser(text, Context(anchor, **context))

    return run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday", "2024-12-17"),
        ("Wednesday", "2024-12-18"),  # the publication day counts
        ("last Wednesday", "2024-12-11"),
        ("next Monday", "2024-12-23"),
        ("today", "2024-12-18"),
        ("yesterday", "2024-12-17"),
        ("Dec. 15", "2024-12-15"),
        ("Sept. 30, 1990", "1990-09-30"),
        ("June 30th", "2024-06-30"),
        ("the 4th of July 2023", "2023-07-04"),
        ("12/05/2024", "2024-12-05"),
        ("August", "2024-08"),
        ("February 2022", "2022-02"),
        ("last December", "2023-12"),
        ("December last year", "2023-12"),
        ("2014", "2014"),
        ("fiscal 1990", "1990"),
        ("nineteen ninety-six", "1996"),
        ("the 1990s", "199"),
        ("the '80s", "198"),
        ("the nineties", "199"),
        ("this week", "2024-W51"),
        ("last week", "2024-W50"),
        ("next month", "2025-01"),
        ("last year", "2023"),
        ("this fall", "2024-FA"),
        ("last summer", "2024-SU"),
        ("the third quarter", "2024-Q3"),
        ("third-quarter", "2024-Q3"),
        ("the first half of 1990", "1990-H1"),
        ("two years ago", "2022"),
        ("six weeks ago", "2024-W45"),
        ("three days ago", "2024-12-15"),
        ("Thanksgiving Day", "2024-11-28"),
        ("Christmas", "2024-12-25"),
        ("Memorial Day", "2024-05-27"),
        ("last Thanksgiving", "2024-11-28"),
        ("last Oct. 23", "2024-10-23"),
        ("next Oct. 23", "2025-10-23"),
        ("the 20th century", "19"),
    ],
)
def test_dates_resolve_on_the_anchor(normalise, text, value):
    assert normalise(text) == Timex("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("20 years", "P20Y"),
        ("the past year", "P1Y"),
        ("the past three months", "P3M"),
        ("a few days", "PXD"),
        ("two-week", "P2W"),
        ("8-month-old", "P8M"),
        ("twenty four hours", "PT24H"),
        ("a couple of years", "P2Y"),
        ("recent years", "PXY"),
        ("weeks", "PXW"),
        ("more than four hours", "PT4H"),
        ("the past decade", "P10Y"),
        ("2 1/2 years", "P2Y6M"),
        ("5 1/2 hours", "PT5H30M"),
        ("the year-earlier nine months", "P9M"),
    ],
)
def test_durations(normalise, text, value):
    assert normalise(text) == Timex("DURATION", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("every week", "P1W"),
        ("daily", "P1D"),
        ("each year", "P1Y"),
        ("every other day", "P2D"),
        ("every Thursday", "XXXX-WXX-4"),
        ("each Friday night", "XXXX-WXX-5TNI"),
        ("each July", "XXXX-07"),
    ],
)
def test_sets(normalise, text, value):
    assert normalise(text) == Timex("SET", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("now", "PRESENT_REF"), ("at press time", "PRESENT_REF"), ("recently", "PAST_REF")],
)
def test_references_to_now_past_and_future(normalise, text, value):
    assert normalise(text) == Timex("DATE", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10 p.m. Wednesday", "2024-12-18T22:00"),
        ("noon Tuesday", "2024-12-17T12:00"),
        ("midday", "2024-12-18T12:00"),
        ("7:15 p.m.", "2024-12-18T19:15"),
        ("this morning", "2024-12-18TMO"),
        ("last night", "2024-12-17TNI"),
        ("Friday night", "2024-12-13TNI"),
    ],
)
def test_clock_times_and_parts_of_days(normalise, text, value):
    assert normalise(text) == Timex("TIME", value)


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("mid-December last year", "2023-12", "MID"),
        ("the late 1970s", "197", "END"),
        ("early this year", "2024", "START"),
        ("nearly two months", "P2M", "APPROX"),
    ],
)
def test_modifiers(normalise, text, value, mod):
    timex = normalise(text)
    assert (timex.value, timex.mod) == (value, mod)


def test_the_tense_picks_the_direction(normalise):
    assert normalise("Monday", tense="past").value == "2024-12-16"
    assert normalise("Monday", tense="future").value == "2024-12-23"
    assert normalise("Dec. 15", ANCHOR.replace(year=2025, month=1, day=8)).value == "2024-12-15"
    assert normalise("Jan. 12", tense="future").value == "2025-01-12"
    assert normalise("Jan. 12", tense="past").value == "2024-01-12"


def test_without_a_tense_the_closest_day_wins(normalise):
    assert normalise("Jan. 3").value == "2025-01-03"
    assert normalise("March").value == "2025-03"
    assert normalise("October").value == "2024-10"
    assert normalise("February").value == "2025-02"


def test_a_quarter_named_before_anchors_the_quarter_and_a_year_earlier(normalise):
    third = Reference(quarter="2024-Q3")
    assert normalise("the quarter", reference=third).value == "2024-Q3"
    assert normalise("a year earlier", reference=third) == Timex("DATE", "2023-Q3", None, True)
    assert normalise("the year-ago period", reference=third).value == "2023-Q3"
    assert normalise("a year earlier").value == "2023"
    assert normalise("the quarter").value == "2024-QX"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the fiscal first quarter", "2024-Q1"),  # the latest first quarter, not the next
        ("the 1987 second quarter", "1987-Q2"),
        ("the first quarter of next year", "2025-Q1"),
        ("the last half of 1991", "1991-H2"),
        ("the full year", "2024"),
        ("the quarter", "2024-QX"),  # no quarter named before: the quarter is unknown
    ],
)
def test_quarters_and_halves(normalise, text, value):
    assert normalise(text).value == value


def test_a_quarter_the_clause_looks_ahead_to_is_the_next_one(normalise):
    assert normalise("the first quarter", tense="future").value == "2025-Q1"
    assert normalise("the third quarter", tense="future").value == "2024-Q3"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the year-ago third quarter", "2023-Q3"),
        ("last year's quarter", "2023-Q3"),
        ("the quarter a year ago", "2023-Q3"),
        ("the comparable period last year", "2023-Q3"),
        ("the 2022 period", "2022-Q3"),
    ],
)
def test_comparisons_with_the_quarter_do_not_move_the_story(normalise, text, value):
    timex = normalise(text, reference=Reference(quarter="2024-Q3"))
    assert (timex.value, timex.comparison) == (value, True)


def test_the_latest_quarter_has_ended(normalise):
    assert normalise("the latest quarter", reference=Reference(quarter="2024-Q3")).value == (
        "2024-Q3"
    )
    # a forecast for the current quarter does not make it the latest
    assert normalise("the latest quarter", reference=Reference(quarter="2024-Q4")).value == (
        "2024-Q3"
    )


#: The story is on Friday 3 May 1996 (the anchor is 2024-12-18).
STORY_DAY = Reference(day=date(1996, 5, 3), month=(1996, 5), year=1996)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the following year", "1997"),
        ("the previous month", "1996-04"),
        ("that day", "1996-05-03"),
        ("earlier that day", "1996-05-03"),
        ("the same week", "1996-W18"),
        ("the next day", "1996-05-04"),
        ("the day before", "1996-05-02"),
        ("the previous Friday", "1996-04-26"),
        ("the following Monday", "1996-05-06"),
        ("two days later", "1996-05-05"),
        ("a month earlier", "1996-04"),
        ("three years later", "1999"),
    ],
)
def test_anaphoric_expressions_count_from_the_reference_time(normalise, text, value):
    assert normalise(text, reference=STORY_DAY).value == value


def test_anaphoric_parts_of_a_day_are_times(normalise):
    assert normalise("the next morning", reference=STORY_DAY) == Timex("TIME", "1996-05-04TMO")
    assert normalise("that night", reference=STORY_DAY) == Timex("TIME", "1996-05-03TNI")


@pytest.mark.parametrize(
    ("text", "value"),
    [("yesterday", "2024-12-17"), ("last week", "2024-W50"), ("two years ago", "2022")],
)
def test_deictic_expressions_count_from_the_anchor_whatever_the_story(normalise, text, value):
    assert normalise(text, reference=STORY_DAY).value == value


def test_without_a_reference_time_anaphoric_expressions_count_from_the_anchor(normalise):
    assert normalise("the following year").value == "2025"
    assert normalise("the next day").value == "2024-12-19"
    assert normalise("two days later").value == "2024-12-20"
    # a year is not enough to count days from
    assert normalise("two days later", reference=Reference(year=1996)).value == "2024-12-20"


def test_the_next_year_is_a_stretch_of_time(normalise):
    assert normalise("the next year", reference=STORY_DAY) == Timex("DURATION", "P1Y")


def test_the_reference_time_keeps_the_parts_a_coarser_date_contains():
    day = Reference().moved_to("1996-05-03")
    assert day == STORY_DAY
    assert day.moved_to("1996") == STORY_DAY
    assert day.moved_to("1997") == Reference(year=1997)
    assert day.moved_to("1996-06") == Reference(month=(1996, 6), year=1996)
    assert day.moved_to("1996-05-04TNI").day == date(1996, 5, 4)
    assert day.moved_to("1989-Q3") == Reference(year=1989, quarter="1989-Q3")
    assert day.moved_to("1996-Q2").day == date(1996, 5, 3)
    assert day.moved_to("1996-Q3") == Reference(year=1996, quarter="1996-Q3")
    for value in ("P3D", "PRESENT_REF", "XXXX-05-04", None):
        assert day.moved_to(value) == day


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("only six months", "P6M"),
        ("two more weeks", "P2W"),
        ("eight trading days", "P8D"),
        ("an additional year", "P1Y"),
    ],
)
def test_words_that_do_not_change_a_duration(normalise, text, value):
    assert normalise(text) == Timex("DURATION", value)


def test_without_an_anchor_relative_values_stay_unresolved(normalise):
    assert normalise("Dec. 15", None).value == "XXXX-12-15"
    assert normalise("August", None).value == "XXXX-08"
    assert normalise("Tuesday", None) is None
    assert normalise("last week", None) is None
    assert normalise("June 30, 1990", None).value == "1990-06-30"
    assert normalise("20 years", None).value == "P20Y"


@pytest.mark.parametrize("text", ["the day", "Feb. 30", "we", "30%", "1,500"])
def test_not_dates(normalise, text):
    assert normalise(text) is None


def test_clean_removes_full_stops_and_joins_hyphenated_words():
    assert clean("Mid-Dec. 15, 2024's") == "mid dec 15 2024"
    assert clean("10 p.m. EST") == "10 pm est"
    assert clean("its fourth quarter") == "the fourth quarter"


def test_nearest_counts_now_on_both_sides():
    assert nearest([-3, 0, 4], 0, "future") == 0
    assert nearest([-3, 4], 0, "past") == -3
    assert nearest([-3, 4], 0, "future") == 4
    assert nearest([-3, 3], 0, None) == -3


def test_a_day_read_again_is_remembered_with_the_same_answer():
    normaliser = Normaliser()
    for _ in range(2):
        assert normaliser.parse_explicit("29 February 2024") == "2024-02-29"
        assert normaliser.parse_explicit("30 February 2024") is None
    assert set(normaliser.explicit_days) == {"29 February 2024", "30 February 2024"}
