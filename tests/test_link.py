from __future__ import annotations

import pytest

from pipeline.attribution import load_cue_lexicon
from pipeline.link import copied, link_article

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


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


ENTITIES = [
    {"entity_id": "E1", "mentions": [span("Kirby")]},
    {"entity_id": "E2", "mentions": [span("reporters")]},
]


def test_quantities_and_dates_inside_content_are_copied_in(doc):
    quantities = [quantity("about 300 soldiers", "N1"), quantity("officials", "N2")]
    dates = [date("Monday", "2024-12-16"), date("December", "2024-12")]
    [linked], linked_quantities = link_article([quote()], quantities, dates, ENTITIES, doc)
    assert [q["quantity_id"] for q in linked["quantities"]] == ["N1"]
    assert linked["quantities"][0]["quote_id"] == "Q1"
    assert [q["quote_id"] for q in linked_quantities] == ["Q1", None]
    assert [d["text"] for d in linked["dates"]] == ["December"]
    assert quantities[0]["quote_id"] is None  # inputs are not changed


def test_a_quantity_whose_hedge_is_the_cue_belongs_to_the_content(nlp):
    text = "With an estimated 12,000 troops at the border, talks stalled."
    hedged = {
        "quote_id": "Q1",
        "content": {"text": "12,000 troops", "start": 20, "end": 33, "parts": None},
        "cue": {"text": "estimated", "start": 10, "end": 19, "lemma": "estimated"},
        "speaker": None,
        "speech_date": None,
    }
    amount = {"text": "an estimated 12,000", "start": 7, "end": 26, "quantity_id": "N1"}
    [linked], [linked_amount] = link_article([hedged], [amount], [], [], nlp(text))
    assert [q["quantity_id"] for q in linked["quantities"]] == ["N1"]
    assert linked_amount["quote_id"] == "Q1"


def test_speaker_gets_entity_and_speech_date_is_the_date_by_the_cue(doc):
    dates = [date("Monday", "2024-12-16"), date("December", "2024-12")]
    [linked], _ = link_article([quote()], [], dates, ENTITIES, doc)
    assert linked["speaker"]["entity_id"] == "E1"
    assert linked["speech_date"] == "2024-12-16"


def test_content_parts_decide_what_is_inside(doc):
    gapped = quote()
    gapped["content"]["parts"] = [span("about 300 soldiers")]
    [linked], _ = link_article([gapped], [], [date("December", "2024-12")], ENTITIES, doc)
    assert linked["dates"] == []


def test_no_cue_no_speech_date(doc):
    uncued = quote() | {"cue": None}
    [linked], _ = link_article([uncued], [], [date("Monday", "2024-12-16")], ENTITIES, doc)
    assert linked["speech_date"] is None


def test_a_date_of_another_clause_is_not_the_speech_date(nlp):
    text = "Russia signed a treaty in June that officials said requires troops to defend it."
    doc = nlp(text)
    said, content, june = text.index("said"), text.index("requires"), text.index("June")
    quote = {
        "quote_id": "Q1",
        "content": {"start": content, "end": len(text) - 1, "parts": None},
        "cue": {"start": said, "end": said + 4},
        "speaker": None,
    }
    dates = [{"text": "June", "start": june, "end": june + 4, "type": "DATE", "value": "2024-06"}]
    [linked], _ = link_article([quote], [], dates, [], doc)
    assert linked["speech_date"] is None
    told = "Officials told reporters in June that troops defend it."
    june = told.index("June")
    quote["cue"] = {"start": told.index("told"), "end": told.index("told") + 4}
    quote["content"] = {"start": told.index("that"), "end": len(told) - 1, "parts": None}
    dates[0] |= {"start": june, "end": june + 4}
    [linked], _ = link_article([quote], [], dates, [], nlp(told))
    assert linked["speech_date"] == "2024-06"


