"""Running blocking core calls (gathering, saving, exporting) off the GUI thread, one at a time, with
progress and cancellation.

Contract: ``ExportRunner.start(fn)`` runs ``fn(progress, token)`` on the runner's own worker thread;
``progressed``, ``succeeded``, ``failed`` and ``cancelled`` are always emitted on the GUI thread (the
runner lives there; the worker thread only emits private signals that Qt queues across threads).
Works under any Qt event loop, qasync's included, and needs no asyncio. ``cancel()`` sets the token;
the core stops at its next row and the runner emits ``cancelled``.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from console.exports.progress import CancelToken, ExportCancelled

Job = Callable[[Callable[[int, int], None], CancelToken], Any]


class ExportRunner(QObject):
    """A single background lane for the handover dialog's database and export work."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    busy_changed = Signal(bool)

    _progress_from_worker = Signal(int, int)
    _done_from_worker = Signal(object, object, bool)  # result, error message, cancelled

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = None
        self._token: CancelToken | None = None
        self._on_success: Callable[[Any], None] | None = None
        self._progress_from_worker.connect(self._relay_progress)
        self._done_from_worker.connect(self._relay_done)

    @property
    def busy(self) -> bool:
        return self._token is not None

    def start(self, job: Job, on_success: Callable[[Any], None] | None = None) -> bool:
        """Run ``job`` unless another job is running (then return False). ``on_success(result)`` is called on
        the GUI thread before ``succeeded`` is emitted."""
        if self._token is not None:
            return False
        token = self._token = CancelToken()
        self._on_success = on_success
        self.busy_changed.emit(True)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dc-handover")
        self._executor.submit(self._work, job, token)
        return True

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()

    def shutdown(self) -> None:
        """Cancel what runs and wait for the worker thread to stop (call when the dialog closes); a later
        ``start`` makes a new thread."""
        self.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    # ---------------------------------------------------------------- worker thread
    def _work(self, job: Job, token: CancelToken) -> None:
        try:
            result = job(self._progress_from_worker.emit, token)
        except ExportCancelled:
            self._done_from_worker.emit(None, None, True)
        except Exception as exc:  # shown to the user; the dialog stays usable
            self._done_from_worker.emit(None, str(exc) or type(exc).__name__, False)
        else:
            self._done_from_worker.emit(result, None, False)

    # ---------------------------------------------------------------- GUI thread
    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object, object, bool)
    def _relay_done(self, result: Any, error: Any, was_cancelled: bool) -> None:
        callback, self._on_success, self._token = self._on_success, None, None
        self.busy_changed.emit(False)
        if was_cancelled:
            self.cancelled.emit()
        elif error is not None:
            self.failed.emit(str(error))
        else:
            if callback is not None:
                callback(result)
            self.succeeded.emit(result)
