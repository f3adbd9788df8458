"""The staged runner: read → parse → annotate → link → write.

A run reads its inputs twice. The first pass lists every article and looks each one up in the
manifest; the second sends the articles still to do, in shards, to an engine (`engines`),
which runs `shard.process_shard` on them. Each finished shard goes into the manifest at once,
and at the end the output files are streamed from it in `doc_id` order. So the runner keeps
one small `Entry` per article in memory, never the texts or the records of the whole run; a
killed run loses at most the shards in flight; and a run with nothing new never imports spaCy
or loads the model.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import groupby, islice
from operator import attrgetter
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import __version__
from .config import Config, ShardSpec, fingerprint
from .engines import Engine, LocalEngine, run_shards
from .manifest import Manifest
from .model_meta import find_model
from .read import STDIN, Article, ReadError, iter_articles
from .records import OUTPUT_FILES
from .results import RECORD_KINDS, contract, error_record, is_error
from .speaker_table import write_speakers
from .write import atomic_writer, dumps, iter_jsonl, record_sort_key

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
STATE_DIR = ".whosaid"


@dataclass
class RunSummary:
    articles: int = 0
    processed: int = 0
    reused: int = 0
    failed: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Entry:
    """One input of the run: its documents.jsonl fields, and its error record if it failed."""

    doc_id: str
    source: str
    sha256: str
    n_chars: int
    published: str | None = None
    title: str | None = None
    url: str | None = None
    error: dict[str, Any] | None = None

    @classmethod
    def of(cls, item: Article | ReadError) -> Entry:
        if isinstance(item, ReadError):
            error = error_record(item.doc_id, item.source, "read", item.error, item.message)
            return cls(item.doc_id, item.source, item.sha256, item.n_chars, error=error)
        return cls(
            item.doc_id,
            item.source,
            item.sha256,
            len(item.text),
            published=item.published,
            title=item.title,
            url=item.url,
        )


class Inputs:
    """The run's articles, to be read twice: files are read again, standard input is kept."""

    def __init__(self, inputs: list[str], max_chars: int) -> None:
        self.inputs = inputs
        self.max_chars = max_chars
        self.kept: list[Article | ReadError] | None = None

    def __iter__(self) -> Iterator[Article | ReadError]:
        if STDIN not in self.inputs:
            return iter_articles(self.inputs, max_chars=self.max_chars)
        if self.kept is None:
            self.kept = list(iter_articles(self.inputs, max_chars=self.max_chars))
        return iter(self.kept)


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


def run_extract(
    inputs: list[str], out_dir: Path, config: Config, engine: Engine | None = None
) -> RunSummary:
    """Extract every input article into the JSONL files in `out_dir`."""
    model = find_model(config.model)
    state = (out_dir / STATE_DIR).resolve()
    spec = ShardSpec(
        config=config,
        model=model.name,
        fingerprint=fingerprint(config, model.id),
        state_dir=state,
        stages=stages_to_run(config.stages),
    )
    manifest = Manifest(state / "articles", spec.fingerprint)
    articles = Inputs(inputs, config.max_chars)

    entries, todo = take_stock(articles, manifest, reuse=not config.force)
    summary = RunSummary(articles=len(entries), processed=len(todo))
    summary.reused = sum(1 for entry in entries if entry.error is None) - len(todo)
    if todo:
        process(articles, todo, entries, manifest, spec, engine or LocalEngine())
    write_outputs(out_dir, entries, manifest, model.id, stage_files(config.stages))
    if not config.stages:  # the corpus table needs every article's quotes and entities
        write_speakers(
            out_dir / "speakers.jsonl",
            iter_jsonl(out_dir / "quotes.jsonl"),
            iter_jsonl(out_dir / "entities.jsonl"),
        )
    summary.errors = [entry.error for entry in entries if entry.error]
    summary.failed = len(summary.errors)
    return summary


