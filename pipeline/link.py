"""Link stage: connect the records of one article.

- a quantity or date whose span lies inside a quote's content (or one of its parts) is copied
  into that quote's `quantities` / `dates`, and a quantity gets the quote's `quote_id`;
- a speaker mention that is a mention of an entity gets that entity's `entity_id`;
- a quote without a `speech_date` takes the resolved DATE in its sentence, outside its
  content, that is nearest to its cue ("told the Guardian on Tuesday").
"""

from __future__ import annotations

import copy
from typing import Any

Record = dict[str, Any]


def link_article(
    quotes: list[Record], quantities: list[Record], dates: list[Record], entities: list[Record]
) -> tuple[list[Record], list[Record]]:
    """Return linked copies of `(quotes, quantities)`; the inputs are left unchanged."""
    quotes = copy.deepcopy(quotes)
    quantities = copy.deepcopy(quantities)
    for quote in quotes:
        for quantity in quantities:
            if inside_content(quantity, quote):
                quantity["quote_id"] = quote["quote_id"]
        quote["quantities"] = [q for q in quantities if q["quote_id"] == quote["quote_id"]]
        quote["dates"] = [copy.deepcopy(d) for d in dates if inside_content(d, quote)]
        attach_entity(quote, entities)
        if quote.get("speech_date") is None:
            quote["speech_date"] = nearest_speech_date(quote, dates)
    return quotes, quantities


def content_spans(quote: Record) -> list[Record]:
    content = quote["content"]
    return content.get("parts") or [content]


def inside_content(record: Record, quote: Record) -> bool:
    return any(
        part["start"] <= record["start"] and record["end"] <= part["end"]
        for part in content_spans(quote)
    )


def attach_entity(quote: Record, entities: list[Record]) -> None:
    speaker = quote.get("speaker")
    if not speaker or speaker.get("entity_id"):
        return
    for entity in entities:
        if any(overlaps(mention, speaker) for mention in entity["mentions"]):
            speaker["entity_id"] = entity["entity_id"]
            return


def overlaps(a: Record, b: Record) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def nearest_speech_date(quote: Record, dates: list[Record]) -> str | None:
    sentence, cue = quote["sentence"], quote.get("cue")
    if cue is None:
        return None
    candidates = [
        date
        for date in dates
        if date["type"] == "DATE"
        and date.get("value")
        and sentence["start"] <= date["start"] < sentence["end"]
        and not inside_content(date, quote)
    ]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: (abs(d["start"] - cue["start"]), d["start"]))
    return nearest["value"]
