"""Scores of pipeline output against the project's hand-annotated gold.

Entity tables (`tests/gold/entities`), who-said-what tables (`tests/gold/quotes`), temporal
expressions (`tests/gold/dates`) and quantities (`tests/gold/quantities`). Dates and
quantities are matched one-to-one by span overlap, largest first; date value F1 is, as in
TempEval-3, relaxed-span F1 times the share of matched spans with the exact TIMEX3 value. The
quote scores follow the shared PolNeAR scorer: contents match one-to-one by the Dice overlap
of their characters (at least 0.5, best first); a speaker is right when its mention overlaps
the gold one (or both are null); the resolved name is right when it contains the gold name
as whole words, ignoring case.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .entity_table import name_key
from .write import read_jsonl

Record = dict[str, Any]


def prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}


def entity_key(entity: Record) -> tuple[str, str, str]:
    return entity.get("doc_id", ""), entity["label"], name_key(entity["name"])


def mention_spans(entity: Record) -> frozenset[tuple[str, int, int]]:
    doc_id = entity.get("doc_id", "")
    return frozenset((doc_id, m["start"], m["end"]) for m in entity["mentions"])


def score_entity_tables(gold: list[Record], predicted: list[Record]) -> dict[str, Any]:
    """Compare predicted entity tables with gold ones (records of several articles carry
    their `doc_id`, so names and offsets are compared within an article).

    - entities: P/R/F1 of (label, canonical name) pairs;
    - mentions: P/R/F1 of mention spans (offsets), whatever their entity;
    - clusters: B-cubed F1 of the grouping, over the mentions both sides found;
    - exact: share of gold entities predicted with the same name, label and mention set;
    - titles: P/R/F1 of titles on the entities matched by name and label.
    """
    gold_by_key = {entity_key(e): e for e in gold}
    pred_by_key = {entity_key(e): e for e in predicted}
    matched = gold_by_key.keys() & pred_by_key.keys()
    gold_mentions = {span for e in gold for span in mention_spans(e)}
    pred_mentions = {span for e in predicted for span in mention_spans(e)}
    exact = sum(mention_spans(gold_by_key[k]) == mention_spans(pred_by_key[k]) for k in matched)
    titles = [(set(gold_by_key[k]["titles"]), set(pred_by_key[k]["titles"])) for k in matched]
    return {
        "entities": prf(len(matched), len(predicted), len(gold)),
        "mentions": prf(len(gold_mentions & pred_mentions), len(pred_mentions), len(gold_mentions)),
        "clusters_b3_f1": b_cubed_f1(gold, predicted),
        "exact": round(exact / len(gold), 4) if gold else 0.0,
        "titles": prf(
            sum(len(g & p) for g, p in titles),
            sum(len(p) for _, p in titles),
            sum(len(g) for g, _ in titles),
        ),
    }


def b_cubed_f1(gold: list[Record], predicted: list[Record]) -> float:
    gold_of = {span: mention_spans(e) for e in gold for span in mention_spans(e)}
    pred_of = {span: mention_spans(e) for e in predicted for span in mention_spans(e)}
    common = gold_of.keys() & pred_of.keys()
    if not common:
        return 0.0
    precision = recall = 0.0
    for span in common:
        overlap = len(gold_of[span] & pred_of[span] & common)
        precision += overlap / len(pred_of[span] & common)
        recall += overlap / len(gold_of[span] & common)
    precision, recall = precision / len(common), recall / len(common)
    return round(2 * precision * recall / (precision + recall), 4)


def score_entity_run(gold_dir: Path, out_dir: Path, only: set[str] | None = None) -> dict[str, Any]:
    """Score the gold tables in `gold_dir` (those named in `only`, if given) against
    `out_dir/entities.jsonl`, per article and micro-averaged."""
    predicted: dict[str, list[Record]] = {}
    for record in read_jsonl(out_dir / "entities.jsonl"):
        predicted.setdefault(record["doc_id"], []).append(record)
    gold_tables = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["entities"]
        for path in sorted(gold_dir.glob("*.json"))
        if only is None or path.stem in only
    }
    per_doc = {
        doc_id: score_entity_tables(
            [dict(e, doc_id=doc_id) for e in gold], predicted.get(doc_id, [])
        )
        for doc_id, gold in gold_tables.items()
    }
    all_gold = [dict(e, doc_id=doc_id) for doc_id, table in gold_tables.items() for e in table]
    all_pred = [e for doc_id in gold_tables for e in predicted.get(doc_id, [])]
    return {"documents": per_doc, "all": score_entity_tables(all_gold, all_pred)}


def content_chars(spans: list[Record]) -> set[int]:
    return {i for span in spans for i in range(span["start"], span["end"])}


def predicted_parts(quote: Record) -> list[Record]:
    return quote["content"]["parts"] or [quote["content"]]


def dice(a: set[int], b: set[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def match_contents(gold: list[Record], predicted: list[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs by content Dice >= 0.5, best first."""
    gold_chars = [content_chars(g["content"]) for g in gold]
    pred_chars = [content_chars(predicted_parts(p)) for p in predicted]
    pairs = sorted(
        (
            (dice(g, p), gi, pi)
            for gi, g in enumerate(gold_chars)
            for pi, p in enumerate(pred_chars)
        ),
        reverse=True,
    )
    matched: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for score, gi, pi in pairs:
        if score < 0.5:
            break
        if gi not in used_gold and pi not in used_pred:
            matched.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return matched


