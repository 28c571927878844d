"""The screen lock on a real window and a temporary SQLite database: the idle lock (interval injected, no
waiting minutes) covers the queue, the detail, docks and open windows so no citizen data is visible, eats
the window's shortcuts, and gives everything back as it was after the right password; failures count
and can lock the account; Ctrl+L; 「切换用户」 asks when drafts would be lost; at the end of a shift the
console asks for a re-login — the same user continues with drafts kept, another user is handed a session
of their own; 账户 → 修改密码…."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from conftest import dialog_of, settle, wait_until
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db.schema import EventRow
from console.services import accounts
from ui.lock.controller import IDLE, SHIFT, Handoff
from ui.lock.idle import effective_idle_minutes

PHONE = "13900001111"
MASKED = "139****1111"
NAME = "欧阳娜娜"


def visible_text() -> str:
    """Everything a person could read on screen now: texts of visible widgets and the cells of visible views."""
    parts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        parts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            parts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(), 200)):
                for column in range(model.columnCount()):
                    parts.append(str(model.index(row, column).data() or ""))
    return "\n".join(parts)


def _drafts(window: Any) -> tuple[QDialog, QLineEdit, QDockWidget, QPlainTextEdit]:
    """A non-modal panel with a half-typed field and a dock with a half-typed note, as panels have them."""
    panel = QDialog(window)
    panel.setWindowTitle("备注草稿")
    field = QLineEdit("市民说明天上午在家")
    QVBoxLayout(panel).addWidget(field)
    panel.setModal(False)
    panel.show()
    dock = QDockWidget("交接说明", window)
    note = QPlainTextEdit("夜班注意：园岭路灯")
    dock.setWidget(note)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.show()
    return panel, field, dock, note


def _open_on_citizen(world: Any, window_factory: Any, loop: Any) -> tuple[Any, int]:
    ticket = world.intake("电梯困人", name=NAME, phone=PHONE)
    window = window_factory("disp01")
    window.view.select_ticket(ticket)
    wait_until(loop, lambda: window.detail.detail is not None and window.detail.detail.id == ticket)
    return window, ticket


def _unlock(window: Any, loop: Any, password: str, username: str | None = None) -> None:
    page = window.screen_lock.page
    if username is not None:
        page.username.setText(username)
    page.password.setText(password)
    QtBot.keyClick(page.password, Qt.Key.Key_Return)
    settle(window, loop)


@pytest.fixture
def keep_app_running(qapp: Any) -> Iterator[None]:
    """A window closing while the loop runs must not quit the application (as in ``ui.app``)."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(before)


def _events(world: Any, action: str) -> list[EventRow]:
    with world.ctx.db.reader() as s:
        return list(s.scalars(select(EventRow).where(EventRow.action == action).order_by(EventRow.id)))


def test_idle_lock_hides_personal_data_and_unlock_gives_drafts_back(world, open_window, loop) -> None:
    window, ticket = _open_on_citizen(world, open_window, loop)
    panel, field, dock, note = _drafts(window)
    assert MASKED in visible_text() and window.view.isVisible()  # the test can see what it must not see later
    window.screen_lock.apply_idle_setting(150)
    wait_until(loop, lambda: window.screen_lock.locked, timeout=5)
    assert window.screen_lock.reason == IDLE
    window.screen_lock.apply_idle_setting(60_000)  # no second idle lock while the test checks the unlocked window
    shown = visible_text()
    for secret in (PHONE, MASKED, NAME, "电梯困人", "市民说明天上午在家", "夜班注意"):
        assert secret not in shown
    assert not any(w.isVisible() for w in (window.view, window.detail, window.filter_bar, panel, dock))
    assert not window.menuBar().isVisible()
    assert window.screen_lock.page.isVisible() and "李分拨" in shown
    QtBot.keyClick(window.screen_lock.page.switch_button, Qt.Key.Key_C)  # claim's shortcut does nothing
    settle(window, loop)
    assert world.ctx and window.model.get(ticket).claimed_by is None
    _unlock(window, loop, "wrong-password")
    assert window.screen_lock.locked and accounts.REFUSED in window.screen_lock.page.error.text()
    _unlock(window, loop, "demo")
    assert not window.screen_lock.locked
    assert window.view.isVisible() and panel.isVisible() and dock.isVisible() and window.menuBar().isVisible()
    assert field.text() == "市民说明天上午在家" and note.toPlainText() == "夜班注意：园岭路灯"
    assert window.view.current_id() == ticket and MASKED in visible_text()
    assert [e.data["kind"] for e in _events(world, accounts.LOGIN)] == ["unlock"]
    assert len(_events(world, accounts.LOGIN_FAILED)) == 1
    window.screen_lock.apply_idle_setting(150)
    wait_until(loop, lambda: window.screen_lock.locked, timeout=5)  # idle again: locks again


