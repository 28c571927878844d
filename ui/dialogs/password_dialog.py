"""Passwords from the window: 账户 → 修改密码… (``PasswordDialog`` + ``change_password_flow``) and, for
administrators, 重置他人密码… (``ResetPasswordDialog`` + ``reset_password_flow``). The services check the
rules and the old password on the DB worker; the dialog stays open with the error until it succeeds or
is cancelled. GUI thread."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from console.domain.errors import DomainError
from console.domain.ticket import Actor
from console.services import accounts
from console.services.context import ServiceContext
from ui.i18n import t
from ui.prompts import run_dialog
from ui.worker import DbWorker


class Outcome(Enum):
    CHANGED = "changed"
    CANCELLED = "cancelled"
    LOCKED = "locked"  # the old password failed too often: the account is locked


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _PasswordForm(QDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.form = QFormLayout(self)
        self.new = _secret()
        self.repeat = _secret()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

    def _finish(self, min_length: int) -> None:
        self.form.addRow(t("新密码(&N)"), self.new)
        self.form.addRow(t("再次输入(&R)"), self.repeat)
        self.form.addRow("", QLabel(t("至少 {n} 位，不能与用户名相同").format(n=min_length)))
        self.form.addRow(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.form.addRow(box)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        for field in self.findChildren(QLineEdit):
            if field.echoMode() == QLineEdit.EchoMode.Password:
                field.clear()

    def mismatch(self) -> bool:
        if self.new.text() != self.repeat.text():
            self.show_error(t("两次输入的新密码不一致"))
            return True
        return False


class PasswordDialog(_PasswordForm):
    """Old password, new password twice."""

    def __init__(self, username: str, min_length: int, parent: QWidget | None = None):
        super().__init__(t("修改密码"), parent)
        self.form.addRow(t("用户名"), QLabel(username))
        self.old = _secret()
        self.form.addRow(t("原密码(&O)"), self.old)
        self._finish(min_length)
        self.old.setFocus()


class ResetPasswordDialog(_PasswordForm):
    """Another account's user name, its new password twice (administrators)."""

    def __init__(self, min_length: int, parent: QWidget | None = None):
        super().__init__(t("重置他人密码"), parent)
        self.username = QLineEdit()
        self.form.addRow(t("用户名(&U)"), self.username)
        self._finish(min_length)
        self.form.insertRow(self.form.rowCount() - 1, "", QLabel(t("重置后该账号的锁定同时解除")))
        self.username.setFocus()


async def change_password_flow(dialog: PasswordDialog, worker: DbWorker, ctx: ServiceContext,
                               actor: Actor) -> Outcome:
    """Ask until the change succeeds, is cancelled, or the old password locked the account."""
    while await run_dialog(dialog) == QDialog.DialogCode.Accepted:
        if dialog.mismatch():
            continue
        try:
            await worker.run(accounts.change_password, ctx, actor, dialog.old.text(), dialog.new.text())
        except accounts.AccountLocked as error:
            dialog.show_error(str(error))
            return Outcome.LOCKED
        except DomainError as error:
            dialog.show_error(str(error))
            continue
        return Outcome.CHANGED
    return Outcome.CANCELLED


async def reset_password_flow(dialog: ResetPasswordDialog, worker: DbWorker, ctx: ServiceContext,
                              admin: Actor) -> Outcome:
    """Ask until the reset succeeds or is cancelled."""
    while await run_dialog(dialog) == QDialog.DialogCode.Accepted:
        if dialog.mismatch():
            continue
        try:
            await worker.run(accounts.reset_password, ctx, admin, dialog.username.text().strip(), dialog.new.text())
        except DomainError as error:
            dialog.show_error(str(error))
            continue
        return Outcome.CHANGED
    return Outcome.CANCELLED


async def run_change_password(window: Any) -> Outcome:
    """The window's 修改密码… command: a message when done; the screen locks if the account was locked."""
    session = window.session
    ctx = session.backend.ctx
    dialog = PasswordDialog(session.username, ctx.settings.password_min_length, window)
    outcome = await change_password_flow(dialog, session.worker, ctx, session.actor)
    if outcome is Outcome.CHANGED:
        window.status.showMessage(t("密码已修改"), 10000)
    elif outcome is Outcome.LOCKED:
        window.prompter.error(t("账号已锁定"), dialog.error.text())
        window.screen_lock.lock()
    return outcome


async def run_reset_password(window: Any) -> Outcome:
    """The window's 重置他人密码… command (administrators)."""
    session = window.session
    ctx = session.backend.ctx
    dialog = ResetPasswordDialog(ctx.settings.password_min_length, window)
    outcome = await reset_password_flow(dialog, session.worker, ctx, session.actor)
    if outcome is Outcome.CHANGED:
        window.status.showMessage(t("已重置 {name} 的密码").format(name=dialog.username.text().strip()), 10000)
    return outcome
