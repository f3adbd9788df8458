"""The staged runner: read → parse → annotate → link → write.

`process_shard` is a plain module-level function of plain data, so a process pool or a Dask
worker can run it; it loads the model and the stages once per process.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from spacy.tokens import Doc
from spacy.util import minibatch
from tqdm import tqdm

from . import __version__
from .attribution import AttributionStage
from .config import Config, fingerprint
from .dates import DateStage
from .entities import EntityStage
from .link import link_article
from .manifest import ArticleRecords, Manifest
from .parse import ParseCache, load_model, model_id, parse_texts
from .quantities import QuantityStage
from .read import Article, ReadError, iter_articles
from .records import OUTPUT_FILES
from .speaker_table import write_speakers
from .write import record_sort_key, write_jsonl

#: In run order. Quantities and dates read the model's own DATE, TIME and number entities, so
#: they run before the entities stage corrects `doc.ents` in place: each stage's records are
#: then the same whether it runs alone (`--stage dates`) or with the others.
STAGES = ("parse", "quantities", "dates", "entities", "attribution", "link")
#: What each stage needs run before it.
STAGE_NEEDS: dict[str, tuple[str, ...]] = {
    "parse": (),
    "entities": ("parse",),
    "quantities": ("parse",),
    "dates": ("parse",),
    "attribution": ("parse", "entities"),
    "link": ("entities", "quantities", "dates", "attribution"),
}
#: The output files a stage run on its own writes.
STAGE_FILES: dict[str, tuple[str, ...]] = {
    "parse": (),
    "entities": ("entities.jsonl",),
    "quantities": ("quantities.jsonl",),
    "dates": ("dates.jsonl",),
    "attribution": ("quotes.jsonl",),
    "link": ("quotes.jsonl", "quantities.jsonl"),
}
RECORD_KINDS = ("entities", "quantities", "dates", "quotes")
STATE_DIR = ".whosaid"


@dataclass
class RunSummary:
    articles: int = 0
    processed: int = 0
    reused: int = 0
    failed: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


class Annotators:
    """The stages of one process, built once around one loaded model."""

    def __init__(self, model: str | None) -> None:
        self.nlp = load_model(model)
        self.entities = EntityStage(self.nlp)
        self.quantities = QuantityStage()
        self.dates = DateStage()
        self.attribution = AttributionStage()


@functools.cache
def annotators_for(model: str | None) -> Annotators:
    return Annotators(model)


def stages_to_run(requested: Iterable[str]) -> tuple[str, ...]:
    """The requested stages and everything they need, in pipeline order."""
    needed: set[str] = set()
    todo = list(requested) or list(STAGES)
    while todo:
        stage = todo.pop()
        if stage not in needed:
            needed.add(stage)
            todo.extend(STAGE_NEEDS[stage])
    return tuple(stage for stage in STAGES if stage in needed)


def annotate(
    article: Article, doc: Doc, annotators: Annotators, stages: tuple[str, ...]
) -> ArticleRecords:
    """Run the annotation stages on one parsed article; a failure names its stage."""
    records: ArticleRecords = {kind: [] for kind in RECORD_KINDS}
    for stage in stages:
        try:
            run_stage(stage, records, doc, article, annotators)
        except Exception as exc:  # one article's failure must not stop the run
            raise StageError(stage, exc) from exc
    try:
        return {kind: [contract(kind, r) for r in records[kind]] for kind in RECORD_KINDS}
    except ValidationError as exc:
        raise StageError("validate", exc) from exc


def run_stage(
    stage: str, records: ArticleRecords, doc: Doc, article: Article, annotators: Annotators
) -> None:
    match stage:
        case "entities":
            records["entities"] = annotators.entities(doc, article)
        case "quantities":
            records["quantities"] = annotators.quantities(doc, article)
        case "dates":
            records["dates"] = annotators.dates(doc, article)
        case "attribution":
            records["quotes"] = annotators.attribution(doc, article, records["entities"])
        case "link":
            records["quotes"], records["quantities"] = link_article(
                records["quotes"],
                records["quantities"],
                records["dates"],
                records["entities"],
                doc,
            )


class StageError(Exception):
    """A stage failed on one article; carries the stage name and the original error."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(str(cause))
        self.stage = stage
        self.error = type(cause).__name__


