"""`make eval`: score the pipeline against the project's gold and the shared dev sets.

- Entity, who-said-what, date and quantity tables of the seed articles, of the short
  articles in `tests/corpus/` and of those in `tests/blind/` against `tests/gold/` (scored by
  `pipeline.scoring`). The blind articles were annotated without running the pipeline and no
  rule was written from them: their scores estimate how it does on new text.
- `quotes.jsonl`, `dates.jsonl` and `quantities.jsonl` against the dev sets in the shared
  evaluation folder, with the scorers that ship there (their SUMMARY lines are printed).

The dev sets are read from the evaluation folder and never copied into the repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .scoring import score_date_run, score_entity_run, score_quantity_run, score_quote_run

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold"
SEEDS = REPO / "data" / "raw"
CORPUS = REPO / "tests" / "corpus"  # short articles written for the tests, with gold
BLIND = REPO / "tests" / "blind"  # short articles with gold that no rule was written from
#: dev set → the scorer command lines to run on its output ({data}: the dev set, {out}: the
#: pipeline's output folder, {eval}: the evaluation folder).
DEV_SETS: dict[str, list[list[str]]] = {
    "attribution-dev.jsonl": [
        ["score_attribution.py", "{data}", "{out}"],
        [
            "score_resolved.py",
            "{data}",
            "{eval}/data/attribution-dev-resolved.jsonl",
            "{out}",
            "--canonical-only",
        ],
    ],
    "timex-dev.jsonl": [["score_timex.py", "{data}", "{out}"]],
    "quantities-dev.jsonl": [
        ["score_quantities.py", "{data}", "{out}", "--exact-ranges"],
        ["score_quantities.py", "{data}", "{out}"],
    ],
}


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


def evaluate_gold(runs: Path) -> None:
    """Entities, who-said-what and dates of the seeds, the test corpus and the blind
    articles, reported apart: the seeds are the product's own examples, the corpus covers
    more patterns, and the blind articles are new text."""
    out = runs / "gold"
    folders = {"seeds": SEEDS, "corpus": CORPUS, "blind": BLIND}
    extract([str(folder) for folder in folders.values()], out)
    groups = {group: sorted(folder.glob("*.txt")) for group, folder in folders.items()}
    for group, articles in groups.items():
        stems = {path.stem for path in articles}
        print_entity_scores(group, score_entity_run(GOLD / "entities", out, only=stems))
        print_quote_scores(group, score_quote_run(GOLD / "quotes", out, only=stems))
        print_date_scores(group, score_date_run(GOLD / "dates", out, only=stems))
        print_quantity_scores(group, score_quantity_run(GOLD / "quantities", out, only=stems))


def print_entity_scores(group: str, scores: dict[str, Any]) -> None:
    if not scores["documents"]:
        return
    for doc_id, doc_scores in scores["documents"].items():
        print(f"entities {doc_id}: " + format_entity_scores(doc_scores))
    overall = scores["all"]
    print(
        f"SUMMARY entities ({group}, {len(scores['documents'])} articles): "
        f"entity F1 {overall['entities']['f1']:.3f}, "
        f"mention F1 {overall['mentions']['f1']:.3f}, "
        f"B3 F1 {overall['clusters_b3_f1']:.3f}, exact {overall['exact']:.3f}, "
        f"titles F1 {overall['titles']['f1']:.3f}"
    )


def print_quote_scores(group: str, scores: dict[str, Any]) -> None:
    if not scores["documents"]:
        return
    overall = scores["all"]
    print(
        f"SUMMARY quotes ({group}, {len(scores['documents'])} articles): "
        f"attribution F1 {overall['attribution']['f1']:.3f}, "
        f"content F1 {overall['content']['f1']:.3f}, "
        f"resolved-name accuracy {overall['name_accuracy']:.3f} "
        f"({overall['counts']['gold']} gold), "
        f"F1 with the resolved name {overall['named']['f1']:.3f}, "
        f"of core attributions {overall['core_named']['f1']:.3f} "
        f"({overall['counts']['core_gold']} gold); "
        f"addressee F1 {overall['addressee']['f1']:.3f} "
        f"({overall['counts']['addressee_gold']} gold), "
        f"medium F1 {overall['medium']['f1']:.3f} "
        f"({overall['counts']['medium_gold']} gold), "
        f"speech-date F1 {overall['speech_date']['f1']:.3f} "
        f"({overall['counts']['speech_date_gold']} gold), "
        f"negated F1 {overall['negated']['f1']:.3f} ({overall['counts']['negated_gold']} gold), "
        f"nested F1 {overall['nested']['f1']:.3f} ({overall['counts']['nested_gold']} gold)"
    )


def print_date_scores(group: str, scores: dict[str, Any]) -> None:
    if not scores["documents"]:
        return
    overall = scores["all"]
    print(
        f"SUMMARY dates ({group}, {len(scores['documents'])} articles): "
        f"value F1 {overall['value_f1']:.3f}, relaxed F1 {overall['relaxed']['f1']:.3f}, "
        f"strict F1 {overall['strict']['f1']:.3f}, "
        f"value accuracy {overall['value_accuracy']:.3f} "
        f"({overall['counts']['gold']} gold)"
    )


def print_quantity_scores(group: str, scores: dict[str, Any]) -> None:
    if not scores["documents"]:
        return
    overall = scores["all"]
    print(
        f"SUMMARY quantities ({group}, {len(scores['documents'])} articles): "
        f"span F1 {overall['matched']['f1']:.3f}, value F1 {overall['value']['f1']:.3f}, "
        f"value+unit F1 {overall['unit']['f1']:.3f}, "
        f"value+flags F1 {overall['flags']['f1']:.3f}, "
        f"value+quantified F1 {overall['quantified']['f1']:.3f} "
        f"({overall['counts']['gold']} gold)"
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
    for dev_set, commands in DEV_SETS.items():
        data = eval_dir / "data" / dev_set
        if not data.exists():
            print(f"skipped {dev_set}: not found in {eval_dir / 'data'}")
            continue
        out = runs / dev_set.removesuffix(".jsonl")
        extract([str(data)], out)
        for command in commands:
            scorer, *args = (part.format(data=data, out=out, eval=eval_dir) for part in command)
            result = run([sys.executable, str(eval_dir / scorer), *args])
            summary = [line for line in result.stdout.splitlines() if line.startswith("SUMMARY")]
            label = " ".join([scorer, *(a for a in args if a.startswith("--"))])
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
    evaluate_gold(args.runs)
    evaluate_dev_sets(args.eval_dir, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
