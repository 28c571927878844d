"""Starting the window: QApplication, the qasync loop, the language, the backend (opened on the DB worker,
PostgreSQL with the room's connection options so a dead network is noticed in seconds), the login, the
main window (which opens this workstation's session); and shutting all of it down in order — the window's
last tasks (closing the workstation, releasing its claims) before the DB worker. GUI thread."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from console.backend import Backend, open_backend
from console.domain.ticket import Actor
from console.queries.reference import whoami
from ui.gc_guard import GuiThreadCollector
from ui.i18n import install_language, t
from ui.lock.controller import Handoff
from ui.login import LoginDialog, login_flow
from ui.main_window import MainWindow
from ui.preferences import APPLICATION, ORGANIZATION, Preferences
from ui.room.urls import with_room_options
from ui.session import AppSession, ChangeBus
from ui.tasks import TaskGroup
from ui.worker import DbWorker

CLOSE_TIMEOUT_S = 8.0


@dataclass
class WindowOptions:
    db_url: str | None = None
    username: str = ""
    password: str | None = None  # for scripted starts (screenshots); interactive starts ask
    language: str | None = None


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(t("分拨调度台"))
    app.setQuitOnLastWindowClosed(False)  # the window's coroutine ends the loop, after orderly cleanup
    if app.findChild(GuiThreadCollector) is None:
        GuiThreadCollector(app)
    return app  # type: ignore[return-value]


async def open_session(worker: DbWorker, backend: Backend, actor: Actor, username: str) -> AppSession:
    _name, shift_slot = await worker.run(whoami, backend.ctx.db, actor)
    return AppSession(backend, worker, actor, username, shift_slot, TaskGroup(), ChangeBus())


async def run_session(worker: DbWorker, backend: Backend, actor: Actor, username: str,
                      preferences: Preferences) -> Handoff | None:
    """One session's window, from opening to its last tasks (closing the workstation releases its claims).
    Returns how the screen lock handed over (another user, or back to the login), or None: quit."""
    session = await open_session(worker, backend, actor, username)
    window = MainWindow(session, preferences)
    closed: asyncio.Future[None] = asyncio.get_event_loop().create_future()
    window.closed.connect(lambda: closed.done() or closed.set_result(None))
    window.show()
    await window.start()
    await closed
    with contextlib.suppress(TimeoutError):
        await session.tasks.settle(timeout=CLOSE_TIMEOUT_S)
    handoff = window.screen_lock.handoff
    window.deleteLater()
    return handoff


async def run_window(options: WindowOptions) -> int:
    """The whole life of one window; returns the process exit code."""
    preferences = Preferences.load()
    worker = DbWorker()
    backend: Backend | None = None
    try:
        try:
            backend = await worker.run(open_backend, with_room_options(options.db_url))
        except Exception as error:  # a bad URL or an unreachable server: say so, do not trace back
            QMessageBox.critical(None, t("无法打开数据库"), f"{options.db_url or ''}\n\n{error}")
            return 1
        login = LoginDialog(options.username or preferences.last_user, backend.url_for_display)
        if options.password is not None:
            from console.services import accounts

            actor = await worker.run(accounts.authenticate, backend.ctx, options.username, options.password)
            username = options.username
        else:
            result = await login_flow(login, worker, backend.ctx)
            if result is None:
                return 0
            actor, username = result
        while True:  # one window per session; the screen lock may hand over to another user or the login
            preferences = Preferences.load()  # as the last window saved them
            preferences.last_user = username
            preferences.save()
            handoff = await run_session(worker, backend, actor, username, preferences)
            if handoff is None:
                return 0
            if handoff.actor is not None:
                actor, username = handoff.actor, handoff.username
                continue
            result = await login_flow(LoginDialog("", backend.url_for_display), worker, backend.ctx)
            if result is None:
                return 0
            actor, username = result
    finally:
        worker.close()
        if backend is not None:
            backend.close()


def launch(options: WindowOptions) -> int:
    """Create the application and the qasync loop, run the window, return its exit code."""
    import qasync

    app = make_application()
    install_language(options.language or Preferences.load().language)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(run_window(options))
    finally:
        loop.close()


def run_headless(coroutine_factory: Callable[[], Coroutine[Any, Any, int]], language: str = "zh_CN") -> int:
    """Run one coroutine on a qasync loop of a fresh application (offscreen unless a display platform is
    set) and return its exit code — the frame of the screenshot and capture tools."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    app = make_application()
    install_language(language)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coroutine_factory())
    finally:
        loop.close()
