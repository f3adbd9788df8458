"""`make bench`: how fast and how lean the pipeline is, against the spaCy parse it cannot avoid.

A benchmark, not a test. The articles are the shared development sets (`EVAL/data/*.jsonl`,
read in place; lines that are not articles are skipped) when that folder is there, else the
seeds in `data/raw`. In one run it measures:

- bare parse: `nlp.pipe` of the same model, as `spacy.load` gives it, over the same texts,
  in this process, warm: the target's measure;
- bare parse end to end: the same in a fresh process that imports spaCy, loads the model and
  reads the articles' JSONL, as a user of spaCy alone would: start-up on both sides;
- full: `python -m pipeline extract` over them in a fresh process, end to end (start-up,
  model loading, reading, manifest and writing included), with `--jobs 1` and `--jobs 2`;
  each bare parse and each full run is timed twice and the faster time counts;
- no-op: the `--jobs 1` run again on its own output, when nothing is new;
- start-up: a full run over one article, the fixed cost of a run (interpreter, imports,
  model and classifier loading), and full ÷ bare without it: the ratio of a long run;
- the time of each step in this process: the parse as the pipeline runs it (its model is
  faster than spaCy's own, see `fast_components`), then each stage on those docs; and what
  the rest of the full run costs;
- peak RSS of `extract` over N articles and over 10×N (the same texts under new ids);
- one long article (the texts joined, up to `LONG_ARTICLE_CHARS`): its parse and each stage,
  as the stages' time ÷ the parse's beside the same for the articles one by one. A stage that
  compares every record with every other shows here first.

It prints a table with the targets beside the measures and writes `bench.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .model_meta import find_model
from .read import Article, iter_articles
from .records import OUTPUT_FILES
from .results import RECORD_KINDS, contract
from .runner import STAGES
from .write import dumps

if TYPE_CHECKING:  # spaCy is imported only after the processes are measured (`run_bench`)
    from spacy.language import Language
    from spacy.tokens import Doc

    from .shard import Annotators

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"
#: Articles of the memory runs: N, then the same texts ten times under new ids.
MEMORY_ARTICLES = 50
#: Timed runs of the bare parse and of each full run; the fastest counts, as the one least
#: slowed by other work on the machine.
REPEATS = 2
#: The length of the long article: half the longest that `extract` reads by default.
LONG_ARTICLE_CHARS = Config.max_chars // 2
#: The bare parse end to end: what a program that uses spaCy alone does with the same JSONL.
BARE_PROGRAM = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as lines, nlp.memory_zone():
    texts = (json.loads(line)["text"] for line in lines)
    for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
        pass
"""


@dataclass(frozen=True)
class Measure:
    """One `extract` process: wall and CPU seconds, peak RSS, and its exit status."""

    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    exit_code: int


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: float
    met: bool


def bench_articles(eval_dir: Path, limit: int | None) -> tuple[list[str], list[Article]]:
    """The inputs used, and their articles (the first `limit` of them)."""
    inputs = sorted(str(path) for path in (eval_dir / "data").glob("*.jsonl"))
    inputs = inputs or [str(SEEDS)]
    articles = [a for a in iter_articles(inputs, max_chars=1_000_000) if isinstance(a, Article)]
    return inputs, articles[:limit]


