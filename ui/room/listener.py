"""The NOTIFY listener: a dedicated thread blocks on PostgreSQL's ``LISTEN dispatch_events`` so the DB
worker never waits for notifications; each wake-up is signalled to the GUI thread, which schedules one
feed poll on the worker. SQLite has no notifications: the listener is not started there (the queue polls).

Contract: ``start()``/``stop()`` on the GUI thread; signals are delivered on the GUI thread (queued).
``woke`` fires after every notification *and* after every (re)connection (the caller must catch up:
LISTEN is re-issued before that poll, so nothing committed meanwhile is missed); ``lost`` fires once per
outage of the listening connection.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from console.feed import Wakeup
from ui.i18n import t

log = logging.getLogger(__name__)

THREAD_NAME = "dc-listen"
WAIT_S = 0.5  # how often the thread looks at its stop flag while the room is quiet
RETRY_S = 1.0  # pause between reconnection attempts


class NotifyListener(QObject):
    """Owns one ``Wakeup`` (its own autocommit connection) and the thread that waits on it."""

    woke = Signal(object)  # tuple[int, ...]: ticket ids named by the notifications (empty after a reconnect)
    lost = Signal(str)
    _post = Signal(str, object)

    def __init__(self, db: Any, parent: QObject | None = None):
        """``db`` is the backend's database handle (used only by the listening thread)."""
        super().__init__(parent)
        self._wakeup = Wakeup(db)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._post.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        """Stop the thread and close its connection (returns within about ``WAIT_S``)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # ------------------------------------------------------------------ the listening thread
    def _run(self) -> None:
        up = False
        reported = False
        try:
            while not self._stop.is_set():
                try:
                    if not up:
                        self._wakeup.close()
                        self._wakeup.start()  # LISTEN first, then the caller catches up
                        up, reported = True, False
                        self._post.emit("woke", ())
                        continue
                    ids = self._wakeup.wait(WAIT_S)
                except Exception as error:  # the connection broke or cannot be opened: report once, retry
                    if not reported and not self._stop.is_set():
                        self._post.emit("lost", _describe(error))
                        reported = True
                    up = False
                    self._wakeup.close()
                    self._stop.wait(RETRY_S)
                    continue
                if ids is not None:
                    self._post.emit("woke", tuple(ids))
        finally:
            self._wakeup.close()

    @Slot(str, object)
    def _deliver(self, kind: str, value: object) -> None:
        if kind == "woke":
            self.woke.emit(value)
        else:
            self.lost.emit(t("实时通知连接中断：{detail}").format(detail=value))


def _describe(error: BaseException) -> str:
    """The error's first line (or its type); the GUI thread adds the translated context in ``_deliver``."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
