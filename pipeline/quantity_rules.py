"""The word lists of the quantities stage (`models/`) and the patterns built from them.

quantulum3 reads numbers and units; these rules add what it misses or gets wrong on news:
vague amounts ("several hundred"), number phrases ("a dozen"), amounts with a currency symbol
or a percent sign ("$5bn", "3 per cent"), modifiers ("about", "more than", "rose") and the
names under which units are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from .lexicon import MODELS_DIR, read_lines, read_table

#: A number in digits, with thousands separators and decimals: "3,000", "2.5", "12000".
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
#: Scale words and the suffixes news writes after a currency amount ("$5bn", "£350m").
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
#: Scales that are words, so they may follow a number without a currency ("1.2 million").
SCALE_WORDS = ("thousand", "million", "billion", "trillion")
PERCENT = r"%|per ?cent\b|pct\b|(?<=\d)pc\b|percentage points?\b"
#: Scale letters glued to a number without a currency: "6.1M", "5B", "10K" (not "7.8m": metres).
GLUED_SCALE = re.compile(rf"(?<![\w.,])(?P<num>{DIGITS})(?P<scale>bn|M|B|K)(?![\w])")
#: A number in digits that quantulum3 may have lost ("from 5.2 to 5.1 percent").
NUMBER = re.compile(rf"(?<![\w.,])(?:{DIGITS})(?![\w]|[.,]\d)")
#: The end of a word in a trie (`trie_alternation`): no letter is empty.
_END = ""


def alternation(phrases: list[str], *, ignore_case: bool = True) -> str:
    """A pattern of literal phrases that matches what their alternation, longest first,
    matches, a space matching any run of whitespace ("more than"). `ignore_case` is whether
    the pattern is compiled with `re.I` (see `trie_alternation`)."""
    return trie_alternation(phrases, ignore_case=ignore_case, space=r"\s+")


def trie_alternation(words: Iterable[str], *, ignore_case: bool = True, space: str = r"\ ") -> str:
    """The alternation of the literal `words`, longest first, written as a trie ("k(?:m|g)?"
    for "km|kg|k"): it matches the same text in the same order of preference, since at any
    place the words that match are prefixes of one another, which a trie tries longest first
    too. Python's `re` tries the branches of an alternation one by one and cannot skip a
    case-insensitive branch by its first letter, so a list of a thousand names costs a
    thousand tries at every place; a trie, a few.

    With `ignore_case` (the pattern is compiled with `re.I`), letters that `re` takes for
    one ("µ" and "μ", "K" and "k") share a branch, written as the first of them: `re.I` matches
    the others there, and a pattern without sets of letters is compiled and run more than twice
    as fast. `space` is the pattern of a space."""
    words = [w for w in words if w]
    same_letter = letter_classes({c for w in words for c in w}, ignore_case)
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(same_letter[char], {})
        node[_END] = {}
    letters = {char: space if char == " " else re.escape(char) for char in same_letter.values()}
    return f"(?:{trie_pattern(trie, letters)})"


def trie_pattern(node: dict[str, Any], letters: dict[str, str]) -> str:
    branches = [letters[key] + trie_pattern(node[key], letters) for key in sorted(node) if key]
    if not branches:
        return ""
    body = "|".join(branches)
    if len(branches) > 1 or _END in node:
        body = f"(?:{body})"
    return body + "?" if _END in node else body


def letter_classes(chars: set[str], ignore_case: bool) -> dict[str, str]:
    """Each letter → the first (in code point order) of the letters it matches."""
    first: dict[str, str] = {}
    for char in sorted(chars):
        same = (f for f in first.values() if ignore_case and re.fullmatch(re.escape(f), char, re.I))
        first[char] = next(same, char)
    return first


@dataclass(frozen=True)
class QuantityRules:
    """Lexicons from `models/` and the regular expressions compiled from them."""

    vague: dict[str, tuple[float, float]]
    phrases: dict[str, float]
    modifiers_before: dict[str, str]
    modifiers_after: dict[str, str]
    currencies: dict[str, str]
    unit_names: dict[str, str]
    number_words: dict[str, float]
    vague_pattern: re.Pattern[str]
    phrase_pattern: re.Pattern[str]
    money_pattern: re.Pattern[str]
    strict_money_pattern: re.Pattern[str]
    before_pattern: re.Pattern[str]
    after_pattern: re.Pattern[str]
    words_pattern: re.Pattern[str]
    rate_pattern: re.Pattern[str]
    address_pattern: re.Pattern[str]
    numberish_pattern: re.Pattern[str]

    @classmethod
    def load(cls, folder: Path = MODELS_DIR) -> QuantityRules:
        vague = {
            phrase.lower(): (float(low), float(high))
            for phrase, low, high in read_table(folder / "vague_quantities.tsv")
        }
        phrases = {p.lower(): float(v) for p, v in read_table(folder / "number_phrases.tsv")}
        modifiers = read_table(folder / "quantity_modifiers.tsv")
        before = {p: kind for p, kind, place in modifiers if place == "before"}
        after = {p: kind for p, kind, place in modifiers if place == "after"}
        currency_rows = read_table(folder / "currencies.tsv")
        currencies = {row[0].upper(): row[1] for row in currency_rows}
        strict = [row[0] for row in currency_rows if row[2:] == ["strict"]]
        loose = [row[0] for row in currency_rows if row[2:] != ["strict"]]
        unit_names = {name.lower(): unit for name, unit in read_table(folder / "unit_names.tsv")}
        number_words = {w.lower(): float(v) for w, v in read_table(folder / "number_words.tsv")}
        return cls(
            vague=vague,
            phrases=phrases,
            modifiers_before=before,
            modifiers_after=after,
            currencies=currencies,
            unit_names=unit_names,
            number_words=number_words,
            vague_pattern=lexicon_regex(list(vague)),
            phrase_pattern=lexicon_regex(list(phrases)),
            money_pattern=money_regex(loose),
            strict_money_pattern=strict_money_regex(strict),
            before_pattern=re.compile(
                rf"(?<![\w.])(?P<mod>{alternation(list(before))})(?:\s+by)?\s*$", re.I
            ),
            after_pattern=re.compile(rf"^\s*(?P<mod>{alternation(list(after))})(?!\w)", re.I),
            words_pattern=words_regex(list(number_words)),
            rate_pattern=rate_regex(read_lines(folder / "rate_nouns.txt")),
            address_pattern=address_regex(read_lines(folder / "street_types.txt")),
            numberish_pattern=numberish_regex(
                [*number_words, *vague, *phrases, *read_lines(folder / "fraction_words.txt")]
            ),
        )

    def words_value(self, text: str) -> float:
        """The value of a number in words: "twenty-five" 25, "three hundred thousand" 300,000."""
        total = current = 0.0
        for word in re.findall(r"[a-z]+", text.lower()):
            value = self.number_words.get(word)
            if value is None:
                continue
            if value >= 1000:
                total += max(current, 1.0) * value
                current = 0.0
            elif value == 100:
                current = max(current, 1.0) * value
            else:
                current += value
        return total + current

    def change_kind(self, word: Token) -> str | None:
        """ "up" or "down" for a change word ("rose", "cut"), by its form or its lemma."""
        for form in (word.lower_, word.lemma_.lower()):
            if self.modifiers_before.get(form) in ("up", "down"):
                return self.modifiers_before[form]
        return None

    @property
    def money_units(self) -> frozenset[str]:
        return frozenset([*self.currencies.values(), "cent", "euro", "pound sterling", "yen"])

    def unit_name(self, name: str | None) -> str | None:
        """The unit as written in records: the project's name for each part of it ("united
        states dollar per barrel" → "dollar per barrel"), else quantulum3's."""
        if not name or name == "dimensionless":
            return None
        parts = name.split(" per ")
        return " per ".join(self.unit_names.get(part.lower(), part) for part in parts)


