"""Idle detection: any keyboard, mouse, wheel or touch input anywhere in the application restarts the
countdown; when it runs out ``idle`` fires once. Also the workstation's own idle limit (QSettings), which
may only shorten the room's. GUI thread."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.preferences import qsettings

INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                          QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress})
_KEY = "lock/idle_minutes"


class IdleWatch(QObject):
    """``start(interval_ms)`` arms the watch; ``idle`` fires after ``interval_ms`` without input.

    The event filter only stores a monotonic time stamp (cheap on every mouse move); the single-shot timer
    re-arms itself for the remainder when input came in meanwhile. ``clock`` is injectable for tests."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()
        self.interval_ms = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, interval_ms: int) -> None:
        """(Re)arm with ``interval_ms``; 0 or less disarms."""
        self.interval_ms = interval_ms
        self._last_input = self._clock()
        if interval_ms > 0:
            self._timer.start(interval_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def close(self) -> None:
        """Stop and leave the application's event stream (call before the window goes)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    def _check(self) -> None:
        if self.interval_ms <= 0:
            return
        remaining_ms = self.interval_ms - int((self._clock() - self._last_input) * 1000)
        if remaining_ms > 0:
            self._timer.start(remaining_ms)
            return
        self.idle.emit()


def workstation_idle_minutes() -> int:
    """This workstation's own idle limit in minutes (0: none set, the room's applies)."""
    try:
        return max(0, int(str(qsettings().value(_KEY, 0))))
    except (TypeError, ValueError):
        return 0


def save_workstation_idle_minutes(minutes: int) -> None:
    store = qsettings()
    store.setValue(_KEY, max(0, int(minutes)))
    store.sync()


def effective_idle_minutes(room_minutes: int, workstation_minutes: int) -> int:
    """The limit that applies: the room's, or the workstation's when set and shorter (a workstation may
    lock sooner, never later). 0 means never, and only the room can choose it."""
    if room_minutes <= 0:
        return max(0, workstation_minutes)
    if workstation_minutes <= 0:
        return room_minutes
    return min(room_minutes, workstation_minutes)
