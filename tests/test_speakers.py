"""The speaker resolver on small hand-made texts with hand-made entity tables, so that each
test checks the resolution alone, whatever the model's entity spans."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from pipeline.speakers import MAIN_SUBJECT, SpeakerLexicon, SpeakerResolver, subject_rank


def entity(
    entity_id: str, label: str, name: str, text: str, *mentions: str, titles: tuple[str, ...] = ()
) -> dict[str, Any]:
    """An entity record whose mentions are the first occurrences of `mentions` in `text`,
    each after the previous one."""
    found, start = [], 0
    for mention in mentions:
        start = text.index(mention, start)
        found.append({"text": mention, "start": start, "end": start + len(mention)})
        start += len(mention)
    return {
        "entity_id": entity_id,
        "label": label,
        "name": name,
        "mentions": found,
        "titles": list(titles),
    }


def resolve(
    nlp,
    text: str,
    entities: list[dict[str, Any]],
    phrase: str,
    nth: int = 0,
    quoted: tuple[str, ...] = (),
) -> dict:
    """The resolution of the `nth` occurrence of `phrase` in `text`, with the words of
    `quoted` (each found once) inside quotation marks."""
    doc = nlp(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    span = doc.char_span(start, start + len(phrase))
    spans = [(text.index(words), text.index(words) + len(words)) for words in quoted]
    return SpeakerResolver(doc, text, entities, SpeakerLexicon.load(), spans).resolve(span)


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


def test_surname_takes_a_person_name_before_another_name_ending_with_it(nlp):
    text = (
        "Donald Trump spoke in Ohio. In a talk with the opinion staff of the Daily Ledger Trump "
        "said the treaty was old. “We cannot afford it,” Trump said."
    )
    last = text.rindex("Trump")
    surname = {"text": "Trump", "start": last, "end": last + len("Trump")}
    table = [
        entity("E1", "PERSON", "Donald Trump", text, "Donald Trump"),
        entity("E2", "ORG", "Daily Ledger Trump", text, "Daily Ledger Trump"),
        entity("E3", "ORG", "Trump", text) | {"mentions": [surname]},
    ]
    resolved = resolve(nlp, text, table, "Trump", nth=2)
    assert (resolved["name"], resolved["entity_id"]) == ("Donald Trump", "E1")


def test_it_is_no_person_that_the_model_labelled_otherwise(nlp):
    text = (
        "Dara Kemp drove home. The recording was released on Friday. Kemp was sitting in the "
        "car. It does not show whether the car had stopped."
    )
    table = [
        entity("E1", "PERSON", "Dara Kemp", text, "Dara Kemp"),
        entity("E2", "ORG", "Kemp", text, "Kemp", "Kemp"),
    ]
    table[1]["mentions"] = table[1]["mentions"][1:]  # only the bare surname
    resolved = resolve(nlp, text, table, "It")
    assert resolved["name"] == "recording"


def test_gendered_role_takes_the_titled_person_of_that_gender_named_next(nlp):
    text = (
        "A spokeswoman for the mayor says the plan is dead. City communications director "
        "Jane Ortiz spoke to reporters on Friday."
    )
    title = ("communications director",)
    ortiz = entity("E1", "PERSON", "Jane Ortiz", text, "Jane Ortiz", titles=title)
    resolved = resolve(nlp, text, [ortiz], "A spokeswoman for the mayor")
    assert (resolved["name"], resolved["entity_id"]) == ("Jane Ortiz", "E1")
    unknown = text.replace("spokeswoman", "spokesperson")
    ortiz = entity("E1", "PERSON", "Jane Ortiz", unknown, "Jane Ortiz", titles=title)
    assert resolve(nlp, unknown, [ortiz], "A spokesperson for the mayor")["entity_id"] is None


def test_a_role_is_not_matched_to_a_title_by_its_article(nlp):
    text = (
        "Dan Cole, an aide of the council, left early. Ana Ruiz spoke at the hall. "
        "The mayor said the budget was fine."
    )
    table = [
        entity("E1", "PERSON", "Dan Cole", text, "Dan Cole", titles=("aide of the council",)),
        entity("E2", "PERSON", "Ana Ruiz", text, "Ana Ruiz"),
    ]
    assert resolve(nlp, text, table, "The mayor")["name"] == "Ana Ruiz"


def test_a_headline_word_takes_the_fuller_phrase_the_story_opens_with(nlp):
    text = (
        "Poll: Voters Turn to Ruiz in Final Week.\n\nA Daily Ledger poll shows that voters "
        "favour Ana Ruiz."
    )
    resolved = resolve(nlp, text, [], "Poll")
    assert (resolved["name"], resolved["resolved_by"]) == ("Daily Ledger poll", "coreference")


def test_it_is_not_a_plural_group_name(nlp):
    text = (
        "The Harbour Tenants Union stays neutral. Some 9,000 Estonians are members. "
        "It issued a paper on Monday welcoming the plan."
    )
    table = [
        entity("E1", "ORG", "Harbour Tenants Union", text, "Harbour Tenants Union"),
        entity("E2", "NORP", "Estonians", text, "Estonians"),
    ]
    resolved = resolve(nlp, text, table, "It")
    assert resolved["name"] == "Harbour Tenants Union"


def test_description_owned_by_a_thing_takes_the_fuller_phrase_before(nlp):
    text = (
        "“Why not?” a narrator in the Okafor ad asks. The spot ends with a shot of the pier. "
        "“What then?” the ad’s narrator says."
    )
    resolved = resolve(nlp, text, [], "the ad’s narrator")
    assert (resolved["name"], resolved["resolved_by"]) == (
        "narrator in the Okafor ad",
        "coreference",
    )


def test_they_is_not_a_place(nlp):
    text = (
        "The Harbour Council met in Lorvik on Monday. The statement noted that in Lorvik "
        "they had said they would act."
    )
    table = [
        entity("E1", "ORG", "Harbour Council", text, "Harbour Council"),
        entity("E2", "GPE", "Lorvik", text, "Lorvik", "Lorvik"),
    ]
    resolved = resolve(nlp, text, table, "they")
    assert resolved["name"] == "Harbour Council"


def test_coordinated_names_keep_an_inner_article(nlp):
    text = "Brannock and the Lorvik Republic, the two largest ports, vowed to cut fees."
    table = [
        entity("E1", "GPE", "Brannock", text, "Brannock"),
        entity("E2", "GPE", "Lorvik Republic", text, "Lorvik Republic"),
    ]
    resolved = resolve(nlp, text, table, "Brannock and the Lorvik Republic")
    assert resolved["name"] == "Brannock and the Lorvik Republic"


def test_a_title_counts_only_where_it_is_given_to_the_name(nlp):
    """ "the agency" before the name is not the title that USCIS is given later on."""
    text = (
        "A report found that the agency could not trace the money. Officials at Homeland "
        "Security Investigations were concerned. The agency said the program should end. "
        "Citizenship and Immigration Services, the agency that oversees the program, said it "
        "would not comment."
    )
    entities = [
        entity(
            "E1",
            "ORG",
            "Homeland Security Investigations",
            text,
            "Homeland Security Investigations",
        ),
        entity(
            "E2",
            "ORG",
            "Citizenship and Immigration Services",
            text,
            "Citizenship and Immigration Services",
            titles=("agency",),
        ),
    ]
    resolved = resolve(nlp, text, entities, "The agency")
    assert (resolved["name"], resolved["resolved_by"]) == (
        "Homeland Security Investigations",
        "coreference",
    )


def test_a_description_refers_back_to_a_synonym(nlp):
    text = (
        "A web video by the Republican National Committee references four court cases. The "
        "clip says the senator has a passion for defending the wrong people."
    )
    resolved = resolve(nlp, text, [], "The clip")
    assert (resolved["name"], resolved["resolved_by"]) == (
        "web video by the Republican National Committee",
        "coreference",
    )


def test_a_spokesman_for_an_agency_is_not_the_agency(nlp):
    text = (
        "“The bridge passed its last inspection,” said Petru Vlad, a spokesman for the National "
        "Roads Agency. The agency said it would open an inquiry into the collapse."
    )
    entities = [
        entity(
            "E1",
            "PERSON",
            "Petru Vlad",
            text,
            "Petru Vlad",
            titles=("spokesman for the National Roads Agency",),
        ),
        entity("E2", "ORG", "National Roads Agency", text, "National Roads Agency"),
    ]
    resolved = resolve(nlp, text, entities, "The agency")
    assert resolved["name"] == "National Roads Agency"


def test_a_headline_source_is_the_organisation_the_story_names_next(nlp):
    text = (
        "Rail fares to rise 6% from July, transport ministry says\n\n"
        "Train tickets will cost about 6% more from July 1, according to the Ministry of "
        "Transport. The ministry said the increase would fund new signalling."
    )
    entities = [entity("E1", "ORG", "Ministry of Transport", text, "Ministry of Transport")]
    resolved = resolve(nlp, text, entities, "transport ministry")
    assert (resolved["name"], resolved["resolved_by"]) == ("Ministry of Transport", "coreference")


def test_a_headline_role_is_the_person_the_story_gives_that_title(nlp):
    text = (
        "Senator says foreign network targeted the election\n\n"
        "Senator Lena Kovacs said on Wednesday that a network of fake accounts had tried to "
        "sway the vote."
    )
    entities = [entity("E1", "PERSON", "Lena Kovacs", text, "Lena Kovacs", titles=("Senator",))]
    resolved = resolve(nlp, text, entities, "Senator")
    assert (resolved["name"], resolved["resolved_by"]) == ("Lena Kovacs", "coreference")


def test_a_headline_role_may_be_titled_a_few_sentences_into_the_story(nlp):
    text = (
        "Care home boss betrayed every family, judge says\n\n"
        "A former care home manager was jailed for nine years on Friday. He had falsified "
        "records. The resident died in 2024. Judge Catherine Ruddock said he had shown no "
        "remorse."
    )
    entities = [
        entity("E1", "PERSON", "Catherine Ruddock", text, "Catherine Ruddock", titles=("Judge",))
    ]
    resolved = resolve(nlp, text, entities, "judge")
    assert (resolved["name"], resolved["resolved_by"]) == ("Catherine Ruddock", "coreference")


def test_a_headline_role_skips_an_unnamed_description_for_the_titled_person(nlp):
    text = (
        "Ferry captain tells inquiry he had no warning\n\n"
        "The captain of the Brenna Light gave evidence on Monday. The ferry ran aground in "
        "March. Its crew had been cut. The operator denies it. The panel sat for six hours. "
        "Captain Anders Lyngstad said the forecast had been wrong."
    )
    entities = [
        entity("E1", "PERSON", "Anders Lyngstad", text, "Anders Lyngstad", titles=("Captain",))
    ]
    resolved = resolve(nlp, text, entities, "Ferry captain")
    assert (resolved["name"], resolved["resolved_by"]) == ("Anders Lyngstad", "coreference")


def test_a_name_that_modifies_a_noun_is_no_antecedent(nlp):
    text = (
        "The Harbour Times backed the mayor. The former first lady and U.S. senator is a "
        "planner. Meanwhile, it attacked her rival."
    )
    table = [
        entity("E1", "ORG", "Harbour Times", text, "Harbour Times"),
        entity("E2", "GPE", "United States", text, "U.S."),
    ]
    assert resolve(nlp, text, table, "it")["name"] == "Harbour Times"


def test_a_description_takes_its_own_noun_before_a_synonym(nlp):
    text = (
        "A new ad from the Vale campaign seizes on a remark. The ad uses footage of Okafor "
        "asking why. The ad then references the audit."
    )
    assert resolve(nlp, text, [], "The ad", nth=1)["name"] == "new ad from the Vale campaign"


def test_footage_refers_back_to_a_video(nlp):
    text = "The group released a video of the battle. The footage shows a burnt tank."
    assert resolve(nlp, text, [], "The footage")["name"] == "video of the battle"


def test_an_organisation_s_role_is_nobody_it_was_not_given_to(nlp):
    text = (
        "Trump said he would order a review of the defences. The FBI director chastised "
        "Clinton for the server."
    )
    table = [
        entity("E1", "PERSON", "Donald Trump", text, "Trump"),
        entity("E2", "ORG", "FBI", text, "FBI"),
        entity("E3", "PERSON", "Hillary Clinton", text, "Clinton"),
    ]
    resolved = resolve(nlp, text, table, "The FBI director")
    assert (resolved["name"], resolved["resolved_by"]) == ("FBI director", "none")


def test_a_description_takes_the_passive_participle_that_says_which_one(nlp):
    text = (
        "Lead was found in April, according to an internal memo obtained by the Ledger. "
        "The memo said the samples were high. A nurse lamenting the delays spoke to us. "
        "The nurse said nothing was done."
    )
    assert resolve(nlp, text, [], "The memo")["name"] == "internal memo obtained by the Ledger"
    assert resolve(nlp, text, [], "The nurse")["name"] == "nurse"


def test_a_description_owned_by_someone_is_named_with_the_owner_resolved(nlp):
    text = (
        "Samir Hallaq attacked the plan on Monday. His campaign said he would hold rallies. "
        "Hallaq’s office declined to say more."
    )
    table = [entity("E1", "PERSON", "Samir Hallaq", text, "Samir Hallaq", "Hallaq")]
    campaign = resolve(nlp, text, table, "His campaign")
    assert (campaign["name"], campaign["entity_id"]) == ("Samir Hallaq’s campaign", None)
    assert resolve(nlp, text, table, "Hallaq’s office")["name"] == "Samir Hallaq’s office"


def test_an_owner_named_in_two_parts_is_not_repeated_in_the_description(nlp):
    text = (
        "Harrow and Lisle Building Society will close branches. Harrow and Lisle’s press "
        "office said the decision was final."
    )
    name = "Harrow and Lisle Building Society"
    table = [entity("E1", "ORG", name, text, name, "Harrow and Lisle")]
    resolved = resolve(nlp, text, table, "Harrow and Lisle’s press office")
    assert resolved["name"] == "Harrow and Lisle Building Society’s press office"


def test_an_organisation_owner_ending_in_s_takes_the_apostrophe_alone(nlp):
    text = "Brannock and Partners wants the land. Its lawyers said the delay would cost it."
    table = [entity("E1", "ORG", "Brannock and Partners", text, "Brannock and Partners")]
    assert resolve(nlp, text, table, "Its lawyers")["name"] == "Brannock and Partners' lawyers"


def test_a_national_body_keeps_the_owner_named_before_it(nlp):
    text = (
        "Russia's Defense Ministry said its forces struck a depot. The ministry said 40 "
        "soldiers died."
    )
    table = [
        entity("E1", "GPE", "Russia", text, "Russia"),
        entity("E2", "ORG", "Defense Ministry", text, "Defense Ministry"),
    ]
    names = [resolve(nlp, text, table, phrase) for phrase in ("Defense Ministry", "The ministry")]
    assert [(r["name"], r["entity_id"]) for r in names] == [
        ("Russia's Defense Ministry", "E2"),
        ("Russia's Defense Ministry", "E2"),
    ]


def test_bodies_of_two_owners_keep_each_its_own(nlp):
    text = (
        "Russia's Defense Ministry said the depot was hit. Ukraine’s Defense Ministry said "
        "the strike missed. The ministry said 40 soldiers died."
    )
    table = [
        entity("E1", "GPE", "Russia", text, "Russia"),
        entity("E2", "ORG", "Defense Ministry", text, "Defense Ministry", "Defense Ministry"),
        entity("E3", "GPE", "Ukraine", text, "Ukraine"),
    ]
    names = [
        resolve(nlp, text, table, "Defense Ministry", nth=1)["name"],
        resolve(nlp, text, table, "The ministry")["name"],
    ]
    assert names == ["Ukraine’s Defense Ministry", "Defense Ministry"]


def test_a_role_refers_back_to_its_abbreviated_title(nlp):
    text = (
        "The poll found state Sen. Paula Renick ahead of Marcus Alcott. Simon Vail ran the "
        "poll. The senator told supporters that the race was close."
    )
    table = [
        entity("E1", "PERSON", "Paula Renick", text, "Paula Renick", titles=("state Sen.",)),
        entity("E2", "PERSON", "Marcus Alcott", text, "Marcus Alcott"),
        entity("E3", "PERSON", "Simon Vail", text, "Simon Vail"),
    ]
    resolved = resolve(nlp, text, table, "The senator")
    assert (resolved["name"], resolved["entity_id"]) == ("Paula Renick", "E1")


def test_a_club_refers_back_to_a_club_not_its_holding_company(nlp):
    text = (
        "Pemberton Holdings sold Castlemere United in January. The club said the sale was complete."
    )
    table = [
        entity("E1", "ORG", "Pemberton Holdings", text, "Pemberton Holdings"),
        entity("E2", "ORG", "Castlemere United", text, "Castlemere United"),
    ]
    assert resolve(nlp, text, table, "The club")["name"] == "Castlemere United"


def test_a_company_is_the_one_the_story_has_named_most_not_the_last_named(nlp):
    text = (
        "Halvard Shipping owns the tanker. Halvard Shipping said the crew were safe. Corvin "
        "Analytics put the cargo at $3 million. The company said its figure was exact."
    )
    table = [
        entity("E1", "ORG", "Halvard Shipping", text, "Halvard Shipping", "Halvard Shipping"),
        entity("E2", "ORG", "Corvin Analytics", text, "Corvin Analytics"),
    ]
    assert resolve(nlp, text, table, "The company")["name"] == "Halvard Shipping"


def test_the_group_is_the_organisation_just_spoken_of_not_the_one_named_most(nlp):
    text = (
        "Redmoor Homes bought the hall. Redmoor Homes applied to demolish it. The Civic Trust "
        "wrote to the council in August. The group said Redmoor had known for weeks."
    )
    table = [
        entity("E1", "ORG", "Redmoor Homes", text, "Redmoor Homes", "Redmoor Homes", "Redmoor"),
        entity("E2", "ORG", "Civic Trust", text, "Civic Trust"),
    ]
    resolved = resolve(nlp, text, table, "The group")
    assert (resolved["name"], resolved["entity_id"]) == ("Civic Trust", "E2")


def test_an_agency_is_not_an_organisation_whose_name_says_another_kind(nlp):
    text = (
        "The agency runs the program. Congress passed it in 1990, and the Investment "
        "Coalition backs it. The agency said the program should end."
    )
    table = [
        entity("E1", "ORG", "Congress", text, "Congress"),
        entity("E2", "ORG", "Investment Coalition", text, "Investment Coalition"),
    ]
    assert resolve(nlp, text, table, "The agency", nth=1)["resolved_by"] == "none"


def test_a_name_closing_a_role_s_of_phrase_is_the_role_s_person(nlp):
    text = (
        "Graham Tulley, a retired engineer, spoke first. The chairman of Hollin Cross Parish "
        "Council, Derek Ansell, said residents were angry."
    )
    table = [
        entity("E1", "PERSON", "Graham Tulley", text, "Graham Tulley"),
        entity("E2", "ORG", "Hollin Cross Parish Council", text, "Hollin Cross Parish Council"),
        entity("E3", "PERSON", "Derek Ansell", text, "Derek Ansell"),
    ]
    phrase = "The chairman of Hollin Cross Parish Council, Derek Ansell"
    resolved = resolve(nlp, text, table, phrase)
    assert (resolved["name"], resolved["resolved_by"]) == ("Derek Ansell", "apposition")


def test_an_earlier_whose_phrase_is_no_fuller_description(nlp):
    text = (
        "The Progress Party met on Monday. Its leader, Marek Tollan, whose party won 44 seats, "
        "spoke first. Later the party said its offer stands."
    )
    table = [
        entity("E1", "ORG", "Progress Party", text, "Progress Party"),
        entity("E2", "PERSON", "Marek Tollan", text, "Marek Tollan"),
    ]
    assert resolve(nlp, text, table, "the party")["name"] == "Progress Party"


def test_a_club_may_be_one_the_model_took_for_a_place(nlp):
    text = (
        "Tollan City reject bid for Okoro. Tollan City have turned down a second offer from "
        "Brennmoor Athletic for Danny Okoro, the club said."
    )
    table = [
        entity("E1", "GPE", "Tollan City", text, "Tollan City", "Tollan City"),
        entity("E2", "ORG", "Brennmoor Athletic", text, "Brennmoor Athletic"),
        entity("E3", "PERSON", "Danny Okoro", text, "Danny Okoro"),
        entity("E4", "GPE", "Okoro", text, "Okoro"),
    ]
    assert resolve(nlp, text, table, "the club")["name"] == "Tollan City"


def test_a_club_is_no_person_whose_surname_the_model_took_for_a_place(nlp):
    text = "Okoro joined the squad. Okoro trained on Monday. Okoro scored, the club said."
    table = [
        entity("E1", "GPE", "Okoro", text, "Okoro", "Okoro", "Okoro"),
        entity("E2", "PERSON", "Danny Okoro", text, "Okoro"),
    ]
    assert resolve(nlp, text, table, "the club")["resolved_by"] == "none"


def test_a_name_in_apposition_to_an_apposition_is_the_speaker(nlp):
    text = (
        "Margaret Ostley died in 2024. Outside court, Mrs Ostley's daughter, Janet Whitlow, "
        "said the family had waited two years."
    )
    table = [
        entity("E1", "PERSON", "Margaret Ostley", text, "Margaret Ostley", "Ostley"),
        entity("E2", "PERSON", "Janet Whitlow", text, "Janet Whitlow"),
    ]
    resolved = resolve(nlp, text, table, "Outside court")
    assert (resolved["name"], resolved["resolved_by"]) == ("Janet Whitlow", "apposition")


def test_a_definite_occupation_is_the_person_next_given_it_as_a_title(nlp):
    text = (
        "“I waited years for this,” said the scientist who planned the mission. “I did not "
        "breathe.” The scientist, Ines Coravel, leads the team."
    )
    table = [entity("E1", "PERSON", "Ines Coravel", text, "Ines Coravel", titles=("scientist",))]
    assert resolve(nlp, text, table, "the scientist")["name"] == "Ines Coravel"


def test_an_indefinite_role_is_not_the_person_next_given_it_as_a_title(nlp):
    text = (
        "An unnamed American official told the Guardian that hundreds had died. That is more "
        "than the dozens John Kirby offered. Russia denies it. Kirby, the top White House "
        "official, spoke on Monday."
    )
    table = [
        entity(
            "E1",
            "PERSON",
            "John Kirby",
            text,
            "John Kirby",
            "Kirby",
            titles=("top White House official",),
        )
    ]
    resolved = resolve(nlp, text, table, "An unnamed American official")
    assert resolved["resolved_by"] == "none"


def test_an_untagged_proper_noun_in_apposition_names_the_speaker(nlp):
    text = "It was reported by the state broadcaster KRT on Tuesday that the toll had risen."
    resolved = resolve(nlp, text, [], "the state broadcaster")
    assert (resolved["name"], resolved["resolved_by"]) == ("KRT", "apposition")


def test_she_skips_a_man_by_a_first_name_the_census_lacks(nlp):
    text = "Oskar Brandt met Ines Park on Monday. She said the figures were wrong."
    table = [
        entity("E1", "PERSON", "Oskar Brandt", text, "Oskar Brandt"),
        entity("E2", "PERSON", "Ines Park", text, "Ines Park"),
    ]
    assert resolve(nlp, text, table, "She")["name"] == "Ines Park"


def test_she_prefers_a_woman_to_a_name_of_unknown_gender_in_the_same_sentence(nlp):
    text = (
        "One was a hip replacement for Margaret Ilsley, a retired nurse from the suburb of "
        'Orren. "My operation is off," she said.'
    )
    table = [
        entity("E1", "PERSON", "Margaret Ilsley", text, "Margaret Ilsley"),
        entity("E2", "PERSON", "Orren", text, "Orren"),
    ]
    resolved = resolve(nlp, text, table, "she")
    assert (resolved["name"], resolved["entity_id"]) == ("Margaret Ilsley", "E1")


def test_description_takes_the_person_whose_capitalised_title_has_its_noun(nlp):
    text = (
        "The inquiry was led by Detective Sergeant Ivo Renshaw. A guard, Noor Bakshi, saw a "
        "man leave. The detective told the court the phone had connected to a mast."
    )
    table = [
        entity("E1", "PERSON", "Ivo Renshaw", text, "Ivo Renshaw", titles=("Detective Sergeant",)),
        entity("E2", "PERSON", "Noor Bakshi", text, "Noor Bakshi", titles=("guard",)),
    ]
    resolved = resolve(nlp, text, table, "The detective")
    assert (resolved["name"], resolved["entity_id"]) == ("Ivo Renshaw", "E1")


def test_definite_description_in_the_lede_takes_the_organisation_named_next(nlp):
    text = (
        "The coastguard said on Monday that 1,800 barrels had leaked. Commander Alan Ferris, who "
        "leads the response for the Vessmark Coastguard, told reporters the flow had stopped."
    )
    table = [
        entity("E1", "PERSON", "Alan Ferris", text, "Alan Ferris"),
        entity("E2", "ORG", "Vessmark Coastguard", text, "Vessmark Coastguard"),
    ]
    resolved = resolve(nlp, text, table, "The coastguard")
    assert (resolved["name"], resolved["entity_id"]) == ("Vessmark Coastguard", "E2")
    table[1] = entity("E2", "ORG", "Coastguard", text, "Coastguard")
    assert resolve(nlp, text, table, "The coastguard")["entity_id"] is None


def test_a_pronoun_inside_a_quotation_says_nothing_of_the_subjects_gender(nlp):
    text = (
        "Lawyer Raymond Okafor asked Lena Voss about the deal. She acknowledged that she had "
        'struck one. Okafor argued that the case rested on "a witness saying whatever keeps '
        'her out of prison."'
    )
    doc = nlp(text)
    quote_start = text.index('"a witness')
    table = [
        entity("E1", "PERSON", "Raymond Okafor", text, "Raymond Okafor", "Okafor"),
        entity("E2", "PERSON", "Lena Voss", text, "Lena Voss"),
    ]
    resolver = SpeakerResolver(
        doc, text, table, SpeakerLexicon.load(), quoted=[(quote_start, len(text))]
    )
    assert resolver.gender["E1"] == "m"
    start = text.index("She")
    resolved = resolver.resolve(doc.char_span(start, start + 3))
    assert (resolved["name"], resolved["entity_id"]) == ("Lena Voss", "E2")


def test_they_may_be_the_plural_subject_of_the_sentence_before(nlp):
    text = (
        "The pipeline is operated by Harrowgate Energy. Officials in Marlow closed three "
        "beaches on Monday. They said the ban would stay in place."
    )
    table = [entity("E1", "ORG", "Harrowgate Energy", text, "Harrowgate Energy")]
    resolved = resolve(nlp, text, table, "They")
    assert (resolved["name"], resolved["entity_id"]) == ("Officials in Marlow", None)


def test_she_is_the_woman_by_a_first_name_from_beyond_the_census(nlp):
    text = "Teodor Vasilescu met Marit Holm in Oslo. She said the figures were wrong."
    table = [
        entity("E1", "PERSON", "Teodor Vasilescu", text, "Teodor Vasilescu"),
        entity("E2", "PERSON", "Marit Holm", text, "Marit Holm"),
    ]
    assert resolve(nlp, text, table, "She")["name"] == "Marit Holm"


def test_the_force_is_the_police_the_story_is_about(nlp):
    text = (
        "Officers from the Santerra Police searched the valley on Sunday. The force said two "
        "people were still missing."
    )
    entities = [entity("E1", "ORG", "Santerra Police", text, "Santerra Police")]
    resolved = resolve(nlp, text, entities, "The force")
    assert (resolved["name"], resolved["resolved_by"]) == ("Santerra Police", "coreference")


def test_a_parenthetical_pronoun_is_no_one_named_in_what_it_reports(nlp):
    text = (
        "Ignacio Bermúdez, a defence lawyer, met Dragan Vukić in May. The payments from "
        "Vukić, he said, were loans."
    )
    table = [
        entity("E1", "PERSON", "Ignacio Bermúdez", text, "Ignacio Bermúdez"),
        entity("E2", "PERSON", "Dragan Vukić", text, "Dragan Vukić", "Vukić"),
    ]
    assert resolve(nlp, text, table, "he", nth=1)["name"] == "Ignacio Bermúdez"  # not "The"


def test_a_person_named_by_age_is_the_one_the_story_gave_that_age(nlp):
    text = (
        "Mr Petrović, 51, denied the claim. Asked by the barrister, Chiamaka Eze, why, he "
        "said the rails were on order. Ms Eze suggested he had waited. The 51-year-old replied "
        "that it was not true."
    )
    table = [
        entity("E1", "PERSON", "Bogdan Petrović", text, "Petrović"),
        entity("E2", "PERSON", "Chiamaka Eze", text, "Chiamaka Eze", "Eze"),
    ]
    resolved = resolve(nlp, text, table, "The 51-year-old")
    assert (resolved["name"], resolved["resolved_by"]) == ("Bogdan Petrović", "coreference")


def test_bare_police_is_the_police_force_the_story_names(nlp):
    text = (
        "The Karsk Regional Police closed the line on Sunday. At least nine people were "
        "killed, police said."
    )
    entities = [entity("E1", "ORG", "Karsk Regional Police", text, "Karsk Regional Police")]
    resolved = resolve(nlp, text, entities, "police")
    assert (resolved["name"], resolved["resolved_by"]) == ("Karsk Regional Police", "coreference")


def test_both_is_the_two_people_named_together_just_before(nlp):
    text = (
        "Dennis Harlow, 56, a builder, and the council's former finance director, Janet "
        "Brooke, 61, are on trial. Both deny the charge."
    )
    table = [
        entity("E1", "PERSON", "Dennis Harlow", text, "Dennis Harlow"),
        entity("E2", "PERSON", "Janet Brooke", text, "Janet Brooke"),
    ]
    resolved = resolve(nlp, text, table, "Both")
    assert (resolved["name"], resolved["resolved_by"]) == (
        "Dennis Harlow and Janet Brooke",
        "coreference",
    )


def test_the_couple_is_the_pair_before_whose_first_name_takes_the_shared_surname(nlp):
    text = (
        "Birgit and Anselm Kopp, who run a guesthouse, said they saw a flare. The couple "
        "told the Post they had phoned the coastguard."
    )
    table = [entity("E1", "PERSON", "Anselm Kopp", text, "Anselm Kopp")]
    for phrase in ("Birgit and Anselm Kopp", "The couple"):
        assert resolve(nlp, text, table, phrase)["name"] == "Birgit Kopp and Anselm Kopp"


def test_a_name_holding_and_is_one_speaker_also_by_its_short_form(nlp):
    text = (
        "Pell and Garrow Learning said it was hacked. Pell and Garrow said the data was encrypted."
    )
    short = text.index("Pell", 1)  # the model's split of the short form
    table = [
        {
            **entity("E1", "ORG", "Pell and Garrow Learning", text, "Pell and Garrow Learning"),
            "mentions": [
                {"text": "Pell and Garrow Learning", "start": 0, "end": 24},
                {"text": "Pell", "start": short, "end": short + 4},
            ],
        },
        {
            **entity("E2", "GPE", "Garrow", text),
            "mentions": [{"text": "Garrow", "start": short + 9, "end": short + 15}],
        },
    ]
    for nth, phrase in enumerate(("Pell and Garrow Learning", "Pell and Garrow")):
        resolved = resolve(nlp, text, table, phrase, nth=nth)
        assert (resolved["name"], resolved["entity_id"]) == ("Pell and Garrow Learning", "E1")


def test_a_place_before_a_coordinated_name_keeps_its_own_name(nlp):
    text = "Georgia and John Smith sued the county over the new road."
    table = [
        entity("E1", "GPE", "Georgia", text, "Georgia"),
        entity("E2", "PERSON", "John Smith", text, "John Smith"),
    ]
    resolved = resolve(nlp, text, table, "Georgia and John Smith")
    assert resolved["name"] == "Georgia and John Smith"


def test_a_pair_named_together_long_before_is_both(nlp):
    text = (
        "Governor Tomas Rellick and his challenger, Mara Quenby, met in a debate on Saturday. "
        "Rellick spoke first. He defended his record. Quenby attacked it. The crowd cheered. "
        "Tickets had sold out. The hall was full. The moderator kept time. Both said the rail "
        "line should be finished."
    )
    table = [
        entity("E1", "PERSON", "Tomas Rellick", text, "Tomas Rellick", "Rellick"),
        entity("E2", "PERSON", "Mara Quenby", text, "Mara Quenby", "Quenby"),
    ]
    assert resolve(nlp, text, table, "Both")["name"] == "Tomas Rellick and Mara Quenby"


def test_two_of_a_group_are_no_pair_named_long_before(nlp):
    text = (
        "Paul Hendry and Maureen Slade run the allotments. The council wants the land. It "
        "voted on Monday. The vote was close. Residents were angry. Many came. The hall was "
        "full. Two of the residents said they would appeal."
    )
    table = [
        entity("E1", "PERSON", "Paul Hendry", text, "Paul Hendry"),
        entity("E2", "PERSON", "Maureen Slade", text, "Maureen Slade"),
    ]
    resolved = resolve(nlp, text, table, "Two of the residents")
    assert resolved["name"] != "Paul Hendry and Maureen Slade"


def test_the_two_governments_are_those_of_the_two_countries_named_together(nlp):
    text = (
        "Soldiers died in a clash on the border between Tervania and Ostrel. The two "
        "governments blamed each other for firing first."
    )
    table = [
        entity("E1", "GPE", "Tervania", text, "Tervania"),
        entity("E2", "GPE", "Ostrel", text, "Ostrel"),
    ]
    resolved = resolve(nlp, text, table, "The two governments")
    assert resolved["name"] == "governments of Tervania and Ostrel"


def test_the_pair_is_the_two_people_named_apart_just_before(nlp):
    text = (
        "Marta Kowal found the first nests in May. Her colleague Ivo Lind counted the chicks "
        "a week later. The pair said the colony had doubled."
    )
    table = [
        entity("E1", "PERSON", "Marta Kowal", text, "Marta Kowal"),
        entity("E2", "PERSON", "Ivo Lind", text, "Ivo Lind"),
    ]
    resolved = resolve(nlp, text, table, "The pair")
    assert (resolved["name"], resolved["resolved_by"]) == (
        "Marta Kowal and Ivo Lind",
        "coreference",
    )


def test_the_pair_is_no_two_of_three_people_named_apart(nlp):
    text = (
        "Marta Kowal found the first nests in May. Her colleague Ivo Lind and the warden, Ada "
        "Brun, counted the chicks. The pair said the colony had doubled."
    )
    table = [
        entity("E1", "PERSON", "Marta Kowal", text, "Marta Kowal"),
        entity("E2", "PERSON", "Ivo Lind", text, "Ivo Lind"),
        entity("E3", "PERSON", "Ada Brun", text, "Ada Brun"),
    ]
    assert resolve(nlp, text, table, "The pair")["resolved_by"] == "none"


def test_both_coaches_are_two_people_with_the_title_coach(nlp):
    text = (
        "Redmarsh's coach, Gail Hennessy, blamed the referee, Dean Ashworth. Callow Vale's "
        "coach, Ruth Mbeki, praised her players. Both coaches said the pitch was poor."
    )
    table = [
        entity("E1", "PERSON", "Gail Hennessy", text, "Gail Hennessy", titles=("coach",)),
        entity("E2", "PERSON", "Dean Ashworth", text, "Dean Ashworth", titles=("referee",)),
        entity("E3", "PERSON", "Ruth Mbeki", text, "Ruth Mbeki", titles=("coach",)),
    ]
    assert resolve(nlp, text, table, "Both coaches")["name"] == "Gail Hennessy and Ruth Mbeki"


def test_the_owner_of_a_group_is_not_one_of_a_pair_named_apart(nlp):
    text = (
        "Skoot ran most trips last year, while Ridewell grew fastest. Harle's two operators "
        "run 9,000 scooters. The two companies said the injury rate was falling."
    )
    table = [
        entity("E1", "ORG", "Harle", text, "Harle"),
        entity("E2", "ORG", "Skoot", text, "Skoot"),
        entity("E3", "ORG", "Ridewell", text, "Ridewell"),
    ]
    assert resolve(nlp, text, table, "The two companies")["name"] == "Skoot and Ridewell"


def test_his_son_is_the_son_named_before_by_the_family_name(nlp):
    text = (
        "The skipper, Jonas Reinholt, 58, and his son Erik, 31, were taken to hospital. "
        "Reinholt said the boat sank in minutes. His son said he saw the raft drift away."
    )
    table = [
        entity("E1", "PERSON", "Jonas Reinholt", text, "Jonas Reinholt", "Reinholt"),
        entity("E2", "PERSON", "Erik", text, "Erik", titles=("son",)),
    ]
    resolved = resolve(nlp, text, table, "His son")
    assert (resolved["name"], resolved["entity_id"]) == ("Erik Reinholt", "E2")


def test_his_son_is_no_one_of_two_sons(nlp):
    text = (
        "Jonas Reinholt, his son Erik and his son Lars were rescued. Reinholt said the boat "
        "sank in minutes. His son said he saw the raft drift away."
    )
    table = [
        entity("E1", "PERSON", "Jonas Reinholt", text, "Jonas Reinholt", "Reinholt"),
        entity("E2", "PERSON", "Erik", text, "Erik", titles=("son",)),
        entity("E3", "PERSON", "Lars", text, "Lars", titles=("son",)),
    ]
    resolved = resolve(nlp, text, table, "His son")
    assert resolved["entity_id"] is None


def test_a_relative_named_by_a_given_name_takes_the_family_name(nlp):
    text = (
        "Per Lindgaard had fished there for 40 years. Lindgaard's daughter, Sunniva, wrote "
        "that he respected the sea."
    )
    table = [
        entity("E1", "PERSON", "Per Lindgaard", text, "Per Lindgaard", "Lindgaard"),
        entity("E2", "PERSON", "Sunniva", text, "Sunniva", titles=("daughter",)),
    ]
    resolved = resolve(nlp, text, table, "Lindgaard's daughter")
    assert (resolved["name"], resolved["resolved_by"]) == ("Sunniva Lindgaard", "apposition")


def test_the_two_men_are_two_men_named_together(nlp):
    text = (
        "The witness, Teodora Vance, faced Quorvel's co-founders, Marcus Ebbe and Ravi "
        "Sethuraman. The two men deny misleading customers."
    )
    table = [
        entity("E1", "PERSON", "Teodora Vance", text, "Teodora Vance"),
        entity("E2", "PERSON", "Marcus Ebbe", text, "Marcus Ebbe"),
        entity("E3", "PERSON", "Ravi Sethuraman", text, "Ravi Sethuraman"),
    ]
    resolved = resolve(nlp, text, table, "The two men")
    assert resolved["name"] == "Marcus Ebbe and Ravi Sethuraman"


def test_the_two_men_are_not_two_women(nlp):
    text = "Ana Ruiz and Mia Lopp met the judge. The two men said nothing would change."
    table = [
        entity("E1", "PERSON", "Ana Ruiz", text, "Ana Ruiz"),
        entity("E2", "PERSON", "Mia Lopp", text, "Mia Lopp"),
    ]
    resolved = resolve(nlp, text, table, "The two men")
    assert resolved["name"] != "Ana Ruiz and Mia Lopp"


def test_a_lede_pair_is_named_in_the_next_sentence(nlp):
    text = (
        "The two founders of the lender Kestrel Ledger denied on Thursday that they had misled "
        "customers. Tobias Wren and Kenji Mori told the court they believed the firm was solvent."
    )
    table = [
        entity("E1", "PERSON", "Tobias Wren", text, "Tobias Wren"),
        entity("E2", "PERSON", "Kenji Mori", text, "Kenji Mori"),
    ]
    resolved = resolve(nlp, text, table, "The two founders of the lender Kestrel Ledger")
    assert resolved["name"] == "Tobias Wren and Kenji Mori"


def test_a_pair_in_apposition_is_both_people(nlp):
    text = "Two of the rescued men, the brothers Kofi and Yaw Mensah, told the radio it sank."
    table = [entity("E1", "PERSON", "Yaw Mensah", text, "Yaw Mensah")]
    resolved = resolve(nlp, text, table, "the brothers")
    assert resolved["name"] == "Kofi Mensah and Yaw Mensah"


def test_a_ledes_kind_of_organisation_is_the_one_named_next_as_subject(nlp):
    text = (
        "The national medicines regulator urged parents to stop giving children the syrup. "
        "The Medicines Safety Agency said samples contained a toxic solvent."
    )
    table = [entity("E1", "ORG", "Medicines Safety Agency", text, "Medicines Safety Agency")]
    resolved = resolve(nlp, text, table, "The national medicines regulator")
    assert (resolved["name"], resolved["entity_id"]) == ("Medicines Safety Agency", "E1")


def test_a_ledes_owned_kind_of_organisation_is_the_one_named_next(nlp):
    text = (
        "The state's water watchdog said Corrin Water had understated its leaks. "
        "The Westmarch Water Commission said in a decision that the figures were wrong."
    )
    table = [
        entity("E1", "ORG", "Corrin Water", text, "Corrin Water"),
        entity("E2", "ORG", "Westmarch Water Commission", text, "Westmarch Water Commission"),
    ]
    resolved = resolve(nlp, text, table, "The state's water watchdog")
    assert resolved["name"] == "Westmarch Water Commission"


def test_a_headline_kind_of_organisation_is_the_one_named_as_subject_soon_after(nlp):
    text = (
        "Charity warns rough sleepers face winter outside\n\n"
        "A charity that runs the town's only shelter has warned that dozens will sleep "
        "outside. The warning came after the council confirmed the cut. The Calder Street "
        "Trust said it could not keep the doors open."
    )
    table = [entity("E1", "ORG", "Calder Street Trust", text, "Calder Street Trust")]
    assert resolve(nlp, text, table, "Charity")["name"] == "Calder Street Trust"


def test_a_regulator_is_no_organisation_whose_name_says_no_kind(nlp):
    text = (
        "Northmere Energy raised its prices in May. Northmere Energy blamed wholesale costs. "
        "The regulator said it would monitor the payments."
    )
    table = [entity("E1", "ORG", "Northmere Energy", text, "Northmere Energy", "Northmere Energy")]
    resolved = resolve(nlp, text, table, "The regulator")
    assert (resolved["name"], resolved["resolved_by"]) == ("regulator", "none")


def test_a_description_refers_back_to_whom_an_indefinite_one_introduced(nlp):
    text = (
        "A former procurement chief at the port took cash from a contractor, prosecutors said. "
        "Joaquin Ferreyra, 54, denies six counts of bribery. The trial heard from police. "
        "In an interview, the former procurement chief insisted he was innocent."
    )
    table = [entity("E1", "PERSON", "Joaquin Ferreyra", text, "Joaquin Ferreyra")]
    resolved = resolve(nlp, text, table, "the former procurement chief")
    assert (resolved["name"], resolved["entity_id"]) == ("Joaquin Ferreyra", "E1")


def test_a_description_takes_whom_a_copula_gave_it_to(nlp):
    text = (
        "Teodora Vance, 41, is the government's central witness against the founders. "
        "Prosecutors showed an email. The witness admitted writing it."
    )
    table = [entity("E1", "PERSON", "Teodora Vance", text, "Teodora Vance")]
    resolved = resolve(nlp, text, table, "The witness")
    assert (resolved["name"], resolved["entity_id"]) == ("Teodora Vance", "E1")


def test_a_headline_role_is_whom_the_ledes_description_introduces(nlp):
    text = (
        "Former finance chief tells jury founders knew of hole\n\n"
        "The former finance chief of the lender Quorvel testified on Tuesday that the founders "
        "knew. Teodora Vance, 41, is cooperating with prosecutors."
    )
    table = [entity("E1", "PERSON", "Teodora Vance", text, "Teodora Vance")]
    resolved = resolve(nlp, text, table, "Former finance chief")
    assert (resolved["name"], resolved["entity_id"]) == ("Teodora Vance", "E1")


def test_a_union_is_no_company_whose_name_says_no_kind(nlp):
    text = (
        "Corrin Water was fined $38 million. Corrin Water said it accepted the finding. "
        "The union said the decision vindicated its members."
    )
    table = [entity("E1", "ORG", "Corrin Water", text, "Corrin Water", "Corrin Water")]
    resolved = resolve(nlp, text, table, "The union")
    assert (resolved["name"], resolved["resolved_by"]) == ("union", "none")


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "Managers at the Henley Valley Water Co. were warned in April. "
            "The utility said it had acted.",
            "Henley Valley Water Co.",
            "The utility",
        ),
        (
            "Drivers at Greywater Transit walked out on Monday. "
            "The operator said it had made a fair offer.",
            "Greywater Transit",
            "The operator",
        ),
    ],
)
def test_a_utility_and_an_operator_are_kinds_of_organisation(nlp, text, name, description):
    table = [entity("E1", "ORG", name, text, name)]
    assert resolve(nlp, text, table, description)["name"] == name


def test_an_occupation_is_the_person_in_focus_unless_someone_unnamed_had_it(nlp):
    text = (
        "Danny Okoye scored twice after the interval. Reporters caught up with Okoye in the "
        "tunnel. 'We were scared,' the striker said."
    )
    table = [entity("E1", "PERSON", "Danny Okoye", text, "Danny Okoye", "Okoye")]
    assert resolve(nlp, text, table, "the striker")["name"] == "Danny Okoye"
    text = (
        "Danny Okoye read out the messages, in which a nurse complained of long shifts. "
        "The nurse said the wards were full."
    )
    table = [entity("E1", "PERSON", "Danny Okoye", text, "Danny Okoye")]
    assert resolve(nlp, text, table, "The nurse")["entity_id"] is None


@pytest.mark.parametrize(
    "before",
    [
        "The researchers found that pupils wheezed less.",  # a plural of the noun
        "The researcher counted the inhalers.",  # the noun already used of her
    ],
)
def test_an_occupation_used_before_of_no_one_unnamed_is_still_the_person_in_focus(nlp, before):
    text = (
        f"{before} Dr. Hanna Reuter said the filters cut fine particles by 40%. "
        "'We filtered everything at once,' the researcher said."
    )
    table = [entity("E1", "PERSON", "Hanna Reuter", text, "Hanna Reuter")]
    last = text.count("the researcher") - 1
    assert resolve(nlp, text, table, "the researcher", nth=last)["entity_id"] == "E1"


def test_one_of_a_group_is_someone_unnamed_not_the_person_in_focus(nlp):
    text = (
        "Alena Sorvik met the envoys. One of the diplomats, who spoke on condition of "
        "anonymity, said the talks had stalled. 'The gap is on sequencing,' the diplomat said."
    )
    table = [entity("E1", "PERSON", "Alena Sorvik", text, "Alena Sorvik")]
    assert resolve(nlp, text, table, "the diplomat", nth=1)["entity_id"] is None


def test_a_lede_description_is_the_person_of_its_gender_named_soon_after(nlp):
    text = (
        "A former tenant of a house in Northgate where a man died told a jury on Tuesday that "
        "she had warned the landlord. Dennis Varley, 61, denies manslaughter. "
        "Sofia Marchetti, 29, who lived in the room above, testified that the alarms failed."
    )
    table = [
        entity("E1", "PERSON", "Dennis Varley", text, "Dennis Varley"),
        entity("E2", "PERSON", "Sofia Marchetti", text, "Sofia Marchetti"),
    ]
    resolved = resolve(nlp, text, table, "A former tenant")
    assert (resolved["name"], resolved["resolved_by"]) == ("Sofia Marchetti", "coreference")


def test_a_name_parsed_as_its_sentence_root_is_its_main_subject(nlp):
    words = ["Sofia", "Marchetti", ",", "29", ",", "testified", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 1, 1, 1, 1],
        deps=["compound", "ROOT", "punct", "appos", "punct", "acl", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PUNCT"],
    )
    assert (subject_rank(doc[1]), subject_rank(doc[3])) == (MAIN_SUBJECT, 0)


def test_a_fuller_description_is_not_what_a_shorter_earlier_one_was_resolved_to(nlp):
    text = (
        "Prime Minister Teodor Halsey called an election. Finance Minister Karin Oduya put the "
        "overrun at 1.6 billion crowns. The minister told reporters it was covered. "
        "The prime minister would not say whether he would testify."
    )
    table = [
        entity("E1", "PERSON", "Teodor Halsey", text, "Teodor Halsey", titles=("Prime Minister",)),
        entity("E2", "PERSON", "Karin Oduya", text, "Karin Oduya", titles=("Finance Minister",)),
    ]
    doc = nlp(text)
    resolver = SpeakerResolver(doc, text, table, SpeakerLexicon.load())

    def span_of(phrase: str):
        start = text.index(phrase)
        return doc.char_span(start, start + len(phrase))

    assert resolver.resolve(span_of("The minister"))["name"] == "Karin Oduya"
    assert resolver.resolve(span_of("The prime minister"))["name"] == "Teodor Halsey"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("The centre’s report", "Conflict Monitoring Centre’s report"),
        ("the prime minister’s office", "prime minister’s office"),
    ],
)
def test_a_description_owned_by_a_described_organisation_takes_its_name(nlp, phrase, name):
    text = (
        "Prime Minister Teodor Halsey met the Conflict Monitoring Centre on Monday. "
        "The centre’s report put the toll at 11, and the prime minister’s office agreed."
    )
    table = [
        entity("E1", "PERSON", "Teodor Halsey", text, "Teodor Halsey", titles=("Prime Minister",)),
        entity("E2", "ORG", "Conflict Monitoring Centre", text, "Conflict Monitoring Centre"),
    ]
    resolved = resolve(nlp, text, table, phrase)
    assert (resolved["name"], resolved["entity_id"]) == (name, None)


def test_a_group_keeps_the_determiner_that_says_how_many_spoke(nlp):
    text = "Some parents said the app was unsafe, and both coaches said the pitch was poor."
    assert resolve(nlp, text, [], "Some parents")["name"] == "Some parents"
    assert resolve(nlp, text, [], "both coaches")["name"] == "both coaches"


def test_a_role_first_used_bare_takes_the_one_person_given_it_later(nlp):
    text = (
        "Lead lawyer Tom Achebe objected, and the judge told the jury to leave. The trial "
        "went on for a week. Two experts gave evidence. The jury was out for a day. On "
        "Friday U.S. District Judge Maren Holloway ruled for the firm. Achebe will appeal."
    )
    table = [
        entity("E1", "PERSON", "Tom Achebe", text, "Tom Achebe", "Achebe", titles=("Lead lawyer",)),
        entity("E2", "PERSON", "Maren Holloway", text, "Maren Holloway",
               titles=("U.S. District Judge",)),
    ]  # fmt: skip
    assert resolve(nlp, text, table, "the judge")["name"] == "Maren Holloway"


def test_a_pronoun_after_a_name_the_model_took_for_a_place_is_not_the_subjects(nlp):
    text = (
        "Defense attorney Greg Tillman suggested that Rosa Delgado had made the entries on her "
        "own. Tillman asked. She conceded that she had signed an agreement."
    )
    doc = nlp(text)
    start = text.index("Rosa Delgado")
    delgado = doc.char_span(start, start + len("Rosa Delgado"), label="GPE")
    doc.set_ents([delgado], default="unmodified")  # as the model read it in a longer story
    table = [
        entity("E1", "PERSON", "Greg Tillman", text, "Greg Tillman", "Tillman"),
        entity("E2", "PERSON", "Rosa Delgado", text, "Rosa Delgado"),
    ]
    resolver = SpeakerResolver(doc, text, table, SpeakerLexicon.load())
    assert resolver.gender == {"E1": "m", "E2": "f"}


@pytest.mark.parametrize("body", ["The board", "The ministry", "The bank"])
def test_he_or_she_is_not_an_earlier_speaker_that_is_a_body(nlp, body):
    text = f"{body} rejected the plan on Monday. She said it would cost millions."
    doc = nlp(text)
    resolver = SpeakerResolver(doc, text, [], SpeakerLexicon.load())
    assert resolver.resolve(doc.char_span(0, len(body)))["name"] == body.split()[1]
    she = text.index("She")
    resolved = resolver.resolve(doc.char_span(she, she + 3))
    assert (resolved["name"], resolved["resolved_by"]) == ("She", "none")


def test_he_or_she_is_an_earlier_speaker_that_is_a_person_word(nlp):
    text = "The nurse rejected the plan on Monday. She said it would cost millions."
    doc = nlp(text)
    resolver = SpeakerResolver(doc, text, [], SpeakerLexicon.load())
    resolver.resolve(doc.char_span(0, len("The nurse")))
    she = text.index("She")
    resolved = resolver.resolve(doc.char_span(she, she + 3))
    assert (resolved["name"], resolved["resolved_by"]) == ("nurse", "coreference")


def test_the_company_is_not_an_organisation_named_only_as_a_nouns_modifier(nlp):
    text = (
        "Pell and Garrow Learning, which makes the app, said in a statement that no Social "
        "Security numbers or payment details were involved. The company did not say more."
    )
    table = [
        entity("E1", "ORG", "Garrow Learning", text, "Garrow Learning"),
        entity("E2", "ORG", "Social Security", text, "Social Security"),
    ]
    resolved = resolve(nlp, text, table, "The company")
    assert (resolved["name"], resolved["entity_id"]) == ("Garrow Learning", "E1")


def test_the_two_companies_are_two_organisations_named_together(nlp):
    text = (
        "The city's two operators, Skoot Mobility and Ridewell Ltd, run 9,000 scooters. "
        "The two companies said the injury rate was falling."
    )
    table = [
        entity("E1", "ORG", "Skoot Mobility", text, "Skoot Mobility"),
        entity("E2", "ORG", "Ridewell Ltd", text, "Ridewell Ltd"),
    ]
    resolved = resolve(nlp, text, table, "The two companies")
    assert (resolved["name"], resolved["entity_id"]) == ("Skoot Mobility and Ridewell Ltd", None)


def test_neither_company_is_the_two_companies_named_together(nlp):
    text = "Skoot Mobility and Ridewell Ltd run 9,000 scooters. Neither company would comment."
    table = [
        entity("E1", "ORG", "Skoot Mobility", text, "Skoot Mobility"),
        entity("E2", "ORG", "Ridewell Ltd", text, "Ridewell Ltd"),
    ]
    resolved = resolve(nlp, text, table, "Neither company")
    assert resolved["name"] == "Skoot Mobility and Ridewell Ltd"


def test_neither_is_the_two_people_named_together(nlp):
    text = "Dana Okafor and Paul Ferris met the board. Neither would comment."
    table = [
        entity("E1", "PERSON", "Dana Okafor", text, "Dana Okafor"),
        entity("E2", "PERSON", "Paul Ferris", text, "Paul Ferris"),
    ]
    assert resolve(nlp, text, table, "Neither")["name"] == "Dana Okafor and Paul Ferris"


def test_two_people_are_no_pair_of_companies(nlp):
    text = "Skoot Mobility and Ridewell Ltd run 9,000 scooters. The two men said it was safe."
    table = [
        entity("E1", "ORG", "Skoot Mobility", text, "Skoot Mobility"),
        entity("E2", "ORG", "Ridewell Ltd", text, "Ridewell Ltd"),
    ]
    assert resolve(nlp, text, table, "The two men")["name"] != "Skoot Mobility and Ridewell Ltd"


def test_both_after_two_countries_is_no_pair_of_them(nlp):
    text = "Ministers from Qarsan and Tellmark met on Sunday, and both said they would meet again."
    table = [
        entity("E1", "ORG", "Qarsan", text, "Qarsan"),
        entity("E2", "ORG", "Tellmark", text, "Tellmark"),
    ]
    assert resolve(nlp, text, table, "both")["name"] != "Qarsan and Tellmark"


def test_a_name_the_parse_made_a_second_subject_is_an_apposition(nlp):
    text = '"We trusted Curtis," said one of them, retired Army nurse Helen Pruitt. "It failed."'
    table = [
        entity("E1", "PERSON", "Curtis Ambler", text, "Curtis"),
        entity("E2", "PERSON", "Helen Pruitt", text, "Helen Pruitt"),
    ]
    resolved = resolve(nlp, text, table, "one of them")
    assert (resolved["name"], resolved["resolved_by"]) == ("Helen Pruitt", "apposition")


def test_a_name_with_post_nominal_letters_in_apposition_names_the_description(nlp):
    text = "Opening the case, the prosecutor, Rebecca Hale KC, told the jury it was arson."
    table = [entity("E1", "PERSON", "Rebecca Hale", text, "Rebecca Hale")]
    resolved = resolve(nlp, text, table, "the prosecutor")
    assert (resolved["name"], resolved["resolved_by"]) == ("Rebecca Hale", "apposition")


def test_a_description_refers_back_to_one_the_tagger_took_for_a_name(nlp):
    text = (
        "Miriam Castellano said the county health department first learned of the results "
        "last week. Free testing will continue through June, the department said."
    )
    table = [entity("E1", "PERSON", "Miriam Castellano", text, "Miriam Castellano")]
    resolved = resolve(nlp, text, table, "the department")
    assert (resolved["name"], resolved["resolved_by"]) == (
        "county health department",
        "coreference",
    )


def test_a_description_does_not_refer_back_to_a_phrase_someone_is_quoted_saying(nlp):
    text = (
        "In a police interview, Varley described himself as “a careful landlord with one "
        "careless tenant”. The landlord admitted that he had not replaced the alarms."
    )
    table = [entity("E1", "PERSON", "Dennis Varley", text, "Varley")]
    quoted = ("a careful landlord with one careless tenant",)
    resolved = resolve(nlp, text, table, "The landlord", quoted=quoted)
    assert (resolved["name"], resolved["resolved_by"]) == ("landlord", "none")  # not his words
    text = (  # the writer's quotation marks inside a phrase of the narration
        "The unnamed “senior U.S. military official” spoke to the Guardian. "
        "The official said the troops had suffered casualties."
    )
    resolved = resolve(nlp, text, [], "The official", quoted=("senior U.S. military official",))
    assert resolved["name"] == "unnamed senior U.S. military official"


def test_the_defendant_is_the_person_the_story_shows_answering_the_charge(nlp):
    text = (
        "Dennis Varley, 61, denies manslaughter. Sofia Marchetti testified that the alarms "
        "failed. Hannah Lister questioned her. In a police interview, the defendant said "
        "he had been waiting for a contractor."
    )
    table = [
        entity("E1", "PERSON", "Dennis Varley", text, "Dennis Varley"),
        entity("E2", "PERSON", "Sofia Marchetti", text, "Sofia Marchetti"),
        entity("E3", "PERSON", "Hannah Lister", text, "Hannah Lister"),
    ]
    resolved = resolve(nlp, text, table, "the defendant")
    assert (resolved["name"], resolved["resolved_by"]) == ("Dennis Varley", "coreference")


def test_the_suspect_is_the_person_held_and_no_one_when_no_one_is_accused(nlp):
    text = (
        "Dale Hennig was being held at the county jail, police said. Carla Mendes told the "
        "judge the fire was no accident. The complaint says the suspect told officers that "
        "he had been asleep."
    )
    table = [
        entity("E1", "PERSON", "Dale Hennig", text, "Dale Hennig"),
        entity("E2", "PERSON", "Carla Mendes", text, "Carla Mendes"),
    ]
    resolved = resolve(nlp, text, table, "the suspect")
    assert (resolved["name"], resolved["resolved_by"]) == ("Dale Hennig", "coreference")
    text = (  # his lawyer, named more often, denies a claim, not a charge
        "Dale Hennig was being held at the county jail. Gregory Tate denied that his client "
        "had been near the bakery. Tate said the case was weak. Tate called it a grudge. "
        "The complaint says the suspect told officers that he had been asleep."
    )
    table = [
        entity("E1", "PERSON", "Dale Hennig", text, "Dale Hennig"),
        entity("E2", "PERSON", "Gregory Tate", text, "Gregory Tate", "Tate", "Tate"),
    ]
    assert resolve(nlp, text, table, "the suspect")["name"] == "Dale Hennig"
    text = (
        "Police are looking for a man seen near the bakery. Carla Mendes said the fire was "
        "no accident. Officers believe the suspect fled on foot."
    )
    table = [entity("E1", "PERSON", "Carla Mendes", text, "Carla Mendes")]
    resolved = resolve(nlp, text, table, "the suspect")
    assert (resolved["name"], resolved["resolved_by"]) == ("suspect", "none")


def test_he_or_she_answering_is_the_person_just_asked(nlp):
    text = (
        "The moderator, Janine Costa, questioned the candidates. When Costa asked Mara Quenby "
        "how she would pay for it, she said she would close loopholes."
    )
    table = [
        entity("E1", "PERSON", "Janine Costa", text, "Janine Costa", "Costa"),
        entity("E2", "PERSON", "Mara Quenby", text, "Mara Quenby"),
    ]
    resolved = resolve(nlp, text, table, "she", nth=1)
    assert (resolved["name"], resolved["resolved_by"]) == ("Mara Quenby", "coreference")
    text = (
        "Hannah Lister suggested to Sofia Marchetti that she had never complained in writing. "
        "She said she had sent several text messages."
    )
    table = [
        entity("E1", "PERSON", "Hannah Lister", text, "Hannah Lister"),
        entity("E2", "PERSON", "Sofia Marchetti", text, "Sofia Marchetti"),
    ]
    resolved = resolve(nlp, text, table, "She")
    assert (resolved["name"], resolved["resolved_by"]) == ("Sofia Marchetti", "coreference")


def test_he_or_she_replying_is_the_one_written_to_and_of_the_pronouns_gender(nlp):
    text = (
        "Cllr Priya Varma defended the plan. Helen Ashworth had written to the councillor in "
        "January. She replied that officers would look at the picture."
    )
    table = [
        entity("E1", "PERSON", "Priya Varma", text, "Priya Varma", titles=("councillor",)),
        entity("E2", "PERSON", "Helen Ashworth", text, "Helen Ashworth"),
    ]
    resolved = resolve(nlp, text, table, "She")
    assert (resolved["name"], resolved["resolved_by"]) == ("Priya Varma", "coreference")
    text = (
        "Helen Ashworth had written to Tom Varley in January. She replied that officers "
        "would look at the picture."
    )
    table = [
        entity("E1", "PERSON", "Helen Ashworth", text, "Helen Ashworth"),
        entity("E2", "PERSON", "Tom Varley", text, "Tom Varley"),
    ]
    assert resolve(nlp, text, table, "She")["name"] == "Helen Ashworth"  # he would reply
