"""Quantities stage: numbers and amounts with bounds, units and what they count.

quantulum3 is the base: it reads numbers in digits and words and the units after them, and
its unit classifier is the one retrained at setup into `models/` (`pipeline.unit_classifier`).
It runs only on the sentences that hold a digit or a word of the number lexicons. News
rules, with word lists in `models/` (`quantity_rules`), then correct it:

- vague amounts ("dozens", "several hundred", "tens of thousands") get `vague: true`, value
  null and the bounds of `vague_quantities.tsv`;
- "a dozen", "$5bn", "£350m", "PS3.4m" (£ mangled), "3 per cent" are read by the project's
  own patterns;
- two numbers joined by "to", "or", "and" (after "between") or a dash, or by "from ... to"
  with a few words between, are one range with low/high;
- a modifier before or after the amount sets `approximate` ("about", "~"), a bound ("more
  than" → low, "up to" → high) or a change ("rose", "down"), from `quantity_modifiers.tsv`;
  so does a change verb whose "by" governs the amount, and a restatement in parentheses
  takes the modifiers of what it restates;
- dates, years, times, ordinals, the article "a", "one of", numbers inside names, house
  numbers and hyphenated duration adjectives ("a five-year plan") are dropped;
- the parse gives `quantified`, the noun phrase the amount counts ("North Korean soldiers").
  A count without a unit of measurement takes that phrase in the singular as its unit
  ("North Korean soldier"), as NewsQuant and CQE do.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from .lexicon import MODELS_DIR
from .parse import ModelNotFound
from .quantity_parser import QuantityParser
from .quantity_rules import (
    GLUED_SCALE,
    NUMBER,
    SCALE_WORDS,
    SCALES,
    QuantityRules,
    parse_digits,
    written_as_money,
)
from .read import Article

#: The classifier that `make` trains with the pinned scikit-learn (see `unit_classifier`).
CLASSIFIER_PATH = MODELS_DIR / "quantulum3_units.joblib"
#: Units of time that make a number inside a DATE or TIME entity a duration ("20 years").
DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade"})
#: spaCy labels of names: a bare number inside one is part of the name ("Boeing 737").
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT", "GPE"})
#: A counted noun that keeps its case in the unit: "WAR", "ATMs".
ACRONYM = re.compile(r"[A-Z]{2,}s?")
#: A plural or possessive of a number that quantulum3 reads as seconds: "2016s", "2020′s".
PLURAL_NUMBER = re.compile(r"(?P<number>[\d,.]+)[′’']?s")
#: A number and its unit glued by a hyphen ("five-year", "10-day"), and a noun after it.
HYPHENATED = re.compile(r"\S+-[A-Za-z]+")
#: What follows a hyphenated duration used as an adjective: a word, not "old" (an age).
ADJECTIVE_USE = re.compile(r"\s+(?!old\b)[$€£¥\w]")
#: "1/16", "1⁄32" (with the Unicode fraction slash).
SLASH_NUMBER = re.compile(r"(?P<num>\d+)\s?[/⁄]\s?(?P<den>\d+)")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$|^(?:first|second|third|fourth|fifth|last)$", re.I)
#: A minus sign or word right before an amount; a hyphen only when no word or number is
#: glued to its left, so the "-" of "10-12" is never one.
MINUS = re.compile(r"(?:\bminus[\s-]?|(?<![\w.,])-)$", re.I)
#: Between two numbers of one range; "and" only after "between".
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$", re.I)
#: After "from" and an amount, up to five words without punctuation before "to".
FROM_TO_GAP = re.compile(r"^(?:\s+[^\s,;:()]+){1,5}\s+to\s+$", re.I)
RANGE_OPENER = re.compile(r"(?:\b(?P<word>between|from)\s+)$", re.I)
AGE = re.compile(r"(?:-|\s)old\b|s?-old\b", re.I)
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
#: Digits that are never part of a date: a thousands separator, or five digits and more.
NOT_A_DATE_NUMBER = re.compile(r"\d,\d{3}\b|\d{5,}")
#: Modifier kinds that make the amount the size of a change.
CHANGES = frozenset({"up", "down"})
#: Between an amount and its restatement in other units: "2 miles (3.2 km / 3,520 yards)".
CONTINUES_RESTATEMENT = re.compile(r"\s*[/;]\s*")
#: A full stop the parse may have taken for an abbreviation ("£350m. Council leader").
SENTENCE_END = re.compile(r"[.!?]\s")
#: Dependency labels by which an amount modifies the noun it counts.
COUNTS_NOUN = frozenset({"nummod", "amod", "compound", "nmod", "quantmod", "appos"})
#: Modifiers of the counted noun that belong to `quantified` ("North Korean soldiers").
NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod", "hmod", "hyph"})


@dataclass
class Candidate:
    """One amount found in the text; offsets into the article."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    vague: bool = False
    approximate: bool = False
    modifiers: list[str] = field(default_factory=list)
    #: What the modifiers do, from `quantity_modifiers.tsv`: "approximate", "low", "up", …
    kinds: list[str] = field(default_factory=list)
    quantified: str | None = None
    from_rules: bool = False
    #: The number and its unit without modifiers: what the parse is asked about.
    core: tuple[int, int] = (0, 0)

    def __post_init__(self) -> None:
        if self.core == (0, 0):
            self.core = (self.start, self.end)

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


