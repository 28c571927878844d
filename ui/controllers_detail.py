"""Keeps the detail pane on the current ticket: loads it on the DB worker when the selection settles
(a newer selection cancels the older load), reloads it when the ticket changes anywhere, and keeps a
recorded reveal of personal data for that ticket until the selection moves. GUI thread; a QObject.

Revealing: ``reveal`` (the pane's 「查看完整信息…」 button) asks the reason (``RevealDialog``), records it
with ``personal_data.reveal_personal_data`` on the DB worker, then loads the ticket unmasked. The unmasked
view ends when the selection changes, or when ``forget_revealed`` runs (``DetailPane.forget_revealed`` →
``revealForgotten``, which the screen lock triggers)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from console.domain.errors import DomainError
from console.feed import FeedEvent
from console.queries.detail import ticket_detail
from console.queries.rows import TicketDetail
from console.services.personal_data import reveal_personal_data
from ui.detail_pane import DetailPane
from ui.dialogs.reveal_dialog import RevealDialog
from ui.i18n import t
from ui.prompts import run_dialog
from ui.session import AppSession


class DetailController(QObject):
    loadedDetail = Signal(object)  # TicketDetail
    message = Signal(str)  # one line for the status bar

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
        pane.revealRequested.connect(self.request_reveal)
        pane.revealForgotten.connect(self.forget_revealed)

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
            self.pane.show_detail(detail, revealed=reveal and not detail.personal_masked)
            self.loadedDetail.emit(detail)
        return detail

    def request_reveal(self) -> None:
        """Start ``reveal`` (for buttons and shortcuts)."""
        self.session.tasks.spawn(self.reveal())

    async def reveal(self) -> TicketDetail | None:
        """Ask why, record the reveal on the ticket's timeline, then show the ticket unmasked (None when the
        user cancels, the selection moved meanwhile, or the reveal was refused)."""
        shown = self.pane.detail
        if shown is None or shown.id != self.ticket_id or not shown.personal_masked:
            return None
        dialog = RevealDialog(shown.number, self.pane)
        try:
            if await run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            reason = dialog.reason()
        finally:
            dialog.deleteLater()
        if self.ticket_id != shown.id:
            return None
        try:
            await self.session.worker.run(reveal_personal_data, self.session.backend.ctx, self.session.actor,
                                          shown.id, reason)
        except DomainError as error:
            self.message.emit(f"{t('查看失败')}: {error}")
            box = QMessageBox(QMessageBox.Icon.Warning, t("查看失败"), str(error), parent=self.pane)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return None
        if self.ticket_id != shown.id:
            return None
        self.revealed_id = shown.id
        self.message.emit(t("已记录查看原因") + f" {shown.number}")
        return await self.load(shown.id)

    def forget_revealed(self) -> None:
        """Mask the current ticket again (screen lock, ``DetailPane.forget_revealed``)."""
        if self.revealed_id is None:
            return
        self.revealed_id = None
        if self.ticket_id is not None:
            self._load_now()

    def stop(self) -> None:
        self._clock.stop()
        self._debounce.stop()
