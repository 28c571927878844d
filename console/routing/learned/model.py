"""The learned text classifier: TF-IDF features → linear SVM + NB-SVM ensemble → calibrated softmax.

Contracts of :class:`TextClassifier`:

- ``fit(texts, labels, titles=None)`` learns from labelled history (at least two distinct labels,
  no empty label); titles are optional per message (``None`` or ``""`` means no title).
- ``predict_proba(texts, titles=None)`` returns, per message, every known label with its
  probability, most probable first; probabilities are non-negative and sum to 1. They are
  calibrated: a softmax of the ensemble's scores with a temperature fitted (minimum log-loss) on
  out-of-fold scores of an internal cross-validation at training time.
- ``save(path)`` writes ONE file: a numpy ``.npz`` archive (no pickled objects) holding the arrays
  plus a JSON metadata record (format name and version, model version = content hash + UTC
  timestamp, training size and time, labels, configuration, calibration figures). ``load(path)``
  refuses a file of another format or format version with :class:`ModelFormatError`.
- After ``load`` predictions are identical to the saved model's.

The ensemble is linear in the features, so it is stored as one weight matrix and one bias vector:
scores = X·Wᵀ + b. Memory is ``n_features × n_labels`` float32 — fine for tens or hundreds of
labels; for thousands of labels cap the vocabulary with ``BlockSpec.max_features``.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from console.routing.learned.features import DEFAULT_BLOCKS, AnalyzedDoc, BlockSpec, FeatureSpace, analyze

FORMAT_NAME = "dispatch-console/learned-text-classifier"
FORMAT_VERSION = 1


class ModelFormatError(ValueError):
    """The file is not a learned-classifier model this build can read (wrong format or version)."""


class NotFittedError(RuntimeError):
    """``predict_proba``/``save`` called before ``fit`` or ``load``."""


@dataclass(frozen=True, slots=True)
class LabelProbability:
    """One ranked candidate label and its calibrated probability."""

    label: str
    probability: float


@dataclass(frozen=True, slots=True)
class ClassifierConfig:
    """Hyper-parameters (chosen by 5-fold cross-validation on taidi2020 ``train.csv``).

    ``svm_c``: C of the one-vs-rest linear SVM (class-balanced). ``nb_c`` / ``nb_alpha``: C and
    smoothing of the NB-SVM expert (features scaled by per-label log-count ratios). ``nb_weight``:
    weight of the NB-SVM scores relative to the SVM's (each first divided by its out-of-fold
    spread). ``tol``: solver tolerance (1e-3 halves training time versus scikit-learn's 1e-4 and
    moves no weight by more than 1e-4). ``calibration_folds``: internal folds for the temperature (≥ 2; skipped below
    ``min_calibration_size`` messages, temperature 1). ``seed``: fold assignment and solvers.
    """

    svm_c: float = 0.5
    nb_c: float = 0.1
    nb_alpha: float = 1.0
    nb_weight: float = 1.0
    tol: float = 1e-3
    calibration_folds: int = 3
    min_calibration_size: int = 60
    seed: int = 0
    blocks: tuple[BlockSpec, ...] = field(default=DEFAULT_BLOCKS)

    def to_json(self) -> dict[str, Any]:
        raw = asdict(self)
        raw["blocks"] = [asdict(b) for b in self.blocks]
        return raw

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ClassifierConfig:
        raw = dict(raw)
        raw["blocks"] = tuple(BlockSpec(**b) for b in raw.get("blocks", []))
        return cls(**raw)


def fold_assignment(labels: Sequence[str], folds: int, seed: int) -> np.ndarray:
    """Stratified fold number (0..folds-1) per example: shuffled within each label, dealt round-robin.

    Works for labels with fewer examples than folds (they simply miss some folds)."""
    rng = np.random.default_rng(seed)
    out = np.zeros(len(labels), dtype=np.int64)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    offset = 0
    for label in sorted(by_label):
        idx = np.array(by_label[label])
        rng.shuffle(idx)
        out[idx] = (np.arange(idx.size) + offset) % folds
        offset += idx.size
    return out


def _softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _fit_temperature(scores: np.ndarray, y: np.ndarray) -> float:
    """Temperature minimising the mean negative log-likelihood of ``softmax(scores / T)``."""
    from scipy.optimize import minimize_scalar

    def nll(log_t: float) -> float:
        p = _softmax(scores, math.exp(log_t))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None))))

    res = minimize_scalar(nll, bounds=(math.log(1e-3), math.log(1e3)), method="bounded")
    return float(math.exp(res.x))


def _svm_weights(
    x: sp.csr_matrix, y: np.ndarray, n_labels: int, c: float, tol: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest linear SVM (squared hinge, class-balanced): ``(W [K×F], b [K])``."""
    from sklearn.svm import LinearSVC

    present = np.unique(y)
    model = LinearSVC(C=c, class_weight="balanced", tol=tol, random_state=seed)
    model.fit(x, y)
    w = np.zeros((n_labels, x.shape[1]))
    b = np.full(n_labels, -1e3)  # a label absent from this training subset can never win
    if present.size == 2:
        w[present[0]], b[present[0]] = -model.coef_[0], -model.intercept_[0]
        w[present[1]], b[present[1]] = model.coef_[0], model.intercept_[0]
    else:
        w[present], b[present] = model.coef_, model.intercept_
    return w, b


