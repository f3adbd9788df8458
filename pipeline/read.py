"""Read stage: articles from `.txt` folders (with `.meta.json` sidecars), JSONL files and stdin.

Every input becomes either an `Article` or a `ReadError`; nothing here raises on bad input, so
one broken article never stops a run. The text is kept exactly as decoded (a UTF-8 byte-order
mark is dropped), so record offsets index into it.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

#: A doc_id is a name, never a path: letters, digits and `._:@+=-`, starting with a letter or digit.
DOC_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@+=-]{0,199}")
STDIN = "-"


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    source: str
    published: str | None = None
    title: str | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


@dataclass(frozen=True)
class ReadError:
    """An input that is not a usable article. `sha256` is of the text, or of the raw bytes."""

    doc_id: str
    source: str
    error: str
    message: str
    sha256: str
    n_chars: int = 0


class InputError(Exception):
    """An input path that does not exist: a usage error, not an article failure."""


def check_inputs(inputs: Iterable[str]) -> None:
    for name in inputs:
        if name != STDIN and not Path(name).exists():
            raise InputError(f"input not found: {name}")


def iter_articles(inputs: Iterable[str], *, max_chars: int) -> Iterator[Article | ReadError]:
    """Yield the articles of every input in input order; a repeated doc_id is an error."""
    seen: set[str] = set()
    for item in _iter_inputs(inputs, max_chars=max_chars):
        if item.doc_id in seen:
            message = f"doc_id {item.doc_id!r} was already read from an earlier input"
            n_chars = len(item.text) if isinstance(item, Article) else item.n_chars
            yield ReadError(item.doc_id, item.source, "duplicate_id", message, item.sha256, n_chars)
            continue
        seen.add(item.doc_id)
        yield item


def _iter_inputs(inputs: Iterable[str], *, max_chars: int) -> Iterator[Article | ReadError]:
    for name in inputs:
        if name == STDIN:
            yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", max_chars=max_chars)
            continue
        path = Path(name)
        files = folder_inputs(path) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                with file.open("rb") as stream:
                    yield from read_jsonl_stream(stream, str(file), max_chars=max_chars)
            else:
                yield read_txt(file, max_chars=max_chars)


def folder_inputs(folder: Path) -> list[Path]:
    """The `.txt` and `.jsonl` files of a folder, by name, hidden ones left out: new
    batches of JSONL can be dropped next to the text files."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in {".txt", ".jsonl"} and not p.name.startswith(".") and p.is_file()
    )


def read_txt(path: Path, *, max_chars: int) -> Article | ReadError:
    """One `.txt` article (doc_id = file stem) and its optional `<stem>.meta.json` sidecar."""
    doc_id, source = path.stem, str(path)
    size = path.stat().st_size
    if size > 4 * max_chars:  # UTF-8 takes at most 4 bytes a character: too long, do not load
        message = f"{size} bytes is over the limit of {max_chars} characters"
        return ReadError(doc_id, source, "too_long", message, file_sha256(path))
    data = path.read_bytes()
    decoded = decode_text(data)
    if isinstance(decoded, tuple):
        return ReadError(doc_id, source, *decoded, bytes_sha256(data))
    if problem := text_problem(decoded, max_chars):
        return ReadError(doc_id, source, *problem, text_sha256(decoded), len(decoded))
    meta_path = path.with_name(path.stem + ".meta.json")
    meta: Any = {}
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            message = f"{meta_path.name} is not valid JSON: {exc}"
            return ReadError(
                doc_id, str(meta_path), "bad_metadata", message, text_sha256(decoded), len(decoded)
            )
    return article_from_metadata(doc_id, decoded, source, meta, meta_source=str(meta_path))


def read_jsonl_stream(
    stream: BinaryIO, source: str, *, max_chars: int
) -> Iterator[Article | ReadError]:
    """One article per line: `{"id", "text", "published"?, "title"?, "url"?}`."""
    for line_no, raw in enumerate(stream, start=1):
        if raw.strip():
            yield parse_jsonl_line(raw, f"{source}:{line_no}", max_chars=max_chars)


def parse_jsonl_line(raw: bytes, where: str, *, max_chars: int) -> Article | ReadError:
    """A line without a usable id is named after its place (`file.jsonl:LINE`)."""
    raw_sha = bytes_sha256(raw)
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return ReadError(where, where, "bad_json", f"line is not valid JSON: {exc}", raw_sha)
    if not isinstance(record, dict):
        return ReadError(where, where, "bad_json", "line is not a JSON object", raw_sha)
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not DOC_ID_PATTERN.fullmatch(doc_id):
        message = f"id {doc_id!r} is missing or not a plain name (letters, digits and ._:@+=- only)"
        return ReadError(where, where, "bad_id", message, raw_sha)
    text = record.get("text")
    if not isinstance(text, str):
        return ReadError(doc_id, where, "bad_text", "'text' is missing or not a string", raw_sha)
    if problem := text_problem(text, max_chars):
        return ReadError(doc_id, where, *problem, text_sha256(text), len(text))
    return article_from_metadata(doc_id, text, where, record, meta_source=where)


def article_from_metadata(
    doc_id: str, text: str, source: str, meta: Any, *, meta_source: str
) -> Article | ReadError:
    """Check `published`, `title` and `url`; other metadata keys are ignored."""

    def error(kind: str, message: str) -> ReadError:
        return ReadError(doc_id, meta_source, kind, message, text_sha256(text), len(text))

    if not isinstance(meta, dict):
        return error("bad_metadata", "metadata is not a JSON object")
    fields: dict[str, str | None] = {}
    for key in ("published", "title", "url"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            return error("bad_metadata", f"{key!r} must be a string or null, not {value!r}")
        fields[key] = value or None
    published = fields["published"]
    if published is not None and not is_publication_date(published):
        return error(
            "bad_date", f"'published' is {published!r}; expected YYYY-MM-DD or an ISO datetime"
        )
    return Article(doc_id, text, source, **fields)


def is_publication_date(value: str) -> bool:
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def decode_text(data: bytes) -> str | tuple[str, str]:
    """The UTF-8 text of a file, or `(error, message)` for binary and non-UTF-8 data."""
    if b"\x00" in data:
        return "binary", "file contains NUL bytes: binary data, not a text article"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "encoding", f"not UTF-8: {exc.reason} at byte {exc.start}"
    return text.removeprefix("\ufeff")


def text_problem(text: str, max_chars: int) -> tuple[str, str] | None:
    if not text.strip():
        return "empty", "article text is empty"
    if len(text) > max_chars:
        return "too_long", f"{len(text)} characters is over the limit of {max_chars}"
    return None


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bytes_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()
