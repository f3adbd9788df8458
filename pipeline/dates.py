"""Dates stage: temporal expressions as TIMEX3 values anchored on the publication date.

Spans come from spaCy's DATE and TIME entities, joined where the model split one expression
("10 p.m." + "Wednesday"), plus the expressions the model misses ("now", "recently",
"daily", "Sept. 30"), found with the word lists of `models/timex_words.tsv`. Spans are
trimmed the TimeML way (no leading "on"/"in"; "the past three months" whole), ages and bare
numbers are dropped, and `timex.Normaliser` gives each its type, value and mod. The parse says
whether the clause is about the future ("will meet on Monday"), which decides the direction
in which a weekday or a month without a year is resolved. The expressions are read in text
order, and each calendar date moves the article's reference time (`timex.Reference`), from
which the next anaphoric expressions ("the following year", "two days later") count; it is
per-article state, passed along explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from spacy.tokens import Doc, Span, Token

from .read import Article
from .timex import Context, Normaliser, Reference, Tense, Timex, TimexWords

TEMPORAL_LABELS = frozenset({"DATE", "TIME"})
#: Words that tell which period a bare unit is ("this year", "last week").
DETERMINERS = frozenset({"this", "last", "next", "that"})
#: Spans that are never dates: ages ("44-year-old", "52 years old") and bare small numbers.
NOT_A_DATE = re.compile(
    r".*\b(?:years?|months?|weeks?|days?)[- ]old\b.*|\d{1,3}|\d{5,}|(?:quarterly|annual)",
    re.IGNORECASE,
)
#: A stand-in anchor, used only to tell whether an expression that has no value without a
#: publication date is a temporal expression at all.
PROBE_ANCHOR = date(2000, 1, 1)
#: Dependency labels of auxiliaries ("will", "was", "to").
AUXILIARY = frozenset({"aux", "auxpass"})
#: How many tokens up the tree `governing_verb` and `clause_verb` look for a verb.
MAX_VERB_DISTANCE = 5
#: The dependencies of a clause's subject, which a date inside belongs to, not the verb.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Where a span the normaliser cannot read as a whole is split into expressions: at these
#: words ("its second quarter ended June 30", "Monday and Tuesday"), else at commas; each
#: part is read whole first, so "the year ending April 30, 1991" keeps its date whole.
SPLIT_AT = (
    re.compile(r",? (?:ended|ending|and|or|to|through|from|until|compared with|of) "),
    re.compile(r", "),
)

#: "the year ended April 30": a year of accounts, the twelve months up to that day, is a
#: duration bounded by the date, not the calendar year.
YEAR_OF_ACCOUNTS = re.compile(r"(?i)(?:the )?(?:fiscal )?year")
ENDED = re.compile(r",? (?:ended|ending) ")

Record = dict[str, Any]


class Candidate(NamedTuple):
    """A span to read, and the spans it was merged from ("more than three hours" +
    "Sunday"): those are read one by one when the whole is not one expression."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