class QuantityStage:
    """Built once per process; holds only plain data, so it pickles."""

    name = "quantities"

    def __init__(self, models: Path = MODELS_DIR, classifier_path: Path = CLASSIFIER_PATH) -> None:
        if not classifier_path.exists():
            raise ModelNotFound(
                f"quantulum3's unit classifier {classifier_path} is missing: run `make models` "
                "(every make target builds it)"
            )
        self.rules = QuantityRules.load(models)
        self.parser = QuantityParser(str(classifier_path))
        self.parse("1 km")  # loads quantulum3's unit tables once, here; its classifier loads
        # at the first ambiguous unit

    def __call__(self, doc: Doc, article: Article) -> list[dict[str, Any]]:
        text = article.text
        candidates: list[Candidate] = []
        for sentence in doc.sents:
            if self.rules.numberish_pattern.search(text, sentence.start_char, sentence.end_char):
                candidates.extend(self.sentence_quantities(doc, sentence, text))
        candidates.sort(key=lambda c: (c.start, c.end))
        return [
            quantity_record(article.doc_id, f"N{n}", c, text)
            for n, c in enumerate(candidates, start=1)
        ]

    def sentence_quantities(self, doc: Doc, sentence: Span, text: str) -> list[Candidate]:
        start, end = sentence.start_char, sentence.end_char
        found = merge(self.rule_candidates(text, start, end), self.quantulum(text, start, end))
        found = sorted(found + self.missed_numbers(found, text, start, end), key=position)
        found = [c for c in found if not self.not_an_amount(c, doc, text)]
        after_change = {id(c) for c in found if self.follows_change_word(c, doc, text, start)}
        kept = join_ranges(found, text, start, after_change)
        for candidate in kept:
            read_minus(candidate, text, start)
            self.read_rate_and_age(candidate, text, end)
            candidate.core = (candidate.start, candidate.end)
            self.attach_modifiers(candidate, doc, text, start, end)
            attach_counted(candidate, doc, text)
        self.inherit_restated(kept, text)
        return kept

    # -- finding amounts -------------------------------------------------------------------
    def rule_candidates(self, text: str, start: int, end: int) -> list[Candidate]:
        """Vague amounts, number phrases and currency/percent amounts, by the project's rules."""
        found: list[Candidate] = []
        for match in self.rules.vague_pattern.finditer(text, start, end):
            low, high = self.rules.vague[lexicon_key(match)]
            span = lexicon_span(match)
            found.append(Candidate(*span, None, low, high, vague=True, from_rules=True))
        for match in self.rules.phrase_pattern.finditer(text, start, end):
            value = self.rules.phrases[lexicon_key(match)]
            found.append(Candidate(*lexicon_span(match), value, from_rules=True))
        for match in self.rules.money_pattern.finditer(text, start, end):
            found.append(self.money_candidate(match))
        for match in self.rules.strict_money_pattern.finditer(text, start, end):
            if written_as_money(match):
                found.append(self.money_candidate(match))
        for match in GLUED_SCALE.finditer(text, start, end):
            value = parse_digits(match.group("num")) * SCALES[match.group("scale").lower()]
            found.append(Candidate(*match.span(), value, from_rules=True))
        return drop_overlapped(found)

    def money_candidate(self, match: re.Match[str]) -> Candidate:
        if match.group("currency"):
            value = parse_digits(match.group("cnum"))
            scale = match.group("cscale")
            unit = self.rules.currencies[match.group("currency").upper()]
            if match.group("minus"):
                value = -value
        else:
            value = parse_digits(match.group("pnum"))
            scale = match.group("pscale")
            unit = self.rules.unit_name(" ".join(match.group("percent").lower().split()))
        if scale:
            value *= SCALES[scale.lower()]
        return Candidate(*match.span(), value, unit=unit, from_rules=True)

    def parse(self, text: str) -> list[Any]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return self.parser.parse(text)

    def quantulum(self, text: str, start: int, end: int) -> list[Candidate]:
        """quantulum3's quantities in `text[start:end]`, with article offsets."""
        found = []
        # the fraction slash of "1⁄32" as a plain one, which keeps the offsets
        for quantity in self.parse(text[start:end].replace("\u2044", "/")):
            q_start, q_end = quantity.span
            if q_start < 0 or not quantity.surface.strip():
                continue  # quantulum3 lost the span (it does on "between A and B")
            candidate = Candidate(start + q_start, start + q_end, float(quantity.value))
            candidate.unit = self.rules.unit_name(quantity.unit.name)
            if quantity.unit.entity.name == "unknown" and reads_a_name(quantity.surface):
                continue  # "120 Boeing" read as a unit; the number is read again without it
            fix_quantulum_misreadings(candidate, text)
            candidate.unit = self.rules.unit_name(candidate.unit)
            if quantity.uncertainty:
                high = quantity.value + quantity.uncertainty
                low = spread_scale(quantity.value - quantity.uncertainty, high, quantity.surface)
                candidate.low, candidate.high, candidate.value = low, high, None
            found.append(candidate)
        return found

    def missed_numbers(
        self, found: list[Candidate], text: str, start: int, end: int
    ) -> list[Candidate]:
        """Numbers in digits or words that quantulum3 lost, with the unit written after them."""
        missed: list[Candidate] = []
        matches = [*NUMBER.finditer(text, start, end)]
        matches += self.rules.words_pattern.finditer(text, start, end)
        for match in matches:
            candidate = Candidate(*match.span(), self.number_value(match.group()))
            if any(candidate.overlaps(c) for c in found + missed):
                continue
            later = [c.start for c in found if c.start >= candidate.end]
            self.read_unit_after(candidate, text, min([end, *later]))
            missed.append(candidate)
        return missed

    def number_value(self, surface: str) -> float:
        if surface[-1].isdigit():
            return parse_digits(surface)
        return self.rules.words_value(surface)

    def read_unit_after(self, candidate: Candidate, text: str, end: int) -> None:
        """Let quantulum3 read the unit after a number it lost: it parses "1 " + what follows."""
        following = text[candidate.end : min(end, candidate.end + 40)]
        if not following[:1].isspace():
            return
        quantities = self.parse("1" + following)
        if quantities and quantities[0].span[0] == 0 and quantities[0].value == 1:
            unit = self.rules.unit_name(quantities[0].unit.name)
            if unit is not None:
                candidate.unit = unit
                candidate.end += quantities[0].span[1] - 1
                fix_quantulum_misreadings(candidate, text)
                candidate.unit = self.rules.unit_name(candidate.unit)

    def read_rate_and_age(self, candidate: Candidate, text: str, end: int) -> None:
        """Money per something ("12 cents per share", "$5 a barrel") and ages ("50-year-old":
        years of age, not a duration)."""
        following = text[candidate.end : end]
        if candidate.unit in DURATION_UNITS and (age := AGE.match(following)):
            candidate.unit = f"{candidate.unit} of age"
            candidate.end += age.end()
        elif candidate.unit in self.rules.money_units and (
            rate := self.rules.rate_pattern.match(following)
        ):
            candidate.unit = f"{candidate.unit} per {rate.group('per').lower().removesuffix('s')}"
            candidate.end += rate.end()

    # -- what is not an amount -------------------------------------------------------------
    def not_an_amount(self, candidate: Candidate, doc: Doc, text: str) -> bool:
        if candidate.vague:
            return False
        surface = text[candidate.start : candidate.end]
        number = surface.split()[0] if surface.split() else surface
        following = text[candidate.end : candidate.end + 60]
        return (
            (is_date_or_time(candidate, doc) and not self.never_a_date(candidate, surface))
            or is_pronoun_one(candidate, surface, doc)
            or is_year(candidate, surface)
            or ORDINAL.match(number) is not None
            or self.is_article(candidate, surface)
            or is_one_of(candidate, text)
            or is_in_name(candidate, doc, text)
            or self.is_house_number(surface, text[candidate.start :])
            or is_duration_adjective(candidate, surface, following)
            or is_in_compound_word(candidate, following)
            or is_slash_but_no_fraction(candidate, surface, following)
        )

    def is_article(self, candidate: Candidate, surface: str) -> bool:
        """quantulum3 reads "a"/"an" as one ("a week", and "a TD" as a tera-dime): an amount
        of an article and no number; "a million", "a third" and "a dozen" are amounts."""
        words = surface.split()
        if not words or words[0].lower() not in ("a", "an") or candidate.from_rules:
            return False
        if candidate.value == 1:
            return True
        rest = surface[len(words[0]) :]
        written = re.search(r"\d", rest) or self.rules.words_pattern.search(rest)
        return not written and (candidate.value or 0) >= 1

    def is_house_number(self, surface: str, text: str) -> bool:
        """A number before a street name: "10 Downing Street", "31 Ave Delorme" (quantulum3 may
        have read a unit in the name: "16-18 Mill Road")."""
        number = re.match(r"\d+", surface)
        return (
            number is not None and self.rules.address_pattern.match(text, number.end()) is not None
        )

    def never_a_date(self, candidate: Candidate, surface: str) -> bool:
        """Money, a percentage, or a number no date is written with ("1,287.45", "5120394"),
        even where spaCy tags it as part of a date."""
        measured = candidate.unit in self.rules.money_units or candidate.unit == "percent"
        return measured or NOT_A_DATE_NUMBER.search(surface) is not None

    # -- modifiers -------------------------------------------------------------------------
    def attach_modifiers(
        self, candidate: Candidate, doc: Doc, text: str, start: int, end: int
    ) -> None:
        """Read the modifiers right before and after the amount (stacked: "up about 19%"),
        else a change word whose "by" governs it ("sales rose in the quarter by 5%")."""
        before: list[str] = []
        while match := self.rules.before_pattern.search(text, start, candidate.start):
            kind = self.modifier_kind(match, doc)
            if kind is None:
                break
            before.insert(0, " ".join(match.group().lower().split()))
            self.apply_modifier(candidate, kind)
            if kind in CHANGES:
                break  # a change word ends the modifiers and stays out of the span
            candidate.start = match.start()
        after = self.rules.after_pattern.match(text, candidate.end, end)
        if after:
            self.apply_modifier(candidate, self.rules.modifiers_after[after_key(after)])
            candidate.end = after.end()
        candidate.modifiers = before + ([after_key(after)] if after else [])
        if not any(kind in CHANGES for kind in candidate.kinds):
            self.attach_governing_change(candidate, doc)

    def modifier_kind(self, match: re.Match[str], doc: Doc) -> str | None:
        """The kind of a modifier before the amount; None for the particle of a phrasal verb
        ("gave up 412 yards", "made up 30% of"), which is no change."""
        phrase = " ".join(match.group("mod").lower().split())
        kind = self.rules.modifiers_before[phrase]
        if kind in CHANGES:
            word = doc.char_span(*match.span("mod"))
            if word is not None and word.root.dep_ == "prt":
                return None
        return kind

    def attach_governing_change(self, candidate: Candidate, doc: Doc) -> None:
        """A change word whose "by" governs the amount, with words between them."""
        span = doc.char_span(*candidate.core, alignment_mode="expand")
        if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "by":
            return
        verb = span.root.head.head
        kind = self.rules.change_kind(verb)
        if kind is not None and verb.i < span.start:
            candidate.modifiers.insert(0, verb.lower_)
            self.apply_modifier(candidate, kind)

    def follows_change_word(self, candidate: Candidate, doc: Doc, text: str, start: int) -> bool:
        """Whether a change word ("rose", "down") comes right before the amount."""
        match = self.rules.before_pattern.search(text, start, candidate.start)
        return match is not None and self.modifier_kind(match, doc) in CHANGES

    def apply_modifier(self, candidate: Candidate, kind: str) -> None:
        candidate.kinds.append(kind)
        if candidate.value is None:
            candidate.approximate |= kind == "approximate"
            return
        if kind == "approximate":
            candidate.approximate = True
        elif kind == "low":
            candidate.low = candidate.value
        elif kind == "high":
            candidate.high = candidate.value

    def inherit_restated(self, candidates: list[Candidate], text: str) -> None:
        """An amount restated in parentheses takes the modifiers of the amount it restates:
        in "just under 2 miles (3.2 km / 3,520 yards)" both restatements are upper bounds."""
        origin: Candidate | None = None
        for previous, candidate in pairwise(candidates):
            between = text[previous.end : candidate.start]
            if opens_restatement(previous, between):
                origin = previous
            elif not CONTINUES_RESTATEMENT.fullmatch(between):
                origin = None
            if origin is not None and not candidate.modifiers:
                candidate.modifiers = list(origin.modifiers)
                for kind in origin.kinds:
                    self.apply_modifier(candidate, kind)


