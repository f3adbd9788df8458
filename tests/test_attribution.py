"""The attribution stage on small hand-made texts, with the real model."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import spacy

from pipeline.attribution import (
    Attribution,
    AttributionStage,
    deduplicated,
    parents_of,
    take_quotation,
)
from pipeline.cues import coordinated_outside_quotes, passive_as_predicate
from pipeline.entities import EntityStage
from pipeline.quote_marks import find_quotations
from pipeline.read import Article, read_txt
from pipeline.scoring import score_quote_tables
from tests.conftest import REPO, SEEDS


@pytest.fixture(scope="module")
def extract(nlp):
    entities_stage, stage = EntityStage(nlp), AttributionStage()

    def run(text: str) -> list[dict]:
        doc = nlp(text)
        article = Article("t", text, "test")
        records = stage(doc, article, entities_stage(doc, article))
        for record in records:
            content = record["content"]
            assert text[content["start"] : content["end"]] == content["text"]
            for part in content["parts"] or []:
                assert text[part["start"] : part["end"]] == part["text"]
        return records

    return run


def with_cue(records: list[dict], cue: str) -> list[dict]:
    return [r for r in records if r["cue"] and r["cue"]["text"] == cue]


def speaker_texts(records: list[dict]) -> dict[str, str | None]:
    """Each record's speaker mention by its cue."""
    return {r["cue"]["text"]: r["speaker"] and r["speaker"]["text"] for r in records}


def summary(record: dict) -> tuple:
    speaker = record["speaker"]
    parts = record["content"]["parts"] or [record["content"]]
    return (
        record["kind"],
        [part["text"] for part in parts],
        record["cue"]["text"] if record["cue"] else None,
        speaker["name"] if speaker else None,
    )


def test_reported_speech_with_addressee(extract):
    [record] = extract(
        "Matthew Miller told reporters at a briefing that the soldiers had crossed the border."
    )
    assert summary(record) == (
        "indirect",
        ["that the soldiers had crossed the border"],
        "told",
        "Matthew Miller",
    )
    assert record["speaker"]["resolved_by"] == "self"


def test_sentence_opened_by_its_cue_before_a_quotation(extract):
    records = extract(
        "Critics say the plan is vague. Said Ellis: “I don’t get the sense she cares.” "
        'The mayor agreed. Added the mayor: "We will rebuild." Ada Cruz left. '
        "Added Cruz, “We will see.”"
    )
    found = [(r["content"]["text"], r["cue"]["text"], r["speaker"]["text"]) for r in records]
    assert found[1:] == [
        ("I don’t get the sense she cares.", "Said", "Ellis"),
        ("We will rebuild.", "Added", "the mayor"),
        ("We will see.", "Added", "Cruz"),
    ]
    assert records[1]["speaker"]["name"] == "Ellis"  # not "Said Ellis"


def test_question_put_before_the_cue_is_not_what_was_said(extract):
    records = extract("Kerr left.\n\nAsked whether he would resign, Kerr said, “Absolutely not.”")
    said = with_cue(records, "said")
    assert [summary(r) for r in said] == [("direct", ["Absolutely not."], "said", "Kerr")]
    assert not said[0]["negated"]  # the "not" is in the quotation
    [asked] = with_cue(records, "Asked")
    assert asked["speaker"] is None  # Kerr was asked; the asker is not named
    records = extract("Asked about the delay: “We are on it,” she said.")
    assert summary(with_cue(records, "said")[0])[:3] == ("direct", ["We are on it"], "said")


def test_quotation_that_goes_on_with_the_sentence_around_its_cue(extract):
    [record] = extract("The vote, Kerr said, “was a disgrace.”")
    assert summary(record) == ("mixed", ["The vote", "“was a disgrace.”"], "said", "Kerr")


def test_orders_report_what_was_ordered_and_not_an_ordered_thing(extract):
    records = extract(
        "Judge Ada Roe ordered prosecutors to hand over the logs by Friday. Police instructed "
        "residents to stay indoors. The governor ordered an evacuation of the coast."
    )
    assert [summary(r) for r in records] == [
        ("indirect", ["to hand over the logs by Friday"], "ordered", "Ada Roe"),
        ("indirect", ["to stay indoors"], "instructed", "Police"),
    ]
    assert records[0]["addressee"]["text"] == "prosecutors"


def test_call_for_a_clause_the_parse_read_as_adverbial(extract):
    [record] = extract(
        "Last week he called for the watchdog to be given the power to cost every budget "
        "measure before it is announced."
    )
    assert summary(record)[1:3] == (
        ["the watchdog to be given the power to cost every budget measure before it is announced"],
        "called",
    )


def test_direct_quote_with_pronoun_speaker(extract):
    records = extract(
        "Kirby spoke to reporters on Monday. “We do believe that they have suffered losses,” "
        "he said."
    )
    direct = [r for r in records if r["kind"] == "direct"]
    assert [summary(r) for r in direct] == [
        ("direct", ["We do believe that they have suffered losses"], "said", "Kirby")
    ]
    assert direct[0]["speaker"]["text"] == "he"
    assert direct[0]["speaker"]["resolved_by"] == "coreference"


def test_split_quote_is_one_attribution_with_two_parts(extract):
    records = extract("“My hope,” Jane Roe said, “is that the talks resume soon.”")
    assert [summary(r) for r in records] == [
        ("direct", ["My hope", "is that the talks resume soon."], "said", "Jane Roe")
    ]


def test_according_to_and_no_named_source(extract):
    records = extract(
        "According to the ministry, about 300 soldiers died. "
        "It was reported that the convoy had turned back."
    )
    found = {summary(r)[2]: summary(r) for r in records}
    assert found["According to"][1] == ["about 300 soldiers died"]
    assert found["According to"][3] == "ministry"
    assert found["reported"][3] is None


def test_according_to_a_translation_or_transcript_is_no_source(extract):
    records = extract(
        "Venn said the claims were false, according to a translation provided by his "
        "ministry. “We will not be lectured,” the minister told reporters, according to a "
        "transcript released by the ministry."
    )
    assert [r["cue"]["text"] for r in records] == ["said", "told"]
    assert records[0]["speaker"]["text"] == "Venn"


def test_document_opening_a_clause_is_its_source(extract):
    records = extract(
        "In the latest Harwick College survey, Vale leads Quill by 5 points among younger "
        "renters.\n\n"
        "In a statement, the ministry said 300 soldiers died.\n\n"
        "In the park, the mayor opened a new playground."
    )
    assert [(r["cue"]["text"], r["speaker"]["text"], r["content"]["text"]) for r in records] == [
        (
            "In",
            "the latest Harwick College survey",
            "Vale leads Quill by 5 points among younger renters",
        ),
        ("said", "the ministry", "300 soldiers died"),
    ]


def test_naming_participle_is_no_speech(extract):
    assert extract("The mill stands beside a narrow creek called Otter Gill.") == []
    assert extract("The scheme, called GX-7, closes this month.") == []
    [record] = extract(
        "One of the nurses who signed the petition called Vale a bully, liar and coward."
    )
    assert summary(record)[1:3] == (["Vale a bully, liar and coward"], "called")


def test_title_in_quotation_marks_is_no_quote(extract):
    [record] = extract("Quill sings Lena Ortiz’s “Harbour Lights” to the mayor in the clip.")
    assert summary(record)[:3] == (
        "indirect",
        ["Lena Ortiz’s “Harbour Lights” to the mayor in the clip"],
        "sings",
    )
    [record] = extract("Vale called the plan “a disaster” on Monday.")
    assert summary(record)[:2] == ("mixed", ["the plan “a disaster”"])


def test_quoted_subheading_is_no_quote(extract):
    records = extract(
        "“The pumps will hold,” Ms. Ostrova said. “We checked them twice.”\n\n"
        "‘Nothing Left to Save.’\n\n"
        "The first floods came in March."
    )
    assert [summary(r) for r in records] == [
        ("direct", ["The pumps will hold", "We checked them twice."], "said", "Ostrova")
    ]


def test_single_quotes_british_style(extract):
    records = extract(
        "‘Nobody came to help us,’ said Margaret Hale. ‘We waited for hours.’\n\n"
        "The players’ union said the offer was ‘an insult’."
    )
    assert [summary(r) for r in records] == [
        ("direct", ["Nobody came to help us", "We waited for hours."], "said", "Margaret Hale"),
        ("mixed", ["the offer was ‘an insult’"], "said", "players’ union"),
    ]
    [record] = extract(
        "The Upper Arvin Residents’ Association, which has been mapping the damage, says at "
        "least 230 homes have burned."
    )
    assert record["speaker"]["name"] == "Upper Arvin Residents’ Association"


def test_according_to_a_source_the_parse_reads_as_a_verb_phrase(extract):
    records = extract(
        "As host of “The Pantry,” Jon Vale often ridiculed the bakers, according to contest "
        "insiders. They said he laughed at the losers."
    )
    assert [(r["cue"]["text"], r["speaker"]["text"], r["speaker"]["name"]) for r in records] == [
        ("according to", "contest insiders", "contest insiders"),
        ("said", "They", "contest insiders"),
    ]
    assert records[0]["content"]["text"] == (
        "As host of “The Pantry,” Jon Vale often ridiculed the bakers"
    )


def test_according_to_whose_content_the_parse_reads_as_apposition(extract):
    [record] = extract(
        "According to conservative radio host Jim Vale, the levy smacks of “panic” and "
        "greed.\n\nThe mayor left."
    )
    assert summary(record) == (
        "mixed",
        ["the levy smacks of “panic” and greed"],
        "According to",
        "Jim Vale",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Prices will rise, according to a statement the ministry released on Monday.",
            "the ministry",
        ),
        ("Prices will rise, according to a report released by the agency.", "the agency"),
        ("Prices will rise, according to a report from the agency.", "a report from the agency"),
    ],
)
def test_according_to_a_document_quotes_its_author(extract, text, speaker):
    [record] = extract(text)
    assert (record["cue"]["text"], record["speaker"]["text"]) == ("according to", speaker)
    assert record["content"]["text"] == "Prices will rise"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Prices rose 4%, according to figures published by the agency.", "the agency"),
        (
            "Prices rose 4%, according to data from the research firm Corvin.",
            "the research firm Corvin",
        ),
        ("Prices rose 4%, according to estimates by the United Nations.", "the United Nations"),
    ],
)
def test_according_to_figures_or_data_quotes_who_gave_them(extract, text, speaker):
    [record] = extract(text)  # and "published" is no cue of its own
    assert (record["cue"]["text"], record["speaker"]["text"]) == ("according to", speaker)
    assert record["content"]["text"] == "Prices rose 4%"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The research firm Corvin Analytics said prices rose.",
            "The research firm Corvin Analytics",
        ),
        ("The firm, Corvin Analytics, said prices rose.", "The firm"),
        ("The World Health Organization (WHO) said prices rose.", "The World Health Organization"),
    ],
)
def test_a_name_right_after_its_description_is_part_of_the_speaker(extract, text, speaker):
    [record] = extract(text)
    assert record["speaker"]["text"] == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The tax, as the mayor noted, will fall hardest on renters.",
            "noted",
            ["The tax", "will fall hardest on renters"],
        ),
        (
            "As the mayor said on Monday, the tax will fall hardest on renters.",
            "said",
            ["the tax will fall hardest on renters"],
        ),
        (
            "The bridge, as Smith said on Monday, has been closed for years.",  # on "bridge"
            "said",
            ["The bridge", "has been closed for years"],
        ),
        ("Prices fell as analysts had predicted.", "predicted", ["Prices fell"]),
        (
            "As the mayor put it in a statement on Monday, the town cannot wait another winter.",
            "put",
            ["the town cannot wait another winter"],
        ),
        (
            "The plan needs a lawful source of income, as a council memo put it.",
            "put",
            ["The plan needs a lawful source of income"],
        ),
    ],
)
def test_as_clause_cue_reports_the_clause_it_modifies(extract, text, cue, content):
    [record] = extract(text)
    parts = record["content"]["parts"] or [record["content"]]
    assert (record["cue"]["text"], [p["text"] for p in parts]) == (cue, content)


def test_as_clause_with_an_object_is_a_circumstance(extract):
    assert extract("As the mayor called for calm, protesters gathered outside city hall.") == []
    assert extract("As she put it on the table, the phone rang.") == []