class DateStage:
    name = "dates"

    def __init__(self, words: TimexWords | None = None) -> None:
        self.words = words or TimexWords.load()
        self.normaliser = Normaliser(self.words)
        self.extra = extra_expressions(self.words)
        self.leading = frozenset(self.words["leading"])
        self.kept_phrases = tuple(phrase for phrase in self.words["mod"] if " " in phrase)

    def __call__(self, doc: Doc, article: Article) -> list[Record]:
        anchor = publication_date(article.published)
        found = self.read_spans(doc, article.text, anchor)
        return [
            self.record(article, f"D{number}", start, end, timex, anchor)
            for number, (start, end, timex) in enumerate(found, 1)
        ]

    def read_spans(self, doc: Doc, text: str, anchor: date | None) -> list[tuple[int, int, Timex]]:
        """Every expression with its TIMEX3, in text order. Each calendar date becomes the
        reference time of the expressions after it ("the following year", "the quarter"),
        unless it is only a comparison ("up from a year earlier")."""
        found: list[tuple[int, int, Timex]] = []
        reference = Reference()
        for start, end, parts in self.candidate_spans(doc, text):
            pieces = self.read_span(doc, text, start, end, anchor, reference)
            if not pieces and len(parts) > 1:
                pieces = [
                    piece
                    for part_start, part_end in parts
                    for piece in self.read_span(doc, text, part_start, part_end, anchor, reference)
                ]
            for piece in pieces:
                found.append(piece)
                timex = piece[2]
                if timex.type in TEMPORAL_LABELS and not timex.comparison:
                    reference = reference.moved_to(timex.value)
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
        self,
        doc: Doc,
        text: str,
        start: int,
        end: int,
        anchor: date | None,
        reference: Reference,
    ) -> list[tuple[int, int, Timex]]:
        """The span's TIMEX3, or those of its parts when it holds several expressions."""
        if YEAR_OF_ACCOUNTS.fullmatch(text, start, end) and ENDED.match(text, end):
            return [(start, end, Timex("DURATION", "P1Y"))]
        span = doc.char_span(start, end, alignment_mode="expand")
        context = Context(anchor, tense_of(span, self.words) if span else None, reference)
        timex = self.normaliser(text[start:end], context) or self.unanchored(
            text[start:end], context
        )
        if timex is not None:
            return [(start, end, timex)]
        pieces = []
        for part_start, part_end in split_span(text, start, end):
            part_start, part_end = self.trim(text, part_start, part_end)
            if part_end > part_start and (part_start, part_end) != (start, end):
                pieces += self.read_span(doc, text, part_start, part_end, anchor, reference)
        return pieces

    def unanchored(self, text: str, context: Context) -> Timex | None:
        """An expression whose value needs the publication date the article lacks ("last
        week"): its type, with the value null."""
        if context.anchor is not None:
            return None
        probe = self.normaliser(text, replace(context, anchor=PROBE_ANCHOR))
        return Timex(probe.type, None, probe.mod) if probe else None

    def candidate_spans(self, doc: Doc, text: str) -> list[Candidate]:
        """Character spans of the temporal expressions, trimmed, merged and in order."""
        units = self.words["unit"]
        spans = [
            (with_determiner(ent, units), ent.end_char)
            for ent in doc.ents
            if ent.label_ in TEMPORAL_LABELS
        ]
        spans += [match.span() for match in self.extra.finditer(text)]
        trimmed = (self.trim(text, start, end) for start, end in sorted(spans))
        kept = [(s, e) for s, e in trimmed if e > s and not NOT_A_DATE.fullmatch(text[s:e])]
        return merge_spans(kept, text)

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        return trim(text, start, end, self.leading, self.kept_phrases)


