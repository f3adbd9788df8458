"""`make bench`: time the spaCy parse and each stage per article, and the peak memory.

Runs without the parse cache, so the parse is measured. The articles are the seeds plus any
JSONL inputs named on the command line (the shared dev sets, by default through `make bench`).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from .model_meta import find_model
from .read import Article, iter_articles
from .shard import annotators_for

REPO = Path(__file__).resolve().parent.parent


def bench(inputs: list[str], batch_size: int) -> list[tuple[str, float, int]]:
    """Rows of (step, seconds, articles)."""
    started = time.perf_counter()
    annotators = annotators_for(find_model(None).name)
    rows = [("load model and stages", time.perf_counter() - started, 0)]
    articles = [a for a in iter_articles(inputs, max_chars=1_000_000) if isinstance(a, Article)]
    started = time.perf_counter()
    docs = list(annotators.nlp.pipe((a.text for a in articles), batch_size=batch_size))
    rows.append(("parse (spaCy)", time.perf_counter() - started, len(articles)))
    entities = []
    started = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        entities.append(annotators.entities(doc, article))
    rows.append(("entities", time.perf_counter() - started, len(articles)))
    steps = {
        "quantities": lambda doc, article, _: annotators.quantities(doc, article),
        "dates": lambda doc, article, _: annotators.dates(doc, article),
        "attribution": annotators.attribution,
    }
    for name, step in steps.items():
        started = time.perf_counter()
        for doc, article, found in zip(docs, articles, entities, strict=True):
            step(doc, article, found)
        rows.append((name, time.perf_counter() - started, len(articles)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("inputs", nargs="*", help="more inputs (folders or .jsonl files)")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    inputs = [str(REPO / "data" / "raw"), *(i for i in args.inputs if Path(i).exists())]
    rows = bench(inputs, args.batch_size)
    n_chars = sum(
        len(a.text) for a in iter_articles(inputs, max_chars=1_000_000) if isinstance(a, Article)
    )
    print(f"inputs: {', '.join(inputs)} ({n_chars:,} characters)")
    print(f"{'step':<24}{'seconds':>10}{'ms/article':>12}")
    for step, seconds, count in rows:
        per_article = f"{1000 * seconds / count:.2f}" if count else "-"
        print(f"{step:<24}{seconds:>10.2f}{per_article:>12}")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