def speaker_right(gold: Record, predicted: Record) -> bool:
    g, p = gold["speaker"], predicted["speaker"]
    if g is None or p is None:
        return g is None and p is None
    return g["start"] < p["end"] and p["start"] < g["end"]


def norm(text: str) -> str:
    """Case, apostrophe kind and spacing ignored, as the shared resolved-speaker scorer does."""
    return " ".join(text.replace("’", "'").casefold().split())


def name_right(gold: Record, predicted: Record) -> bool:
    wanted, speaker = gold.get("speaker_name"), predicted["speaker"]
    if wanted is None or speaker is None:
        return wanted is None and speaker is None
    pattern = rf"(?<!\w){re.escape(norm(wanted))}(?!\w)"
    return re.search(pattern, norm(speaker["name"] or speaker["text"])) is not None


#: The optional spans of a speech event that are scored like a speaker mention.
EVENT_FIELDS = ("addressee", "medium")


def quote_counts(gold: list[Record], predicted: list[Record]) -> dict[str, int]:
    """Matched contents, and of those the right speakers and the right resolved names; for
    each speech-event field, the gold and predicted spans and the ones that overlap on a
    matched attribution."""
    matched = match_contents(gold, predicted)
    counts = {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": len(matched),
        "attributed": sum(speaker_right(gold[g], predicted[p]) for g, p in matched),
        "named": sum(name_right(gold[g], predicted[p]) for g, p in matched),
    }
    for field in EVENT_FIELDS:
        counts[f"{field}_gold"] = sum(g.get(field) is not None for g in gold)
        counts[f"{field}_predicted"] = sum(p.get(field) is not None for p in predicted)
        counts[f"{field}_right"] = sum(
            spans_overlap(gold[g].get(field), predicted[p].get(field)) for g, p in matched
        )
    return (
        counts
        | core_counts(gold, predicted)
        | speech_date_counts(gold, predicted, matched)
        | nesting_counts(gold, predicted, matched)
    )


def core_counts(gold: list[Record], predicted: list[Record]) -> dict[str, int]:
    """Resolved names of the core attributions: those not nested in another, on either side,
    matched among themselves (a nested record stays out of it whether it is found or not)."""
    core_gold = [g for g in gold if g.get("nested_in") is None]
    core_predicted = [p for p in predicted if p.get("parent_id") is None]
    matched = match_contents(core_gold, core_predicted)
    return {
        "core_gold": len(core_gold),
        "core_predicted": len(core_predicted),
        "core_named": sum(name_right(core_gold[g], core_predicted[p]) for g, p in matched),
    }


