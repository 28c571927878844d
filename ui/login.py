"""The login dialog (Chinese by default): user name and password; authentication is awaited on the DB
worker by ``login_flow`` so a slow database never freezes it. GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from console.domain.errors import DomainError
from console.domain.ticket import Actor
from console.services import accounts
from console.services.context import ServiceContext
from ui.i18n import t
from ui.prompts import run_dialog
from ui.worker import DbWorker


class LoginDialog(QDialog):
    def __init__(self, username: str = "", database: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("登录 — 分拨调度台"))
        self.setMinimumWidth(360)
        form = QFormLayout(self)
        if database:
            form.addRow(t("数据库"), QLabel(database))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(t("用户名(&U)"), self.username)
        form.addRow(t("密码(&P)"), self.password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form.addRow(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("登录"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("退出"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        (self.password if username else self.username).setFocus()


async def login_flow(dialog: LoginDialog, worker: DbWorker, ctx: ServiceContext) -> tuple[Actor, str] | None:
    """Ask until the credentials are valid (returns the actor and user name) or the user gives up (None)."""
    while True:
        if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        username = dialog.username.text().strip()
        dialog.error.setText(t("正在登录…"))
        try:
            actor = await worker.run(accounts.authenticate, ctx, username, dialog.password.text())
        except DomainError as error:
            dialog.error.setText(str(error))
            dialog.password.clear()
            dialog.password.setFocus()
            continue
        return actor, username
