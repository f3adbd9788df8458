"""Run configuration and the pipeline fingerprint that keys the incremental cache."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from . import __version__
from .lexicon import MODELS_DIR

PACKAGE_DIR = Path(__file__).resolve().parent
#: Libraries whose versions change what the pipeline writes. scikit-learn and quantulum3
#: decide the unit classifier built at setup, so the built file itself is not hashed; inflect
#: makes quantulum3's plurals.
VERSIONED_LIBRARIES = ("spacy", "dateparser", "quantulum3", "inflect", "scikit-learn", "pydantic")
#: The PYTHONHASHSEED every process runs with: quantulum3 breaks ties between units in the
#: order of a set of strings, so records depend on it. The command line and the tests set it;
#: Dask's nanny starts its workers with this same seed; a worker started with another one has
#: another fingerprint and refuses its shards.
HASH_SEED = "6640"
#: Files in `models/` built at setup rather than written by hand (see `.gitignore`).
BUILT_FILES = ("*.joblib", "*.partial")


@dataclass(frozen=True)
class Config:
    model: str | None = None
    max_chars: int = 1_000_000
    batch_size: int = 16
    #: Articles per shard: the unit of work of a process or a Dask task, and the most a killed
    #: run can lose per worker. Shards do not change the output.
    shard_size: int = 16
    force: bool = False
    progress: bool | None = None  # None: a bar when stderr is a terminal
    stages: tuple[str, ...] = field(default=())  # () runs everything and writes every file

    def output_options(self) -> dict[str, object]:
        """The options that change the records (not speed or display)."""
        return {"model": self.model, "max_chars": self.max_chars, "stages": self.stages}


@dataclass(frozen=True)
class ShardSpec:
    """What a worker needs to process a shard, besides its articles: plain, picklable data."""

    config: Config
    #: The name the model loads by, found by the runner, so that every worker loads the same.
    model: str
    #: The fingerprint the runner keys the manifest by; a worker checks it has the same.
    fingerprint: str
    #: `OUT/.whosaid`, absolute: workers keep the parse cache under it.
    state_dir: Path
    #: The stages to run, with what they need, in pipeline order.
    stages: tuple[str, ...]


def code_digest() -> str:
    """sha256 over the package source and the project lexicons in `models/`."""
    digest = hashlib.sha256()
    lexicons = (
        path
        for path in MODELS_DIR.rglob("*")
        if path.is_file() and not any(path.match(pattern) for pattern in BUILT_FILES)
    )
    files = sorted(PACKAGE_DIR.glob("*.py")) + sorted(lexicons)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def restart_with_fixed_hash_seed() -> None:
    """Start this program again with PYTHONHASHSEED set to `HASH_SEED`, unless it has it.

    quantulum3 breaks ties between units ("737 Max": megayear or a count) in the order of a
    set of strings, which hash randomisation changes from process to process. With one seed
    the records are the same on every run and in every process, which inherit it.
    """
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        os.environ["PYTHONHASHSEED"] = HASH_SEED
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


def fingerprint(config: Config, model_id: str) -> str:
    """Everything but the text that decides an article's records, the process's hash seed
    included (see `HASH_SEED`)."""
    parts = {
        "hash_seed": os.environ.get("PYTHONHASHSEED"),
        "pipeline": __version__,
        "code": code_digest(),
        "model": model_id,
        "libraries": {name: version(name) for name in VERSIONED_LIBRARIES},
        "options": config.output_options(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
