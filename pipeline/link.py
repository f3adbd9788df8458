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
  citing …"). Also the date of a document speaker ("A 2024 report … found"), of the verb of
  speech the cue takes ("declined to say on Tuesday"), and of the cue of the same speaker
  that a subjectless cue is coordinated to ("confirmed on Sunday …, but declined to …").
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
#: The dates (their indices, and the preposition or relation) by where the noun they
#: modify starts.
DateModifiers = dict[int, list[tuple[int, str]]]
#: A TIMEX3 value on the calendar ("2024-12-17", "2024-W51", "2024-06"), not "PAST_REF".
CALENDAR_VALUE = re.compile(r"\d{4}")


def link_article(
    quotes: list[Record],
    quantities: list[Record],
    dates: list[Record],
    entities: list[Record],
    doc: Doc,
    publishing_verbs: frozenset[str] = frozenset(),
    documents: frozenset[str] = frozenset(),
) -> tuple[list[Record], list[Record]]:
    """Return linked copies of `(quotes, quantities)`; the inputs are left unchanged.
    `publishing_verbs` are the lemmas of `models/publishing_verbs.txt`, `documents` the nouns
    of documents and media (`CueLexicon.documents`)."""
    quotes = copied(quotes)
    quantities = copied(quantities)
    quantities_at, dates_at = index_of(quantities), index_of(dates)
    innermost = innermost_quotes(quotes, quantities_at)
    for n, quantity in enumerate(quantities):
        quantity["quote_id"] = innermost[n]["quote_id"] if n in innermost else None
    mentions = SpanIndex(
        (m["start"], m["end"], order) for order, e in enumerate(entities) for m in e["mentions"]
    )
    verbs, adverbials, modifiers = date_verbs(dates, doc)
    cues = frozenset(quote["cue"]["start"] for quote in quotes if quote.get("cue"))
    for quote in quotes:
        quote["quantities"] = [copied(quantities[n]) for n in inside_content(quote, quantities_at)]
        quote["dates"] = [copied(dates[n]) for n in inside_content(quote, dates_at)]
        attach_entity(quote, entities, mentions)
        if quote.get("speech_date") is None:
            participles = event_participles(quote, doc, cues, publishing_verbs)
            participles |= shared_cue(quote, doc, cues)
            events = event_verbs(quote, doc)
            candidates = speech_dates(
                quote, verbs, adverbials, participles, events
            ) | speaker_dates(quote, doc, modifiers, documents)
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
    quote: Record,
    verbs: DatesByVerb,
    adverbials: DatesByVerb,
    participles: frozenset[int],
    event_verbs: frozenset[int] = frozenset(),
) -> set[int]:
    """The calendar dates (their indices) whose verb is the cue or one of the `event_verbs`
    (their offsets: "declined to say on Tuesday"), or that are an adverbial of one of its
    event's `participles` ("speaking on Monday", not "citing her work after the September 11
    attacks"). `verbs` and `adverbials` are `date_verbs` of the article."""
    cue = quote.get("cue")
    if cue is None:
        return set()
    found = {n for char in range(cue["start"], cue["end"]) for n in verbs.get(char, [])}
    found |= {n for char in participles for n in adverbials.get(char, [])}
    return found | {n for char in event_verbs for n in verbs.get(char, [])}


def event_verbs(quote: Record, doc: Doc) -> frozenset[int]:
    """The offsets of the verbs that tell the cue's speech act with it: the verb of speech
    a cue of refusing or going on takes ("declined to say on Tuesday whether …")."""
    cue = span_root(doc, quote.get("cue"))
    if cue is None:
        return frozenset()
    return frozenset(c.idx for c in cue.children if c.dep_ == "xcomp" and c.pos_ == "VERB")


def shared_cue(quote: Record, doc: Doc, cues: frozenset[int]) -> frozenset[int]:
    """The offset of the cue a subjectless cue is coordinated to when the speaker is that
    cue's subject: its time adverbial is this speech act's too ("confirmed on Sunday that
    …, but declined to comment"). `cues` holds the article's cues' offsets."""
    cue = span_root(doc, quote.get("cue"))
    speaker = span_root(doc, quote.get("speaker"))
    if cue is None or speaker is None or cue.dep_ != "conj" or cue.head.idx not in cues:
        return frozenset()
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return frozenset()
    shares = any(c.dep_ == "nsubj" and c.i == speaker.i for c in cue.head.children)
    return frozenset({cue.head.idx}) if shares else frozenset()


