"""Link stage: connect the records of one article.

- a quantity or date whose span lies inside a quote's content (or one of its parts) is copied
  into that quote's `quantities` / `dates`; a quantity's `quote_id` is the innermost such
  quote (a nested attribution's, not its parent's);
- a speaker mention that ends in a mention of an entity gets that entity's `entity_id`;
- a quote without a `speech_date` takes the calendar date that the parse attaches to its cue
  ("told the Guardian on Tuesday", "have insisted since November"), outside its content.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from .dates import governing_verb

Record = dict[str, Any]
#: A TIMEX3 value on the calendar ("2024-12-17", "2024-W51", "2024-06"), not "PAST_REF".
CALENDAR_VALUE = re.compile(r"\d{4}")


def link_article(
    quotes: list[Record],
    quantities: list[Record],
    dates: list[Record],
    entities: list[Record],
    doc: Doc,
) -> tuple[list[Record], list[Record]]:
    """Return linked copies of `(quotes, quantities)`; the inputs are left unchanged."""
    quotes = copied(quotes)
    quantities = copied(quantities)
    for quantity in quantities:
        quantity["quote_id"] = innermost_quote_id(quantity, quotes)
    verbs = date_verbs(dates, doc)
    for quote in quotes:
        quote["quantities"] = [copied(q) for q in quantities if inside_content(q, quote)]
        quote["dates"] = [copied(d) for d in dates if inside_content(d, quote)]
        attach_entity(quote, entities)
        if quote.get("speech_date") is None:
            quote["speech_date"] = speech_date(quote, dates, verbs)
    return quotes, quantities


def copied(value: Any) -> Any:
    """A deep copy of records, which are JSON data (dicts, lists and scalars): twice as fast
    as `copy.deepcopy`, which also keeps track of shared and cyclic parts that records do not
    have."""
    if isinstance(value, dict):
        return {key: copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copied(item) for item in value]
    return value


def innermost_quote_id(record: Record, quotes: list[Record]) -> str | None:
    """The quote with the shortest content around the record: in "X reported that a video
    showed about 20 bodies", "about 20" belongs to what the video showed."""
    around = [quote for quote in quotes if inside_content(record, quote)]
    if not around:
        return None
    return min(around, key=content_length)["quote_id"]


def content_length(quote: Record) -> int:
    return sum(part["end"] - part["start"] for part in content_spans(quote))


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
        if any(heads(mention, speaker) for mention in entity["mentions"]):
            speaker["entity_id"] = entity["entity_id"]
            return


def heads(mention: Record, speaker: Record) -> bool:
    """The speaker phrase ends in the mention ("spokesman Matthew Miller", "the NIS"), so the
    entity is what it names; "an unnamed American official" only contains one."""
    return mention["start"] < speaker["end"] <= mention["end"]


def speech_date(
    quote: Record, dates: list[Record], verbs: dict[tuple[int, int], int]
) -> str | None:
    """The value of the calendar date outside the content whose verb is the cue; the one
    nearest the cue when there are several. `verbs` is `date_verbs` of the article."""
    cue = quote.get("cue")
    if cue is None:
        return None
    candidates = [
        date
        for date in dates
        if (verb := verbs.get((date["start"], date["end"]))) is not None
        and cue["start"] <= verb < cue["end"]
        and not inside_content(date, quote)
    ]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: (abs(d["start"] - cue["start"]), d["start"]))
    return nearest["value"]


def date_verbs(dates: list[Record], doc: Doc) -> dict[tuple[int, int], int]:
    """Where the verb that each calendar date belongs to starts, by the date's span: the
    speech date of a quote is the one whose verb is its cue."""
    verbs = {}
    for date in dates:
        if not CALENDAR_VALUE.match(date.get("value") or ""):
            continue
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        verb = governing_verb(span.root) if span is not None else None
        if verb is not None:
            verbs[date["start"], date["end"]] = verb.idx
    return verbs
