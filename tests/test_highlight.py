from __future__ import annotations

from pipeline.highlight import Fragment, Mark, merge_same_spans, nest


def mark(kind: str, text: str, phrase: str, ref: str = "R") -> Mark:
    start = text.index(phrase)
    return Mark(kind, start, start + len(phrase), (ref,), f"{kind} {ref}")


def shape(nodes: list[Fragment | str]) -> list:
    """The tree as nested lists: a string stays a string, a fragment is [kind, *children]."""
    return [n if isinstance(n, str) else [n.mark.kind, *shape(n.children)] for n in nodes]


def fragments(nodes: list[Fragment | str]) -> list[Fragment]:
    found = []
    for node in nodes:
        if isinstance(node, Fragment):
            found += [node, *fragments(node.children)]
    return found


def test_a_quantity_inside_a_quote_nests_inside_it():
    text = "She said “about 300 joined” today."
    marks = [mark("quantity", text, "about 300"), mark("quote", text, "about 300 joined")]

    assert shape(nest(text, marks)) == [
        "She said “",
        ["quote", ["quantity", "about 300"], " joined"],
        "” today.",
    ]


def test_same_extent_nests_by_kind_and_crossing_spans_are_cut():
    text = "ab cd ef"
    marks = [
        mark("date", text, "ab"),
        mark("quote", text, "ab"),
        mark("speaker", text, "cd ef"),
        Mark("cue", 0, 5, ("C",), "cue"),  # "ab cd": crosses the speaker span
    ]

    nodes = nest(text, marks)

    assert shape(nodes) == [
        ["cue", ["quote", ["date", "ab"]], " ", ["speaker", "cd"]],
        ["speaker", " ef"],
    ]
    speaker_parts = [f for f in fragments(nodes) if f.mark.kind == "speaker"]
    assert [(f.start, f.end, f.first) for f in speaker_parts] == [(3, 5, True), (5, 8, False)]


def test_every_fragment_holds_the_text_at_its_offsets_with_astral_characters():
    text = "🚢 “We 𝐓 expect 😀 dozens”, 𝐕arga said."
    marks = [
        mark("quote", text, "We 𝐓 expect 😀 dozens"),
        mark("quantity", text, "dozens"),
        mark("speaker", text, "𝐕arga"),
        mark("cue", text, "arga said"),
    ]

    nodes = nest(text, marks)

    for fragment in fragments(nodes):
        assert flatten(fragment.children) == text[fragment.start : fragment.end]
    assert flatten(nodes) == text


def flatten(nodes: list[Fragment | str]) -> str:
    return "".join(n if isinstance(n, str) else flatten(n.children) for n in nodes)


def test_marks_outside_the_text_or_empty_are_left_out():
    text = "short"
    nodes = nest(text, [Mark("quote", 2, 2, ("Q",), ""), Mark("date", 3, 9, ("D",), "")])
    assert nodes == ["short"]


def test_a_speaker_mention_of_two_quotes_is_one_mark_naming_both():
    one = Mark("speaker", 0, 5, ("Q1",), "Varga → Elena Varga")
    two = Mark("speaker", 0, 5, ("Q2",), "Varga → Elena Varga")
    other = Mark("cue", 6, 10, ("Q1",), "cue")

    merged = merge_same_spans([one, two, other])

    assert merged == [Mark("speaker", 0, 5, ("Q1", "Q2"), "Varga → Elena Varga"), other]