def linked_speech_date(
    nlp, text: str, cue: str, content: str, date: str, **spans: str
) -> str | None:
    """The speech date of a quote of `text` given by the words of its cue, content and date;
    `spans` are the words of its speaker or medium."""

    def at(words: str) -> dict:
        start = text.index(words)
        return {"text": words, "start": start, "end": start + len(words)}

    quote = {"quote_id": "Q1", "content": at(content) | {"parts": None}, "cue": at(cue)}
    quote |= {"speaker": None} | {part: at(words) for part, words in spans.items()}
    dates = [at(date) | {"type": "DATE", "value": "2024-03-03"}]
    lexicon = load_cue_lexicon()
    [linked], _ = link_article(
        [quote], [], dates, [], nlp(text), lexicon.publishing_verbs, lexicon.documents
    )
    return linked["speech_date"]


def test_the_date_of_a_participle_of_the_same_speech_event(nlp):
    text = "In a statement released on March 3, the ministry said the talks had failed."
    when = linked_speech_date(nlp, text, "said", "the talks", "March 3", medium="a statement")
    assert when == "2024-03-03"
    text = "Vale, speaking on March 3, warned that prices would rise."
    when = linked_speech_date(nlp, text, "warned", "that prices", "March 3", speaker="Vale")
    assert when == "2024-03-03"
    text = "Kirby, speaking to reporters on March 3, said the losses were heavy."
    when = linked_speech_date(nlp, text, "said", "the losses", "March 3", speaker="Kirby")
    assert when == "2024-03-03"


def test_the_date_of_the_medium_and_of_the_event_of_a_participle_cue(nlp):
    text = "The ministry said in a statement on March 3 that the talks had failed."
    assert linked_speech_date(nlp, text, "said", "that the talks", "March 3") == "2024-03-03"
    text = "Nexora on March 3 postponed the plant, citing weak demand for chips."
    when = linked_speech_date(nlp, text, "citing", "weak demand", "March 3")
    assert when == "2024-03-03"


def test_the_date_a_document_speaker_was_put_out(nlp):
    text = "The study, published on March 3 in a journal, estimated that 9,000 cases were new."
    when = linked_speech_date(nlp, text, "estimated", "that 9,000", "March 3", speaker="The study")
    assert when == "2024-03-03"
    text = "According to a complaint filed on March 3, Hennig had been fired."
    speaker = "a complaint"
    when = linked_speech_date(nlp, text, "According to", "Hennig had", "March 3", speaker=speaker)
    assert when == "2024-03-03"


def test_the_date_of_a_speech_event_told_in_a_phrase_in_a_phrase(nlp):
    text = "Speaking at a news conference on March 3, Salo said he had full confidence in her."
    when = linked_speech_date(nlp, text, "said", "he had", "March 3", speaker="Salo")
    assert when == "2024-03-03"
    text = "In a letter to the board, published on March 3, the commission said Fenmoor failed."
    when = linked_speech_date(nlp, text, "said", "Fenmoor failed", "March 3")
    assert when == "2024-03-03"


def test_the_date_of_putting_out_what_the_speaker_made(nlp):
    text = "Levels fell, according to figures published by the agency on March 3."
    when = linked_speech_date(
        nlp, text, "according to", "Levels fell", "March 3", speaker="the agency"
    )
    assert when == "2024-03-03"
    text = "Risk fell, according to a study of 3,000 children published on March 3 in a journal."
    speaker = "a study of 3,000 children published on March 3 in a journal"
    when = linked_speech_date(nlp, text, "according to", "Risk fell", "March 3", speaker=speaker)
    assert when == "2024-03-03"


def test_the_date_a_document_speaker_bears(nlp):
    text = "A 2024 report by the state auditor found that a third of sites were not inspected."
    speaker = "A 2024 report by the state auditor"
    when = linked_speech_date(nlp, text, "found", "that a third", "2024", speaker=speaker)
    assert when == "2024-03-03"
    text = "A 2024 graduate, Ana Ruiz, said that a third of sites were not inspected."
    speaker = "A 2024 graduate, Ana Ruiz"
    assert linked_speech_date(nlp, text, "said", "that a third", "2024", speaker=speaker) is None


