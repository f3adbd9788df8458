"""TIMEX3 values of temporal expressions, anchored on the publication date.

`Normaliser` maps the text of one expression ("last week", "Dec. 15", "the past three
months") to its TIMEX3 type, value and mod. It is a pure function of the text and a `Context`:
the anchor date, the tense of the clause, and the article's `Reference` time; finding the
expressions and the tense in the parse, and moving the reference time along the article, is
the dates stage's job.

Deictic expressions ("yesterday", "last week", "two years ago") count from the anchor, the
publication date. Anaphoric ones ("the following year", "two days later", "that month") count
from the reference time, the last calendar date the article gave at a granularity they can use,
else from the anchor: HeidelTime's rule for narratives, which news stories become as soon as
they tell what happened on a date other than the publication day.

Explicit calendar dates ("Sept. 30, 2003", "12/05/2024") go through dateparser; everything
relative is computed here from the anchor, at the granularity the text gives ("in August" is
`2024-08`, never a day that dateparser filled in). Without an anchor, a value that needs one is
left underspecified (`XXXX-12-15`) or null.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from dateparser.date import DateDataParser

from .lexicon import MODELS_DIR, read_table

Tense = Literal["past", "future"] | None
#: Without a tense, a month or day is read as coming at most this many months ahead.
MONTHS_AHEAD = 4
#: Units written as a number of years in a duration.
YEARS_IN = {"DE": 10, "CE": 100}
#: The month each TIMEX3 season starts in.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Time zones that may follow a clock time; they do not change the value.
TIME_ZONES = frozenset({"est", "edt", "et", "cst", "cdt", "ct", "pst", "pdt", "pt", "gmt", "utc"})
CLOCK = re.compile(
    r"\b(?:(\d{1,2})(?::(\d\d))? ?([ap]m)\b|(\d{1,2}):(\d\d)\b|(noon|midday|midnight)\b)"
)
NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:\d\d|\d{4})|\d{4}-\d\d-\d\d")
QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
#: The calendar part of a DATE or TIME value: year, and month and day or quarter if given.
CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4]))?(?![\dX])")
#: "this", "last", "next" and their synonyms as an offset in periods.
OFFSETS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1}
OFFSETS |= {"coming": 1, "following": 1}
PERIOD_WORDS = "|".join(OFFSETS)
#: The direction "last" and "next" give a day named without a year ("last Oct. 23").
DIRECTIONS: dict[str, Tense] = {"last": "past", "next": "future"}
#: How a fraction of a duration unit is written in the next smaller unit (2.5 years: P2Y6M).
SMALLER_UNIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24)}
SMALLER_UNIT |= {"TH": ("TM", 60), "TM": ("TS", 60)}
#: Years named relative to the anchor or to the quarter under discussion.
RELATIVE_YEARS = "year ago|year earlier|last year|next year"
TEEN_VALUES = frozenset(str(n) for n in range(10, 21))
DETERMINERS = re.compile(r"^(?:its|their|his|her|our|my|your|this year) (?=.)")


@dataclass(frozen=True)
class Timex:
    type: str
    value: str | None
    mod: str | None = None
    #: The reference period shifted for a comparison ("a year earlier" after "the third
    #: quarter"): the story does not move to it, so it does not become the reference time.
    comparison: bool = False


@dataclass(frozen=True)
class Reference:
    """The narrative reference time: the last calendar date the article gave, kept at each
    granularity it had. A coarser date clears the finer parts it does not contain ("May 3,
    2011 ... in 2012" leaves no day). The quarter is the last one the article named, as earnings
    news keeps talking about one quarter ("the quarter", "a year earlier")."""

    day: date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    quarter: str | None = None

    def moved_to(self, value: str | None) -> Reference:
        """The reference time after an expression with this value; unchanged for a value
        without a year (durations, `PRESENT_REF`, `XXXX-12-15`)."""
        match = CALENDAR_VALUE.match(value or "")
        if match is None:
            return self
        year = int(match[1])
        month = (year, int(match[2])) if match[2] else None
        day = calendar_date(year, match[2], match[3])
        if month is None and self.month is not None and self.month[0] == year:
            first, last = (3 * int(match[4]) - 2, 3 * int(match[4])) if match[4] else (1, 12)
            month = self.month if first <= self.month[1] <= last else None
        if day is None and self.day is not None and (self.day.year, self.day.month) == month:
            day = self.day
        quarter = value[: match.end()] if match[4] else self.quarter
        return Reference(day, month, year, quarter)


@dataclass(frozen=True)
class Context:
    """What an expression's value depends on besides its words."""

    anchor: date | None
    tense: Tense = None
    reference: Reference = Reference()


@dataclass(frozen=True)
class TimexWords:
    """The word lists of `models/timex_words.tsv`, by kind."""

    by_kind: dict[str, dict[str, str]]

    @classmethod
    def load(cls, path: Path = MODELS_DIR / "timex_words.tsv") -> TimexWords:
        by_kind: dict[str, dict[str, str]] = {}
        for row in read_table(path):
            by_kind.setdefault(row[0], {})[row[1]] = row[2] if len(row) > 2 else ""
        return cls(by_kind)

    def __getitem__(self, kind: str) -> dict[str, str]:
        return self.by_kind.get(kind, {})

    def pattern(self, kind: str) -> str:
        """A regex group of the words of one kind, longest first."""
        words = sorted(self[kind], key=len, reverse=True)
        return "(?:" + "|".join(re.escape(word) for word in words) + ")"


def clean(text: str) -> str:
    """Lower case, no full stops or commas, hyphens between words as spaces, one space."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=[a-z])\.", "", text)
    text = re.sub(r"(?<=[a-z0-9])-(?=[a-z])|(?<=[a-z])-(?=[0-9'])", " ", text)
    text = re.sub(r"[,;:!?\"()](?!\d\d)", " ", text)
    text = re.sub(r"'s\b", "", text)
    return DETERMINERS.sub("the ", " ".join(text.split()))


class Normaliser:
    """Text of one temporal expression → `Timex`, or None when no rule reads it."""

    def __init__(self, words: TimexWords | None = None) -> None:
        self.words = w = words or TimexWords.load()
        self.units = {form: code for unit, code in w["unit"].items() for form in plurals(unit)}
        unit = "(?:" + "|".join(sorted(map(re.escape, self.units), key=len, reverse=True)) + ")"
        number = rf"(?:\d+(?:\.\d+| 1/2)?|{tens(w)} {w.pattern('number')}|{w.pattern('number')})"
        self.mods = sorted(w["mod"], key=len, reverse=True)
        ordinal, season = w.pattern("ordinal"), w.pattern("season")
        self.weekday_re = re.compile(rf"(?:({PERIOD_WORDS}) )?({w.pattern('weekday')})")
        day_unit = f"(?:day|{w.pattern('part_of_day')}|{w.pattern('weekday')})"
        anaphor_unit = f"(?:week|weekend|month|year|quarter|{day_unit})"
        # "the next year" is mostly a stretch of time ("over the next year"), "the next day" a
        # date: "next" refers back only with a day.
        self.anaphor_re = re.compile(
            rf"(?:the )?({w.pattern('anaphor')}) ({anaphor_unit})"
            rf"|the (next) ({day_unit})"
            rf"|the ({anaphor_unit}) ({w.pattern('anaphor_after')})"
        )
        self.filler_re = re.compile(rf"\b{w.pattern('filler')} ")
        weekday = rf"(?:an? |the )?(?:{w.pattern('weekday')} )?"
        month, ordinal_day = f"({w.pattern('month')})", r"(\d{1,2})(?:st|nd|rd|th)?"
        self.month_first_re = re.compile(rf"{weekday}{month} {ordinal_day}(?: (\d{{4}}))?")
        self.day_first_re = re.compile(rf"{weekday}{ordinal_day} (?:of )?{month}(?: (\d{{4}}))?")
        self.month_re = re.compile(
            rf"(?:({PERIOD_WORDS}) )?{month}(?: (?:of )?(\d{{4}}|last year|this year|next year))?"
        )
        #: `parse_explicit`'s answers: dateparser takes a millisecond a call, and the same few
        #: days come back in article after article.
        self.explicit_days: dict[str, str | None] = {}
        self.rules: list[tuple[re.Pattern[str], Callable[[re.Match[str], Context], Timex | None]]]
        self.rules = [
            (re.compile(rf"(?:every|each|per) (?:other )?(?:({number}) )?({unit})"), self.every),
            (
                re.compile(
                    rf"(?:every|each) ({w.pattern('weekday')})(?: ({w.pattern('part_of_day')}))?"
                ),
                self.every_weekday,
            ),
            (re.compile(rf"(?:every|each) ({w.pattern('month')})"), self.every_month),
            (re.compile(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century"), self.century),
            (
                re.compile(rf"(?:the )?(\d\d)?(\d)0s|(?:the )?'(\d)0s|the ({w.pattern('decade')})"),
                self.decade,
            ),
            (re.compile(r"(?:the year )?(\d{4})"), self.year),
            (
                re.compile(
                    rf"(?:the year )?({teens(w)}) ({tens(w)})(?: ({w.pattern('number')}))?"
                    r"|(?:the year )?two thousand(?: and)?(?: ([a-z]+))?"
                ),
                self.spelled_year,
            ),
            (
                re.compile(rf"({number}) ({unit}) (ago|earlier|before|later|after|from now|hence)"),
                self.ago,
            ),
            (
                re.compile(r"(?:the )?(?:year ago|year earlier)(?: (?:quarter|period))?"),
                self.year_ago_quarter,
            ),
            (
                re.compile(
                    rf"(?:(?:the|a|an) )?(?:(?P<which>{PERIOD_WORDS}|latest|final) )?"
                    rf"(?:(?P<year>\d{{4}}|{RELATIVE_YEARS}) )?(?:(?P<ordinal>{ordinal}) )?"
                    rf"(?P<part>quarter|half|period)"
                    rf"(?: (?:of )?(?P<after>\d{{4}}|(?:a )?(?:{RELATIVE_YEARS})|the year))?"
                ),
                self.quarter,
            ),
            (
                re.compile(rf"(the )?({PERIOD_WORDS}) (week|weekend|month|year|decade|century)"),
                self.this_period,
            ),
            (re.compile(r"the (week|weekend|month|year)"), self.the_period),
            (
                re.compile(rf"(?:({PERIOD_WORDS}|the|that) )?({season})(?: (?:of )?(\d{{4}}))?"),
                self.season,
            ),
            (
                re.compile(
                    rf"(?:the )?(?:(past|last|next|coming|first|previous|following|final|"
                    rf"recent|remaining|latest|better part of the|past several|past few|"
                    rf"{RELATIVE_YEARS}) )?"
                    rf"(?:({number}) )?({unit})(?: (?:old|long|period|span|time|ahead))?"
                ),
                self.duration,
            ),
        ]
        self.parser = DateDataParser(
            languages=["en"],
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "DATE_ORDER": "MDY",
                "RELATIVE_BASE": datetime(2000, 1, 1),  # never the clock; every input has a year
            },
        )

    def __call__(self, text: str, context: Context) -> Timex | None:
        cleaned = clean(text)
        for kind, timex_type in (("reference", "DATE"), ("set", "SET")):
            if cleaned in self.words[kind]:
                return Timex(timex_type, self.words[kind][cleaned])
        mod, rest = self.strip_mods(cleaned)
        timex = self.read(self.filler_re.sub("", rest), context)
        if timex is None or mod is None:
            return timex
        return Timex(timex.type, timex.value, timex.mod or mod)

    def strip_mods(self, text: str) -> tuple[str | None, str]:
        """Leading modifiers off the text: "late last week" → ("END", "last week")."""
        mod = None
        if text.startswith("the ") and any(text[4:].startswith(m + " ") for m in self.mods):
            text = text[4:]
        stripped = True
        while stripped:
            stripped = False
            for word in self.mods:
                if text.startswith(word + " "):
                    value = self.words["mod"][word]
                    mod = mod or (value if value != "-" else None)
                    text, stripped = text[len(word) + 1 :], True
                    break
        return mod, text

    def read(self, text: str, context: Context) -> Timex | None:
        if text in self.words["reference"]:
            return Timex("DATE", self.words["reference"][text])
        if CLOCK.search(text):
            return self.clock_time(text, context)
        anaphor = self.anaphor_re.fullmatch(text)
        if anaphor:
            return self.anaphoric(anaphor, context)
        part_of_day = text in ("tonight", "last night") or any(
            part in text.split() for part in self.words["part_of_day"]
        )
        if part_of_day and (timex := self.part_of_day(text, context)):
            return timex
        value = self.day(text, context) or self.month(text, context)
        if value is not None:
            return Timex("DATE", value)
        for pattern, rule in self.rules:
            match = pattern.fullmatch(text)
            if match:
                return rule(match, context)
        return None

    # Anaphoric expressions -------------------------------------------------------------------

    def anaphoric(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "the following year", "that day", "the same month", "the previous Friday", "the day
        before": the reference time moved by whole units, else the anchor (see the module)."""
        word = match[1] or match[3] or match[6]
        unit = match[2] or match[4] or match[5]
        offset = OFFSETS["next"] if word == "next" else self.anaphor_offset(word)
        reference, anchor = context.reference, context.anchor
        day = reference.day or anchor
        if unit in ("year", "month", "quarter"):
            return self.shifted_period(unit, offset, context)
        if day is None:
            return None
        if unit in ("week", "weekend"):
            return self.period(unit, offset, day)
        if unit in self.words["weekday"]:
            return Timex("DATE", self.weekday_near(unit, offset, day).isoformat())
        shifted = (day + timedelta(days=offset)).isoformat()
        if unit in self.words["part_of_day"]:
            return Timex("TIME", f"{shifted}T{self.words['part_of_day'][unit]}")
        return Timex("DATE", shifted)

    def anaphor_offset(self, word: str) -> int:
        return int(self.words["anaphor"].get(word) or self.words["anaphor_after"][word])

    def shifted_period(self, unit: str, offset: int, context: Context) -> Timex | None:
        """The reference year, month or quarter moved by `offset`; the anchor's without one."""
        reference, anchor = context.reference, context.anchor
        if unit == "year":
            year = reference.year or (anchor.year if anchor else None)
            return Timex("DATE", f"{year + offset:04d}") if year is not None else None
        if unit == "month":
            month = reference.month or ((anchor.year, anchor.month) if anchor else None)
            if month is None:
                return None
            year, number = shift_month(*month, offset)
            return Timex("DATE", f"{year:04d}-{number:02d}")
        index = quarter_index(reference.quarter) if reference.quarter else None
        if index is None and anchor is not None:
            index = anchor.year * 4 + (anchor.month - 1) // 3
        return Timex("DATE", quarter_value(index + offset)) if index is not None else None

    def weekday_near(self, name: str, offset: int, day: date) -> date:
        """The weekday before (`offset` -1) or after (1) `day`, or in its week (0)."""
        weekday = int(self.words["weekday"][name])
        if offset == 0:
            return day + timedelta(days=weekday - day.isoweekday())
        if offset > 0:
            return day + timedelta(days=(weekday - day.isoweekday()) % 7 or 7)
        return day - timedelta(days=(day.isoweekday() - weekday) % 7 or 7)

    # Days ------------------------------------------------------------------------------------

    def day(self, text: str, context: Context) -> str | None:
        """A calendar day: "Tuesday", "yesterday", "Dec. 15", "Sept. 30, 2003", "12/05/2024"."""
        anchor = context.anchor
        if text in self.words["relative_day"]:
            offset = int(self.words["relative_day"][text])
            return (anchor + timedelta(days=offset)).isoformat() if anchor else None
        match = self.weekday_re.fullmatch(text)
        if match:
            return self.weekday(match[2], match[1], context)
        which, _, rest = text.partition(" ")
        if which in DIRECTIONS and rest:  # "last Thanksgiving", "next Oct. 23"
            text, context = rest, replace(context, tense=DIRECTIONS[which])
        if text.removeprefix("the ") in self.words["holiday"]:
            return self.holiday(self.words["holiday"][text.removeprefix("the ")], context)
        return self.calendar_day(text, context)

    def holiday(self, rule: str, context: Context) -> str | None:
        """A holiday by its rule in the lexicon: "12-25", or "11-4-4" for the fourth Thursday
        of November ("11--1-1": the last Monday of May), in the closest year."""
        month, _, rest = rule.partition("-")
        if context.anchor is None:
            return f"XXXX-{int(month):02d}-{int(rest):02d}" if rest.isdigit() else None
        anchor = context.anchor
        days = [
            holiday_in(int(month), rest, year) for year in range(anchor.year - 1, anchor.year + 2)
        ]
        ordinals = [day.toordinal() for day in days]
        chosen = nearest(ordinals, anchor.toordinal(), context.tense, horizon=MONTHS_AHEAD * 30)
        return date.fromordinal(chosen).isoformat()

    def weekday(self, name: str, which: str | None, context: Context) -> str | None:
        """The closest such weekday in the direction of the tense; the anchor day counts.
        "last Friday" is before the anchor day, "next Friday" after it."""
        anchor = context.anchor
        if anchor is None:
            return None
        weekday = int(self.words["weekday"][name])
        days = [k for k in range(-7, 8) if (anchor.isoweekday() + k - weekday) % 7 == 0]
        if which in ("last", "past", "previous"):
            offset = max(k for k in days if k < 0)
        elif which in ("next", "coming", "following"):
            offset = min(k for k in days if k > 0)
        elif which in ("this", "current"):
            offset = weekday - anchor.isoweekday()
        else:
            offset = nearest(days, 0, context.tense or "past")  # news reports what happened
        return (anchor + timedelta(days=offset)).isoformat()

    def calendar_day(self, text: str, context: Context) -> str | None:
        w = self.words
        month_first = self.month_first_re.fullmatch(text)
        day_first = self.day_first_re.fullmatch(text)
        if month_first:
            month_word, day_number, year = month_first.groups()
        elif day_first:
            day_number, month_word, year = day_first.groups()
        elif NUMERIC_DATE.fullmatch(text):
            return self.parse_explicit(text)
        else:
            return None
        month_number, day = int(w["month"][month_word]), int(day_number)
        if year is None:
            if context.anchor is None:
                return f"XXXX-{month_number:02d}-{day:02d}"
            year = str(year_of_day(month_number, day, context))
        return self.parse_explicit(f"{day} {month_word} {year}")

    def parse_explicit(self, text: str) -> str | None:
        """A calendar day written in full, by dateparser; None when it is not a real day."""
        if text not in self.explicit_days:
            data = self.parser.get_date_data(text)
            real_day = data.date_obj is not None and data.period == "day"
            self.explicit_days[text] = data.date_obj.date().isoformat() if real_day else None
        return self.explicit_days[text]

    # Months, seasons, years, quarters --------------------------------------------------------

    def month(self, text: str, context: Context) -> str | None:
        """ "August", "August 2003", "last December", "December last year"."""
        w, anchor = self.words, context.anchor
        match = self.month_re.fullmatch(text)
        if not match:
            return None
        which, month, year_word = match[1], int(w["month"][match[2]]), match[3]
        if year_word and year_word[0].isdigit():
            return f"{year_word}-{month:02d}"
        if anchor is None:
            return f"XXXX-{month:02d}"
        if year_word:
            return f"{anchor.year + OFFSETS[year_word.split()[0]]:04d}-{month:02d}"
        now = anchor.year * 12 + anchor.month - 1
        months = [(year * 12 + month - 1) for year in range(anchor.year - 1, anchor.year + 2)]
        if which in ("this", "current"):
            chosen = anchor.year * 12 + month - 1
        elif which is not None and OFFSETS[which] < 0:
            chosen = max(m for m in months if m < now)
        elif which is not None:
            chosen = min(m for m in months if m > now)
        else:
            chosen = nearest(months, now, context.tense, horizon=MONTHS_AHEAD)
        return f"{chosen // 12:04d}-{chosen % 12 + 1:02d}"

    def season(self, match: re.Match[str], context: Context) -> Timex:
        which, code, year = match[1], self.words["season"][match[2]], match[3]
        anchor = context.anchor
        if year:
            return Timex("DATE", f"{year}-{code}")
        if anchor is None:
            return Timex("DATE", f"XXXX-{code}")
        now = anchor.year * 12 + anchor.month - 1
        starts = [
            year * 12 + SEASON_START[code] - 1 for year in range(anchor.year - 2, anchor.year + 2)
        ]
        current = next((s for s in starts if s <= now < s + 3), None)
        if which in ("last", "past", "previous"):
            chosen = max(s for s in starts if s + 3 <= now)
        elif which in ("next", "coming", "following"):
            chosen = min(s for s in starts if s > now)
        elif current is not None:
            chosen = current
        elif which in ("this", "current"):
            chosen = anchor.year * 12 + SEASON_START[code] - 1
        else:
            chosen = nearest(starts, now, context.tense, horizon=MONTHS_AHEAD)
        return Timex("DATE", f"{chosen // 12:04d}-{code}")

    def year(self, match: re.Match[str], context: Context) -> Timex | None:
        year = int(match[1])
        return Timex("DATE", f"{year:04d}") if 1000 <= year <= 2199 else None

    def spelled_year(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "nineteen ninety-eight", "the year two thousand", as broadcast transcripts write."""
        numbers = self.words["number"]
        if match[1]:
            century, tens_value = int(numbers[match[1]]), int(numbers[match[2]])
            units = int(numbers.get(match[3], "X")) if match[3] else 0
            return Timex("DATE", f"{century * 100 + tens_value + units:04d}")
        units = numbers.get(match[4] or "", "0" if match[4] is None else "X")
        return Timex("DATE", f"{2000 + int(units):04d}") if units.isdigit() else None

    def decade(self, match: re.Match[str], context: Context) -> Timex:
        if match[4]:
            return Timex("DATE", f"19{self.words['decade'][match[4]]}")
        if match[3]:
            return Timex("DATE", f"19{match[3]}")
        if match[1] and match[2] == "0" and match[1] != "20":
            return Timex("DATE", match[1])  # "the 1800s": a century
        return Timex("DATE", f"{match[1] or '19'}{match[2]}")

    def quarter(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "the third quarter", "third-quarter", "last quarter", "the first half of 2003", "the
        last half of 2002"; without an ordinal ("the quarter", "the latest period", "the 2003
        quarter", "the year-ago period") the quarter the article is about, in the year given."""
        which, ordinal, part = match["which"], match["ordinal"], match["part"]
        year_word = match["year"] or (match["after"] or "").removeprefix("a ") or None
        per_year = 2 if part == "half" else 4
        if ordinal is None and which in OFFSETS and year_word is None:
            return self.quarter_from_anchor(which, per_year, context.anchor)
        if ordinal is not None or which in ("last", "final"):
            number = int(self.words["ordinal"][ordinal]) if ordinal else per_year
            if number > per_year:
                return None
            return self.numbered_part(number, per_year, year_word, context)
        if part == "half":
            return None
        return self.quarter_under_discussion(which == "latest", year_word, context)

    def quarter_from_anchor(self, which: str, per_year: int, anchor: date | None) -> Timex | None:
        """ "this quarter", "last quarter", "the next half"."""
        if anchor is None:
            return None
        letter = "H" if per_year == 2 else "Q"
        chosen = anchor.year * per_year + (anchor.month - 1) * per_year // 12 + OFFSETS[which]
        return Timex("DATE", f"{chosen // per_year:04d}-{letter}{chosen % per_year + 1}")

    def numbered_part(
        self, number: int, per_year: int, year_word: str | None, context: Context
    ) -> Timex | None:
        """The `number`-th quarter or half of the year the words give, else of the closest
        year; "the year-ago third quarter" is a comparison with the closest third quarter."""
        letter, anchor = ("H" if per_year == 2 else "Q"), context.anchor
        if year_word is not None and year_word.isdigit():
            return Timex("DATE", f"{year_word}-{letter}{number}")
        if anchor is None:
            return Timex("DATE", f"XXXX-{letter}{number}") if year_word is None else None
        if year_word in ("last year", "next year", "the year"):
            year = anchor.year + OFFSETS.get(year_word.split()[0], 0)
            return Timex("DATE", f"{year:04d}-{letter}{number}")
        now = anchor.year * per_year + (anchor.month - 1) * per_year // 12
        options = [y * per_year + number - 1 for y in range(anchor.year - 1, anchor.year + 2)]
        # A quarter is reported on once it has begun: the latest such one so far, unless the
        # clause points ahead and it is the next one ("will rise in the first quarter"); "expects
        # to post a profit for the third quarter" in October is about the past quarter.
        upcoming = [option for option in options if 0 < option - now <= 1]
        if context.tense == "future" and upcoming:
            year = upcoming[0] // per_year
        else:
            year = nearest(options, now, "past") // per_year
        if year_word is not None:  # "year ago", "year earlier"
            return Timex("DATE", f"{year - 1:04d}-{letter}{number}", comparison=True)
        return Timex("DATE", f"{year:04d}-{letter}{number}")

    def quarter_under_discussion(
        self, latest: bool, year_word: str | None, context: Context
    ) -> Timex | None:
        """ "the quarter", "the latest period", "the 2003 quarter", "the quarter a year ago":
        the quarter the article named last, in the year the words give. Without one the
        quarter is unknown: `2004-QX`."""
        quarter = latest_quarter(context) if latest else context.reference.quarter
        anchor = context.anchor
        if quarter is None:
            year = year_word if year_word and year_word.isdigit() else None
            if year is None and anchor is not None and year_word in (None, "the year"):
                year = f"{anchor.year:04d}"
            return Timex("DATE", f"{year}-QX") if year else None
        if year_word is None or year_word == "the year":
            return Timex("DATE", quarter)
        if year_word.isdigit():
            return Timex("DATE", f"{year_word}{quarter[4:]}", comparison=year_word != quarter[:4])
        shifted = int(quarter[:4]) + (1 if year_word == "next year" else -1)
        return Timex("DATE", f"{shifted:04d}{quarter[4:]}", comparison=True)

    def year_ago_quarter(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "the year-ago quarter", "year-earlier": the article's quarter, a year before."""
        return year_before(context.reference.quarter)

    # Periods relative to the anchor ----------------------------------------------------------

    def this_period(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "this week", "last month", "next year"; "the past year" is a duration."""
        article, which, unit = match[1], match[2], match[3]
        if article and OFFSETS[which] != 0:
            return Timex("DURATION", duration_value(1, self.units[unit]))
        return self.period(unit, OFFSETS[which], context.anchor)

    def the_period(self, match: re.Match[str], context: Context) -> Timex | None:
        unit = match[1]
        offset = -1 if unit == "weekend" and context.tense != "future" else 0
        return self.period(unit, offset, context.anchor)

    def period(self, unit: str, offset: int, anchor: date | None) -> Timex | None:
        if anchor is None:
            return None
        if unit in ("week", "weekend"):
            week = iso_week(anchor + timedelta(weeks=offset))
            return Timex("DATE", f"{week}-WE" if unit == "weekend" else week)
        if unit == "month":
            year, month = shift_month(anchor.year, anchor.month, offset)
            return Timex("DATE", f"{year:04d}-{month:02d}")
        if unit == "year":
            return Timex("DATE", f"{anchor.year + offset:04d}")
        if unit == "decade":
            return Timex("DATE", f"{anchor.year // 10 + offset:03d}")
        return Timex("DATE", f"{anchor.year // 100 + offset:02d}")

    def ago(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "two years ago", "six weeks ago" count from the anchor; "two days later", "a month
        earlier" from the reference time if it has the unit's granularity (see the module); "a
        year earlier" in an article about a quarter is that quarter a year before."""
        amount, unit, direction = self.amount(match[1]), self.units[match[2]], match[3]
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        if amount is None:
            return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit == "Y" and amount == 1 and sign < 0 and context.reference.quarter:
            return year_before(context.reference.quarter)
        base = context.anchor
        if direction not in ("ago", "from now", "hence"):
            base = reference_day(context.reference, unit) or base
        if base is None or unit.startswith("T") or amount != int(amount):
            return None
        return shifted(base, unit, int(amount) * sign)

    # Durations and sets ----------------------------------------------------------------------

    def duration(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "20 years", "the past three months", "a few days", "weeks", "two-week"."""
        which, number, unit_word = match[1], match[2], match[3]
        if which is None and number is None and match[0].startswith("the "):
            return None  # "the day" is a date the text does not give, not a duration
        if number is not None:
            amount = self.amount(number)
        else:
            amount = 1 if unit_word in self.words["unit"] else None  # "week" vs "weeks"
        return Timex("DURATION", duration_value(amount, self.units[unit_word]))

    def every_weekday(self, match: re.Match[str], context: Context) -> Timex:
        """ "every Thursday" → `XXXX-WXX-4`, "each Friday night" → `XXXX-WXX-5TNI`."""
        time = f"T{self.words['part_of_day'][match[2]]}" if match[2] else ""
        return Timex("SET", f"XXXX-WXX-{self.words['weekday'][match[1]]}{time}")

    def every_month(self, match: re.Match[str], context: Context) -> Timex:
        """ "each July" → `XXXX-07`."""
        return Timex("SET", f"XXXX-{self.words['month'][match[1]]}")

    def century(self, match: re.Match[str], context: Context) -> Timex | None:
        """ "the 20th century" → `19` (the years 1900-1999)."""
        number = int(match[1])
        return Timex("DATE", f"{number - 1:02d}") if number > 0 else None

    def every(self, match: re.Match[str], context: Context) -> Timex | None:
        amount = 2 if " other " in match[0] else self.amount(match[1]) if match[1] else 1
        return Timex("SET", duration_value(amount, self.units[match[2]]))

    def amount(self, number: str) -> float | None:
        """A number in digits or words; None for a vague one ("several", "a few")."""
        if re.fullmatch(r"\d+(?:\.\d+)?", number):
            return float(number)
        if number.endswith(" 1/2"):  # "2 1/2 years"
            return float(number[:-4]) + 0.5
        words = self.words["number"]
        parts = [words.get(number)] if number in words else [words.get(p) for p in number.split()]
        if None in parts or "X" in parts:
            return None
        return sum(float(part) for part in parts if part is not None)

    # Clock times and parts of days -----------------------------------------------------------

    def clock_time(self, text: str, context: Context) -> Timex | None:
        """ "10 p.m. Wednesday", "noon Thursday", "10:35 a.m." (on the anchor day)."""
        match = CLOCK.search(text)
        if match is None:
            return None
        hour_text, minute, meridiem, hour24, minute24, word = match.groups()
        if word:
            hour, minutes = (24 if word == "midnight" else 12), 0
        elif hour24:
            hour, minutes = int(hour24), int(minute24)
        else:
            hour, minutes = int(hour_text) % 12 + (12 if meridiem == "pm" else 0), int(minute or 0)
        if hour > 24 or minutes > 59:
            return None
        rest = " ".join(
            word
            for word in (text[: match.start()] + " " + text[match.end() :]).split()
            if word not in TIME_ZONES and word not in ("at", "on", "of", "today")
        )
        if rest:
            day = self.day(rest, context)
        else:
            day = context.anchor.isoformat() if context.anchor else "XXXX-XX-XX"
        return Timex("TIME", f"{day}T{hour:02d}:{minutes:02d}") if day else None

    def part_of_day(self, text: str, context: Context) -> Timex | None:
        """ "this morning", "Friday night", "last night", "tonight" → `2024-12-17TNI`."""
        text = {"tonight": "today night", "last night": "yesterday night"}.get(text, text)
        parts = self.words["part_of_day"]
        words = text.split()
        code = next((parts[word] for word in words if word in parts), None)
        rest = " ".join(word for word in words if word not in parts)
        if code is None or not rest:
            return None
        if rest in ("this", "today"):
            day = context.anchor.isoformat() if context.anchor else None
        else:
            day = self.day(rest, context)
        return Timex("TIME", f"{day}T{code}") if day else None


def nearest(options: list[int], now: int, tense: Tense, horizon: int | None = None) -> int:
    """The option closest to `now` on the side the tense points to; `now` itself counts on
    both sides. Without a tense, the closest on either side (the past on a tie), but never
    further ahead than `horizon`: news reports what happened more than what is to come."""
    past = [o for o in options if o <= now]
    future = [o for o in options if o >= now]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and future:
        return min(future)
    if horizon is not None and past:
        options = past + [o for o in future if o - now <= horizon]
    return min(options, key=lambda o: (abs(o - now), o > now))


def year_of_day(month: int, day: int, context: Context) -> int:
    """The year of a month and day written without one (see `nearest`)."""
    anchor = context.anchor
    assert anchor is not None
    options = []
    for year in range(anchor.year - 1, anchor.year + 2):
        try:
            options.append(date(year, month, day).toordinal())
        except ValueError:
            continue
    if not options:
        return anchor.year
    chosen = nearest(options, anchor.toordinal(), context.tense, horizon=MONTHS_AHEAD * 30)
    return date.fromordinal(chosen).year


def holiday_in(month: int, rule: str, year: int) -> date:
    """The day of a holiday in one year: `rule` is a day ("25") or "N-W", the N-th weekday W
    (ISO, Monday 1) of the month, N = -1 for the last."""
    if rule.isdigit():
        return date(year, month, int(rule))
    nth, weekday = (int(part) for part in rule.rsplit("-", 1))
    first = date(year, month, 1)
    days = [
        first + timedelta(days=k) for k in range(31) if (first + timedelta(days=k)).month == month
    ]
    matching = [day for day in days if day.isoweekday() == weekday]
    return matching[nth - 1] if nth > 0 else matching[nth]


def year_before(quarter: str | None) -> Timex | None:
    """The quarter a year before `quarter`, which the story compares with."""
    match = QUARTER_VALUE.fullmatch(quarter or "")
    if match is None:
        return None
    return Timex("DATE", f"{int(match[1]) - 1:04d}-Q{match[2]}", comparison=True)


def quarter_index(value: str) -> int | None:
    """ "1989-Q3" → the quarters since year 0 (1989 * 4 + 2)."""
    match = QUARTER_VALUE.fullmatch(value)
    return int(match[1]) * 4 + int(match[2]) - 1 if match else None


def quarter_value(index: int) -> str:
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def latest_quarter(context: Context) -> str | None:
    """ "the latest quarter": the one the article named, unless that has not ended by the
    anchor date (a forecast), then the last quarter that has."""
    named, anchor = context.reference.quarter, context.anchor
    if anchor is None:
        return named
    current = anchor.year * 4 + (anchor.month - 1) // 3
    if named is not None and (quarter_index(named) or current) < current:
        return named
    return quarter_value(current - 1)


def calendar_date(year: int, month: str | None, day: str | None) -> date | None:
    """The day of a value's parts, None when it has no day or is not a real one."""
    if month is None or day is None:
        return None
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None


def reference_day(reference: Reference, unit: str) -> date | None:
    """A day standing for the reference time at the granularity `unit` needs (the first of
    its month for months), None when the reference time is not that fine."""
    if unit in ("D", "W"):
        return reference.day
    if unit == "M":
        return date(*reference.month, 1) if reference.month else None
    return date(reference.year, 1, 1) if reference.year else None


def shifted(base: date, unit: str, n: int) -> Timex | None:
    """`base` moved by `n` units, at the unit's granularity: (day, "W", -6) → its week six
    weeks before."""
    if unit == "D":
        return Timex("DATE", (base + timedelta(days=n)).isoformat())
    if unit == "W":
        return Timex("DATE", iso_week(base + timedelta(weeks=n)))
    if unit == "M":
        year, month = shift_month(base.year, base.month, n)
        return Timex("DATE", f"{year:04d}-{month:02d}")
    if unit in ("Y", "DE", "CE"):
        return Timex("DATE", f"{base.year + n * {'Y': 1, **YEARS_IN}[unit]:04d}")
    return None


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def plurals(unit: str) -> tuple[str, ...]:
    if unit.endswith("y") and unit != "day":
        return unit, unit[:-1] + "ies"
    return unit, unit + "s"


def tens(words: TimexWords) -> str:
    """The number words that may take a unit after them: "twenty" in "twenty four"."""
    multiples = [re.escape(word) for word, value in words["number"].items() if value[-1:] == "0"]
    return "(?:" + "|".join(multiples) + ")"


def teens(words: TimexWords) -> str:
    """The number words that start a year written out: "nineteen" in "nineteen ninety"."""
    teen = [re.escape(word) for word, value in words["number"].items() if value in TEEN_VALUES]
    return "(?:" + "|".join(teen) + ")"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, "M") → "P3M", (2, "TH") → "PT2H", (None, "Y") → "PXY"; decades
    and centuries in years, as TimeML writes them: (2, "DE") → "P20Y"; a fraction in the next
    smaller unit: (2.5, "Y") → "P2Y6M", (5.5, "TH") → "PT5H30M"."""
    if amount is not None and unit in YEARS_IN:
        amount, unit = amount * YEARS_IN[unit], "Y"
    if amount is None:
        return duration_text([("X", unit)])
    parts = [(amount, unit)]
    if amount != int(amount) and unit in SMALLER_UNIT:
        smaller, per_unit = SMALLER_UNIT[unit]
        parts = [(int(amount), unit), ((amount - int(amount)) * per_unit, smaller)]
        parts = [(number, part_unit) for number, part_unit in parts if number]
    return duration_text([(number_text(number), part_unit) for number, part_unit in parts])


def duration_text(parts: list[tuple[str, str]]) -> str:
    """[("2", "Y"), ("6", "M")] → "P2Y6M"; units of the clock go after a T: "PT5H30M"."""
    days = "".join(number + unit for number, unit in parts if not unit.startswith("T"))
    times = "".join(number + unit[1:] for number, unit in parts if unit.startswith("T"))
    return "P" + days + ("T" + times if times else "")


def number_text(number: float) -> str:
    return str(int(number)) if number == int(number) else str(number)
