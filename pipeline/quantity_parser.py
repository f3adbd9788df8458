"""quantulum3's `parser.parse` with its two scanning patterns compiled for speed.

quantulum3 0.10 finds numbers with a pattern of the 70 number words and amounts with a
pattern that tries 1,900 unit names and symbols up to eight times after every number. Both
are alternations that Python's `re` tries branch by branch (case-insensitive branches cannot
be skipped by their first character): 90% of the quantities stage went there. Here the same
patterns are built with each alternation written as a trie ("k(?:m|g)?" for "km|kg|k"), which
matches the same text in the same order of preference, so the quantities are the same; the
rest of the parse is quantulum3's own functions, called in the order `parser.parse` calls
them. `tests/test_quantities.py` checks that the results equal quantulum3's.

quantulum3 is imported without the scikit-learn it needs only to train
(`import_classifier_without_scikit_learn`).
"""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from typing import Any


def import_classifier_without_scikit_learn() -> None:
    """Import quantulum3's classifier module without scikit-learn, unless either is imported.

    The module imports scikit-learn's `TfidfVectorizer` and `SGDClassifier` at its top, which
    only training uses; with them come scipy.stats and pandas: 0.8 s of every run's start-up,
    a third of a run over one article. Prediction needs none of it: the stored classifier
    (`pipeline.unit_classifier`) is `unit_scores`' plain arrays, which joblib loads. So
    `sklearn` is hidden while the module is imported, which sets its `USE_CLF` false, and
    `USE_CLF` is then set true again: it gates only loading and using the stored classifier.
    Training imports the module first, with scikit-learn (`unit_classifier.train` checks).
    """
    if "quantulum3.classifier" in sys.modules or "sklearn" in sys.modules:
        return
    sys.modules["sklearn"] = None  # type: ignore[assignment]  # `import sklearn` now fails
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Classifier dependencies not installed"
            classifier = importlib.import_module("quantulum3.classifier")
    finally:
        del sys.modules["sklearn"]
    classifier.USE_CLF = True


import_classifier_without_scikit_learn()

from quantulum3 import load, parser  # noqa: E402  (after the classifier's import above)
from quantulum3 import regex as reg  # noqa: E402
from quantulum3._lang.en_US import parser as en_parser  # noqa: E402

from .quantity_rules import trie_alternation  # noqa: E402

LANG = "en_US"
#: Words before a spelled-out number that make quantulum3 skip it ("several hundred").
VAGUE_BEFORE = frozenset({"several", "couple", "some"})


class QuantityParser:
    """quantulum3's `parse` for English with the unit classifier at `classifier_path`."""

    def __init__(self, classifier_path: str) -> None:
        self.classifier_path = classifier_path
        self.units_pattern = units_regex()
        self.words_pattern = number_words_regex()
        self.number_word = re.compile(reg.numberwords_regex(LANG))
        self.grouping = re.compile(rf"(-$|[{reg.grouping_operators_regex(LANG)}])")

    def parse(self, text: str) -> list[Any]:
        """The `Quantity` objects of `quantulum3.parser.parse(text)`."""
        original = text
        text = parser.clean_text(text, LANG)
        text, shifts = parser.substitute_values(text, self.spellout_values(text))
        quantities = []
        for item in self.units_pattern.finditer(text):
            try:
                uncertainty, values = parser.get_values(item, LANG)
                unit, shortening = parser.get_unit(item, text, LANG, self.classifier_path)
                surface, span = parser.get_surface(shifts, original, item, text, shortening)
                built = parser.build_quantity(
                    original,
                    text,
                    item,
                    values,
                    unit,
                    surface,
                    span,
                    uncertainty,
                    LANG,
                    self.classifier_path,
                )
            except ValueError:
                continue  # quantulum3 drops what it cannot read ("Invalid range")
            quantities += built or []
        return parser.handle_consecutive_quantities(quantities, text)

    def spellout_values(self, text: str) -> list[dict[str, Any]]:
        """quantulum3's `extract_spellout_values` (en_US): the spelled-out numbers of `text`,
        each with its span and the digits that replace it."""
        values = []
        for match in self.words_pattern.finditer(text):
            for sequence, span in en_parser.split_spellout_sequence(match.group(), match.span()):
                if VAGUE_BEFORE.intersection(parser.words_before_span(text, span, 3)):
                    continue
                surface, span = en_parser.clean_surface(sequence, span)
                if not surface:
                    continue
                try:
                    value = self.spelled_value(surface)
                except (KeyError, AttributeError):
                    continue
                values.append({"old_surface": surface, "old_span": span, "new_surface": value})
        return sorted(values, key=lambda v: v["old_span"][0])

    def spelled_value(self, surface: str) -> str:
        """The number a run of number words and digits stands for, as quantulum3 computes
        it ("one hundred and five million" 105,000,000)."""
        is_negative = False
        current = result = 0.0
        for word in surface.lower().split():
            try:
                scale, increment = 1.0, float(self.grouping.sub("", word))
            except ValueError:
                word_match = self.number_word.search(word)  # None: AttributeError, skipped
                scale, increment = reg.numberwords(LANG)[word_match.group(0)]
            if scale < 0:  # a negative, only as the first word
                is_negative = True
                continue
            if scale > 0 and increment == 0 and current == result == 0.0 and word != "zero":
                scale, increment = 0.0, scale  # "million" at the start
            if scale > result > 0:
                current, result = current + result, 0.0
            current = current * scale + increment
            if scale > 100 or word == "and":
                result, current = result + current, 0.0
        value = result + current
        return str(-value if is_negative else value)


def units_regex() -> re.Pattern[str]:
    """quantulum3's `regex.units_regex` with the unit and currency alternations as tries."""
    units = load.units(LANG)
    operators = "|".join(re.escape(o) for o in sorted(reg.operators(LANG), key=len, reverse=True))
    unit_names = trie_alternation([*units.surfaces, *units.symbols])
    exponent = reg.exponents_regex(LANG).format(superscripts=reg.unicode_superscript_regex())
    unit_groups = "".join(
        rf"(?:(?P<operator{n}>{operators}(?=({unit_names}){exponent}))?"
        rf"(?P<unit{n}>(?:{unit_names}){exponent})?)"
        for n in range(1, 5)
    )
    pattern = (
        rf"(?<!\w)(?P<prefix>{trie_alternation(list(units.prefix_symbols))}(?![a-zA-Z]))?"
        rf"(?P<value>{reg.range_pattern(LANG)})-?{unit_groups}(?!\w)"
    )
    return re.compile(pattern, re.VERBOSE | re.IGNORECASE)


def number_words_regex() -> re.Pattern[str]:
    """quantulum3's `regex.text_pattern_reg`: a run of number words, maybe after digits.
    Its number words are whole words, so at most one matches at a place and their order
    does not matter."""
    words = rf"(?<!\w){trie_alternation(list(reg.numberwords(LANG)))}(?!\w)"
    pattern = reg._get_regex(LANG).TEXT_PATTERN.format(
        number_pattern_no_groups=reg.number_pattern_no_groups(LANG), numberwords_regex=words
    )
    return re.compile(pattern, re.VERBOSE | re.IGNORECASE)