def rate_regex(nouns: list[str]) -> re.Pattern[str]:
    """What money is counted per: "per share", "a barrel"."""
    return re.compile(rf"\s*(?:per|a|an)\s+(?P<per>{alternation(nouns)})\b", re.I)


def numberish_regex(phrases: list[str]) -> re.Pattern[str]:
    """A sentence worth giving to quantulum3: a digit, a vulgar fraction ("½") or the start
    of a word of the number lexicons ("thousands", "dozen", "thirds")."""
    stop = {"a", "an", "of", "the", "few", "several", "tens"}
    words = {w for phrase in phrases for w in phrase.lower().split() if w not in stop}
    return re.compile(rf"\d|[¼-¾⅐-⅞]|\b(?:{alternation(list(words))})", re.I)


def address_regex(street_types: list[str]) -> re.Pattern[str]:
    """What follows a house number: up to four capitalised words, one of them a street type
    ("Downing Street", "W 83rd St", "Ave Delorme"); also after a range ("16-18 Mill Road")."""
    word = r"(?:[A-Z0-9][\w'’.-]*)"
    street = rf"(?:{alternation(street_types, ignore_case=False)})\.?(?![\w])"
    return re.compile(rf"(?:[-–]\d+)?(?:\s+{word}){{0,3}}?\s+{street}")