def opens_restatement(previous: Candidate, between: str) -> bool:
    """Whether the text after an amount (and the noun it counts) opens a parenthesis."""
    counted = re.escape(previous.quantified or "")
    return re.fullmatch(rf"\s*(?:{counted})?\s*\(\s*", between) is not None


def position(candidate: Candidate) -> tuple[int, int]:
    return candidate.start, candidate.end


def reads_a_name(surface: str) -> bool:
    """A unit quantulum3 built from a capitalised word ("120 Boeing"): a name, not a unit."""
    return re.search(r"\s[A-Z][a-z]{2,}", surface) is not None


def fix_quantulum_misreadings(candidate: Candidate, text: str) -> None:
    """quantulum3 reads "at" after a unit as ampere-turns ("forty years at", "2 cents at $14"),
    "a" as annum ("30 a"), and the "s" of a plural or a possessive as seconds ("2016s",
    "2020′s", where the prime is read as minutes of arc): cut them off. Its span may also
    end on a division sign it did not use ("134 kW / 182 PS"), depending on the hash seed."""
    surface = text[candidate.start : candidate.end].rstrip(" /")
    candidate.end = candidate.start + len(surface)
    misread = re.search(r"\s(?:at|a)(?:\s|$)", surface)
    if misread and candidate.unit and ("ampere-turn" in candidate.unit or surface.endswith(" a")):
        candidate.end = candidate.start + misread.start()
        unit = candidate.unit.split("ampere-turn")[0].strip()
        candidate.unit = None if surface.endswith(" a") or not unit else unit
    elif (plural := PLURAL_NUMBER.fullmatch(surface)) and "second" in (candidate.unit or ""):
        candidate.end = candidate.start + plural.end("number")
        candidate.unit = None


