"""The lock page that covers the window: who is logged in, why the screen is locked, a password field,
「解锁」 and 「切换用户」. In re-login mode (shift change) the user name is editable: the same user
continues, another user starts a session of their own. Shows no ticket or citizen data. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.i18n import t


class LockPage(QWidget):
    """``unlockRequested(username, password)`` and ``switchRequested()``; the controller answers with
    ``show_error`` / ``ask_to_confirm_switch``."""

    unlockRequested = Signal(str, str)
    switchRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockPage")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(420)
        layout = QVBoxLayout(box)
        self.title = QLabel(t("屏幕已锁定"))
        self.title.setStyleSheet("font-size: 20px; font-weight: bold")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel()
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        form = QFormLayout()
        self.user_label = QLabel()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(t("输入密码后按回车解锁"))
        form.addRow(t("用户"), self.user_label)
        form.addRow(t("用户名(&U)"), self.username)
        form.addRow(t("密码(&P)"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(t("解锁"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(t("切换用户"))
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._form = form
        self._switch_confirming = False
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.unlock_button.clicked.connect(self._submit)
        self.switch_button.clicked.connect(self._switch)

    def present(self, display_name: str, username: str, reason: str, relogin: bool) -> None:
        """Show the page for ``display_name``; ``relogin`` makes the user name editable (shift change)."""
        self.reason.setText(reason)
        self.user_label.setText(t("{name}（{user}）").format(name=display_name, user=username))
        self.username.setText(username)
        self._form.setRowVisible(self.user_label, not relogin)
        self._form.setRowVisible(self.username, relogin)
        self.unlock_button.setText(t("登录") if relogin else t("解锁"))
        self.title.setText(t("交接班：请重新登录") if relogin else t("屏幕已锁定"))
        self.password.clear()
        self.error.clear()
        self.set_busy(False)
        self._reset_switch()
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.password, self.username, self.unlock_button, self.switch_button):
            widget.setEnabled(not busy)
        if busy:
            self.error.setText(t("正在验证…"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.error.setText(text)
        self.password.clear()
        self.password.setFocus()

    def ask_to_confirm_switch(self, text: str) -> None:
        """The first 「切换用户」 found drafts: say what would be lost; a second click confirms."""
        self._switch_confirming = True
        self.error.setText(text)
        self.switch_button.setText(t("仍要切换用户"))

    def _reset_switch(self) -> None:
        self._switch_confirming = False
        self.switch_button.setText(t("切换用户"))

    @property
    def switch_confirmed(self) -> bool:
        return self._switch_confirming

    def _submit(self) -> None:
        if not self.password.text():
            self.error.setText(t("请输入密码"))
            return
        self._reset_switch()
        self.unlockRequested.emit(self.username.text().strip(), self.password.text())

    def _switch(self) -> None:
        self.switchRequested.emit()
