"""What a handover holds: immutable rows per list, the key figures, and their JSON form (the snapshot
stored in ``handovers.snapshot``). Rows carry personal data already masked unless gathered unmasked.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar


@dataclass(frozen=True, slots=True)
class TicketLine:
    """A ticket as the handover lists show it."""

    number: str
    urgency: str
    status: str
    kind: str
    title: str
    received_at: datetime
    dispatch_due_at: datetime
    dispatched_at: datetime | None = None
    unit: str = ""
    district: str = ""
    citizen_name: str = ""
    citizen_phone: str = ""
    claimed_by: str = ""
    on_time: bool | None = None
    first_dispatch: bool = True
    note: str = ""


@dataclass(frozen=True, slots=True)
class ClockLine:
    """A deadline that was breached or is about to be: ``overdue_minutes`` > 0 means late by that long,
    ``remaining_minutes`` > 0 means that long is left."""

    number: str
    urgency: str
    status: str
    title: str
    clock: str
    unit: str
    due_at: datetime
    done_at: datetime | None
    category: str
    overdue_minutes: int = 0
    remaining_minutes: int = 0


@dataclass(frozen=True, slots=True)
class ReassignLine:
    at: datetime
    number: str
    urgency: str
    action: str
    from_name: str
    to_name: str
    actor: str
    reason: str


@dataclass(frozen=True, slots=True)
class ReturnLine:
    number: str
    urgency: str
    status: str
    title: str
    unit: str
    returned_at: datetime | None
    reason: str
    text: str
    return_count: int


@dataclass(frozen=True, slots=True)
class ExtensionLine:
    requested_at: datetime | None
    number: str
    urgency: str
    unit: str
    hours: float
    reason: str
    outcome: str
    decided_by: str = ""
    decided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RollbackLine:
    at: datetime
    number: str
    urgency: str
    status: str
    title: str
    unit: str
    reason: str
    rollback_count: int
    reply_due_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StaffLine:
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class Figures:
    """The summary's key figures."""

    received: int = 0
    dispatched: int = 0
    dispatched_on_time: int = 0
    breaches: int = 0
    still_overdue: int = 0
    unit_backlog: int = 0
    about_to_breach: int = 0
    waiting: int = 0
    open_urgent: int = 0
    returns: int = 0
    awaiting_arbitration: int = 0
    extensions_pending: int = 0
    reassignments: int = 0
    rollbacks: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Share of this shift's first dispatches made within the deadline; None when nothing was dispatched."""
        return self.dispatched_on_time / self.dispatched if self.dispatched else None


@dataclass(frozen=True)
class HandoverData:
    """Everything gathered for one shift window ``[start, end)``, read at ``as_of``."""

    shift_slot: int
    start: datetime
    end: datetime
    as_of: datetime
    received: tuple[TicketLine, ...] = ()
    dispatched: tuple[TicketLine, ...] = ()
    waiting: tuple[TicketLine, ...] = ()
    clocks: tuple[ClockLine, ...] = ()
    urgent: tuple[TicketLine, ...] = ()
    reassignments: tuple[ReassignLine, ...] = ()
    returns: tuple[ReturnLine, ...] = ()
    extensions: tuple[ExtensionLine, ...] = ()
    rollbacks: tuple[RollbackLine, ...] = ()
    staff: tuple[StaffLine, ...] = ()
    figures: Figures = field(default_factory=Figures)
    masked: bool = True

    @property
    def row_count(self) -> int:
        """Rows of the list sheets (staff are shown on the summary and not counted)."""
        return sum(len(getattr(self, name)) for name, _ in LISTS if name != "staff")

    def to_json(self) -> dict[str, Any]:
        return _encode(self)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> HandoverData:
        return _decode(cls, raw)


LISTS: tuple[tuple[str, type], ...] = (
    ("received", TicketLine), ("dispatched", TicketLine), ("waiting", TicketLine), ("clocks", ClockLine),
    ("urgent", TicketLine), ("reassignments", ReassignLine), ("returns", ReturnLine),
    ("extensions", ExtensionLine), ("rollbacks", RollbackLine), ("staff", StaffLine),
)

T = TypeVar("T")


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _decode(cls: type[T], raw: dict[str, Any]) -> T:
    nested = dict(LISTS)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in raw:
            continue
        value = raw[f.name]
        kind = str(f.type)
        if f.name in nested and cls is HandoverData:
            value = tuple(_decode(nested[f.name], item) for item in value)
        elif f.name == "figures":
            value = _decode(Figures, value)
        elif "datetime" in kind and isinstance(value, str):
            value = datetime.fromisoformat(value)
        values[f.name] = value
    return cls(**values)
