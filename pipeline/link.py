"""Link stage: connect the records of one article.

- a quantity or date whose span ends inside a quote's content (or one of its parts) is copied
  into that quote's `quantities` / `dates`; a quantity's `quote_id` is the innermost such
  quote (a nested attribution's, not its parent's);
- a speaker mention that ends in a mention of an entity gets that entity's `entity_id`;
- a quote without a `speech_date` takes the calendar date that the parse attaches to its cue
  ("told the Guardian on Tuesday", "have insisted since November"), outside its content, or
  to a participle that tells the same speech event: one hung on the cue ("Vale, speaking
  yesterday, warned"), describing the medium ("in a statement released on March 3") or
  putting out a document that speaks ("The study, published on Wednesday, estimated"); a
  participle cue takes the date of the event it belongs to ("suggested on Wednesday …,
  citing …").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from .dates import governing_verb
from .span_index import SpanIndex

Record = dict[str, Any]
#: The dates (their indices) by where the verb they belong to starts.
DatesByVerb = dict[int, list[int]]
#: A TIMEX3 value on the calendar ("2024-12-17", "2024-W51", "2024-06"), not "PAST_REF".
CALENDAR_VALUE = re.compile(r"\d{4}")


def link_article(
    quotes: list[Record],
    quantities: list[Record],
    dates: list[Record],
    entities: list[Record],
    doc: Doc,
    publishing_verbs: frozenset[str] = frozenset(),
) -> tuple[list[Record], list[Record]]:
    """Return linked copies of `(quotes, quantities)`; the inputs are left unchanged.
    `publishing_verbs` are the lemmas of `models/publishing_verbs.txt`."""
    quotes = copied(quotes)
    quantities = copied(quantities)
    quantities_at, dates_at = index_of(quantities), index_of(dates)
    innermost = innermost_quotes(quotes, quantities_at)
    for n, quantity in enumerate(quantities):
        quantity["quote_id"] = innermost[n]["quote_id"] if n in innermost else None
    mentions = SpanIndex(
        (m["start"], m["end"], order) for order, e in enumerate(entities) for m in e["mentions"]
    )
    verbs, adverbials = date_verbs(dates, doc)
    cues = frozenset(quote["cue"]["start"] for quote in quotes if quote.get("cue"))
    for quote in quotes:
        quote["quantities"] = [copied(quantities[n]) for n in inside_content(quote, quantities_at)]
        quote["dates"] = [copied(dates[n]) for n in inside_content(quote, dates_at)]
        attach_entity(quote, entities, mentions)
        if quote.get("speech_date") is None:
            participles = event_participles(quote, doc, cues, publishing_verbs)
            candidates = speech_dates(quote, verbs, adverbials, participles)
            outside = set(candidates) - set(inside_content(quote, dates_at))
            quote["speech_date"] = nearest_value(quote, [dates[n] for n in sorted(outside)])
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


def index_of(records: list[Record]) -> SpanIndex[int]:
    """The records' spans, each with its index in `records`."""
    return SpanIndex((record["start"], record["end"], n) for n, record in enumerate(records))


def inside_content(quote: Record, records: SpanIndex[int]) -> list[int]:
    """The indices of the records whose span ends inside the quote's content, or one of its
    parts, in their order: those inside it, and those whose hedge is the cue before it ("an
    estimated [12,000 troops]" holds the quantity "an estimated 12,000")."""
    parts = quote["content"].get("parts") or [quote["content"]]
    return sorted({n for part in parts for n in records.ending_inside(part["start"], part["end"])})


def innermost_quotes(quotes: list[Record], records: SpanIndex[int]) -> dict[int, Record]:
    """By record index, the quote with the shortest content around it (the first such): in "X
    reported that a video showed about 20 bodies", "about 20" belongs to what the video
    showed."""
    innermost: dict[int, Record] = {}
    for quote in quotes:
        for n in inside_content(quote, records):
            if n not in innermost or content_length(quote) < content_length(innermost[n]):
                innermost[n] = quote
    return innermost


def content_length(quote: Record) -> int:
    parts = quote["content"].get("parts") or [quote["content"]]
    return sum(part["end"] - part["start"] for part in parts)


def attach_entity(quote: Record, entities: list[Record], mentions: SpanIndex[int]) -> None:
    """The speaker phrase ends in a mention ("spokesman Matthew Miller", "the NIS"), so the
    entity is what it names; "an unnamed American official" only contains one. `mentions`
    holds each mention with its entity's index."""
    speaker = quote.get("speaker")
    if not speaker or speaker.get("entity_id"):
        return
    owners = mentions.around(speaker["end"] - 1, speaker["end"])
    if owners:
        speaker["entity_id"] = entities[min(owners)]["entity_id"]


