from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from pipeline.records import SCHEMA_VERSION, Entity, Quote, json_schemas
from tests.conftest import REPO


def test_committed_schema_files_match_the_models():
    """`make schema` output is committed; it must not drift from the record models."""
    for name, schema in json_schemas().items():
        committed = json.loads((REPO / "schema" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schema/{name} is stale: run `make schema`"


def test_record_has_schema_version_and_rejects_unknown_fields():
    entity = Entity(doc_id="d", entity_id="E1", name="NIS", label="ORG", mentions=[], titles=[])
    assert entity.model_dump()["schema_version"] == SCHEMA_VERSION
    with pytest.raises(ValidationError):
        Entity(doc_id="d", entity_id="E1", name="x", label="ORG", mentions=[], titles=[], x=1)


def test_nullable_fields_are_still_required():
    quote = {
        "doc_id": "d",
        "quote_id": "Q1",
        "kind": "direct",
        "content": {"text": "Hi", "start": 1, "end": 3, "parts": None},
        "cue": None,
        "speaker": None,
        "quantities": [],
        "dates": [],
        "sentence": {"text": "“Hi”", "start": 0, "end": 4},
        "confidence": 0.9,
    }
    with pytest.raises(ValidationError, match="speech_date"):
        Quote.model_validate(quote)
    assert Quote.model_validate(quote | {"speech_date": None}).speech_date is None
