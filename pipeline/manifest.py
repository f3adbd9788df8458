"""The incremental-run manifest: finished articles keyed by (doc_id, text sha256, fingerprint).

Each finished article is one small JSON file under `OUT/.whosaid/articles/`, written
atomically as soon as its shard is done, so a killed run loses at most the shards in flight
and a re-run reuses every article whose text and pipeline are unchanged. File names are
hashes: a doc_id never becomes a path.

An entry is written without fsync (one per article would cost more than the stages): an
entry that a power loss cut short does not read back, and its article is processed again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .results import ArticleRecords
from .write import atomic_write_bytes


class Manifest:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def path(self, doc_id: str, sha256: str) -> Path:
        key = hashlib.sha256(f"{doc_id}\0{sha256}\0{self.fingerprint}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, doc_id: str, sha256: str) -> ArticleRecords | None:
        """The article's records, or None when they are missing or do not read back whole."""
        try:
            entry = json.loads(self.path(doc_id, sha256).read_bytes())
        except (FileNotFoundError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != [doc_id, sha256, self.fingerprint]:
            return None
        return entry.get("records")

    def put(self, doc_id: str, sha256: str, records: ArticleRecords) -> None:
        entry = {"key": [doc_id, sha256, self.fingerprint], "records": records}
        data = json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(self.path(doc_id, sha256), data, durable=False)
