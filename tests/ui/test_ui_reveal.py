"""Revealing personal data from the detail pane: masked for a dispatcher, 「查看完整信息…」 asks a reason
(refused when too short), the reveal is on the ticket's history, and the unmasked view ends when the
selection changes or the screen lock calls ``forget_revealed``."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.domain.enums import Urgency
from console.queries.detail import ticket_detail
from tests.ui.conftest import dialog_of, settle, wait_until
from ui.dialogs.reveal_dialog import RevealDialog

TEXT = "电梯困人，回电13900001111"


def shown(window):  # type: ignore[no-untyped-def]
    return window.detail.detail


def test_reveal_with_reason_until_the_selection_moves_or_the_lock(world, open_window, loop, qtbot) -> None:
    other = world.intake("垃圾没人清运")
    ticket = world.intake(TEXT, urgency=Urgency.URGENT, name="欧阳娜娜", phone="13900001111")
    window = open_window("disp01")
    window.focus_ticket(ticket)
    wait_until(loop, lambda: shown(window) is not None and shown(window).id == ticket)
    assert shown(window).citizen_name == "欧阳**" and "13900001111" not in window.detail.toPlainText()
    assert "139****1111" in shown(window).text
    assert window.detail.reveal_button.isVisible()

    qtbot.mouseClick(window.detail.reveal_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, loop, RevealDialog)
    dialog.reason_box.setEditText("a")
    dialog._accept()
    assert dialog.isVisible() and "至少" in dialog.error.text()  # refused: too short
    dialog.reason_box.setEditText("市民要求回电")
    dialog._accept()
    wait_until(loop, lambda: shown(window) is not None and not shown(window).personal_masked)
    assert shown(window).citizen_name == "欧阳娜娜" and shown(window).text == TEXT
    assert "13900001111" in window.detail.toPlainText() and not window.detail.reveal_button.isVisible()
    assert "市民要求回电" in window.detail.toPlainText()  # the reveal is on the timeline
    history = ticket_detail(world.ctx, ticket, world.actors["sup01"].role).events
    assert [(e.action, e.reason, e.actor_name) for e in history if e.action == "reveal_personal_data"] == [
        ("reveal_personal_data", "市民要求回电", "李分拨")]

    window.detail.forget_revealed()  # what the screen lock calls
    assert "13900001111" not in window.detail.toPlainText()
    wait_until(loop, lambda: shown(window) is not None and shown(window).personal_masked)

    qtbot.mouseClick(window.detail.reveal_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(window, loop, RevealDialog)
    dialog.reason_box.setEditText("核实地址")
    dialog._accept()
    wait_until(loop, lambda: shown(window) is not None and not shown(window).personal_masked)
    window.focus_ticket(other)
    wait_until(loop, lambda: shown(window) is not None and shown(window).id == other)
    window.focus_ticket(ticket)
    wait_until(loop, lambda: shown(window) is not None and shown(window).id == ticket)
    assert shown(window).personal_masked  # a new selection shows it masked again
    settle(window, loop)


def test_cancel_records_nothing_and_operators_see_no_button(world, open_window, loop) -> None:
    ticket = world.intake(TEXT, name="欧阳娜娜", phone="13900001111")
    window = open_window("disp01")
    window.focus_ticket(ticket)
    wait_until(loop, lambda: shown(window) is not None and shown(window).id == ticket)
    window.detail.reveal_button.click()
    dialog_of(window, loop, RevealDialog).reject()
    settle(window, loop)
    assert shown(window).personal_masked
    assert not [e for e in ticket_detail(world.ctx, ticket, world.actors["sup01"].role).events
                if e.action == "reveal_personal_data"]

    operator = open_window("op01")
    operator.focus_ticket(ticket)
    wait_until(loop, lambda: shown(operator) is not None and shown(operator).id == ticket)
    assert shown(operator).citizen_name == "欧阳娜娜" and not operator.detail.reveal_button.isVisible()
