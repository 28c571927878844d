"""Supervision through the window: a supervisor settles a ticket two units returned, approves an extension,
bulk-reassigns the tickets of a dispatcher who went home; an unsatisfied rating sends the ticket back to its
lead unit. Real services on a temporary SQLite database; the real dialogs are filled in where it matters."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from conftest import dialog_of, run, settle, wait_until
from PySide6.QtWidgets import QDialog

from console.domain.enums import Rating
from console.services import triage, unit_desk
from console.supervision_queries.unit_view import reply_context
from tests.supervision.desk_world import NOISE, add_handler, returned_twice, ticket


def timeline(window: Any, loop: Any, ticket_id: int) -> list[str]:
    detail = run(loop, window.details.load(ticket_id))
    return [e.action for e in detail.events]


def test_supervisor_settles_a_ticket_two_units_returned(world, open_window, loop) -> None:
    eco, housing = add_handler(world, "福田区/ecology", "heco"), add_handler(world, "福田区/housing", "hhou")
    ticket_id = returned_twice(world, eco, housing)
    window = open_window("sup01")
    window.qactions["arbitration"].trigger()
    panel = window.supervision_docks["arbitration"].widget()
    wait_until(loop, lambda: len(panel.cases) == 1)
    case = panel.current_case()
    assert [(r.unit_code, r.reason_label) for r in case.returns] == [("福田区/ecology", "职能不符"),
                                                                     ("福田区/housing", "权属不清")]
    assert "属于装修噪声" in panel.case_view.toPlainText() and "工地权属不清" in panel.case_view.toPlainText()
    assert panel.lead.code() == "福田区/ecology"  # the duty list's suggestion is prefilled
    panel.co.set_codes(["福田区/housing", "福田区/园岭/street_office"])
    panel.ruling.setPlainText("夜间施工噪声由生态环境部门牵头，住建和街道协办")
    panel.rule_button.click()
    settle(window, loop)
    row = ticket(world, ticket_id)
    assert row.status == "dispatched"
    active = {(a.role, a.state) for a in row.assignments if a.state == "dispatched"}
    assert active == {("lead", "dispatched"), ("co", "dispatched")}
    assert "arbitrate" in timeline(window, loop, ticket_id)
    wait_until(loop, lambda: panel.cases == [])
    assert window.prompter.errors == []


def test_supervisor_approves_an_extension_and_the_deadline_moves(world, open_window, loop) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工，电钻声吵得睡不着", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    unit_desk.request_extension(world.ctx, eco, ticket_id, 48, "需夜间蹲点取证")
    before = reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.reply_due
    window = open_window("sup01")
    window.qactions["approvals"].trigger()
    panel = window.supervision_docks["approvals"].widget()
    wait_until(loop, lambda: len(panel.items) == 1)
    assert panel.items[0].new_reply_due == before + timedelta(hours=48)
    panel.approve_button.click()
    settle(window, loop)
    assert reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.reply_due == before + timedelta(hours=48)
    assert panel.items == []
    assert "approve_extension" in timeline(window, loop, ticket_id)
    assert "新反馈时限" in window.status.currentMessage()


def test_a_panel_opened_by_its_shortcut_takes_the_keyboard_focus(world, open_window, loop) -> None:
    """Ctrl+Shift+A / Ctrl+Shift+J leave a keyboard-only supervisor in the panel's list, not in the queue."""
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工，电钻声吵得睡不着", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    unit_desk.request_extension(world.ctx, eco, ticket_id, 48, "需夜间蹲点取证")
    window = open_window("sup01")
    window.activateWindow()
    wait_until(loop, lambda: window.isActiveWindow())
    window.view.setFocus()
    window.qactions["approvals"].trigger()
    panel = window.supervision_docks["approvals"].widget()
    assert panel.table.hasFocus()
    window.qactions["arbitration"].trigger()
    arbitration = window.supervision_docks["arbitration"].widget()
    assert arbitration.isAncestorOf(window.focusWidget())
    window.qactions["approvals"].trigger()                         # again: back in the approvals list
    assert panel.table.hasFocus()


def test_supervisor_refuses_an_extension_with_a_reason(world, open_window, loop) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    unit_desk.request_extension(world.ctx, eco, ticket_id, 24, "人手不足")
    window = open_window("sup01")
    window.qactions["approvals"].trigger()
    panel = window.supervision_docks["approvals"].widget()
    wait_until(loop, lambda: len(panel.items) == 1)
    window.prompter.answers.append("人手不足不是延期理由")
    panel.refuse_button.click()
    settle(window, loop)
    assert reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.pending_extension_hours is None
    assert timeline(window, loop, ticket_id)[-1] == "refuse_extension"


