"""Entities stage: spaCy NER, corrected by project patterns, clustered into a table per article.

Each entity is one referent in one article: all its proper-name mentions ("John Kirby",
"Kirby"), a canonical name (the longest proper name, or the canonical form of a known alias:
"S. Korea" → "South Korea"), its label, and the titles the article gives it ("spokesman",
"top White House official"). Numeric and temporal labels (DATE, CARDINAL, …) belong to the
quantity and date stages and are left out here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from .lexicon import MODELS_DIR, read_lines, read_patterns, read_table
from .read import Article

NAMED_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
#: Labels whose short forms join a longer name ("Kirby" → "John Kirby"). Not places: "Korea"
#: may be the peninsula, North or South.
SHORT_FORM_LABELS = frozenset({"PERSON", "NORP", "ORG"})
TITLED_LABELS = frozenset({"PERSON", "ORG"})
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "de"})
POSSESSIVE = re.compile(r"[’']s?$")
PLACE_SUFFIXES = ["region", "oblast", "province"]
PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


@dataclass(frozen=True)
class EntityRules:
    """The lexicons in `models/` that correct and cluster the model's entities."""

    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    not_entities: frozenset[str] = frozenset()
    patterns: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path = MODELS_DIR) -> EntityRules:
        aliases = {
            name_key(alias): (canonical, label)
            for alias, canonical, label in read_table(folder / "entity_aliases.tsv")
        }
        patterns = read_patterns(folder / "entity_patterns.jsonl")
        patterns += demonym_patterns(read_lines(folder / "demonyms.txt"))
        patterns += place_patterns(read_lines(folder / "places.txt"))
        return cls(
            aliases=aliases,
            titles=frozenset(word.lower() for word in read_lines(folder / "entity_titles.txt")),
            honorifics=frozenset(word.lower() for word in read_lines(folder / "honorifics.txt")),
            not_entities=frozenset(read_lines(folder / "not_entities.txt")),
            patterns=patterns,
        )


def demonym_patterns(demonyms: list[str]) -> list[dict[str, Any]]:
    patterns = []
    for demonym in demonyms:
        *first, last = demonym.lower().split()
        tokens = [{"LOWER": word} for word in first]
        tokens.append({"LOWER": {"IN": [last, last + "s"]}})
        patterns.append({"label": "NORP", "pattern": tokens})
    return patterns


def place_patterns(places: list[str]) -> list[dict[str, Any]]:
    patterns = []
    for place in places:
        tokens: list[dict[str, Any]] = [{"ORTH": word} for word in place.split()]
        tokens.append({"LOWER": {"IN": PLACE_SUFFIXES}, "OP": "?"})
        patterns.append({"label": "GPE", "pattern": tokens})
    return patterns


def keep_enclosing_entities(entities: list[Span], matches: list[Span]) -> list[Span]:
    """A pattern match replaces the entities it overlaps, unless a longer entity encloses it.

    So "North Koreans" relabels the model's LOC "North Koreans", but the NORP pattern
    "Russian" leaves the model's "pro-Russian" whole.
    """
    kept: list[Span] = list(entities)
    taken: set[int] = set()
    for match in sorted(matches, key=lambda span: (span.start - span.end, span.start)):
        if taken.intersection(range(match.start, match.end)):
            continue
        if any(e.start <= match.start and match.end <= e.end and len(e) > len(match) for e in kept):
            continue
        kept = [e for e in kept if e.end <= match.start or e.start >= match.end]
        kept.append(match)
        taken.update(range(match.start, match.end))
    return sorted(kept)


