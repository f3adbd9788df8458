"""Who a speaker mention refers to, resolved inside the article.

- a name, or a phrase holding one ("White House spokesman Josh Earnest"), is its entity
  (`self`), or the name in apposition ("the group, InformNapalm," → `apposition`);
- a personal pronoun is the nearest earlier person or organisation that agrees with it,
  preferring subjects (`coreference`);
- a description ("the official", "the nurse", "the NIS") is the nearest earlier phrase with
  the same head noun, or the entity that phrase is a title of (`coreference`);
- anything else keeps its own text as the name (`none`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
THING_PRONOUNS = frozenset({"it", "its"})
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
#: How many sentences back a pronoun looks for what it refers to.
WINDOW = 6
#: How many tokens back a description looks for an earlier phrase with its head noun.
LOOKBACK = 600


@dataclass(frozen=True)
class EntityMention:
    start: int  # characters
    end: int
    entity: dict[str, Any]


def entity_mentions(entities: list[dict[str, Any]]) -> list[EntityMention]:
    mentions = [
        EntityMention(m["start"], m["end"], entity)
        for entity in entities
        for m in entity["mentions"]
    ]
    return sorted(mentions, key=lambda m: m.start)


class SpeakerResolver:
    """Resolves speaker phrases of one article, in text order."""

    def __init__(self, doc: Doc, entities: list[dict[str, Any]]) -> None:
        self.doc = doc
        self.mentions = entity_mentions(entities)
        self.sentence_of = [0] * len(doc)
        for number, sentence in enumerate(doc.sents):
            self.sentence_of[sentence.start : sentence.end] = [number] * len(sentence)

    def resolve(self, phrase: Span) -> dict[str, Any]:
        record = {"text": phrase.text, "start": phrase.start_char, "end": phrase.end_char}
        resolved = self.by_name(phrase) or self.by_pronoun(phrase) or self.by_description(phrase)
        if resolved is None:
            return record | {
                "name": phrase.text,
                "entity_id": None,
                "label": None,
                "resolved_by": "none",
            }
        return record | resolved

    def named(self, entity: dict[str, Any], how: str) -> dict[str, Any]:
        return {
            "name": entity["name"],
            "entity_id": entity["entity_id"],
            "label": entity["label"],
            "resolved_by": how,
        }

    def inside(self, start: int, end: int) -> list[EntityMention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def by_name(self, phrase: Span) -> dict[str, Any] | None:
        """An entity named in the phrase: the one at its head, else the most important."""
        names = self.inside(phrase.start_char, phrase.end_char)
        if not names:
            return None
        root = phrase.root
        for mention in names:
            if mention.start <= root.idx < mention.end:
                return self.named(mention.entity, "self")
        best = min(names, key=lambda m: label_rank(m.entity["label"]))
        how = "apposition" if any(t.dep_ == "appos" for t in phrase) else "self"
        return self.named(best.entity, how)

    def by_pronoun(self, phrase: Span) -> dict[str, Any] | None:
        if len(phrase) != 1 and phrase.text.lower() != "he or she":
            return None
        word = phrase[0].lower_
        if word not in PRONOUNS:
            return None
        labels = {"PERSON"} if word in PERSON_PRONOUNS else GROUP_LABELS
        candidates = self.earlier(phrase, labels)
        if not candidates:
            return None
        return self.named(max(candidates, key=self.salience).entity, "coreference")

    def earlier(self, phrase: Span, labels: set[str] | frozenset[str]) -> list[EntityMention]:
        first_sentence = self.sentence_of[phrase.start] - WINDOW
        return [
            m
            for m in self.mentions
            if m.end <= phrase.start_char
            and m.entity["label"] in labels
            and self.sentence_of[token_at(self.doc, m.start).i] >= first_sentence
        ]

    def salience(self, mention: EntityMention) -> tuple[int, int, int]:
        """Later sentences first; within a sentence, subjects before other mentions."""
        token = token_at(self.doc, mention.start)
        head = token
        while head.dep_ in {"compound", "flat"} and head.head is not head:
            head = head.head
        is_subject = head.dep_ in {"nsubj", "nsubjpass"}
        return self.sentence_of[token.i], int(is_subject), mention.start

    def by_description(self, phrase: Span) -> dict[str, Any] | None:
        """ "the official" → the nearest earlier "… official", or the entity that phrase is a
        title of ("InformNapalm, a pro-Ukraine international group" for "the group")."""
        head = phrase.root
        if head.pos_ != "NOUN":
            return None
        for token in reversed(self.doc[max(0, phrase.start - LOOKBACK) : phrase.start]):
            if token.lemma_ != head.lemma_ or token.pos_ != "NOUN":
                continue
            entity = self.entity_with_title(token)
            if entity is not None:
                return self.named(entity, "coreference")
            earlier = description(token)
            if earlier.text.lower() != phrase.text.lower():
                return {
                    "name": earlier.text,
                    "entity_id": None,
                    "label": None,
                    "resolved_by": "coreference",
                }
        return None

    def entity_with_title(self, noun: Token) -> dict[str, Any] | None:
        """The entity a role noun is attached to: in apposition either way, or a premodifier
        of the name ("spokesman Matthew Miller")."""
        linked = [noun.head] if noun.dep_ in {"appos", "compound"} else []
        linked += [child for child in noun.children if child.dep_ == "appos"]
        for token in linked:
            for mention in self.mentions:
                if mention.start <= token.idx < mention.end:
                    return mention.entity
        return None


def description(token: Token) -> Span:
    """A noun with its left modifiers, without determiners: "senior U.S. military official"."""
    start = token.left_edge.i
    while start < token.i and token.doc[start].dep_ in {"det", "poss", "punct"}:
        start += 1
    return token.doc[start : token.i + 1]


def label_rank(label: str) -> int:
    return SPEAKER_LABELS.index(label) if label in SPEAKER_LABELS else len(SPEAKER_LABELS)


def token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None else doc[-1]
