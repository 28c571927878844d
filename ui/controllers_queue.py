"""The live queue's controller: the initial snapshot, live updates, reconnection and reconciliation, the
1 s clock tick, views and search. A QObject, not a widget; GUI thread, with every database call awaited
on the DB worker.

Live updates. PostgreSQL: a listener thread (``ui.room.listener``) blocks on NOTIFY and wakes this
controller, which runs one change-feed poll on the worker (wake-ups during a poll coalesce into one more
poll); a slow safety poll every few seconds also notices a dead connection when the room is quiet.
SQLite: a poll every 0.5 s. Every poll reads the feed after its cursor, so a catch-up after a reconnect
is just the next poll.

Faults. Any failed read marks the session's ``Link`` offline (the window shows a banner and refuses
actions); a retry poll runs every ``RETRY_MS``; the link is restored only by a successful catch-up poll
while the PostgreSQL listener is connected again.

Reconciliation. Every ``RECONCILE_MS`` the model's (id, version) pairs are compared with the database's
open tickets; differences that no event explains are re-read in place and counted (``repairs``, expected
to stay 0).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from console.queries.live import ConnectionLost, LiveBatch, LiveQueue
from console.queries.queue import RowRefresh
from console.queries.views import ViewSpec, compile_spec
from ui.queue_model import QueueModel
from ui.room.listener import NotifyListener
from ui.room.reconcile import Drift, drift
from ui.session import AppSession

log = logging.getLogger(__name__)

POLL_MS = 500  # SQLite: the feed is polled
SAFETY_POLL_MS = 5000  # PostgreSQL: NOTIFY wakes us; this only covers a quiet room and lost wake-ups
TICK_MS = 1000
TIME_VIEW_REFILTER_S = 15.0
RETRY_MS = 2000
RECONCILE_MS = 60_000


class QueueController(QObject):
    """Keeps ``model`` equal to the database's open queue (in the session's scope)."""

    connectionChanged = Signal(bool, str)  # connected, message (mirrors the session's link)
    updated = Signal(float)  # wall time of the last successful read
    loaded = Signal(int)  # rows in the snapshot
    remoteEvents = Signal(object)  # tuple[FeedEvent, ...]
    reconciled = Signal(object)  # Drift of the last reconciliation

    def __init__(self, session: AppSession, model: QueueModel, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.model = model
        self.link = session.link
        self.live = LiveQueue(session.backend.ctx.db, session.scope)
        self.notify = session.backend.is_postgres
        self.listener: NotifyListener | None = None
        self._listener_up = not self.notify
        self.spec = ViewSpec()
        self.search = ""
        self.last_update = 0.0
        self.polls = 0
        self.repairs = 0
        self.reconciliations = 0
        self.last_reconcile: float | None = None
        self._polling = False
        self._poll_again = False
        self._loaded = False
        self._loading = False
        self._stopped = False
        self._last_refilter = 0.0
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(SAFETY_POLL_MS if self.notify else POLL_MS)
        self.poll_timer.timeout.connect(self.request_poll)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self._retry)
        self.reconcile_timer = QTimer(self)
        self.reconcile_timer.setInterval(RECONCILE_MS)
        self.reconcile_timer.timeout.connect(lambda: self.session.tasks.spawn(self.reconcile()))
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._tick)
        session.bus.ticketsChanged.connect(self._tickets_changed)
        self.link.changed.connect(self._link_changed)

    @property
    def connected(self) -> bool:
        return self.link.online

    # ------------------------------------------------------------------ lifecycle
    async def load(self) -> int:
        """Start the listener (PostgreSQL), place the feed cursor, then read the snapshot (cursor first:
        nothing falls between them). Offline: says so and keeps retrying by itself."""
        if self.notify and self.listener is None and not self._stopped:
            self.listener = NotifyListener(self.session.backend.ctx.db, self)
            self.listener.woke.connect(self._woke)
            self.listener.lost.connect(self._listener_lost)
            self.listener.start()
        if self._loading:
            return 0
        self._loading = True
        try:
            rows = await self.session.worker.run(self.live.snapshot)
        except ConnectionLost as lost:
            self._loaded = False
            self.link.lost(str(lost))
            self.retry_timer.start()
            return 0
        finally:
            self._loading = False
        self._loaded = True
        self.model.tick(time.time())
        self.model.set_rows(rows)
        if self._listener_up:
            self.link.restored()
        self._mark_updated()
        self.loaded.emit(len(rows))
        return len(rows)

    def start(self) -> None:
        self.poll_timer.start()
        self.tick_timer.start()
        self.reconcile_timer.start()

    def stop(self) -> None:
        """Stop timers and the listener thread (window closing)."""
        self._stopped = True
        for timer in (self.poll_timer, self.tick_timer, self.retry_timer, self.reconcile_timer):
            timer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    # ------------------------------------------------------------------ live updates
    def request_poll(self) -> None:
        """Poll the feed now, or once more right after the poll that is running (wake-ups coalesce)."""
        if self._stopped or not self._loaded:
            return
        if self._polling:
            self._poll_again = True
            return
        self._polling = True
        self.session.tasks.spawn(self._poll_loop())

    async def _poll_loop(self) -> None:
        try:
            while True:
                self._poll_again = False
                await self.poll_once()
                if not self._poll_again or self._stopped:
                    return
        finally:
            self._polling = False

    async def poll_once(self) -> LiveBatch | None:
        """One change-feed poll (catching up everything since the cursor); applies the fresh rows in place."""
        try:
            batch = await self.session.worker.run(self.live.poll)
        except ConnectionLost as lost:
            self.link.lost(str(lost))
            return None
        self.polls += 1
        self._apply(batch)
        if self._listener_up:
            self.link.restored()
        return batch

    def _apply(self, batch: LiveBatch) -> None:
        self.model.apply(batch.refresh)
        self._mark_updated()
        if batch.events:
            self.remoteEvents.emit(batch.events)

    def _woke(self, _ids: object) -> None:
        self._listener_up = True
        if self._loaded:
            self.request_poll()
        elif not self._stopped:
            self.session.tasks.spawn(self.load())

    def _listener_lost(self, message: str) -> None:
        self._listener_up = False
        self.link.lost(message)

    def _retry(self) -> None:
        """Offline: probe with a catch-up poll (or the first snapshot, if it never loaded)."""
        if self.link.online or self._stopped:
            self.retry_timer.stop()
            return
        if not self._loaded:
            self.session.tasks.spawn(self.load())
        else:
            self.request_poll()

    def retry_now(self) -> None:
        """The banner's "retry now"."""
        self._retry()

    def _link_changed(self, online: bool, message: str) -> None:
        if online:
            self.retry_timer.stop()
        elif not self._stopped:
            self.retry_timer.start()
        self.connectionChanged.emit(online, message)

    def _tickets_changed(self, ids: Iterable[int]) -> None:
        wanted = tuple(ids)
        if wanted:
            self.session.tasks.spawn(self.refresh_ids(wanted))
        else:
            self.request_poll()

    async def refresh_ids(self, ids: tuple[int, ...]) -> RowRefresh | None:
        """Re-read a few tickets now (after an action of this workstation) instead of waiting for the feed."""
        try:
            refresh = await self.session.worker.run(self.live.rows, ids)
        except ConnectionLost as lost:
            self.link.lost(str(lost))
            return None
        self.model.apply(refresh)
        self._mark_updated()
        return refresh

    async def reload(self) -> None:
        """Re-read everything (F5): a reconciliation applied in place, so selection stays."""
        await self.reconcile(count=False)

    # ------------------------------------------------------------------ reconciliation
    async def reconcile(self, count: bool = True) -> Drift | None:
        """Compare the model with the database's open tickets and repair differences in place.

        Returns the drift found (None when offline). Differences explained by events read in the same
        call are ordinary live updates, not drift."""
        if not self._loaded or not self.link.online:
            return None
        try:
            versions, batch = await self.session.worker.run(self.live.reconcile_read)
        except ConnectionLost as lost:
            self.link.lost(str(lost))
            return None
        self._apply(batch)
        model = {r.id: r.version for r in self.model.all_rows()}
        found = drift(model, versions, (e.ticket_id for e in batch.events if e.ticket_id is not None))
        if len(found):
            try:
                refresh = await self.session.worker.run(self.live.rows, found.ids)
            except ConnectionLost as lost:
                self.link.lost(str(lost))
                return None
            self.model.apply(refresh)
            if count:
                log.warning("reconciliation repaired %d rows (missing %s, extra %s, stale %s)", len(found),
                            found.missing[:10], found.extra[:10], found.stale[:10])
        if count:
            self.reconciliations += 1
            self.repairs += len(found)
        self.last_reconcile = time.time()
        self._mark_updated()
        self.reconciled.emit(found)
        return found

    # ------------------------------------------------------------------ clock, views and search
    def _tick(self) -> None:
        now = time.time()
        self.model.tick(now)
        if self.spec.time_dependent and now - self._last_refilter >= TIME_VIEW_REFILTER_S:
            self._apply_filter(now)

    def set_view(self, spec: ViewSpec) -> None:
        self.spec = spec
        self._apply_filter(time.time())

    def set_search(self, text: str) -> None:
        self.search = text
        self._apply_filter(time.time())

    def _apply_filter(self, now: float) -> None:
        self._last_refilter = now
        self.model.set_filter(compile_spec(self.spec, self.session.actor.staff_id, now), self.search)

    def _mark_updated(self) -> None:
        self.last_update = time.time()
        self.link.live()
        self.updated.emit(self.last_update)
