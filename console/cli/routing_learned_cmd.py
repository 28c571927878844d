"""``routing train`` and ``routing test``: the learned classifier from the command line.

- ``routing train --history CSV --text-col C --label-col L [--title-col T] --out MODEL``
  trains on the CSV and writes the model file; prints the model version and training figures.
- ``routing test --model MODEL --cases CSV --text-col C --label-col L [--title-col T] [--json]``
  scores the model on labelled cases: ``n``, ``accuracy``, ``macro_f1``, ``train_s`` (from the
  model's metadata), ``per_ticket_ms`` (batch prediction after a one-message warm-up); plus
  ``peer_accuracy`` / ``peer_macro_f1`` when the CSV has a ``peer_prediction`` column.
  Without ``--json``: a table with per-label precision/recall/F1.

Exit codes: 0 success; 2 unusable input — missing file or column, empty label, a model file of
another format — with one ``error:`` line on stderr naming the file, column or line (no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from console.text_width import display_width

EXIT_OK = 0
EXIT_BAD_INPUT = 2
PEER_COLUMN = "peer_prediction"


def register(routing_subparsers: Any) -> None:
    """Add ``train`` and ``test`` to the ``routing`` group's subparsers (``add_subparsers`` result)."""
    train = routing_subparsers.add_parser("train", help="train the learned classifier on labelled history (CSV)")
    train.add_argument("--history", required=True, type=Path, help="CSV with a header line")
    train.add_argument("--text-col", required=True, help="column with the message text")
    train.add_argument("--label-col", required=True, help="column with the gold label")
    train.add_argument("--title-col", default=None, help="column with the message title (optional)")
    train.add_argument("--out", required=True, type=Path, help="model file to write (.npz)")
    train.add_argument("--json", action="store_true", help="print the training summary as JSON")
    train.set_defaults(func=run_train)

    test = routing_subparsers.add_parser("test", help="score a trained classifier on labelled cases (CSV)")
    test.add_argument("--model", required=True, type=Path, help="model file written by 'routing train'")
    test.add_argument("--cases", required=True, type=Path, help="CSV with a header line")
    test.add_argument("--text-col", required=True, help="column with the message text")
    test.add_argument("--label-col", required=True, help="column with the gold label")
    test.add_argument("--title-col", default=None, help="column with the message title (optional)")
    test.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    test.set_defaults(func=run_test)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal columns (CJK characters take two)."""
    return text + " " * max(0, width - display_width(text))


def run_train(args: argparse.Namespace) -> int:
    """Handler of ``routing train``."""
    from console.routing.learned import DatasetError, TextClassifier, read_labelled_csv

    try:
        rows = read_labelled_csv(args.history, args.text_col, args.label_col, args.title_col)
    except DatasetError as exc:
        return _fail(str(exc))
    try:
        model = TextClassifier().fit(rows.texts, rows.labels, rows.titles)
    except ValueError as exc:
        return _fail(f"{args.history}: {exc}")
    try:
        model.save(args.out)
    except OSError as exc:
        return _fail(f"{args.out}: cannot write the model ({exc.strerror or exc})")
    meta = model.metadata
    summary = {
        "model": str(args.out),
        "model_version": model.model_version,
        "training_size": meta["training_size"],
        "labels": len(model.labels),
        "train_s": meta["train_s"],
        "calibration": meta.get("calibration", {}),
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for key, value in summary.items():
            print(f"{key:>14}: {value}")
    return EXIT_OK


def run_test(args: argparse.Namespace) -> int:
    """Handler of ``routing test``."""
    from console.routing.learned import (
        DatasetError,
        ModelFormatError,
        TextClassifier,
        accuracy,
        macro_f1,
        per_label,
        read_labelled_csv,
    )

    try:
        model = TextClassifier.load(args.model)
    except FileNotFoundError:
        return _fail(f"{args.model}: model file not found")
    except ModelFormatError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.model}: cannot read ({exc.strerror or exc})")
    try:
        rows = read_labelled_csv(args.cases, args.text_col, args.label_col, args.title_col, (PEER_COLUMN,))
    except DatasetError as exc:
        return _fail(str(exc))
    model.predict(rows.texts[:1], rows.titles[:1] if rows.titles else None)  # warm-up: lexicon, caches
    started = time.perf_counter()
    predicted = model.predict(rows.texts, rows.titles)
    elapsed = time.perf_counter() - started
    figures: dict[str, Any] = {
        "n": len(rows),
        "accuracy": round(accuracy(rows.labels, predicted), 4),
        "macro_f1": round(macro_f1(rows.labels, predicted), 4),
        "train_s": model.metadata.get("train_s"),
        "per_ticket_ms": round(1000 * elapsed / len(rows), 3),
        "model_version": model.model_version,
    }
    peer = rows.extra.get(PEER_COLUMN)
    if peer is not None:
        figures["peer_accuracy"] = round(accuracy(rows.labels, peer), 4)
        figures["peer_macro_f1"] = round(macro_f1(rows.labels, peer), 4)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key, value in figures.items():
        print(f"{key:>14}: {value}")
    unknown = sorted(set(rows.labels) - set(model.labels))
    if unknown:
        print(f"\nlabels the model never saw in training: {', '.join(unknown)}")
    print(f"\n{_pad('label', 16)} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    for f in per_label(rows.labels, predicted):
        print(f"{_pad(f.label, 16)} {f.precision:>9.3f} {f.recall:>7.3f} {f.f1:>6.3f} {f.support:>8}")
    return EXIT_OK