def test_supervisor_bulk_reassigns_the_tickets_of_a_dispatcher_who_went_home(world, open_window, loop) -> None:
    ids = [world.intake(f"市民咨询公积金提取问题 {n}") for n in range(3)]
    other = world.intake("市民咨询社保转移")
    for ticket_id in ids:
        triage.claim(world.ctx, world.actors["disp02"], ticket_id)
    window = open_window("sup01")
    window.qactions["workload"].trigger()
    panel = window.supervision_docks["workload"].widget()
    wait_until(loop, lambda: panel.workload is not None and any(r.username == "disp02" for r in panel.workload.rows))
    person = next(r for r in panel.workload.rows if r.username == "disp02")
    assert person.open_claimed == 3
    panel.table.selectRow(panel.workload.rows.index(person))
    panel.reassign_button.click()
    from ui.supervision.dialogs import BulkReassignDialog

    dialog = dialog_of(window, loop, BulkReassignDialog)
    assert dialog.from_staff.isChecked() and dialog.source_picker.username() == "disp02"
    dialog.staff_picker.set_username("disp01")
    dialog.reason.setText("王分拨已下班，交接给李分拨")
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    settle(window, loop)
    assert {ticket(world, i).claimed_by_name for i in ids} == {"李分拨"}
    assert ticket(world, other).claimed_by is None
    wait_until(loop, lambda: all(window.model.row_at(window.model.row_of(i)).claimed_by_name == "李分拨" for i in ids))
    assert "reassign_staff" in timeline(window, loop, ids[0])
    wait_until(loop, lambda: not any(r.username == "disp02" and r.open_claimed for r in panel.workload.rows))


def test_supervisor_bulk_reassigns_selected_rows_to_another_unit(world, open_window, loop) -> None:
    ids = [world.intake(f"园岭街道工地夜间施工噪声 {n}", item=NOISE) for n in range(2)]
    window = open_window("sup01")
    window.view.clearSelection()
    for ticket_id in ids:
        index = window.model.index(window.model.row_of(ticket_id), 0)
        window.view.selectionModel().select(index, window.view.selectionModel().SelectionFlag.Select
                                            | window.view.selectionModel().SelectionFlag.Rows)
    window.qactions["bulk_reassign"].trigger()
    from ui.supervision.dialogs import BulkReassignDialog

    dialog = dialog_of(window, loop, BulkReassignDialog)
    assert dialog.from_selection.isChecked() and {r.id for r in dialog.rows} == set(ids)
    dialog.to_unit.setChecked(True)
    dialog.unit_picker.set_code("福田区/district_gov")
    dialog.reason.setText("属地统筹")
    dialog._accept()
    settle(window, loop)
    for ticket_id in ids:
        lead = [a for a in ticket(world, ticket_id).assignments if a.role == "lead" and a.state == "dispatched"]
        assert len(lead) == 1
    assert window.prompter.errors == []


def test_unsatisfied_rating_sends_the_ticket_back_to_its_lead_unit(world, open_window, loop) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工，电钻声吵得睡不着", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    unit_desk.reply(world.ctx, eco, ticket_id, "已责令工地停止夜间施工")
    window = open_window("disp01")
    assert window.view.select_ticket(ticket_id)
    window.qactions["rate"].trigger()
    from ui.supervision.dialogs import RatingDialog

    dialog = dialog_of(window, loop, RatingDialog)
    dialog.buttons[Rating.UNSATISFIED].setChecked(True)
    assert dialog.warning.isVisibleTo(dialog) and "市生态环境局福田管理局" in dialog.warning.text()
    dialog.text.setText("晚上还在施工")
    dialog._accept()
    settle(window, loop)
    row = ticket(world, ticket_id)
    assert row.status == "handling" and row.rollback_count == 1 and row.rating == "unsatisfied"
    assert timeline(window, loop, ticket_id)[-2:] == ["rate", "rollback"]
    lead = reply_context(world.ctx.db, ticket_id, eco.unit_id).mine
    assert lead.state == "accepted" and lead.reply_due > world.clock.now()
    desk = open_window("heco")  # back on the unit's desk, to be handled again
    assert desk.model.row_of(ticket_id) >= 0
    assert desk.model.row_at(desk.model.row_of(ticket_id)).status == "handling"


