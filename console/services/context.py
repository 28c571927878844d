"""What every use case needs: the database, a clock, the SLA policy, the room's settings, a router."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from typing import TYPE_CHECKING, Protocol

from console.db.engine import Database
from console.domain.clock import Clock, SystemClock
from console.domain.sla import SlaPolicy

if TYPE_CHECKING:
    from console.domain.catalog import Catalog
    from console.services.routing_port import RoutingSuggestion


class Router(Protocol):
    """Proposes a duty item for a ticket's text (implemented by ``console.routing``). ``catalog`` is the
    duty-list version in effect for the ticket; the proposal names items of that version."""

    def suggest(self, text: str, district: str | None, citizen_item_code: str | None,
                catalog: Catalog | None = None) -> RoutingSuggestion: ...


@dataclass(frozen=True)
class RoomSettings:
    """Room-wide rules that are configuration, not code."""

    arbitration_after_returns: int = 2
    shift_starts: tuple[time, ...] = tuple(time(hour) for hour in range(0, 24, 4))
    claim_idle_minutes: int = 30
    auto_dispatch_threshold: float = 0.6
    # Accounts (RELIABILITY.md, "Passwords and shared workstations"): after ``lockout_after_failures``
    # consecutive failed logins an account is locked for ``lockout_first_seconds``, doubled with each
    # further failure up to ``lockout_max_seconds``; a successful login resets the count.
    lockout_after_failures: int = 5
    lockout_first_seconds: int = 60
    lockout_max_seconds: int = 30 * 60
    password_min_length: int = 8
    idle_lock_minutes: int = 5  # the console locks its screen after this long without input (0: never)


@dataclass
class ServiceContext:
    """Shared by all use cases of one process. Thread-safe as long as the clock is.

    ``workstation_id`` is set once a console has opened its workstation session; claims made through
    this context carry it, so they are released if the workstation stops beating."""

    db: Database
    clock: Clock = field(default_factory=SystemClock)
    policy: SlaPolicy = field(default_factory=SlaPolicy)
    settings: RoomSettings = field(default_factory=RoomSettings)
    router: Router | None = None
    workstation_id: str | None = None
    # A hardened PostgreSQL room: the gate login the workstation was configured with; ``sign_in`` then
    # points ``db`` at the staff member's own login and calls ``on_sign_in`` (e.g. to load the router).
    gate: Database | None = None
    on_sign_in: Callable[[ServiceContext], None] | None = None
