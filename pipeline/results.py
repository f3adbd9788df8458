"""What processing one article gives: its records by kind, or one error record.

Both are plain JSON-ready data, checked against the output contract, so they cross process
and machine boundaries as they are and go into the manifest unchanged.
"""

from __future__ import annotations

from typing import Any

from .records import OUTPUT_FILES

#: The kinds of record an article has, each written to `<kind>.jsonl`.
RECORD_KINDS = ("entities", "quantities", "dates", "quotes")

ArticleRecords = dict[str, list[dict[str, Any]]]
#: An article's records, or an error record (it has a `stage`).
ArticleResult = ArticleRecords | dict[str, Any]


def is_error(result: ArticleResult) -> bool:
    return "stage" in result


def contract(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record checked against its output model and completed with `schema_version`."""
    return OUTPUT_FILES[f"{kind}.jsonl"].model_validate(record).model_dump(mode="json")


def error_record(doc_id: str, source: str, stage: str, error: str, message: str) -> dict[str, Any]:
    record = {"doc_id": doc_id, "source": source, "stage": stage, "error": error}
    return contract("errors", record | {"message": message})
