"""Fixtures for the learned classifier: a small, label-balanced slice of taidi2020 ``train.csv``
(read from ../shared, never copied into the project) and one model trained on it per session."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.routing.learned import ClassifierConfig, TextClassifier


def _shared_dir() -> Path:
    """``$DISPATCH_SHARED``, else ``../shared`` beside the checkout, else the workplace's ``/work/shared``."""
    candidates = [Path(os.environ["DISPATCH_SHARED"])] if os.environ.get("DISPATCH_SHARED") else []
    candidates += [Path(__file__).resolve().parents[3] / "shared", Path("/work/shared")]
    return next((c for c in candidates if c.is_dir()), candidates[0])


DATA = _shared_dir() / "datasets" / "taidi2020"
PER_LABEL_TRAIN = 70
PER_LABEL_HELD_OUT = 15


@dataclass(frozen=True)
class Slice:
    texts: list[str]
    titles: list[str]
    labels: list[str]


@dataclass(frozen=True)
class Slices:
    train: Slice
    held_out: Slice


@pytest.fixture(scope="session")
def taidi_slices() -> Slices:
    path = DATA / "train.csv"
    if not path.is_file():
        pytest.skip(f"taidi2020 data not found at {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen: dict[str, int] = {}
    train: list[dict[str, str]] = []
    held: list[dict[str, str]] = []
    for row in rows:
        k = seen.get(row["label"], 0)
        seen[row["label"]] = k + 1
        if k < PER_LABEL_TRAIN:
            train.append(row)
        elif k < PER_LABEL_TRAIN + PER_LABEL_HELD_OUT:
            held.append(row)

    def make(part: list[dict[str, str]]) -> Slice:
        return Slice([r["text"] for r in part], [r["title"] for r in part], [r["label"] for r in part])

    return Slices(make(train), make(held))


@pytest.fixture(scope="session")
def small_model(taidi_slices: Slices) -> TextClassifier:
    s = taidi_slices.train
    return TextClassifier(ClassifierConfig(calibration_folds=3)).fit(s.texts, s.labels, s.titles)
