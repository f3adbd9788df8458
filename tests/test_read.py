from __future__ import annotations

import io
import json

import pytest

from pipeline.read import (
    Article,
    InputError,
    ReadError,
    check_inputs,
    iter_articles,
    read_jsonl_stream,
)
from tests.conftest import write_article

MAX = 1_000_000


def read_all(*inputs, max_chars=MAX):
    return list(iter_articles([str(i) for i in inputs], max_chars=max_chars))


def test_folder_with_sidecar(tmp_path):
    write_article(tmp_path, "b", "Second.", {"published": "2024-12-18", "title": "T", "x": 1})
    write_article(tmp_path, "a", "First article.")
    (tmp_path / "notes.md").write_text("not an article")
    articles = read_all(tmp_path)
    assert [a.doc_id for a in articles] == ["a", "b"]
    assert articles[0] == Article("a", "First article.", str(tmp_path / "a.txt"))
    assert (articles[1].published, articles[1].title, articles[1].url) == ("2024-12-18", "T", None)


def test_folder_reads_its_jsonl_files_in_name_order(tmp_path):
    write_article(tmp_path, "b", "From a text file.")
    (tmp_path / "a_batch.jsonl").write_text('{"id": "j1", "text": "From a batch."}\n')
    (tmp_path / "c_batch.jsonl").write_text('{"id": "j2", "text": "From another."}\n')
    (tmp_path / ".hidden.txt").write_text("An editor's backup.")
    articles = read_all(tmp_path)
    assert [(a.doc_id, a.text) for a in articles] == [
        ("j1", "From a batch."),
        ("b", "From a text file."),
        ("j2", "From another."),
    ]


def test_jsonl_file_keeps_text_exactly(tmp_path):
    text = "Line one.\r\nLine “two”.\n"
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "text": text, "published": "2024-01-02T10:00:00+00:00", "k": 0})
        + "\n\n",
        encoding="utf-8",
    )
    [article] = read_all(path)
    assert article.text == text
    assert article.published == "2024-01-02T10:00:00+00:00"
    assert article.source == f"{path}:1"


def test_stdin_stream():
    stream = io.BytesIO(b'{"id": "s1", "text": "Hello."}\n{"id": "s2", "text": "Bye."}\n')
    articles = list(read_jsonl_stream(stream, "<stdin>", max_chars=MAX))
    assert [(a.doc_id, a.source) for a in articles] == [("s1", "<stdin>:1"), ("s2", "<stdin>:2")]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Caf\u00e9 au lait".encode("latin-1"), "encoding"),
    ],
)
def test_bad_txt_files_become_errors(tmp_path, data, error):
    write_article(tmp_path, "bad", data)
    write_article(tmp_path, "good", "A fine article.")
    bad, good = read_all(tmp_path)
    assert isinstance(bad, ReadError)
    assert (bad.doc_id, bad.error) == ("bad", error)
    assert len(bad.sha256) == 64
    assert isinstance(good, Article)


def test_too_long_text(tmp_path):
    write_article(tmp_path, "long", "word " * 30)
    [error] = read_all(tmp_path, max_chars=100)
    assert error.error == "too_long"
    assert "150 characters" in error.message


def test_huge_file_is_refused_without_decoding(tmp_path):
    write_article(tmp_path, "huge", b"\xff" * 500)  # not UTF-8, but never read as text
    [error] = read_all(tmp_path, max_chars=100)
    assert error.error == "too_long"


@pytest.mark.parametrize(
    ("meta", "error"),
    [
        ({"published": "18/12/2024"}, "bad_date"),
        ({"published": "2024-02-30"}, "bad_date"),
        ({"published": 20241218}, "bad_metadata"),
        ("{not json", "bad_metadata"),
        ("[1, 2]", "bad_metadata"),
    ],
)
def test_bad_metadata(tmp_path, meta, error):
    write_article(tmp_path, "a", "Text.", meta)
    [item] = read_all(tmp_path)
    assert isinstance(item, ReadError)
    assert (item.doc_id, item.error) == ("a", error)


@pytest.mark.parametrize(
    ("line", "doc_id", "error"),
    [
        (b'{"id": "a", "text": ', "in.jsonl:1", "bad_json"),
        (b"[1, 2]", "in.jsonl:1", "bad_json"),
        (b'{"text": "no id"}', "in.jsonl:1", "bad_id"),
        (b'{"id": "../../x", "text": "escape"}', "in.jsonl:1", "bad_id"),
        (b'{"id": "a/b", "text": "slash"}', "in.jsonl:1", "bad_id"),
        (b'{"id": "a", "text": 5}', "a", "bad_text"),
        (b'{"id": "a", "text": "t", "published": "yesterday"}', "a", "bad_date"),
        (b'{"id": "a", "text": "t", "title": ["x"]}', "a", "bad_metadata"),
        (b'{"id": "a", "text": "\xff"}', "in.jsonl:1", "bad_json"),
    ],
)
def test_bad_jsonl_lines(tmp_path, line, doc_id, error):
    path = tmp_path / "in.jsonl"
    path.write_bytes(line + b'\n{"id": "ok", "text": "Fine."}\n')
    bad, good = read_all(path)
    assert isinstance(bad, ReadError)
    assert (bad.doc_id.replace(str(tmp_path) + "/", ""), bad.error) == (doc_id, error)
    assert good.doc_id == "ok"


def test_duplicate_ids(tmp_path):
    write_article(tmp_path / "f", "a", "From the folder.")
    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "From JSONL."}\n')
    first, second = read_all(tmp_path / "f", tmp_path / "in.jsonl")
    assert first.text == "From the folder."
    assert isinstance(second, ReadError)
    assert (second.error, second.n_chars) == ("duplicate_id", len("From JSONL."))


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="nope"):
        check_inputs([str(tmp_path / "nope"), "-"])
