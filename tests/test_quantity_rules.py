from __future__ import annotations

import re

import pytest

from pipeline.quantity_rules import alternation, trie_alternation

WORDS = [
    "k",
    "km",
    "kms",
    "KM",
    "Km²",
    "kg",
    "m",
    "mm",
    "µm",
    "μm",
    "mi",
    "mile",
    "miles",
    "$",
    "Ka",
    "kab",
]
PHRASES = ["more", "more than", "More Than", "no more than", "up", "up to", "per cent", "St"]
TEXTS = [
    "5 km, 6 kms and 7 KMs; 8 kmx, 3 µm or 3 μm, 4 MILES, 5 mi. $5 kab KAB",
    "kmkm k k m mm mmm miles milestone Mile",
    "more  than 5, no more\nthan 6, MORE THAN 7, up to 8, up\tto, 3 per   cent, St St. st",
]


def expected_alternation(words: list[str], space: str) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", space) for w in ordered)


@pytest.mark.parametrize("flags", [re.I, 0])
@pytest.mark.parametrize("tail", ["", r"\b", r"(?=s)", r"m", r"\s+\w"])
def test_a_trie_matches_what_the_alternation_matches(tail, flags):
    """Longest first, and the shorter words when what follows needs them (backtracking)."""
    ignore_case = flags == re.I
    cases = [
        (trie_alternation(WORDS, ignore_case=ignore_case), expected_alternation(WORDS, r"\ ")),
        (alternation(PHRASES, ignore_case=ignore_case), expected_alternation(PHRASES, r"\s+")),
    ]
    for trie, plain in cases:
        fast = re.compile(f"{trie}{tail}", flags)
        slow = re.compile(f"(?:{plain}){tail}", flags)
        for text in TEXTS:
            assert [m.span() for m in fast.finditer(text)] == [
                m.span() for m in slow.finditer(text)
            ]


def test_letters_equal_ignoring_case_share_a_branch_written_as_one_letter():
    assert trie_alternation(["µm", "μm", "Km", "km"]) == "(?:(?:Km|µm))"
    assert trie_alternation(["Km", "km"], ignore_case=False) == "(?:(?:Km|km))"


def test_the_letter_of_a_shared_branch_matches_each_letter_it_stands_for():
    words = ["µs", "μs", "Ks", "ks", "\u212as", "ſs", "SS"]  # micro, mu, Kelvin, long s
    trie = re.compile(trie_alternation(words), re.I)
    for word in words:
        assert trie.fullmatch(word), word