def test_passive_as_clause_reports_the_clause_it_modifies_if_it_names_its_source(extract):
    [stated, reported] = extract(
        "As stated in the audit, there are many questions about how the fund was run. "
        "As reported by the Daily Ledger, the mayor will resign on Friday."
    )
    assert summary(stated)[1:] == (
        ["there are many questions about how the fund was run"],
        "stated",
        "audit",
    )
    assert summary(reported)[1:] == (
        ["the mayor will resign on Friday"],
        "reported",
        "Daily Ledger",
    )
    assert extract("As expected, the mayor resigned. The mayor, as reported, will resign.") == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        (
            "The Green candidate has been endorsed by scores of unions.",
            "endorsed",
            "scores of unions",
            "The Green candidate",
        ),
        (
            "That is a clumsy remedy, said Mr. Oakes (a verdict echoed by everyone I asked).",
            "echoed",
            "everyone",
            "a verdict",
        ),
    ],
)
def test_passive_cue_with_an_agent_reports_its_subject(extract, text, cue, speaker, content):
    [record] = with_cue(extract(text), cue)
    assert (record["speaker"]["text"], record["content"]["text"]) == (speaker, content)


def test_passive_cue_reports_no_pronoun(extract):
    assert extract("They were backed by the mayor.") == []


def test_cue_noun_owned_by_a_pronoun_is_its_speakers_claim(extract):
    records = extract(
        "Mary Jones spoke on Friday. Her claim that the budget was balanced was disputed."
    )
    [claim] = with_cue(records, "claim")
    assert (claim["speaker"]["text"], claim["speaker"]["name"]) == ("Her", "Mary Jones")


def test_cue_noun_owner_parsed_as_a_subject_is_its_speaker(extract):
    [claim] = extract("The police’s claim that the driver had refused to stop was disputed.")
    assert summary(claim)[1:3] == (["that the driver had refused to stop"], "claim")
    assert claim["speaker"]["text"] == "The police’s"


def test_name_the_parse_ran_into_an_opening_phrase_is_the_subject(extract):
    records = extract(
        "Donald Trump met editors in March. In a talk with the opinion staff of the "
        "Daily Ledger Trump said that the treaty was useless."
    )
    [said] = with_cue(records, "said")
    assert (said["speaker"]["text"], said["speaker"]["name"]) == ("Trump", "Donald Trump")


def test_participle_after_a_preposition_takes_the_subject_of_its_clause(extract):
    [record] = extract("Marsh, despite admitting that he had doubts, voted for the levy.")
    assert (record["cue"]["text"], record["speaker"]["text"]) == ("admitting", "Marsh")
    # Here the parse hangs "despite" on the subject, not on the verb.
    [record] = extract(
        "House Speaker Paul Ryan, R-Wis., despite admitting that he had concerns about the "
        "bill, voted for it."
    )
    assert (record["cue"]["text"], record["speaker"]["name"]) == ("admitting", "Paul Ryan")


@pytest.mark.parametrize(
    "text",
    [
        # The parse hangs "the officer" and "Dr Anya Petrov" each on "Lorvik FM" ...
        "In an interview with the broadcaster Lorvik FM, the town’s health officer, Dr Anya "
        "Petrov, said two people had been treated in hospital.",
        # ... or "Dr Anya Petrov" on "the officer", which it hangs on "Harlow FM".
        "In an interview with the broadcaster Harlow FM, the city’s housing officer, Dr Anya "
        "Petrov, said four families had been moved.",
    ],
)
def test_subject_read_as_an_apposition_of_the_phrase_before_it(extract, text):
    [said] = with_cue(extract(text), "said")
    assert said["speaker"]["text"].endswith("officer, Dr Anya Petrov")
    assert (said["speaker"]["name"], said["speaker"]["resolved_by"]) == (
        "Anya Petrov",
        "apposition",
    )


def test_a_coordinated_verb_takes_its_partners_subject_not_a_cue_before_it(extract):
    records = extract(
        "That figure is potentially higher than the “dozens” that White House spokesman Tom "
        "Reyes offered on Monday and suggests a massive deployment of force by Pyongyang onto "
        "the European border."
    )
    [suggests] = with_cue(records, "suggests")
    assert suggests["speaker"]["text"] == "That figure"


def test_a_verb_coordinated_across_a_quotation_mark_is_not_its_partners():
    # "“I can't breathe,” as Garner said": parsed by hand as the model may.
    vocab = spacy.blank("en").vocab
    words = ["I", "breathe", "”", "and", "said"]
    tags = ["PRP", "VB", "''", "CC", "VBD"]
    deps = ["nsubj", "ROOT", "punct", "cc", "conj"]
    doc = spacy.tokens.Doc(vocab, words=words, heads=[1, 1, 1, 1, 1], deps=deps, tags=tags)
    assert not coordinated_outside_quotes(doc[4])
    del words[2], tags[2], deps[2]
    doc = spacy.tokens.Doc(vocab, words=words, heads=[1, 1, 1, 1], deps=deps, tags=tags)
    assert coordinated_outside_quotes(doc[3])


def test_infinitive_takes_the_subject_of_the_verb_it_completes(extract):
    records = extract(
        "After the staff said the plan had failed, the mayor was eager to announce a new "
        "one. While his aides have suggested his best role is as a mentor, Mr. Vale is "
        "determined to warn his voters about the cost of sitting out the vote."
    )
    assert speaker_texts(records) == {
        "said": "the staff",
        "announce": "the mayor",
        "suggested": "his aides",
        "warn": "Mr. Vale",
    }


def test_participle_opening_the_sentence_takes_the_main_subject(extract):
    records = extract(
        "Claiming the criticism of the host is designed to pressure the panel, Vale told "
        "reporters that the debate was rigged."
    )
    assert speaker_texts(records) == {"Claiming": "Vale", "told": "Vale"}


def test_noun_phrase_before_a_parenthetical_cue_is_content_not_a_circumstance(extract):
    [record] = extract(
        "Those nurses, the director explained later in the hearing, were “well-trained,” "
        "earning about $50,000 a year."
    )
    assert [p["text"] for p in record["content"]["parts"]] == [
        "Those nurses",
        "were “well-trained,” earning about $50,000 a year",
    ]
    assert record["speaker"]["text"] == "the director"


def test_cue_ending_a_paragraph_with_a_colon_reports_the_next_paragraph(extract):
    records = extract(
        "The governor spoke on Friday. The governor added:\n\nIt is just like her. She reads "
        "nothing, but the talking never ends.\n\nThe crowd cheered."
    )
    [added] = with_cue(records, "added")
    assert added["content"]["text"] == (
        "It is just like her. She reads nothing, but the talking never ends"
    )


def test_relative_clause_speaker(extract):
    records = extract(
        "The Ukrainian government, which accused Russian soldiers of burning the faces of "
        "the dead, gave no figures."
    )
    [record] = records
    assert record["cue"]["text"] == "accused"
    assert record["speaker"]["text"] == "The Ukrainian government"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The memo is meant to calm nervous councillors at City Hall, who have warned that "
            "it costs votes.",
            "nervous councillors at City Hall",
        ),
        (
            "Joe Lind, a lawyer for the Anglers Guild, who has been criticizing the paper "
            "mill for years, said the plan was weak.",
            "Joe Lind",
        ),
    ],
)
def test_relative_pronoun_stands_for_the_person_not_a_place_or_a_description(
    extract, text, speaker
):
    records = extract(text)
    assert {r["speaker"]["text"] for r in records} == {speaker}


def test_relative_pronoun_of_a_clause_misparsed_as_adverbial_is_its_noun(extract):
    [record] = extract(
        "To find out, they turned to the Harwick Transit Authority which reported “2,940 "
        "complaints” on its buses between March 3 and June 9."
    )
    assert record["cue"]["text"] == "reported"
    assert record["speaker"]["text"] == "the Harwick Transit Authority"


def test_mixed_quote_and_negation(extract):
    records = extract(
        "The official described North Korea as suffering “several hundred casualties” this "
        "fall. North Korea has not confirmed the deployment of any troops."
    )
    kinds = {r["cue"]["text"]: (r["kind"], r["negated"]) for r in records}
    assert kinds["described"] == ("mixed", False)
    assert kinds["confirmed"] == ("indirect", True)


def test_refused_speech_is_negated(extract):
    records = extract(
        "A spokeswoman for the company declined to say how many jobs were at risk. The agency "
        "failed to explain why the wall collapsed. The mayor went on to say that the wall "
        "was safe."
    )
    negated = {r["cue"]["text"]: r["negated"] for r in records}
    assert negated == {"declined": True, "explain": True, "say": False}


def test_an_amount_added_posted_or_charged_is_no_speech(extract):
    assert (
        extract(
            "Shares in Tolvane Bank added 3% on Tuesday even though it posted a loss of £50 "
            "million. Its new fund will charge investors a fee of 1%. Last year the bank "
            "posted a 34% profit gain."
        )
        == []
    )
    records = extract(
        "In April, prosecutors charged two local developers, Ada Quist and Tom Rell, with "
        "defrauding investors from 30 countries. Vale added that the fee was fair."
    )
    assert [r["cue"]["text"] for r in records] == ["charged", "added"]


def test_according_to_on_a_cue_is_not_its_content(extract):
    records = extract("The report was never published, according to two officials.")
    assert [summary(r) for r in records] == [
        ("indirect", ["The report was never published"], "according to", "two officials")
    ]


def test_a_speech_act_coordinated_to_the_reported_clause_is_the_speakers_next_one(extract):
    records = extract(
        "Senator Ada Vale said she would order a review of the port and warned against "
        "further delays. Beijing said it was resolutely opposed to the test and warned "
        "North Korea to refrain from further actions that would worsen the situation."
    )
    assert [summary(r) for r in records] == [
        ("indirect", ["she would order a review of the port"], "said", "Ada Vale"),
        ("indirect", ["further delays"], "warned", "Ada Vale"),
        ("indirect", ["it was resolutely opposed to the test"], "said", "Beijing"),
        (
            "indirect",
            ["to refrain from further actions that would worsen the situation"],
            "warned",
            "Beijing",
        ),
    ]


def test_a_cue_that_may_go_on_the_reported_clause_stays_in_it(extract):
    """The footage, not the group, depicted the battle; "that" is not the speaker."""
    records = extract(
        "The group stated that the footage was provided by soldiers and depicted the "
        "aftermath of a battle. The brief said that was not her view and dismissed the "
        "reports as rumours."
    )
    assert [r["content"]["text"] for r in records if r["cue"]["text"] != "depicted"] == [
        "that the footage was provided by soldiers and depicted the aftermath of a battle",
        "that was not her view and dismissed the reports as rumours",
    ]


def test_a_recording_that_shows_something_is_a_source_inside_the_claim(extract):
    records = extract(
        "The group stated that the footage was provided by soldiers and depicted the "
        "aftermath of a battle. The footage was filmed by a drone and showed a burnt tank."
    )
    stated, depicted, showed = records
    assert summary(depicted)[1:4] == (["the aftermath of a battle"], "depicted", "footage")
    assert depicted["parent_id"] == stated["quote_id"]
    assert summary(showed)[1:4] == (["a burnt tank"], "showed", "footage")
    assert showed["speaker"]["text"] == "The footage"  # not the drone, the passive's agent


def test_a_phrasal_cue_takes_its_particle(extract):
    records = extract(
        "The minister ruled out a ceasefire. The mayor played down the risk of flooding. "
        "Critics spoke out against the new housing law."
    )
    assert [(r["cue"]["text"], r["cue"]["lemma"], r["content"]["text"]) for r in records] == [
        ("ruled out", "rule out", "a ceasefire"),
        ("played down", "play down", "the risk of flooding"),
        ("spoke out", "speak out", "the new housing law"),
    ]


def test_a_phrasal_cue_after_a_quotation(extract):
    [record] = extract("“We will not back down,” the union leader hit back.")
    assert summary(record) == ("direct", ["We will not back down"], "hit back", "union leader")
    assert record["cue"]["lemma"] == "hit back"


def test_a_verb_of_speaking_reports_what_it_was_about(extract):
    records = extract(
        "Vale talked about bringing the two communities together. She spoke to reporters in "
        "Ohio on Monday. Okafor spoke of the need for reform at the port."
    )
    assert [(r["cue"]["text"], r["content"]["text"]) for r in records] == [
        ("talked", "bringing the two communities together"),
        ("spoke", "the need for reform at the port"),
    ]


def test_a_pronoun_alone_is_no_content(extract):
    records = extract("Officials have ruled that out. The company denied it.")
    assert [r["content"]["text"] for r in records] == []


def test_a_speaker_praised_for_speaking_ends_before_the_cue(extract):
    [record] = extract(
        "She gave credit to the tenants' union for speaking out against the eviction of "
        "elderly residents."
    )
    speaker = record["speaker"]
    assert (record["cue"]["text"], speaker["text"], speaker["name"]) == (
        "speaking out",
        "the tenants' union",
        "tenants' union",
    )


