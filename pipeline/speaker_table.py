"""The corpus speaker table (`speakers.jsonl`): one record per speaker across all articles.

Speakers are clustered conservatively, because a wrong merge puts words in someone's mouth:

- a named speaker (one with an entity label) joins the others with the same name and label,
  where PERSON and ORG count as one label: the small spaCy model often tags an unfamiliar
  person as an organisation in one article and not in the next ("Elena Varga");
- a one-word name ("Kirby", "NIS") joins a longer name of the same label when exactly one
  such name in the corpus has it as a surname (PERSON) or as a mention in its articles;
  otherwise it stays apart;
- a description without a label ("senior U.S. military official") is never merged across
  articles: two articles' "official" are not known to be one person.

Each quote record with a speaker counts as one statement of that speaker; a nested
attribution is a record of its own (see `parent_id` in quotes.jsonl).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .records import CorpusSpeaker
from .write import write_jsonl

Record = dict[str, Any]
#: Labels that the model confuses with each other, mapped to the one label they count as.
SAME_LABEL = {"ORG": "PERSON"}


@dataclass
class Cluster:
    """The statements of one speaker, while the table is being built."""

    scope: str  # the label it counts as; for a description, its article
    name_key: str
    labels: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    absorbed: set[str] = field(default_factory=set)
    doc_ids: set[str] = field(default_factory=set)
    entities: set[tuple[str, str]] = field(default_factory=set)
    statements: int = 0

    @property
    def key(self) -> str:
        return f"{self.scope}\0{self.name_key}"

    @property
    def name(self) -> str:
        """The most frequent spelling of its own name (never of a one-word name it absorbed)."""
        return most_frequent(self.names)

    @property
    def label(self) -> str | None:
        """The most frequent label of its own statements; None for a description."""
        return most_frequent(self.labels) if self.labels else None

    @property
    def is_one_word_name(self) -> bool:
        return bool(self.labels) and len(self.name.split()) == 1

    def absorb(self, other: Cluster) -> None:
        self.absorbed |= set(other.names)
        self.doc_ids |= other.doc_ids
        self.entities |= other.entities
        self.statements += other.statements


def most_frequent(counts: Counter[str]) -> str:
    """The most frequent item; a tie goes to the alphabetically first, so runs agree."""
    return min(counts, key=lambda item: (-counts[item], item))


def normalize(name: str) -> str:
    """A comparison key: case, spacing and the curly apostrophe do not make another name."""
    return " ".join(name.replace("’", "'").split()).casefold()


def speaker_table(quotes: Iterable[Record], entities: Iterable[Record]) -> list[Record]:
    """`speakers.jsonl` records for a corpus, sorted by name, then `speaker_id`."""
    entity_index = {(e["doc_id"], e["entity_id"]): e for e in entities}
    clusters = merge_one_word_names(cluster_by_name(quotes), entity_index)
    records = [speaker_record(c, entity_index) for c in clusters]
    return sorted(records, key=lambda r: (r["name"].casefold(), r["speaker_id"]))


def cluster_by_name(quotes: Iterable[Record]) -> list[Cluster]:
    """One cluster per (label, name), and per article for a description without a label."""
    clusters: dict[str, Cluster] = {}
    for quote in quotes:
        speaker = quote["speaker"]
        if not speaker or not speaker["name"]:
            continue
        label, doc_id = speaker["label"], quote["doc_id"]
        scope = SAME_LABEL.get(label, label) if label else f"\0{doc_id}"
        name_key = normalize(speaker["name"])
        cluster = clusters.setdefault(f"{scope}\0{name_key}", Cluster(scope, name_key))
        cluster.names[speaker["name"]] += 1
        if label:
            cluster.labels[label] += 1
        cluster.doc_ids.add(doc_id)
        cluster.statements += 1
        if label and speaker["entity_id"]:
            cluster.entities.add((doc_id, speaker["entity_id"]))
    return list(clusters.values())


def merge_one_word_names(
    clusters: list[Cluster], entity_index: dict[tuple[str, str], Record]
) -> list[Cluster]:
    """Fold each one-word name into the one longer name of its label that it can stand for."""
    longer = [c for c in clusters if c.labels and not c.is_one_word_name]
    short_forms = {id(c): short_forms_of(c, entity_index) for c in longer}
    kept: list[Cluster] = []
    for cluster in clusters:
        if cluster.is_one_word_name:
            owners = [
                c
                for c in longer
                if c.scope == cluster.scope and cluster.name_key in short_forms[id(c)]
            ]
            if len(owners) == 1:
                owners[0].absorb(cluster)
                continue
        kept.append(cluster)
    return kept


def short_forms_of(cluster: Cluster, entity_index: dict[tuple[str, str], Record]) -> set[str]:
    """The one-word names a cluster goes by: its mentions, and a person's surname."""
    forms = {normalize(text) for text in mention_texts(cluster, entity_index)}
    if cluster.label == "PERSON":
        forms.add(normalize(cluster.name.split()[-1]))
    return {form for form in forms if len(form.split()) == 1}


def mention_texts(cluster: Cluster, entity_index: dict[tuple[str, str], Record]) -> set[str]:
    return {
        mention["text"]
        for ref in cluster.entities
        if (entity := entity_index.get(ref))
        for mention in entity["mentions"]
    }


def speaker_record(cluster: Cluster, entity_index: dict[tuple[str, str], Record]) -> Record:
    name = cluster.name
    spellings = set(cluster.names) | cluster.absorbed
    aliases = (mention_texts(cluster, entity_index) | spellings) - {name}
    titles = {
        title for ref in cluster.entities if (e := entity_index.get(ref)) for title in e["titles"]
    }
    record = CorpusSpeaker(
        speaker_id=speaker_id(cluster.key),
        name=name,
        aliases=sorted(aliases),
        titles=sorted(titles),
        label=cluster.label,
        doc_ids=sorted(cluster.doc_ids),
        statements=cluster.statements,
    )
    return record.model_dump(mode="json")


def speaker_id(key: str) -> str:
    """A hash of the cluster's key: the id stays the same when other articles are added."""
    return "S" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def write_speakers(path: Path, quotes: Iterable[Record], entities: Iterable[Record]) -> int:
    return write_jsonl(path, speaker_table(quotes, entities))
