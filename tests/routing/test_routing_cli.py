"""``routing eval`` CLI: JSON keys, the human report, and clean errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli.routing_cmd import main

from .conftest import FIXTURES

CASES = [
    {"id": "T1", "text": "福田区沙头街道工地晚上还在打桩，噪音很大", "district": None,
     "expected_district": "福田区", "expected_line": "ecology", "acceptable_lines": ["ecology"],
     "co_lines": ["housing"], "kind": "complaint", "expected_urgency": "normal"},
    {"id": "T2", "text": "小区停水了", "district": "龙岗区", "expected_district": "龙岗区",
     "expected_line": "water", "acceptable_lines": ["water"], "co_lines": [], "kind": "complaint",
     "expected_urgency": "fast"},
]
KEYS = {"n", "lead_top1", "lead_top3", "district_acc", "urgency_acc", "macro_lead_top1", "p50_ms", "p99_ms"}


def write_cases(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(args: list[str]) -> int:
    return main(["routing", "eval", "--catalog", str(FIXTURES / "duty_list_small.json"), *args])


def test_eval_json_prints_headline_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_cases(tmp_path, [json.dumps(c, ensure_ascii=False) for c in CASES])
    assert run(["--cases", str(path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures.keys() >= KEYS
    assert figures["n"] == 2 and figures["lead_top1"] == 1.0 and figures["district_acc"] == 1.0


def test_eval_without_json_prints_breakdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_cases(tmp_path, [json.dumps(c, ensure_ascii=False) for c in CASES])
    assert run(["--cases", str(path)]) == 0
    out = capsys.readouterr().out
    assert "per expected line" in out and "confusion pairs" in out and "ecology" in out


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"text": "x"}', "'expected_line'"),
        ('{"text": "x", "expected_line": "water", "acceptable_lines": "water"}', "acceptable_lines"),
    ],
)
def test_bad_case_line_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    path = write_cases(tmp_path, [json.dumps(CASES[0], ensure_ascii=False), line])
    assert run(["--cases", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2" in err and message in err
    assert "Traceback" not in err


def test_missing_cases_file_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.jsonl"
    assert run(["--cases", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_empty_cases_file_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_cases(tmp_path, [""])
    assert run(["--cases", str(path)]) == 2
    assert "no cases" in capsys.readouterr().err


def test_bad_catalog_is_a_clean_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = write_cases(tmp_path, [json.dumps(CASES[0], ensure_ascii=False)])
    catalog = tmp_path / "broken.json"
    catalog.write_text("{", encoding="utf-8")
    assert main(["routing", "eval", "--catalog", str(catalog), "--cases", str(cases)]) == 2
    assert str(catalog) in capsys.readouterr().err
