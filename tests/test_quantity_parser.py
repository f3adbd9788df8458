from __future__ import annotations

import re
import warnings
from typing import Any

import pytest
from quantulum3 import parser

from pipeline.quantities import CLASSIFIER_PATH
from pipeline.quantity_parser import QuantityParser, trie_alternation

WORDS = ["k", "km", "kms", "KM", "Km²", "kg", "m", "mm", "µm", "μm", "mi", "mile", "miles", "$"]
TEXTS = [
    "5 km, 6 kms and 7 KMs; 8 kmx, 3 µm or 3 μm, 4 MILES, 5 mi. $5",
    "kmkm k k m mm mmm miles milestone Mile",
]


@pytest.mark.parametrize("tail", ["", r"\b", r"(?=s)", r"m"])
def test_a_trie_matches_what_the_alternation_matches(tail):
    """Longest first, and the shorter words when what follows needs them (backtracking)."""
    alternation = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
    expected = re.compile(f"(?:{alternation}){tail}", re.I)
    trie = re.compile(f"{trie_alternation(WORDS)}{tail}", re.I)
    for text in TEXTS:
        assert [m.span() for m in trie.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]


def test_letters_equal_ignoring_case_share_a_branch():
    assert trie_alternation(["µm", "μm", "Km", "km"]) == "(?:(?:[Kk]m|[µμ]m))"


SENTENCES = [
    "The firm hired 3,000 workers and paid $5bn, or about £350m, for 10-12 km of track.",
    "Officials counted three thousand workers, twenty-five schools and a dozen eggs.",
    "One hundred and five million people; several hundred more; minus five degrees.",
    "It will build between 10,000 and 12,000 homes, from 4.8 to 4.7 percent, in a week.",
    "The engine makes 296 hp (221 kW / 300 PS) and weighs 1,334.20 kg at 50 mph.",
    "The 1990s and 2022's figures: ½ cup, 1/16 of a pint, 5 ± 2 kg, 3 µm, 12 cents a share.",
    "Prices rose 3 per cent to $45.88 a barrel at 5pm; 24/7 service for two-thirds of users.",
]


def signature(quantities: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (q.value, q.unit.name, q.unit.entity.name, q.surface, q.span, q.uncertainty)
        for q in quantities
    ]


@pytest.mark.slow
def test_parse_finds_what_quantulum3_finds():
    fast = QuantityParser(str(CLASSIFIER_PATH))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for sentence in SENTENCES:
            expected = parser.parse(sentence, classifier_path=str(CLASSIFIER_PATH))
            assert signature(fast.parse(sentence)) == signature(expected)