def with_determiner(ent: Span, units: Collection[str]) -> int:
    """The start of an entity, with the "this", "last" or "next" the model left out of a bare
    unit ("This year's results": "year")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in DETERMINERS and ent[0].lower_ in units:
        return before.idx
    return ent.start_char


def extra_expressions(words: TimexWords) -> re.Pattern[str]:
    """Expressions the NER model tends to miss: reference and set words, "Sept. 30", "every
    day", "each Thursday", holidays, "the following day", "the latest quarter".

    Each starts with a word's first letter, which the pattern checks before it tries them
    one by one: that halves the time of a scan of the article."""
    phrases = sorted({*words["reference"], *words["set"]}, key=len, reverse=True)
    months = "|".join(
        re.escape(word.capitalize()) for word in sorted(words["month"], key=len, reverse=True)
    )
    return re.compile(
        r"\b(?=[^\W\d_])(?:"
        r"(?i:\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b)"
        rf"|\b(?:{months})\.? \d{{1,2}}\b(?:, \d{{4}}\b)?"
        r"|(?i:\b(?:every|each) (?:other )?(?:day|week|month|year|morning|night)\b)"
        rf"|(?i:\b(?:every|each) (?:{words.pattern('weekday')}|{months})\b)"
        rf"|\b(?:last )?{holiday_names(words)}\b"
        r"|(?<=\b(?:in|of|by) )May\b(?: \d{4}\b)?"
        rf"|(?i:\b{anaphoric_phrases(words)}\b)"
        r"|(?i:\bthe (?:latest|year-ago|year-earlier) (?:quarter|period)\b)"
        r")"
    )


def holiday_names(words: TimexWords) -> str:
    """The holidays of the lexicon as written in text: "Thanksgiving Day", "New Year's Eve"."""
    names = [
        "(?:'s|’s)? ".join(word.capitalize() for word in holiday.split())
        for holiday in sorted(words["holiday"], key=len, reverse=True)
        if not holiday.startswith("the ")
    ]
    return "(?:" + "|".join(names) + ")"


def anaphoric_phrases(words: TimexWords) -> str:
    """ "the following day", "that week", "the next morning": phrases the NER model misses."""
    units = "|".join(["day", "week", "month", "year", *words["part_of_day"]])
    return rf"(?:(?:the )?{words.pattern('anaphor')}|the next) (?:{units})"


def trim(
    text: str, start: int, end: int, leading: Collection[str], keep: tuple[str, ...] = ()
) -> tuple[int, int]:
    """Drop the `leading` words (prepositions), a trailing possessive "'s" and punctuation; a
    leading word that starts one of the phrases `keep` ("at least", "as early as") stays."""
    words = text[start:end].split(" ")
    while len(words) > 1 and words[0].lower() in leading:
        if " ".join(words).lower().startswith(keep):
            break
        start += len(words.pop(0)) + 1
    span = text[start:end]
    for suffix in ("'s", "’s", "'", ",", ";", ":"):
        if span.endswith(suffix):
            end -= len(suffix)
            span = span[: -len(suffix)]
    if span.endswith(" of"):
        end -= 3
    return start, end


def merge_spans(spans: list[tuple[int, int]], text: str) -> list[Candidate]:
    """Overlapping spans become one, as do spans separated by a space only ("10 p.m." +
    "Wednesday", "Friday" + "morning")."""
    merged: list[Candidate] = []
    for start, end in spans:
        if merged and (start < merged[-1].end or text[merged[-1].end : start] == " "):
            last = merged[-1]
            merged[-1] = Candidate(last.start, max(end, last.end), (*last.parts, (start, end)))
        else:
            merged.append(Candidate(start, end, ((start, end),)))
    return merged


def publication_date(published: str | None) -> date | None:
    return date.fromisoformat(published[:10]) if published else None


def split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span between the words of `SPLIT_AT`, else between its commas."""
    for separator in SPLIT_AT:
        parts, position = [], start
        for match in separator.finditer(text, start, end):
            parts.append((position, match.start()))
            position = match.end()
        parts.append((position, end))
        if len(parts) > 1:
            return [(s, e) for s, e in parts if e > s]
    return [(start, end)]


def tense_of(span: Span, words: TimexWords) -> Tense:
    """Where the clause of the span points: "will meet on Monday", "plans to announce on Nov.
    6" and "is set to resume Monday" to the future, "met on Monday" to the past. A date inside
    a noun phrase ("Wednesday's ruling", "the Friday protests") or on an adjective ("payable
    Dec. 9") points to neither; nor does a deadline ("extended to Nov. 18", "by Jan. 14")
    unless the clause points ahead or the verb puts something off ("postponed until Tuesday").
    A date on a noun takes only a clause that points ahead ("will lead a mission in
    December"): "criticized the ruling of Tuesday" says nothing of when the ruling was.
    """
    root = span.root
    if root.dep_ in ("poss", "compound") or root.head.pos_ == "ADJ":
        return None
    attachment, deadline = root.head, root.head.lower_ in words["deadline"]
    if attachment.pos_ == "ADP" and root.dep_ == "pobj":
        attachment = attachment.head
    on_noun = attachment.pos_ in ("NOUN", "PROPN")
    verb = clause_verb(attachment.head if on_noun else attachment)
    if verb is None:
        return None
    tense = verb_tense(verb, words)
    if on_noun:
        return "future" if tense == "future" else None
    if deadline and tense != "future":
        return "future" if verb.lemma_ in words["postpone"] else None
    return tense


