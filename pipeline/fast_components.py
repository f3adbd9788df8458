"""Two components of spaCy's English pipelines, made faster with the same output.

- The attribute ruler (the tag map: each token's POS and morphology from its tag, and a few
  lemmas) has 179 patterns, nearly all of one token with exact values ("TAG": "NN", "LOWER":
  "'s"). spaCy's Matcher tries every pattern at every token: 9% of the parse of
  en_core_web_sm, as much as its tagger. `IndexedAttributeRuler` finds the same matches by
  looking each token's values up in a table of the patterns' first tokens; the patterns it
  cannot read so (operators, other attributes) go to a Matcher of their own. The matches, and
  so the annotations that spaCy's own `set_annotations` makes from them, are the same.
- The rule lemmatizer asks whether a candidate lemma is in its word list of the part of speech
  with `in` on a list of up to 57,000 words. `index_lemma_tables` makes the lists dicts with
  the same words, which `in` reads at once: the lemmatizer takes a quarter of its time.

`speed_up` puts both into a loaded pipeline (`parse.load_installed`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: The token attributes the index reads, as `Doc.to_array` gives them (the values the Matcher
#: compares), in the order in which a pattern is looked up by them: the rarest values first.
#: A pattern on any other attribute goes to the Matcher.
INDEXED_ATTRS = ("LOWER", "ORTH", "TAG", "DEP", "IS_SPACE")
#: The operators of a token's attribute that the index reads, besides a plain value.
INDEXED_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
#: Regex answers kept per test, by the value's hash.
REGEX_CACHE_SIZE = 1 << 16

#: A match as `AttributeRuler.match` gives it: pattern number, match id, start and end.
Match = tuple[int, int, int, int]
#: A test of a pattern: the offset of its token in the pattern, the column of the attribute,
#: and whether a value passes.
Test = tuple[int, int, Callable[[int], bool]]


@dataclass(frozen=True)
class IndexedPattern:
    number: int
    match_id: int
    length: int
    #: Each test, with the offset in the pattern of the token it is on.
    tests: tuple[Test, ...]

    def match_at(self, rows: list[list[int]], start: int) -> Match | None:
        if start < 0 or start + self.length > len(rows):
            return None
        for offset, column, passes in self.tests:
            if not passes(rows[start + offset][column]):
                return None
        return self.number, self.match_id, start, start + self.length


class PatternIndex:
    """The matches of Matcher patterns, by number, as `AttributeRuler.match` gives them."""

    def __init__(self, vocab: Vocab, patterns: list[list[list[dict[str, Any]]]]) -> None:
        self.matcher = Matcher(vocab)
        #: The numbers of the patterns in the Matcher, by match id.
        self.numbers: dict[int, int] = {}
        #: By column, then by value: the patterns one of whose tokens must have that value,
        #: with that token's offset in the pattern.
        self.lookups: dict[int, dict[int, list[tuple[int, IndexedPattern]]]] = {}
        #: Patterns with no plain value or IN to look up: tried at every token.
        self.anywhere: list[IndexedPattern] = []
        for number, alternatives in enumerate(patterns):
            match_id = vocab.strings.add(str(number))
            for pattern in alternatives:
                if (tests := token_tests(pattern, vocab)) is None:
                    self.matcher.add(match_id, [pattern])
                    self.numbers[match_id] = number
                else:
                    self.add(IndexedPattern(number, match_id, len(pattern), tests), pattern, vocab)

    def add(self, pattern: IndexedPattern, spec: list[dict[str, Any]], vocab: Vocab) -> None:
        """File the pattern under the rarest looked-up value of one of its tokens."""
        keys = [
            (INDEXED_ATTRS.index(name), offset, values)
            for offset, token in enumerate(spec)
            for attr, value in token.items()
            if (name := attr.upper()) in INDEXED_ATTRS
            and (values := lookup_values(value, vocab)) is not None
        ]
        if not keys:
            self.anywhere.append(pattern)
            return
        column, offset, values = min(keys, key=lambda key: key[:2])
        by_value = self.lookups.setdefault(column, {})
        for value in values:
            by_value.setdefault(value, []).append((offset, pattern))

    def __call__(self, doc: Doc) -> list[Match]:
        found: set[Match] = set()
        if len(self.matcher):
            for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                found.add((self.numbers[match_id], match_id, start, end))
        rows = doc.to_array(list(INDEXED_ATTRS)).reshape(len(doc), len(INDEXED_ATTRS)).tolist()
        lookups = list(self.lookups.items())
        for position, row in enumerate(rows):
            for column, by_value in lookups:
                for offset, pattern in by_value.get(row[column], ()):
                    if match := pattern.match_at(rows, position - offset):
                        found.add(match)
            for pattern in self.anywhere:
                if match := pattern.match_at(rows, position):
                    found.add(match)
        return sorted(found)


def token_tests(pattern: list[dict[str, Any]], vocab: Vocab) -> tuple[Test, ...] | None:
    """The tests of a Matcher pattern's tokens, with their offsets, or None when the index
    cannot read the pattern."""
    tests = []
    for offset, spec in enumerate(pattern):
        for attr, value in spec.items():
            name = attr.upper() if isinstance(attr, str) else None
            if name not in INDEXED_ATTRS or (passes := value_tests(value, vocab)) is None:
                return None
            tests += [(offset, INDEXED_ATTRS.index(name), test) for test in passes]
    return tuple(tests)


def value_tests(value: Any, vocab: Vocab) -> list[Callable[[int], bool]] | None:
    """What the Matcher checks of one attribute's value, or None when the index cannot."""
    if isinstance(value, bool | str):
        return [lookup_values(value, vocab).__contains__]
    if not isinstance(value, dict) or not set(value) <= INDEXED_OPERATORS:
        return None
    tests = []
    for operator, argument in value.items():
        if operator == "REGEX" and isinstance(argument, str):
            tests.append(regex_test(re.compile(argument), vocab))
        elif operator != "REGEX" and is_list_of_values(argument):
            values = frozenset(get_string_id(v) for v in argument)
            tests.append(values.__contains__ if operator == "IN" else negated(values))
        else:
            return None
    return tests