def nesting_counts(
    gold: list[Record], predicted: list[Record], matched: list[tuple[int, int]]
) -> dict[str, int]:
    """Negated attributions, and nested ones: a nested attribution is right when its parent
    is the prediction matched to its gold parent (`nested_in` is the parent's index)."""
    partner = dict(matched)
    right_parents = 0
    for g, p in matched:
        parent = gold[g].get("nested_in")
        if parent is not None and parent in partner:
            wanted = predicted[partner[parent]].get("quote_id")
            right_parents += wanted is not None and predicted[p].get("parent_id") == wanted
    return {
        "negated_gold": sum(bool(g.get("negated")) for g in gold),
        "negated_predicted": sum(bool(p.get("negated")) for p in predicted),
        "negated_right": sum(
            bool(gold[g].get("negated")) and bool(predicted[p].get("negated")) for g, p in matched
        ),
        "nested_gold": sum(g.get("nested_in") is not None for g in gold),
        "nested_predicted": sum(p.get("parent_id") is not None for p in predicted),
        "nested_right": right_parents,
    }


def speech_date_counts(
    gold: list[Record], predicted: list[Record], matched: list[tuple[int, int]]
) -> dict[str, int]:
    """Gold and predicted speech dates, and the matched attributions whose dates agree on the
    calendar (a time of day, "2024-12-16TNI", is not compared). An article whose gold has no
    speech dates annotated counts nothing."""
    if not gold or any("speech_date" not in g for g in gold):
        return {"speech_date_gold": 0, "speech_date_predicted": 0, "speech_date_right": 0}
    right = 0
    for g, p in matched:
        wanted, found = gold[g]["speech_date"], predicted[p].get("speech_date")
        right += wanted is not None and found is not None and same_day(wanted, found)
    return {
        "speech_date_gold": sum(g["speech_date"] is not None for g in gold),
        "speech_date_predicted": sum(p.get("speech_date") is not None for p in predicted),
        "speech_date_right": right,
    }


def same_day(gold: str, predicted: str) -> bool:
    return gold.split("T")[0] == predicted.split("T")[0]


def spans_overlap(gold: Record | None, predicted: Record | None) -> bool:
    if gold is None or predicted is None:
        return False
    return gold["start"] < predicted["end"] and predicted["start"] < gold["end"]


def quote_scores(counts: dict[str, int]) -> dict[str, Any]:
    gold, predicted = counts["gold"], counts["predicted"]
    scores = {
        "content": prf(counts["matched"], predicted, gold),
        "attribution": prf(counts["attributed"], predicted, gold),
        "name_accuracy": round(counts["named"] / gold, 4) if gold else 0.0,
        "named": prf(counts["named"], predicted, gold),
        "core_named": prf(counts["core_named"], counts["core_predicted"], counts["core_gold"]),
        "counts": counts,
    }
    for field in (*EVENT_FIELDS, "speech_date", "negated", "nested"):
        scores[field] = prf(
            counts[f"{field}_right"], counts[f"{field}_predicted"], counts[f"{field}_gold"]
        )
    return scores


def score_quote_tables(gold: list[Record], predicted: list[Record]) -> dict[str, Any]:
    """Content, attribution (content and speaker) and resolved-name scores of one article."""
    return quote_scores(quote_counts(gold, predicted))


def score_quote_run(gold_dir: Path, out_dir: Path, only: set[str] | None = None) -> dict[str, Any]:
    return score_run(
        gold_dir, out_dir / "quotes.jsonl", "attributions", only, quote_counts, quote_scores
    )


