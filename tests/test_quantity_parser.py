from __future__ import annotations

import warnings
from typing import Any

import pytest
from quantulum3 import parser

from pipeline.quantities import CLASSIFIER_PATH
from pipeline.quantity_parser import QuantityParser

SENTENCES = [
    "The firm hired 3,000 workers and paid $5bn, or about £350m, for 10-12 km of track.",
    "Officials counted three thousand workers, twenty-five schools and a dozen eggs.",
    "One hundred and five million people; several hundred more; minus five degrees.",
    "It will build between 10,000 and 12,000 homes, from 6.2 to 5.9 percent, in a week.",
    "The engine makes 180 hp (134 kW / 182 PS) and weighs 1,207.40 kg at 50 mph.",
    "The 1990s and 2022's figures: ½ cup, 1/12 of a pint, 5 ± 2 kg, 3 µm, 14 cents a share.",
    "Prices rose 3 per cent to $52.17 a barrel at 5pm; 24/7 service for two-thirds of users.",
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
