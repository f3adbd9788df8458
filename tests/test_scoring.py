from __future__ import annotations

import json

from pipeline.scoring import (
    date_counts,
    date_scores,
    match_contents,
    match_spans,
    name_right,
    score_date_run,
    score_quote_tables,
)


def quote(start: int, end: int, speaker: tuple[int, int] | None, name: str | None = None):
    return {
        "content": {"start": start, "end": end, "parts": None},
        "speaker": None
        if speaker is None
        else {"start": speaker[0], "end": speaker[1], "name": name, "text": "x"},
    }


def gold(start: int, end: int, speaker: tuple[int, int] | None, name: str | None = None):
    return {
        "content": [{"start": start, "end": end}],
        "speaker": None if speaker is None else {"start": speaker[0], "end": speaker[1]},
        "speaker_name": name,
    }


def test_contents_match_one_to_one_by_dice():
    golds = [gold(0, 100, None), gold(200, 300, None)]
    preds = [quote(10, 100, None), quote(0, 40, None), quote(500, 600, None)]
    assert match_contents(golds, preds) == [(0, 0)]


def test_scores_count_speakers_and_names():
    golds = [gold(0, 100, (110, 112), "Matthew Miller"), gold(200, 300, (310, 320), "NIS")]
    preds = [quote(0, 100, (110, 112), "Matthew Miller"), quote(200, 300, (400, 410), "NIS")]
    scores = score_quote_tables(golds, preds)
    assert scores["content"]["f1"] == 1.0
    assert scores["attribution"]["f1"] == 0.5
    assert scores["name_accuracy"] == 1.0


def test_core_names_leave_nested_attributions_out_on_both_sides():
    golds = [gold(0, 100, (110, 112), "Kirby"), gold(20, 60, (20, 22), "U.S. government")]
    golds[1]["nested_in"] = 0
    preds = [quote(0, 100, (110, 112), "John Kirby"), quote(300, 400, (410, 412), "Kirby")]
    preds[1]["parent_id"] = "q0"
    scores = score_quote_tables(golds, preds)
    assert scores["named"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert scores["core_named"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
    preds[0]["speaker"]["name"] = "Miller"
    assert score_quote_tables(golds, preds)["core_named"]["f1"] == 0.0


def test_speech_dates_count_on_matched_attributions_and_compare_the_day():
    golds = [gold(0, 100, None), gold(200, 300, None), gold(400, 500, None)]
    for record, date in zip(golds, ["2024-12-16", "2024-12-17", None], strict=True):
        record["speech_date"] = date
    preds = [quote(0, 100, None), quote(200, 300, None), quote(400, 500, None)]
    for record, date in zip(preds, ["2024-12-16TNI", "2024-12-18", "2024-12-01"], strict=True):
        record["speech_date"] = date
    scores = score_quote_tables(golds, preds)
    assert scores["speech_date"] == {"p": round(1 / 3, 4), "r": 0.5, "f1": 0.4}
    del golds[2]["speech_date"]  # an article not annotated counts nothing
    assert score_quote_tables(golds, preds)["counts"]["speech_date_predicted"] == 0


def test_nesting_is_right_when_the_parent_is_the_matched_parent():
    golds = [gold(0, 100, None), gold(20, 60, None), gold(200, 300, None)]
    golds[1]["nested_in"] = 0
    golds[2]["nested_in"] = 0  # predicted as nested in the wrong quote
    golds[1]["negated"] = True
    preds = [quote(0, 100, None), quote(20, 60, None), quote(200, 300, None)]
    for n, (record, parent) in enumerate(zip(preds, [None, "Q1", "Q2"], strict=True), 1):
        record |= {"quote_id": f"Q{n}", "parent_id": parent, "negated": n == 2}
    scores = score_quote_tables(golds, preds)
    assert scores["nested"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert scores["negated"] == {"p": 1.0, "r": 1.0, "f1": 1.0}


def test_addressee_counts_on_matched_attributions_only():
    golds = [gold(0, 100, None), gold(200, 300, None), gold(400, 500, None)]
    golds[0]["addressee"] = {"start": 110, "end": 120}
    golds[1]["addressee"] = {"start": 310, "end": 320}
    preds = [quote(0, 100, None), quote(200, 300, None), quote(600, 700, None)]
    preds[0]["addressee"] = {"start": 115, "end": 125}  # overlaps: right
    preds[1]["addressee"] = {"start": 330, "end": 340}  # elsewhere: wrong
    preds[2]["addressee"] = {"start": 710, "end": 720}  # on an unmatched attribution
    scores = score_quote_tables(golds, preds)
    assert scores["addressee"] == {"p": round(1 / 3, 4), "r": 0.5, "f1": 0.4}
    assert scores["medium"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_name_must_match_whole_words():
    assert name_right(gold(0, 1, (0, 1), "Kirby"), quote(0, 1, (0, 1), "John Kirby"))
    assert not name_right(gold(0, 1, (0, 1), "Kirb"), quote(0, 1, (0, 1), "John Kirby"))
    assert name_right(gold(0, 1, None), quote(0, 1, None))


def timex(start: int, end: int, value: str) -> dict:
    return {"start": start, "end": end, "value": value}


def test_date_spans_match_one_to_one_by_largest_overlap():
    golds = [timex(0, 10, "2024"), timex(20, 30, "P1Y")]
    preds = [timex(5, 10, "2024"), timex(0, 8, "2023"), timex(40, 50, "P2Y")]
    assert match_spans(golds, preds) == [(0, 1)]


def test_date_value_f1_is_relaxed_f1_times_value_accuracy():
    golds = [timex(0, 10, "2024"), timex(20, 30, "P1Y")]
    preds = [timex(0, 10, "2024"), timex(22, 30, "P2Y")]
    counts = date_counts(golds, preds)
    assert counts == {"gold": 2, "predicted": 2, "relaxed": 2, "strict": 1, "value": 1}
    scores = date_scores(counts)
    assert scores["relaxed"]["f1"] == 1.0
    assert scores["strict"]["f1"] == 0.5
    assert scores["value_f1"] == 0.5


def test_a_gold_run_sums_the_counts_of_its_articles(tmp_path):
    gold_dir, out = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out.mkdir()
    for doc_id, dates in {"a": [timex(0, 4, "2024")], "b": [timex(0, 4, "P1Y")]}.items():
        (gold_dir / f"{doc_id}.json").write_text(json.dumps({"dates": dates}))
    predicted = [timex(0, 4, "2024") | {"doc_id": "a"}, timex(10, 14, "2023") | {"doc_id": "b"}]
    (out / "dates.jsonl").write_text("".join(json.dumps(r) + "\n" for r in predicted))

    scores = score_date_run(gold_dir, out)
    assert scores["documents"]["a"]["value_f1"] == 1.0
    assert scores["all"]["counts"] == {
        "gold": 2,
        "predicted": 2,
        "relaxed": 1,
        "strict": 1,
        "value": 1,
    }
    assert score_date_run(gold_dir, out, only={"c"})["all"]["counts"]["gold"] == 0
