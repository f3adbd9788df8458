"""The output contract: one pydantic model per record type.

These models are the single definition of every output line. `python -m pipeline schema`
writes their JSON Schemas into `schema/`; the tests validate every written line against them.
Fields that the contract marks optional are required but nullable (`X | None` with no default),
so a record always carries every key.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = 3


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = SCHEMA_VERSION


class Span(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int


class Document(Record):
    doc_id: str
    source: str
    sha256: str
    published: str | None
    title: str | None
    url: str | None
    n_chars: int
    status: Literal["ok", "error"]
    pipeline_version: str
    model: str


class Entity(Record):
    doc_id: str
    entity_id: str
    name: str
    label: str
    mentions: list[Span]
    titles: list[str]


class Quantity(Record):
    doc_id: str
    quantity_id: str
    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approximate: bool
    vague: bool
    modifier: str | None
    quantified: str | None
    quote_id: str | None


class TemporalExpression(Record):
    doc_id: str
    date_id: str
    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    mod: Literal["MID", "START", "END", "APPROX", "BEFORE", "AFTER"] | None
    anchor: str | None


class Content(Span):
    parts: list[Span] | None


class Cue(Span):
    lemma: str


class Speaker(Span):
    name: str
    entity_id: str | None
    label: str | None
    resolved_by: Literal["self", "coreference", "apposition", "none"]


class Quote(Record):
    doc_id: str
    quote_id: str
    kind: Literal["direct", "indirect", "mixed"]
    content: Content
    cue: Cue | None
    speaker: Speaker | None
    quantities: list[Quantity]
    dates: list[TemporalExpression]
    speech_date: str | None
    sentence: Span
    confidence: float
    # Optional fields added in schema_version 2.
    negated: bool = False
    parent_id: str | None = None
    # Optional fields added in schema_version 3.
    addressee: Span | None = None
    medium: Span | None = None


class Error(Record):
    doc_id: str
    source: str
    stage: str
    error: str
    message: str


class CorpusSpeaker(Record):
    """A speaker of quotes.jsonl across the whole corpus: see `pipeline.speaker_table`."""

    speaker_id: str
    name: str
    aliases: list[str]
    titles: list[str]
    label: str | None
    doc_ids: list[str]
    statements: int


#: Output file name → record model, in the order the files are written.
OUTPUT_FILES: dict[str, type[Record]] = {
    "documents.jsonl": Document,
    "entities.jsonl": Entity,
    "quantities.jsonl": Quantity,
    "dates.jsonl": TemporalExpression,
    "quotes.jsonl": Quote,
    "errors.jsonl": Error,
}
#: Files about the whole corpus rather than one article, written after the per-article files.
CORPUS_FILES: dict[str, type[Record]] = {"speakers.jsonl": CorpusSpeaker}


def json_schemas() -> dict[str, dict]:
    """The JSON Schema of each output file, keyed by `<file stem>.schema.json`."""
    schemas = {}
    for file_name, model in (OUTPUT_FILES | CORPUS_FILES).items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"whosaid {file_name} record (schema_version {SCHEMA_VERSION})"
        schemas[file_name.removesuffix(".jsonl") + ".schema.json"] = schema
    return schemas