def test_a_window_opened_while_locked_stays_hidden_until_unlock(world, open_window, loop) -> None:
    window, _ticket = _open_on_citizen(world, open_window, loop)
    window.screen_lock.lock()
    late = QDialog(window)
    late.setWindowTitle(PHONE)
    late.show()
    wait_until(loop, lambda: not late.isVisible())
    _unlock(window, loop, "demo")
    assert late.isVisible()


def test_ctrl_l_locks_and_repeated_failures_lock_the_account(world, open_window, loop) -> None:
    window = open_window("disp01")
    window.activateWindow()
    window.view.setFocus()
    QtBot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.screen_lock.locked
    for _ in range(5):
        _unlock(window, loop, "wrong-password")
    assert "锁定至" in window.screen_lock.page.error.text()
    _unlock(window, loop, "demo")  # the right password is refused while the account is locked
    assert window.screen_lock.locked and "锁定至" in window.screen_lock.page.error.text()
    world.clock.advance(timedelta(minutes=1))
    _unlock(window, loop, "demo")
    assert not window.screen_lock.locked


def test_switch_user_asks_before_dropping_drafts_then_ends_the_session(world, open_window, loop,
                                                                       keep_app_running) -> None:
    window = open_window("disp01")
    _drafts(window)
    window.screen_lock.lock()
    page = window.screen_lock.page
    QtBot.mouseClick(page.switch_button, Qt.MouseButton.LeftButton)
    assert "备注草稿" in page.error.text() and "交接说明" in page.error.text() and window.isVisible()
    QtBot.mouseClick(page.switch_button, Qt.MouseButton.LeftButton)
    wait_until(loop, lambda: not window.isVisible())
    assert window.screen_lock.handoff == Handoff(None)


def test_shift_change_asks_for_a_relogin_and_the_same_user_continues(world, open_window, loop) -> None:
    window = open_window("disp01")
    panel, field, _dock, _note = _drafts(window)
    window.screen_lock.check_shift()
    assert not window.screen_lock.locked
    world.clock.set(window.session.shift().end + timedelta(seconds=1))
    window.screen_lock.check_shift()
    page = window.screen_lock.page
    assert window.screen_lock.reason == SHIFT and page.title.text() == "交接班：请重新登录"
    assert page.username.isVisible() and page.username.text() == "disp01" and not panel.isVisible()
    _unlock(window, loop, "demo")
    assert not window.screen_lock.locked and panel.isVisible() and field.text() == "市民说明天上午在家"
    assert window.screen_lock.shift.start <= world.clock.now() < window.screen_lock.shift.end
    assert [e.data["kind"] for e in _events(world, accounts.LOGIN)] == ["relogin"]