def speech_dates(
    quote: Record, verbs: DatesByVerb, adverbials: DatesByVerb, participles: frozenset[int]
) -> set[int]:
    """The calendar dates (their indices) whose verb is the cue, or that are an adverbial of
    one of its event's `participles` (their offsets: "speaking on Monday", not "citing her
    work after the September 11 attacks"). `verbs` and `adverbials` are `date_verbs` of the
    article."""
    cue = quote.get("cue")
    if cue is None:
        return set()
    found = {n for char in range(cue["start"], cue["end"]) for n in verbs.get(char, [])}
    return found | {n for char in participles for n in adverbials.get(char, [])}


def nearest_value(quote: Record, dates: list[Record]) -> str | None:
    """The value of the date nearest the cue, the earlier one on a tie."""
    if not dates:
        return None
    cue = quote["cue"]
    nearest = min(dates, key=lambda d: (abs(d["start"] - cue["start"]), d["start"]))
    return nearest["value"]


def event_participles(
    quote: Record, doc: Doc, cues: frozenset[int], publishing_verbs: frozenset[str]
) -> frozenset[int]:
    """The offsets of the participles that tell a quote's speech event: a bare present
    participle on its cue or its speaker ("Kirby, speaking to reporters on Monday, said",
    "Vale, speaking yesterday, warned"; not "after leaving office in 2019, he said" nor
    "Vale, elected in 2019, said") or a past one of putting it out ("The study, published
    on Wednesday, estimated", "according to a complaint filed on Monday"), one that
    describes its medium ("in a statement released on March 3"), and for a cue that is such
    a participle itself, the event it belongs to ("suggested on Wednesday …, citing …").
    `cues` holds the article's cues' offsets."""
    found = set()
    cue = span_root(doc, quote.get("cue"))
    if cue is not None and is_bare_participle(cue, "advcl", {"VBG"}):
        found.add(governing_event(cue, cues).idx)
    for part, dep, tags in (("cue", "advcl", {"VBG"}), ("speaker", "acl", {"VBG"})):
        head = span_root(doc, quote.get(part))
        if head is not None:
            found |= {c.idx for c in bare_participles(head, dep, tags)}
    speaker = span_root(doc, quote.get("speaker"))
    if speaker is not None:
        put_out = bare_participles(speaker, "acl", {"VBN", "VBD"})  # the tagger may say VBD
        found |= {c.idx for c in put_out if c.lemma_.lower() in publishing_verbs}
    medium = span_root(doc, quote.get("medium"))
    if medium is not None:
        found |= {c.idx for c in bare_participles(medium, "acl", {"VBN", "VBG"})}
    return frozenset(found)


def governing_event(participle: Token, cues: frozenset[int]) -> Token:
    """The event a participle cue belongs to: the nearest cue above it ("suggested on
    Wednesday that hundreds had died, citing …", where the parse hangs "citing" on "died"),
    else the verb it hangs on ("on Monday postponed the launch, citing …")."""
    return next((t for t in participle.ancestors if t.idx in cues), participle.head)


def span_root(doc: Doc, span: Record | None) -> Token | None:
    found = doc.char_span(span["start"], span["end"], alignment_mode="expand") if span else None
    return found.root if found is not None else None


def bare_participles(head: Token, dep: str, tags: set[str]) -> list[Token]:
    return [c for c in head.children if is_bare_participle(c, dep, tags)]


def is_bare_participle(token: Token, dep: str, tags: set[str]) -> bool:
    return (
        token.dep_ == dep
        and token.tag_ in tags
        and not any(m.dep_ == "mark" for m in token.children)
    )


def date_verbs(dates: list[Record], doc: Doc) -> tuple[DatesByVerb, DatesByVerb]:
    """The calendar dates (their indices) by where the verb starts that each belongs to (the
    speech date of a quote is the one whose verb is its cue), and by where the verb starts
    that each is an adverbial of, directly or through one preposition ("posted Friday",
    "released on March 3")."""
    verbs: DatesByVerb = {}
    adverbials: DatesByVerb = {}
    for n, date in enumerate(dates):
        if not CALENDAR_VALUE.match(date.get("value") or ""):
            continue
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is None:
            continue
        if (verb := governing_verb(span.root)) is not None:
            verbs.setdefault(verb.idx, []).append(n)
        head = span.root.head
        if head.dep_ == "prep":
            head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            adverbials.setdefault(head.idx, []).append(n)
    return verbs, adverbials
