"""The prompter's text question (notes, escalations, reminders, reasons, view names): one line, or several.

Contract: OK — Return in a one-line text, Ctrl+Return (or the keypad's Ctrl+Enter) anywhere, also in a
multi-line text where Return makes a new line — refuses a blank or whitespace-only text with a message under
the field and keeps the focus there; Tab leaves a multi-line text (no tab characters); Escape cancels.
``text()`` is the answer trimmed. GUI thread; no database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import t

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Enter = the keypad's


class TextDialog(QDialog):
    def __init__(self, title: str, label: str, default: str = "", multiline: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        prompt = QLabel(label)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.editor: QLineEdit | QPlainTextEdit
        if multiline:
            self.resize(520, 300)
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setPlainText(default)
            self.editor = editor
        else:
            self.resize(420, 0)
            self.editor = QLineEdit(default)
        prompt.setBuddy(self.editor)
        layout.addWidget(self.editor, 1)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        for key in SUBMIT_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._accept)
        name = QKeySequence(SUBMIT_KEYS[0]).toString(QKeySequence.SequenceFormat.NativeText)
        hint = t("按 {key} 提交").format(key=name)
        box.button(QDialogButtonBox.StandardButton.Ok).setToolTip(hint)
        if multiline:
            self.editor.setPlaceholderText(hint)
        self.editor.setFocus()

    def text(self) -> str:
        """The answer, trimmed."""
        editor = self.editor
        raw = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        return raw.strip()

    def _accept(self) -> None:
        if not self.text():
            self.problem.setText(t("内容不能为空，请填写后再提交"))
            self.editor.setFocus()
            return
        self.accept()