def test_shift_change_hands_the_console_to_the_next_user(world, open_window, loop, keep_app_running) -> None:
    window = open_window("disp01")
    world.clock.set(window.session.shift().end)
    window.screen_lock.lock()  # idle-locked when the shift ends: becomes a re-login
    window.screen_lock.check_shift()
    assert window.screen_lock.reason == SHIFT
    _unlock(window, loop, "demo", username="disp02")
    wait_until(loop, lambda: not window.isVisible())
    handoff = window.screen_lock.handoff
    assert handoff is not None and handoff.username == "disp02"
    assert handoff.actor is not None and handoff.actor.staff_id == world.actors["disp02"].staff_id


def test_change_password_from_the_account_menu(world, open_window, loop) -> None:
    from ui.dialogs.password_dialog import PasswordDialog

    window = open_window("disp01")
    assert window.qactions["change_password"].text() == "修改密码…"
    assert window.qactions["lock"].shortcut().toString() == "Ctrl+L"
    window.qactions["change_password"].trigger()
    dialog = dialog_of(window, loop, PasswordDialog)
    dialog.old.setText("demo")
    dialog.new.setText("disp01")
    dialog.repeat.setText("disp01")
    dialog.accept()
    wait_until(loop, lambda: dialog.isVisible() and dialog.error.text())
    assert "至少 8 位" in dialog.error.text()
    dialog.old.setText("demo")
    dialog.new.setText("new-secret-1")
    dialog.repeat.setText("new-secret-1")
    dialog.accept()
    settle(window, loop)
    assert not dialog.isVisible()
    assert accounts.authenticate(world.ctx, "disp01", "new-secret-1").name == "李分拨"
    assert "密码已修改" in window.status.currentMessage()


def test_workstation_idle_limit_may_only_shorten_the_rooms() -> None:
    assert effective_idle_minutes(5, 0) == 5
    assert effective_idle_minutes(5, 2) == 2
    assert effective_idle_minutes(5, 30) == 5
    assert effective_idle_minutes(0, 0) == 0 and effective_idle_minutes(0, 3) == 3


def test_settings_dialog_offers_the_idle_lock(qapp) -> None:
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.lock.idle import workstation_idle_minutes
    from ui.preferences import Preferences

    dialog = SettingsDialog(Preferences(), None, room_idle_minutes=5)
    assert dialog.idle_minutes.maximum() == 5
    dialog.idle_minutes.setValue(3)
    dialog.save_workstation_options()
    assert workstation_idle_minutes() == 3


def test_the_handover_composer_and_a_modal_prompt_survive_a_lock(world, open_window, loop) -> None:
    from ui.handover.composer import HandoverComposer
    from ui.prompts import run_dialog

    window = open_window("sup01")
    window.qactions["handover"].trigger()
    composer = dialog_of(window, loop, HandoverComposer)
    wait_until(loop, lambda: composer.current is not None)  # its own gathering has finished
    composer.notes.setPlainText("园岭片区停电，夜班继续跟进")
    prompt = QDialog(window)
    prompt.setWindowTitle("添加备注")
    typed = QLineEdit("已联系物业")
    QVBoxLayout(prompt).addWidget(typed)
    answer = window.session.tasks.spawn(run_dialog(prompt))  # window-modal, as every prompt of the window
    wait_until(loop, prompt.isVisible)
    window.screen_lock.lock()
    assert not composer.isVisible() and not prompt.isVisible()
    assert QApplication.activeModalWidget() is None  # the lock page takes input, the prompt does not block it
    assert "园岭片区停电" not in visible_text() and "已联系物业" not in visible_text()
    window.session.tasks.spawn(window.screen_lock.try_unlock("sup01", "demo"))  # not settle(): the prompt waits
    wait_until(loop, lambda: not window.screen_lock.locked)
    assert composer.isVisible() and composer.notes.toPlainText() == "园岭片区停电，夜班继续跟进"
    assert prompt.isVisible() and typed.text() == "已联系物业" and not answer.done()
    prompt.accept()
    wait_until(loop, answer.done)
    assert answer.result() == QDialog.DialogCode.Accepted
    assert "reset_password" not in window.qactions  # administrators only
