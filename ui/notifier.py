"""Desktop notification for a new urgent ticket: a tray balloon when the system has a tray, an optional
beep, and always a status-bar line. Bursts are coalesced into one notice. GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from console.queries.rows import QueueRow
from ui.i18n import t
from ui.palette import urgency_icon


class UrgentNotifier(QObject):
    notified = Signal(str)

    def __init__(self, sound: bool = True, tray: bool = True, parent: QObject | None = None):
        super().__init__(parent)
        self.sound = sound
        self.tray: QSystemTrayIcon | None = None
        if tray and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(urgency_icon("urgent", 32), self)
            self.tray.setToolTip(t("分拨调度台"))
            self.tray.show()
        self._pending: list[QueueRow] = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(800)
        self._flush.timeout.connect(self._notify)
        self.count = 0

    def urgent_arrived(self, row: QueueRow) -> None:
        self._pending.append(row)
        self._flush.start()

    def _notify(self) -> None:
        rows, self._pending = self._pending, []
        if not rows:
            return
        self.count += len(rows)
        if len(rows) == 1:
            text = f"{rows[0].number} {rows[0].title}"
        else:
            numbers = t("、").join(r.number for r in rows[:3])
            text = t("{n} 张新紧急工单：{numbers}").format(n=len(rows), numbers=numbers)
        if self.tray is not None:
            self.tray.showMessage(t("新紧急工单"), text, QSystemTrayIcon.MessageIcon.Warning, 8000)
        if self.sound:
            QApplication.beep()
        self.notified.emit(t("新紧急工单：{text}").format(text=text))

    def stop(self) -> None:
        self._flush.stop()
        if self.tray is not None:
            self.tray.hide()