def contract(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record checked against its output model and completed with `schema_version`."""
    return OUTPUT_FILES[f"{kind}.jsonl"].model_validate(record).model_dump(mode="json")


def process_shard(
    articles: list[Article], config: Config, cache_dir: Path, stages: tuple[str, ...]
) -> list[ArticleRecords | dict[str, Any]]:
    """Parse and annotate a shard; each item is the article's records or an error record."""
    annotators = annotators_for(config.model)
    nlp = annotators.nlp
    cache = ParseCache(cache_dir / "parse", nlp)
    results: list[ArticleRecords | dict[str, Any]] = []
    with nlp.memory_zone():
        for article, doc in zip(
            articles, parse_isolated(nlp, articles, cache, config), strict=True
        ):
            if isinstance(doc, Exception):
                results.append(error_record(article, "parse", type(doc).__name__, str(doc)))
            elif stages == ("parse",):
                results.append({kind: [] for kind in RECORD_KINDS})
            else:
                try:
                    results.append(annotate(article, doc, annotators, stages))
                except StageError as exc:
                    results.append(error_record(article, exc.stage, exc.error, str(exc)))
    return results


def parse_isolated(
    nlp: Any, articles: list[Article], cache: ParseCache, config: Config
) -> list[Any]:
    """Parse the shard in batches; if a batch fails, parse its articles one by one."""
    texts = [(a.sha256, a.text) for a in articles]
    try:
        return list(parse_texts(nlp, texts, cache, batch_size=config.batch_size))
    except Exception:
        docs: list[Any] = []
        for item in texts:
            try:
                docs.extend(parse_texts(nlp, [item], cache))
            except Exception as exc:
                docs.append(exc)
        return docs


def error_record(item: Article | ReadError, stage: str, error: str, message: str) -> dict[str, Any]:
    record = {"doc_id": item.doc_id, "source": item.source, "stage": stage, "error": error}
    return contract("errors", record | {"message": message})


def document_record(item: Article | ReadError, model: str, status: str) -> dict[str, Any]:
    is_article = isinstance(item, Article)
    record = {
        "doc_id": item.doc_id,
        "source": item.source,
        "sha256": item.sha256,
        "published": item.published if is_article else None,
        "title": item.title if is_article else None,
        "url": item.url if is_article else None,
        "n_chars": len(item.text) if is_article else item.n_chars,
        "status": status,
        "pipeline_version": __version__,
        "model": model,
    }
    return contract("documents", record)


def run_extract(inputs: list[str], out_dir: Path, config: Config) -> RunSummary:
    """Extract every input article into the JSONL files in `out_dir`."""
    stages = stages_to_run(config.stages)
    nlp = annotators_for(config.model).nlp
    model = model_id(nlp)
    state = out_dir / STATE_DIR
    manifest = Manifest(state / "articles", fingerprint(config, model))
    reuse = not config.force and not config.stages
    summary = RunSummary()
    outputs: dict[str, list[dict[str, Any]]] = {name: [] for name in OUTPUT_FILES}

    items = list(iter_articles(inputs, max_chars=config.max_chars))
    summary.articles = len(items)
    results: dict[str, ArticleRecords | dict[str, Any]] = {}
    todo: list[Article] = []
    for item in items:
        if isinstance(item, ReadError):
            results[item.doc_id] = error_record(item, "read", item.error, item.message)
        elif reuse and (cached := manifest.get(item.doc_id, item.sha256)) is not None:
            results[item.doc_id] = cached
            summary.reused += 1
        else:
            todo.append(item)

    with progress_bar(len(todo), config) as bar:
        for shard in minibatch(todo, config.shard_size):
            for article, result in zip(
                shard, process_shard(list(shard), config, state, stages), strict=True
            ):
                results[article.doc_id] = result
                if "stage" not in result and not config.stages:
                    manifest.put(article.doc_id, article.sha256, result)
                summary.processed += 1
            bar.update(len(shard))

    for item in items:
        result = results[item.doc_id]
        if "stage" in result:  # an error record
            summary.failed += 1
            summary.errors.append(result)
            outputs["errors.jsonl"].append(result)
            outputs["documents.jsonl"].append(document_record(item, model, "error"))
            continue
        outputs["documents.jsonl"].append(document_record(item, model, "ok"))
        for kind in RECORD_KINDS:
            outputs[f"{kind}.jsonl"].extend(result[kind])

    write_outputs(out_dir, outputs, files=stage_files(config.stages))
    if not config.stages:  # the corpus table needs every article's quotes and entities
        write_speakers(
            out_dir / "speakers.jsonl", outputs["quotes.jsonl"], outputs["entities.jsonl"]
        )
    return summary


def stage_files(requested: tuple[str, ...]) -> tuple[str, ...]:
    if not requested:
        return tuple(OUTPUT_FILES)
    return tuple(dict.fromkeys(name for stage in requested for name in STAGE_FILES[stage]))


def write_outputs(
    out_dir: Path, outputs: dict[str, list[dict[str, Any]]], files: tuple[str, ...]
) -> None:
    for name in files:
        write_jsonl(out_dir / name, sorted(outputs[name], key=record_sort_key))


def progress_bar(total: int, config: Config) -> tqdm:
    disable = None if config.progress is None else not config.progress
    return tqdm(total=total, unit="article", desc="whosaid", file=sys.stderr, disable=disable)


def iter_errors(summary: RunSummary) -> Iterator[str]:
    for error in summary.errors:
        yield f"{error['doc_id']} ({error['source']}): {error['stage']}: {error['message']}"
