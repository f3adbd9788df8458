"""The engines: a process pool and Dask write the bytes that one process writes."""

from __future__ import annotations

import sys
from pathlib import Path

import distributed
import pytest

from pipeline.config import Config, ShardSpec
from pipeline.engines import DaskEngine
from pipeline.model_meta import SetupError, find_model
from pipeline.read import Article
from pipeline.records import OUTPUT_FILES
from tests.conftest import REPO, SEEDS

CORPUS = REPO / "tests" / "corpus"


def output_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> dict[str, bytes]:
    """The seeds and the test corpus, extracted in this process."""
    from pipeline.cli import main

    out = tmp_path_factory.mktemp("one-process")
    assert main(["extract", str(SEEDS), str(CORPUS), "--out", str(out), "--no-progress"]) == 0
    return output_bytes(out)


@pytest.mark.slow
def test_two_processes_write_the_bytes_of_one(tmp_path, run_cli, one_process):
    out = tmp_path / "out"
    code, err = run_cli("extract", SEEDS, CORPUS, "--out", out, "--jobs", "2", "--shard-size", "3")
    assert code == 0, err
    n = len(list(SEEDS.glob("*.txt"))) + len(list(CORPUS.glob("*.txt")))
    assert f"{n} articles: {n} processed" in err
    assert output_bytes(out) == one_process


@pytest.mark.slow
def test_a_dask_cluster_writes_the_bytes_of_one_process(tmp_path, run_cli, one_process):
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        out = tmp_path / "out"
        code, err = run_cli(
            "extract", SEEDS, CORPUS, "--out", out, "--engine", "dask",
            "--scheduler", cluster.scheduler_address, "--shard-size", "4",
        )  # fmt: skip
    assert code == 0, err
    assert output_bytes(out) == one_process


@pytest.mark.slow
def test_a_local_dask_cluster_is_started_when_no_scheduler_is_named(tmp_path, run_cli):
    out, local = tmp_path / "dask", tmp_path / "local"
    code, err = run_cli("extract", SEEDS, "--out", out, "--engine", "dask", "--jobs", "1")
    assert code == 0, err
    assert run_cli("extract", SEEDS, "--out", local)[0] == 0
    assert output_bytes(out) == output_bytes(local)


def test_the_dask_engine_without_dask_is_a_setup_error(tmp_path, run_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    with pytest.raises(SetupError, match="dask extra"):
        DaskEngine()
    code, err = run_cli("extract", SEEDS, "--out", tmp_path / "o", "--engine", "dask")
    assert code == 2
    assert "pip install '.[dask]'" in err


@pytest.mark.slow
def test_a_worker_with_another_pipeline_refuses_the_shard(tmp_path):
    from pipeline.shard import WorkerMismatch, process_shard

    spec = ShardSpec(
        config=Config(),
        model=find_model(None).name,
        fingerprint="the runner's, from other code",
        state_dir=tmp_path,
        stages=("parse",),
    )
    with pytest.raises(WorkerMismatch, match="same installation"):
        process_shard([Article("a", "Kirby said so.", "test")], spec)
