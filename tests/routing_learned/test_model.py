"""TextClassifier: training, ranked calibrated probabilities, persistence and its format check."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from console.routing.learned import (
    ClassifierConfig,
    ModelFormatError,
    NotFittedError,
    TextClassifier,
    accuracy,
)
from console.routing.learned.model import FORMAT_VERSION


def test_small_slice_learns_the_categories(small_model: TextClassifier, taidi_slices) -> None:
    held = taidi_slices.held_out
    predicted = small_model.predict(held.texts, held.titles)
    assert len(small_model.labels) == 7
    assert accuracy(held.labels, predicted) >= 0.7


def test_probabilities_are_ranked_and_sum_to_one(small_model: TextClassifier, taidi_slices) -> None:
    held = taidi_slices.held_out
    ranked = small_model.predict_proba(held.texts[:20], held.titles[:20])
    for candidates in ranked:
        probs = [c.probability for c in candidates]
        assert sorted(c.label for c in candidates) == sorted(small_model.labels)
        assert probs == sorted(probs, reverse=True)
        assert all(0.0 <= p <= 1.0 for p in probs)
        assert sum(probs) == pytest.approx(1.0, abs=1e-9)
    top3 = small_model.predict_proba(held.texts[:3], held.titles[:3], top_k=3)
    assert all(len(c) == 3 for c in top3)
    assert [c[0].label for c in top3] == small_model.predict(held.texts[:3], held.titles[:3])


def test_metadata_records_version_and_training_size(small_model: TextClassifier, taidi_slices) -> None:
    meta = small_model.metadata
    assert meta["training_size"] == len(taidi_slices.train.texts)
    assert meta["format_version"] == FORMAT_VERSION
    digest, stamp = small_model.model_version.split("-")
    assert len(digest) == 12 and stamp.endswith("Z")
    assert meta["train_s"] > 0
    assert meta["calibration"]["temperature"] > 0


def test_save_load_round_trip_gives_identical_predictions(
    small_model: TextClassifier, taidi_slices, tmp_path: Path
) -> None:
    held = taidi_slices.held_out
    path = small_model.save(tmp_path / "model.npz")
    assert path == tmp_path / "model.npz" and path.is_file()
    loaded = TextClassifier.load(path)
    assert loaded.model_version == small_model.model_version
    assert loaded.labels == small_model.labels
    assert loaded.metadata["training_size"] == small_model.metadata["training_size"]
    np.testing.assert_array_equal(
        loaded.probability_matrix(held.texts, held.titles), small_model.probability_matrix(held.texts, held.titles)
    )
    with np.load(path, allow_pickle=False) as archive:  # plain arrays only: no pickled objects
        assert "meta" in archive.files


def _rewrite_meta(src: Path, dst: Path, **changes: object) -> None:
    with np.load(src, allow_pickle=False) as archive:
        arrays = {k: archive[k] for k in archive.files}
    meta = json.loads(str(arrays["meta"][()]))
    meta.update(changes)
    arrays["meta"] = np.array(json.dumps(meta, ensure_ascii=False))
    with dst.open("wb") as fh:
        np.savez(fh, **arrays)


def test_load_refuses_another_format_version(small_model: TextClassifier, tmp_path: Path) -> None:
    good = small_model.save(tmp_path / "good.npz")
    old = tmp_path / "old.npz"
    _rewrite_meta(good, old, format_version=FORMAT_VERSION + 1)
    with pytest.raises(ModelFormatError, match=r"format version 2 cannot be read.*reads version 1"):
        TextClassifier.load(old)


def test_load_refuses_files_that_are_not_models(tmp_path: Path) -> None:
    text = tmp_path / "notes.npz"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(ModelFormatError, match="not a learned-classifier model"):
        TextClassifier.load(text)
    other = tmp_path / "other.npz"
    with other.open("wb") as fh:
        np.savez(fh, x=np.arange(3))
    with pytest.raises(ModelFormatError, match="no metadata"):
        TextClassifier.load(other)
    assert zipfile.is_zipfile(other)


def test_fit_rejects_bad_training_data() -> None:
    with pytest.raises(ValueError, match="two distinct labels"):
        TextClassifier().fit(["路灯坏了", "路面塌陷"], ["城乡建设", "城乡建设"])
    with pytest.raises(ValueError, match="example 1: empty label"):
        TextClassifier().fit(["路灯坏了", "路面塌陷"], ["城乡建设", " "])
    with pytest.raises(ValueError, match="2 texts but 1 labels"):
        TextClassifier().fit(["a", "b"], ["x"])
    with pytest.raises(NotFittedError):
        TextClassifier().predict(["路灯坏了"])


def test_tiny_two_label_model_without_calibration() -> None:
    texts = ["路灯不亮晚上很黑", "小区路灯坏了", "工资被拖欠三个月", "公司不发工资"] * 3
    labels = ["城乡建设", "城乡建设", "劳动和社会保障", "劳动和社会保障"] * 3
    model = TextClassifier(ClassifierConfig()).fit(texts, labels)
    assert model.metadata["calibration"]["folds"] == 0
    assert model.predict(["老板拖欠工资"]) == ["劳动和社会保障"]
    assert model.predict(["路灯不亮"]) == ["城乡建设"]
