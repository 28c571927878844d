"""Analytics in the window: a scripted storm's flood cluster appears by itself in the hot-spot dock of an open
supervisor window and is linked as one incident; the reports load and export to Excel.

The world here carries the shipped duty list (the storm names its item 道路积水内涝)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import run, wait_until
from dc_testworld import World
from openpyxl import load_workbook

import console.db.schema_analytics  # noqa: F401  (the incident tables belong to the metadata)
from console.analytics.storm import send_storm
from console.db.engine import Database
from console.db.migrate import upgrade
from console.domain.clock import FixedClock
from console.domain.enums import Kind, Role
from console.domain.ticket import Actor
from console.services import accounts
from console.services.accounts import NewStaff
from console.services.context import ServiceContext
from console.services.intake import NewTicket, intake
from console.services.reference_seed import seed_reference_data


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    """Like the shared world, but with the shipped duty list."""
    url = f"sqlite:///{tmp_path / 'full.db'}"
    db = Database(url)
    clock = FixedClock(datetime.now(UTC))
    upgrade(db)
    seed_reference_data(db, clock)
    w = World(url, ServiceContext(db, clock), clock)
    for username, name, role in (("disp01", "李分拨", Role.DISPATCHER), ("sup01", "赵值班", Role.SUPERVISOR),
                                 ("op01", "陈受理", Role.OPERATOR)):
        staff_id = accounts.add_staff(w.ctx, NewStaff(username, name, role, "demo", shift_slot=2))
        w.actors[username] = Actor(staff_id, name, role)
    yield w
    db.dispose()


def test_a_storm_cluster_appears_in_the_supervisor_hotspot_dock(world, open_window, loop) -> None:
    window = open_window("sup01")
    panel = window.hotspot_panel
    assert window.qactions["hotspots"].shortcut().toString() == "Ctrl+Shift+H"
    panel.start(200)
    wait_until(loop, lambda: panel.refreshes >= 1)
    assert panel.model.rowCount() == 0
    other = world.other_connection()
    storm = threading.Thread(target=send_storm, args=(other,),
                             kwargs={"district": "福田区", "street": "华富", "count": 12, "seconds": 1.2, "seed": 1})
    storm.start()
    try:
        wait_until(loop, lambda: any(h.street == "华富" and h.size >= 3 for h in panel.model.rows), timeout=15)
    finally:
        storm.join()
        other.db.dispose()
    wait_until(loop, lambda: any(h.street == "华富" and h.size == 12 for h in panel.model.rows), timeout=10)
    flood = next(h for h in panel.model.rows if h.street == "华富")
    assert flood.item_name == "道路积水内涝" and len(panel.model.rows) == 1
    assert panel.select_key(flood.key)
    wait_until(loop, lambda: panel.tickets_table.rowCount() == 12)
    panel.focus_ticket(0)
    window.prompter.answers.append("华富街道暴雨内涝")
    info = run(loop, panel.link_current())
    assert info.ticket_count == 12 and info.title == "华富街道暴雨内涝"
    wait_until(loop, lambda: panel.model.rows[0].incident_id == info.id)
    assert panel.model.data(panel.model.index(0, 6)) == f"#{info.id}"
    window.qactions["hotspots"].trigger()
    assert not panel.isVisible()


def test_dispatcher_has_no_hotspot_dock(world, open_window) -> None:
    window = open_window("disp01")
    assert getattr(window, "hotspot_panel", None) is None and "analytics" not in window.qactions


def test_reports_load_and_export_to_excel(world, open_window, loop, tmp_path: Path) -> None:
    op = world.actors["op01"]
    for n, (district, street) in enumerate((("福田区", "华富"), ("福田区", "园岭"), ("罗湖区", "东门"))):
        intake(world.ctx, op, NewTicket(text=f"建议在路口增加公共自行车停放点，方便市民出行（{n}）",
                                        kind=Kind.SUGGESTION, district=district, street=street,
                                        received_at=world.clock.now() - timedelta(days=1)))
        intake(world.ctx, op, NewTicket(text="楼下KTV每天半夜唱歌，吵得睡不着", district=district, street=street,
                                        received_at=world.clock.now() - timedelta(days=2)))
    window = open_window("sup01")
    window.qactions["analytics"].trigger()
    dialog = window.analytics_dialog
    wait_until(loop, lambda: dialog.reports is not None)
    assert dialog.reports.suggestions.total == 3
    assert dialog.topics.rowCount() >= 1 and "自行车" in dialog.representatives.toPlainText()
    assert dialog.top_tree.topLevelItemCount() >= 2                 # districts with tickets
    dialog.dimension.setCurrentIndex(3)
    assert dialog.top_tree.topLevelItem(0).text(2) == "6"
    path = run(loop, dialog.export_to(tmp_path / "report.xlsx"))
    assert load_workbook(path).sheetnames == ["本周突出问题", "回潮统计", "建议汇总"]
    single = run(loop, dialog.export_to(tmp_path / "suggestions.xlsx", "suggestions"))
    sheet = load_workbook(single)["建议汇总"]
    assert sheet.cell(4, 4).value == 3
    from sqlalchemy import select

    from console.db.schema import ExportLogRow
    from console.exports.export_log import file_sha256

    with world.ctx.db.reader() as session:  # every export is recorded: who, what, rows, the file's hash
        logged = session.execute(select(ExportLogRow.kind, ExportLogRow.actor_name, ExportLogRow.filter,
                                        ExportLogRow.sha256).order_by(ExportLogRow.id)).all()
    assert [(k, f["sheets"]) for k, _, f, _ in logged] == [("analytics", "all"), ("analytics", "suggestions")]
    assert logged[-1].sha256 == file_sha256(single) and logged[-1].actor_name == world.actors["sup01"].name
    dialog.close()


def test_reports_export_off_the_gui_thread_with_progress_and_cancel(world, open_window, loop, tmp_path: Path,
                                                                     monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from console.analytics import sheets

    op = world.actors["op01"]
    for n in range(3):
        intake(world.ctx, op, NewTicket(text=f"建议在路口增加公共自行车停放点（{n}）", kind=Kind.SUGGESTION,
                                        district="福田区", street="华富",
                                        received_at=world.clock.now() - timedelta(days=1)))
    window = open_window("sup01")
    window.qactions["analytics"].trigger()
    dialog = window.analytics_dialog
    wait_until(loop, lambda: dialog.reports is not None)

    real = sheets.write_workbook
    threads: list[threading.Thread] = []
    release = threading.Event()

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(sheets, "write_workbook", held)
    # a finished export: off the GUI thread, progress shown meanwhile, the path on the status line
    task = window.session.tasks.spawn(dialog.export_to(tmp_path / "all.xlsx"))
    wait_until(loop, lambda: threads and dialog.progress.isVisible())
    assert threads[0] is not threading.main_thread()
    assert not dialog.export_all_button.isEnabled() and dialog.progress.cancel_button.isEnabled()
    release.set()
    assert run(loop, task) == tmp_path / "all.xlsx"
    assert "all.xlsx" in dialog.status.text() and not dialog.progress.isVisible()
    assert dialog.export_all_button.isEnabled()
    book = load_workbook(tmp_path / "all.xlsx")
    assert book["建议汇总"].oddFooter.right.text.startswith("导出：赵值班 ")
    # a cancelled export: no file, not even a temporary part, and the status line says so
    release.clear()
    out = tmp_path / "out"
    out.mkdir()
    task = window.session.tasks.spawn(dialog.export_to(out / "cancelled.xlsx"))
    wait_until(loop, lambda: len(threads) == 2 and dialog.progress.isVisible())
    dialog.progress.cancel_button.click()
    release.set()
    assert run(loop, task) is None
    assert list(out.iterdir()) == []
    assert dialog.status.text() == "导出已取消，未生成文件" and not dialog.progress.isVisible()
    dialog.close()
