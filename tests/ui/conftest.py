"""Fixtures for the Qt layer: offscreen platform, settings in a temporary directory, a qasync loop, a
temporary SQLite world, and an open main window logged in as a dispatcher with a scripted prompter.
Every test must leave no DB worker thread behind."""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest
import qasync
from dc_testworld import World, make_world
from PySide6.QtCore import QSettings

from console.backend import Backend
from ui.prompts import DispatchChoice, UrgencyChoice
from ui.worker import THREAD_NAME


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def _no_leaked_worker_threads() -> Iterator[None]:
    yield
    leaked = [t.name for t in threading.enumerate() if t.name.startswith(THREAD_NAME)]
    assert not leaked, f"DB worker threads left running: {leaked}"


@pytest.fixture
def loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.close()
    asyncio.set_event_loop(None)
    # Collect the closed loop and its Qt timers now, on the GUI thread. Left to a later automatic
    # collection that happens to run on the DB worker thread, they would be destroyed off the GUI
    # thread and a later timer event would hit freed memory (segfaults seen in full-suite runs).
    gc.collect()


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], timeout: float = 15.0) -> Any:
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


def settle(window: Any, loop: asyncio.AbstractEventLoop) -> None:
    """Run the window's spawned tasks to completion."""
    run(loop, window.session.tasks.settle())


def dialog_of(window: Any, loop: asyncio.AbstractEventLoop, cls: type) -> Any:
    """The visible dialog of class ``cls`` under ``window``, once it is shown."""
    wait_until(loop, lambda: any(d.isVisible() for d in window.findChildren(cls)))
    return next(d for d in window.findChildren(cls) if d.isVisible())


def wait_until(loop: asyncio.AbstractEventLoop, condition: Callable[[], Any], timeout: float = 10.0) -> None:
    async def waiting() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    run(loop, waiting(), timeout)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    w.clock.set(datetime.now(UTC))
    yield w
    w.ctx.db.dispose()


class ScriptedPrompter:
    """Answers dialogs from a script; records what was asked and every error shown."""

    def __init__(self) -> None:
        self.answers: deque[Any] = deque()
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []

    def _next(self, kind: str, text: str, default: Any) -> Any:
        self.asked.append((kind, text))
        return self.answers.popleft() if self.answers else default

    async def confirm(self, title: str, text: str) -> bool:
        return bool(self._next("confirm", text, True))

    async def text(self, title: str, label: str, default: str = "", multiline: bool = False) -> str | None:
        return self._next("text", label, None)

    async def urgency(self, current: str) -> UrgencyChoice | None:
        return self._next("urgency", current, None)

    async def dispatch(self, detail: Any, directory: Any, preview: Any) -> DispatchChoice | None:
        answer = self._next("dispatch", detail.number, None)
        if answer is not None and answer.item_code:
            self.preview = await preview(answer.item_code)
        return answer

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def open_window(world: World, loop: asyncio.AbstractEventLoop, qtbot: Any) -> Iterator[Callable[..., Any]]:
    """A factory: ``open_window("disp01")`` returns a started MainWindow on the world's database."""
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.session import AppSession, ChangeBus
    from ui.tasks import TaskGroup
    from ui.worker import DbWorker

    opened: list[Any] = []

    def factory(username: str = "disp01") -> Any:
        worker = DbWorker()
        actor = world.actors[username]
        session = AppSession(Backend(world.ctx), worker, actor, username, 2, TaskGroup(), ChangeBus())
        window = MainWindow(session, Preferences(sound=False, tray=False), prompter=ScriptedPrompter(),
                            notify=False)
        opened.append(window)
        window.show()
        run(loop, window.start())
        return window

    yield factory
    for window in opened:
        try:
            window.close()
            run(loop, window.session.tasks.settle(), timeout=5)
        except (TimeoutError, asyncio.CancelledError):
            pass
        finally:
            window.session.worker.close()
            window.deleteLater()