def clause_verb(token: Token) -> Token | None:
    """The verb a date is attached to, through adverbs and prepositions ("could arrive as
    early as Tuesday"); None past a noun or an adjective."""
    for _ in range(MAX_VERB_DISTANCE):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.pos_ not in ("ADV", "ADP") or token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token, words: TimexWords) -> Tense:
    """The direction of a clause from its verb group. A participle without an auxiliary
    ("the plan, unveiled in March") is past, unless it sets something up ("a summit set for
    April", "a service planned for Saturday"): then the date may lie either way."""
    auxiliaries = [child for child in verb.children if child.dep_ in AUXILIARY]
    nearby = [verb, *auxiliaries]
    if verb.dep_ == "xcomp":
        nearby += [verb.head, *verb.head.children]
    if any(points_ahead(token, words) for token in nearby):
        return "future"
    if any(child.lower_ == "to" for child in auxiliaries):
        # an infinitive has no tense of its own ("to mark its entry on Friday"), but "is to
        # testify Tuesday" and "set to resume Monday" look ahead
        head = verb.head
        copula = head.head if head.dep_ == "acomp" else head  # "had been due to close"
        ahead = head.lemma_ in words["future_infinitive"] and not is_past_form(copula)
        return "future" if verb.dep_ == "xcomp" and ahead else None
    if any(token.lemma_ == "have" or is_finite_past(token) for token in auxiliaries):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries:
        sets_up = verb.lemma_ in words["future"] or verb.lemma_ in words["future_infinitive"]
        return None if sets_up else "past"
    return None


def points_ahead(token: Token, words: TimexWords) -> bool:
    """A modal ("will", "could") or a word of intent ("plans", "planned", "is expected"),
    unless it is a bare participle ("a concert planned for Saturday was called off") or
    pluperfect ("had been scheduled to close Friday"): those look back from a past event."""
    if token.lower_ not in words["future"] and token.lemma_ not in words["future"]:
        return False
    if token.tag_ == "MD":  # but not "may have been", "would have said"
        return not any(child.lemma_ == "have" for child in token.head.children)
    auxiliaries = [child for child in token.children if child.dep_ in AUXILIARY]
    if token.tag_ == "VBN" and not auxiliaries:
        return False
    return not any(child.lemma_ == "have" and is_finite_past(child) for child in auxiliaries)


def is_past_form(token: Token) -> bool:
    """ "was", "said", "was scheduled"."""
    auxiliaries = [child for child in token.children if child.dep_ in AUXILIARY]
    return token.tag_ == "VBD" or any(is_finite_past(child) for child in auxiliaries)


def is_finite_past(token: Token) -> bool:
    return "Past" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm")


def governing_verb(token: Token) -> Token | None:
    """The verb a date belongs to ("told reporters on Tuesday", "said in a statement on
    Tuesday" → "told", "said"), for the link stage's speech date; none for a date inside a
    subject ("Lund, the port's director since 2019, estimated …")."""
    for _ in range(MAX_VERB_DISTANCE):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i or token.dep_ in SUBJECTS:
            return None
        token = token.head
    return None


def mod_before(text: str, start: int, words: dict[str, str]) -> str | None:
    """The mod a preposition before the span gives it: "since November" → START."""
    preceding = text[max(0, start - 12) : start].split()
    return words.get(preceding[-1].lower()) if preceding else None