def test_a_cue_after_a_reported_clause_is_still_the_speaker_s(extract):
    [noted, warned, believes] = extract(
        "Kirby noted that Biden recently approved more sanctions on the regime and warned "
        "that American intelligence believes that the troops are being moved."
    )
    assert [summary(r)[2:4] for r in (noted, warned)] == [("noted", "Kirby"), ("warned", "Kirby")]
    assert summary(believes)[2:4] == ("believes", "American intelligence")


def test_a_gerund_after_for_is_what_the_object_did(extract):
    records = extract(
        "On Thursday, the panel held Pagliano in contempt of Congress for refusing to testify "
        "about the server. Vale thanked Okafor for confirming that the plant would stay open."
    )
    assert speaker_texts(records) == {
        "refusing": "Pagliano",
        "thanked": "Vale",
        "confirming": "Okafor",
    }


def test_it_never_refers_to_a_nationality(extract):
    [record] = extract(
        "Northern European leaders met in Riga on Monday. It said the vote would go ahead."
    )
    assert (record["speaker"]["name"], record["speaker"]["resolved_by"]) == ("It", "none")


def test_reports_of_something_are_an_attribution(extract):
    records = extract(
        "Reports of significant battle losses for North Korea emerged this week. North "
        "Korea's claims about the potency of its test could not be verified. The minister "
        "made a statement of fact."
    )
    assert [summary(r) for r in records] == [
        ("indirect", ["significant battle losses for North Korea"], "Reports", None),
        ("indirect", ["the potency of its test"], "claims", "North Korea"),
    ]


def test_a_participle_hung_on_a_reported_cue_is_the_outer_speakers(extract):
    records = extract(
        "Sen. Ada Perdue said she did not believe the ads had hurt the party in 2012, arguing "
        "that divisions in the party were a bigger hurdle. Reyes said Vale believes the plan "
        "works, citing a report by the city auditor."
    )
    assert speaker_texts(with_cue(records, "arguing")) == {"arguing": "Sen. Ada Perdue"}
    assert speaker_texts(with_cue(records, "citing")) == {"citing": "Vale"}


def test_a_from_phrase_after_a_noun_object_belongs_to_the_object(extract):
    records = extract(
        "The agency raised its estimate on Monday, citing data from its own monitoring stations."
    )
    cited = with_cue(records, "citing")
    assert [summary(r)[1:3] for r in cited] == [
        (["data from its own monitoring stations"], "citing")
    ]


def test_a_source_the_parse_read_as_the_apposition_of_the_clause_s_last_words(extract):
    records = extract(
        "A rocket carrying the Kessel probe lifted off from the Tarvik spaceport at 4:17 a.m. "
        "on Thursday, beginning a seven-year journey to the comet Harrow-Lind, the Aldenian "
        "Space Agency said."
    )
    assert [(summary(r)[1][0][-24:], r["speaker"]["text"]) for r in records] == [
        ("to the comet Harrow-Lind", "the Aldenian Space Agency")
    ]


def test_a_clause_only_cue_takes_a_question_read_as_its_object(extract):
    records = extract("The agency has not disclosed how much of the bill its partners paid.")
    assert [(summary(r)[1], r["negated"]) for r in records] == [
        (["how much of the bill its partners paid"], True)
    ]


def test_a_subject_the_parse_glued_to_the_object_before_it_is_found(extract):
    records = extract(
        "Farmers said they're increasingly convinced the Water Board mismanaged the drought "
        "and Greens accused the council of hiding the figures."
    )
    assert [(*summary(r)[1:3], r["speaker"]["text"]) for r in records] == [
        (
            ["they're increasingly convinced the Water Board mismanaged the drought"],
            "said",
            "Farmers",
        ),
        (["the council of hiding the figures"], "accused", "Greens"),
    ]


def test_a_name_set_off_after_the_quotation_is_its_speaker(extract):
    """The parse hangs "Okafor" on "military" inside the quotation and takes the quoted
    show title after the verb for its subject."""
    [record] = extract(
        "“We have to get this right for our president and our military,” Okafor, a top Vale "
        "surrogate, said Thursday morning on Fox News’s “Fox and Friends.”"
    )
    assert record["speaker"]["text"] == "Okafor"


def test_quoted_by_a_newspaper_is_still_the_subjects_speech(extract):
    [record] = extract(
        "The finance minister, Lukas Brandt, was quoted by the newspaper Le Soir as saying "
        "that an early election was now the only way out."
    )
    assert record["speaker"]["text"] == "The finance minister"
    assert record["speaker"]["name"] == "Lukas Brandt"


def test_a_fragment_headed_by_a_preposition_is_read(extract):
    """The walk from a participle up through prepositions once compared tokens by identity,
    which never finds the root: "After saying …" with no main verb looped forever."""
    [record] = extract("After saying the plan was dead.")
    assert (summary(record), record["speaker"]) == (
        ("indirect", ["the plan was dead"], "saying", None),
        None,
    )


def record_at(content: tuple[int, int], cue: tuple[int, int] | None, *parts) -> dict:
    def span(start: int, end: int) -> dict:
        return {"start": start, "end": end}

    return {
        "content": span(*content) | {"parts": [span(*p) for p in parts] or None},
        "cue": span(*cue) if cue is not None else None,
    }


def test_a_cue_is_nested_in_the_smallest_content_that_holds_it():
    outer = record_at((0, 100), (110, 114))
    middle = record_at((20, 60), (10, 14))
    inner = record_at((40, 50), (30, 35))
    split = record_at((200, 300), (225, 229), (200, 220), (280, 300))  # "…," he said, "…"
    in_gap = record_at((240, 250), (230, 235))  # between the quotation's two parts
    in_part = record_at((290, 295), (285, 288))
    parents = parents_of([outer, middle, inner, split, in_gap, in_part])
    assert parents == [None, outer, middle, None, None, split]


def test_one_attribution_per_cue_and_per_content_the_more_confident_kept():
    doc = spacy.blank("en")("one two three four five six seven eight")

    def found(content: tuple[int, int], cue: int | None, confidence: float) -> Attribution:
        cue_span = None if cue is None else doc[cue : cue + 1]
        return Attribution([content], "indirect", cue_span, None, None, confidence)

    weak_same_cue, strong = found((0, 10), 3, 0.5), found((20, 30), 3, 0.9)
    same_content, uncued = found((20, 30), 7, 0.6), found((40, 50), None, 0.4)
    uncued_again = found((60, 70), None, 0.3)
    kept = deduplicated([weak_same_cue, strong, same_content, uncued, uncued_again])
    assert kept == [strong, uncued, uncued_again]


def test_nested_attribution_points_to_its_parent(extract):
    records = extract(
        "Kirby warned that American intelligence believes that the troops are being moved."
    )
    by_cue = {r["cue"]["text"]: r for r in records}
    assert by_cue["believes"]["parent_id"] == by_cue["warned"]["quote_id"]
    assert by_cue["warned"]["parent_id"] is None


def test_hedge_inside_a_quote_is_not_an_attribution(extract):
    records = extract("“I think the deal is dead,” Senator Mary Poe said on Friday.")
    assert [summary(r)[2] for r in records] == ["said"]


def test_description_speaker_resolves_to_earlier_fuller_phrase(extract):
    records = extract(
        "A senior U.S. military official spoke to the Guardian. "
        "“Several hundred casualties is our latest estimate,” the official said."
    )
    [record] = [r for r in records if r["kind"] == "direct"]
    assert record["speaker"]["name"] == "senior U.S. military official"


def test_transcript_turns(extract):
    records = extract(
        "Partial transcript:\n\nMARSH: Will she be there?\n\nOKAFOR: She will not attend."
    )
    assert [(summary(r)[3], summary(r)[1]) for r in records] == [
        ("MARSH", ["Will she be there?"]),
        ("OKAFOR", ["She will not attend."]),
    ]


def test_unbalanced_quote_does_not_crash(extract):
    records = extract("He said “the plan is dead.\n\nNo one else spoke.")
    assert all(r["kind"] != "direct" for r in records)


#: Where the articles of the quotes gold are, by group. The blind articles are measured by
#: `make eval` only: a test floor on them would invite rules written from them.
GOLD_FOLDERS = {
    "seeds": SEEDS,
    "corpus": REPO / "tests" / "corpus",
    "blind": REPO / "tests" / "blind",
}


def gold_articles(groups: tuple[str, ...] = ("seeds", "corpus")) -> list[str]:
    stems = (path.stem for path in (REPO / "tests" / "gold" / "quotes").glob("*.json"))
    return sorted(stem for stem in stems if group_of(stem) in groups)


def group_of(stem: str) -> str | None:
    return next(
        (g for g, folder in GOLD_FOLDERS.items() if (folder / f"{stem}.txt").exists()), None
    )


def article_for(stem: str) -> Article:
    path = GOLD_FOLDERS[group_of(stem)] / f"{stem}.txt"
    return read_txt(path, max_chars=1_000_000)


def test_every_quotes_gold_has_its_article_and_exact_offsets():
    stems = sorted(path.stem for path in (REPO / "tests" / "gold" / "quotes").glob("*.json"))
    assert gold_articles(tuple(GOLD_FOLDERS)) == stems
    for stem in stems:
        text = article_for(stem).text
        gold = json.loads((REPO / "tests" / "gold" / "quotes" / f"{stem}.json").read_text())
        for attribution in gold["attributions"]:
            spans = [*attribution["content"], attribution["cue"], attribution["speaker"]]
            spans += [attribution.get("addressee"), attribution.get("medium")]
            for span in filter(None, spans):
                assert text[span["start"] : span["end"]] == span["text"], (stem, span)


@pytest.mark.slow
def test_who_said_what_against_gold(nlp):
    """Floors at the measured level, so that a change that loses attributions fails:
    the written corpus (attribution F1 0.89, names 0.84 when set) and the seeds (0.64, whose
    gold also counts reportedly, nested speech inside quotes and noun cues)."""
    entities_stage, stage = EntityStage(nlp), AttributionStage()
    totals = {"seeds": Counter(), "corpus": Counter()}
    for stem in gold_articles():
        article = article_for(stem)
        doc = nlp(article.text)
        predicted = stage(doc, article, entities_stage(doc, article))
        gold = json.loads((REPO / "tests" / "gold" / "quotes" / f"{stem}.json").read_text())
        scores = score_quote_tables(gold["attributions"], predicted)
        totals[group_of(stem)].update(scores["counts"])
    for group, floor, name_floor in (("corpus", 0.85, 0.80), ("seeds", 0.60, 0.40)):
        counts = totals[group]
        f1 = 2 * counts["attributed"] / (counts["gold"] + counts["predicted"])
        assert f1 >= floor, (group, counts)
        assert counts["named"] / counts["gold"] >= name_floor, (group, counts)


def test_noun_cue_with_that_clause(extract):
    records = extract("Trump's claim that there were thousands of shootings was false.")
    [record] = records
    assert summary(record) == (
        "indirect",
        ["that there were thousands of shootings"],
        "claim",
        "Trump",
    )


def test_reportedly_has_no_named_source(extract):
    records = extract("The nurse reportedly complained about the wards.")
    reported = with_cue(records, "reportedly")
    assert [(r["speaker"], r["content"]["text"]) for r in reported] == [
        (None, "The nurse reportedly complained about the wards")
    ]


def test_a_hedge_on_a_noun_is_a_claim_with_no_named_source(extract):
    records = extract(
        "With an estimated 12,000 troops deployed to the border, the talks stalled. "
        "Vale said the rebels released a video showing the bodies of alleged smugglers."
    )
    [estimated] = with_cue(records, "estimated")
    assert (estimated["speaker"], estimated["content"]["text"]) == (None, "12,000 troops")
    [alleged] = with_cue(records, "alleged")
    assert (alleged["speaker"], alleged["content"]["text"]) == (None, "smugglers")
    assert alleged["parent_id"] == with_cue(records, "showing")[0]["quote_id"]
    assert extract("The alleged plot was foiled by police.")[0]["content"]["text"] == "plot"
    [estimated] = extract("The club sold him for an estimated £30 million last year.")
    assert (estimated["speaker"], estimated["content"]["text"]) == (None, "£30 million")
    assert extract("He alleged that the vote was rigged.")[0]["cue"]["lemma"] == "allege"


def test_a_passive_cue_with_an_as_predicate_reports_its_subject_and_predicate(extract):
    [cited] = extract(
        "These methods, combined with poor training, were cited as key reasons for the losses."
    )
    assert summary(cited)[1] == [
        "These methods, combined with poor training",
        "as key reasons for the losses",
    ]
    assert cited["speaker"] is None
    [described] = with_cue(
        extract("The deal, which was described as a breakthrough, collapsed in May."), "described"
    )
    assert (described["speaker"], summary(described)[1]) == (
        None,
        ["The deal", "as a breakthrough"],
    )


