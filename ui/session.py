"""Who is logged in and what the window shares: the backend, the DB worker, the task group, the change bus.

Created on the GUI thread after login; the ``backend`` is only ever used from the worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from console.backend import Backend
from console.domain.enums import Role
from console.domain.shifts import Shift, calendar_for
from console.domain.ticket import Actor
from console.queries.queue import QueueScope
from ui.tasks import TaskGroup
from ui.worker import DbWorker


class ChangeBus(QObject):
    """The application-wide signal: ticket ids changed (by this workstation or any other)."""

    ticketsChanged = Signal(object)  # tuple[int, ...]


@dataclass
class AppSession:
    """The logged-in user and the shared services of one window."""

    backend: Backend
    worker: DbWorker
    actor: Actor
    username: str
    shift_slot: int | None
    tasks: TaskGroup
    bus: ChangeBus

    @property
    def role(self) -> Role:
        return self.actor.role

    @property
    def scope(self) -> QueueScope:
        return QueueScope(self.actor.unit_id if self.actor.role is Role.UNIT_HANDLER else None)

    def shift(self, now: datetime | None = None) -> Shift:
        settings = self.backend.ctx.settings
        when = now or self.backend.ctx.clock.now()
        return calendar_for(settings).current(when)
