"""The one DB worker thread: every database call of the window runs here, awaited through qasync.

Contract: ``await worker.run(fn, *args)`` runs ``fn`` on the worker thread (never the GUI thread) and
resumes the awaiting coroutine on the GUI thread with the result or the exception. Calls run one at a
time in submission order, so a write is never overtaken by a later read.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

THREAD_NAME = "dc-db"


class DbWorker:
    """A single-thread executor. ``close()`` waits for the running call and stops the thread."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
        self._closed = False
        self.pending = 0

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(*args, **kwargs)`` on the worker thread and await its result (GUI thread side)."""
        if self._closed:
            raise RuntimeError("the DB worker is closed")
        self.pending += 1
        try:
            future = self._executor.submit(fn, *args, **kwargs)
            return await asyncio.wrap_future(future)
        finally:
            self.pending -= 1

    def call_blocking(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run on the worker thread and wait (for start-up before the event loop runs, and for the CLI)."""
        return self._executor.submit(fn, *args, **kwargs).result()

    @staticmethod
    def on_worker_thread() -> bool:
        return threading.current_thread().name.startswith(THREAD_NAME)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._executor.shutdown(wait=True, cancel_futures=True)
