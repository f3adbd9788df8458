"""Project-owned word lists and patterns in `models/`, read once per process."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
#: The first-name lists, the strongest evidence of a name's gender first.
FIRST_NAME_LISTS = ("first_names.tsv", "first_names_census.tsv", "first_names_world.tsv")
#: Letters that Unicode does not decompose into a base letter and an accent.
UNACCENTED = str.maketrans(
    {"ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "œ": "oe", "ı": "i"}
)


def read_lines(path: Path) -> list[str]:
    """Non-empty lines that are not `#` comments, stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def read_table(path: Path) -> list[list[str]]:
    """Tab-separated rows of a lexicon file, comments skipped."""
    return [line.split("\t") for line in read_lines(path)]


def read_patterns(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_lines(path)]


def first_names(folder: Path = MODELS_DIR) -> dict[str, str]:
    """Given names, as `given_name_key` spells them, and their usual gender (m/f); a name in
    more than one list keeps the gender of the first."""
    names: dict[str, str] = {}
    for list_name in FIRST_NAME_LISTS:
        for name, gender in read_table(folder / list_name):
            names.setdefault(name, gender)
    return names


def given_name_key(word: str) -> str:
    """A word as the first-name lists spell it: lower case, without accents ("Tomás" →
    "tomas", "Inés" → "ines", "Bjørn" → "bjorn")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(UNACCENTED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))
