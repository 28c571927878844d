"""Classification figures: accuracy, macro-F1 and per-label precision / recall / F1.

Contract: pure functions of two equally long label sequences; a label that is never predicted
and never true does not exist for them; precision of a label never predicted is 0 (as is F1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LabelFigures:
    """Precision, recall, F1 and support (number of true cases) of one label."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int


def _check(gold: Sequence[str], predicted: Sequence[str]) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of exact matches; 0.0 for empty input."""
    _check(gold, predicted)
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0


def per_label(gold: Sequence[str], predicted: Sequence[str]) -> list[LabelFigures]:
    """Figures for every label that is true or predicted at least once, sorted by label."""
    _check(gold, predicted)
    labels = sorted(set(gold) | set(predicted))
    out = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        n_pred = sum(p == label for p in predicted)
        n_true = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_true if n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out.append(LabelFigures(label, precision, recall, f1, n_true))
    return out


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean F1 over every label true or predicted at least once (scikit-learn's
    ``f1_score(average="macro")``); 0.0 for empty input."""
    figures = per_label(gold, predicted)
    return sum(f.f1 for f in figures) / len(figures) if figures else 0.0