def words_regex(words: list[str]) -> re.Pattern[str]:
    """A run of number words joined by spaces, hyphens or "and": "two hundred and fifty"."""
    word = rf"(?:{alternation(words)})"
    return re.compile(rf"(?<![\w-]){word}(?:(?:\s+and\s+|[\s-]+){word})*(?![\w-])", re.I)


def lexicon_regex(phrases: list[str]) -> re.Pattern[str]:
    """Phrases of a lexicon; one ending in " of" needs the "of" but the match stops before it
    ("scores of roads" → "scores"), so that the parse finds what it counts."""
    bare = [p for p in phrases if not p.endswith(" of")]
    with_of = [p.removesuffix(" of") for p in phrases if p.endswith(" of")]
    parts = [rf"(?P<bare>{alternation(bare)})"]
    if with_of:
        parts.append(rf"(?P<of>{alternation(with_of)})(?=\s+of\b)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.I)


def money_regex(symbols: list[str]) -> re.Pattern[str]:
    """An amount with a currency symbol or a percent sign: "$5bn", "US$58.24", "3 per cent".

    A scale suffix ("bn", "m") counts only after a currency symbol, where "m" cannot be metres.
    """
    words = alternation(list(SCALE_WORDS))
    percent = rf"(?P<pnum>{DIGITS})(?:\s(?P<pscale>{words}))?\s?(?P<percent>{PERCENT})"
    money = currency_amount(symbols, ignore_case=True)
    return re.compile(rf"(?<![\w$€£¥₹])(?:{money}|{percent})", re.I)


def strict_money_regex(symbols: list[str]) -> re.Pattern[str]:
    """An amount after a strict currency symbol, which keeps its case ("PS3.4m", not "ps3")."""
    return re.compile(rf"(?<![\w$€£¥₹]){currency_amount(symbols, ignore_case=False)}")


def currency_amount(symbols: list[str], ignore_case: bool) -> str:
    """A currency symbol, an optional minus ("$-50.8bn") and an amount with an optional scale."""
    scale = alternation(list(SCALES), ignore_case=ignore_case)
    amount = rf"(?P<cnum>{DIGITS})(?:\s?(?P<cscale>{scale})(?![\w]))?"
    currency = alternation(symbols, ignore_case=ignore_case)
    return rf"(?P<currency>{currency})\s?(?P<minus>-)?{amount}"


def written_as_money(match: re.Match[str]) -> bool:
    """An amount no name is written with: a scale, a thousands separator or decimals."""
    return bool(match.group("cscale")) or re.search(r"[.,]\d", match.group("cnum")) is not None


def parse_digits(text: str) -> float:
    return float(text.replace(",", ""))
