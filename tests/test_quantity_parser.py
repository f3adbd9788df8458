from __future__ import annotations

import json
import subprocess
import sys
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


IMPORT_CHECK = """
import json, sys
from pipeline.quantities import CLASSIFIER_PATH
from pipeline.quantity_parser import QuantityParser
from quantulum3 import classifier

units = [q.unit.name for q in QuantityParser(str(CLASSIFIER_PATH)).parse(sys.argv[1])]
print(json.dumps({
    "imported": sorted(m for m in ("sklearn", "scipy", "pandas") if m in sys.modules),
    "classifier_loaded": classifier.classifier("en_US", str(CLASSIFIER_PATH)).loaded,
    "units": units,
}))
"""


@pytest.mark.slow
def test_the_parser_loads_without_scikit_learn_and_still_uses_the_classifier():
    # "pound" is ambiguous: quantulum3's classifier, not its fallback, reads it from the context
    sentence = "The pound fell to 1.21 dollars; the bag weighs 5 pounds."
    run = subprocess.run(
        [sys.executable, "-c", IMPORT_CHECK, sentence], capture_output=True, text=True, check=True
    )
    found = json.loads(run.stdout)
    assert found["imported"] == []
    assert found["classifier_loaded"] is True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = parser.parse(sentence, classifier_path=str(CLASSIFIER_PATH))
    assert found["units"] == [q.unit.name for q in expected] == ["dollar", "pound-mass"]
