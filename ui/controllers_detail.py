"""Keeps the detail pane on the current ticket: loads it on the DB worker when the selection settles
(a newer selection cancels the older load), reloads it when the ticket changes anywhere, and keeps a
recorded reveal of personal data for that ticket until the selection moves. GUI thread; a QObject."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.errors import DomainError
from console.feed import FeedEvent
from console.queries.detail import ticket_detail
from console.queries.rows import TicketDetail
from ui.detail_pane import DetailPane
from ui.session import AppSession


class DetailController(QObject):
    loadedDetail = Signal(object)  # TicketDetail

    def __init__(self, session: AppSession, pane: DetailPane, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.pane = pane
        self.ticket_id: int | None = None
        self.revealed_id: int | None = None
        self._task: asyncio.Future[object] | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._load_now)
        self._clock = QTimer(self)
        self._clock.setInterval(5000)
        self._clock.timeout.connect(pane.refresh_clocks)
        self._clock.start()
        session.bus.ticketsChanged.connect(self._changed)

    def show_ticket(self, ticket_id: int | None) -> None:
        if ticket_id != self.ticket_id:
            self.revealed_id = None
        self.ticket_id = ticket_id
        if ticket_id is None:
            self.pane.show_empty()
            return
        self._debounce.start()

    def on_remote_events(self, events: Iterable[FeedEvent]) -> None:
        self._changed(e.ticket_id for e in events if e.ticket_id is not None)

    def _changed(self, ids: Iterable[int]) -> None:
        if self.ticket_id is not None and self.ticket_id in set(ids):
            self._debounce.start()

    def _load_now(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        if self.ticket_id is not None:
            self._task = self.session.tasks.spawn(self.load(self.ticket_id))

    async def load(self, ticket_id: int) -> TicketDetail | None:
        reveal = self.revealed_id == ticket_id
        try:
            detail = await self.session.worker.run(ticket_detail, self.session.backend.ctx, ticket_id,
                                                   self.session.role, reveal=reveal,
                                                   unit_id=self.session.scope.unit_id)
        except DomainError as error:
            self.pane.show_empty(str(error))
            return None
        if ticket_id == self.ticket_id:
            self.pane.show_detail(detail)
            self.loadedDetail.emit(detail)
        return detail

    def show_revealed(self, detail: TicketDetail) -> None:
        if detail.id == self.ticket_id:
            self.revealed_id = detail.id
            self.pane.show_detail(detail)

    def stop(self) -> None:
        self._clock.stop()
        self._debounce.stop()
