"""Immutable rows returned by ``console.supervision_queries``; safe to hand to the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class UnitChoice:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class StaffChoice:
    """A room member (operator, dispatcher, supervisor) one may reassign tickets to."""

    staff_id: int
    username: str
    name: str
    role: str
    shift_slot: int | None


@dataclass(frozen=True, slots=True)
class PendingExtension:
    """One unit's extension request waiting for a supervisor; ``new_reply_due`` is where approval moves it."""

    ticket_id: int
    number: str
    title: str
    urgency: str
    status: str
    unit_code: str
    unit_name: str
    role: str
    hours: float
    reason: str
    requested_at: datetime | None
    requested_by: str
    reply_due: datetime
    new_reply_due: datetime


@dataclass(frozen=True, slots=True)
class ReturnRecord:
    """One 退单 of a ticket: which unit, why, when, by whom."""

    unit_code: str
    unit_name: str
    reason_code: str
    reason_label: str
    text: str
    at: datetime | None
    by: str


@dataclass(frozen=True, slots=True)
class ArbitrationCase:
    """A ticket waiting for the supervisor's final ruling, with its returns and the duty list's suggestion."""

    ticket_id: int
    number: str
    title: str
    text: str
    urgency: str
    district: str
    street: str
    item_code: str
    item_name: str
    received_at: datetime
    escalated_at: datetime | None
    returns: tuple[ReturnRecord, ...]
    suggested_lead_code: str
    suggested_lead_name: str
    suggested_co: tuple[UnitChoice, ...]


@dataclass(frozen=True, slots=True)
class WorkloadRow:
    """A staff member's open tickets (claimed by them) and work this shift."""

    staff_id: int
    username: str
    name: str
    role: str
    shift_slot: int | None
    on_shift: bool
    open_claimed: int
    urgent_claimed: int
    overdue_claimed: int
    oldest_claim_at: datetime | None
    dispatched_this_shift: int


@dataclass(frozen=True, slots=True)
class Workload:
    """The room's workload for one shift: per person, plus open tickets nobody holds."""

    shift_label: str
    shift_start: datetime
    shift_end: datetime
    rows: tuple[WorkloadRow, ...]
    unclaimed_open: int


@dataclass(frozen=True, slots=True)
class UnitReturnCount:
    """Returns of one unit in a period, by reason code, against the assignments it received."""

    unit_code: str
    unit_name: str
    received: int
    returns: int
    by_reason: tuple[tuple[str, int], ...]

    @property
    def rate(self) -> float:
        return self.returns / self.received if self.received else 0.0


@dataclass(frozen=True, slots=True)
class UnitPart:
    """A unit's part in a ticket as its unit desk needs it (the actor's own unit, or a co-unit)."""

    unit_code: str
    unit_name: str
    role: str
    state: str
    dispatched_at: datetime
    accept_due: datetime
    reply_due: datetime
    accepted_at: datetime | None
    replied_at: datetime | None
    reply_text: str
    pending_extension_hours: float | None
    extension_hours: float
    accept_hours: float
    reply_hours: float
    close_hours: float


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """What a unit needs to reply or ask for time: its own part and, for the lead, the co-units' parts."""

    ticket_id: int
    number: str
    title: str
    status: str
    received_at: datetime
    return_count: int
    mine: UnitPart
    co_units: tuple[UnitPart, ...]
    lead: UnitPart | None


@dataclass(frozen=True, slots=True)
class HoldUp:
    """A unit the ticket is waiting for: its running clock and whether it is past due."""

    unit_code: str
    unit_name: str
    role: str
    state: str
    waiting_for: str  # "accept" | "reply"
    due: datetime
    overdue: bool


@dataclass(frozen=True, slots=True)
class TicketBrief:
    """A ticket found by number (also closed or merged ones, which the live queue does not hold)."""

    id: int
    number: str
    title: str
    status: str
    urgency: str
    received_at: datetime
    closed_at: datetime | None
    rating: str
    merged_into: str
    lead_unit: str


@dataclass(frozen=True, slots=True)
class DuplicateView:
    """A probable duplicate of a ticket, with the citizen's masked phone to tell citizens apart."""

    ticket_id: int
    number: str
    title: str
    status: str
    score: float
    text_similarity: float
    same_street: bool
    hours_apart: float
    citizen_phone: str
    received_at: datetime
