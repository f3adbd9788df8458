"""Dates stage: temporal expressions as TIMEX3 values anchored on the publication date.

Not built yet: the stage returns no records, so `dates.jsonl` is written empty rather than
with guesses. The dates issue fills it (spaCy DATE/TIME spans, dateparser, TIMEX3 rules).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .read import Article


class DateStage:
    name = "dates"

    def __call__(self, doc: Doc, article: Article) -> list[dict[str, Any]]:
        return []