def test_the_date_of_the_speech_verb_a_refusal_takes(nlp):
    text = "Pruitt declined to say on March 3 whether the offer was higher."
    when = linked_speech_date(nlp, text, "declined", "whether the offer", "March 3")
    assert when == "2024-03-03"


def test_a_cue_coordinated_to_the_speakers_dated_cue_shares_its_date(nlp):
    text = "The league confirmed on March 3 that reports had arrived, but declined to comment."
    doc = nlp(text)

    def at(words: str) -> dict:
        start = text.index(words)
        return {"text": words, "start": start, "end": start + len(words)}

    speaker = at("The league")
    confirmed = {"quote_id": "Q1", "cue": at("confirmed"), "speaker": speaker}
    confirmed["content"] = at("that reports had arrived") | {"parts": None}
    declined = {"quote_id": "Q2", "cue": at("declined"), "speaker": speaker}
    declined["content"] = at("to comment") | {"parts": None}
    dates = [at("March 3") | {"type": "DATE", "value": "2024-03-03"}]
    linked, _ = link_article([confirmed, declined], [], dates, [], doc)
    assert [quote["speech_date"] for quote in linked] == ["2024-03-03", "2024-03-03"]


def test_the_date_of_another_event_of_a_participle_is_not_the_speech_date(nlp):
    text = "The union called her a champion, citing her work after the March 3 floods."
    assert linked_speech_date(nlp, text, "called", "her a champion", "March 3") is None
    text = "Vale, elected on March 3, said that prices would rise."
    assert linked_speech_date(nlp, text, "said", "that prices", "March 3", speaker="Vale") is None
    text = "Lund, the port's director since March 3, estimated that prices would rise."
    assert linked_speech_date(nlp, text, "estimated", "that prices", "March 3") is None
    text = "The group kept its dividend, unchanged from March 3, and said it would buy shares."
    speaker = "The group"
    assert linked_speech_date(nlp, text, "said", "it would", "March 3", speaker=speaker) is None


def test_a_quantity_in_a_nested_quote_is_listed_by_both_and_belongs_to_the_inner(doc):
    outer = quote()
    inner = quote() | {"quote_id": "Q2", "content": span("about 300 soldiers") | {"parts": None}}
    quantities = [quantity("about 300", "N1")]
    [linked_outer, linked_inner], [linked] = link_article(
        [outer, inner], quantities, [], ENTITIES, doc
    )
    assert linked["quote_id"] == "Q2"
    assert [q["quote_id"] for q in linked_outer["quantities"]] == ["Q2"]
    assert [q["quote_id"] for q in linked_inner["quantities"]] == ["Q2"]
    linked_outer["quantities"][0]["value"] = "changed"
    assert linked_inner["quantities"][0].get("value") != "changed"  # copies, not one record


def test_speaker_that_only_contains_a_name_gets_no_entity(nlp):
    text = "An unnamed American official said the talks had failed."
    speaker = {"text": "An unnamed American official", "start": 0, "end": 28}
    record = quote() | {
        "speaker": speaker
        | {"name": "unnamed American official", "entity_id": None, "label": None},
        "content": {"text": "the talks had failed", "start": 34, "end": 54, "parts": None},
        "cue": {"text": "said", "start": 29, "end": 33, "lemma": "say"},
    }
    american = [{"entity_id": "E1", "mentions": [{"text": "American", "start": 11, "end": 19}]}]
    [linked], _ = link_article([record], [], [], american, nlp(text))
    assert linked["speaker"]["entity_id"] is None


def test_copied_records_share_no_part_with_the_originals():
    original = quote()
    copy = copied(original)
    assert copy == original
    copy["content"]["text"] = copy["speaker"]["name"] = ""
    copy["quantities"].append({})
    assert original == quote()