def is_list_of_values(argument: Any) -> bool:
    return isinstance(argument, list) and all(isinstance(v, str | int) for v in argument)


def lookup_values(value: Any, vocab: Vocab) -> frozenset[int] | None:
    """The values an attribute must have, when its test is a plain value or IN (the Matcher
    reads `True` as 1 and strings as their hashes)."""
    if isinstance(value, bool):
        return frozenset({int(value)})
    if isinstance(value, str):
        return frozenset({vocab.strings.add(value)})
    if isinstance(value, dict) and list(value) == ["IN"]:
        return frozenset(get_string_id(v) for v in value["IN"])
    return None


def negated(values: frozenset[int]) -> Callable[[int], bool]:
    return lambda value: value not in values


def regex_test(regex: re.Pattern[str], vocab: Vocab) -> Callable[[int], bool]:
    """Whether the text of a value is found by `regex`, as the Matcher's REGEX tests it."""

    @functools.lru_cache(maxsize=REGEX_CACHE_SIZE)
    def passes(value: int) -> bool:
        return regex.search(vocab.strings[value]) is not None

    return passes


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's `AttributeRuler`, whose matches a `PatternIndex` finds."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **options: Any) -> None:
        self.index: PatternIndex | None = None
        super().__init__(vocab, name, **options)

    def clear(self) -> None:
        super().clear()
        self.index = None

    def add(self, patterns: Iterable[list[dict[str, Any]]], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self.index = None

    def match(self, doc: Doc) -> list[Match]:
        if self.index is None:
            self.index = PatternIndex(self.vocab, [p["patterns"] for p in self.patterns])
        return self.index(doc)


@Language.factory("indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


def index_attribute_rulers(nlp: Language) -> None:
    """Put an `IndexedAttributeRuler` with the same patterns in place of each attribute ruler."""
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            nlp.replace_pipe(name, "indexed_attribute_ruler")
            nlp.get_pipe(name).add_patterns(patterns)


def index_lemma_tables(nlp: Language) -> None:
    """The rule lemmatizers' word lists as dicts of the same words (see the module)."""
    for _, component in nlp.pipeline:
        if isinstance(component, Lemmatizer) and component.lookups.has_table("lemma_index"):
            table = component.lookups.get_table("lemma_index")
            for key, words in list(table.items()):
                table[key] = dict.fromkeys(words)


def speed_up(nlp: Language) -> None:
    index_attribute_rulers(nlp)
    index_lemma_tables(nlp)
