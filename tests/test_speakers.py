"""The speaker resolver on small hand-made texts with hand-made entity tables, so that each
test checks the resolution alone, whatever the model's entity spans."""

from __future__ import annotations

from typing import Any

from pipeline.speakers import SpeakerLexicon, SpeakerResolver


def entity(entity_id: str, label: str, name: str, text: str, *mentions: str) -> dict[str, Any]:
    """An entity record whose mentions are the first occurrences of `mentions` in `text`,
    each after the previous one."""
    found, start = [], 0
    for mention in mentions:
        start = text.index(mention, start)
        found.append({"text": mention, "start": start, "end": start + len(mention)})
        start += len(mention)
    return {"entity_id": entity_id, "label": label, "name": name, "mentions": found, "titles": []}


def resolve(nlp, text: str, entities: list[dict[str, Any]], phrase: str, nth: int = 0) -> dict:
    """The resolution of the `nth` occurrence of `phrase` in `text`."""
    doc = nlp(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    span = doc.char_span(start, start + len(phrase))
    return SpeakerResolver(doc, text, entities, SpeakerLexicon.load()).resolve(span)


def test_untagged_name_takes_the_entity_it_was_mentioned_by(nlp):
    text = "Bank chief Jon Quill spoke first. Quill smiled. Quill said the bank would pay."
    table = [entity("E1", "ORG", "Jon Quill", text, "Jon Quill", "Quill")]
    resolved = resolve(nlp, text, table, "Quill", nth=2)
    assert (resolved["name"], resolved["entity_id"]) == ("Jon Quill", "E1")


def test_surname_does_not_take_the_full_name_of_someone_of_the_other_gender(nlp):
    text = (
        "Mr. Okafor opened the bridge on Monday. Okafor said the town had waited. "
        "The first lady, Maria Okafor, visited the school."
    )
    table = [
        entity("E1", "PERSON", "Okafor", text, "Okafor", "Okafor"),
        entity("E2", "PERSON", "Maria Okafor", text, "Maria Okafor"),
    ]
    resolved = resolve(nlp, text, table, "Okafor", nth=1)
    assert (resolved["name"], resolved["entity_id"]) == ("Okafor", "E1")