def test_as_with_no_object_is_no_predicate():
    # Parsed by hand as the model sometimes does: "as" a preposition with "well" under it.
    words = ["Four", "nurses", "were", "admitted", "as", "well", "."]
    heads = [1, 3, 3, 3, 3, 4, 3]
    deps = ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "advmod", "punct"]
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert passive_as_predicate(doc[3]) is None
    deps[5] = "pobj"
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert passive_as_predicate(doc[3]) == [(0, 2), (4, 6)]


def test_indefinite_description_named_just_after(extract):
    records = extract(
        "A Ukraine military monitoring group has alleged that troops were used as shields. "
        "InformNapalm, a pro-Ukraine international group, released a video on Sunday."
    )
    [alleged] = with_cue(records, "alleged")
    assert alleged["speaker"]["text"] == "A Ukraine military monitoring group"
    assert (alleged["speaker"]["name"], alleged["speaker"]["resolved_by"]) == (
        "InformNapalm",
        "coreference",
    )


def test_one_of_a_group_is_introduced_like_an_indefinite_description(extract):
    records = extract(
        "One mother, who had both of her children on the unit, said the drive took an hour. "
        "The woman, Dorota Kowalczyk, 34, now runs a campaign group."
    )
    [said] = with_cue(records, "said")
    assert (said["speaker"]["text"], said["speaker"]["name"]) == ("One mother", "Dorota Kowalczyk")


