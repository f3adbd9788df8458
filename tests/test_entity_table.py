"""The grouping rules on plain mentions, without the model."""

from __future__ import annotations

from dataclasses import replace

from pipeline.entity_table import (
    Mention,
    TableRules,
    canonical_name,
    cluster_label,
    cluster_mentions,
    headline_line_end,
    initials,
    is_person_name,
    is_short_form,
    label_by_titles,
    mark_headline_mentions,
    name_key,
)
from pipeline.lexicon import first_names

RULES = TableRules(aliases={"s korea": ("South Korea", "GPE"), "dprk": ("North Korea", "GPE")})


def mentions(*items: tuple[str, str]) -> list[Mention]:
    """Mentions at increasing offsets, in the given order."""
    found, offset = [], 0
    for text, label in items:
        found.append(Mention(text, offset, offset + len(text), label))
        offset += len(text) + 10
    return found


def grouped(items: list[Mention], **kwargs) -> list[list[str]]:
    return [[m.text for m in cluster] for cluster in cluster_mentions(items, RULES, **kwargs)]


def test_name_key_ignores_case_periods_apostrophes_and_spacing():
    assert name_key("North Korea’s  Army") == "north korea's army"
    assert name_key("U.S.") == "us"


def test_same_name_and_alias_group_together():
    items = mentions(("North Korea", "GPE"), ("DPRK", "ORG"), ("north korea", "GPE"))
    assert grouped(items) == [["North Korea", "DPRK", "north korea"]]


def test_surname_and_first_name_join_a_unique_full_name():
    items = mentions(
        ("John Kirby", "PERSON"), ("Kim Jong-un", "PERSON"), ("Kirby", "PERSON"), ("Kim", "PERSON")
    )
    assert grouped(items) == [["John Kirby", "Kirby"], ["Kim Jong-un", "Kim"]]


def test_shared_surname_stays_apart():
    items = mentions(
        ("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")
    )
    assert grouped(items) == [["Bill Clinton"], ["Hillary Clinton"], ["Clinton"]]


def test_a_mislabelled_surname_in_the_headline_joins_the_full_name_of_the_lede():
    text = "Rellick and Quenby clash over taxes\n\nGovernor Tomas Rellick and Mara Quenby met."
    assert text[: headline_line_end(text)] == "Rellick and Quenby clash over taxes"
    items = mentions(("Quenby", "GPE"), ("Mara Quenby", "PERSON"), ("Quenby", "GPE"))
    assert grouped(items) == [["Quenby", "Quenby"], ["Mara Quenby"]]  # a place first
    items = mark_headline_mentions(items, items[1].start)
    assert grouped(items) == [["Quenby", "Mara Quenby", "Quenby"]]


def test_a_first_line_that_ends_as_a_sentence_is_no_headline():
    assert headline_line_end("Quenby said the plan would fail.\n\nShe spoke on Monday.") == 0
    assert headline_line_end("One line and no paragraph after it") == 0
    assert headline_line_end("“We will fight,” Quenby said.”\n\nShe spoke on Monday.") == 0
    text = "Redmarsh boss says side were ‘robbed’\n\nThe manager spoke on Monday."
    assert text[: headline_line_end(text)] == "Redmarsh boss says side were ‘robbed’"


PEOPLE = TableRules(
    first_names=frozenset({"ava", "jon", "grace", "rose"}),
    english_words=frozenset({"church", "garden", "toy"}),
)


def test_a_first_name_and_a_surname_that_is_no_word_name_a_person():
    assert is_person_name("Ava Okonkwo", PEOPLE) and is_person_name("Jon Okonkwo", PEOPLE)
    assert not is_person_name("Grace Churches", PEOPLE)  # a plural of a word
    assert not is_person_name("Rose Garden", PEOPLE)
    assert not is_person_name("Brightfield Toys", PEOPLE)  # no first name
    assert not is_person_name("Okonkwo", PEOPLE)
    assert not is_person_name("Ava Okonkwo", TableRules(first_names=PEOPLE.first_names))


def test_names_of_many_countries_name_people_with_the_shipped_lists():
    rules = replace(PEOPLE, first_names=frozenset(first_names()))
    assert all(is_person_name(n, rules) for n in ("Teodor Ansel", "Ngozi Adeyemi", "Bjørn Dahl"))


