from __future__ import annotations

import pytest

from pipeline.manifest import Manifest

RECORDS = {"entities": [{"doc_id": "a", "name": "Kirby"}], "quantities": [], "dates": []}


def test_an_entry_reads_back_under_its_own_key_only(tmp_path):
    manifest = Manifest(tmp_path, "fp1")
    manifest.put("a", "sha-a", RECORDS)
    assert manifest.get("a", "sha-a") == RECORDS
    assert manifest.get("a", "sha-other") is None
    assert Manifest(tmp_path, "fp2").get("a", "sha-a") is None


@pytest.mark.parametrize("damage", [b"", b'{"key": ["a", "sha-a", "fp1"], "rec', b"\xff\xfe"])
def test_an_entry_cut_short_is_a_miss(tmp_path, damage):
    """Entries are written without fsync: after a power loss one may be empty or partial."""
    manifest = Manifest(tmp_path, "fp1")
    manifest.put("a", "sha-a", RECORDS)
    manifest.path("a", "sha-a").write_bytes(damage)
    assert manifest.get("a", "sha-a") is None
