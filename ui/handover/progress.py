"""A progress bar with a cancel button, bound to an ``ExportRunner`` (GUI thread)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.handover.runner import ExportRunner
from ui.i18n import t


class ExportProgress(QWidget):
    """Hidden while idle; shows what runs, how far (busy indicator while the total is unknown), and 取消."""

    def __init__(self, runner: ExportRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel("")
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(220)
        self.cancel_button = QPushButton(t("取消"))
        self.cancel_button.setObjectName("handoverCancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self._cancel)
        runner.progressed.connect(self._progress)
        runner.busy_changed.connect(self._busy)
        self.setVisible(False)

    def begin(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)

    def _busy(self, busy: bool) -> None:
        self.setVisible(busy)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(t("{done} / {total} 行").format(done=f"{done:,}", total=f"{total:,}"))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(t("正在取消…"))
        self.runner.cancel()