def score_run(
    gold_dir: Path,
    predictions: Path,
    gold_key: str,
    only: set[str] | None,
    count: Callable[[list[Record], list[Record]], dict[str, int]],
    score: Callable[[dict[str, int]], dict[str, Any]],
) -> dict[str, Any]:
    """Scores per article and over all the gold files in `gold_dir` (those in `only`): each
    article's counts, summed, and the scores made from them."""
    predicted: dict[str, list[Record]] = {}
    for record in read_jsonl(predictions):
        predicted.setdefault(record["doc_id"], []).append(record)
    per_doc: dict[str, dict[str, int]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        if only is None or path.stem in only:
            gold = json.loads(path.read_text(encoding="utf-8"))[gold_key]
            per_doc[path.stem] = count(gold, predicted.get(path.stem, []))
    totals = Counter(count([], []))  # every key, at zero
    for counts in per_doc.values():
        totals.update(counts)
    return {
        "documents": {doc_id: score(counts) for doc_id, counts in per_doc.items()},
        "all": score(dict(totals)),
    }


def match_spans(gold: list[Record], predicted: list[Record]) -> list[tuple[int, int]]:
    """Gold and predicted spans paired one-to-one by character overlap, largest first."""
    pairs = sorted(
        (-(min(g["end"], p["end"]) - max(g["start"], p["start"])), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if min(g["end"], p["end"]) > max(g["start"], p["start"])
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            matched.append((i, j))
    return matched


def date_counts(gold: list[Record], predicted: list[Record]) -> dict[str, int]:
    matched = match_spans(gold, predicted)
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "relaxed": len(matched),
        "strict": sum(
            (gold[i]["start"], gold[i]["end"]) == (predicted[j]["start"], predicted[j]["end"])
            for i, j in matched
        ),
        "value": sum(gold[i]["value"] == predicted[j]["value"] for i, j in matched),
    }


def date_scores(counts: dict[str, int]) -> dict[str, Any]:
    relaxed = prf(counts["relaxed"], counts["predicted"], counts["gold"])
    accuracy = counts["value"] / counts["relaxed"] if counts["relaxed"] else 0.0
    return {
        "relaxed": relaxed,
        "strict": prf(counts["strict"], counts["predicted"], counts["gold"]),
        "value_accuracy": round(accuracy, 4),
        "value_f1": round(relaxed["f1"] * accuracy, 4),
        "counts": counts,
    }


def score_date_run(gold_dir: Path, out_dir: Path, only: set[str] | None = None) -> dict[str, Any]:
    return score_run(gold_dir, out_dir / "dates.jsonl", "dates", only, date_counts, date_scores)


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def quantity_matches(gold: Record, predicted: Record) -> dict[str, bool]:
    """Which parts of a predicted quantity agree with the gold one it overlaps."""
    value = all(same_number(gold[k], predicted[k]) for k in ("value", "low", "high"))
    flags = all(gold[k] == predicted[k] for k in ("approximate", "vague"))
    quantified = norm(gold["quantified"] or "") == norm(predicted["quantified"] or "")
    return {
        "value": value,
        "unit": value and norm(gold["unit"] or "") == norm(predicted["unit"] or ""),
        "flags": value and flags,
        "quantified": value and quantified,
    }


QUANTITY_PARTS = ("value", "unit", "flags", "quantified")


def score_quantity_tables(gold: list[Record], predicted: list[Record]) -> dict[str, int]:
    """Counts of one article: gold, predicted, matched spans and the parts that agree."""
    counts = {"gold": len(gold), "predicted": len(predicted), "matched": 0}
    counts |= dict.fromkeys(QUANTITY_PARTS, 0)
    for gi, pi in match_spans(gold, predicted):
        counts["matched"] += 1
        for part, right in quantity_matches(gold[gi], predicted[pi]).items():
            counts[part] += right
    return counts


def quantity_scores(counts: dict[str, int]) -> dict[str, Any]:
    """P/R/F1 of the matched spans, of the value (value, low and high all equal), and of
    value+unit, value+flags (approximate, vague) and value+quantified."""
    gold, predicted = counts["gold"], counts["predicted"]
    scores: dict[str, Any] = {
        part: prf(counts[part], predicted, gold) for part in ("matched", *QUANTITY_PARTS)
    }
    return scores | {"counts": counts}


def score_quantity_run(
    gold_dir: Path, out_dir: Path, only: set[str] | None = None
) -> dict[str, Any]:
    return score_run(
        gold_dir,
        out_dir / "quantities.jsonl",
        "quantities",
        only,
        score_quantity_tables,
        quantity_scores,
    )
