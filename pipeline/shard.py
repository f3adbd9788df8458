"""The unit of work: parse and annotate one shard of articles, in whichever process runs it.

`process_shard` is a plain module-level function of plain, picklable data (articles and a
`ShardSpec`), so the serial engine, a process pool and Dask workers all run the same code and
return the same records. Each process loads the model and the stages once.

This module imports spaCy and every stage. The runner imports it only where shards run (see
`engines.run_shard`), so a re-run with nothing new never pays for it.
"""

from __future__ import annotations

import atexit
import functools
import gc
import threading
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from .attribution import AttributionStage
from .config import HASH_SEED, ShardSpec, fingerprint
from .dates import DateStage
from .entities import EntityStage
from .link import link_article
from .model_meta import SetupError
from .parse import ParseCache, load_model, model_id, parse_texts
from .quantities import QuantityStage
from .read import Article
from .results import RECORD_KINDS, ArticleRecords, ArticleResult, contract, error_record

#: spaCy's memory zones and the stages are not thread-safe, and a Dask worker may run several
#: tasks in threads of one process: shards in one process take turns.
_SHARD_LOCK = threading.Lock()
#: Strings a process's vocabulary may gain before its shards run in memory zones.
VOCAB_GROWTH = 100_000


class Annotators:
    """The stages of one process, built once around one loaded model."""

    def __init__(self, model: str) -> None:
        self.nlp = load_model(model)
        self.entities = EntityStage(self.nlp)
        self.quantities = QuantityStage()
        self.dates = DateStage()
        self.attribution = AttributionStage()
        self.zones_from = len(self.nlp.vocab.strings) + VOCAB_GROWTH


@functools.cache
def annotators_for(model: str) -> Annotators:
    annotators = Annotators(model)
    keep_out_of_collections()
    return annotators


def keep_out_of_collections() -> None:
    """Take the objects made so far (the model and the stages' lexicons and patterns, some
    200,000 of them) out of the garbage collector's walks: they live as long as the process,
    yet each full collection during a run walked them again (0.3 s on the dev articles), and
    one more at exit (0.5 s). What a run makes after this is frozen at exit as well."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.freeze)


class WorkerMismatch(SetupError):
    """A worker's code, lexicons, model or libraries differ from the runner's."""


class StageError(Exception):
    """A stage failed on one article; carries the stage name and the original error."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(str(cause))
        self.stage = stage
        self.error = type(cause).__name__


def process_shard(articles: list[Article], spec: ShardSpec) -> list[ArticleResult]:
    """Parse and annotate a shard; each item is the article's records or an error record."""
    with _SHARD_LOCK:
        annotators = annotators_for(spec.model)
        check_worker(annotators.nlp, spec)
        nlp = annotators.nlp
        cache = ParseCache(spec.state_dir / "parse", nlp)
        with shard_zone(nlp, annotators.zones_from):
            docs = parse_isolated(nlp, articles, cache, spec.config.batch_size)
            return [
                article_result(article, doc, annotators, spec.stages)
                for article, doc in zip(articles, docs, strict=True)
            ]


def shard_zone(nlp: Language, zones_from: int) -> AbstractContextManager[Any]:
    """What keeps a long run's memory flat, once the vocabulary is warm.

    In `nlp.memory_zone()` spaCy forgets the strings, lexemes and tokenizer cache entries a
    shard made, so the next shard makes its everyday words again: a zone around every shard
    cost 7% of the parse on the dev articles. The first shards of a process grow the
    vocabulary with the words its texts use most; once it holds `zones_from` strings
    (`VOCAB_GROWTH` more than the model brought, about 30 MB), each shard's new strings are
    freed after it.
    """
    warm = len(nlp.vocab.strings) >= zones_from
    return nlp.memory_zone() if warm else nullcontext()


def check_worker(nlp: Language, spec: ShardSpec) -> None:
    """Refuse to work with another pipeline than the runner's: its records would be keyed as
    the runner's in the manifest."""
    if worker_fingerprint(spec, model_id(nlp)) != spec.fingerprint:
        raise WorkerMismatch(
            "a worker's code, lexicons, model, library versions or PYTHONHASHSEED differ from "
            "the runner's: every worker needs the same installation, started with "
            f"PYTHONHASHSEED={HASH_SEED}"
        )


@functools.cache
def worker_fingerprint(spec: ShardSpec, model: str) -> str:
    return fingerprint(spec.config, model)


def article_result(
    article: Article, doc: Doc | Exception, annotators: Annotators, stages: tuple[str, ...]
) -> ArticleResult:
    if isinstance(doc, Exception):
        return failure(article, "parse", type(doc).__name__, str(doc))
    try:
        return annotate(article, doc, annotators, stages)
    except StageError as exc:
        return failure(article, exc.stage, exc.error, str(exc))


def failure(article: Article, stage: str, error: str, message: str) -> dict[str, Any]:
    return error_record(article.doc_id, article.source, stage, error, message)


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
                annotators.attribution.lexicon.publishing_verbs,
                annotators.attribution.lexicon.documents,
            )


def parse_isolated(
    nlp: Language, articles: list[Article], cache: ParseCache, batch_size: int
) -> list[Doc | Exception]:
    """Parse the shard in batches; if a batch fails, parse its articles one by one."""
    texts = [(a.sha256, a.text) for a in articles]
    try:
        return list(parse_texts(nlp, texts, cache, batch_size=batch_size))
    except Exception:
        docs: list[Doc | Exception] = []
        for item in texts:
            try:
                docs.extend(parse_texts(nlp, [item], cache))
            except Exception as exc:
                docs.append(exc)
        return docs
