"""Coroutines started from Qt slots, tracked so errors are shown, tests can wait, and closing cancels them.

GUI thread only. ``spawn`` schedules on the asyncio (qasync) loop; ``settle`` awaits everything spawned.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskGroup:
    """A set of running tasks with one error reporter (e.g. a message box on the status bar)."""

    def __init__(self, report: Callable[[BaseException], None] | None = None):
        self._tasks: set[asyncio.Future[Any]] = set()
        self.report = report

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Future[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Future[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("task failed", exc_info=error)
            if self.report is not None:
                self.report(error)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until no task is running (tasks may spawn further tasks)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._tasks:
            if loop.time() > deadline:
                raise TimeoutError(f"{len(self._tasks)} task(s) still running")
            await asyncio.wait(set(self._tasks), timeout=max(0.01, deadline - loop.time()))

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()
