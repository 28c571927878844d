"""Training workflows around :class:`TextClassifier`: cross-validation and learning from reviewers.

Contracts:

- :func:`cross_validate` scores a configuration by stratified k-fold cross-validation (features
  refitted inside every fold; texts are analysed once); it is how hyper-parameters are chosen.
- :func:`examples_from_reviews` turns dispatcher review decisions into training examples: every
  accepted proposal confirms its label, every correction supplies the corrected label; when the
  same message was reviewed more than once, the latest decision wins; decisions with an empty final
  label (e.g. escalated without a decision) are skipped.
- :func:`retrain_from_reviews` = earlier history + those examples → a freshly trained classifier.
  Both are pure functions of their arguments (no database, no files); the caller stores the model
  and records its ``model_version`` with every later suggestion.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from console.routing.learned.features import analyze
from console.routing.learned.metrics import accuracy, macro_f1
from console.routing.learned.model import ClassifierConfig, TextClassifier, fold_assignment
from console.routing.learned.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class CVReport:
    """Cross-validation figures: pooled out-of-fold accuracy and macro-F1, per-fold accuracies."""

    folds: int
    n: int
    accuracy: float
    macro_f1: float
    fold_accuracy: tuple[float, ...]
    seconds: float

    def as_dict(self) -> dict[str, object]:
        return {
            "folds": self.folds,
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "fold_accuracy": [round(a, 4) for a in self.fold_accuracy],
            "seconds": round(self.seconds, 1),
        }


def cross_validate(
    texts: Sequence[str],
    labels: Sequence[str],
    titles: Sequence[str | None] | None = None,
    *,
    folds: int = 5,
    seed: int = 0,
    config: ClassifierConfig | None = None,
) -> CVReport:
    """Stratified ``folds``-fold cross-validation of a configuration; pooled out-of-fold figures."""
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    started = time.perf_counter()
    docs = analyze(texts, titles)
    gold = [label.strip() for label in labels]
    assign = fold_assignment(gold, folds, seed)
    predicted: list[str] = [""] * len(gold)
    per_fold = []
    for f in range(folds):
        train_idx = np.flatnonzero(assign != f)
        test_idx = np.flatnonzero(assign == f)
        model = TextClassifier(config)
        train_labels = [gold[i] for i in train_idx]
        model._fit_docs([docs[i] for i in train_idx], train_labels, sorted(set(train_labels)))
        scores = model._scores([docs[i] for i in test_idx])
        for i, j in zip(test_idx, scores.argmax(axis=1), strict=True):
            predicted[i] = model.labels[j]
        per_fold.append(accuracy([gold[i] for i in test_idx], [predicted[i] for i in test_idx]))
    return CVReport(
        folds=folds,
        n=len(gold),
        accuracy=accuracy(gold, predicted),
        macro_f1=macro_f1(gold, predicted),
        fold_accuracy=tuple(per_fold),
        seconds=time.perf_counter() - started,
    )


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    """One dispatcher decision on a routed message.

    ``proposed`` is the label the router suggested (``None`` if none); ``final`` the label the
    dispatcher accepted or chose instead (empty when the review ended without one). ``accepted`` is
    true when ``final`` is the proposal. ``decided_at`` orders decisions (any sortable value, e.g.
    an ISO timestamp or a sequence number); ``reason`` is the correction's stated reason.
    """

    text: str
    final: str
    title: str | None = None
    proposed: str | None = None
    accepted: bool = False
    decided_at: str | int | float = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class TrainingExamples:
    """Parallel lists ready for :meth:`TextClassifier.fit`."""

    texts: list[str]
    titles: list[str | None]
    labels: list[str]

    def __len__(self) -> int:
        return len(self.texts)


def examples_from_reviews(decisions: Iterable[ReviewDecision]) -> TrainingExamples:
    """Training examples from review decisions (latest decision per normalised message wins)."""
    latest: dict[str, tuple[int, ReviewDecision]] = {}
    ordered = sorted(enumerate(decisions), key=lambda item: (item[1].decided_at, item[0]))
    for position, d in ordered:
        label = (d.final or "").strip()
        if not label:
            continue
        key = normalize_text(d.title) + "\x1f" + normalize_text(d.text)
        latest.pop(key, None)  # keep insertion order = order of the winning decisions
        latest[key] = (position, d)
    chosen = [d for _, d in latest.values()]
    return TrainingExamples(
        texts=[d.text for d in chosen],
        titles=[d.title for d in chosen],
        labels=[d.final.strip() for d in chosen],
    )


def retrain_from_reviews(
    decisions: Iterable[ReviewDecision],
    history: TrainingExamples | None = None,
    config: ClassifierConfig | None = None,
) -> TextClassifier:
    """Train a new classifier on ``history`` plus the reviewed examples; returns it (unsaved).

    A reviewed message that also appears in ``history`` takes the reviewer's label (reviews are the
    newer truth). Raises ``ValueError`` when the union has fewer than two distinct labels."""
    reviewed = examples_from_reviews(decisions)
    reviewed_keys = {
        normalize_text(t) + "\x1f" + normalize_text(x) for t, x in zip(reviewed.titles, reviewed.texts, strict=True)
    }
    texts: list[str] = []
    titles: list[str | None] = []
    labels: list[str] = []
    if history is not None:
        for text, title, label in zip(history.texts, history.titles, history.labels, strict=True):
            if normalize_text(title) + "\x1f" + normalize_text(text) in reviewed_keys:
                continue
            texts.append(text)
            titles.append(title)
            labels.append(label)
    texts += reviewed.texts
    titles += reviewed.titles
    labels += reviewed.labels
    return TextClassifier(config).fit(texts, labels, titles)