def test_indefinite_description_taken_up_by_the_woman_and_her_name(extract):
    records = extract(
        "A retired librarian who has lived on Elm Lane for 31 years said she fled with her "
        "dogs. The woman, Gloria Whitby, 72, spent the night in the school gym."
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["text"] == "A retired librarian"
    assert said["speaker"]["name"] == "Gloria Whitby"
    [endorsed] = with_cue(
        extract(
            "A union representing flight attendants endorsed Ada Vale on Thursday. The union "
            "called Vale, the first woman nominated by the party, a champion."
        ),
        "endorsed",
    )
    assert endorsed["speaker"]["name"] == "union representing flight attendants"


def test_the_bank_is_the_organisation_whose_name_it_is_part_of(extract):
    records = extract(
        "Velmora central bank cuts rates\n\n"
        "The National Bank of Velmora cut its benchmark rate to 3.75% on Thursday. Inflation "
        "slowed to 2.6% in May. Prices for services are still rising. Wages rose in April. "
        "Exports fell in March. Imports were flat. Shares rose on the news. "
        "The bank said in a statement that the board had voted 6-3 for the cut."
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["name"] == "National Bank of Velmora"


def test_a_party_in_apposition_does_not_name_the_speaker(extract):
    records = extract(
        "“Somebody knew,” said Councillor Imogen Varley, who represents the Quayside ward.\n\n"
        "The councillor, a Liberal Democrat, said she had raised concerns in July."
    )
    assert [r["speaker"]["name"] for r in with_cue(records, "said")] == ["Imogen Varley"] * 2


def test_an_earlier_description_ends_before_a_verbs_of_gerund(extract):
    records = extract(
        "The Norvessan Medicines Agency ordered the recall on Wednesday. Pharmacies were told "
        "to check their stock. Patients were asked to keep taking the drug. Doctors were sent "
        "new guidance. Hospitals moved some patients to another medicine. The tablets were "
        "made in Stennick. Shares fell 4% on Thursday. The Pharmacy Workers' Union accused the "
        "agency of leaving pharmacists to handle the recall. The union has asked for an urgent "
        "meeting with the agency, which said it would reply within days."
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["name"] == "Norvessan Medicines Agency"


def test_bare_plural_is_its_own_referent(extract):
    records = extract(
        "Western officials said the troops had moved. Ukrainian officials said they had not."
    )
    names = [r["speaker"]["name"] for r in with_cue(records, "said")]
    assert names == ["Western officials", "Ukrainian officials"]


def test_cue_in_the_middle_reports_both_sides(extract):
    records = extract("The new launch, Norvania said on Monday, was its largest so far.")
    [record] = records
    assert summary(record) == (
        "indirect",
        ["The new launch", "was its largest so far"],
        "said",
        "Norvania",
    )


def test_cue_after_the_clause_and_speaker_after_the_cue(extract):
    records = extract(
        "Steel is not the problem, Sen. Marta Lindqvist told reporters. "
        "“Vale has a huge megaphone,” said Peter Osei, a professor of surgery."
    )
    assert [summary(r) for r in records] == [
        ("indirect", ["Steel is not the problem"], "told", "Marta Lindqvist"),
        ("direct", ["Vale has a huge megaphone"], "said", "Peter Osei"),
    ]


def test_pronoun_gender_from_first_names(extract):
    records = extract("Hillary Clinton met Donald Trump on Monday. She said the talks had failed.")
    [record] = records
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("She", "Hillary Clinton")


def test_pronoun_gender_from_census_first_names(extract):
    records = extract(
        "Gladys Vance met Wilbur Quill on Monday. Wilbur Quill arrived late. "
        "She said the talks had failed."
    )
    [record] = records
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("She", "Gladys Vance")


def test_pronoun_prefers_the_main_clause_subject(extract):
    records = extract(
        "Press secretary Colin Marsh said Monday that Governor Aaron Lindqvist wanted zoning "
        "reform. He said the rules were unfair."
    )
    [record] = with_cue(records, "said")[1:]
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("He", "Colin Marsh")


def test_pronoun_refers_to_the_person_a_role_just_stood_for(extract):
    records = extract(
        "Governor Tom Reyes signed the drought bill on Monday.\n\nCarl Brandt, one of the "
        "governor's closest aides, recalled Mr. Reyes talking about the farms of his youth."
        "\n\nThe governor's rural roots also came into play. In Dorrow last week, he told "
        "farmers that the state would help them."
    )
    [told] = with_cue(records, "told")
    assert told["speaker"]["name"] == "Tom Reyes"


def test_pronoun_does_not_refer_to_a_name_in_its_own_clause(extract):
    records = extract(
        "Governor Aaron Lindqvist listened while Colin Marsh read the statement. "
        "He said Lindqvist wanted the rules changed."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("He", "Colin Marsh")


def test_pronoun_main_clause_subject_of_a_second_main_clause(extract):
    records = extract(
        "Greens want more spending, and Liberals want less. They say lower rates would spur growth."
    )
    [record] = with_cue(records, "say")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("They", "Liberals")


def test_pronoun_takes_a_speaker_who_was_no_subject(extract):
    records = extract(
        "Norman Pask retired in 2012. According to Pask, the ministry ignored the advice "
        "of Aaron Lindqvist's engineers. “We are on our third director,” he said."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("he", "Norman Pask")


def test_participle_speakers(extract):
    records = extract(
        "InformNapalm released a video showing about 20 bodies in a field. "
        "The NIS reported that a soldier tried to detonate a grenade while shouting slogans."
    )
    speakers = {r["cue"]["text"]: r["speaker"]["text"] for r in records if r["speaker"]}
    assert speakers["showing"] == "a video"
    assert speakers["reported"] == "The NIS"


def test_coordinated_speakers(extract):
    records = extract(
        "Senators Walter Pryce and Edgar Lund wrote a letter. "
        "Mr. Pryce and Mr. Lund said the program was open to fraud."
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["text"] == "Mr. Pryce and Mr. Lund"
    assert said["speaker"]["name"] == "Walter Pryce and Edgar Lund"


def test_coordinated_speakers_each_with_an_apposition_are_one_phrase(extract):
    records = extract(
        "Tobias Wren, 36, Kestrel's former chief executive, and Kenji Mori, 34, its chief "
        'technology officer, told investors their deposits were "fully backed".'
    )
    [told] = with_cue(records, "told")
    assert told["speaker"]["text"] == (
        "Tobias Wren, 36, Kestrel's former chief executive, and Kenji Mori, 34, its chief "
        "technology officer"
    )
    assert told["speaker"]["name"] == "Tobias Wren and Kenji Mori"


def test_they_refers_to_coordinated_speakers(extract):
    records = extract(
        "Mr. Pryce and Mr. Lund say further reforms are overdue. The scheme, which was "
        "set up in 1987, has strayed far from its purpose, they say."
    )
    [record] = [r for r in with_cue(records, "say") if r["speaker"]["text"] == "they"]
    assert record["speaker"]["name"] == "Pryce and Lund"


def test_it_refers_to_a_thing_that_was_a_main_subject(extract):
    [record] = extract(
        "The new ad from the Vale campaign aired on Monday. It also mentions the bridge plan "
        "that Quill backed."
    )
    assert (record["speaker"]["text"], record["speaker"]["name"]) == (
        "It",
        "new ad from the Vale campaign",
    )
    [record] = extract(
        "The Vale campaign released a housing plan. The typical monthly grant, it says, "
        "would be $300."
    )
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("it", "Vale campaign")


def test_it_refers_to_the_subject_of_a_second_main_clause(extract):
    records = extract(
        "Local shops share these worries, but the chamber of commerce wants to stay neutral. "
        "Recently, however, it issued a statement saying the dam would ruin the river."
    )
    [saying] = with_cue(records, "saying")
    assert saying["speaker"]["name"] == "chamber of commerce"


def test_name_inside_a_quotation_is_not_a_pronoun_antecedent(extract):
    records = extract(
        "Alan Reeve spoke at the plant on Monday. “Nobody believes Peter Vance will keep the "
        "factory open,” he said."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("he", "Alan Reeve")


def test_pronoun_after_another_name_is_no_gender_evidence(extract):
    records = extract(
        "Robin Hale told Peter Vance that he had lost the vote. “We will try again,” she said."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("she", "Robin Hale")


def test_pronoun_about_a_role_in_a_relative_clause_is_no_gender_evidence(extract):
    records = extract(
        "Robin Hale spoke to the senator, who opened his file. “We will try again,” she said."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("she", "Robin Hale")


def test_role_description_named_by_a_title_just_after(extract):
    records = extract(
        "City Attorney Gus Ferrante wrote to the campaign on Friday. "
        "The state attorney general said the fund was not licensed. "
        "But Attorney General Eric Lind would not say whether it broke the law."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["name"], record["speaker"]["resolved_by"]) == (
        "Eric Lind",
        "coreference",
    )


def test_role_description_named_as_the_next_subject(extract):
    records = extract(
        "Delmora’s tax commissioner says nobody at the agency leaked the returns.\n\n"
        "Owen Tallis says he told his staff to check the records."
    )
    [record] = with_cue(records, "says")[:1]
    assert record["speaker"]["text"] == "Delmora’s tax commissioner"
    assert record["speaker"]["name"] == "Owen Tallis"


def test_role_description_is_not_a_titled_stranger_named_after(extract):
    records = extract(
        "The senator said the talks had failed. Mayor Lena Ortiz said they would go on."
    )
    [record] = with_cue(records, "said")[:1]
    assert (record["speaker"]["name"], record["speaker"]["resolved_by"]) == ("senator", "none")


def test_coordinated_descriptions_keep_their_words(extract):
    cases = {
        "Builders and allies in the legislature say the scheme has brought millions to rural "
        "towns.": "Builders and allies in the legislature",
        "Mayor Ada Quill and her aides said the bridge would open in May.": (
            "Ada Quill and her aides"
        ),
        "Kurt Vale spoke on Monday. The Green candidate and his advisers said it was "
        "unfair.": "Green candidate and his advisers",
    }
    for text, name in cases.items():
        [record] = extract(text)
        assert record["speaker"]["name"] == name


def test_description_takes_the_fuller_earlier_phrase_past_quantifiers(extract):
    records = extract(
        "I spoke to a handful of housing economists this week. All the economists I reached "
        "said the plan was careful. The economists said it would raise rents in the suburbs."
    )
    assert [r["speaker"]["name"] for r in with_cue(records, "said")] == ["housing economists"] * 2


def test_description_follows_an_earlier_one_only_when_no_more_specific(extract):
    records = extract(
        "The newest Ledger poll shows Quill ahead. The poll found that voters trust her. "
        "The Harbour tracking poll found that Vale leads."
    )
    assert [r["speaker"]["name"] for r in with_cue(records, "found")] == [
        "newest Ledger poll",
        "Harbour tracking poll",
    ]


def test_description_is_not_named_after_the_conjuncts_of_an_earlier_one(extract):
    [record] = extract(
        "Vale met the nurse and her husband in May. The nurse said the rally was loud."
    )
    assert (record["speaker"]["text"], record["speaker"]["name"]) == ("The nurse", "nurse")


def test_plural_role_is_the_coordinated_people_before(extract):
    records = extract(
        "Mr. Pryce and Mr. Lund say the program is open to fraud. The scheme amounts to "
        "what the senators said was legalised bribery."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["text"], record["speaker"]["name"]) == (
        "the senators",
        "Pryce and Lund",
    )


def test_members_of_a_group_are_not_the_group(extract):
    records = extract(
        "Donald Trump, the Republican nominee, spoke in Ohio. The Republican said the race was "
        "rigged. One Republican said he would not vote. Some Democrats said the plan would "
        "fail. Republicans said it would pass."
    )
    assert [(r["speaker"]["text"], r["speaker"]["name"]) for r in records] == [
        ("The Republican", "Donald Trump"),
        ("One Republican", "One Republican"),
        ("Some Democrats", "Some Democrats"),
        ("Republicans", "Republicans"),
    ]


def test_public_role_description_is_the_person_in_focus(extract):
    records = extract(
        "Paul Brandt toured the plant on Friday. The Dorrow businessman said the jobs would stay."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["name"], record["speaker"]["resolved_by"]) == (
        "Paul Brandt",
        "coreference",
    )


def test_description_with_another_modifier_is_another_referent(extract):
    records = extract(
        "Republican nominee Paul Brandt spoke first. Clara Voss answered him. "
        "The Democratic nominee said the debate was fair."
    )
    [record] = with_cue(records, "said")
    assert record["speaker"]["name"] == "Clara Voss"


def test_participle_after_a_closing_quote_is_not_content(extract):
    records = extract(
        "“We will win. The vote is ours,” said Jane Roe, speaking at the rally in Dover."
    )
    [record] = with_cue(records, "said")
    assert summary(record) == ("direct", ["We will win. The vote is ours"], "said", "Jane Roe")


def test_quotation_goes_on_with_a_mixed_quote(extract):
    records = extract(
        "“I like the engineering” of the plan, Ada Marsh said. “It is more careful than the "
        "rest. But I have real doubts about the cost.”"
    )
    [record] = with_cue(records, "said")
    assert [part["text"] for part in record["content"]["parts"]] == [
        "I like the engineering” of the plan",
        "It is more careful than the rest. But I have real doubts about the cost.",
    ]
    assert record["speaker"]["name"] == "Ada Marsh"


def test_transcript_quoted_as_a_whole_keeps_its_turns(extract):
    records = extract(
        "Mayor Jo Brandt spoke to the radio host. A transcript follows:\n\n"
        '"HOST: Will the bridge open this year?\n\n'
        '"BRANDT: Yes, it will open in the spring, and the tolls will stay low."'
    )
    turns = [r for r in records if r["cue"] and r["cue"]["lemma"] == ":"]
    assert [(r["speaker"]["text"], r["content"]["text"][:8]) for r in turns] == [
        ("HOST", "Will the"),
        ("BRANDT", "Yes, it "),
    ]
    assert turns[1]["speaker"]["name"] == "Jo Brandt"


def test_organisation_description_is_the_organisation_in_focus(extract):
    records = extract(
        "Lumen Trust raised its fees for small savers on Monday. The bank said the change "
        "was needed."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["name"], record["speaker"]["resolved_by"]) == (
        "Lumen Trust",
        "coreference",
    )


def test_an_organisation_of_another_kind_is_not_the_one_in_focus(extract):
    records = extract(
        "Orbit Media hired the anchor Lena Kovacs in 2019. Last week the Harwick Times "
        "reported that Kovacs would leave.\n\nThe network said it would name a successor."
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["name"] != "Harwick Times"  # a newspaper, by its name
    records = extract(
        "Orbit Media hired the anchor Lena Kovacs in 2019. Last week the Harwick Times "
        "reported that Kovacs would leave.\n\nThe newspaper said it would name a successor."
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["name"] == "Harwick Times"
    records = extract(
        "Daniel Ferris, chief executive of Skylark Air, told BBC Radio Seaford’s breakfast show "
        "on Tuesday that flights were cancelled. He warned that the airline believes as many "
        "as 40,000 passengers could be affected."
    )
    [believes] = with_cue(records, "believes")
    assert believes["speaker"]["name"] == "Skylark Air"  # not a station, by a word of its name


def test_earlier_phrase_drops_its_possessive_ending(extract):
    records = extract(
        "Officials questioned the bank’s records on Monday. The bank said the records were "
        "complete."
    )
    [record] = with_cue(records, "said")
    assert record["speaker"]["name"] == "bank"


def test_attitude_and_position_verbs_take_their_object(extract):
    records = extract(
        "Mayor Ada Quill admires the new harbour plan. "
        "The council outlined a budget for the bridge repairs."
    )
    assert [summary(r) for r in records] == [
        ("indirect", ["the new harbour plan"], "admires", "Ada Quill"),
        ("indirect", ["a budget for the bridge repairs"], "outlined", "council"),
    ]


def test_cue_the_parse_hangs_on_its_own_clause(extract):
    cases = {
        "While she acknowledged pay was a big reason she felt worn out working for Lind, "
        "Quill also noted several problems left her angry.": (
            "acknowledged",
            "pay was a big reason she felt worn out working for Lind",
        ),
        "While he admitted money was the main reason he quit, Ortiz also said the hours were "
        "long.": ("admitted", "money was the main reason he quit"),
    }
    for text, (cue, content) in cases.items():
        [record] = with_cue(extract(text), cue)
        assert record["content"]["text"] == content
    assert (
        extract(
            "As she welcomed some two hundred donors, Marsh (R-Ore.) was starting her campaign."
        )
        == []
    )


def event(record: dict) -> tuple[str | None, str | None, str]:
    addressee, medium = record["addressee"], record["medium"]
    return (
        addressee and addressee["text"],
        medium and medium["text"],
        record["content"]["text"],
    )


def test_addressee_and_medium_of_a_speech_event(extract):
    cases = {
        "Matthew Miller told reporters at a briefing that the soldiers had crossed the border.": (
            "reporters",
            "a briefing",
            "that the soldiers had crossed the border",
        ),
        "Vale said to the council that the bridge was safe.": (
            "the council",
            None,
            "that the bridge was safe",
        ),
        "Quill said in an interview with the BBC that she would run again.": (
            "the BBC",
            "an interview",
            "that she would run again",
        ),
        "The ministry said in a statement that the talks had failed.": (
            None,
            "a statement",
            "that the talks had failed",
        ),
        "The mayor wrote on Telegram that the roads were closed.": (
            None,
            "Telegram",
            "that the roads were closed",
        ),
        "Nandakumar posted on LinkedIn that the store would close.": (
            None,
            "LinkedIn",
            "that the store would close",
        ),
        "A spokeswoman said via email that the plant would reopen.": (
            None,
            "email",
            "that the plant would reopen",
        ),
        "Speaking to reporters in Lorvik, Castellanos said the water was safe.": (
            "reporters",
            None,
            "the water was safe",
        ),
        "Kirby described the army as suffering heavy losses in remarks to reporters on Monday.": (
            "reporters",
            "remarks",
            "the army as suffering heavy losses",
        ),
        "Mr. Osei told some of the dockers that the yard would stay open.": (
            "some of the dockers",
            None,
            "that the yard would stay open",
        ),
    }
    for text, expected in cases.items():
        [record] = extract(text)
        assert event(record) == expected, text


def test_no_addressee_for_a_target_or_a_relative_pronoun(extract):
    [accused] = extract("Ortiz accused her of hiding the report.")
    assert event(accused) == (None, None, "hiding the report")
    records = extract("Asked about the vote, Ortiz smiled. To which she said, “We will see.”")
    assert event(with_cue(records, "said")[0]) == (None, None, "We will see.")


def test_addressee_ends_where_the_content_starts(extract):
    [told] = extract("Vale told some of the nurses that the ward would close.")
    assert event(told) == ("some of the nurses", None, "that the ward would close")


def test_that_clause_hung_on_another_word_after_whom_it_was_said_to(extract):
    records = extract(
        "The letters included a clerk lamenting to his sister that dozens of files were being "
        "shredded at the office by night."
    )
    [lamenting] = with_cue(records, "lamenting")
    assert summary(lamenting) == (
        "indirect",
        ["that dozens of files were being shredded at the office by night"],
        "lamenting",
        "clerk",
    )
    assert event(lamenting) == (
        "his sister",
        None,
        "that dozens of files were being shredded at the office by night",
    )


def test_main_verb_read_as_a_participle_after_a_long_subject(extract):
    [record] = extract(
        "Nandakumar, 52, who joined the company from a rival in 2021, posted on LinkedIn "
        "that she was heartbroken."
    )
    assert summary(record) == ("indirect", ["that she was heartbroken"], "posted", "Nandakumar")


def test_content_of_a_relative_clause_starts_after_its_cue(extract):
    [record] = extract("Shares fell 9%, which traders said reflected doubts about the plan.")
    assert summary(record)[1:] == (["reflected doubts about the plan"], "said", "traders")


def test_who_was_asked_is_not_who_asked(extract):
    records = extract(
        "Asked whether the army would be called in, Ms. Okoye said: “That is not on the table.”"
    )
    assert speaker_texts(records) == {"Asked": None, "said": "Ms. Okoye"}
    records = extract(
        "Asked to describe the device that caused the blast, Okafor said, “Not going to go "
        "into that.”"
    )  # what he was asked, not something he described
    assert [summary(r) for r in records] == [
        ("indirect", ["to describe the device that caused the blast"], "Asked", None),
        ("direct", ["Not going to go into that."], "said", "Okafor"),
    ]


def test_speaker_phrase_ends_before_a_comma_the_parse_hung_inside_it(extract):
    [record] = extract(
        "According to people familiar with the matter, the contractor, Datavault, is also under "
        "investigation."
    )
    assert record["speaker"]["text"] == "people familiar with the matter"
    assert record["speaker"]["name"] == "people familiar with the matter"


def test_speaker_phrase_starts_after_a_hyphen_typed_for_a_dash(extract):
    records = extract(
        "Summit ends\n\nOSLO - Nordic leaders met on Friday, warning that the fund was too small."
    )
    assert speaker_texts(records) == {"warning": "Nordic leaders"}


def test_speaker_name_ends_before_its_cue(extract):
    records = extract(
        "Senators sent a letter to Senate leaders opposing the new tax without a full review."
    )
    [opposing] = with_cue(records, "opposing")
    assert (opposing["speaker"]["text"], opposing["speaker"]["name"]) == (
        "Senate leaders",
        "Senate leaders",
    )


def test_a_dateline_place_is_no_role_s_entity(extract):
    records = extract(
        "HALMSTAD, Norvessa — The captain of the Sea Lark, the ferry that ran aground in "
        "March, told an inquiry on Tuesday that he had received no warning of the storm.\n\n"
        "Captain Erik Dahl, 61, said the forecast showed light winds.\n\n"
        "The captain said the radio had been switched off."
    )
    assert [r["speaker"]["name"] for r in records] == ["Erik Dahl"] * 3


def test_a_role_of_one_company_is_not_named_by_another_s(extract):
    records = extract(
        "An Ostrell executive said the board had been told the deal was on track. Parvel's "
        "chief executive, Dana Whitlock, said she had been surprised by the objections."
    )
    assert [(r["cue"]["text"], r["speaker"] and r["speaker"]["name"]) for r in records] == [
        ("said", "Ostrell executive"),
        ("told", None),
        ("said", "Dana Whitlock"),
    ]


def test_speaker_name_ends_before_the_phrase_of_its_cue(extract):
    [record] = extract(
        "The report credits the Black Lives Matter movement for speaking out against "
        "injustice because to her, “nothing is more important than the truth.”"
    )
    assert (record["cue"]["text"], record["speaker"]["name"]) == (
        "speaking out",
        "Black Lives Matter movement",
    )


def test_relative_clause_inside_a_speaker_phrase_is_cut_off(extract):
    records = extract(
        "The plan was opposed by farmers in Ohio, who said it would raise costs. A slide from "
        "a deck that the aides carry with them shows that exports doubled."
    )
    assert {r["cue"]["text"]: (r["speaker"]["text"], r["speaker"]["name"]) for r in records} == {
        "opposed": ("farmers in Ohio", "farmers in Ohio"),
        "said": ("farmers in Ohio", "farmers in Ohio"),
        "shows": ("A slide from a deck", "slide from a deck"),
    }


def test_cue_closing_a_sentence_reports_all_of_it(extract):
    records = extract(
        "Quill had told hotel managers that she did not need the guards at all, but the "
        "council rejected that wish, the aide added."
    )
    [added] = with_cue(records, "added")
    assert summary(added)[1] == [
        "Quill had told hotel managers that she did not need the guards at all, but the "
        "council rejected that wish"
    ]


def test_object_before_a_relative_clause_without_that_is_content(extract):
    [record] = extract(
        "Quill cited mocking jokes Vale had told about Ortiz as signs of his contempt for nurses."
    )
    assert summary(record)[1] == [
        "mocking jokes Vale had told about Ortiz as signs of his contempt for nurses"
    ]
    [record] = extract("Matthew Miller told reporters the soldiers had crossed the border.")
    assert summary(record)[1] == ["the soldiers had crossed the border"]


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        ("He named the man police say started the fire.", "say", "police", "started the fire"),
        (
            "The council said it had questioned a man police say started the fire.",
            "say",
            "police",
            "started the fire",
        ),
        (
            "Police arrested a man they said attacked three people.",
            "said",
            "they",
            "attacked three people",
        ),
    ],
)
def test_contact_relative_clause_reports_the_verb_after_its_cue(
    extract, text, cue, speaker, content
):
    [record] = with_cue(extract(text), cue)
    assert (record["speaker"]["text"], record["content"]["text"]) == (speaker, content)


def test_subject_of_a_contact_relative_clause_report_is_its_noun(extract):
    records = extract(
        "On Monday, the mayor published a video on social media she claimed showed water "
        "pouring into the tunnel."
    )
    [claimed] = with_cue(records, "claimed")
    assert claimed["content"]["text"] == "showed water pouring into the tunnel"
    [showed] = with_cue(records, "showed")
    assert showed["speaker"]["text"] == "a video"
    assert showed["content"]["text"] == "water pouring into the tunnel"


def test_contact_relative_clause_whose_noun_the_parse_made_the_subject(extract):
    records = extract(
        "Much of the dispute centres on the explosion at the rail yard, a strike the army "
        "said hit a weapons depot."
    )
    [said] = with_cue(records, "said")
    assert (said["speaker"]["text"], said["content"]["text"]) == ("the army", "hit a weapons depot")


def test_main_verb_read_as_participle_with_its_clause_on_the_medium(extract):
    [record] = extract(
        "A former sales director, Tobias Lenk, alleged in a lawsuit filed on Oct. 14 in "
        "Harwell District Court that Stellic had booked revenue from unsigned contracts."
    )
    assert summary(record) == (
        "indirect",
        ["that Stellic had booked revenue from unsigned contracts"],
        "alleged",
        "Tobias Lenk",
    )
    assert record["medium"]["text"] == "a lawsuit"


def test_according_to_a_document_someone_obtained_is_the_document(extract):
    [record] = extract(
        "According to a leaked memo seen by the Courier, about 6,500 operations were cancelled."
    )
    assert record["speaker"]["text"] == "a leaked memo"
    [record] = extract("According to a report released by the agency, prices rose.")
    assert record["speaker"]["text"] == "the agency"


def test_person_named_by_age_is_the_person_in_focus(extract):
    records = extract(
        "Castlemere manager Tunde Okonkwo said his team had been poor.\n\n"
        "The 52-year-old, who took charge in March, said Quintero had been frustrated. "
        '"Rafa changed the game for us," he added.'
    )
    names = {r["cue"]["text"]: r["speaker"]["name"] for r in records if r["cue"]["text"] != "said"}
    assert names == {"added": "Tunde Okonkwo"}
    age = [r for r in records if r["speaker"]["text"] == "The 52-year-old"]
    assert [r["speaker"]["name"] for r in age] == ["Tunde Okonkwo"]


def test_what_a_comment_was_on_is_its_content_but_not_a_time_or_medium(extract):
    [record] = extract("Residents commented on the smell from the plant.")
    assert summary(record) == ("indirect", ["the smell from the plant"], "commented", "Residents")
    [record] = extract("The minister commented on Twitter that the plan was dead.")
    assert summary(record)[1] == ["that the plan was dead"]
    assert extract("The mayor commented on Friday.") == []


def test_prepositional_object_starts_after_its_preposition(extract):
    [record] = extract("Trump complained about the broken microphone at the rally.")
    assert summary(record) == ("indirect", ["the broken microphone"], "complained", "Trump")


def test_same_speaker_nested_attribution_is_folded_into_its_parent(extract):
    records = extract("Mayor Ada Quill said she believes the harbour plan will pass in May.")
    assert [summary(r) for r in records] == [
        ("indirect", ["she believes the harbour plan will pass in May"], "said", "Ada Quill")
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (
            "Quill responded to the critics by saying the report was a political attack.",
            "saying",
            "the report was a political attack",
        ),
        (
            "Quill thanked the donors of the appeal, who she said had raised £2 million.",
            "said",
            "had raised £2 million",
        ),
    ],
)
def test_a_claim_inside_what_the_speaker_is_about_is_kept_nested(extract, sentence, cue, content):
    records = extract(f"Mayor Ada Quill spoke on Monday. {sentence}")
    [inner] = with_cue(records, cue)
    assert summary(inner) == ("indirect", [content], cue, "Ada Quill")
    [outer] = [r for r in records if r["quote_id"] == inner["parent_id"]]
    assert outer["speaker"]["name"] == "Ada Quill"


def test_a_name_given_inside_the_speakers_claim_is_folded_into_it(extract):
    records = extract("Mayor Ada Quill condemned what she called a brazen breach of the rules.")
    assert [r["cue"]["text"] for r in records] == ["condemned"]


def test_speech_without_acknowledging_is_negated(extract):
    records = extract(
        "Mayor Ada Quill defended the plan without acknowledging that it would cost millions."
    )
    [acknowledging] = with_cue(records, "acknowledging")
    assert acknowledging["negated"] is True
    assert acknowledging["content"]["text"] == "that it would cost millions"


def test_coordinated_cue_ends_the_first_content(extract):
    records = extract(
        "Kirby noted that the president approved new sanctions on the firms and warned that "
        "the troops are being moved to the front."
    )
    by_cue = {r["cue"]["text"]: r for r in records}
    assert by_cue["noted"]["content"]["text"] == (
        "that the president approved new sanctions on the firms"
    )
    assert by_cue["warned"]["content"]["text"] == "that the troops are being moved to the front"
    assert by_cue["warned"]["speaker"]["name"] == "Kirby"


@pytest.mark.parametrize(
    ("second", "cue", "content"),
    [
        ("warned that the gap could reach £2bn", "warned", "that the gap could reach £2bn"),
        ("estimated the gap at £2bn", "estimated", "the gap at £2bn"),
        ("put the gap at £2bn", "put", "the gap at £2bn"),
    ],
)
def test_a_cue_after_a_reported_state_of_a_thing_is_the_speakers_next_act(
    extract, second, cue, content
):
    records = extract(f"The Fiscal Oversight Office said the plan was unfunded and {second}.")
    by_cue = {r["cue"]["text"]: r for r in records}
    assert by_cue["said"]["content"]["text"] == "the plan was unfunded"
    assert summary(by_cue[cue]) == ("indirect", [content], cue, "Fiscal Oversight Office")


def test_signature_after_a_no_break_space(extract):
    records = extract(
        "Readers wrote to us after the debate.\n"
        "“The moderators let both of them talk far too long tonight.”\u00a0― Jane Roe\u00a0\n"
    )
    assert [summary(r) for r in records] == [
        ("direct", ["The moderators let both of them talk far too long tonight."], "―", "Jane Roe")
    ]


def test_headline_turn_needs_a_name(extract):
    named = extract("Okafor: Ferry Will Not Be at the Regatta\nThe governor spoke on Sunday.")
    assert [(summary(r)[2], summary(r)[3]) for r in named] == [(":", "Okafor")]
    titled = extract("The Latest: Storm Closes the Coast Road\nThe road shut at noon.")
    assert [r for r in titled if r["cue"] and r["cue"]["lemma"] == ":"] == []


def test_dateline_place_is_no_pronoun_antecedent(extract):
    records = extract(
        "LONDON (Reuters) — A new report on the port came out on Monday. It said the port had "
        "lost money for a third year."
    )
    [record] = with_cue(records, "said")
    assert (record["speaker"]["name"], record["speaker"]["resolved_by"]) == (
        "new report on the port",
        "coreference",
    )


def test_circumstance_after_the_cue_is_not_content(extract):
    records = extract(
        "The plant will close in May, the mayor said, after the council voted to sell the land."
    )
    [said] = with_cue(records, "said")
    assert summary(said)[1] == ["The plant will close in May"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "If the council refuses, the mayor said, the city will go to court.",
            ["If the council refuses", "the city will go to court"],
        ),
        (
            "When the storm hit, officials said, the levee had already failed.",
            ["When the storm hit", "the levee had already failed"],
        ),
    ],
)
def test_a_clause_fronted_before_a_parenthetical_cue_is_part_of_the_content(extract, text, content):
    [said] = with_cue(extract(text), "said")
    assert summary(said)[1] == content


def test_a_gerund_subject_after_a_parenthetical_cue_is_part_of_the_content(extract):
    records = extract(
        "The first handover was smooth, he said, replacing the leader now would be far harder."
    )
    [said] = with_cue(records, "said")
    assert summary(said)[1] == [
        "The first handover was smooth",
        "replacing the leader now would be far harder",
    ]


def test_a_coordinated_cue_with_its_own_speaker_and_quotation_ends_the_content(extract):
    records = extract(
        "She said the plan was fair, and when pressed on the cost, the mayor replied, “We will "
        "find the money.”"
    )
    [said], [replied] = with_cue(records, "said"), with_cue(records, "replied")
    assert summary(said)[1] == ["the plan was fair"]
    assert replied["speaker"]["text"] == "the mayor" and replied.get("parent_id") is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Opening the case on Monday, the prosecutor, Rebecca Hale, told the jury that the "
            "landlord had taken the batteries out of two alarms.",
            "the prosecutor",
        ),
        (
            "The national medicines regulator on Tuesday urged parents to stop giving children "
            "the syrup.",
            "The national medicines regulator",
        ),
    ],
)
def test_a_fronted_participle_or_a_time_is_no_part_of_the_speaker(extract, text, speaker):
    [record] = extract(text)
    assert record["speaker"]["text"] == speaker


def test_quote_right_before_its_cue_is_the_content(extract):
    records = extract(
        "“You should step down. You should repay the bonus you got,” Senator Ruth Vale told "
        "the bank's chairman, after he conceded he had never been punished."
    )
    [told] = with_cue(records, "told")
    assert summary(told) == (
        "direct",
        ["You should step down. You should repay the bonus you got"],
        "told",
        "Ruth Vale",
    )


def test_scare_quote_in_the_next_paragraph_is_not_more_of_the_quote(extract):
    records = extract(
        "“The port will reopen on Monday,” the harbour master said.\n\n"
        "The new timetable is a “quick fix” for a deeper problem.\n\n"
        "“We have checked every crane twice,” she added later.\n\n"
        "“And the insurers agree with us.”"
    )
    contents = [r["content"]["text"] for r in records]
    assert "quick fix" not in contents
    assert records[-1]["content"]["text"] == "And the insurers agree with us."
    assert records[-1]["speaker"]["text"] == "she"


def test_subject_of_a_passive_cue_is_not_its_speaker(extract):
    records = extract(
        "The mayor was accused of hiding the flood report. "
        "Ms. Vale was quoted as saying the port would close."
    )
    speakers = speaker_texts(records)
    assert speakers["accused"] is None
    assert speakers["saying"] == "Ms. Vale"


def test_unresolved_description_keeps_the_words_that_say_which_one(extract):
    records = extract(
        "A notebook recovered from a flooded cellar on Monday shows that the mill kept two "
        "sets of books. Local traders, including the grain merchants, said the mill had "
        "cheated them."
    )
    names = {r["cue"]["text"]: (r["speaker"]["name"], r["speaker"]["resolved_by"]) for r in records}
    assert names["shows"] == ("notebook recovered from a flooded cellar on Monday", "none")
    assert names["said"] == ("Local traders, including the grain merchants", "none")


def test_scare_quotes_are_not_part_of_a_speaker_name(extract):
    records = extract(
        "The unnamed “senior harbour official” said the cranes were unsafe. "
        "The official said repairs would take a month."
    )
    assert {r["speaker"]["name"] for r in records} == {"unnamed senior harbour official"}
    [record] = extract(
        'Callers to his "Rollin\' On" radio show said they had doubts about the plan.'
    )
    assert record["speaker"]["name"] == "Callers to his Rollin On radio show"


def test_short_object_counts_only_when_it_is_a_name(extract):
    records = extract(
        "The union endorsed Vale on Monday. The troops will support the invasion. "
        "The mayor showed him the report."
    )
    assert [summary(r) for r in records] == [("indirect", ["Vale"], "endorsed", "union")]


def test_pronoun_object_with_a_predicate_is_what_was_said(extract):
    [called] = extract("At the hearing, Okafor called her a liar.")
    assert summary(called) == ("indirect", ["her a liar"], "called", "Okafor")


def test_quote_split_by_its_cue_and_a_participle_is_one_attribution(extract):
    records = extract(
        "“Every time you repeat that,” Senator Hale said, referring to the excuse, “you give "
        "comfort to the people who want to sell off the old mills.”"
    )
    [said] = with_cue(records, "said")
    assert summary(said) == (
        "direct",
        [
            "Every time you repeat that",
            "you give comfort to the people who want to sell off the old mills.",
        ],
        "said",
        "Hale",
    )


def test_a_capitalised_quotation_after_a_participle_is_the_participles(extract):
    records = extract(
        "“Promise me you will keep your hands in sight,” Blige sings to the senator before "
        "asking her, “Where do we go from here?”"
    )
    assert [summary(r) for r in records] == [
        ("direct", ["Promise me you will keep your hands in sight"], "sings", "Blige"),
        ("direct", ["Where do we go from here?"], "asking", "Blige"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” she said, “We will fight for every vote.”",
        "The count ends. “We will win,” said Vale, the mayor, “We will fight for every vote.”",
    ],
)
def test_a_short_quotation_before_its_cue_is_kept_with_the_next(extract, text):
    [record] = extract(f"Rosa Vale spoke on Monday. {text}")
    assert summary(record)[:2] == ("direct", ["We will win", "We will fight for every vote."])
    assert record["cue"]["text"] == "said"


def test_clause_ending_in_a_colon_introduces_a_quotation(extract):
    records = extract(
        "Mayor Ada Quill went on:\n\n“The harbour will reopen in May, and the fees will not rise.”"
    )
    assert [summary(r) for r in records] == [
        (
            "direct",
            ["The harbour will reopen in May, and the fees will not rise."],
            "went",
            "Ada Quill",
        )
    ]


def test_subject_and_verb_before_a_comma_introduce_a_quotation(extract):
    records = extract(
        "“We waited for years,” said Mara Quist.\n\n"
        "She continued, “For us, all we want is a hearing in a court of law.”\n\n"
        "In the end, after a long night of talks, the council relented, “for now.”"
    )
    assert [summary(r)[1:] for r in records] == [
        (["We waited for years"], "said", "Mara Quist"),
        (["For us, all we want is a hearing in a court of law."], "continued", "Mara Quist"),
    ]


def test_writers_aside_at_the_end_is_not_content(extract):
    records = extract(
        "Mayor Ada Quill acknowledged the cost of the repairs, which makes her an outlier on "
        "the council. The governor told voters he would win the county, implicitly putting his "
        "name on the line."
    )
    contents = {r["cue"]["text"]: r["content"]["text"] for r in records}
    assert contents["acknowledged"] == "the cost of the repairs"
    assert contents["told"] == "he would win the county"


def test_clause_opened_by_a_conjunction_is_still_content(extract):
    records = extract(
        "The agency reported that around 300 miners have died, while another 2,700 have been "
        "injured."
    )
    [reported] = with_cue(records, "reported")
    assert reported["content"]["text"] == (
        "that around 300 miners have died, while another 2,700 have been injured"
    )


def test_noun_with_a_passive_participle_cue_is_not_its_speaker(extract):
    records = extract(
        "The council fined three firms believed to be dumping waste in the river. "
        "A video showing the oil spill on the river was posted on Monday."
    )
    speakers = speaker_texts(records)
    assert speakers["believed"] is None
    assert speakers["showing"] == "A video"


def test_clause_after_a_time_between_it_and_the_cue_is_content(extract):
    # The parse reads the clause as adverbial: "said [after the summit] he would not sign …".
    [said] = extract("The minister said after the summit he would not sign the treaty.")
    assert summary(said)[1:3] == (["he would not sign the treaty"], "said")


def test_content_ends_before_a_coordinated_clause_with_its_own_cue(extract):
    records = extract(
        "Officials said they were increasingly convinced the agency mishandled the case and "
        "the critics accused them of delaying the inquiry."
    )
    [said] = with_cue(records, "said")
    assert summary(said)[1] == ["they were increasingly convinced the agency mishandled the case"]
    [accused] = with_cue(records, "accused")
    assert accused["speaker"]["text"] == "the critics"


def test_quote_ending_its_sentence_is_not_the_content_of_the_next_cue(extract):
    records = extract(
        "Her post was “not in keeping with our house rules.” The station said it would "
        "send her to Lapland for further training."
    )
    [said] = with_cue(records, "said")
    assert summary(said)[:2] == (
        "indirect",
        ["it would send her to Lapland for further training"],
    )


def test_circumstance_before_the_cue_is_not_content(extract):
    assert extract("In the wake of the newspaper report, the senator complained.") == []
    assert (
        extract(
            "But when the deadline arrived, under pressure from the farmers, the mayor backed down."
        )
        == []
    )
    [said] = extract("The plant will close in May, the mayor said.")
    assert summary(said)[1] == ["The plant will close in May"]


def test_clause_only_verbs_are_cues_with_a_clause(extract):
    [ruled] = extract("The high court ruled that the county's tax maps were invalid.")
    assert summary(ruled)[1:3] == (["that the county's tax maps were invalid"], "ruled")
    assert extract("The high court ruled on the case in March.") == []
    [maintains] = extract("The mayor maintains that the budget is balanced.")
    assert summary(maintains)[1:] == (["that the budget is balanced"], "maintains", "mayor")
    assert extract("The foundation maintains a program for young political leaders.") == []
    assert extract("Mariano wrote a memoir of her time at the White House.") == []
    [wrote] = extract("Mariano wrote that the first lady had gone home early.")
    assert summary(wrote)[1:3] == (
        ["that the first lady had gone home early"],
        "wrote",
    )
    [quoted] = extract("“The first lady refused to stay,” Mariano wrote in her memoir.")
    assert summary(quoted)[:3] == ("direct", ["The first lady refused to stay"], "wrote")
    assert extract("The ministry unveiled the final version of the plan on Monday.") == []
    [signalled] = extract("She signalled that fines were the more likely outcome.")
    assert summary(signalled)[1:3] == (["that fines were the more likely outcome"], "signalled")
    assert extract("The driver signalled a left turn at the junction.") == []


def test_speech_inside_a_quotation_does_not_take_the_quotation(extract):
    records = extract(
        '"The trouble is not only the cost of the bridge," Vale told reporters on Wednesday, '
        '"but the plan to sell the land in a hurry, I think, to pay the debts."'
    )
    [told] = records
    assert summary(told) == (
        "direct",
        [
            "The trouble is not only the cost of the bridge",
            "but the plan to sell the land in a hurry, I think, to pay the debts.",
        ],
        "told",
        "Vale",
    )


def test_quotation_after_a_reported_claim_goes_on_with_its_speaker(extract):
    [said] = extract(
        "The board may be slow to move while the strike goes on, Vale said. "
        '"The other question is whether it would look like picking sides in the dispute."'
    )
    assert summary(said) == (
        "mixed",
        [
            "The board may be slow to move while the strike goes on",
            "The other question is whether it would look like picking sides in the dispute.",
        ],
        "said",
        "Vale",
    )


def test_quotation_after_a_quoted_sentence_is_not_given_to_its_aside(extract):
    records = extract(
        "“You can’t plan a harbour if you don’t know the tides,” Ava Roe said, explaining "
        "why the tides matter. “What we need to fix is our view of the coast.”"
    )
    [said] = with_cue(records, "said")
    assert summary(said)[1] == [
        "You can’t plan a harbour if you don’t know the tides",
        "What we need to fix is our view of the coast.",
    ]


def test_content_run_on_into_the_speech_tag_is_the_quotation(nlp):
    text = "“It is right. There is a rift,” Okafor, an ally, said on Harbour Radio."
    doc = nlp(text)
    [quotation] = find_quotations(text)
    said = next(t for t in doc if t.text == "said")
    owner = Attribution(
        content=[(text.index("There"), text.index(", an ally"))],
        kind="indirect",
        cue=doc[said.i : said.i + 1],
        cue_lemma="say",
        speaker=None,
        confidence=0.8,
    )
    take_quotation(text, owner, quotation)
    assert owner.kind == "direct"
    assert [text[s:e] for s, e in owner.content] == ["It is right. There is a rift"]


def test_closing_mark_is_not_part_of_the_speaker(extract):
    records = extract(
        "“She's quite right. There's a deep rift between this council and frankly the mayor "
        "and our tenants,” Ruiz, a close Vale ally, said Thursday morning on Harbour Radio’s "
        "“Early Tide.”"
    )
    [said] = with_cue(records, "said")
    assert said["speaker"]["text"] == "Ruiz"


def test_cue_with_a_plain_object_inside_a_claim_is_part_of_it(extract):
    [said] = extract("Vale said Quill wants to bus in students for the parade on Friday.")
    assert summary(said)[1:3] == (
        ["Quill wants to bus in students for the parade on Friday"],
        "said",
    )


def test_reported_clause_inside_a_claim_is_nested(extract):
    records = extract("Vale said the experts believe that the bridge is unsafe.")
    [said] = with_cue(records, "said")
    [believe] = with_cue(records, "believe")
    assert summary(believe)[1:] == (["that the bridge is unsafe"], "believe", "experts")
    assert believe["parent_id"] == said["quote_id"]


def test_hedged_and_shown_claims_inside_a_claim_are_nested(extract):
    records = extract("Vale said the rebels released a video showing about 20 bodies in a field.")
    [showing] = with_cue(records, "showing")
    assert showing["content"]["text"] == "about 20 bodies"
    records = extract(
        "Vale said the men found what were believed to be the remains of two soldiers."
    )
    [believed] = with_cue(records, "believed")
    assert summary(believed)[1] == ["to be the remains of two soldiers"]
    assert believed["speaker"] is None


def test_participle_read_as_a_past_tense_on_a_noun_is_a_hedged_claim(extract):
    # The tagger reads "believed" as VBD hung on "sanctions", not as a participle.
    records = extract(
        "Kirby noted that Biden recently approved more sanctions on North Korean individuals "
        "believed to be helping fund the Russian invasion."
    )
    [believed] = with_cue(records, "believed")
    assert summary(believed)[1] == ["to be helping fund the Russian invasion"]
    assert believed["speaker"] is None


def test_decline_is_a_cue_only_with_an_infinitive(extract):
    assert extract("The turnout rate declined to 55 percent in the last election.") == []
    [declined] = extract("The company declined to comment on the report.")
    assert summary(declined)[1:3] == (["to comment on the report"], "declined")


def test_surname_takes_the_subject_of_two_full_names_in_a_sentence(extract):
    [said] = extract(
        "Former Governor Carl Vance campaigned in Dorrow on Monday for his wife Martha "
        "Vance.\n\n“The plan does not work here,” Vance said."
    )
    assert said["speaker"]["name"] == "Carl Vance"


def test_content_ends_with_a_quotation_closed_by_a_comma(extract):
    records = extract(
        "Vale interrupted her on stage, saying “That makes me thrifty,” when Quill attacked "
        "him for not paying his rent."
    )
    [saying] = with_cue(records, "saying")
    assert summary(saying) == ("direct", ["That makes me thrifty"], "saying", "Vale")


def test_subject_inside_the_quotation_before_the_cue_does_not_speak(extract):
    [record] = extract(
        "“The council is in crisis mode. Total crisis mode,” said Ada Lind, an organiser."
    )
    assert summary(record)[2:] == ("said", "Ada Lind")


def test_of_two_subjects_the_nearer_one_speaks(extract):
    [record] = extract(
        "The Latest: Mayor Vale asks voters to be patient.\n\n"
        "DORROW (AP) — The Latest on the vote (all times local):\n"
    )
    assert record["speaker"]["text"] == "Mayor Vale"


def test_dateline_is_neither_speaker_nor_content(extract):
    [said] = extract(
        "Headline\n\nDORROW -- Mayor Quill, opening the aquarium on Saturday, said it "
        "would teach a local history."
    )
    assert summary(said)[1:] == (["it would teach a local history"], "said", "Quill")
    records = extract(
        "WASHINGTON (AP) ― The verdict is a slap to all renters, senior city lawmakers said."
    )
    [said] = with_cue(records, "said")
    assert summary(said)[1] == ["The verdict is a slap to all renters"]
    [said] = extract("PORT ELLIS, Oct. 14 (UPI) — Mayor Ada Quill said the bridge would open.")
    assert summary(said)[1:] == (["the bridge would open"], "said", "Ada Quill")
    assert said["speaker"]["text"] == "Mayor Ada Quill"


def test_infinitive_hung_on_the_cue_after_its_clause_belongs_to_the_clause(extract):
    [record] = extract(  # a seed's sentence: other wordings parse as they should
        "Russia and North Korea signed a mutual defense agreement in June that many have "
        "suggested now required North Korea to participate in defending Russian territory "
        "from Ukrainian attack."
    )
    assert summary(record)[1:3] == (
        [
            "now required North Korea to participate in defending Russian territory from "
            "Ukrainian attack"
        ],
        "suggested",
    )


def test_cue_lemma_keeps_the_e_the_lemmatizer_drops(extract):
    records = extract(
        "Ms. Vale is hoping that the council will back the plan. She hated that it took "
        "so long. The board rated the bid as the best one."
    )
    assert [r["cue"]["lemma"] for r in records] == ["hope", "hate", "rate"]


def test_a_causative_verb_makes_its_object_the_speaker(extract):
    records = extract(
        "Senator Dana Whitcombe questioned Harold Vance for an hour. She also forced Vance to "
        "admit that no senior managers had been fired."
    )
    assert speaker_texts(with_cue(records, "admit")) == {"admit": "Vance"}
    [record] = extract("The collapse of the union left many nations feeling that they were safe.")
    assert record["speaker"]["text"] == "many nations"
    [asked] = extract(
        "Senator Dana Whitcombe asked Harold Vance to confirm that no managers had been fired."
    )
    assert summary(asked)[2:] == ("asked", "Dana Whitcombe")  # a request: Vance said nothing


def test_who_puts_out_a_statement_speaks_through_it(extract):
    [record] = extract("The Lorvik Tenants Union issued a statement welcoming the rent freeze.")
    assert summary(record) == (
        "indirect",
        ["the rent freeze"],
        "welcoming",
        "Lorvik Tenants Union",
    )
    [record] = extract("On Monday the council released a white paper urging a ban on cars.")
    assert record["speaker"]["text"] == "the council"
    records = extract(
        "The ministry, in a statement calling the test a clear violation, said it would act. "
        "Vale released a statement from his lawyer that says he is innocent."
    )
    assert speaker_texts(records) == {
        "calling": "The ministry",
        "said": "The ministry",
        "says": "Vale",
    }
    [record] = extract("The ministry read a report saying that 40 people had died.")
    assert record["speaker"]["text"] == "a report"
    [record] = extract("The Kessel Monitor released a video showing a convoy near the dam.")
    assert record["speaker"]["text"] == "a video"


def test_no_break_spaces_are_kept_in_the_record_and_read_as_spaces(extract):
    text = (
        "“We are not just validating numbers,”\u00a0Aaron\u00a0Sharockman\u00a0told InsideSources."
    )
    [record] = extract(text)
    assert summary(record)[1:4] == (
        ["We are not just validating numbers"],
        "told",
        "Aaron Sharockman",
    )
    assert record["speaker"]["text"] == "Aaron\u00a0Sharockman"
    assert record["addressee"]["text"] == "InsideSources"


def test_a_signature_of_two_names_is_named_without_its_dash(extract):
    [record] = extract("“He answers to no one.” ―\u00a0Ana N Luis Ortega\n")
    assert record["speaker"]["text"] == "Ana N Luis Ortega"
    assert record["speaker"]["name"] == "Ana and Luis Ortega"


def test_a_time_before_the_subject_is_no_part_of_the_speaker(extract):
    text = (
        "Twenty-two years ago, a Times article hailed Trump as “The Comeback Kid” for his success."
    )
    assert speaker_texts(extract(text)) == {"hailed": "a Times article"}


def test_charges_that_are_an_unnamed_source_s_claim(extract):
    [record] = extract(
        "For years, the host has been dogged by charges that he gave questionable advice. "
        "The charges that were filed in May were dropped."
    )
    assert summary(record)[1:4] == (["that he gave questionable advice"], "charges", None)


def test_a_subject_that_says_no_one_spoke_negates_the_cue(extract):
    records = extract(
        "Neither Russia nor Norvessa have confirmed the presence of the troops. No official "
        "has confirmed that the troops left. Nobody has said that the strike was planned."
    )
    assert [(r["cue"]["text"], r["negated"]) for r in records] == [
        ("confirmed", True),
        ("confirmed", True),
        ("said", True),
    ]


def test_an_estimate_put_at_a_figure(extract):
    records = extract(
        "The Red Crescent put the toll at 1,870 on Friday. Aid agencies put the figure "
        "hundreds higher. It put its own losses at “several dozen” killed and wounded. "
        "He put the book on the shelf at noon. They put the meeting at 3 p.m. on Friday."
    )
    assert [summary(r)[1:3] for r in records] == [
        (["the toll at 1,870"], "put"),
        (["the figure hundreds higher"], "put"),
        (["its own losses at “several dozen” killed and wounded"], "put"),
    ]


def test_an_estimate_whose_figure_the_parse_hung_inside_the_object(extract):
    records = extract(
        "The sheriff’s office put the number of people evacuated at about 2,400. The whips’ "
        "office put the number of rebels at ‘fewer than a handful’."
    )
    assert [summary(r)[1:] for r in records] == [
        (["the number of people evacuated at about 2,400"], "put", "sheriff’s office"),
        (["the number of rebels at ‘fewer than a handful’"], "put", "whips’ office"),
    ]


def test_estimated_at_a_figure(extract):
    records = extract(
        "City officials, who went door to door overnight, estimated it at closer to 3,500. "
        "The Department of Health, which estimated the cost at £240 million in a report, "
        "said the project remained fully funded."
    )
    assert [summary(r)[1:] for r in records] == [
        (["it at closer to 3,500"], "estimated", "City officials"),
        (["the cost at £240 million"], "estimated", "Department of Health"),
        (["the project remained fully funded"], "said", "Department of Health"),
    ]


def test_asking_not_to_be_named_is_no_attribution(extract):
    records = extract(
        "A neighbour, who asked not to be named, said the fire started at midnight. An "
        "official, who asked not to be identified, said the plant was closed."
    )
    assert [summary(r)[1:3] for r in records] == [
        (["the fire started at midnight"], "said"),
        (["the plant was closed"], "said"),
    ]


def test_an_estimate_inside_a_finding_is_its_maker_s(extract):
    found, put = extract(
        "The paper found that the budget office had reviewed an earlier plan and had put its "
        "cost at $610 million a year."
    )
    assert summary(put)[1:3] == (["its cost at $610 million a year"], "put")
    assert put["speaker"]["text"] == "the budget office"
    assert put["parent_id"] == found["quote_id"]


def test_a_paper_quoting_someone_as_saying(extract):
    quoted, saying = extract(
        "The Courier on Friday quoted an unnamed defense official as saying the losses were "
        "in the hundreds. Le Soir quoted her on Monday."
    )
    assert summary(quoted)[1:4] == (
        ["an unnamed defense official as saying the losses were in the hundreds"],
        "quoted",
        "Courier",
    )
    assert summary(saying)[1:4] == (
        ["the losses were in the hundreds"],
        "saying",
        "unnamed defense official",
    )
    assert saying["parent_id"] == quoted["quote_id"]


@pytest.mark.parametrize(
    "text",
    [
        "A builder billed the council for £4.2 million of work that was never done, a jury "
        "heard on Monday.",
        "The inquest heard that the crane had not been inspected for two years.",
        "Stadium seats ‘existed only on paper’, fraud jury told",
    ],
)
def test_a_court_that_hears_evidence_is_not_its_speaker(extract, text):
    [record] = extract(text)
    assert record["speaker"] is None


def test_a_court_that_tells_someone_is_its_speaker(extract):
    [record] = extract("The jury told the judge that it could not reach a verdict.")
    assert record["speaker"]["text"] == "The jury"


def test_a_first_word_misread_as_a_verb_is_part_of_the_subject(extract):
    records = extract(
        "Aid workers in Ostrava, who said shelling had cut the water main, estimate that "
        "about 4,000 civilians remain. Aid agencies in the region say 40 people died."
    )
    assert speaker_texts(records) == {
        "said": "Aid workers",
        "estimate": "Aid workers in Ostrava",
        "say": "Aid agencies in the region",
    }


def test_a_participle_misread_as_a_clause_verb_stays_in_the_subject(extract):
    records = extract(
        "A Western diplomat said intelligence shared among several governments suggests "
        "that the rebels have lost two roads."
    )
    outer, inner = records
    assert (outer["content"]["text"], inner["speaker"]["text"], inner["content"]["text"]) == (
        "intelligence shared among several governments suggests that the rebels have lost "
        "two roads",
        "intelligence shared among several governments",
        "that the rebels have lost two roads",
    )
    assert inner["parent_id"] == outer["quote_id"]


def test_an_absolute_phrase_after_a_misread_that_clause_is_content(extract):
    [record] = extract(
        "The rebel army said in a statement posted on its Telegram channel that more than "
        "2,600 civilians had died, most of them in government airstrikes on villages."
    )
    assert record["content"]["text"] == (
        "that more than 2,600 civilians had died, most of them in government airstrikes on villages"
    )


def test_a_list_the_parse_cut_off_a_that_clause_is_content(extract):
    [record] = extract(
        "ASHPORT — Quillon Holdings, the online payments company, said on Tuesday that hackers "
        "had stolen the names, email addresses and partial card numbers of as many as 2 million "
        "customers after breaking into a database."
    )
    assert record["content"]["text"] == (
        "that hackers had stolen the names, email addresses and partial card numbers of as many "
        "as 2 million customers after breaking into a database"
    )


def test_a_perfect_cue_with_an_infinitive_inside_a_question_is_part_of_it(extract):
    records = extract(
        "Defense attorney Raymond Okafor asked Lena Voss whether she had agreed to cooperate "
        "with prosecutors in exchange for a lighter sentence."
    )
    assert [(r["cue"]["text"], r["parent_id"]) for r in records] == [("asked", None)]


def test_a_short_object_of_a_stance_verb_is_content(extract):
    records = extract(
        "The company denied any wrongdoing. The ministry confirmed the breach. The mayor "
        "conceded defeat. The council backed the move."
    )
    assert [(r["cue"]["text"], r["content"]["text"]) for r in records] == [
        ("denied", "any wrongdoing"),
        ("confirmed", "the breach"),
        ("conceded", "defeat"),
    ]


def test_a_person_named_by_age_after_a_quote_is_its_speaker(extract):
    text = (
        "Ella Brandvik lost the final on Sunday. ‘Nobody is saying the course was unfair,’ the "
        "29-year-old said. ‘I was slow.’"
    )
    [record] = extract(text)
    assert summary(record)[:4] == (
        "direct",
        ["Nobody is saying the course was unfair", "I was slow."],
        "said",
        "Ella Brandvik",
    )
    assert record["speaker"]["text"] == "the 29-year-old"


def test_calling_an_election_or_agreeing_a_takeover_is_an_act(extract):
    records = extract(
        "Halsey calls snap election as budget talks collapse\n\n"
        "Prime Minister Teodor Halsey called an early general election for Nov. 8. Calder "
        "Mills agreed a £1.4bn takeover by its rival. She called the election a sham, and "
        "the board agreed that the deal was fair."
    )
    assert [summary(r)[1:3] for r in records] == [
        (["the election a sham"], "called"),
        (["that the deal was fair"], "agreed"),
    ]


def test_a_circumstance_after_the_cue_the_parse_took_for_a_report(extract):
    [record] = extract(
        "At least 19 people were killed when shells hit the border town of Hadrik overnight, "
        "local health officials said on Tuesday, as ceasefire talks between Karvania and the "
        "Velesk Republic stalled in the capital."
    )
    assert summary(record)[1:] == (
        ["At least 19 people were killed when shells hit the border town of Hadrik overnight"],
        "said",
        "local health officials",
    )


def test_a_poll_that_puts_a_candidate_a_margin_ahead(extract):
    records = extract(
        "A survey of 800 voters had put Lindley four points ahead. The latest poll puts Ruiz "
        "12 points behind the incumbent. He put the box two feet behind the door."
    )
    assert [(*summary(r)[1:3], r["speaker"]["text"]) for r in records] == [
        (["Lindley four points ahead"], "put", "A survey of 800 voters"),
        (["Ruiz 12 points behind the incumbent"], "puts", "The latest poll"),
    ]
