"""The live queue's controller: the initial snapshot, change-feed polling every 0.5 s, the 1 s clock
tick, views and search. A QObject, not a widget; GUI thread, with every database call awaited on the
DB worker.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from console.queries.live import ConnectionLost, LiveBatch, LiveQueue
from console.queries.queue import RowRefresh, load_queue, load_rows
from console.queries.views import ViewSpec, compile_spec
from ui.queue_model import QueueModel
from ui.session import AppSession

POLL_MS = 500
TICK_MS = 1000
TIME_VIEW_REFILTER_S = 15.0
RETRY_MS = 3000


class QueueController(QObject):
    """Keeps ``model`` equal to the database's open queue (in the session's scope)."""

    connectionChanged = Signal(bool, str)  # connected, message
    updated = Signal(float)  # wall time of the last successful read
    loaded = Signal(int)  # rows in the snapshot
    remoteEvents = Signal(object)  # tuple[FeedEvent, ...]

    def __init__(self, session: AppSession, model: QueueModel, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.model = model
        self.live = LiveQueue(session.backend.ctx.db, session.scope)
        self.spec = ViewSpec()
        self.search = ""
        self.connected = True
        self.last_update = 0.0
        self._polling = False
        self._loaded = False
        self._last_refilter = 0.0
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._poll_due)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._tick)
        session.bus.ticketsChanged.connect(self._tickets_changed)

    # ------------------------------------------------------------------ lifecycle
    async def load(self) -> int:
        """Start the feed cursor, then read the snapshot (cursor first: nothing falls between them).
        When the database cannot be reached, says so and tries again every few seconds."""
        try:
            rows = await self.session.worker.run(self.live.snapshot)
        except ConnectionLost as lost:
            self._set_connected(False, str(lost))
            self._loaded = False
            QTimer.singleShot(RETRY_MS, lambda: self.session.tasks.spawn(self.load()))
            return 0
        self._loaded = True
        self.model.tick(time.time())
        self.model.set_rows(rows)
        self._set_connected(True, "")
        self._mark_updated()
        self.loaded.emit(len(rows))
        return len(rows)

    def start(self) -> None:
        self.poll_timer.start()
        self.tick_timer.start()

    def stop(self) -> None:
        self.poll_timer.stop()
        self.tick_timer.stop()

    # ------------------------------------------------------------------ live updates
    def _poll_due(self) -> None:
        if not self._polling and self._loaded:
            self._polling = True
            self.session.tasks.spawn(self.poll_once())

    async def poll_once(self) -> LiveBatch | None:
        """One change-feed poll; applies the fresh rows in place."""
        try:
            batch = await self.session.worker.run(self.live.poll)
        except ConnectionLost as lost:
            self._set_connected(False, str(lost))
            return None
        finally:
            self._polling = False
        self._set_connected(True, "")
        self.model.apply(batch.refresh)
        self._mark_updated()
        if batch.events:
            self.remoteEvents.emit(batch.events)
        return batch

    def _tickets_changed(self, ids: Iterable[int]) -> None:
        wanted = tuple(ids)
        if wanted:
            self.session.tasks.spawn(self.refresh_ids(wanted))

    async def refresh_ids(self, ids: tuple[int, ...]) -> RowRefresh:
        """Re-read a few tickets now (after an action of this workstation) instead of waiting for the feed."""
        refresh = await self.session.worker.run(load_rows, self.session.backend.ctx.db, ids, self.session.scope)
        self.model.apply(refresh)
        self._mark_updated()
        return refresh

    async def reload(self) -> None:
        """Re-read everything (F5): applied as in-place changes, so selection stays."""
        rows = await self.session.worker.run(load_queue, self.session.backend.ctx.db, self.session.scope)
        fresh = {r.id for r in rows}
        gone = tuple(r.id for r in self.model.all_rows() if r.id not in fresh)
        changed = tuple(r for r in rows if self.model.get(r.id) != r)
        self.model.apply(RowRefresh(changed, gone))
        self._mark_updated()

    def _tick(self) -> None:
        now = time.time()
        self.model.tick(now)
        if self.spec.time_dependent and now - self._last_refilter >= TIME_VIEW_REFILTER_S:
            self._apply_filter(now)

    # ------------------------------------------------------------------ views and search
    def set_view(self, spec: ViewSpec) -> None:
        self.spec = spec
        self._apply_filter(time.time())

    def set_search(self, text: str) -> None:
        self.search = text
        self._apply_filter(time.time())

    def _apply_filter(self, now: float) -> None:
        self._last_refilter = now
        self.model.set_filter(compile_spec(self.spec, self.session.actor.staff_id, now), self.search)

    # ------------------------------------------------------------------ state
    def _set_connected(self, connected: bool, message: str) -> None:
        if connected != self.connected or message:
            self.connected = connected
            self.connectionChanged.emit(connected, message)

    def _mark_updated(self) -> None:
        self.last_update = time.time()
        self.updated.emit(self.last_update)

