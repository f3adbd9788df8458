from __future__ import annotations

import os
import stat

import pytest

from pipeline.write import (
    atomic_write_bytes,
    atomic_writer,
    read_jsonl,
    record_sort_key,
    write_jsonl,
)


def test_write_jsonl_is_sorted_keys_utf8_and_readable(tmp_path):
    path = tmp_path / "out.jsonl"
    write_jsonl(path, [{"b": 1, "a": "“Kursk”"}])
    assert path.read_bytes() == '{"a": "“Kursk”", "b": 1}\n'.encode()
    assert read_jsonl(path) == [{"a": "“Kursk”", "b": 1}]


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    path = tmp_path / "data.jsonl"
    atomic_write_bytes(path, b"old\n")

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(path, b"new\n")
    assert path.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["data.jsonl"]  # no temporary file left behind


def test_written_files_follow_the_umask(tmp_path):
    path = tmp_path / "x.jsonl"
    atomic_write_bytes(path, b"")
    mode = stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_sort_key_orders_by_doc_then_start():
    records = [
        {"doc_id": "b", "start": 0, "quantity_id": "N1"},
        {"doc_id": "a", "mentions": [{"start": 50}], "entity_id": "E2"},
        {"doc_id": "a", "mentions": [{"start": 3}], "entity_id": "E1"},
        {"doc_id": "a", "content": {"start": 10}, "quote_id": "Q1"},
    ]
    ordered = sorted(records, key=record_sort_key)
    assert [(r["doc_id"], record_sort_key(r)[1]) for r in ordered] == [
        ("a", 3),
        ("a", 10),
        ("a", 50),
        ("b", 0),
    ]


def test_atomic_writer_replaces_the_file_only_when_the_block_succeeds(tmp_path):
    path = tmp_path / "out.jsonl"
    atomic_write_bytes(path, b"old\n")
    with pytest.raises(RuntimeError), atomic_writer(path) as stream:
        stream.write(b"half of the new")
        raise RuntimeError("killed")
    assert path.read_bytes() == b"old\n"
    with atomic_writer(path, durable=False) as stream:
        stream.write(b"new\n")
    assert path.read_bytes() == b"new\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]