def speaker_dates(
    quote: Record, doc: Doc, modifiers: DateModifiers, documents: frozenset[str]
) -> set[int]:
    """The calendar dates that modify the speaker's head: a document's ("A 2024 report by the
    state auditor found"), or "on Tuesday" that the parse hung on the subject ("The
    regulator on Tuesday urged …")."""
    speaker = span_root(doc, quote.get("speaker"))
    if speaker is None:
        return set()
    found = set()
    for n, relation in modifiers.get(speaker.idx, []):
        if relation == "on" or speaker.lemma_.lower() in documents:
            found.add(n)
    return found


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
    found |= put_out_participles(quote, doc, publishing_verbs)
    medium = span_root(doc, quote.get("medium"))
    if medium is not None:
        found |= {c.idx for c in bare_participles(medium, "acl", {"VBN", "VBG"})}
    return frozenset(found)


def put_out_participles(quote: Record, doc: Doc, publishing_verbs: frozenset[str]) -> set[int]:
    """The offsets of the past participles of putting out what spoke: in the speaker phrase
    ("a study of 300,000 children published on Wednesday", where the parse hangs it on
    "children"), the one whose agent the speaker is ("figures published by the agency on
    Tuesday"), and one on the cue ("In a letter to the board, published on Wednesday, the
    commission said")."""
    found = set()
    speaker = quote.get("speaker")
    phrase = (
        doc.char_span(speaker["start"], speaker["end"], alignment_mode="expand")
        if speaker
        else None
    )
    if phrase is not None:
        words = [t for t in phrase if t.dep_ == "acl"]
        words += bare_participles(phrase.root, "acl", {"VBN", "VBD"})
        if phrase.root.head.dep_ == "agent":
            words.append(phrase.root.head.head)
        found |= {t.idx for t in words if is_put_out(t, publishing_verbs)}
    cue = span_root(doc, quote.get("cue"))
    if cue is not None:
        found |= {
            c.idx
            for c in bare_participles(cue, "advcl", {"VBN", "VBD"})
            if is_put_out(c, publishing_verbs)
        }
    return found


def is_put_out(token: Token, publishing_verbs: frozenset[str]) -> bool:
    """A past participle (the tagger may say VBD) of a verb of putting out a document."""
    return token.tag_ in {"VBN", "VBD"} and token.lemma_.lower() in publishing_verbs


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


def date_verbs(dates: list[Record], doc: Doc) -> tuple[DatesByVerb, DatesByVerb, DateModifiers]:
    """The calendar dates (their indices) by where the verb starts that each belongs to (the
    speech date of a quote is the one whose verb is its cue); by where the verb starts that
    each is an adverbial of, directly or through a preposition or two ("posted Friday",
    "released on March 3", "speaking at a news conference on Wednesday"); and by where the
    noun starts that each modifies, with how ("a 2024 report": "nummod"; "the regulator on
    Tuesday": "on")."""
    verbs: DatesByVerb = {}
    adverbials: DatesByVerb = {}
    modifiers: DateModifiers = {}
    for n, date in enumerate(dates):
        if not CALENDAR_VALUE.match(date.get("value") or ""):
            continue
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        if span is None:
            continue
        if (verb := governing_verb(span.root)) is not None:
            verbs.setdefault(verb.idx, []).append(n)
        head = adverbial_head(span.root)
        if head.pos_ in {"VERB", "AUX"}:
            adverbials.setdefault(head.idx, []).append(n)
        noun, relation = span.root.head, span.root.dep_
        if relation == "pobj" and noun.dep_ == "prep":
            noun, relation = noun.head, noun.lower_
        if noun.pos_ in {"NOUN", "PROPN"} and noun.i != span.root.i:
            modifiers.setdefault(noun.idx, []).append((n, relation))
    return verbs, adverbials, modifiers


def adverbial_head(token: Token) -> Token:
    """The word a date's phrase is an adverbial of: past its preposition, and past a second
    one whose object the first phrase modifies ("at a news conference on Wednesday")."""
    head = token.head
    if head.dep_ != "prep":
        return head
    head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
        return head.head.head
    return head