def write_articles(path: Path, articles: list[Article], copies: int = 1) -> Path:
    """The articles as JSONL; each copy after the first under new ids."""
    with path.open("w", encoding="utf-8") as stream:
        for copy in range(copies):
            for a in articles:
                doc_id = a.doc_id if copy == 0 else f"{a.doc_id}.copy{copy}"
                line = {"id": doc_id, "text": a.text, "published": a.published}
                stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def extract(inputs: Path, out: Path, *options: str) -> Measure:
    """Run `python -m pipeline extract` in a fresh process and measure it."""
    command = [sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", str(out)]
    return measured([*command, "--no-progress", *options])


def bare_parse(inputs: Path, batch_size: int) -> Measure:
    """Run `BARE_PROGRAM` on the articles in a fresh process and measure it."""
    model = find_model(None).name
    return measured([sys.executable, "-c", BARE_PROGRAM, model, str(inputs), str(batch_size)])


def measured(command: list[str]) -> Measure:
    """Run `command` in a fresh process and measure it; exit status 0 and 1 are results."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        # wait4 gives this child's own resource use (with the pool workers it waited for).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            stderr.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n{stderr.read().decode()}")
    return Measure(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_rss_mib=usage.ru_maxrss / 1024,
        exit_code=process.returncode,
    )


def time_in_process(articles: list[Article], batch_size: int) -> dict[str, Any]:
    """The bare parse, then the pipeline's parse, each stage, validation and JSON."""
    import spacy

    from .shard import annotators_for, run_stage

    bare, tokens = time_bare_parse(spacy.load(find_model(None).name), articles, batch_size)
    annotators = annotators_for(find_model(None).name)
    nlp = annotators.nlp
    list(nlp.pipe(a.text for a in articles[:batch_size]))  # warm up
    docs: list[Doc] = []
    steps = {
        "parse": timed(
            lambda: docs.extend(nlp.pipe((a.text for a in articles), batch_size=batch_size))
        )
    }
    records = [{kind: [] for kind in RECORD_KINDS} for _ in articles]
    for stage in STAGES[1:]:
        steps[stage] = timed(
            lambda stage=stage: [
                run_stage(stage, found, doc, article, annotators)
                for found, doc, article in zip(records, docs, articles, strict=True)
            ]
        )
    checked: list[list[dict[str, Any]]] = []
    steps["validate"] = timed(
        lambda: checked.extend(
            [contract(k, r) for r in found[k]] for found in records for k in found
        )
    )
    steps["json"] = timed(lambda: [dumps(r) for group in checked for r in group])
    long_article = time_long_article(annotators, articles)
    return {"bare": bare, "tokens": tokens, "steps": steps, "long_article": long_article}


def time_long_article(annotators: Annotators, articles: list[Article]) -> dict[str, Any]:
    """The parse and each stage of one article of the texts joined, up to
    `LONG_ARTICLE_CHARS`."""
    from .shard import run_stage

    texts: list[str] = []
    while articles[len(texts) :] and sum(map(len, texts)) < LONG_ARTICLE_CHARS:
        texts.append(articles[len(texts)].text)
    article = Article("long", "\n\n".join(texts), "bench")
    docs: list[Doc] = []
    steps = {"parse": timed(lambda: docs.append(annotators.nlp(article.text)))}
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_KINDS}
    for stage in STAGES[1:]:
        steps[stage] = timed(
            lambda stage=stage: run_stage(stage, records, docs[0], article, annotators)
        )
    return {"characters": len(article.text), "articles": len(texts), "steps": steps}


def time_bare_parse(
    nlp: Language, articles: list[Article], batch_size: int
) -> tuple[dict[str, float], int]:
    """The fastest of `REPEATS` warm `nlp.pipe` runs over the articles, and their tokens."""
    list(nlp.pipe(a.text for a in articles[:batch_size]))  # warm up
    bare: dict[str, float] = {}
    for _ in range(REPEATS):
        cpu, started = time.process_time(), time.perf_counter()
        with nlp.memory_zone():
            tokens = sum(
                len(doc) for doc in nlp.pipe((a.text for a in articles), batch_size=batch_size)
            )
        seconds = time.perf_counter() - started
        if not bare or seconds < bare["seconds"]:
            bare = {"seconds": seconds, "cpu_seconds": time.process_time() - cpu}
    return bare, tokens


