from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main
from pipeline.config import restart_with_fixed_hash_seed
from pipeline.parse import load_model

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"
CORPUS_MULTI = REPO / "tests" / "corpus_multi"


def pytest_configure() -> None:
    """The tests run with the hash seed of the program (see `restart_with_fixed_hash_seed`),
    so that records made here and in the processes they start agree."""
    restart_with_fixed_hash_seed()


@pytest.fixture(scope="session")
def nlp():
    return load_model()


def write_article(folder: Path, stem: str, text: str | bytes, meta: Any = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.txt"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    if meta is not None:
        meta_text = meta if isinstance(meta, str) else json.dumps(meta)
        (folder / f"{stem}.meta.json").write_text(meta_text, encoding="utf-8")
    return path


def read_out(out: Path, name: str) -> list[dict[str, Any]]:
    with (out / name).open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]


@pytest.fixture
def run_cli(monkeypatch, capsys) -> Callable[..., tuple[int, str]]:
    """Run `whosaid ARGS…` in this process; returns (exit code, stderr)."""

    def run(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
        return code, capsys.readouterr().err

    return run


@pytest.fixture(scope="session")
def multi_out(tmp_path_factory) -> Path:
    """The pipeline's output for `tests/corpus_multi/`, made once a session: the speaker
    table, report and export tests read it."""
    out = tmp_path_factory.mktemp("corpus_multi_out")
    assert main(["extract", str(CORPUS_MULTI), "--out", str(out), "--no-progress"]) == 0
    return out
