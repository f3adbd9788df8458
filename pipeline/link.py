"""Link stage: connect the records of one article.

- a quantity or date whose span lies inside a quote's content (or one of its parts) is copied
  into that quote's `quantities` / `dates`; a quantity's `quote_id` is the innermost such
  quote (a nested attribution's, not its parent's);
- a speaker mention that ends in a mention of an entity gets that entity's `entity_id`;
- a quote without a `speech_date` takes the calendar date that the parse attaches to its cue
  ("told the Guardian on Tuesday", "have insisted since November"), outside its content, or
  to a participle that tells the same speech event: one hung on the cue ("Vale, speaking
  yesterday, warned") or describing the medium ("in a statement released on March 3").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from .dates import governing_verb

Record = dict[str, Any]
#: Where a verb starts, by the span of a date that belongs to it.
DateVerbs = dict[tuple[int, int], int]
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
    verbs, adverbials = date_verbs(dates, doc)
    for quote in quotes:
        quote["quantities"] = [copied(q) for q in quantities if inside_content(q, quote)]
        quote["dates"] = [copied(d) for d in dates if inside_content(d, quote)]
        attach_entity(quote, entities)
        if quote.get("speech_date") is None:
            participles = event_participles(quote, doc)
            quote["speech_date"] = speech_date(quote, dates, verbs, adverbials, participles)
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
    quote: Record,
    dates: list[Record],
    verbs: DateVerbs,
    adverbials: DateVerbs,
    participles: frozenset[int],
) -> str | None:
    """The value of the calendar date outside the content whose verb is the cue, or that is
    an adverbial of one of its event's `participles` (their offsets: "speaking on Monday",
    not "citing her work after the September 11 attacks"); the one nearest the cue when
    there are several. `verbs` and `adverbials` are `date_verbs` of the article."""
    cue = quote.get("cue")
    if cue is None:
        return None
    candidates = [
        date
        for date in dates
        if (
            cue["start"] <= verbs.get((date["start"], date["end"]), -1) < cue["end"]
            or adverbials.get((date["start"], date["end"])) in participles
        )
        and not inside_content(date, quote)
    ]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda d: (abs(d["start"] - cue["start"]), d["start"]))
    return nearest["value"]


def event_participles(quote: Record, doc: Doc) -> frozenset[int]:
    """The offsets of the participles that tell a quote's speech event: a bare present
    participle on its cue or its speaker ("Kirby, speaking to reporters on Monday, said",
    "Vale, speaking yesterday, warned"; not "after leaving office in 2019, he said" nor
    "Vale, elected in 2019, said"), and one that describes its medium ("in a statement
    released on March 3")."""
    found = set()
    for part, dep, tags in (("cue", "advcl", {"VBG"}), ("speaker", "acl", {"VBG"})):
        head = span_root(doc, quote.get(part))
        if head is not None:
            found |= {c.idx for c in bare_participles(head, dep, tags)}
    medium = span_root(doc, quote.get("medium"))
    if medium is not None:
        found |= {c.idx for c in bare_participles(medium, "acl", {"VBN", "VBG"})}
    return frozenset(found)


def span_root(doc: Doc, span: Record | None) -> Token | None:
    found = doc.char_span(span["start"], span["end"], alignment_mode="expand") if span else None
    return found.root if found is not None else None


def bare_participles(head: Token, dep: str, tags: set[str]) -> list[Token]:
    return [
        c
        for c in head.children
        if c.dep_ == dep and c.tag_ in tags and not any(m.dep_ == "mark" for m in c.children)
    ]


def date_verbs(dates: list[Record], doc: Doc) -> tuple[DateVerbs, DateVerbs]:
    """By each calendar date's span, where the verb it belongs to starts (the speech date of a
    quote is the one whose verb is its cue), and where the verb starts that it is an
    adverbial of, directly or through one preposition ("posted Friday", "released on March 3")."""
    verbs, adverbials = {}, {}
    for date in dates:
        if not CALENDAR_VALUE.match(date.get("value") or ""):
            continue
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is None:
            continue
        if (verb := governing_verb(span.root)) is not None:
            verbs[date["start"], date["end"]] = verb.idx
        head = span.root.head
        if head.dep_ == "prep":
            head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            adverbials[date["start"], date["end"]] = head.idx
    return verbs, adverbials
