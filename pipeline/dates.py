"""Dates stage: temporal expressions as TIMEX3 values anchored on the publication date.

Spans come from spaCy's DATE and TIME entities, joined where the model split one expression
("10 p.m." + "Wednesday"), plus the expressions the model misses ("now", "recently",
"daily", "Sept. 30"), found with the word lists of `models/timex_words.tsv`. Spans are
trimmed the TimeML way (no leading "on"/"in"; "the past three months" whole), ages and bare
numbers are dropped, and `timex.Normaliser` gives each its type, value and mod. The parse says
whether the clause is about the future ("will meet on Monday"), which decides the direction
in which a weekday or a month without a year is resolved.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from .read import Article
from .timex import QUARTER_VALUE, Context, Normaliser, Tense, Timex, TimexWords

TEMPORAL_LABELS = frozenset({"DATE", "TIME"})
#: Words that may lead a span but are not part of a TIMEX3 ("since" is kept as a mod).
LEADING_WORDS = frozenset(
    {"on", "in", "at", "since", "by", "from", "until", "till", "during", "for", "of", "to", "as"}
)
#: Spans that are never dates: ages ("44-year-old", "52 years old") and bare small numbers.
NOT_A_DATE = re.compile(
    r".*\b(?:years?|months?|weeks?|days?)[- ]old\b.*|\d{1,3}|\d{5,}|(?:quarterly|annual)",
    re.IGNORECASE,
)
#: A stand-in anchor, used only to tell whether an expression that has no value without a
#: publication date is a temporal expression at all.
PROBE_ANCHOR = date(2000, 1, 1)
#: How many tokens up the tree `governing_verb` looks for the verb of a date.
MAX_VERB_DISTANCE = 4
#: Words at which a span the normaliser cannot read as a whole is split into expressions:
#: "its fourth quarter ended Sept. 30", "Monday and Tuesday".
SPLIT_AT = re.compile(r",? (?:ended|ending|and|or|to|through|from|until|compared with|of) |, ")

Record = dict[str, Any]


class DateStage:
    name = "dates"

    def __init__(self, words: TimexWords | None = None) -> None:
        self.words = words or TimexWords.load()
        self.normaliser = Normaliser(self.words)
        self.extra = extra_expressions(self.words)

    def __call__(self, doc: Doc, article: Article) -> list[Record]:
        anchor = publication_date(article.published)
        found = self.read_spans(doc, article.text, anchor)
        return [
            self.record(article, f"D{number}", start, end, timex, anchor)
            for number, (start, end, timex) in enumerate(found, 1)
        ]

    def read_spans(self, doc: Doc, text: str, anchor: date | None) -> list[tuple[int, int, Timex]]:
        """Every expression with its TIMEX3, in text order. A quarter the text names
        ("third-quarter") is what a later "the quarter" or "a year earlier" refers to."""
        found: list[tuple[int, int, Timex]] = []
        quarter = None
        for start, end in self.candidate_spans(doc, text):
            for piece in self.read_span(doc, text, start, end, anchor, quarter):
                found.append(piece)
                value, named = piece[2].value or "", text[piece[0] : piece[1]].lower()
                if "quarter" in named and QUARTER_VALUE.fullmatch(value):
                    quarter = value
        return found

    def record(
        self,
        article: Article,
        date_id: str,
        start: int,
        end: int,
        timex: Timex,
        anchor: date | None,
    ) -> Record:
        text = article.text
        return {
            "doc_id": article.doc_id,
            "date_id": date_id,
            "text": text[start:end],
            "start": start,
            "end": end,
            "type": timex.type,
            "value": timex.value,
            "mod": timex.mod or mod_before(text, start, self.words["mod_before"]),
            "anchor": anchor.isoformat() if anchor else None,
        }

    def read_span(
        self, doc: Doc, text: str, start: int, end: int, anchor: date | None, quarter: str | None
    ) -> list[tuple[int, int, Timex]]:
        """The span's TIMEX3, or those of its parts when it holds several expressions."""
        span = doc.char_span(start, end, alignment_mode="expand")
        context = Context(anchor, tense_of(span, self.words) if span else None, quarter)
        timex = self.normaliser(text[start:end], context) or self.unanchored(
            text[start:end], context
        )
        if timex is not None:
            return [(start, end, timex)]
        pieces = []
        for part_start, part_end in split_span(text, start, end):
            if (part_start, part_end) != (start, end):
                pieces += self.read_span(doc, text, part_start, part_end, anchor, quarter)
        return pieces

    def unanchored(self, text: str, context: Context) -> Timex | None:
        """An expression whose value needs the publication date the article lacks ("last
        week"): its type, with the value null."""
        if context.anchor is not None:
            return None
        probe = self.normaliser(text, replace(context, anchor=PROBE_ANCHOR))
        return Timex(probe.type, None, probe.mod) if probe else None

    def candidate_spans(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Character spans of the temporal expressions, trimmed, merged and in order."""
        spans = [
            (ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in TEMPORAL_LABELS
        ]
        spans += [match.span() for match in self.extra.finditer(text)]
        trimmed = (trim(text, start, end) for start, end in sorted(spans))
        kept = [(s, e) for s, e in trimmed if e > s and not NOT_A_DATE.fullmatch(text[s:e])]
        return merge_spans(kept, text)


def extra_expressions(words: TimexWords) -> re.Pattern[str]:
    """Expressions the NER model tends to miss: reference and set words, "Sept. 30",
    "every day"."""
    phrases = sorted({*words["reference"], *words["set"]}, key=len, reverse=True)
    months = "|".join(
        re.escape(word.capitalize()) for word in sorted(words["month"], key=len, reverse=True)
    )
    return re.compile(
        r"(?i:\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b)"
        rf"|\b(?:{months})\.? \d{{1,2}}\b(?:, \d{{4}}\b)?"
        r"|(?i:\b(?:every|each) (?:other )?(?:day|week|month|year|morning|night)\b)"
        r"|(?<=\b(?:in|of|by) )May\b(?: \d{4}\b)?"
    )


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading prepositions, a trailing possessive "'s" and punctuation."""
    words = text[start:end].split(" ")
    while len(words) > 1 and words[0].lower() in LEADING_WORDS:
        start += len(words.pop(0)) + 1
    span = text[start:end]
    for suffix in ("'s", "’s", "'", ",", ";", ":"):
        if span.endswith(suffix):
            end -= len(suffix)
            span = span[: -len(suffix)]
    if span.endswith(" of"):
        end -= 3
    return start, end


def merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Overlapping spans become one, as do spans separated by a space only ("10 p.m." +
    "Wednesday", "Friday" + "morning")."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start < merged[-1][1] or text[merged[-1][1] : start] == " "):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def publication_date(published: str | None) -> date | None:
    return date.fromisoformat(published[:10]) if published else None


def split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span between the words of `SPLIT_AT`."""
    parts, position = [], start
    for match in SPLIT_AT.finditer(text, start, end):
        parts.append((position, match.start()))
        position = match.end()
    parts.append((position, end))
    return [(s, e) for s, e in parts if e > s]


def tense_of(span: Span, words: TimexWords) -> Tense:
    """Where the clause of the span points: "will meet on Monday" and "plans to announce on
    Nov. 6" to the future, "met on Monday" to the past. A deadline
    ("extended to Nov. 20", "by Jan. 14"), a date on an adjective ("payable Dec. 7") and one
    inside a noun phrase ("the Friday explosions") point to neither."""
    attachment = span.root.head
    if attachment.lower_ in words["deadline"] or attachment.pos_ == "ADJ":
        return None
    if attachment.pos_ == "ADP" and span.root.dep_ == "pobj":
        attachment = attachment.head
    if attachment.pos_ not in ("VERB", "AUX"):
        return None  # a date inside a noun phrase: "Wednesday's ruling"
    verb = attachment
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    nearby = [verb, *auxiliaries]
    if verb.dep_ == "xcomp":
        nearby += [verb.head, *verb.head.children]
    if any(token.lower_ in words["future"] or token.lemma_ in words["future"] for token in nearby):
        return "future"
    if any(child.lower_ == "to" for child in auxiliaries):
        return None  # an infinitive has no tense of its own: "to mark its entry on Friday"
    if any("Past" in token.morph.get("Tense") for token in [verb, *auxiliaries]):
        return "past"
    if any(token.lemma_ == "have" for token in auxiliaries):
        return "past"
    return None


def governing_verb(token: Token) -> Token | None:
    """The verb a date belongs to ("told reporters on Tuesday" → "told"), for the link
    stage's speech date."""
    for _ in range(MAX_VERB_DISTANCE):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def mod_before(text: str, start: int, words: dict[str, str]) -> str | None:
    """The mod a preposition before the span gives it: "since November" → START."""
    preceding = text[max(0, start - 12) : start].split()
    return words.get(preceding[-1].lower()) if preceding else None
