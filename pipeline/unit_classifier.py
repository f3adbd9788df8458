"""Train quantulum3's unit classifier with the installed (pinned) scikit-learn.

quantulum3 ships its classifier as a pickle of an old scikit-learn that newer releases cannot
load, so `make` retrains it from quantulum3's own training set into `models/` (a build
artefact, not committed; about 10 s). Training is deterministic: the SGD classifier has a fixed
seed, and it runs with the pipeline's hash seed (`config.HASH_SEED`, which the Makefile
exports) so that quantulum3's set of target names comes out in the same order.

    python -m pipeline.unit_classifier [--out models/quantulum3_units.joblib]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import joblib
import numpy
from quantulum3 import classifier

from .config import HASH_SEED
from .quantities import CLASSIFIER_PATH


def train(out: Path) -> None:
    """Write the classifier to `out` atomically (a half-written model is never loaded)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    classifier.train_classifier(store=True, n_jobs=1, output_path=str(partial))
    store_weights_for_prediction(partial)
    os.replace(partial, out)


def store_weights_for_prediction(path: Path) -> None:
    """Keep the weights column-major. scikit-learn predicts with `X @ coef_.T`, and scipy
    copies a C-ordered `coef_.T` (68 units × 36,570 features) on every call: 6 ms a
    prediction instead of 0.1 ms. The values, and so the predictions, do not change."""
    model = joblib.load(path)
    model["clf"].coef_ = numpy.asfortranarray(model["clf"].coef_)
    joblib.dump(model, path)


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
