"""Ask why the user needs a ticket's unmasked personal data (the reason is recorded on its timeline).

A common reason can be picked from the list or any reason typed; OK stays refused until the reason passes
the same check as the service (``personal_data.clean_reason``). GUI thread; open with ``prompts.run_dialog``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from console.domain.errors import ValidationError
from console.services.personal_data import clean_reason
from ui.i18n import record, t

# Stored as they are (canonical Chinese) on the ticket's timeline; listed through t().
COMMON_REASONS = (record("市民要求回电"), record("上门核实需联系市民"), record("核实市民身份"), record("回访满意度"),
                  record("补充诉求信息"))

MIN_WIDTH, MAX_WIDTH = 420, 640


class RevealDialog(QDialog):
    """Reason for revealing the personal data of ticket ``number``; ``reason()`` after ``Accepted``."""

    def __init__(self, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("查看完整信息"))
        self.setObjectName("revealDialog")
        layout = QVBoxLayout(self)
        lines = (t("查看工单 {number} 的市民姓名、电话、地址和完整诉求内容。").format(number=number),
                 t("原因和查看人将记录在工单办理轨迹中。"))
        intro = QLabel("\n".join(lines))
        intro.setWordWrap(True)
        # Wide enough for the intro's lines unwrapped (within reason): a word-wrapped label alone would let
        # the dialog shrink to a narrow column of broken lines.
        widest = max(intro.fontMetrics().horizontalAdvance(line) for line in lines)
        self.setMinimumWidth(max(MIN_WIDTH, min(widest + 40, MAX_WIDTH)))
        layout.addWidget(intro)
        self.reason_box = QComboBox()
        self.reason_box.setEditable(True)
        self.reason_box.addItems([t(r) for r in COMMON_REASONS])
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.lineEdit().setPlaceholderText(t("必须填写原因（至少 2 个字）"))
        layout.addWidget(QLabel(t("查看原因")))
        layout.addWidget(self.reason_box)
        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828")
        self.error.hide()
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(t("查看"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(t("取消"))
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.reason_box.setFocus()

    def reason(self) -> str:
        """The reason as recorded: a listed reason in Chinese (whatever the UI language), else as typed."""
        text = self.reason_box.currentText().strip()
        return {t(r): r for r in COMMON_REASONS}.get(text, text)

    def _accept(self) -> None:
        try:
            clean_reason(self.reason())
        except ValidationError as error:
            self.error.setText(str(error))
            self.error.show()
            self.reason_box.setFocus()
            return
        self.accept()
