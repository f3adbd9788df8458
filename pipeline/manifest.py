"""The incremental-run manifest: finished articles keyed by (doc_id, text sha256, fingerprint).

Each finished article is one small JSON file under `OUT/.whosaid/articles/`, written
atomically as soon as its shard is done, so a crash loses at most the shard in flight and a
re-run reuses every article whose text and pipeline are unchanged. File names are hashes:
a doc_id never becomes a path.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .write import atomic_write_bytes

ArticleRecords = dict[str, list[dict[str, Any]]]


class Manifest:
    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    def path(self, doc_id: str, sha256: str) -> Path:
        key = hashlib.sha256(f"{doc_id}\0{sha256}\0{self.fingerprint}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, doc_id: str, sha256: str) -> ArticleRecords | None:
        path = self.path(doc_id, sha256)
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))["records"]

    def put(self, doc_id: str, sha256: str, records: ArticleRecords) -> None:
        entry = {
            "doc_id": doc_id,
            "sha256": sha256,
            "fingerprint": self.fingerprint,
            "records": records,
        }
        data = json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(self.path(doc_id, sha256), data)
