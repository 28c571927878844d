"""``routing train`` / ``routing test``: figures, and clear errors with exit code 2 on bad input."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from console.cli import routing_learned_cmd
from console.routing.learned import TextClassifier


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dispatch-console")
    commands = parser.add_subparsers(dest="command", required=True)
    routing = commands.add_parser("routing").add_subparsers(dest="routing_command", required=True)
    routing_learned_cmd.register(routing)
    args = parser.parse_args(argv)
    return int(args.func(args))


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture()
def cases_csv(tmp_path: Path, taidi_slices) -> Path:
    held = taidi_slices.held_out
    rows = [
        [str(i), ti, tx, lab, lab if i % 4 else "城乡建设"]
        for i, (ti, tx, lab) in enumerate(zip(held.titles, held.texts, held.labels, strict=True))
    ]
    return _write_csv(tmp_path / "cases.csv", ["id", "title", "text", "label", "peer_prediction"], rows)


@pytest.fixture()
def model_file(tmp_path: Path, small_model: TextClassifier) -> Path:
    return small_model.save(tmp_path / "model.npz")


def test_test_prints_json_figures_with_peer(model_file: Path, cases_csv: Path, capsys) -> None:
    code = _run(
        [
            "routing",
            "test",
            "--model",
            str(model_file),
            "--cases",
            str(cases_csv),
            "--text-col",
            "text",
            "--label-col",
            "label",
            "--title-col",
            "title",
            "--json",
        ]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] == 105
    assert {"accuracy", "macro_f1", "train_s", "per_ticket_ms", "peer_accuracy", "peer_macro_f1"} <= set(out)
    assert 0.0 <= out["accuracy"] <= 1.0 and out["per_ticket_ms"] > 0


def test_test_prints_per_label_table(model_file: Path, cases_csv: Path, capsys) -> None:
    code = _run(
        [
            "routing",
            "test",
            "--model",
            str(model_file),
            "--cases",
            str(cases_csv),
            "--text-col",
            "text",
            "--label-col",
            "label",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "precision" in out and "recall" in out and "教育文体" in out


def test_train_writes_a_loadable_model(tmp_path: Path) -> None:
    rows = [
        [t, lab]
        for t, lab in [
            ("路灯不亮", "城乡建设"),
            ("小区路灯坏了", "城乡建设"),
            ("工资被拖欠", "劳动和社会保障"),
            ("公司拖欠工资", "劳动和社会保障"),
        ]
    ] * 3
    history = _write_csv(tmp_path / "h.csv", ["msg", "cat"], rows)
    out = tmp_path / "m" / "model.npz"
    code = _run(
        ["routing", "train", "--history", str(history), "--text-col", "msg", "--label-col", "cat", "--out", str(out)]
    )
    assert code == 0
    assert TextClassifier.load(out).metadata["training_size"] == 12


def test_missing_column_is_a_clear_error(model_file: Path, cases_csv: Path, capsys) -> None:
    code = _run(
        [
            "routing",
            "test",
            "--model",
            str(model_file),
            "--cases",
            str(cases_csv),
            "--text-col",
            "body",
            "--label-col",
            "label",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert str(cases_csv) in err and "'body'" in err and "columns: id, title, text, label" in err
    assert "Traceback" not in err


def test_train_missing_title_column_and_missing_file(tmp_path: Path, capsys) -> None:
    history = _write_csv(tmp_path / "h.csv", ["text", "label"], [["路灯不亮", "城乡建设"]])
    code = _run(
        [
            "routing",
            "train",
            "--history",
            str(history),
            "--text-col",
            "text",
            "--label-col",
            "label",
            "--title-col",
            "title",
            "--out",
            str(tmp_path / "m.npz"),
        ]
    )
    assert code == 2 and "no title column 'title'" in capsys.readouterr().err
    code = _run(
        [
            "routing",
            "train",
            "--history",
            str(tmp_path / "nope.csv"),
            "--text-col",
            "text",
            "--label-col",
            "label",
            "--out",
            str(tmp_path / "m.npz"),
        ]
    )
    assert code == 2 and "nope.csv: file not found" in capsys.readouterr().err


def test_empty_label_names_the_line(tmp_path: Path, capsys) -> None:
    history = _write_csv(
        tmp_path / "h.csv",
        ["text", "label"],
        [["路灯不亮", "城乡建设"], ["多行\n文本", "城乡建设"], ["工资被拖欠", ""]],
    )
    code = _run(
        [
            "routing",
            "train",
            "--history",
            str(history),
            "--text-col",
            "text",
            "--label-col",
            "label",
            "--out",
            str(tmp_path / "m.npz"),
        ]
    )
    assert code == 2
    assert "h.csv line 5: empty label in column 'label'" in capsys.readouterr().err


def test_wrong_model_file_is_a_clear_error(tmp_path: Path, cases_csv: Path, capsys) -> None:
    bogus = tmp_path / "bogus.npz"
    bogus.write_bytes(b"not a model")
    code = _run(
        [
            "routing",
            "test",
            "--model",
            str(bogus),
            "--cases",
            str(cases_csv),
            "--text-col",
            "text",
            "--label-col",
            "label",
        ]
    )
    assert code == 2 and "not a learned-classifier model" in capsys.readouterr().err
    code = _run(
        [
            "routing",
            "test",
            "--model",
            str(tmp_path / "absent.npz"),
            "--cases",
            str(cases_csv),
            "--text-col",
            "text",
            "--label-col",
            "label",
        ]
    )
    assert code == 2 and "model file not found" in capsys.readouterr().err