class EntityStage:
    """Callable stage: `stage(doc, article) -> list of entities.jsonl records`."""

    name = "entities"

    def __init__(self, nlp: Language, rules: EntityRules | None = None) -> None:
        self.rules = rules or EntityRules.load()
        self.ruler = SpanRuler(
            nlp,
            name="entity_fixes",
            spans_key=None,
            annotate_ents=True,
            ents_filter=keep_enclosing_entities,
        )
        self.ruler.add_patterns(self.rules.patterns)

    def __call__(self, doc: Doc, article: Article) -> list[dict[str, Any]]:
        doc.ents = [span for span in map(trim_entity, doc.ents) if span is not None]
        self.ruler(doc)
        mentions = [
            mention
            for span in doc.ents
            if span.label_ in NAMED_LABELS and span.text not in self.rules.not_entities
            if (mention := make_mention(span, self.rules)) is not None
        ]
        clusters = cluster_mentions(mentions, self.rules)
        return [
            entity_record(article.doc_id, f"E{number}", cluster, self.rules)
            for number, cluster in enumerate(clusters, start=1)
        ]


def trim_entity(span: Span) -> Span | None:
    """Drop a leading determiner and trailing punctuation from an entity span."""
    start, end = span.start, span.end
    while start < end and (
        span.doc[start].lower_ in {"the", "a", "an"} or span.doc[start].is_punct
    ):
        start += 1
    while end > start and span.doc[end - 1].is_punct and span.doc[end - 1].text != ".":
        end -= 1
    if start == end:
        return None
    return Span(span.doc, start, end, label=span.label_)


@dataclass
class Mention:
    text: str
    start: int
    end: int
    label: str
    span: Span
    titles: list[str]

    @property
    def key(self) -> str:
        return name_key(self.text)


def make_mention(span: Span, rules: EntityRules) -> Mention | None:
    """The proper-name part of an entity span: no leading role word or honorific, no
    possessive ending. A role word ("General") becomes a title; an honorific ("Mr.") does not."""
    titles = []
    while (
        span.label_ == "PERSON"
        and len(span) > 1
        and (span[0].lower_ in rules.titles or span[0].lower_ in rules.honorifics)
    ):
        if span[0].lower_ in rules.titles:
            titles.append(span[0].text)
        span = span[1:]
    text, start = span.text, span.start_char
    possessive = POSSESSIVE.search(text)
    if possessive and len(text) > len(possessive.group()):
        text = text[: possessive.start()]
    if not text.strip():
        return None
    label = span.label_
    alias = rules.aliases.get(name_key(text))
    if alias:
        label = alias[1]
    return Mention(text, start, start + len(text), label, span, titles)


def name_key(text: str) -> str:
    """Comparison form of a name: case, periods, apostrophes and spacing ignored."""
    text = text.replace("’", "'").replace(".", "")
    return " ".join(text.casefold().split())


