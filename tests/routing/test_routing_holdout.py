"""The labelled routing sets shipped in ``resources/routing/`` (two held out, two for development):
well-formed, and the shipped engine keeps generalising to the held-out ones (regression guards below
today's figures, not tuning targets)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from console.reference.catalog_file import load_catalog
from console.routing.engine import RoutingEngine
from console.routing.evaluation import evaluate, read_cases

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "resources" / "routing"
#: set → lowest lead top-1, top-3, district and urgency accuracy the shipped engine may reach on it
GUARDS = {"holdout.jsonl": (0.85, 0.95, 0.97, 0.8), "holdout2.jsonl": (0.90, 0.97, 0.97, 0.8)}
REFERENCE = ROOT / "resources" / "reference"
KINDS = {"consultation", "complaint", "suggestion", "help"}
URGENCIES = {"urgent", "fast", "normal"}


def _rows(name: str = "holdout.jsonl") -> list[dict[str, object]]:
    text = (SETS / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", ["holdout.jsonl", "holdout2.jsonl", "dev2a.jsonl", "dev2b.jsonl"])
def test_each_set_follows_the_routing_dev_schema(name: str) -> None:
    with (REFERENCE / "lines.csv").open(encoding="utf-8", newline="") as fh:
        lines = {row["code"] for row in csv.DictReader(fh)}
    with (REFERENCE / "districts.csv").open(encoding="utf-8", newline="") as fh:
        districts = {row["district"] for row in csv.DictReader(fh)}
    rows = _rows(name)
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


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_shipped_engine_generalises_to_the_held_out_sets(name: str) -> None:
    figures = evaluate(RoutingEngine(load_catalog()), read_cases(SETS / name)).headline()
    top1, top3, district, urgency = GUARDS[name]
    assert figures["n"] == len(_rows(name))
    assert figures["lead_top1"] >= top1
    assert figures["lead_top3"] >= top3
    assert figures["district_acc"] >= district
    assert figures["urgency_acc"] >= urgency
