"""The offline banner: a bar above the queue while the database cannot be reached. It says that the
view is read-only, how old the data is, that the window is reconnecting by itself, and offers "retry now".
GUI thread."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.domain.clock import ROOM_TZ
from ui.i18n import t

_STYLE = ("QFrame#offlineBanner { background: #b71c1c; border-bottom: 1px solid #7f0000; }"
          "QFrame#offlineBanner QLabel { color: white; font-weight: bold; }"
          "QFrame#offlineBanner QPushButton { color: #b71c1c; background: white; border-radius: 3px;"
          " padding: 2px 10px; font-weight: bold; }")


class OfflineBanner(QFrame):
    """Hidden while online. ``show_offline(since, last_live, message)`` / ``show_online()``."""

    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setStyleSheet(_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.detail = QLabel()
        self.retry = QPushButton(t("立即重试"))
        self.retry.clicked.connect(self.retryRequested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.retry)
        self._since = 0.0
        self._last_live = 0.0
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._update)
        self.hide()

    def show_offline(self, since: float, last_live: float, message: str) -> None:
        self._since, self._last_live = since, last_live
        self.setToolTip(message)
        self._update()
        self.show()
        self._clock.start()

    def show_online(self) -> None:
        self._clock.stop()
        self.hide()

    def _update(self) -> None:
        data_time = datetime.fromtimestamp(self._last_live, ROOM_TZ).strftime("%H:%M:%S")
        self.text.setText(t("数据库连接中断：只读模式，显示的是 {time} 的数据，认领、分拨等操作已暂停。正在自动重连…")
                          .format(time=data_time))
        self.detail.setText(t("已断开 {seconds} 秒").format(seconds=int(max(0.0, time.time() - self._since))))

    def stop(self) -> None:
        self._clock.stop()
