"""End to end: the `extract` command over real inputs, with the real model."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from pipeline.entities import EntityStage
from pipeline.model_meta import find_model
from pipeline.parse import model_id
from pipeline.records import OUTPUT_FILES
from pipeline.runner import stages_to_run
from tests.conftest import REPO, SEEDS, read_out, write_article

CORPUS = REPO / "tests" / "corpus"

pytestmark = pytest.mark.slow

KIRBY = "John Kirby spoke on Monday. Kirby said the talks in Geneva had failed."
MILLER = "Matthew Miller told reporters in Washington that the NIS was wrong."


def jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def assert_valid_against_schema(out):
    for name in OUTPUT_FILES:
        schema_path = REPO / "schema" / (name.removesuffix(".jsonl") + ".schema.json")
        validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text()))
        for record in read_out(out, name):
            validator.validate(record)


def assert_offsets_index_the_text(out, texts):
    for record in read_out(out, "entities.jsonl"):
        for mention in record["mentions"]:
            text = texts[record["doc_id"]]
            assert text[mention["start"] : mention["end"]] == mention["text"]


def output_bytes(out):
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


def test_every_input_form_in_one_run(tmp_path, run_cli):
    folder = tmp_path / "articles"
    write_article(folder, "kirby", KIRBY, {"published": "2024-12-18", "title": "Talks"})
    jsonl_file = tmp_path / "more.jsonl"
    jsonl_file.write_bytes(jsonl({"id": "miller", "text": MILLER, "url": "http://x"}))
    putin = "Vladimir Putin visited Pyongyang in June."
    stdin = jsonl({"id": "stdin-1", "text": putin})
    out = tmp_path / "out"

    code, err = run_cli("extract", folder, jsonl_file, "-", "--out", out, stdin=stdin)

    assert code == 0, err
    documents = read_out(out, "documents.jsonl")
    assert [(d["doc_id"], d["status"]) for d in documents] == [
        ("kirby", "ok"),
        ("miller", "ok"),
        ("stdin-1", "ok"),
    ]
    assert documents[0]["published"] == "2024-12-18"
    assert documents[1]["url"] == "http://x"
    assert documents[2]["source"] == "<stdin>:1"
    entities = {(e["doc_id"], e["name"]): e for e in read_out(out, "entities.jsonl")}
    assert [m["text"] for m in entities["kirby", "John Kirby"]["mentions"]] == [
        "John Kirby",
        "Kirby",
    ]
    assert entities["stdin-1", "Vladimir Putin"]["label"] == "PERSON"
    dates = [
        (d["doc_id"], d["text"], d["value"], d["anchor"]) for d in read_out(out, "dates.jsonl")
    ]
    assert dates == [
        ("kirby", "Monday", "2024-12-16", "2024-12-18"),
        ("stdin-1", "June", "XXXX-06", None),
    ]
    for empty in ("quantities.jsonl", "errors.jsonl"):
        assert read_out(out, empty) == []
    said = {(q["doc_id"], q["speaker"]["name"]) for q in read_out(out, "quotes.jsonl")}
    assert said == {("kirby", "John Kirby"), ("miller", "Matthew Miller")}
    assert_valid_against_schema(out)
    assert_offsets_index_the_text(out, {"kirby": KIRBY, "miller": MILLER, "stdin-1": putin})


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path, run_cli):
    folder = tmp_path / "articles"
    write_article(folder, "good", KIRBY)
    write_article(folder, "empty", "")
    write_article(folder, "binary", b"\x00\x01\x02PK")
    write_article(folder, "latin1", "Caf\u00e9".encode("latin-1"))
    write_article(folder, "baddate", MILLER, {"published": "next Tuesday"})
    lines = tmp_path / "in.jsonl"
    lines.write_bytes(
        b'{"id": "broken", "text": \n'
        + jsonl({"id": "../../x", "text": "escape attempt"}, {"id": "ok2", "text": MILLER})
        + jsonl({"id": "long", "text": "word " * 100})
    )
    out = tmp_path / "out"

    code, err = run_cli("extract", folder, lines, "--out", out, "--max-chars", "300")

    assert code == 1
    errors = {e["doc_id"].removeprefix(f"{lines}:"): e for e in read_out(out, "errors.jsonl")}
    assert {k: e["error"] for k, e in errors.items()} == {
        "empty": "empty",
        "binary": "binary",
        "latin1": "encoding",
        "baddate": "bad_date",
        "1": "bad_json",
        "2": "bad_id",
        "long": "too_long",
    }
    assert all(e["stage"] == "read" and e["message"] for e in errors.values())
    for doc_id in ("empty", "binary", "latin1", "baddate", "long"):
        assert f"whosaid: failed: {doc_id}" in err
    status = {d["doc_id"]: d["status"] for d in read_out(out, "documents.jsonl")}
    assert status["good"] == status["ok2"] == "ok"
    assert {e["doc_id"] for e in read_out(out, "entities.jsonl")} == {"good", "ok2"}
    assert not (tmp_path.parent / "x").exists() and not list(tmp_path.rglob("x*"))
    assert_valid_against_schema(out)


def test_text_over_spacy_max_length_fails_in_parse(tmp_path, run_cli, nlp):
    lines = tmp_path / "in.jsonl"
    lines.write_bytes(
        jsonl({"id": "huge", "text": "a " * (nlp.max_length // 2 + 1)}, {"id": "ok", "text": KIRBY})
    )
    code, _ = run_cli("extract", lines, "--out", tmp_path / "out", "--max-chars", "5000000")
    assert code == 1
    [error] = read_out(tmp_path / "out", "errors.jsonl")
    assert (error["doc_id"], error["stage"]) == ("huge", "parse")
    assert "E088" in error["message"]
    assert [e["doc_id"] for e in read_out(tmp_path / "out", "entities.jsonl")] == ["ok"] * 2


def test_a_failing_stage_names_the_stage(tmp_path, run_cli, monkeypatch):
    real_call = EntityStage.__call__

    def flaky(self, doc, article):
        if article.doc_id == "miller":
            raise RuntimeError("boom")
        return real_call(self, doc, article)

    monkeypatch.setattr(EntityStage, "__call__", flaky)
    folder = tmp_path / "articles"
    write_article(folder, "kirby", KIRBY)
    write_article(folder, "miller", MILLER)
    code, _ = run_cli("extract", folder, "--out", tmp_path / "out")
    assert code == 1
    [error] = read_out(tmp_path / "out", "errors.jsonl")
    assert (error["doc_id"], error["stage"], error["error"]) == (
        "miller",
        "entities",
        "RuntimeError",
    )
    assert {e["doc_id"] for e in read_out(tmp_path / "out", "entities.jsonl")} == {"kirby"}


def test_rerun_is_byte_identical_and_matches_a_fresh_run(tmp_path, run_cli):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert run_cli("extract", SEEDS, "--out", out)[0] == 0
    first = output_bytes(out)
    assert run_cli("extract", SEEDS, "--out", out, "--force")[0] == 0
    assert output_bytes(out) == first
    assert run_cli("extract", SEEDS, "--out", out)[0] == 0  # from the manifest
    assert output_bytes(out) == first
    assert run_cli("extract", SEEDS, "--out", fresh)[0] == 0
    assert output_bytes(fresh) == first


def test_incremental_skip_redo_add_and_force(tmp_path, run_cli):
    folder, out = tmp_path / "articles", tmp_path / "out"
    write_article(folder, "kirby", KIRBY)
    write_article(folder, "miller", MILLER)
    run_cli("extract", folder, "--out", out)

    write_article(folder, "miller", MILLER.replace("Washington", "Seoul"))
    write_article(folder, "putin", "Vladimir Putin visited Pyongyang.")
    code, err = run_cli("extract", folder, "--out", out)

    assert code == 0
    assert "3 articles: 2 processed, 1 unchanged, 0 failed" in err
    names = {(e["doc_id"], e["name"]) for e in read_out(out, "entities.jsonl")}
    assert ("miller", "Seoul") in names and ("miller", "Washington") not in names
    assert ("putin", "Vladimir Putin") in names
    _, err = run_cli("extract", folder, "--out", out, "--force")
    assert "3 articles: 3 processed, 0 unchanged, 0 failed" in err


def test_stage_reruns_from_the_parse_cache(tmp_path, run_cli, nlp, monkeypatch):
    out = tmp_path / "out"
    run_cli("extract", SEEDS, "--out", out)
    expected = (out / "entities.jsonl").read_bytes()
    (out / "entities.jsonl").unlink()
    (out / "documents.jsonl").write_text("untouched")

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("the model ran although the parse is cached")

    monkeypatch.setattr(nlp, "pipe", no_parsing)
    code, err = run_cli("extract", SEEDS, "--out", out, "--stage", "entities")

    assert code == 0, err
    assert (out / "entities.jsonl").read_bytes() == expected
    assert (out / "documents.jsonl").read_text() == "untouched"


def test_stages_bring_what_they_need():
    assert stages_to_run(["attribution"]) == ("parse", "entities", "attribution")
    assert stages_to_run(["quantities"]) == ("parse", "quantities")
    assert stages_to_run([]) == ("parse", "quantities", "dates", "entities", "attribution", "link")


def test_a_stage_alone_writes_what_it_writes_in_a_full_run(tmp_path, run_cli):
    """The entities stage corrects `doc.ents` in place; the stages that read the model's
    DATE and number entities must not see its changes (the link's `quote_id` aside)."""
    text = (
        "The ministry said on Tuesday that the past three months were the worst in a decade, "
        "and that about 3,000 soldiers had died in the last two weeks."
    )
    write_article(tmp_path / "in", "d1", text, {"published": "2024-12-18"})
    for stage in ("dates", "quantities"):
        full, alone = tmp_path / f"full-{stage}", tmp_path / f"alone-{stage}"
        assert run_cli("extract", tmp_path / "in", "--out", full)[0] == 0
        assert run_cli("extract", tmp_path / "in", "--out", alone, "--stage", stage)[0] == 0
        records = [r | {"quote_id": None} for r in read_out(full, f"{stage}.jsonl")]
        assert records, stage
        assert [r | {"quote_id": None} for r in read_out(alone, f"{stage}.jsonl")] == records
    dates = {d["text"]: d["value"] for d in read_out(tmp_path / "full-dates", "dates.jsonl")}
    assert dates["the past three months"] == "P3M"


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "no/such/folder", "--out", "o"],
        ["extract", "--out", "o"],
        ["extract", "x", "--out", "o", "--batch-size", "0"],
        ["extract", "x", "--out", "o", "--stage", "nope"],
        ["extract", "x", "--out", "o", "--jobs", "0"],
        ["extract", "x", "--out", "o", "--scheduler", "tcp://127.0.0.1:8786"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(run_cli, args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x").mkdir()
    code, err = run_cli(*args)
    assert code == 2
    assert "error" in err


def test_unknown_model_exits_2(run_cli, tmp_path):
    code, err = run_cli("extract", SEEDS, "--out", tmp_path / "o", "--model", "no_such_model")
    assert code == 2
    assert "no_such_model" in err


def test_progress_bar_on_request(run_cli, tmp_path):
    _, err = run_cli("extract", SEEDS, "--out", tmp_path / "o", "--progress")
    assert "whosaid: 100%" in err and "2/2" in err


def test_console_script_and_module_entry_points():
    whosaid = Path(sys.executable).parent / "whosaid"  # the script of the running venv
    for command in ([str(whosaid)], [sys.executable, "-m", "pipeline"]):
        result = subprocess.run([*command, "extract", "--help"], capture_output=True, text=True)
        assert result.returncode == 0
        assert "exit status: 0 all articles extracted" in result.stdout


def test_a_rerun_with_nothing_new_neither_imports_spacy_nor_loads_the_model(tmp_path, run_cli):
    out = tmp_path / "out"
    assert run_cli("extract", SEEDS, "--out", out)[0] == 0
    first = output_bytes(out)
    script = (
        "import sys; from pipeline.cli import main; "
        f"code = main(['extract', {str(SEEDS)!r}, '--out', {str(out)!r}]); "
        "print(code, 'spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.split() == ["0", "False"]
    assert "0 processed, 2 unchanged" in result.stderr
    assert output_bytes(out) == first


def test_the_model_id_is_known_without_loading_the_model(nlp):
    assert find_model(None).id == model_id(nlp)


@pytest.mark.slow
def test_a_killed_run_started_again_loses_nothing(tmp_path, run_cli):
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    articles = tmp_path / "articles.jsonl"
    articles.write_bytes(jsonl(*({"id": f"a{i:02d}", "text": t} for i, t in enumerate(texts * 2))))
    total = 2 * len(texts)
    killed, whole = tmp_path / "killed", tmp_path / "whole"
    command = [sys.executable, "-m", "pipeline", "extract", articles, "--out", killed]
    run = subprocess.Popen([*map(str, command), "--shard-size", "2"], cwd=REPO)
    entries = killed / ".whosaid" / "articles"
    deadline = time.monotonic() + 300
    while len(list(entries.glob("*/*.json"))) < 2 and run.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    finished = len(list(entries.glob("*/*.json")))
    assert 0 < finished < total, "the run was not killed half-way"

    code, err = run_cli("extract", articles, "--out", killed)

    assert code == 0, err
    assert f"{total - finished} processed, {finished} unchanged" in err
    assert run_cli("extract", articles, "--out", whole)[0] == 0
    assert output_bytes(killed) == output_bytes(whole)


def test_an_id_read_twice_keeps_the_first_article(tmp_path, run_cli):
    lines = tmp_path / "in.jsonl"
    lines.write_bytes(jsonl({"id": "kirby", "text": KIRBY}, {"id": "kirby", "text": MILLER}))
    code, _ = run_cli("extract", lines, "--out", tmp_path / "out")
    assert code == 1
    [error] = read_out(tmp_path / "out", "errors.jsonl")
    assert (error["doc_id"], error["error"]) == ("kirby", "duplicate_id")
    documents = read_out(tmp_path / "out", "documents.jsonl")
    assert [(d["doc_id"], d["status"]) for d in documents] == [("kirby", "ok"), ("kirby", "error")]
    names = {e["name"] for e in read_out(tmp_path / "out", "entities.jsonl")}
    assert "John Kirby" in names and "Matthew Miller" not in names


@pytest.mark.slow
def test_records_do_not_depend_on_the_hash_seed_the_program_is_started_with(tmp_path):
    """quantulum3 breaks ties between units in set order ("737 Max": megayear or a count);
    the program runs itself with one hash seed, so every start gives the same bytes."""
    write_article(
        tmp_path / "in",
        "jets",
        "The carrier parked its 737 Max planes. The firm paid 1,942 tax on the sale.",
    )
    outputs = []
    for seed in ("1", "4"):
        out = tmp_path / f"out{seed}"
        env = os.environ | {"PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "pipeline", "extract", str(tmp_path / "in")]
        subprocess.run([*command, "--out", str(out)], env=env, cwd=REPO, check=True)
        outputs.append((out / "quantities.jsonl").read_bytes())
    assert outputs[0] == outputs[1]