def timed(step: Callable[[], object]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def same_outputs(one: Path, other: Path) -> bool:
    return all((one / n).read_bytes() == (other / n).read_bytes() for n in OUTPUT_FILES)


def run_bench(articles: list[Article], work: Path, batch_size: int) -> dict[str, Any]:
    corpus = write_articles(work / "articles.jsonl", articles)
    # The processes first: a child's peak RSS counts this process's RSS when it was started,
    # so this one loads the model only afterwards.
    full, full_out = fastest(corpus, work / "jobs1")
    bare = min((bare_parse(corpus, batch_size) for _ in range(REPEATS)), key=seconds_of)
    noop = extract(corpus, full_out)
    jobs2, jobs2_out = fastest(corpus, work / "jobs2", "--jobs", "2")
    startup = extract(write_articles(work / "one.jsonl", articles[:1]), work / "one")
    sample = articles[:MEMORY_ARTICLES]
    memory_n = extract(write_articles(work / "n.jsonl", sample), work / "n")
    memory_10n = extract(write_articles(work / "10n.jsonl", sample, copies=10), work / "10n")
    return {
        "in_process": time_in_process(articles, batch_size),
        "full": full,
        "bare_end_to_end": bare,
        "startup": startup,
        "noop": noop,
        "jobs2": jobs2,
        "jobs2_identical": same_outputs(full_out, jobs2_out),
        "memory": {"n": len(sample), "at_n": memory_n, "at_10n": memory_10n},
    }


def fastest(corpus: Path, out: Path, *options: str) -> tuple[Measure, Path]:
    """The faster of `REPEATS` full runs, each into a new folder (no cache to reuse)."""
    runs = [(extract(corpus, out / str(n), *options), out / str(n)) for n in range(REPEATS)]
    return min(runs, key=lambda run: run[0].seconds)


def seconds_of(measure: Measure) -> float:
    return measure.seconds


def report(inputs: list[str], articles: list[Article], run: dict[str, Any]) -> dict[str, Any]:
    """The numbers of `bench.json`."""
    n, tokens = len(articles), run["in_process"]["tokens"]
    bare, full, jobs2, noop = (run["in_process"]["bare"], run["full"], run["jobs2"], run["noop"])
    bare_end_to_end = run["bare_end_to_end"]
    steps = run["in_process"]["steps"]
    memory = run["memory"]
    measured = {
        "full_over_bare": bare["seconds"] / full.seconds,
        "speedup_2_processes": full.seconds / jobs2.seconds,
        "noop_over_full": noop.seconds / full.seconds,
        "rss_10n_over_n": memory["at_10n"].peak_rss_mib / memory["at_n"].peak_rss_mib,
    }
    return {
        "inputs": inputs,
        "articles": n,
        "tokens": tokens,
        "characters": sum(len(a.text) for a in articles),
        "batch_size": Config.batch_size,
        "cpus": os.cpu_count(),
        "bare_parse": rates(bare["seconds"], n, tokens) | {"cpu_seconds": bare["cpu_seconds"]},
        "full": rates(full.seconds, n, tokens) | measure_fields(full),
        "full_over_bare": measured["full_over_bare"],
        "full_over_bare_cpu": bare["cpu_seconds"] / full.cpu_seconds,
        "startup_seconds": run["startup"].seconds,
        "full_over_bare_without_startup": bare["seconds"] / (full.seconds - run["startup"].seconds),
        "bare_parse_end_to_end": rates(bare_end_to_end.seconds, n, tokens)
        | measure_fields(bare_end_to_end),
        "full_over_bare_end_to_end": bare_end_to_end.seconds / full.seconds,
        "jobs2": rates(jobs2.seconds, n, tokens) | measure_fields(jobs2),
        "speedup_2_processes": measured["speedup_2_processes"],
        "jobs2_output_identical": run["jobs2_identical"],
        "noop": measure_fields(noop),
        "noop_over_full": measured["noop_over_full"],
        "stages": stage_shares(steps, n),
        "rest_of_full_seconds": full.seconds - sum(steps.values()),
        "stages_over_parse": stages_over_parse(steps),
        "long_article": long_article_fields(run["in_process"]["long_article"]),
        "memory": {
            "n": memory["n"],
            "peak_rss_mib_n": memory["at_n"].peak_rss_mib,
            "peak_rss_mib_10n": memory["at_10n"].peak_rss_mib,
            "ratio": measured["rss_10n_over_n"],
        },
        "targets": [vars(t) for t in targets(measured)],
    }


def rates(seconds: float, articles: int, tokens: int) -> dict[str, float]:
    return {
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "tokens_per_s": tokens / seconds,
    }


def measure_fields(measure: Measure) -> dict[str, float]:
    return {
        "seconds": measure.seconds,
        "cpu_seconds": measure.cpu_seconds,
        "peak_rss_mib": measure.peak_rss_mib,
    }


def stage_shares(steps: dict[str, float], articles: int) -> dict[str, dict[str, float]]:
    total = sum(steps.values())
    return {
        name: {"seconds": s, "ms_per_article": 1000 * s / articles, "share": s / total}
        for name, s in steps.items()
    }


def stages_over_parse(steps: dict[str, float]) -> float:
    return sum(steps[stage] for stage in STAGES[1:]) / steps["parse"]


def long_article_fields(long_article: dict[str, Any]) -> dict[str, Any]:
    steps = long_article["steps"]
    return {
        "characters": long_article["characters"],
        "articles": long_article["articles"],
        "seconds": steps,
        "stages_over_parse": stages_over_parse(steps),
    }


def targets(measured: dict[str, float]) -> list[Target]:
    return [
        Target("full ÷ bare-parse throughput", "≥ 0.80", m := measured["full_over_bare"], m >= 0.8),
        Target("2 processes ÷ 1", "≥ 1.7", m := measured["speedup_2_processes"], m >= 1.7),
        Target("no-op re-run ÷ full run", "≤ 0.02", m := measured["noop_over_full"], m <= 0.02),
        Target("peak RSS 10×N ÷ N", "≤ 1.2", m := measured["rss_10n_over_n"], m <= 1.2),
    ]


def print_table(result: dict[str, Any]) -> None:
    print(
        f"{result['articles']} articles, {result['tokens']:,} tokens, "
        f"{result['characters']:,} characters, from {', '.join(result['inputs'])}"
    )
    full, bare, jobs2 = result["full"], result["bare_parse"], result["jobs2"]
    print(f"\n{'run':<28}{'seconds':>9}{'articles/s':>12}{'tokens/s':>10}{'peak MiB':>10}")
    print(f"{'bare nlp.pipe':<28}{bare['seconds']:>9.1f}{bare['articles_per_s']:>12.2f}"
          f"{bare['tokens_per_s']:>10.0f}{'':>10}")  # fmt: skip
    end_to_end = result["bare_parse_end_to_end"]
    print(f"{'bare, fresh process':<28}{end_to_end['seconds']:>9.1f}"
          f"{end_to_end['articles_per_s']:>12.2f}{end_to_end['tokens_per_s']:>10.0f}"
          f"{end_to_end['peak_rss_mib']:>10.0f}")  # fmt: skip
    for name, row in (("full, --jobs 1", full), ("full, --jobs 2", jobs2)):
        print(f"{name:<28}{row['seconds']:>9.1f}{row['articles_per_s']:>12.2f}"
              f"{row['tokens_per_s']:>10.0f}{row['peak_rss_mib']:>10.0f}")  # fmt: skip
    print(f"{'no-op re-run':<28}{result['noop']['seconds']:>9.2f}")
    print(f"\n{'step (in process)':<28}{'ms/article':>12}{'share':>8}")
    for name, row in result["stages"].items():
        print(f"{name:<28}{row['ms_per_article']:>12.1f}{row['share']:>8.1%}")
    print(f"{'rest of the full run (s)':<28}{result['rest_of_full_seconds']:>12.1f}")
    long_article = result["long_article"]
    print(
        f"\none article of {long_article['characters']:,} characters "
        f"({long_article['articles']} joined), seconds: "
        + ", ".join(f"{name} {s:.2f}" for name, s in long_article["seconds"].items())
    )
    print(
        f"stages ÷ parse: {long_article['stages_over_parse']:.2f} on it, "
        f"{result['stages_over_parse']:.2f} on the articles one by one"
    )
    memory = result["memory"]
    print(
        f"\npeak RSS: {memory['peak_rss_mib_n']:.0f} MiB at N={memory['n']}, "
        f"{memory['peak_rss_mib_10n']:.0f} MiB at 10×N"
    )
    print(f"--jobs 2 output identical to --jobs 1: {result['jobs2_output_identical']}")
    print(f"full ÷ bare in CPU time: {result['full_over_bare_cpu']:.2f}")
    print(
        f"full ÷ bare without the fixed start-up (a one-article run: "
        f"{result['startup_seconds']:.1f} s): {result['full_over_bare_without_startup']:.2f}"
    )
    print(
        "full ÷ bare end to end (each a fresh process, start-up included): "
        f"{result['full_over_bare_end_to_end']:.2f}"
    )
    print(f"\n{'target':<32}{'goal':>8}{'measured':>10}  met")
    for t in result["targets"]:
        print(f"{t['name']:<32}{t['goal']:>8}{t['measured']:>10.3f}  {'yes' if t['met'] else 'NO'}")
    load = result["load_average"]
    print(
        f"\nbench time: {result['bench_seconds']:.0f} s; load average (1, 5, 15 min) "
        f"{load['before']} before, {load['after']} after, on {result['cpus']} CPUs"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--out", type=Path, default=REPO / "bench.json")
    args = parser.parse_args(argv)
    started, load_before = time.perf_counter(), os.getloadavg()
    inputs, articles = bench_articles(args.eval_dir, args.limit)
    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as work:
        run = run_bench(articles, Path(work), Config.batch_size)
    result = report(inputs, articles, run)
    result["bench_seconds"] = time.perf_counter() - started
    # Other work on the machine slows every figure, the 2-process speed-up most.
    result["load_average"] = {
        "before": [round(load, 2) for load in load_before],
        "after": [round(load, 2) for load in os.getloadavg()],
    }
    print_table(result)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
