"""Parquet export: one file per record type, and a dataset card (`DATASET.md`).

The Arrow schema of each file is derived from its record model in `records.py`, never inferred
from the data, so a column that is empty or all null in one batch (or one corpus) has the same
type as everywhere else: `value` is always float64, `speaker` always the same struct. Nested
records are Arrow structs, lists are Arrow lists; a field the contract marks nullable is a
nullable column, the others are required. JSON Lines are read and written in batches, so the
export runs in bounded memory.
"""

from __future__ import annotations

import json
import os
import types
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import jinja2
import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from . import __version__
from .records import CORPUS_FILES, OUTPUT_FILES, SCHEMA_VERSION, Record
from .write import atomic_write_bytes, read_jsonl

EXPORT_FILES: dict[str, type[Record]] = OUTPUT_FILES | CORPUS_FILES
SCALAR_TYPES: dict[type, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
}
#: What one row of each file is, for the dataset card.
ROW_MEANING = {
    "documents": "an input article: where it came from, its sha256, status and versions",
    "entities": "a named entity of one article, with all its mentions and titles",
    "quantities": "a quantity mention: value or bounds, unit, what it counts",
    "dates": "a temporal expression with its TIMEX3 type and value",
    "quotes": "an attribution: content, cue, speaker (resolved), dates and quantities inside",
    "errors": "an article that failed, with the stage and the reason",
    "speakers": "a speaker across the corpus: name, aliases, titles, articles, statements",
}
#: Libraries whose versions shape the data; reported as installed at export time.
LIBRARIES = ("spacy", "dateparser", "quantulum3", "pydantic", "pyarrow")


class ExportError(Exception):
    """DIR is not an output folder, or a record does not fit its schema: exit status 2."""


@dataclass
class ExportSummary:
    rows: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def empty(self) -> list[str]:
        return [stem for stem, rows in self.rows.items() if not rows]


# --- Arrow schemas from the record models


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Arrow schema of a record model, one column per field in model order."""
    return pa.schema(list(arrow_fields(model)))


def arrow_fields(model: type[BaseModel]) -> Iterator[pa.Field]:
    for name, info in model.model_fields.items():
        nullable, annotation = split_optional(info.annotation)
        yield pa.field(name, arrow_type(annotation), nullable=nullable)


def split_optional(annotation: Any) -> tuple[bool, Any]:
    """`X | None` → (True, X); any other annotation → (False, itself)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return type(None) in get_args(annotation), args[0]
        raise TypeError(f"no Arrow type for the union {annotation}")
    return False, annotation


def arrow_type(annotation: Any) -> pa.DataType:
    origin = get_origin(annotation)
    if origin is list:
        nullable, item = split_optional(get_args(annotation)[0])
        return pa.list_(pa.field("element", arrow_type(item), nullable=nullable))
    if origin is Literal:
        kinds = {type(value) for value in get_args(annotation)}
        if len(kinds) == 1:
            return SCALAR_TYPES[kinds.pop()]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(list(arrow_fields(annotation)))
    if annotation in SCALAR_TYPES:
        return SCALAR_TYPES[annotation]
    raise TypeError(f"no Arrow type for {annotation}")


def parquet_schema(file_name: str) -> pa.Schema:
    """The schema of one exported file, with the whosaid schema version in its metadata."""
    metadata = {"whosaid.file": file_name, "whosaid.schema_version": str(SCHEMA_VERSION)}
    return arrow_schema(EXPORT_FILES[file_name]).with_metadata(metadata)


# --- the export


def export(out_dir: Path, target: Path, *, batch_size: int = 10_000) -> ExportSummary:
    """Write `<stem>.parquet` for every JSONL file of `out_dir`, then `DATASET.md`."""
    if not (out_dir / "documents.jsonl").is_file():
        raise ExportError(f"{out_dir} has no documents.jsonl: run `whosaid extract` into it first")
    target.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary()
    for file_name in EXPORT_FILES:
        stem = file_name.removesuffix(".jsonl")
        source = out_dir / file_name
        if not source.is_file():
            summary.missing.append(stem)
            continue
        summary.counts[stem] = Counter()
        summary.rows[stem] = write_parquet(
            source, target / f"{stem}.parquet", batch_size, summary.counts[stem]
        )
    write_card(target / "DATASET.md", out_dir, summary)
    return summary


def write_parquet(source: Path, path: Path, batch_size: int, counts: Counter[str]) -> int:
    """Copy one JSONL file into Parquet, a row group per batch; returns the number of rows."""
    schema = parquet_schema(source.name)
    tmp = path.with_name(f".{path.name}.tmp")
    rows = 0
    try:
        with pq.ParquetWriter(tmp, schema) as writer:
            for first_line, batch in read_batches(source, batch_size):
                check_fields(batch, schema, source, first_line)
                try:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                    where = f"{source}:{first_line}-{first_line + len(batch) - 1}"
                    raise ExportError(f"{where}: {exc}") from exc
                rows += len(batch)
                counts.update(summary_keys(source.name, batch))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return rows


def read_batches(path: Path, size: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(first line number, records) for each `size` lines of a JSON Lines file."""
    with path.open(encoding="utf-8") as stream:
        line_no = 1
        while lines := list(islice(stream, size)):
            try:
                yield line_no, [json.loads(line) for line in lines if line.strip()]
            except json.JSONDecodeError as exc:
                raise ExportError(f"{path}: a line from {line_no} on is not JSON: {exc}") from exc
            line_no += len(lines)


def check_fields(
    batch: list[dict[str, Any]], schema: pa.Schema, source: Path, first_line: int
) -> None:
    """Arrow would silently drop a key that is not in the schema: refuse instead."""
    names = set(schema.names)
    for offset, record in enumerate(batch):
        if set(record) != names:
            unknown, missing = sorted(set(record) - names), sorted(names - set(record))
            raise ExportError(
                f"{source}:{first_line + offset}: fields differ from the schema "
                f"(unknown {unknown}, missing {missing}); re-run `whosaid extract`"
            )


def summary_keys(file_name: str, batch: list[dict[str, Any]]) -> Iterator[str]:
    """What the dataset card counts beyond rows: statuses, kinds, labels, types."""
    key = {
        "documents.jsonl": "status",
        "quotes.jsonl": "kind",
        "dates.jsonl": "type",
        "entities.jsonl": "label",
        "errors.jsonl": "error",
    }.get(file_name)
    if key:
        yield from (str(record[key]) for record in batch)
    elif file_name == "speakers.jsonl":
        yield from (record["label"] or "description" for record in batch)
    elif file_name == "quantities.jsonl":
        yield from ("vague" if r["vague"] else "exact or approximate" for r in batch)


# --- the dataset card


def write_card(path: Path, out_dir: Path, summary: ExportSummary) -> None:
    documents = read_jsonl(out_dir / "documents.jsonl")
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline", "templates"),
        autoescape=False,  # Markdown, not HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    card = env.get_template("DATASET.md").render(
        summary=summary,
        schemas={stem: parquet_schema(f"{stem}.jsonl") for stem in summary.rows},
        row_meaning=ROW_MEANING,
        pipeline_versions=sorted({d["pipeline_version"] for d in documents}),
        models=sorted({d["model"] for d in documents}),
        published=sorted(d["published"][:10] for d in documents if d["published"]),
        libraries={name: version(name) for name in LIBRARIES},
        whosaid_version=__version__,
        schema_version=SCHEMA_VERSION,
    )
    atomic_write_bytes(path, card.encode("utf-8"))
