"""This window's workstation session: opened at login, a heartbeat every 20 s, a sweep that releases the
claims of dead workstations every 60 s (any console may run it; it is safe concurrently), closed — with
its claims released — when the window closes or the user logs out. After an outage the sweep waits until
the room has had time to reconnect (an outage silences every workstation at once).

If a heartbeat finds the session ended (the room declared this workstation dead while it was offline),
the user is told that their claims were released and a new session is opened — unless the window is
closing: a beat still in flight when ``close`` ended the session must neither alarm the user nor open a
session nobody will close. GUI thread; every database call awaits the DB worker; a connection fault marks
the link offline and is retried on the next beat.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.queries.live import LockBusy, refuse_when_locked
from console.services.changes import Changed
from console.services.retry import is_connection_fault
from console.services.workstations import (
    STALE_AFTER_SECONDS,
    close_workstation,
    heartbeat,
    open_workstation,
    release_dead_workstations,
)
from ui.i18n import t
from ui.room.link import Link

log = logging.getLogger(__name__)

HEARTBEAT_MS = 20_000
SWEEP_MS = 60_000


class WorkstationKeeper(QObject):
    """Owns ``session.backend.ctx.workstation_id`` for the life of the window."""

    message = Signal(str)  # one line for the status bar
    claimsReleased = Signal(str)  # this workstation was declared dead: its claims are gone (text for a dialog)

    def __init__(self, session: Any, link: Link, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.link = link
        self.beats = 0
        self.swept = 0
        self.closing = False
        self._beat_timer = QTimer(self)
        self._beat_timer.setInterval(HEARTBEAT_MS)
        self._beat_timer.timeout.connect(lambda: self.session.tasks.spawn(self.beat()))
        self._sweep_timer = QTimer(self)
        self._sweep_timer.setInterval(SWEEP_MS)
        self._sweep_timer.timeout.connect(lambda: self.session.tasks.spawn(self.sweep()))
        link.changed.connect(self._link_changed)

    @property
    def workstation_id(self) -> str | None:
        return self.session.backend.ctx.workstation_id  # type: ignore[no-any-return]

    async def open(self) -> str | None:
        """Open the session (once); start beating and sweeping. None while the database is unreachable
        (the next heartbeat opens it)."""
        if self.closing:
            return None
        self._beat_timer.start()
        self._sweep_timer.start()
        if self.workstation_id is not None:
            return self.workstation_id
        return await self._guard(self.session.worker.run(open_workstation, self.session.backend.ctx,
                                                         self.session.actor))

    async def beat(self) -> bool | None:
        """One heartbeat. False: the session had been ended by the room (claims released) — the user is
        told and a new session opened. None: the database could not be reached."""
        if self.closing:
            return None
        if self.workstation_id is None:
            await self._guard(self.session.worker.run(open_workstation, self.session.backend.ctx, self.session.actor))
            return None
        alive = await self._guard(self.session.worker.run(refuse_when_locked, heartbeat, self.session.backend.ctx))
        if alive is None or self.closing:  # closing: the session ended because this window closed it
            return None
        self.beats += 1
        if not alive:
            self.session.backend.ctx.workstation_id = None
            text = t("本工作站失去联系过久，已被判定离线：您认领的工单已全部释放，请重新认领需要继续处理的工单。")
            self.claimsReleased.emit(text)
            self.message.emit(text)
            await self._guard(self.session.worker.run(open_workstation, self.session.backend.ctx, self.session.actor))
            self.session.bus.ticketsChanged.emit(())
        return bool(alive)

    async def sweep(self) -> Changed | None:
        """Release the claims of workstations that stopped beating (anyone's, including crashed consoles).

        Not while offline, nor until ``STALE_AFTER_SECONDS`` after an outage ended: if the database or the
        network was down for everyone, every workstation's last heartbeat is old, and sweeping before the
        others have reconnected and beaten would release the whole room's claims. (None: skipped.)"""
        restored = self.link.restored_at
        if not self.link.online or (restored is not None and time.time() - restored < STALE_AFTER_SECONDS):
            return None
        changed = await self._guard(self.session.worker.run(refuse_when_locked, release_dead_workstations,
                                                            self.session.backend.ctx))
        if changed is not None and changed.ticket_ids:
            self.swept += len(changed.ticket_ids)
            self.session.bus.ticketsChanged.emit(changed.ticket_ids)
            self.message.emit(t("已释放失联工作站认领的 {count} 张工单").format(count=len(changed.ticket_ids)))
        return changed  # type: ignore[no-any-return]

    async def close(self, reason: str = "logout") -> Changed | None:
        """End the session and release its claims (window closed, logout). Safe to call twice."""
        self.closing = True
        self.stop()
        if self.workstation_id is None:
            return None
        try:
            return await self.session.worker.run(close_workstation, self.session.backend.ctx, reason)
        except Exception as error:  # offline at close: the room's sweep releases the claims later
            if not is_connection_fault(error):
                raise
            log.warning("workstation not closed (offline); its claims will be released by the sweep")
            return None

    def stop(self) -> None:
        self._beat_timer.stop()
        self._sweep_timer.stop()

    def _link_changed(self, online: bool, _message: str) -> None:
        if online and self._beat_timer.isActive():  # back online: learn at once whether we were declared dead
            self.session.tasks.spawn(self.beat())

    async def _guard(self, call: Any) -> Any:
        try:
            return await call
        except LockBusy as busy:  # a row held by a long transaction elsewhere: not offline; the next run retries
            log.warning("workstation bookkeeping skipped: %s", busy)
            return None
        except Exception as error:
            if is_connection_fault(error):
                self.link.lost(str(error).splitlines()[0] if str(error) else type(error).__name__)
                return None
            raise
