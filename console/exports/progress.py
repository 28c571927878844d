"""Progress reporting and cooperative cancellation for long exports (any thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, int], None]
"""``callback(done, total)``; ``total`` may be 0 when unknown. Called from the exporting thread."""


class ExportCancelled(Exception):
    """The export was cancelled; no file was left behind and nothing was logged."""


class CancelToken:
    """Set from any thread (``cancel()``); the writer checks it between rows and stops."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise ExportCancelled("导出已取消")


def no_progress(done: int, total: int) -> None:
    """The default callback: ignore progress."""


class Throttle:
    """Calls ``callback`` at most every ``step`` items (and always at the end) and checks ``token``."""

    def __init__(self, callback: ProgressCallback | None, token: CancelToken | None, total: int, step: int = 500):
        self.callback = callback or no_progress
        self.token = token
        self.total = total
        self.step = max(1, step)
        self.done = 0

    def tick(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.done // self.step != before // self.step:
            if self.token is not None:
                self.token.raise_if_cancelled()
            self.callback(self.done, self.total)

    def finish(self) -> None:
        if self.token is not None:
            self.token.raise_if_cancelled()
        self.callback(self.done, max(self.total, self.done))
