import warnings
from pathlib import Path

import numpy
import pytest
from quantulum3 import classifier
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier

from pipeline.unit_classifier import check_same_scores, train
from pipeline.unit_scores import LinearScores, TfidfFeatures, logistic

TRAINING = [
    ("the pound fell against the dollar on currency markets", 0),
    ("sterling pound exchange rate bank of england", 0),
    ("a bag of flour weighing one pound at the bakery", 1),
    ("the baby weighed seven pound at birth", 1),
    ("a foot long sandwich from the deli", 2),
    ("the wall is ten foot high and made of brick", 2),
    ("markets traded the pound lower after the vote", 0),
    ("a pound of apples and a pound of pears", 1),
]
TEXTS = [
    "the pound pound pound rose on markets",
    "seven foot and one pound of flour",
    "nothing here is in the vocabulary, zebra",
    "",
]


@pytest.fixture(scope="module")
def trained() -> dict:
    texts, labels = zip(*TRAINING, strict=True)
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words=["the", "of", "a", "and"])
    matrix = vectorizer.fit_transform(texts)
    model = SGDClassifier(loss="log_loss", random_state=0).fit(matrix, labels)
    return {"tfidf_model": vectorizer, "clf": model}


@pytest.mark.parametrize("text", TEXTS)
def test_scores_equal_scikit_learns(trained: dict, text: str) -> None:
    expected = trained["clf"].predict_proba(trained["tfidf_model"].transform([text]))
    features = TfidfFeatures(trained["tfidf_model"]).transform([text])
    scores = LinearScores(trained["clf"]).predict_proba(features)
    assert scores.shape == expected.shape == (1, 3)
    numpy.testing.assert_allclose(scores, expected, rtol=0, atol=1e-12)


def test_features_are_the_tfidf_row(trained: dict) -> None:
    text = TEXTS[0]
    columns, weights = TfidfFeatures(trained["tfidf_model"]).transform([text])
    row = trained["tfidf_model"].transform([text])
    assert columns.tolist() == sorted(row.indices.tolist())
    numpy.testing.assert_allclose(weights, row.toarray()[0, columns], rtol=0, atol=1e-12)


def test_a_model_that_scores_differently_is_refused(trained: dict) -> None:
    stored = {
        "tfidf_model": TfidfFeatures(trained["tfidf_model"]),
        "clf": LinearScores(trained["clf"]),
    }
    check_same_scores(trained, stored, TEXTS)  # the faithful copy passes
    stored["clf"].intercept = stored["clf"].intercept[::-1].copy()
    with pytest.raises(RuntimeError, match="differently"):
        check_same_scores(trained, stored, TEXTS)


def test_logistic_is_scipys_expit_without_overflow() -> None:
    values = numpy.array([-800.0, -30.0, -1.5, 0.0, 2.0, 40.0, 800.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow in exp would be a RuntimeWarning
        found = logistic(values)
    numpy.testing.assert_allclose(found, expit(values), rtol=1e-15, atol=0)
    assert found[3] == 0.5 and found[-1] == 1.0 and found[0] == expit(-800.0)


def test_training_refuses_a_quantulum3_imported_without_scikit_learn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(classifier, "SGDClassifier", None)
    with pytest.raises(RuntimeError, match="without scikit-learn"):
        train(tmp_path / "units.joblib")
    assert not list(tmp_path.iterdir())
