"""The status bar: database connection state (live by NOTIFY or polling; the connection label's tooltip
also reports the reconciliation figures), counts per urgency and breached, rows shown, time of the last
update, and one-line messages. Reads only the queue model (GUI thread).

"Connected" is only claimed while the view is fresh: when no read has succeeded for ``STALE_AFTER_S``
(the DB worker is held up, e.g. by a lock wait or a slow statement) the connection label says so, with the
age of the data, until the next successful read."""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime
from functools import partial
from operator import attrgetter, ge

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.domain.clock import ROOM_TZ
from ui.i18n import t
from ui.queue_model import QueueModel

COUNT_INTERVAL_MS = 2000
STALE_AFTER_S = 15.0  # the PostgreSQL safety poll reads every 5 s even in a quiet room
_URGENCY = attrgetter("urgency")
_DUE = attrgetter("due_ts")


class DispatchStatusBar(QStatusBar):
    def __init__(self, model: QueueModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.user = QLabel()
        self.addWidget(self.user)
        self.connection = QLabel()
        self.counts = QLabel()
        self.shown = QLabel()
        self.updated = QLabel()
        for label in (self.connection, self.counts, self.shown, self.updated):
            self.addPermanentWidget(label)
        self.live_mode = ""
        self.reconciliation = ""
        self.last_updated: float | None = None
        self.stale = False
        self.set_connection(True, "")
        self._timer = QTimer(self)
        self._timer.setInterval(COUNT_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_counts)
        self._timer.start()
        model.countsChanged.connect(self.refresh_counts)

    def set_user(self, text: str) -> None:
        self.user.setText(text)

    def set_connection(self, connected: bool, message: str) -> None:
        self.connected = connected
        self.stale = False
        if connected:
            self.connection.setText(f"<span style='color:#2e7d32'>●</span> {t('数据库已连接')}{self.live_mode}")
            self.connection.setToolTip(self.reconciliation)
        else:
            self.connection.setText(f"<span style='color:#c62828'>●</span> {t('数据库连接中断，正在重试')}")
            self.connection.setToolTip("\n".join(x for x in (message, self.reconciliation) if x))
            if message:
                self.showMessage(message, 10000)

    def set_live_mode(self, notify: bool) -> None:
        """PostgreSQL NOTIFY wake-ups, or SQLite polling."""
        self.live_mode = f" · {t('实时')}" if notify else f" · {t('轮询')}"
        self.set_connection(self.connected, "")

    def set_reconciliation(self, runs: int, repairs: int, when: float | None) -> None:
        """The connection label's tooltip: when the view was last checked against the database, and how
        many rows had to be repaired in total (expected 0)."""
        at = datetime.fromtimestamp(when, ROOM_TZ).strftime("%H:%M:%S") if when else "—"
        self.reconciliation = t("队列核对：{runs} 次，最近 {at}，累计修复 {repairs} 行").format(
            runs=runs, at=at, repairs=repairs)
        if self.connected:
            self.connection.setToolTip(self.reconciliation)

    def set_updated(self, when: float) -> None:
        self.last_updated = when
        self.updated.setText(t("更新于") + " " + datetime.fromtimestamp(when, ROOM_TZ).strftime("%H:%M:%S"))
        if self.stale:
            self.set_connection(self.connected, "")

    def check_stale(self, now: float | None = None) -> None:
        """Online but no successful read for ``STALE_AFTER_S``: say the data is getting old (and why)."""
        if not self.connected or self.last_updated is None:
            return
        age = (now if now is not None else time.time()) - self.last_updated
        if age < STALE_AFTER_S:
            return
        self.stale = True
        self.connection.setText("<span style='color:#d98200'>●</span> "
                                + t("数据库响应缓慢：{seconds} 秒未更新").format(seconds=int(age)))
        self.connection.setToolTip(t("数据库没有及时回应（可能在等待其他会话释放锁）。显示的数据可能已过时，正在等待。"))

    def refresh_counts(self) -> None:
        self.check_stale()
        rows = self.model.all_rows()
        by_urgency = Counter(map(_URGENCY, rows))
        urgent, fast, normal = by_urgency["urgent"], by_urgency["fast"], by_urgency["normal"]
        breached = sum(map(partial(ge, time.time()), map(_DUE, rows)))  # due <= now
        self.counts.setText(
            f"<span style='color:#c62828'>▲ {t('紧急')} {urgent}</span>  "
            f"<span style='color:#d98200'>◆ {t('快速')} {fast}</span>  "
            f"<span style='color:#607d8b'>● {t('常态')} {normal}</span>  "
            f"<b style='color:#c62828'>{t('已超时')} {breached}</b>")
        self.shown.setText(f"{t('显示')} {self.model.rowCount()} / {len(self.model.all_rows())}")

    def stop(self) -> None:
        self._timer.stop()