def cluster_mentions(mentions: list[Mention], rules: EntityRules) -> list[list[Mention]]:
    """Group mentions into entities, ordered by first mention."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(cluster_key(mention, rules), []).append(mention)
    merge_plurals(groups)
    merge_short_forms(groups)
    merge_acronyms(groups)
    clusters = [sorted(group, key=lambda m: m.start) for group in groups.values()]
    return sorted(clusters, key=lambda cluster: cluster[0].start)


def cluster_key(mention: Mention, rules: EntityRules) -> str:
    """The key that identical names share: the alias's canonical name, and a place without
    its "region"/"oblast"/"province" ("Kursk region" and "Kursk")."""
    alias = rules.aliases.get(mention.key)
    if alias:
        return name_key(alias[0])
    if mention.label in {"GPE", "LOC"}:
        *words, last = mention.key.split()
        if words and last in PLACE_SUFFIXES:
            return " ".join(words)
    return mention.key


def cluster_label(cluster: list[Mention]) -> str:
    return Counter(m.label for m in cluster).most_common(1)[0][0]


def merge_into(groups: dict[str, list[Mention]], source: str, target: str) -> None:
    groups[target].extend(groups.pop(source))


def merge_plurals(groups: dict[str, list[Mention]]) -> None:
    """ "North Koreans" and "North Korean" are one NORP entity."""
    for key in sorted(groups):
        if key in groups and cluster_label(groups[key]) == "NORP":
            singular = key.removesuffix("s")
            if singular != key and singular in groups:
                merge_into(groups, singular, key)


def merge_short_forms(groups: dict[str, list[Mention]]) -> None:
    """A name that starts or ends exactly one longer name of its kind joins it ("Kirby")."""
    for key in sorted(groups, key=len):
        label = cluster_label(groups[key])
        if label not in SHORT_FORM_LABELS:
            continue
        words = key.split()
        longer = [
            other
            for other in groups
            if other != key
            and cluster_label(groups[other]) == label
            and len(other.split()) > len(words)
            and (other.split()[: len(words)] == words or other.split()[-len(words) :] == words)
        ]
        if len(longer) == 1:
            merge_into(groups, key, longer[0])


def merge_acronyms(groups: dict[str, list[Mention]]) -> None:
    """An upper-case acronym joins the one ORG or GPE name whose initials it spells ("NIS")."""
    for key in list(groups):
        cluster = groups[key]
        if not all(ACRONYM.fullmatch(m.text) for m in cluster):
            continue
        letters = key.replace(" ", "")
        expansions = [
            other
            for other in groups
            if other != key
            and cluster_label(groups[other]) in {"ORG", "GPE"}
            and initials(other) == letters
        ]
        if len(expansions) == 1:
            merge_into(groups, key, expansions[0])


def initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in FUNCTION_WORDS)


def canonical_name(cluster: list[Mention], rules: EntityRules) -> str:
    names = [rules.aliases[m.key][0] if m.key in rules.aliases else m.text for m in cluster]
    return max(names, key=len)  # max keeps the first of equal length: the earliest mention


def entity_record(
    doc_id: str, entity_id: str, cluster: list[Mention], rules: EntityRules
) -> dict[str, Any]:
    label = cluster_label(cluster)
    titles: list[str] = []
    for mention in cluster:
        found = mention.titles + (
            find_titles(mention.span, rules) if label in TITLED_LABELS else []
        )
        titles.extend(title for title in found if title not in titles)
    return {
        "doc_id": doc_id,
        "entity_id": entity_id,
        "name": canonical_name(cluster, rules),
        "label": label,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in cluster],
        "titles": titles,
    }


def find_titles(span: Span, rules: EntityRules) -> list[str]:
    """Roles the sentence gives a name: premodifiers and appositions."""
    found = [premodifier_title(span, rules), apposition_title(span)]
    return [title for title in found if title]


def premodifier_title(span: Span, rules: EntityRules) -> str | None:
    """ "spokesman Matthew Miller", "outgoing President Joe Biden" → "President".

    The words directly before the name that attach to it (or to each other) rightwards,
    without determiners or possessives; a leading common adjective ("outgoing", "former") or
    honorific ("Mr.") is not part of the role, a proper one ("Ukrainian outlet") is.
    """
    doc = span.doc
    start = span.start
    while start > 0:
        token = doc[start - 1]
        attaches_right = start <= token.head.i < span.end
        if not attaches_right or not (token.dep_ in PREMODIFIER_DEPS or is_inner_hyphen(token)):
            break
        start -= 1
    while start < span.start and (
        (doc[start].pos_ == "ADJ" and not doc[start].ent_type_)
        or doc[start].lower_ in rules.honorifics
    ):
        start += 1
    if start == span.start or not any(t.pos_ in {"NOUN", "PROPN"} for t in doc[start : span.start]):
        return None
    return doc[start : span.start].text


def is_inner_hyphen(token: Any) -> bool:
    """The hyphen of "military-focused": no space on either side."""
    return token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_


def apposition_title(span: Span) -> str | None:
    """ "Kirby, the top White House official" and "its dictator, Kim Jong-un" → the role."""
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not root.head.ent_type_:
        return noun_phrase_text(root.head, stop_at=span.start)
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= span.end:
            return noun_phrase_text(child, stop_at=None)
    return None


def noun_phrase_text(head: Any, *, stop_at: int | None) -> str | None:
    """The head noun with its left modifiers, without determiners and possessives."""
    tokens = [
        t for t in head.subtree if t.i <= head.i and t.dep_ not in {"det", "poss", "punct", "case"}
    ]
    if stop_at is not None:
        tokens = [t for t in tokens if t.i < stop_at]
    if not tokens:
        return None
    doc = head.doc
    return doc[tokens[0].i : head.i + 1].text
