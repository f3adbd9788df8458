"""Project-owned word lists and patterns in `models/`, read once per process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def read_lines(path: Path) -> list[str]:
    """Non-empty lines that are not `#` comments, stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def read_table(path: Path) -> list[list[str]]:
    """Tab-separated rows of a lexicon file, comments skipped."""
    return [line.split("\t") for line in read_lines(path)]


def read_patterns(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_lines(path)]
