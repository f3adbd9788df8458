"""Train quantulum3's unit classifier with the installed (pinned) scikit-learn.

quantulum3 ships its classifier as a pickle of an old scikit-learn that newer releases cannot
load, so `make` retrains it from quantulum3's own training set into `models/` (a build
artefact, not committed; about 10 s). Training is deterministic: the SGD classifier has a fixed
seed, and it runs with the pipeline's hash seed (`config.HASH_SEED`, which the Makefile
exports) so that quantulum3's set of target names comes out in the same order.

What is stored is not the scikit-learn objects but `unit_scores`' plain copies of what
prediction needs of them; training refuses to store a model whose scores differ from
scikit-learn's on quantulum3's training texts.

    python -m pipeline.unit_classifier [--out models/quantulum3_units.joblib]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import joblib
import numpy
from quantulum3 import classifier, load

from .config import HASH_SEED
from .quantities import CLASSIFIER_PATH
from .quantity_parser import LANG
from .unit_scores import LinearScores, TfidfFeatures

#: The largest difference allowed between a stored score and scikit-learn's.
SCORE_TOLERANCE = 1e-9


def train(out: Path) -> None:
    """Write the classifier to `out` atomically (a half-written model is never loaded)."""
    if classifier.SGDClassifier is None:
        raise RuntimeError(
            "quantulum3 was imported without scikit-learn (pipeline.quantity_parser): "
            "train in a process of its own, `python -m pipeline.unit_classifier`"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    trained = classifier.train_classifier(store=False, n_jobs=1, lang=LANG)
    stored = {
        **trained,
        "tfidf_model": TfidfFeatures(trained["tfidf_model"]),
        "clf": LinearScores(trained["clf"]),
    }
    texts = [classifier.clean_text(example["text"], LANG) for example in load.training_set(LANG)]
    check_same_scores(trained, stored, texts)
    partial = out.with_suffix(".partial")
    joblib.dump(stored, partial)
    os.replace(partial, out)


def check_same_scores(trained: dict[str, Any], stored: dict[str, Any], texts: list[str]) -> None:
    """Raise if the stored model scores any text differently from scikit-learn's."""
    for text in texts:
        expected = trained["clf"].predict_proba(trained["tfidf_model"].transform([text]))
        scores = stored["clf"].predict_proba(stored["tfidf_model"].transform([text]))
        same_order = numpy.array_equal(ranking(scores), ranking(expected))
        if not same_order or not numpy.allclose(scores, expected, rtol=0, atol=SCORE_TOLERANCE):
            raise RuntimeError(f"the stored unit classifier scores {text[:60]!r} differently")


def ranking(scores: numpy.ndarray) -> numpy.ndarray:
    """The classes from the highest score to the lowest, as quantulum3 sorts them."""
    return numpy.argsort(-scores[0], kind="stable")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=CLASSIFIER_PATH)
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        print(
            f"warning: PYTHONHASHSEED is not {HASH_SEED}; the label order may differ",
            file=sys.stderr,
        )
    train(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
