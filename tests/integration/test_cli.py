"""The headless command line: db upgrade, catalog stats, users add, demo, import (good and bad rows)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.cli.main import main
from console.db.engine import Database
from console.db.schema import EventRow, StaffRow, TicketRow, UnitRow


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(url: str, model: type) -> int:
    db = Database(url)
    with db.reader() as s:
        value = s.scalar(select(func.count()).select_from(model)) or 0
    db.dispose()
    return int(value)


def test_catalog_stats_json(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", sqlite_url, "catalog", "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["level1"] == 18 and stats["level3"] >= 400
    assert sum(stats["by_line"].values()) == stats["level3"] and len(stats["by_line"]) == 31


def test_users_add_and_bad_unit(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", sqlite_url, "users", "add", "li.si", "--name", "李四", "--role", "unit_handler",
                       "--password", "s3cret", "--unit", "福田区/ecology")
    assert code == 0 and "li.si" in out
    code, _, err = run(capsys, "--db", sqlite_url, "users", "add", "wang", "--name", "王", "--role", "unit_handler",
                       "--password", "s3cret", "--unit", "火星/ecology")
    assert code == 2 and "火星/ecology" in err


def test_demo_covers_every_lifecycle_path(any_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", any_url, "demo", "--tickets", "3000", "--days", "20", "--seed", "5")
    stats = json.loads(out)
    assert code == 0 and stats["tickets"] == 3000 and stats["open_tickets"] > 0
    db = Database(any_url)
    with db.reader() as s:
        actions = set(s.scalars(select(EventRow.action).distinct()))
        breached = s.scalar(select(func.count()).select_from(TicketRow)
                            .where(TicketRow.dispatched_at > TicketRow.dispatch_due_at))
        numbers = s.scalars(select(TicketRow.number)).all()
        units = set(s.scalars(select(UnitRow.code)))
        named = [(e.action, e.data["unit"]) for e in s.scalars(select(EventRow)) if (e.data or {}).get("unit")]
        citizen = {(a, n) for a, n in s.execute(select(EventRow.action, EventRow.actor_name)
                                                 .where(EventRow.action.in_(("rate", "rollback", "close"))))}
    db.dispose()
    # events name units by code, as the live services write them (the detail pane and handover read them so)
    assert named and [(a, u) for a, u in named if u not in units] == []
    assert {a for a, _ in named} >= {"rollback", "reply", "accept", "return"}
    assert citizen == {("rate", "市民评价"), ("close", "市民评价"), ("rollback", "系统")}
    assert {"receive", "submit_review", "dispatch", "accept", "reply", "close", "rate", "return", "escalate_return",
            "arbitrate", "request_extension", "approve_extension", "rollback", "merge"} <= actions
    assert breached and len(set(numbers)) == len(numbers)
    code, out, _ = run(capsys, "--db", any_url, "demo", "--tickets", "10", "--if-empty")
    assert code == 0 and count(any_url, TicketRow) == 3000
    assert count(any_url, StaffRow) > 300


def test_import_reports_bad_rows_with_line_numbers_and_keeps_good_ones(
        sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "calls.jsonl"
    source.write_text("\n".join([
        json.dumps({"text": "路灯不亮", "district": "福田区", "street": "园岭", "request_id": "a1"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"text": "", "citizen_phone": "12"}, ensure_ascii=False),
        json.dumps({"text": "噪声", "urgency": "very"}, ensure_ascii=False),
        json.dumps({"text": "井盖丢失", "citizen_item_code": "999999"}, ensure_ascii=False),
        json.dumps({"text": "咨询社保", "kind": "consultation", "received_at": "2026-11-20T10:00:00"},
                   ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", sqlite_url, "import", str(source))
    summary = json.loads(out)
    assert code == 1 and summary == {"imported": 2, "duplicates": 0, "errors": 4, "refused_whole_file": False}
    assert f"{source}:2:" in err and f"{source}:3:" in err and "text" in err and "urgency" in err
    assert f"{source}:5:" in err and "999999" in err
    code, out, _ = run(capsys, "--db", sqlite_url, "import", str(source))
    assert json.loads(out)["duplicates"] == 1  # the row with a request id is not imported twice
    assert count(sqlite_url, TicketRow) == 3


def test_import_all_or_nothing_stores_nothing_when_a_row_is_bad(
        sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "calls.csv"
    source.write_text("text,district,citizen_item_code\n路灯不亮,福田区,\n井盖丢失,福田区,999999\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", sqlite_url, "import", str(source), "--all-or-nothing")
    assert code == 1 and json.loads(out)["refused_whole_file"] is True and f"{source}:3:" in err
    assert count(sqlite_url, TicketRow) == 0
    source.write_text("text,district\n路灯不亮,福田区\n井盖丢失,罗湖区\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", sqlite_url, "import", str(source), "--all-or-nothing")
    assert code == 0 and json.loads(out)["imported"] == 2 and count(sqlite_url, TicketRow) == 2


def test_import_refuses_unknown_file_types(sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "calls.xls"
    source.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", sqlite_url, "import", str(source))
    assert code == 2 and ".xls" in err
