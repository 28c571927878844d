"""The held-out routing set (``resources/routing/holdout.jsonl``): well-formed, and the shipped engine
keeps generalising to it (a regression guard well below today's figures, not a tuning target)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from console.reference.catalog_file import load_catalog
from console.routing.engine import RoutingEngine
from console.routing.evaluation import evaluate, read_cases

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "resources" / "routing" / "holdout.jsonl"
REFERENCE = ROOT / "resources" / "reference"
KINDS = {"consultation", "complaint", "suggestion", "help"}
URGENCIES = {"urgent", "fast", "normal"}


def _rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_holdout_follows_the_routing_dev_schema() -> None:
    with (REFERENCE / "lines.csv").open(encoding="utf-8", newline="") as fh:
        lines = {row["code"] for row in csv.DictReader(fh)}
    with (REFERENCE / "districts.csv").open(encoding="utf-8", newline="") as fh:
        districts = {row["district"] for row in csv.DictReader(fh)}
    rows = _rows()
    assert len(rows) >= 120
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        acceptable, co = r["acceptable_lines"], r["co_lines"]
        assert isinstance(acceptable, list) and isinstance(co, list)
        assert acceptable[0] == r["expected_line"], r["id"]
        assert set(acceptable) <= lines and set(co) <= lines, r["id"]
        assert not set(acceptable) & set(co), r["id"]
        assert r["district"] is None or r["district"] in districts, r["id"]
        assert r["expected_district"] is None or r["expected_district"] in districts, r["id"]
        assert r["kind"] in KINDS and r["expected_urgency"] in URGENCIES, r["id"]
        assert 15 <= len(str(r["text"])) <= 300, r["id"]


def test_shipped_engine_generalises_to_the_holdout() -> None:
    figures = evaluate(RoutingEngine(load_catalog()), read_cases(HOLDOUT)).headline()
    assert figures["n"] == len(_rows())
    assert figures["lead_top1"] >= 0.85
    assert figures["lead_top3"] >= 0.95
    assert figures["district_acc"] >= 0.97
    assert figures["urgency_acc"] >= 0.8
