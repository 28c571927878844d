"""The review-and-dispatch dialog (R): duty items found by pinyin initials, code and keywords (the review
desk's ``ItemIndex`` search), the unit preview following whatever the field holds, 分拨 disabled while the
field is not a valid duty item, and R refused — without claiming — on a ticket that cannot be dispatched."""

from __future__ import annotations

from conftest import run, wait_until
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from console.queries.detail import preview_item, ticket_detail
from console.review_desk.search_load import load_item_index
from console.services import triage
from ui.dialogs.dispatch_dialog import DispatchDialog
from ui.prompts import DispatchChoice


def open_dialog(world, qtbot, text: str = "邻居家KTV唱到半夜") -> tuple[DispatchDialog, int]:
    ticket = world.intake(text)
    detail = ticket_detail(world.ctx, ticket, world.actors["disp01"].role)

    async def preview(code: str):
        return preview_item(world.ctx, ticket, code)

    dialog = DispatchDialog(detail, load_item_index(world.ctx), preview)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    return dialog, ticket


def type_item(dialog: DispatchDialog, text: str) -> None:
    """Type ``text`` over the field: keys for Latin letters and digits, an input-method commit (as a
    Chinese IME sends it) for the rest."""
    line = dialog.item.lineEdit()
    dialog.item.setFocus()
    line.selectAll()
    if text.isascii():
        QTest.keyClicks(line, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(line, event)


def completions(dialog: DispatchDialog) -> list[str]:
    return dialog.matches.stringList()


def test_pinyin_initials_code_and_keywords_complete_like_the_review_desk(world, loop, qtbot) -> None:
    dialog, _ = open_dialog(world, qtbot)
    type_item(dialog, "sgzs")
    assert completions(dialog)[0] == "010101 建筑施工噪声"
    popup = dialog.item.completer().popup()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.item.currentText() == "010101 建筑施工噪声"
    assert dialog.item_code() == "010101" and dialog.ok.isEnabled()
    type_item(dialog, "煤气味")  # a keyword, not in the item's name
    assert completions(dialog) == ["020101 燃气泄漏"]
    type_item(dialog, "02")
    assert completions(dialog) == ["020101 燃气泄漏", "020201 城中村违建"]


def test_preview_follows_the_text_and_says_when_it_is_not_an_item(world, loop, qtbot) -> None:
    dialog, ticket = open_dialog(world, qtbot)
    dialog.item.setCurrentIndex(dialog.item.findData("010102"))
    police = preview_item(world.ctx, ticket, "010102").lead_unit_name
    wait_until(loop, lambda: police in dialog.units.text())
    type_item(dialog, "噪声")
    assert police not in dialog.units.text()
    assert "不是有效的职责事项" in dialog.units.text() and "噪声" in dialog.units.text()
    assert dialog.item_code() == ""
    type_item(dialog, "010101")  # a bare code is a valid item
    ecology = preview_item(world.ctx, ticket, "010101").lead_unit_name
    assert ecology != police
    wait_until(loop, lambda: ecology in dialog.units.text())
    assert dialog.item_code() == "010101" and dialog.ok.isEnabled()


def test_dispatch_disabled_and_enter_refused_while_the_item_is_not_valid(world, loop, qtbot) -> None:
    dialog, _ = open_dialog(world, qtbot)
    type_item(dialog, "sgzs")
    dialog.item.completer().popup().hide()
    assert not dialog.ok.isEnabled()
    QTest.keyClick(dialog.item.lineEdit(), Qt.Key.Key_Return)
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    dialog._accept()  # even if reached another way, the problem is named and nothing is dispatched
    assert dialog.isVisible() and "有效的职责事项" in dialog.problem.text()
    type_item(dialog, "020101 燃气泄漏")
    assert dialog.ok.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == DispatchChoice("020101", "")


def test_review_refused_on_a_dispatched_ticket_without_claiming(world, open_window, loop) -> None:
    from test_ui_window import press

    ticket = world.intake("邻居家KTV唱到半夜")
    triage.dispatch(world.ctx, world.actors["disp02"], ticket, item_code="010102")
    window = open_window("disp01")
    wait_until(loop, lambda: window.model.get(ticket) is not None and window.model.get(ticket).status == "dispatched")
    window.view.select_ticket(ticket)
    press(window, Qt.Key.Key_R)
    run(loop, window.session.tasks.settle())
    message = window.status.currentMessage()
    assert "不能再分拨" in message and "改派" in message
    assert not [kind for kind, _ in window.prompter.asked if kind in ("dispatch", "confirm")]
    assert window.model.get(ticket).claimed_by is None
    assert not [e for e in ticket_detail(world.ctx, ticket, world.actors["disp01"].role).events
                if e.action == "claim"]
