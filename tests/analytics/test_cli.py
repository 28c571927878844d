"""The ``dutylist`` and ``analytics`` command groups end to end on a SQLite file."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from console.cli import main as cli
from console.domain.clock import to_room_time

from .rows import add_ticket

GROUPS = ("console.cli.catalog_admin_cmd", "console.cli.analytics_cmd")
TOMORROW = (to_room_time(datetime.now(UTC)).date() + timedelta(days=1)).isoformat()


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, sqlite_room, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    missing = tuple(g for g in GROUPS if g not in cli.PLUGGABLE_COMMANDS)
    monkeypatch.setattr(cli, "PLUGGABLE_COMMANDS", cli.PLUGGABLE_COMMANDS + missing)
    url = sqlite_room.ctx.db.url
    now = datetime.now(UTC)          # the CLI runs on the wall clock
    for street in ("华富", "园岭", "华富"):
        add_ticket(sqlite_room, received_at=now - timedelta(hours=1), item="010101", district="福田区", street=street,
                   lead="福田区/urban_mgmt", text="门口占道经营")
    add_ticket(sqlite_room, received_at=now - timedelta(hours=2), item=None, district="福田区", street="华富",
               kind="suggestion", text="建议增设共享雨伞借还点")

    def call(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--db", url, *argv])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def test_dutylist_round_trip_edit_preview_and_check(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = tmp_path / "list.xlsx"
    assert run("dutylist", "export", str(book))[0] == 0
    wb = load_workbook(book)
    ws = wb["事项"]
    headers = [c.value for c in ws[1]]
    ws.cell(row=2, column=headers.index("主办条线") + 1, value="market")   # 010101 → market
    wb.save(book)
    code, out, _ = run("dutylist", "import", str(book), "--effective", TOMORROW, "--reason", "调整", "--dry-run")
    assert code == 0 and "在办工单 3 张中 3 张将改由其他单位主办" in out and "未保存" in out
    code, out, _ = run("dutylist", "import", str(book), "--effective", TOMORROW, "--reason", "调整",
                       "--version", "t-cli.2")
    assert code == 0 and "已保存版本 t-cli.2" in out
    code, out, _ = run("dutylist", "diff", "2026.1", "t-cli.2", "--json")
    assert json.loads(out)["changed"][0]["fields"][0]["after"] == "market"
    code, out, _ = run("dutylist", "preview", "--version", "t-cli.2", "--xlsx", str(tmp_path / "p.xlsx"))
    assert code == 0 and "福田区城市管理和综合执法局 → 市市场监督管理局福田监管局：在办 3" in out
    assert "影响预览" in load_workbook(tmp_path / "p.xlsx").sheetnames
    code, out, _ = run("dutylist", "check")
    assert code == 1 and "单位无承办人" in out          # the test room has no unit handlers
    code, _, err = run("dutylist", "import", str(tmp_path / "missing.xlsx"), "--effective", TOMORROW,
                       "--reason", "x")
    assert code == 2 and "不存在" in err
    assert "t-cli.2" in run("dutylist", "versions")[1]


def test_analytics_commands(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("analytics", "hotspots", "--min-size", "2", "--json")
    assert code == 0 and [(s["street"], s["size"]) for s in json.loads(out)] == [("华富", 2)]
    code, out, _ = run("analytics", "top", "--json")
    assert code == 0 and json.loads(out)["overall"][0]["count"] == 3
    assert run("analytics", "recurrence")[0] == 0
    code, out, _ = run("analytics", "suggestions")
    assert code == 0 and "建议 1 件" in out
    code, out, _ = run("analytics", "report", str(tmp_path / "r.xlsx"))
    assert code == 0 and len(load_workbook(tmp_path / "r.xlsx").sheetnames) == 4