def lexicon_key(match: re.Match[str]) -> str:
    """The lexicon entry a `lexicon_regex` match stands for ("scores of", "a pair of")."""
    if match.group("bare"):
        return " ".join(match.group("bare").lower().split())
    return " ".join(match.group("of").lower().split()) + " of"


def lexicon_span(match: re.Match[str]) -> tuple[int, int]:
    return match.span("bare") if match.group("bare") else match.span("of")


def after_key(match: re.Match[str]) -> str:
    return " ".join(match.group("mod").lower().split())


def drop_overlapped(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if not any(candidate.overlaps(k) for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def merge(rules: list[Candidate], quantulum: list[Candidate]) -> list[Candidate]:
    """The rules win where they overlap quantulum3; a unit quantulum3 read after the
    number ("10-12 km") is kept when the rules found none."""
    merged = list(rules)
    for candidate in quantulum:
        overlapping = [r for r in rules if r.overlaps(candidate)]
        if not overlapping:
            merged.append(candidate)
            continue
        for rule in overlapping:
            if takes_unit_from(rule, candidate):
                rule.unit = candidate.unit
                rule.end = candidate.end
    return sorted(merged, key=lambda c: (c.start, c.end))


def takes_unit_from(rule: Candidate, quantulum: Candidate) -> bool:
    """quantulum3 read a unit after the rule's number: "10-12 km", "$45.88 a barrel"."""
    if rule.vague or quantulum.unit is None or quantulum.end <= rule.end:
        return False
    return rule.unit is None or quantulum.unit.startswith(rule.unit + " per ")


def read_minus(candidate: Candidate, text: str, sentence_start: int) -> None:
    """ "minus 180 Celsius", "minus-3 yards", "$-42.5bn": the amount is negative."""
    match = MINUS.search(text, sentence_start, candidate.start)
    if match is None or candidate.value is None or candidate.value < 0:
        return
    candidate.value = -candidate.value
    candidate.start = match.start()


def join_ranges(
    candidates: list[Candidate], text: str, sentence_start: int, after_change: set[int]
) -> list[Candidate]:
    """Join "10 to 12", "between 10,000 and 12,000", "10,000-12,000" into one range;
    `after_change` holds the ids of the candidates a change word comes right before."""
    joined: list[Candidate] = []
    for candidate in candidates:
        previous = joined[-1] if joined else None
        if previous is not None and is_range(
            previous, candidate, text, sentence_start, id(previous) in after_change
        ):
            joined[-1] = range_of(previous, candidate, text, sentence_start)
        else:
            joined.append(candidate)
    return joined


def is_range(
    first: Candidate, second: Candidate, text: str, sentence_start: int, after_change: bool
) -> bool:
    if first.value is None or second.value is None or first.low is not None:
        return False
    if second.low is not None or first.vague or second.vague:
        return False
    between = text[first.end : second.start]
    opener = RANGE_OPENER.search(text, sentence_start, first.start)
    opened_by = opener.group("word").lower() if opener else None
    join = RANGE_JOIN.match(between)
    if join is None:
        # "from $310 at noon on Monday to $295": a few words may come between
        return opened_by == "from" and FROM_TO_GAP.match(between) is not None
    word = join.group().strip().lower()
    if word == "and":
        return opened_by == "between"
    if word in ("to", "or") and opener is None:
        # "rose 5% to $10" and "rose $12.4 billion to $310.8 billion" are a change and a
        # level; "homes from $900,000 to $2 million, $2 million to $2.5 million" are ranges
        if after_change or first.value >= second.value:
            return False
        return first.unit is None or first.unit == second.unit
    return first.unit is None or second.unit is None or first.unit == second.unit


def range_of(first: Candidate, second: Candidate, text: str, sentence_start: int) -> Candidate:
    low, high = first.value or 0.0, second.value or 0.0
    if not scale_of(text[first.start : first.end]):
        low = spread_scale(low, high, text[second.start : second.end])
    opener = RANGE_OPENER.search(text, sentence_start, first.start)
    between = opener is not None and opener.group("word").lower() == "between"
    start = opener.start("word") if opener and between else first.start
    return Candidate(
        start,
        second.end,
        None,
        min(low, high),
        max(low, high),
        unit=second.unit or first.unit,
        from_rules=first.from_rules or second.from_rules,
    )


def spread_scale(low: float, high: float, surface: str) -> float:
    """The low end of "10 to 12 million" or "2 to 3 thousand": the scale written once
    applies to both numbers, unless the low end would then pass the high one."""
    scale = scale_of(surface)
    return low * scale if scale and low * scale <= high else low


def scale_of(surface: str) -> float | None:
    """The scale word in an amount's text ("12 million" → 1e6), if any."""
    words = re.findall(r"[a-z]+", surface.lower())
    return next((SCALES[w] for w in words if w in SCALE_WORDS), None)


def is_date_or_time(candidate: Candidate, doc: Doc) -> bool:
    """Inside a DATE or TIME entity, unless it is a duration ("20 years", "24 hours")."""
    if candidate.unit in DURATION_UNITS:
        return False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return False
    return any(token.ent_type_ in ("DATE", "TIME") for token in span)


def is_year(candidate: Candidate, surface: str) -> bool:
    """A bare four-digit number from 1800 to 2099 with no unit: a year."""
    return candidate.unit is None and YEAR.match(surface.strip()) is not None


def is_pronoun_one(candidate: Candidate, surface: str, doc: Doc) -> bool:
    """A lone "one" counts only when it modifies a noun ("one solution", not "no one")."""
    if surface.lower() != "one":
        return False
    token = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    return token is None or token.root.dep_ != "nummod"


def is_one_of(candidate: Candidate, text: str) -> bool:
    """quantulum3 reads "one of the best" as an amount."""
    return re.match(r"one\s+of\b", text[candidate.start :], re.I) is not None


def is_duration_adjective(candidate: Candidate, surface: str, following: str) -> bool:
    """A duration written as a hyphenated adjective before a noun names a kind of thing
    ("a five-year plan", "a 10-day trip"); an age ("a 50-year-old") is an amount."""
    return (
        candidate.unit in DURATION_UNITS
        and HYPHENATED.fullmatch(surface) is not None
        and ADJECTIVE_USE.match(following) is not None
    )


def is_in_compound_word(candidate: Candidate, following: str) -> bool:
    """A fraction glued to a word by a hyphen: "a third-party review", "half-time"."""
    return (candidate.value or 0) < 1 and re.match(r"-[A-Za-z]", following) is not None


def is_slash_but_no_fraction(candidate: Candidate, surface: str, following: str) -> bool:
    """ "a/b" is a fraction when a < b and it measures something ("1/16 of a pint", "3/4
    cup"); "24/7" and "9/11" are not amounts."""
    slash = SLASH_NUMBER.match(surface)
    if slash is None:
        return False
    if int(slash.group("num")) >= int(slash.group("den")):
        return True
    return candidate.unit is None and re.match(r"\s+of\b", following) is None


def is_in_name(candidate: Candidate, doc: Doc, text: str) -> bool:
    """A bare number that is part of a name or identifier: "Boeing 737", "Flight 214", "F-35"."""
    if candidate.unit is not None or candidate.value is None:
        return False
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or scale_of(span.text):
        return False  # "Norway's 7 billion": no name holds a scale word
    if any(t.ent_type_ in NAME_LABELS for t in span):
        return True
    before = text[max(0, candidate.start - 2) : candidate.start]
    after = text[candidate.end : candidate.end + 1]
    if re.search(r"[A-Za-z]-?$", before) or re.match(r"[A-Za-z]", after):
        return True  # glued to letters: "F-35", "COVID-19", "G7"
    previous = span.doc[span.start - 1] if span.start > span.sent.start else None
    following = span.doc[span.end] if span.end < len(span.doc) else None
    named_before = previous is not None and previous.pos_ == "PROPN" and previous.tag_ == "NNP"
    return named_before or is_model_number(span, following)


def is_model_number(span: Span, following: Token | None) -> bool:
    """An integer that modifies a capitalised name after it: "737 Max", not "0.8 WAR" (a
    decimal is a measure) nor "25 sen" (a lower-case unit)."""
    if following is None or not following.text[:1].isupper() or following.tag_ != "NNP":
        return False
    return span.root.head == following and span.text.replace(",", "").isdigit()


# -- what is counted -----------------------------------------------------------------------
def attach_counted(candidate: Candidate, doc: Doc, text: str) -> None:
    """Set `quantified` from the parse; a count without a unit takes the noun as its unit."""
    span = doc.char_span(*candidate.core, alignment_mode="expand")
    if span is None:
        return
    whole = candidate.value is None or candidate.value >= 1  # not a fraction ("half of")
    head = counted_noun(span, count=candidate.unit is None and whole)
    if head is None:
        return
    words = counted_phrase(head, span)
    if SENTENCE_END.search(text, candidate.core[1], words[0].idx):
        return  # the parse ran on past a full stop it took for an abbreviation ("£350m.")
    candidate.quantified = text[words[0].idx : head.idx + len(head.text)]
    if candidate.unit is None:
        candidate.unit = singular(words)


def counted_noun(span: Span, count: bool) -> Token | None:
    """The noun the amount modifies ("3,000 soldiers"), or for a count the object of its
    "of" ("hundreds of homes")."""
    root = span.root
    head = root.head
    sentence_end = span.sent.end
    if root.dep_ in COUNTS_NOUN and head.pos_ in ("NOUN", "PROPN") and span.end <= head.i:
        return head if head.i < sentence_end else None
    if not count:
        return None
    for token in span:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                    return objects[0]
    return None


def counted_phrase(head: Token, span: Span) -> list[Token]:
    """The counted noun with the modifiers before it, after the amount itself; a hyphenated
    modifier is kept whole ("first-team players")."""
    words = [head]
    for token in reversed(list(head.doc[span.end : head.i])):
        joined = in_hyphenated_word(token, words[0])
        if joined or (modifies(token, words) and not stops_counted_phrase(token)):
            words.insert(0, token)
        else:
            break
    while words[0].text == "-":
        words.pop(0)  # the hyphen after the amount: "three-point range"
    return words


def in_hyphenated_word(token: Token, following: Token) -> bool:
    """A hyphen glued to the word after it, or a word glued to a hyphen after it; a number
    is another amount ("a 2.4 billion-mile journey")."""
    glued = not token.whitespace_ and "-" in (token.text, following.text)
    return glued and not is_number(token)


def modifies(token: Token, words: list[Token]) -> bool:
    return token.dep_ in NOUN_MODIFIERS or (token.head.i > token.i and token.head in words)


def stops_counted_phrase(token: Token) -> bool:
    """A determiner, a pronoun, punctuation or another amount ends the counted phrase; a
    number inside a name does not ("120 Boeing 737 jets")."""
    if is_number(token):
        return token.ent_type_ not in NAME_LABELS
    return token.pos_ in ("DET", "PUNCT", "PRON", "SYM")


def is_number(token: Token) -> bool:
    """A number in digits or words; not an ordinal ("first-team"), which spaCy's `like_num`
    also accepts."""
    return token.pos_ == "NUM" or token.text[:1].isdigit()


def singular(words: list[Token]) -> str:
    """The unit of a count: the counted phrase with its noun in the singular ("North Korean
    soldier", "first-team player"); a proper noun or an acronym keeps its form but a plural
    "s" ("ATMs" → "ATM")."""
    head = words[-1]
    if head.pos_ == "PROPN":
        noun = head.text[:-1] if head.tag_ == "NNPS" and head.text.endswith("s") else head.text
    elif ACRONYM.fullmatch(head.text):
        noun = head.text.removesuffix("s")
    else:
        noun = head.lemma_.lower()
    modifiers = head.doc[words[0].i : head.i].text
    return f"{modifiers} {noun}" if modifiers else noun


def quantity_record(doc_id: str, quantity_id: str, c: Candidate, text: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "quantity_id": quantity_id,
        "text": text[c.start : c.end],
        "start": c.start,
        "end": c.end,
        "value": c.value,
        "low": c.low,
        "high": c.high,
        "unit": c.unit,
        "approximate": c.approximate,
        "vague": c.vague,
        "modifier": " ".join(c.modifiers) or None,
        "quantified": c.quantified,
        "quote_id": None,
    }
