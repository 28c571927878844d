"""Who is logged in and what the window shares: the backend, the DB worker, the task group, the change bus,
the connection state (``link``).

Created on the GUI thread after login; the ``backend`` is only ever used from the worker thread. Each
session gets its own ``ServiceContext`` (sharing the database handle and the clock): the context carries
the workstation id, so two windows in one process are two workstations.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from console.backend import Backend
from console.domain.enums import Role
from console.domain.shifts import Shift, calendar_for
from console.domain.ticket import Actor
from console.queries.queue import QueueScope
from ui.room.link import Link
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
    link: Link = field(default_factory=Link)

    def __post_init__(self) -> None:
        self.backend = Backend(dataclasses.replace(self.backend.ctx, workstation_id=None))

    @property
    def role(self) -> Role:
        return self.actor.role

    @property
    def scope(self) -> QueueScope:
        return QueueScope.for_actor(self.actor.role, self.actor.unit_id)

    def shift(self, now: datetime | None = None) -> Shift:
        settings = self.backend.ctx.settings
        when = now or self.backend.ctx.clock.now()
        return calendar_for(settings).current(when)
