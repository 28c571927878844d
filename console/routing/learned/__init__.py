"""Learned auto-routing: a supervised text classifier trained on reviewed history.

Public API (no Qt, no database):

- :class:`TextClassifier` — ``fit`` / ``predict_proba`` (ranked, calibrated) / ``predict`` /
  ``save`` / ``load``; ``model_version`` to record with each suggestion.
- :class:`ClassifierConfig` — hyper-parameters (defaults chosen by cross-validation).
- :class:`ModelFormatError` — a model file of another format or format version.
- :func:`cross_validate` / :class:`CVReport` — k-fold figures for a configuration.
- :class:`ReviewDecision`, :func:`examples_from_reviews`, :func:`retrain_from_reviews` — learning
  from dispatchers' accept / correct decisions.
- :func:`read_labelled_csv` / :class:`DatasetError` — labelled CSV input with precise errors.
- :func:`accuracy`, :func:`macro_f1`, :func:`per_label` — figures.
"""

from __future__ import annotations

from console.routing.learned.data import DatasetError, LabelledRows, read_labelled_csv
from console.routing.learned.metrics import LabelFigures, accuracy, macro_f1, per_label
from console.routing.learned.model import (
    FORMAT_VERSION,
    ClassifierConfig,
    LabelProbability,
    ModelFormatError,
    NotFittedError,
    TextClassifier,
)
from console.routing.learned.normalize import normalize_text
from console.routing.learned.training import (
    CVReport,
    ReviewDecision,
    TrainingExamples,
    cross_validate,
    examples_from_reviews,
    retrain_from_reviews,
)

__all__ = [
    "FORMAT_VERSION",
    "CVReport",
    "ClassifierConfig",
    "DatasetError",
    "LabelFigures",
    "LabelProbability",
    "LabelledRows",
    "ModelFormatError",
    "NotFittedError",
    "ReviewDecision",
    "TextClassifier",
    "TrainingExamples",
    "accuracy",
    "cross_validate",
    "examples_from_reviews",
    "macro_f1",
    "normalize_text",
    "per_label",
    "read_labelled_csv",
    "retrain_from_reviews",
]
