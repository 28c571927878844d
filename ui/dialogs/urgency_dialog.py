"""Change a ticket's urgency: 1/2/3 pick urgent/fast/normal, a reason is required. GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("确定"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.reason.setFocus()

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.reason.setPlaceholderText(t("请填写调整原因"))
            self.reason.setFocus()
            return
        self.accept()

    def choice(self) -> UrgencyChoice:
        chosen = next((k for k, b in self.buttons.items() if b.isChecked()), Urgency.NORMAL.value)
        return UrgencyChoice(chosen, self.reason.text().strip())