def test_closed_ticket_is_found_by_number_and_reopened(world, open_window, loop) -> None:
    from console.services import citizen_loop

    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    unit_desk.reply(world.ctx, eco, ticket_id, "已处理")
    citizen_loop.close(world.ctx, world.actors["disp01"], ticket_id)
    window = open_window("disp01")
    assert window.model.row_of(ticket_id) < 0  # closed tickets are not in the live queue
    window.prompter.answers.extend([ticket(world, ticket_id).number, "施工噪声再次出现"])
    window.qactions["reopen"].trigger()
    settle(window, loop)
    row = ticket(world, ticket_id)
    assert row.status == "dispatched" and row.reopen_count == 1
    wait_until(loop, lambda: window.model.row_of(ticket_id) >= 0)


def test_probable_duplicate_is_merged_and_a_supervisor_undoes_it(world, open_window, loop) -> None:
    first = world.intake("园岭街道华富路工地半夜施工电钻声很吵", item=NOISE)
    second = world.intake("园岭街道华富路工地半夜施工电钻声很吵影响睡觉", item=NOISE, phone="13900001111", name="李四")
    window = open_window("sup01")
    assert window.view.select_ticket(second)
    window.qactions["merge"].trigger()
    from ui.supervision.dialogs import MergeDialog

    dialog = dialog_of(window, loop, MergeDialog)
    assert [o.ticket_id for o in dialog.table.objects][:1] == [first]
    dialog.reason.setText("同一工地")
    dialog._accept()
    settle(window, loop)
    row = ticket(world, second)
    assert row.status == "merged" and row.merged_into_id == first and row.citizen_phone == "13900001111"
    window.prompter.answers.extend([row.number, "误并：不同工地"])
    window.qactions["unmerge"].trigger()
    settle(window, loop)
    assert ticket(world, second).status == "pending_review"


def test_bulk_reassign_names_nobody_to_take_the_tickets_until_the_supervisor_picks(qtbot) -> None:
    """The "to" person is not preset (it was the source person themself): OK asks for a choice, and picking
    the source person is refused."""
    from console.domain.enums import Role
    from console.supervision_queries.rows import StaffChoice
    from ui.i18n import t
    from ui.supervision.dialogs import BulkReassignDialog

    staff = [StaffChoice(1, "disp01", "李分拨", Role.DISPATCHER.value, 2),
             StaffChoice(2, "disp02", "王分拨", Role.DISPATCHER.value, 2)]
    dialog = BulkReassignDialog([], staff, [], source_staff="disp01")
    qtbot.addWidget(dialog)
    assert dialog.source_picker.username() == "disp01"
    assert dialog.staff_picker.currentIndex() == -1 and dialog.staff_picker.username() == ""
    assert dialog.choice().to_username == ""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    dialog._accept()                                               # the focus goes to the field to fix
    assert dialog.problem.text() == t("请填写改派原因") and dialog.reason.hasFocus()
    dialog.reason.setText("下班交接")
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.problem.text() == t("请选择改派对象")
    assert dialog.staff_picker.hasFocus()
    dialog.staff_picker.set_username("disp01")
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.problem.text() == t("不能改派给同一个人")
    dialog.staff_picker.set_username("disp02")
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.choice().to_username == "disp02"


def test_workload_heading_names_the_shift_in_the_ui_language(world, open_window, loop) -> None:
    """The heading's shift is the handover composer's translated ``shift_text``, not the core's Chinese
    ``Workload.shift_label``: the same words as the core in Chinese, no Chinese left in English."""
    import re

    from ui.handover.composer import shift_text
    from ui.i18n import install_language

    window = open_window("sup01")
    window.qactions["workload"].trigger()
    panel = window.supervision_docks["workload"].widget()
    wait_until(loop, lambda: panel.workload is not None and panel.heading.text())
    assert panel.heading.text().startswith(panel.workload.shift_label + " · ")
    assert install_language("en")
    try:
        run(loop, panel.refresh())
        heading = panel.heading.text()
        shift = window.session.shift(panel.workload.shift_start)
        assert heading.startswith(shift_text(shift)) and shift.label not in heading
        assert not re.search(r"[\u3400-\u9fff]", heading), heading
    finally:
        install_language("zh_CN")