def take_stock(
    articles: Iterable[Article | ReadError], manifest: Manifest, *, reuse: bool
) -> tuple[list[Entry], set[str]]:
    """Every input as an `Entry`, and the doc_ids of the articles the manifest lacks."""
    entries: list[Entry] = []
    todo: set[str] = set()
    for item in articles:
        entry = Entry.of(item)
        entries.append(entry)
        if entry.error is None and not (reuse and manifest.get(entry.doc_id, entry.sha256)):
            todo.add(entry.doc_id)
    return entries, todo


def process(
    articles: Iterable[Article | ReadError],
    todo: set[str],
    entries: list[Entry],
    manifest: Manifest,
    spec: ShardSpec,
    engine: Engine,
) -> None:
    """Run the articles to do on the engine; store each shard's records as it completes."""
    pending = {e.doc_id: e for e in entries if e.error is None and e.doc_id in todo}
    # An article that changed since the first pass is left out; `write_outputs` reports it.
    to_send = (
        item
        for item in articles
        if isinstance(item, Article)
        and (entry := pending.get(item.doc_id)) is not None
        and item.sha256 == entry.sha256
    )
    with progress_bar(len(todo), spec.config) as bar:
        for shard, results in run_shards(engine, chunked(to_send, spec.config.shard_size), spec):
            for article, result in zip(shard, results, strict=True):
                if is_error(result):
                    pending[article.doc_id].error = result
                else:
                    manifest.put(article.doc_id, pending[article.doc_id].sha256, result)
            bar.update(len(shard))


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while shard := list(islice(iterator, size)):
        yield shard


def write_outputs(
    out_dir: Path, entries: list[Entry], manifest: Manifest, model: str, files: tuple[str, ...]
) -> None:
    """Stream every output file in contract order: by doc_id, then by offset.

    Records are sorted one doc_id at a time, which gives the order of one global sort.
    """
    with ExitStack() as stack:
        streams = {name: stack.enter_context(atomic_writer(out_dir / name)) for name in files}
        by_doc_id = groupby(sorted(entries, key=attrgetter("doc_id")), key=attrgetter("doc_id"))
        for _, group in by_doc_id:
            outputs: dict[str, list[dict[str, Any]]] = {name: [] for name in OUTPUT_FILES}
            for entry in group:
                add_records(outputs, entry, manifest, model)
            for name, stream in streams.items():
                lines = (dumps(r) + "\n" for r in sorted(outputs[name], key=record_sort_key))
                stream.write("".join(lines).encode("utf-8"))


def add_records(
    outputs: dict[str, list[dict[str, Any]]], entry: Entry, manifest: Manifest, model: str
) -> None:
    records = None if entry.error else manifest.get(entry.doc_id, entry.sha256)
    if records is None and entry.error is None:
        message = "the article changed while the run was reading it; run again"
        entry.error = error_record(entry.doc_id, entry.source, "read", "changed", message)
    if entry.error:
        outputs["errors.jsonl"].append(entry.error)
        outputs["documents.jsonl"].append(document_record(entry, model, "error"))
        return
    outputs["documents.jsonl"].append(document_record(entry, model, "ok"))
    for kind in RECORD_KINDS:
        outputs[f"{kind}.jsonl"].extend(records[kind])


def document_record(entry: Entry, model: str, status: str) -> dict[str, Any]:
    record = {
        "doc_id": entry.doc_id,
        "source": entry.source,
        "sha256": entry.sha256,
        "published": entry.published,
        "title": entry.title,
        "url": entry.url,
        "n_chars": entry.n_chars,
        "status": status,
        "pipeline_version": __version__,
        "model": model,
    }
    return contract("documents", record)


def stage_files(requested: tuple[str, ...]) -> tuple[str, ...]:
    if not requested:
        return tuple(OUTPUT_FILES)
    return tuple(dict.fromkeys(name for stage in requested for name in STAGE_FILES[stage]))


def progress_bar(total: int, config: Config) -> tqdm:
    disable = None if config.progress is None else not config.progress
    return tqdm(total=total, unit="article", desc="whosaid", file=sys.stderr, disable=disable)


def iter_errors(summary: RunSummary) -> Iterator[str]:
    for error in summary.errors:
        yield f"{error['doc_id']} ({error['source']}): {error['stage']}: {error['message']}"
