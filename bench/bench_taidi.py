"""Benchmark of the learned classifier on real citizen messages (taidi2020, 2020 TipDM Cup C).

Trains on ``train.csv``, tests once on ``test921.csv`` and prints one JSON object: our accuracy,
macro-F1, training time, per-ticket latency and throughput beside the published competitor's
(``peer_prediction``), plus 5-fold cross-validation figures on ``train.csv`` (the only figures used
for tuning). The data is read from ``../shared/datasets/taidi2020`` (never shipped with the project);
override with ``--data DIR`` or ``TAIDI2020_DIR``.

Usage: ``python bench/bench_taidi.py [--data DIR] [--cv-folds 5|0] [--model-out FILE]``
Exit code 2 (with a message) when the data is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from console.routing.learned import (  # noqa: E402
    DatasetError,
    TextClassifier,
    accuracy,
    cross_validate,
    macro_f1,
    read_labelled_csv,
)

DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "taidi2020"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("TAIDI2020_DIR", DEFAULT_DATA)))
    parser.add_argument("--cv-folds", type=int, default=5, help="0 skips cross-validation")
    parser.add_argument("--model-out", type=Path, default=None, help="also keep the trained model here")
    args = parser.parse_args(argv)
    try:
        train = read_labelled_csv(args.data / "train.csv", "text", "label", "title")
        test = read_labelled_csv(args.data / "test921.csv", "text", "label", "title", ("peer_prediction",))
    except DatasetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    model = TextClassifier().fit(train.texts, train.labels, train.titles)
    train_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = model.save(args.model_out or Path(tmp) / "taidi.npz")
        model_bytes = path.stat().st_size
        model = TextClassifier.load(path)

    model.predict(test.texts[:8], test.titles[:8] if test.titles else None)  # warm-up (lexicon, caches)
    started = time.perf_counter()
    predicted = model.predict(test.texts, test.titles)
    predict_s = time.perf_counter() - started
    started = time.perf_counter()
    for text, title in zip(test.texts[:200], (test.titles or [""] * 200)[:200], strict=True):
        model.predict_proba([text], [title], top_k=3)
    single_ms = 1000 * (time.perf_counter() - started) / 200

    peer = test.extra["peer_prediction"]
    result: dict[str, object] = {
        "dataset": "taidi2020",
        "train_n": len(train),
        "test_n": len(test),
        "accuracy": round(accuracy(test.labels, predicted), 4),
        "macro_f1": round(macro_f1(test.labels, predicted), 4),
        "peer_accuracy": round(accuracy(test.labels, peer), 4),
        "peer_macro_f1": round(macro_f1(test.labels, peer), 4),
        "train_s": round(train_s, 2),
        "per_ticket_ms": round(1000 * predict_s / len(test), 3),
        "tickets_per_s": round(len(test) / predict_s, 1),
        "single_ticket_ms": round(single_ms, 3),
        "model_version": model.model_version,
        "model_bytes": model_bytes,
        "calibration": model.metadata.get("calibration"),
        "load_avg_1m_at_end": round(os.getloadavg()[0], 2),  # the machine is shared: read timings with this
        "cpu_count": os.cpu_count(),
    }
    if args.cv_folds >= 2:
        result["cv"] = cross_validate(train.texts, train.labels, train.titles, folds=args.cv_folds).as_dict()
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
