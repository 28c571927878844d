"""The open window against a real temporary SQLite database: live updates from another connection,
keyboard triage driving the real services, saved views, the cheat sheet, and no database call on the
GUI thread."""

from __future__ import annotations

import threading

from conftest import run, wait_until
from PySide6.QtCore import Qt

from console.db.engine import Database
from console.domain.enums import Urgency
from console.queries.detail import ticket_detail
from console.services import triage
from ui.prompts import DispatchChoice, UrgencyChoice


def press(window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    window.view.setFocus()
    from pytestqt.qtbot import QtBot

    QtBot.keyClick(window.view, key, modifier)


def test_title_shows_user_role_and_shift(world, open_window) -> None:
    window = open_window("disp01")
    title = window.windowTitle()
    assert "李分拨" in title and "分拨员" in title and "班" in title


def test_ticket_changed_by_another_connection_appears_in_place(world, open_window, loop) -> None:
    first = world.intake("路灯不亮", urgency=Urgency.NORMAL)
    window = open_window("disp01")
    assert window.model.get(first) is not None
    window.view.select_ticket(first)
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    other = world.other_connection()
    try:
        from console.services import intake
        from console.services.intake import NewTicket

        new_id = intake.intake(other, world.actors["op01"], NewTicket(text="楼道里有很浓的煤气味",
                                                                       citizen_item_code="020101")).ticket_ids[0]
        wait_until(loop, lambda: window.model.get(new_id) is not None)
        triage.claim(other, world.actors["disp02"], first)
        wait_until(loop, lambda: window.model.get(first).claimed_by_name == "王分拨")
    finally:
        other.db.dispose()
    assert not resets
    assert window.view.current_id() == first
    assert window.model.get(new_id).urgency == "urgent"
    assert "更新于" in window.status.updated.text()


def test_keyboard_claim_review_and_dispatch_drive_the_services(world, open_window, loop) -> None:
    ticket = world.intake("邻居家KTV唱到半夜", district="福田区", street="园岭")
    window = open_window("disp01")
    window.view.select_ticket(ticket)
    press(window, Qt.Key.Key_C)
    wait_until(loop, lambda: window.model.get(ticket).claimed_by_name == "李分拨")
    window.prompter.answers.append(DispatchChoice("010102", "复核：社会生活噪声"))
    press(window, Qt.Key.Key_R)
    wait_until(loop, lambda: window.model.get(ticket).status == "dispatched")
    assert window.prompter.preview.lead_unit_name
    row = window.model.get(ticket)
    assert row.item_code == "010102" and row.lead_unit
    press(window, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    wait_until(loop, lambda: window.model.get(ticket).claimed_by is None)
    assert not window.prompter.errors


def test_acting_on_a_ticket_someone_else_holds_asks_first(world, open_window, loop) -> None:
    ticket = world.intake("小区门口井盖缺失")
    triage.claim(world.ctx, world.actors["disp02"], ticket)
    window = open_window("disp01")
    window.view.select_ticket(ticket)
    window.prompter.answers.extend([False])
    press(window, Qt.Key.Key_U)
    run(loop, window.session.tasks.settle())
    assert window.prompter.asked[-1][0] == "confirm" and "王分拨" in window.prompter.asked[-1][1]
    assert window.model.get(ticket).claimed_by_name == "王分拨"
    window.prompter.answers.extend([True, UrgencyChoice("urgent", "井盖缺失有人员坠落风险")])
    press(window, Qt.Key.Key_U)
    wait_until(loop, lambda: window.model.get(ticket).urgency == "urgent")
    assert window.model.get(ticket).claimed_by_name == "李分拨"


def test_next_ticket_and_note(world, open_window, loop) -> None:
    world.intake("垃圾没人清运")
    urgent = world.intake("电梯困人", urgency=Urgency.URGENT, name="欧阳娜娜", phone="13900001111")
    window = open_window("disp01")
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait_until(loop, lambda: window.model.get(urgent).claimed_by_name == "李分拨")
    wait_until(loop, lambda: window.details.ticket_id == urgent and window.detail.detail is not None
               and window.detail.detail.id == urgent)
    assert window.detail.detail.citizen_phone == "139****1111"
    window.prompter.answers.append("已电话联系市民")
    press(window, Qt.Key.Key_N)
    wait_until(loop, lambda: "已电话联系市民" in [e.reason for e in ticket_detail(
        world.ctx, urgent, world.actors["disp01"].role).events if e.action == "note"])
    # The recorded reveal (Ctrl+Shift+P → reason dialog → event) is tested in test_ui_reveal.py.


def test_supervisor_saves_a_shared_view_the_dispatcher_sees(world, open_window, loop) -> None:
    supervisor = open_window("sup01")
    supervisor.filter_bar.select_view(4)  # 紧急
    supervisor.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # newest first
    supervisor.prompter.answers.extend(["夜班紧急", True])
    press(supervisor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    run(loop, supervisor.session.tasks.settle())
    assert supervisor.filter_bar.current_view().name == "夜班紧急"
    dispatcher = open_window("disp01")
    shared = [v for v in dispatcher.saved_views if v.name == "夜班紧急"]
    assert shared and shared[0].shared and shared[0].spec.urgencies == ("urgent",)
    assert (shared[0].spec.sort_column, shared[0].spec.sort_descending) == ("received", True)
    dispatcher.filter_bar.select_view(len(dispatcher.builtin))
    assert (dispatcher.model.sort_column, dispatcher.model.descending) == (3, True)


def test_f1_cheat_sheet_lists_every_shortcut(world, open_window, loop) -> None:
    from ui.dialogs.cheatsheet import CheatSheet

    window = open_window("disp01")
    press(window, Qt.Key.Key_F1)
    wait_until(loop, lambda: window.findChild(CheatSheet) is not None and window.findChild(CheatSheet).isVisible())
    sheet = window.findChild(CheatSheet)
    texts = {sheet.table.item(r, 1).text() for r in range(sheet.table.rowCount())}
    assert {"认领", "释放", "领取下一单", "按建议分拨", "复核分拨…", "添加备注…", "调整紧急程度…"} <= texts
    for action in window.qactions.values():
        assert t_in_menu(action)
    sheet.reject()
    run(loop, window.session.tasks.settle())


def t_in_menu(action) -> bool:
    return bool(action.associatedObjects())


def test_no_database_call_on_the_gui_thread(world, open_window, loop, monkeypatch) -> None:
    threads: list[str] = []
    original_reader, original_writer = Database.reader, Database.writer

    def reader(self):
        threads.append(threading.current_thread().name)
        return original_reader(self)

    def writer(self):
        threads.append(threading.current_thread().name)
        return original_writer(self)

    ticket = world.intake("噪音扰民")
    monkeypatch.setattr(Database, "reader", reader)
    monkeypatch.setattr(Database, "writer", writer)
    window = open_window("disp01")
    window.view.select_ticket(ticket)
    press(window, Qt.Key.Key_C)
    wait_until(loop, lambda: window.model.get(ticket).claimed_by is not None)
    run(loop, window.queue.poll_once())
    run(loop, window.session.tasks.settle())
    assert threads, "the window made no database call at all"
    assert all(name.startswith("dc-db") for name in threads), set(threads)


def test_sqlite_window_polls_and_is_a_workstation_released_on_close(world, open_window, loop) -> None:
    """SQLite has no NOTIFY: the window polls, opens a workstation session at start and releases its claims
    when it closes."""
    from sqlalchemy import select

    from console.db.schema import TicketRow, WorkstationRow

    ticket = world.intake("楼下餐馆油烟扰民")
    window = open_window("disp01")
    assert window.queue.listener is None and window.queue.poll_timer.interval() == 500
    assert "轮询" in window.status.connection.text() and window.banner.isHidden()
    workstation = window.session.backend.ctx.workstation_id
    assert workstation is not None and world.ctx.workstation_id is None
    window.view.select_ticket(ticket)
    press(window, Qt.Key.Key_C)
    wait_until(loop, lambda: window.model.get(ticket).claimed_by_name == "李分拨")
    window.close()
    run(loop, window.session.tasks.settle(), timeout=5)
    with world.ctx.db.reader() as s:
        assert s.get(WorkstationRow, workstation).end_reason == "logout"
        assert s.scalar(select(TicketRow.claimed_by).where(TicketRow.id == ticket)) is None


def test_esc_after_a_search_brings_every_row_back_and_the_ticket_that_was_current(world, open_window, loop) -> None:
    lamp = world.intake("路灯不亮", urgency=Urgency.NORMAL)
    world.intake("楼下餐馆油烟很大", urgency=Urgency.NORMAL)
    window = open_window("disp01")
    window.view.select_ticket(lamp)
    window.cmd_focus_search()
    window.filter_bar.search.setText("没有这样的工单𠮷=1+1")
    wait_until(loop, lambda: window.model.rowCount() == 0)
    window.cmd_clear_search()
    assert window.model.rowCount() == 2  # at once, not after the search box's debounce
    assert window.view.current_id() == lamp and window.filter_bar.search.text() == ""


def test_tab_leaves_the_queue_instead_of_walking_its_cells(world, open_window) -> None:
    window = open_window("disp01")
    assert not window.view.tabKeyNavigation()
