"""The corpus speaker table: hand-made quote and entity records, then the real pipeline on the
small multi-article corpus in `tests/corpus_multi/`."""

from __future__ import annotations

import json
import random
from typing import Any

import jsonschema
import pytest

from pipeline.speaker_table import speaker_table
from tests.conftest import REPO, read_out


def quote(doc_id: str, name: str | None, label: str | None, entity_id: str | None = None) -> dict:
    speaker = None
    if name is not None:
        speaker = {"name": name, "label": label, "entity_id": entity_id, "text": name}
    return {"doc_id": doc_id, "speaker": speaker}


def entity(doc_id: str, entity_id: str, *mentions: str, titles: tuple[str, ...] = ()) -> dict:
    return {
        "doc_id": doc_id,
        "entity_id": entity_id,
        "mentions": [{"text": text} for text in mentions],
        "titles": list(titles),
    }


def table(quotes: list[dict], entities: list[dict] = ()) -> dict[str, dict[str, Any]]:
    """The speaker records keyed by name; fails if two records share a name."""
    records = speaker_table(quotes, entities)
    by_name = {record["name"]: record for record in records}
    assert len(by_name) == len(records), "two speaker records with one name"
    return by_name


def test_the_same_full_name_in_two_articles_is_one_speaker():
    quotes = [quote("a", "Elena Varga", "PERSON", "E1")] * 2 + [quote("b", "Elena Varga", "PERSON")]
    entities = [entity("a", "E1", "Elena Varga", "Varga", titles=("spokeswoman",))]

    [varga] = table(quotes, entities).values()

    assert varga["doc_ids"] == ["a", "b"]
    assert varga["statements"] == 3
    assert varga["aliases"] == ["Varga"]
    assert varga["titles"] == ["spokeswoman"]
    assert varga["label"] == "PERSON"


def test_a_surname_joins_the_one_full_name_it_belongs_to():
    quotes = [quote("a", "Elena Varga", "PERSON"), quote("b", "Varga", "PERSON")]

    [varga] = table(quotes).values()

    assert (varga["name"], varga["aliases"], varga["doc_ids"]) == (
        "Elena Varga",
        ["Varga"],
        ["a", "b"],
    )
    assert varga["statements"] == 2


def test_a_surname_shared_by_two_full_names_stays_apart():
    quotes = [
        quote("a", "Tomas Brandt", "PERSON"),
        quote("b", "Anna Brandt", "PERSON"),
        quote("c", "Brandt", "PERSON"),
    ]

    speakers = table(quotes)

    assert sorted(speakers) == ["Anna Brandt", "Brandt", "Tomas Brandt"]
    assert speakers["Brandt"]["doc_ids"] == ["c"]
    assert speakers["Tomas Brandt"]["aliases"] == []


def test_an_acronym_joins_the_name_it_was_a_mention_of():
    quotes = [
        quote("a", "National Intelligence Service", "ORG", "E4"),
        quote("b", "NIS", "ORG", "E2"),
    ]
    entities = [
        entity("a", "E4", "National Intelligence Service", "NIS"),
        entity("b", "E2", "NIS"),
    ]

    [nis] = table(quotes, entities).values()

    assert (nis["name"], nis["aliases"], nis["doc_ids"]) == (
        "National Intelligence Service",
        ["NIS"],
        ["a", "b"],
    )


def test_person_and_org_labels_count_as_one_but_a_place_does_not():
    quotes = [
        quote("a", "Elena Varga", "PERSON"),
        quote("a", "Elena Varga", "PERSON"),
        quote("b", "Elena Varga", "ORG"),
        quote("c", "Varga", "ORG"),
        quote("d", "George Washington", "PERSON"),
        quote("e", "Washington", "GPE"),
    ]

    speakers = table(quotes)

    assert speakers["Elena Varga"]["doc_ids"] == ["a", "b", "c"]
    assert speakers["Elena Varga"]["label"] == "PERSON"  # the label of most of its statements
    assert speakers["Washington"]["label"] == "GPE"
    assert speakers["George Washington"]["doc_ids"] == ["d"]


def test_a_description_is_one_speaker_per_article():
    quotes = [
        quote("a", "city official", None, "E3"),
        quote("a", "city official", None),
        quote("b", "city official", None),
        quote("b", None, None),
    ]

    records = speaker_table(quotes, [])

    assert sorted((r["doc_ids"], r["statements"], r["label"]) for r in records) == [
        (["a"], 2, None),
        (["b"], 1, None),
    ]
    assert len({r["speaker_id"] for r in records}) == 2


def test_ids_and_order_do_not_depend_on_input_order_or_on_other_articles():
    quotes = [
        quote("a", "Elena Varga", "PERSON"),
        quote("b", "Varga", "PERSON"),
        quote("b", "Port Workers Union", "ORG"),
        quote("c", "city official", None),
    ]
    shuffled = random.Random(7).sample(quotes, len(quotes))
    more = [*quotes, quote("d", "Anna Brandt", "PERSON")]

    records = speaker_table(quotes, [])

    assert speaker_table(shuffled, []) == records
    assert [r["name"] for r in records] == ["city official", "Elena Varga", "Port Workers Union"]
    ids = {r["name"]: r["speaker_id"] for r in speaker_table(more, [])}
    assert all(ids[r["name"]] == r["speaker_id"] for r in records)


@pytest.mark.slow
def test_extract_writes_the_corpus_speaker_table(multi_out):
    schema = json.loads((REPO / "schema" / "speakers.schema.json").read_text(encoding="utf-8"))
    records = read_out(multi_out, "speakers.jsonl")
    for record in records:
        jsonschema.validate(record, schema)
    speakers = {(r["name"], tuple(r["doc_ids"])): r for r in records}

    varga = speakers["Elena Varga", ("m01_harbour_strike", "m02_harbour_talks", "m04_strike_ends")]
    assert varga["aliases"] == ["Varga"]
    assert varga["label"] == "PERSON"
    union = speakers["Port Workers Union", ("m01_harbour_strike", "m02_harbour_talks")]
    assert union["aliases"] == ["PWU"]
    assert ("Brandt", ("m04_strike_ends",)) in speakers  # Anna or Tomas: left apart
    assert ("Anna Brandt", ("m03_ferry_fares",)) in speakers
    assert ("Tomas Brandt", ("m01_harbour_strike",)) in speakers
    officials = [doc_ids for name, doc_ids in speakers if name == "city official"]
    assert sorted(officials) == [("m01_harbour_strike",), ("m02_harbour_talks",)]
    quotes = read_out(multi_out, "quotes.jsonl")
    assert sum(r["statements"] for r in records) == sum(1 for q in quotes if q["speaker"])
