from __future__ import annotations

from pipeline.link import link_article

TEXT = "Kirby told reporters on Monday that “about 300 soldiers died in December,” officials said."


def span(text: str, start: int | None = None) -> dict:
    start = TEXT.index(text) if start is None else start
    return {"text": text, "start": start, "end": start + len(text)}


def quote() -> dict:
    content = span("about 300 soldiers died in December,")
    return {
        "doc_id": "d",
        "quote_id": "Q1",
        "kind": "mixed",
        "content": content | {"parts": None},
        "cue": span("told") | {"lemma": "tell"},
        "speaker": span("Kirby")
        | {"name": "John Kirby", "entity_id": None, "label": "PERSON", "resolved_by": "self"},
        "quantities": [],
        "dates": [],
        "speech_date": None,
        "sentence": span(TEXT),
        "confidence": 0.9,
    }


def quantity(text: str, quantity_id: str) -> dict:
    return span(text) | {"doc_id": "d", "quantity_id": quantity_id, "quote_id": None}


def date(text: str, value: str) -> dict:
    return span(text) | {"doc_id": "d", "type": "DATE", "value": value}


ENTITIES = [
    {"entity_id": "E1", "mentions": [span("Kirby")]},
    {"entity_id": "E2", "mentions": [span("reporters")]},
]


def test_quantities_and_dates_inside_content_are_copied_in():
    quantities = [quantity("about 300 soldiers", "N1"), quantity("officials", "N2")]
    dates = [date("on Monday", "2024-12-16"), date("December", "2024-12")]
    [linked], linked_quantities = link_article([quote()], quantities, dates, ENTITIES)
    assert [q["quantity_id"] for q in linked["quantities"]] == ["N1"]
    assert linked["quantities"][0]["quote_id"] == "Q1"
    assert [q["quote_id"] for q in linked_quantities] == ["Q1", None]
    assert [d["text"] for d in linked["dates"]] == ["December"]
    assert quantities[0]["quote_id"] is None  # inputs are not changed


def test_speaker_gets_entity_and_speech_date_is_the_date_by_the_cue():
    dates = [date("on Monday", "2024-12-16"), date("December", "2024-12")]
    [linked], _ = link_article([quote()], [], dates, ENTITIES)
    assert linked["speaker"]["entity_id"] == "E1"
    assert linked["speech_date"] == "2024-12-16"


def test_content_parts_decide_what_is_inside():
    gapped = quote()
    gapped["content"]["parts"] = [span("about 300 soldiers")]
    [linked], _ = link_article([gapped], [], [date("December", "2024-12")], ENTITIES)
    assert linked["dates"] == []


def test_no_cue_no_speech_date():
    uncued = quote() | {"cue": None}
    [linked], _ = link_article([uncued], [], [date("on Monday", "2024-12-16")], ENTITIES)
    assert linked["speech_date"] is None