def _nbsvm_weights(
    x: sp.csr_matrix, y: np.ndarray, n_labels: int, c: float, alpha: float, tol: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """NB-SVM (Wang & Manning 2012): per label, features scaled by the log-count ratio of binary
    occurrences, then a binary linear SVM; folded back into plain weights ``r ∘ w``."""
    from sklearn.svm import LinearSVC

    binary = x.copy()
    binary.data = np.ones_like(binary.data)
    w = np.zeros((n_labels, x.shape[1]))
    b = np.full(n_labels, -1e3)
    for k in np.unique(y):
        pos = y == k
        if pos.all():
            continue
        p = alpha + np.asarray(binary[pos].sum(axis=0)).ravel()
        q = alpha + np.asarray(binary[~pos].sum(axis=0)).ravel()
        r = np.log((p / p.sum()) / (q / q.sum()))
        model = LinearSVC(C=c, class_weight="balanced", tol=tol, random_state=seed)
        model.fit(x @ sp.diags(r), pos)
        w[k] = r * model.coef_[0]
        b[k] = model.intercept_[0]
    return w, b


def _row_centred_std(scores: np.ndarray) -> float:
    centred = scores - scores.mean(axis=1, keepdims=True)
    s = float(centred.std())
    return s if s > 0 else 1.0


class TextClassifier:
    """Supervised classifier of citizen messages into labels (duty items or categories)."""

    def __init__(self, config: ClassifierConfig | None = None) -> None:
        self.config = config or ClassifierConfig()
        self._space: FeatureSpace | None = None
        self._wt: np.ndarray | None = None  # F × K, float32, C-contiguous (fast sparse · dense)
        self._b: np.ndarray | None = None  # K
        self.labels: list[str] = []
        self.temperature: float = 1.0
        self.metadata: dict[str, Any] = {}

    # ------------------------------------------------------------------ training
    def fit(
        self, texts: Sequence[str], labels: Sequence[str], titles: Sequence[str | None] | None = None
    ) -> TextClassifier:
        """Learn from ``texts`` (and optional ``titles``) with gold ``labels``; returns ``self``.

        Raises ``ValueError`` on length mismatch, an empty label, or fewer than two labels."""
        started = time.perf_counter()
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
        for i, label in enumerate(labels):
            if not isinstance(label, str) or not label.strip():
                raise ValueError(f"example {i}: empty label")
        clean = [label.strip() for label in labels]
        label_set = sorted(set(clean))
        if len(label_set) < 2:
            raise ValueError(f"need at least two distinct labels to train, got {label_set}")
        docs = analyze(texts, titles)
        self._fit_docs(docs, clean, label_set)
        elapsed = time.perf_counter() - started
        self._finish_metadata(len(docs), Counter(clean), elapsed)
        return self

    def _fit_docs(self, docs: list[AnalyzedDoc], labels: list[str], label_set: list[str]) -> None:
        cfg = self.config
        index = {label: k for k, label in enumerate(label_set)}
        y = np.array([index[label] for label in labels])
        k = len(label_set)
        space = FeatureSpace.fit(docs, cfg.blocks)
        x = space.transform(docs)
        calibration: dict[str, Any] = {"folds": 0}
        if cfg.calibration_folds >= 2 and len(docs) >= cfg.min_calibration_size:
            folds = fold_assignment(labels, cfg.calibration_folds, cfg.seed)
            s_svm = np.zeros((len(docs), k))
            s_nb = np.zeros((len(docs), k))
            for f in range(cfg.calibration_folds):
                tr, te = folds != f, folds == f
                w1, b1 = _svm_weights(x[tr], y[tr], k, cfg.svm_c, cfg.tol, cfg.seed)
                w2, b2 = _nbsvm_weights(x[tr], y[tr], k, cfg.nb_c, cfg.nb_alpha, cfg.tol, cfg.seed)
                s_svm[te] = x[te] @ w1.T + b1
                s_nb[te] = x[te] @ w2.T + b2
            sd_svm, sd_nb = _row_centred_std(s_svm), _row_centred_std(s_nb)
            combined = s_svm / sd_svm + cfg.nb_weight * s_nb / sd_nb
            temperature = _fit_temperature(combined, y)
            p_gold = _softmax(combined, temperature)[np.arange(len(y)), y]
            calibration = {
                "folds": cfg.calibration_folds,
                "oof_accuracy": float(np.mean(combined.argmax(axis=1) == y)),
                "oof_log_loss": float(-np.mean(np.log(np.clip(p_gold, 1e-12, None)))),
            }
        else:
            sd_svm = sd_nb = 1.0
            temperature = 1.0
        w1, b1 = _svm_weights(x, y, k, cfg.svm_c, cfg.tol, cfg.seed)
        w2, b2 = _nbsvm_weights(x, y, k, cfg.nb_c, cfg.nb_alpha, cfg.tol, cfg.seed)
        if calibration["folds"] == 0:
            sd_svm, sd_nb = _row_centred_std(x @ w1.T + b1), _row_centred_std(x @ w2.T + b2)
        self._space = space
        self._wt = np.ascontiguousarray((w1 / sd_svm + cfg.nb_weight * w2 / sd_nb).T, dtype=np.float32)
        self._b = (b1 / sd_svm + cfg.nb_weight * b2 / sd_nb).astype(np.float64)
        self.labels = label_set
        self.temperature = temperature
        self.metadata = {"calibration": {**calibration, "temperature": temperature}}

    def _finish_metadata(self, n: int, counts: Counter[str], elapsed: float) -> None:
        created = datetime.now(UTC)
        digest = self._content_hash()
        self.metadata.update(
            {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "model_version": f"{digest[:12]}-{created.strftime('%Y%m%dT%H%M%SZ')}",
                "content_sha256": digest,
                "created_at": created.isoformat(timespec="seconds"),
                "training_size": n,
                "train_s": round(elapsed, 3),
                "labels": self.labels,
                "label_counts": dict(sorted(counts.items())),
                "temperature": self.temperature,
                "n_features": self._require_space().n_features,
                "config": self.config.to_json(),
            }
        )

    def _content_hash(self) -> str:
        h = hashlib.sha256()
        _, arrays = self._require_space().to_arrays()
        for name in sorted(arrays):
            h.update(name.encode())
            h.update(np.ascontiguousarray(arrays[name]).tobytes())
        assert self._wt is not None and self._b is not None
        h.update(self._wt.tobytes())
        h.update(self._b.tobytes())
        h.update(json.dumps([self.labels, self.temperature, self.config.to_json()], ensure_ascii=False).encode())
        return h.hexdigest()

    # ---------------------------------------------------------------- prediction
    def _require_space(self) -> FeatureSpace:
        if self._space is None or self._wt is None or self._b is None:
            raise NotFittedError("the classifier has not been trained or loaded")
        return self._space

    @property
    def model_version(self) -> str:
        """``<content hash>-<UTC timestamp>``; record it with every suggestion the model makes."""
        return str(self.metadata.get("model_version", ""))

    def decision_scores(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> np.ndarray:
        """Raw ensemble scores, ``len(texts) × len(labels)``, columns in ``self.labels`` order."""
        return self._scores(analyze(texts, titles))

    def _scores(self, docs: Sequence[AnalyzedDoc]) -> np.ndarray:
        space = self._require_space()
        assert self._wt is not None and self._b is not None
        x = space.transform(docs).astype(np.float32)
        return np.asarray(x @ self._wt, dtype=np.float64) + self._b

    def probability_matrix(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> np.ndarray:
        """Calibrated probabilities, ``len(texts) × len(labels)``, rows sum to 1."""
        return _softmax(self.decision_scores(texts, titles), self.temperature)

    def predict_proba(
        self, texts: Sequence[str], titles: Sequence[str | None] | None = None, top_k: int | None = None
    ) -> list[list[LabelProbability]]:
        """Per message, labels ranked by calibrated probability (all of them, or the ``top_k`` best)."""
        probs = self.probability_matrix(texts, titles)
        order = np.argsort(-probs, axis=1, kind="stable")
        if top_k is not None:
            order = order[:, :top_k]
        return [
            [LabelProbability(self.labels[j], float(row[j])) for j in idx]
            for row, idx in zip(probs, order, strict=True)
        ]

    def predict(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> list[str]:
        """Most probable label per message."""
        scores = self.decision_scores(texts, titles)
        return [self.labels[j] for j in scores.argmax(axis=1)]

    # --------------------------------------------------------------- persistence
    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the model to ``path`` (one ``.npz`` file, written atomically); returns the path."""
        space = self._require_space()
        assert self._wt is not None and self._b is not None
        specs, arrays = space.to_arrays()
        meta = {**self.metadata, "blocks": specs}
        payload = {
            "meta": np.array(json.dumps(meta, ensure_ascii=False)),
            "labels": np.array(self.labels, dtype=str),
            "weights": self._wt.T,  # K × F
            "bias": self._b,
            **{f"feature.{k}": v for k, v in arrays.items()},
        }
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with tmp.open("xb") as fh:  # honours the umask, unlike mkstemp's 0600
                np.savez_compressed(fh, **payload)  # type: ignore[arg-type]
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return target

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> TextClassifier:
        """Read a model written by :meth:`save`.

        Raises ``FileNotFoundError`` when absent and :class:`ModelFormatError` when the file is not
        such a model or has another format version."""
        source = Path(path)
        data = source.read_bytes()
        try:
            archive = np.load(io.BytesIO(data), allow_pickle=False)
            files = set(archive.files)
        except (ValueError, OSError, zipfile.BadZipFile) as exc:
            raise ModelFormatError(f"{source}: not a learned-classifier model file ({exc})") from exc
        if "meta" not in files:
            raise ModelFormatError(f"{source}: not a learned-classifier model file (no metadata)")
        try:
            meta = json.loads(str(archive["meta"][()]))
        except (ValueError, TypeError) as exc:
            raise ModelFormatError(f"{source}: unreadable metadata ({exc})") from exc
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
            raise ModelFormatError(f"{source}: not a learned-classifier model file (format {meta.get('format')!r})")
        version = meta.get("format_version")
        if version != FORMAT_VERSION:
            raise ModelFormatError(
                f"{source}: model format version {version} cannot be read by this build "
                f"(it reads version {FORMAT_VERSION}); retrain the model with 'routing train'"
            )
        try:
            config = ClassifierConfig.from_json(meta["config"])
            arrays = {k[len("feature.") :]: archive[k] for k in files if k.startswith("feature.")}
            space = FeatureSpace.from_arrays(meta["blocks"], arrays)
            model = cls(config)
            model._space = space
            model._wt = np.ascontiguousarray(archive["weights"].T, dtype=np.float32)
            model._b = archive["bias"].astype(np.float64)
            model.labels = [str(x) for x in archive["labels"].tolist()]
            model.temperature = float(meta["temperature"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelFormatError(f"{source}: damaged model file ({exc})") from exc
        if model._wt.shape != (space.n_features, len(model.labels)) or model._b.shape != (len(model.labels),):
            raise ModelFormatError(f"{source}: damaged model file (weight shapes do not match)")
        model.metadata = {k: v for k, v in meta.items() if k != "blocks"}
        return model