def test_every_mention_of_a_person_name_is_a_person():
    items = mentions(("Jon Okonkwo", "PERSON"), ("Okonkwo", "ORG"), ("Okonkwo", "ORG"))
    [cluster] = cluster_mentions(items, PEOPLE)
    assert [m.label for m in cluster] == ["PERSON"] * 3
    [organisation] = cluster_mentions(mentions(("Rose Garden", "ORG")), PEOPLE)
    assert organisation[0].label == "ORG"


def test_a_name_ending_with_an_organisation_word_is_an_organisation():
    rules = TableRules(
        first_names=PEOPLE.first_names,
        english_words=PEOPLE.english_words,
        organisation_heads=frozenset({"gazette", "union", "post", "news"}),
    )

    def labels(*items: tuple[str, str]) -> list[str]:
        return [cluster[0].label for cluster in cluster_mentions(mentions(*items), rules)]

    assert labels(("Harwick Gazette", "FAC"), ("Tarnow Union", "WORK_OF_ART")) == ["ORG", "ORG"]
    assert labels(("Soviet Union", "GPE")) == ["GPE"]  # a place keeps its label
    assert labels(("State of the Union", "EVENT")) == ["EVENT"]
    assert labels(("breaking news", "WORK_OF_ART")) == ["WORK_OF_ART"]
    assert labels(("Gazette", "FAC")) == ["FAC"]  # one word says too little
    assert labels(("Ava Post", "PERSON")) == ["PERSON"]  # a person's name stays one


def test_surname_mislabelled_by_the_model_joins_the_person_named_before():
    items = mentions(("Tom Haverford", "PERSON"), ("Haverford", "GPE"))
    assert grouped(items) == [["Tom Haverford", "Haverford"]]
    before = mentions(("Haverford", "GPE"), ("Tom Haverford", "PERSON"))
    assert grouped(before) == [["Haverford"], ["Tom Haverford"]]


def test_one_word_person_starting_an_organisation_name_is_that_organisation():
    items = mentions(("Stellic", "NORP"), ("Stellic Systems", "ORG"), ("Stellic", "PERSON"))
    items.append(Mention("Stellic", 500, 507, "PERSON"))
    assert grouped(items) == [["Stellic", "Stellic Systems", "Stellic", "Stellic"]]
    assert cluster_label(cluster_mentions(items, RULES)[0]) == "ORG"
    town = mentions(("Meravin", "GPE"), ("Meravin General Hospital", "ORG"), ("Meravin", "PERSON"))
    town.append(Mention("Meravin", 500, 507, "PERSON"))
    town[0].dateline = True  # "MERAVIN, Valdenia (Reuters) -"
    assert grouped(town) == [["Meravin", "Meravin", "Meravin"], ["Meravin General Hospital"]]


def test_one_word_place_starting_a_company_name_is_that_company():
    rules = replace(
        RULES, company_suffixes=frozenset({"systems"}), organisation_heads=frozenset({"post"})
    )

    def names(items: list[Mention]) -> list[list[str]]:
        return [[m.text for m in cluster] for cluster in cluster_mentions(items, rules)]

    company = mentions(("Parvel Systems", "ORG"), ("Parvel", "GPE"), ("Parvel", "GPE"))
    assert names(company) == [["Parvel Systems", "Parvel", "Parvel"]]
    assert cluster_label(cluster_mentions(company, rules)[0]) == "ORG"
    paper = mentions(("Washington Post", "ORG"), ("Washington", "GPE"))
    assert names(paper) == [["Washington Post"], ["Washington"]]
    town = mentions(("Parvel", "GPE"), ("Parvel Systems", "ORG"))
    town[0].dateline = True
    assert names(town) == [["Parvel"], ["Parvel Systems"]]


def test_places_do_not_take_short_forms():
    items = mentions(("North Korea", "GPE"), ("Korea", "GPE"))
    assert grouped(items) == [["North Korea"], ["Korea"]]


def test_place_suffix_and_plural_demonyms():
    items = mentions(("Kursk", "GPE"), ("Kursk region", "GPE"), ("Ukrainian", "NORP"))
    items += [Mention("Ukrainians", 900, 910, "NORP")]
    assert grouped(items) == [["Kursk", "Kursk region"], ["Ukrainian", "Ukrainians"]]


