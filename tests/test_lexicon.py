from __future__ import annotations

from pathlib import Path

from pipeline.lexicon import FIRST_NAME_LISTS, first_names, given_name_key


def test_given_names_are_keyed_without_case_or_accents():
    assert [given_name_key(name) for name in ("Inés", "Bjørn", "Łukasz", "Ægir")] == [
        "ines",
        "bjorn",
        "lukasz",
        "aegir",
    ]


def test_a_name_in_two_lists_keeps_the_gender_of_the_first(tmp_path: Path):
    rows = (["andrea\tf", "ines\tf"], ["andrea\tm"], ["andrea\tm", "teodor\tm"])
    for list_name, lines in zip(FIRST_NAME_LISTS, rows, strict=True):
        (tmp_path / list_name).write_text("# name\tgender\n" + "\n".join(lines) + "\n")
    assert first_names(tmp_path) == {"andrea": "f", "ines": "f", "teodor": "m"}


def test_the_shipped_lists_know_names_beyond_the_us_census():
    names = first_names()
    assert [names.get(name) for name in ("marit", "teodor", "ruairi", "ngozi")] == [
        "f",
        "m",
        "m",
        "f",
    ]
    assert not {"admiral", "ace"} & names.keys()  # English words are no evidence of a name
