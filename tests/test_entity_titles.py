from __future__ import annotations

import pytest

from pipeline.entity_titles import find_titles

HONORIFICS = frozenset({"mr.", "dr."})
MODIFIERS = frozenset({"former", "outgoing"})


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("Spokesman Matthew Miller told reporters.", "Matthew Miller", ["Spokesman"]),
        ("Outgoing President Joe Biden signed it.", "Joe Biden", ["President"]),
        ("Wanjiru, a former surgeon, said more staff would come.", "Wanjiru", ["surgeon"]),
        ("They met its dictator, Kim Jong-un, in June.", "Kim Jong-un", ["dictator"]),
        (
            "Eduardo Moreira, the former captain of the side, was there.",
            "Eduardo Moreira",
            ["captain of the side"],
        ),
        (
            "It was for Margaret Ilsley, 71, a retired postal worker from the Kestwick suburb "
            "of Orren, who has been on the waiting list for 14 months.",
            "Margaret Ilsley",
            ["retired postal worker from the Kestwick suburb of Orren"],
        ),
        ("Dr. Samuel Otieno arrived.", "Samuel Otieno", []),
        ("Joe Biden spoke on Monday.", "Joe Biden", []),
    ],
)
def test_titles(nlp, text, name, titles):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert find_titles(span, HONORIFICS, MODIFIERS) == titles
