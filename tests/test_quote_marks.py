from __future__ import annotations

from pipeline.quote_marks import find_quotations


def quoted(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.parts] for q in find_quotations(text)]


def test_curly_straight_and_doubled_marks():
    text = "“One,” he said. \"Two.\" ''Three,'' she said. ``Four.''"
    assert quoted(text) == [["One"], ["Two."], ["Three"], ["Four."]]


def test_quote_running_over_paragraphs():
    text = "“First paragraph goes on.\n\n“Second paragraph ends,” he said."
    assert quoted(text) == [["First paragraph goes on.", "Second paragraph ends"]]


def test_unbalanced_marks_are_dropped_not_raised():
    text = "A stray “opening mark.\n\nThen “a real quote” and an apostrophe’s use."
    assert quoted(text) == [["a real quote"]]
    assert quoted("“") == [] and quoted('"') == []


def test_single_quotes_inside_double_quotes_stay_inside():
    assert quoted("“They called it ‘a disaster’ today,” she said.") == [
        ["They called it ‘a disaster’ today"]
    ]


def test_curly_and_straight_marks_close_each_other():
    text = 'Her “work-related" emails and "personal messages” were sorted. “Done," he said.'
    assert quoted(text) == [["work-related"], ["personal messages"], ["Done"]]


def test_stray_straight_mark_in_a_text_of_curly_quotes_is_dropped():
    text = '"Vale strode onto the pier, shouting “G-O! G-O!”\n\n“Here he is,” she said.'
    assert quoted(text) == [["G-O! G-O!"], ["Here he is"]]


def test_guillemets_low_marks_and_a_closing_mark_that_opens():
    assert quoted("«Oui», dit-il, „Ja“ and ``so'' on") == [["Oui"], ["Ja"], ["so"]]
    assert quoted("”Slipped,” he said.") == [["Slipped"]]


def test_the_same_mark_opening_again_before_a_close_is_unbalanced():
    assert quoted("Then “one “two” three.” Fine.") == [["two"]]


def test_single_quotes_british_style():
    text = "‘We waited for hours,’ she said. The mayor said: 'We will rebuild the town's bridge.'"
    assert quoted(text) == [["We waited for hours"], ["We will rebuild the town's bridge."]]


def test_apostrophes_are_not_single_quotes():
    text = "It’s the ’90s again, fans said of the players’ union and the clubs' offer 'til May."
    assert quoted(text) == []
    assert quoted("They played rock 'n' roll 'til dawn.") == []
    assert quoted("The fans’ ‘real anger’ showed.") == [["real anger"]]


def test_single_quotation_may_hold_a_double_one():
    assert quoted("‘He told me “no” twice,’ she said.") == [["He told me “no” twice"]]


def test_an_unclosed_single_mark_does_not_hide_the_next_paragraph():
    text = "‘It ’s never ‘shut, don’t worry\n\nShe left. ‘Fine,’ she said. Then ‘agreed’."
    assert quoted(text) == [["Fine"], ["agreed"]]
