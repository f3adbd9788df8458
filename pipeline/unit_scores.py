"""Unit classifier scores as quantulum3 asks for them, without scikit-learn's checks.

quantulum3 disambiguates a unit ("pound": weight or currency) with
`clf.predict_proba(tfidf_model.transform([text]))`. scikit-learn checks its input on every
call, which took more than half of the time of a prediction. `pipeline.unit_classifier`
stores these two classes in its place: the vocabulary, idf weights and stop words of the
tf-idf model and the weights of the linear model, with the same arithmetic.
"""

from __future__ import annotations

import collections
import re
from typing import Any

import numpy

Features = tuple[numpy.ndarray, numpy.ndarray]


class TfidfFeatures:
    """`TfidfVectorizer.transform` (word tokens, lower case, sublinear tf, idf, l2 norm) of a
    single text, as its vocabulary columns in ascending order and their weights."""

    def __init__(self, vectorizer: Any) -> None:
        self.token = re.compile(vectorizer.token_pattern)
        self.stop_words = frozenset(vectorizer.get_stop_words() or ())
        self.vocabulary: dict[str, int] = dict(vectorizer.vocabulary_)
        self.idf = numpy.asarray(vectorizer.idf_, dtype=numpy.float64)

    def transform(self, texts: list[str]) -> Features:
        (text,) = texts  # quantulum3 asks for one text at a time
        words = (word for word in self.token.findall(text.lower()) if word not in self.stop_words)
        counts = collections.Counter(
            self.vocabulary[word] for word in words if word in self.vocabulary
        )
        columns = numpy.array(sorted(counts), dtype=numpy.intp)
        tf = numpy.array([counts[column] for column in columns.tolist()], dtype=numpy.float64)
        weights = (numpy.log(tf) + 1.0) * self.idf[columns]
        norm = numpy.sqrt(numpy.dot(weights, weights))
        return columns, weights / norm if norm else weights


class LinearScores:
    """`SGDClassifier.predict_proba` for the log loss with more than two classes: the logistic
    of each class's decision value, normalised to sum to one."""

    def __init__(self, model: Any) -> None:
        self.weights = numpy.ascontiguousarray(model.coef_.T)  # one row per feature
        self.intercept = numpy.asarray(model.intercept_, dtype=numpy.float64)

    def predict_proba(self, features: Features) -> numpy.ndarray:
        columns, weights = features
        decision = weights @ self.weights[columns] + self.intercept
        probabilities = logistic(decision)
        return (probabilities / probabilities.sum())[numpy.newaxis, :]


def logistic(values: numpy.ndarray) -> numpy.ndarray:
    """scipy's `expit` (within a unit in the last place) without importing scipy, 0.1 s of
    start-up: 1 / (1 + e^-x), written as e^x / (1 + e^x) for negative x, where e^-x could
    overflow."""
    exp = numpy.exp(-numpy.abs(values))
    return numpy.where(values >= 0, 1.0 / (1.0 + exp), exp / (1.0 + exp))
