"""The unit desk through the window: a unit handler sees only its unit's tickets, accepts with A, replies
(the lead quotes its co-units' replies), returns with a reason code, asks for an extension; it can neither
see nor change another unit's ticket (window and services). The 承办进度 dock names the unit holding a
ticket up."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import dialog_of, settle, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from console.domain.enums import ReturnReason
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.services import supervision, triage, unit_desk
from console.supervision_queries.lookup import find_ticket
from console.supervision_queries.unit_view import reply_context
from tests.supervision.desk_world import NOISE, add_handler, ticket
from ui.unit_desk.dialogs import ExtensionDialog, ReplyDialog, ReturnDialog


def test_unit_handler_cannot_see_or_change_another_units_ticket(world, open_window, loop, qtbot) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    stranger = add_handler(world, "罗湖区/ecology", "hluohu")
    mine = world.intake("园岭街道工地半夜施工", item=NOISE)
    theirs = world.intake("东门工地半夜施工", item=NOISE, district="罗湖区", street="东门")
    window = open_window("heco")
    assert window.model.row_of(mine) >= 0 and window.model.row_of(theirs) < 0
    assert window.model.rowCount() == 1
    assert "unit_accept" in window.qactions and "arbitration" not in window.qactions
    assert window.view.select_ticket(mine)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    settle(window, loop)
    assert ticket(world, mine).status == "accepted"
    assert ticket(world, theirs).status == "dispatched"
    # the same refusals hold below the window
    with pytest.raises(PermissionDenied, match="不属于您的单位"):
        unit_desk.accept(world.ctx, eco, theirs)
    with pytest.raises(PermissionDenied):
        unit_desk.reply(world.ctx, stranger, mine, "不是我的")
    with pytest.raises(PermissionDenied):
        reply_context(world.ctx.db, theirs, eco.unit_id)
    with pytest.raises(NotFound):
        find_ticket(world.ctx.db, ticket(world, theirs).number, eco.unit_id)


def test_lead_replies_quoting_the_co_units_replies(world, open_window, loop) -> None:
    add_handler(world, "福田区/ecology", "heco")
    housing = add_handler(world, "福田区/housing", "hhou")
    ticket_id = world.intake("园岭街道工地半夜施工，电钻声吵得睡不着", item=NOISE)
    unit_desk.accept(world.ctx, housing, ticket_id)
    unit_desk.reply(world.ctx, housing, ticket_id, "已核查施工许可，未批准夜间施工")
    window = open_window("heco")
    assert window.view.select_ticket(ticket_id)
    window.qactions["unit_reply"].trigger()  # not yet accepted: asks, accepts, then opens the reply
    dialog = dialog_of(window, loop, ReplyDialog)
    assert window.prompter.asked[0][0] == "confirm"
    assert "福田区住房和建设局" in dialog.co_view.text() and "未批准夜间施工" in dialog.co_view.text()
    dialog.quote_co_replies()
    dialog.text.setPlainText("已责令工地停止夜间施工。\n" + dialog.text.toPlainText())
    dialog._accept()
    settle(window, loop)
    row = ticket(world, ticket_id)
    assert row.status == "replied"
    lead = next(a for a in row.assignments if a.role == "lead")
    assert "未批准夜间施工" in lead.reply_text and lead.reply_text.startswith("已责令")


def test_return_with_other_needs_a_text_and_the_second_return_goes_to_a_supervisor(world, open_window,
                                                                                   loop) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.return_ticket(world.ctx, eco, ticket_id, ReturnReason.NOT_OUR_FUNCTION, "装修噪声")
    triage.dispatch(world.ctx, world.actors["disp01"], ticket_id, lead_unit="福田区/ecology")
    window = open_window("heco")
    assert window.view.select_ticket(ticket_id)
    window.qactions["unit_return"].trigger()
    dialog = dialog_of(window, loop, ReturnDialog)
    assert "转值班长仲裁" in " ".join(w.text() for w in dialog.findChildren(type(dialog.problem)))
    dialog.buttons[ReturnReason.OTHER].setChecked(True)
    dialog._accept()
    assert dialog.isVisible() and "必须填写说明" in dialog.problem.text()
    dialog.text.setText("工地位于深圳湾片区，归市级管理")
    dialog._accept()
    settle(window, loop)
    row = ticket(world, ticket_id)
    assert row.status == "arbitration" and row.return_count == 2
    wait_until(loop, lambda: window.model.row_at(window.model.row_of(ticket_id)).status == "arbitration")


def test_extension_request_shows_the_deadline_approval_would_give(world, open_window, loop) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    window = open_window("heco")
    assert window.view.select_ticket(ticket_id)
    window.qactions["unit_extension"].trigger()
    dialog = dialog_of(window, loop, ExtensionDialog)
    dialog.hours.setValue(48)
    before = dialog.new_due.text()
    dialog.hours.setValue(72)
    assert dialog.new_due.text() != before
    dialog.reason.setText("需夜间蹲点取证")
    dialog._accept()
    settle(window, loop)
    mine = reply_context(world.ctx.db, ticket_id, eco.unit_id).mine
    assert mine.pending_extension_hours == 72
    wait_until(loop, lambda: window.model.row_at(window.model.row_of(ticket_id)).pending_extension)


def test_holdup_dock_names_the_unit_the_ticket_waits_for(world, open_window, loop) -> None:
    eco, housing = add_handler(world, "福田区/ecology", "heco"), add_handler(world, "福田区/housing", "hhou")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    window = open_window("disp01")
    assert window.view.select_ticket(ticket_id)
    wait_until(loop, lambda: window.holdup_view.detail is not None and window.holdup_view.detail.id == ticket_id)
    text = window.holdup_view.toPlainText()
    assert "卡在" in text and "待签收" in text and "福田区住房和建设局" in text
    unit_desk.accept(world.ctx, housing, ticket_id)
    unit_desk.reply(world.ctx, housing, ticket_id, "协办意见：已排查")
    window.session.bus.ticketsChanged.emit((ticket_id,))
    wait_until(loop, lambda: "协办意见：已排查" in window.holdup_view.toPlainText())
    assert "市生态环境局福田管理局" in window.holdup_view.toPlainText().split("已反馈")[0]


def _active(dialog: ReplyDialog | ReturnDialog | ExtensionDialog, loop: Any) -> None:
    dialog.activateWindow()
    wait_until(loop, lambda: QApplication.activeWindow() is dialog)


def test_ctrl_return_submits_the_reply_from_the_text_but_not_an_empty_one(world, open_window, loop, qtbot) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    window = open_window("heco")
    assert window.view.select_ticket(ticket_id)
    window.qactions["unit_reply"].trigger()
    dialog = dialog_of(window, loop, ReplyDialog)
    _active(dialog, loop)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert "Ctrl+Return" in ok.toolTip() and "Ctrl+Return" in dialog.text.placeholderText()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # empty: refused
    assert dialog.isVisible() and dialog.problem.text() == "请填写办理结果"
    assert ticket(world, ticket_id).status == "accepted"
    dialog.text.insertPlainText("已责令工地停止夜间施工")  # (QTest types ASCII only)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)                                       # a new line, no submit
    assert dialog.isVisible() and dialog.text.toPlainText().endswith("\n")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    settle(window, loop)
    row = ticket(world, ticket_id)
    assert row.status == "replied"
    assert next(a for a in row.assignments if a.role == "lead").reply_text == "已责令工地停止夜间施工"


def test_ctrl_enter_submits_the_return_and_extension_dialogs_with_their_checks(world, open_window, loop,
                                                                               qtbot) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    window = open_window("heco")
    assert window.view.select_ticket(ticket_id)
    window.qactions["unit_extension"].trigger()
    dialog = dialog_of(window, loop, ExtensionDialog)
    _active(dialog, loop)
    keypad = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Enter, keypad)                  # no reason: refused
    assert dialog.isVisible() and dialog.problem.text() == "请填写延期理由"
    dialog.reason.insert("需夜间蹲点取证")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Enter, keypad)
    assert dialog.result() == QDialog.DialogCode.Accepted
    settle(window, loop)
    wait_until(loop, lambda: reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.pending_extension_hours == 24)

    window.qactions["unit_return"].trigger()
    back = dialog_of(window, loop, ReturnDialog)
    _active(back, loop)
    back.buttons[ReturnReason.OTHER].setChecked(True)
    qtbot.keyClick(back.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)   # 其他 without a text
    assert back.isVisible() and "必须填写说明" in back.problem.text()
    back.text.insert("工地位于深圳湾片区，归市级管理")
    qtbot.keyClick(back.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert back.result() == QDialog.DialogCode.Accepted
    settle(window, loop)
    wait_until(loop, lambda: ticket(world, ticket_id).return_count == 1)


def test_extension_hours_typed_out_of_range_are_refused_not_replaced_by_the_last_valid_value(
        world, open_window, loop, qtbot) -> None:
    """The hours box shows "0" (or a half-typed number) while its value is still the last valid one: neither
    Ctrl+Return nor Return in the box may submit that hidden value."""
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    window = open_window("heco")
    assert window.view.select_ticket(ticket_id)
    window.qactions["unit_extension"].trigger()
    dialog = dialog_of(window, loop, ExtensionDialog)
    _active(dialog, loop)
    dialog.reason.insert("需夜间蹲点取证")
    dialog.hours.setFocus()
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, "0")
    assert dialog.hours.text().startswith("0") and dialog.hours.value() == 24   # shown 0, value 24
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "0.5 到 1440 小时" in dialog.problem.text()
    assert dialog.hours.hasFocus()
    qtbot.keyClick(dialog.hours, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.hours.text().startswith("0")
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, "36")
    qtbot.keyClick(dialog.hours, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    settle(window, loop)
    wait_until(loop, lambda: reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.pending_extension_hours == 36)


def test_services_refuse_a_blank_extension_reason_and_a_blank_refusal_and_store_nothing(world) -> None:
    eco = add_handler(world, "福田区/ecology", "heco")
    ticket_id = world.intake("园岭街道工地半夜施工", item=NOISE)
    unit_desk.accept(world.ctx, eco, ticket_id)
    with pytest.raises(ValidationError, match="延期理由不能为空"):
        unit_desk.request_extension(world.ctx, eco, ticket_id, 24, " \t ")
    assert reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.pending_extension_hours is None
    unit_desk.request_extension(world.ctx, eco, ticket_id, 24, "  需夜间蹲点取证 ")
    assert reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.pending_extension_hours == 24
    with pytest.raises(ValidationError, match="驳回延期须填写理由"):
        supervision.decide_extension(world.ctx, world.actors["sup01"], ticket_id, unit_code="福田区/ecology",
                                     approve=False, reason="   ")
    assert reply_context(world.ctx.db, ticket_id, eco.unit_id).mine.pending_extension_hours == 24
