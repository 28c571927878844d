"""Garbage collection on the GUI thread only.

CPython runs an automatic collection in whichever thread happens to allocate when a threshold is crossed.
When that is the DB worker thread, Qt wrappers caught in reference cycles are destroyed off the GUI thread,
and a later event for them hits freed memory (segfaults seen in full-suite runs, "Garbage-collecting" on
the worker's stack). ``GuiThreadCollector`` switches automatic collection off and runs the same
generational collections from a GUI-thread timer instead. GUI thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """While alive, collections happen only here, on the GUI thread, with CPython's own thresholds."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                return
            gc.collect(generation)
