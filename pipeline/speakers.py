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
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})
#: How many sentences back a pronoun looks for what it refers to.
WINDOW = 6
#: How many tokens back a description looks for an earlier phrase with its head noun.
LOOKBACK = 600


@dataclass(frozen=True)
class Resolved:
    """A speaker resolved earlier in the article: where, its head word, and to what."""

    sentence: int
    head: Token
    resolved: dict[str, Any]


def agrees(earlier: Resolved, wants_person: bool) -> bool:
    """Whether a pronoun can refer to an earlier speaker: a person for he/she, a group or a
    plural for they/it."""
    label = earlier.resolved["label"]
    if wants_person:
        return label == "PERSON" or (label is None and earlier.head.tag_ == "NN")
    return label in GROUP_LABELS or (label is None and earlier.head.tag_ in {"NNS", "NNPS"})


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
        self.history: list[Resolved] = []
        self.sentence_of = [0] * len(doc)
        for number, sentence in enumerate(doc.sents):
            self.sentence_of[sentence.start : sentence.end] = [number] * len(sentence)

    def resolve(self, phrase: Span) -> dict[str, Any]:
        """Resolve a speaker phrase; phrases must come in text order (pronouns look back at
        the speakers resolved before them)."""
        record = {"text": phrase.text, "start": phrase.start_char, "end": phrase.end_char}
        resolved = self.by_name(phrase) or self.by_pronoun(phrase) or self.by_description(phrase)
        if resolved is None:
            name = description(phrase.root).text if phrase.root.pos_ == "NOUN" else phrase.text
            resolved = {"name": name, "entity_id": None, "label": None, "resolved_by": "none"}
        self.history.append(Resolved(self.sentence_of[phrase.start], phrase.root, resolved))
        return record | resolved

    def named(self, entity: dict[str, Any], how: str) -> dict[str, Any]:
        return {
            "name": entity["name"],
            "entity_id": entity["entity_id"],
            "label": entity["label"],
            "resolved_by": how,
        }

    def mention_at(self, token: Token) -> EntityMention | None:
        return next((m for m in self.mentions if m.start <= token.idx < m.end), None)

    def by_name(self, phrase: Span) -> dict[str, Any] | None:
        """The entity at the head of the phrase ("White House spokesman Josh Earnest"), or
        in apposition to it ("the group, InformNapalm")."""
        root = phrase.root
        mention = self.mention_at(root)
        if mention is not None:
            return self.named(mention.entity, "self")
        for child in root.children:
            if child.dep_ == "appos" and (mention := self.mention_at(child)) is not None:
                return self.named(mention.entity, "apposition")
        return None

    def by_pronoun(self, phrase: Span) -> dict[str, Any] | None:
        """The most recent earlier speaker or entity that agrees with the pronoun."""
        words = phrase.text.lower()
        pronoun = phrase[0].lower_
        if words != "he or she" and (len(phrase) != 1 or pronoun not in PRONOUNS):
            return None
        wants_person = pronoun in PERSON_PRONOUNS
        sentence = self.sentence_of[phrase.start]
        options: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
        for earlier in self.history:
            if sentence - WINDOW <= earlier.sentence and agrees(earlier, wants_person):
                options.append(((earlier.sentence, 1, earlier.head.idx), earlier.resolved))
        labels = {"PERSON"} if wants_person else GROUP_LABELS
        for mention in self.earlier(phrase, labels):
            options.append((self.salience(mention), self.named(mention.entity, "coreference")))
        if not options:
            return None
        best = max(options, key=lambda option: option[0])[1]
        return best | {"resolved_by": "coreference"}

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


def token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None else doc[-1]
