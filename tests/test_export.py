"""Parquet export: schemas from the record models, the round trip from JSON Lines and back,
types that hold for empty and all-null columns, and the dataset card."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.export import EXPORT_FILES, export, parquet_schema
from pipeline.records import SCHEMA_VERSION
from pipeline.write import read_jsonl, write_jsonl

SPAN = pa.struct(
    [
        pa.field("text", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
    ]
)


def test_schemas_are_typed_from_the_record_models():
    quantities, quotes = parquet_schema("quantities.jsonl"), parquet_schema("quotes.jsonl")
    speakers = parquet_schema("speakers.jsonl")

    assert quantities.field("value") == pa.field("value", pa.float64(), nullable=True)
    assert quantities.field("vague") == pa.field("vague", pa.bool_(), nullable=False)
    assert quotes.field("kind").type == pa.string()  # a Literal of strings
    assert quotes.field("sentence") == pa.field("sentence", SPAN, nullable=False)
    content = quotes.field("content").type
    parts = content.field("parts")
    assert parts.nullable and parts.type == pa.list_(pa.field("element", SPAN, nullable=False))
    assert quotes.field("speaker").nullable
    assert quotes.field("speaker").type.field("entity_id").nullable
    inner = quotes.field("quantities").type.value_type
    assert inner == pa.struct(list(quantities))
    assert speakers.field("doc_ids").type == pa.list_(pa.field("element", pa.string(), False))
    assert quotes.field("addressee") == pa.field("addressee", SPAN, nullable=True)
    assert quotes.field("medium") == pa.field("medium", SPAN, nullable=True)
    assert speakers.metadata[b"whosaid.schema_version"] == str(SCHEMA_VERSION).encode()


def quantity(qid: str, **values: Any) -> dict[str, Any]:
    record = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": "d1",
        "quantity_id": qid,
        "text": "some",
        "start": 0,
        "end": 4,
        "value": None,
        "low": None,
        "high": None,
        "unit": None,
        "approximate": False,
        "vague": False,
        "modifier": None,
        "quantified": None,
        "quote_id": None,
    }
    return record | values


def minimal_output(folder: Path, quantities: list[dict[str, Any]]) -> Path:
    document = {
        "schema_version": SCHEMA_VERSION,
        "doc_id": "d1",
        "source": "d1.txt",
        "sha256": "0" * 64,
        "published": None,
        "title": None,
        "url": None,
        "n_chars": 10,
        "status": "ok",
        "pipeline_version": "0.1.0",
        "model": "m",
    }
    write_jsonl(folder / "documents.jsonl", [document])
    write_jsonl(folder / "quantities.jsonl", quantities)
    write_jsonl(folder / "errors.jsonl", [])
    return folder


def test_all_null_batches_and_empty_files_keep_their_types(tmp_path):
    quantities = [
        quantity("N1"),  # every nullable field null in the first batch
        quantity("N2", value=3000.0, unit="soldier", modifier="about", approximate=True),
    ]
    out = minimal_output(tmp_path / "out", quantities)

    summary = export(out, tmp_path / "pq", batch_size=1)

    assert summary.rows == {"documents": 1, "quantities": 2, "errors": 0}
    assert sorted(summary.missing) == ["dates", "entities", "quotes", "speakers"]
    for stem in summary.rows:
        path = tmp_path / "pq" / f"{stem}.parquet"
        assert pq.read_schema(path) == parquet_schema(f"{stem}.jsonl")
    file = pq.ParquetFile(tmp_path / "pq" / "quantities.parquet")
    assert file.metadata.num_row_groups == 2
    assert file.read_row_group(0).schema.field("value").type == pa.float64()
    assert pq.read_table(tmp_path / "pq" / "quantities.parquet").to_pylist() == quantities
    errors = pd.read_parquet(tmp_path / "pq" / "errors.parquet")
    assert len(errors) == 0 and list(errors.columns) == parquet_schema("errors.jsonl").names
    frame = pd.read_parquet(tmp_path / "pq" / "quantities.parquet")
    assert frame["value"].dtype == "float64" and frame["value"].isna().tolist() == [True, False]


def test_a_record_that_does_not_fit_its_schema_is_a_usage_error(tmp_path, run_cli):
    out = minimal_output(tmp_path / "out", [quantity("N1", extra="x")])

    code, err = run_cli("export", out, "--parquet", tmp_path / "pq")

    assert code == 2
    assert "quantities.jsonl:1" in err and "unknown ['extra']" in err
    assert not (tmp_path / "pq" / "quantities.parquet").exists()
    assert not list((tmp_path / "pq").glob(".*.tmp"))


def test_a_value_of_the_wrong_type_is_a_usage_error(tmp_path, run_cli):
    out = minimal_output(tmp_path / "out", [quantity("N1", value="many")])
    code, err = run_cli("export", out, "--parquet", tmp_path / "pq")
    assert code == 2
    assert "quantities.jsonl:1-1" in err


def test_a_folder_without_documents_is_a_usage_error(tmp_path, run_cli):
    code, err = run_cli("export", tmp_path, "--parquet", tmp_path / "pq")
    assert code == 2 and "no documents.jsonl" in err


@pytest.mark.slow
def test_parquet_read_back_equals_the_json_lines(tmp_path, multi_out):
    target = tmp_path / "pq"

    summary = export(multi_out, target, batch_size=3)

    assert summary.missing == []
    for file_name in EXPORT_FILES:
        stem = file_name.removesuffix(".jsonl")
        records = read_jsonl(multi_out / file_name)
        table = pq.read_table(target / f"{stem}.parquet")
        assert table.schema == parquet_schema(file_name)
        assert table.to_pylist() == records, stem
        assert summary.rows[stem] == len(records)
        assert len(pd.read_parquet(target / f"{stem}.parquet")) == len(records)
    quotes = pq.ParquetFile(target / "quotes.parquet")
    assert quotes.metadata.num_row_groups > 1


@pytest.mark.slow
def test_the_dataset_card_describes_the_export(tmp_path, multi_out, run_cli):
    code, _ = run_cli("export", multi_out, "--parquet", tmp_path / "pq")
    assert code == 0
    card = (tmp_path / "pq" / "DATASET.md").read_text(encoding="utf-8")
    parquet = (tmp_path / "pq" / "quotes.parquet").read_bytes()

    quotes = read_jsonl(multi_out / "quotes.jsonl")
    assert f"| `quotes.parquet` | {len(quotes)} |" in card
    assert "en_core_web_sm" in card and "whosaid" in card
    front_matter = card.split("---")[1]
    assert "config_name: quotes" in front_matter
    assert "config_name: errors" not in front_matter  # empty: datasets cannot load it
    for file_name, model in EXPORT_FILES.items():
        assert f"### {file_name.removesuffix('.jsonl')}" in card
        for name in model.model_fields:
            assert f"| `{name}` |" in card
    assert "## Known limits" in card
    assert "Articles published from 2025-03-04 to 2025-03-13" in card

    assert "{{" not in card and "{%" not in card

    assert run_cli("export", multi_out, "--parquet", tmp_path / "pq")[0] == 0
    assert (tmp_path / "pq" / "DATASET.md").read_text(encoding="utf-8") == card
    assert (tmp_path / "pq" / "quotes.parquet").read_bytes() == parquet
