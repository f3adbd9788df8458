"""The one dateline definition shared by the entities, attribution and speaker stages."""

from __future__ import annotations

import pytest

from pipeline.datelines import DATELINE, dateline_end


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BERLIN — Voltaris AG said", "BERLIN"),
        ("WASHINGTON (AP) ― The ruling", "WASHINGTON"),
        ("WASHINGTON -- President Obama", "WASHINGTON"),
        ("NAIROBI, Kenya — The World Health Organization", "NAIROBI"),
        ("PORT ELLIS, Oct. 14 (UPI) — In a short video", "PORT ELLIS"),
    ],
)
def test_datelines_and_their_place(text: str, place: str):
    match = DATELINE.match(text)
    assert match is not None and match.group("place") == place


@pytest.mark.parametrize(
    "text", ["The US — and others — met.", "Berlin — the city — is big.", "He said — BERLIN — no."]
)
def test_no_dateline_in_running_text(text: str):
    assert DATELINE.match(text) is None


def test_a_sentence_starts_after_its_dateline(nlp):
    doc = nlp("PORT ELLIS, Oct. 14 (UPI) — Mayor Ada Quill said the bridge would open.")
    sentence = next(doc.sents)
    assert doc[dateline_end(sentence)].text == "Mayor"
    plain = next(nlp("Mayor Ada Quill said the bridge would open.").sents)
    assert dateline_end(plain) == plain.start
