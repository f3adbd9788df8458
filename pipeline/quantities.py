"""Quantities stage: numbers and amounts with bounds, units and what they count.

Not built yet: the stage returns no records, so `quantities.jsonl` is written empty rather
than with guesses. The quantities issue fills it (quantulum3 plus news-specific rules).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .read import Article


class QuantityStage:
    name = "quantities"

    def __call__(self, doc: Doc, article: Article) -> list[dict[str, Any]]:
        return []
