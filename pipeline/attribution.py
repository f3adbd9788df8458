"""Attribution stage: who said what, with the cue and the speaker resolved.

Not built yet: the stage returns no records, so `quotes.jsonl` is written empty rather than
with guesses. The attribution issue fills it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .read import Article


class AttributionStage:
    name = "attribution"

    def __call__(
        self, doc: Doc, article: Article, entities: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        return []
