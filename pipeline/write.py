"""Write stage: sorted, deterministic JSON Lines, written atomically.

A file is written to a temporary file in the same folder, flushed to disk, then renamed over the
old one, so a reader (or a crash) never sees a half-written file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

#: The process umask, read once: mkstemp creates files 0600, the outputs should be 0666 & ~umask.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_writer(path: Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only when the block ends without an error.

    `durable` flushes it to disk first (fsync), so even a power loss leaves the old or the new
    file. Without it the replacement is still atomic for every process (a killed run leaves no
    half-written file), which is enough for caches that are checked when read back.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            yield tmp
            tmp.flush()
            if durable:
                os.fsync(tmp.fileno())
        os.chmod(tmp_name, 0o666 & ~_UMASK)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    with atomic_writer(path, durable=durable) as stream:
        stream.write(data)


def dumps(record: dict[str, Any]) -> str:
    """One JSON line: sorted keys and real UTF-8, so re-runs are byte-identical."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    lines = [dumps(record) + "\n" for record in records]
    atomic_write_bytes(path, "".join(lines).encode("utf-8"))
    return len(lines)


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, one at a time."""
    with path.open(encoding="utf-8") as stream:
        yield from (json.loads(line) for line in stream if line.strip())


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return list(iter_jsonl(path))


def record_sort_key(record: dict[str, Any]) -> tuple[str, int, str]:
    """Contract order: by `doc_id`, then `start` (an entity's first mention; a quote's content)."""
    if "start" in record:
        start = record["start"]
    elif record.get("mentions"):
        start = record["mentions"][0]["start"]
    elif "content" in record:
        start = record["content"]["start"]
    else:
        start = -1
    record_id = next((str(record[key]) for key in ID_KEYS if key in record), "")
    return record["doc_id"], start, record_id


ID_KEYS = ("entity_id", "quantity_id", "date_id", "quote_id", "stage")
