"""`make eval`: score the pipeline against the project's gold and the shared dev sets.

- Entity tables of the seed articles and of the short articles in `tests/corpus/` against
  `tests/gold/entities/*.json` (scored here).
- `quotes.jsonl`, `dates.jsonl` and `quantities.jsonl` against the dev sets in the shared
  evaluation folder, with the scorers that ship there (their SUMMARY lines are printed).

The dev sets are read from the evaluation folder and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .entities import name_key
from .write import read_jsonl

REPO = Path(__file__).resolve().parent.parent
GOLD_ENTITIES = REPO / "tests" / "gold" / "entities"
SEEDS = REPO / "data" / "raw"
CORPUS = REPO / "tests" / "corpus"  # short articles written for the tests, with gold
#: dev set → (scorer, extra scorer arguments)
DEV_SETS: dict[str, list[tuple[str, list[str]]]] = {
    "attribution-dev.jsonl": [("score_attribution.py", [])],
    "timex-dev.jsonl": [("score_timex.py", [])],
    "quantities-dev.jsonl": [
        ("score_quantities.py", ["--exact-ranges"]),
        ("score_quantities.py", []),
    ],
}

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


def run(command: Iterable[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True, check=False)


def extract(inputs: list[str], out_dir: Path) -> None:
    result = run(
        [
            sys.executable,
            "-m",
            "pipeline",
            "extract",
            *inputs,
            "--out",
            str(out_dir),
            "--no-progress",
        ]
    )
    if result.returncode not in (0, 1):
        sys.exit(f"extract failed on {inputs}:\n{result.stderr}")
    print(result.stderr.strip().splitlines()[-1])


def evaluate_gold_entities(runs: Path) -> None:
    """Seeds and the test corpus are reported apart: the corpus has more kinds of names."""
    out = runs / "entities"
    extract([str(SEEDS), str(CORPUS)], out)
    groups = {"seeds": sorted(SEEDS.glob("*.txt")), "corpus": sorted(CORPUS.glob("*.txt"))}
    for group, articles in groups.items():
        stems = {path.stem for path in articles}
        scores = score_entity_run(GOLD_ENTITIES, out, only=stems)
        for doc_id, doc_scores in scores["documents"].items():
            print(f"entities {doc_id}: " + format_entity_scores(doc_scores))
        overall = scores["all"]
        print(
            f"SUMMARY entities ({group}, {len(stems)} articles): "
            f"entity F1 {overall['entities']['f1']:.3f}, "
            f"mention F1 {overall['mentions']['f1']:.3f}, "
            f"B3 F1 {overall['clusters_b3_f1']:.3f}, exact {overall['exact']:.3f}, "
            f"titles F1 {overall['titles']['f1']:.3f}"
        )


def format_entity_scores(scores: dict[str, Any]) -> str:
    return (
        f"entity P/R/F1 {fmt(scores['entities'])} | mention P/R/F1 {fmt(scores['mentions'])}"
        f" | B3 F1 {scores['clusters_b3_f1']:.3f} | exact {scores['exact']:.3f}"
        f" | titles P/R/F1 {fmt(scores['titles'])}"
    )


def fmt(scores: dict[str, float]) -> str:
    return f"{scores['p']:.3f}/{scores['r']:.3f}/{scores['f1']:.3f}"


def evaluate_dev_sets(eval_dir: Path, runs: Path) -> None:
    for dev_set, scorers in DEV_SETS.items():
        data = eval_dir / "data" / dev_set
        if not data.exists():
            print(f"skipped {dev_set}: not found in {eval_dir / 'data'}")
            continue
        out = runs / dev_set.removesuffix(".jsonl")
        extract([str(data)], out)
        for scorer, extra in scorers:
            result = run([sys.executable, str(eval_dir / scorer), str(data), str(out), *extra])
            summary = [line for line in result.stdout.splitlines() if line.startswith("SUMMARY")]
            label = " ".join([scorer, *extra])
            print(f"{label}: {summary[-1] if summary else result.stderr.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--eval-dir",
        type=Path,
        default=REPO.parent / "shared" / "eval",
        help="the shared evaluation folder (data/ and score_*.py)",
    )
    parser.add_argument(
        "--runs",
        type=Path,
        default=REPO / "runs",
        help="where the pipeline output of each evaluation run goes",
    )
    args = parser.parse_args(argv)
    evaluate_gold_entities(args.runs)
    evaluate_dev_sets(args.eval_dir, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