def test_acronyms_by_initials_and_by_definition():
    items = mentions(
        ("National Intelligence Service", "ORG"),
        ("NIS", "ORG"),
        ("Superior Electoral Court", "ORG"),
        ("TSE", "ORG"),
    )
    assert grouped(items) == [
        ["National Intelligence Service", "NIS"],
        ["Superior Electoral Court"],
        ["TSE"],
    ]
    defined = grouped(items, acronyms={"tse": "superior electoral court"})
    assert defined[1:] == [["Superior Electoral Court", "TSE"]]


def test_canonical_name_is_the_longest_or_the_alias():
    assert canonical_name(mentions(("Kirby", "PERSON"), ("John Kirby", "PERSON")), RULES) == (
        "John Kirby"
    )
    assert canonical_name(mentions(("S. Korea", "GPE")), RULES) == "South Korea"


def test_a_place_named_in_capitals_is_named_in_title_case():
    def name(*items: tuple[str, str]) -> str:
        return canonical_name(mentions(*items), RULES)

    assert name(("NAIROBI", "GPE"), ("Nairobi", "GPE")) == "Nairobi"
    assert name(("SÃO PAULO", "GPE")) == "São Paulo"
    assert name(("RIO DE JANEIRO", "GPE")) == "Rio de Janeiro"
    assert name(("WINSTON-SALEM", "GPE")) == "Winston-Salem"
    assert name(("NATO", "ORG")) == "NATO"  # not a place
    assert name(("UAE", "GPE")) == "UAE"  # too short to tell from an acronym
    assert name(("D.C.", "GPE")) == "D.C."  # an abbreviation

    assert cluster_label(mentions(("Ukrainian", "GPE"), ("Ukrainians", "NORP"))) == "NORP"
    three = mentions(("Kursk", "PRODUCT"), ("Kursk", "GPE"), ("Kursk", "GPE"))
    assert cluster_label(three) == "GPE"


def test_helpers():
    assert initials("agence france-presse") == "afp"
    assert initials("office of the president") == "op"
    assert is_short_form("kirby", "john kirby") and is_short_form("kim", "kim jong-un")
    assert not is_short_form("john", "john")


def test_surname_joining_a_person_named_with_a_first_name_is_a_person():
    rules = TableRules(first_names=frozenset({"tom"}))
    items = mentions(("Tom Haverford", "PERSON"), ("Haverford", "GPE"), ("Haverford", "GPE"))
    [cluster] = cluster_mentions(items, rules)
    assert cluster_label(cluster) == "PERSON"
    items = mentions(("Brightfield Toys", "PERSON"), ("Brightfield", "ORG"), ("Brightfield", "ORG"))
    [cluster] = cluster_mentions(items, rules)
    assert cluster_label(cluster) == "ORG"


def test_a_name_whose_people_the_article_names_is_a_country():
    items = mentions(
        ("Ostrel", "ORG"),
        ("Tervania", "PERSON"),
        ("Ostrelian", "NORP"),
        ("Tervanian", "NORP"),
        ("Halden", "ORG"),
    )
    labels = {c[0].text: cluster_label(c) for c in cluster_mentions(items, RULES)}
    assert labels == {
        "Ostrel": "GPE",
        "Tervania": "GPE",
        "Ostrelian": "NORP",
        "Tervanian": "NORP",
        "Halden": "ORG",
    }


def test_a_title_settles_a_person_or_organisation_label():
    rules = TableRules(
        person_roles=frozenset({"councillor", "spokesman"}),
        organisation_roles=frozenset({"company"}),
        organisation_heads=frozenset({"pac"}),
    )
    assert label_by_titles("ORG", "Hana Brisk", ["opposition councillor"], rules) == "PERSON"
    assert label_by_titles("PERSON", "Fenwater", ["company"], rules) == "ORG"
    # the head of "spokesman for the company" is a spokesman
    assert label_by_titles("ORG", "Ada Vale", ["spokesman for the company"], rules) == "PERSON"
    assert label_by_titles("ORG", "Black Caucus PAC", ["councillor"], rules) == "ORG"
    assert label_by_titles("ORG", "Ada Vale", ["councillor", "company"], rules) == "ORG"
    assert label_by_titles("GPE", "Lorvik", ["company"], rules) == "GPE"
    # a person's title on a name the model took for a place
    assert label_by_titles("GPE", "Niamh Halloran", ["spokesman"], rules) == "PERSON"
