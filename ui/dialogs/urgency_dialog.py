"""Change a ticket's urgency: 1/2/3 pick urgent/fast/normal, a reason is required. GUI thread.

Keys: 1/2/3 (or Alt+1/2/3) pick the urgency while the reason is still empty — typed into a reason they are
text; Enter submits; a missing reason is said in red under the field, which keeps the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from console.domain.enums import Urgency
from ui.i18n import t
from ui.palette import urgency_icon
from ui.prompts import UrgencyChoice


class UrgencyDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("调整紧急程度"))
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        self.buttons: dict[str, QRadioButton] = {}
        for number, urgency in enumerate(Urgency, start=1):
            button = QRadioButton(f"&{number} {t(urgency.label)}")
            button.setIcon(urgency_icon(urgency.value))
            button.setChecked(urgency.value == current)
            self.group.addButton(button)
            self.buttons[urgency.value] = button
            row.addWidget(button)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(t("必须填写原因"))
        form = QFormLayout(self)
        form.addRow(t("紧急程度"), row)
        form.addRow(t("原因"), self.reason)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c62828")
        form.addRow(self.problem)
        self.reason.installEventFilter(self)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.reason.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """1/2/3 typed into the still-empty reason pick the urgency instead of becoming its first character."""
        if (watched is self.reason and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and not self.reason.text() and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                                     Qt.KeyboardModifier.KeypadModifier)):
            picked = {Qt.Key.Key_1.value: 0, Qt.Key.Key_2.value: 1, Qt.Key.Key_3.value: 2}.get(event.key())
            if picked is not None:
                list(self.buttons.values())[picked].setChecked(True)
                return True
        return super().eventFilter(watched, event)

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.problem.setText(t("请填写调整原因"))
            self.reason.setFocus()
            return
        self.accept()

    def choice(self) -> UrgencyChoice:
        chosen = next((k for k, b in self.buttons.items() if b.isChecked()), Urgency.NORMAL.value)
        return UrgencyChoice(chosen, self.reason.text().strip())
