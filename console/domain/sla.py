"""SLA clocks as pure functions of (ticket, policy, now).

Deadlines: dispatch within 30 min / 2 h / 8 h of receipt by urgency; each unit assignment has accept and
reply deadlines counted from its dispatch and the ticket a close deadline counted from receipt, taken from
the duty item's limits when the unit was assigned; approved extensions shift reply and close deadlines.
A running clock is OK, WARNING (≥ ``warning_fraction`` of its span elapsed) or BREACHED; a stopped clock
is MET or BREACHED.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from console.domain.catalog import TimeLimits
from console.domain.enums import AssignmentRole, AssignmentState, TicketStatus, Urgency

if TYPE_CHECKING:
    from console.domain.ticket import Assignment, Ticket


def _default_dispatch_minutes() -> dict[Urgency, int]:
    return {Urgency.URGENT: 30, Urgency.FAST: 120, Urgency.NORMAL: 480}


@dataclass(frozen=True)
class SlaPolicy:
    """The room's deadline rules. ``warning_fraction`` of a clock's span turns it amber."""

    dispatch_minutes: dict[Urgency, int] = field(default_factory=_default_dispatch_minutes)
    warning_fraction: float = 0.8

    def __post_init__(self) -> None:
        if not 0 < self.warning_fraction < 1:
            raise ValueError(f"warning_fraction must be in (0, 1), got {self.warning_fraction}")
        missing = set(Urgency) - set(self.dispatch_minutes)
        if missing:
            raise ValueError(f"dispatch_minutes lacks {sorted(missing)}")


class ClockState(StrEnum):
    OK = "ok"
    WARNING = "warning"
    BREACHED = "breached"
    MET = "met"

    @property
    def label(self) -> str:
        return {"ok": "正常", "warning": "即将超时", "breached": "已超时", "met": "按时完成"}[self.value]


class ClockKind(StrEnum):
    DISPATCH = "dispatch"
    ACCEPT = "accept"
    REPLY = "reply"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return {"dispatch": "分拨时限", "accept": "签收时限", "reply": "反馈时限", "close": "办结时限"}[self.value]


@dataclass(frozen=True, slots=True)
class ClockReading:
    """One clock at one instant. ``unit_id`` is set for unit clocks."""

    kind: ClockKind
    start: datetime
    due: datetime
    done_at: datetime | None
    state: ClockState
    remaining: timedelta
    unit_id: int | None = None

    @property
    def running(self) -> bool:
        return self.done_at is None


def clock_state(start: datetime, due: datetime, done_at: datetime | None, now: datetime,
                policy: SlaPolicy) -> ClockState:
    """State of a clock spanning ``start``→``due``: stopped at ``done_at`` or read at ``now``."""
    if done_at is not None:
        return ClockState.MET if done_at <= due else ClockState.BREACHED
    if now >= due:
        return ClockState.BREACHED
    span = (due - start).total_seconds()
    elapsed = (now - start).total_seconds()
    if span <= 0 or elapsed / span >= policy.warning_fraction:
        return ClockState.WARNING
    return ClockState.OK


def read_clock(kind: ClockKind, start: datetime, due: datetime, done_at: datetime | None, now: datetime,
               policy: SlaPolicy, unit_id: int | None = None) -> ClockReading:
    return ClockReading(kind, start, due, done_at, clock_state(start, due, done_at, now, policy),
                        due - (done_at or now), unit_id)


def dispatch_due(received_at: datetime, urgency: Urgency, policy: SlaPolicy) -> datetime:
    """When the ticket must be dispatched at the latest."""
    return received_at + timedelta(minutes=policy.dispatch_minutes[urgency])


@dataclass(frozen=True, slots=True)
class UnitDeadlines:
    accept_due: datetime
    reply_due: datetime
    close_due: datetime


def unit_deadlines(dispatched_at: datetime, received_at: datetime, limits: TimeLimits,
                   extension_hours: float = 0.0) -> UnitDeadlines:
    """Deadlines of a unit assigned at ``dispatched_at`` under ``limits``, shifted by approved extensions.

    The close deadline counts from receipt but never falls before the reply deadline.
    """
    shift = timedelta(hours=extension_hours)
    reply_due = dispatched_at + timedelta(hours=limits.reply_hours) + shift
    close_due = max(received_at + timedelta(hours=limits.close_hours) + shift, reply_due)
    return UnitDeadlines(dispatched_at + timedelta(hours=limits.accept_hours), reply_due, close_due)


def dispatch_clock(ticket: Ticket, policy: SlaPolicy, now: datetime) -> ClockReading:
    return read_clock(ClockKind.DISPATCH, ticket.received_at, dispatch_due(ticket.received_at, ticket.urgency, policy),
                      ticket.dispatched_at, now, policy)


def assignment_clocks(assignment: Assignment, policy: SlaPolicy, now: datetime) -> list[ClockReading]:
    """Accept and reply clocks of one unit assignment (withdrawn assignments have none)."""
    if assignment.state is AssignmentState.WITHDRAWN:
        return []
    stopped = assignment.returned_at if assignment.state is AssignmentState.RETURNED else None
    accept_done = assignment.accepted_at or stopped
    reply_done = assignment.replied_at or stopped
    return [
        read_clock(ClockKind.ACCEPT, assignment.dispatched_at, assignment.accept_due_at, accept_done, now, policy,
                   assignment.unit_id),
        read_clock(ClockKind.REPLY, assignment.dispatched_at, assignment.reply_due_at, reply_done, now, policy,
                   assignment.unit_id),
    ]


def ticket_clocks(ticket: Ticket, policy: SlaPolicy, now: datetime) -> list[ClockReading]:
    """Every clock of the ticket: dispatch, each unit's accept and reply, and close (once a lead exists)."""
    clocks = [dispatch_clock(ticket, policy, now)]
    for assignment in ticket.assignments:
        clocks.extend(assignment_clocks(assignment, policy, now))
    lead = ticket.lead
    if lead is not None and lead.close_due_at is not None:
        clocks.append(read_clock(ClockKind.CLOSE, ticket.received_at, lead.close_due_at, ticket.closed_at, now,
                                 policy, lead.unit_id))
    return clocks


def next_deadline(ticket: Ticket, policy: SlaPolicy, now: datetime) -> ClockReading | None:
    """The running clock that falls due first, or None when nothing is running (closed or merged tickets)."""
    if ticket.status in (TicketStatus.CLOSED, TicketStatus.MERGED):
        return None
    running = [c for c in ticket_clocks(ticket, policy, now) if c.running]
    if ticket.status in (TicketStatus.RETURNED, TicketStatus.ARBITRATION):
        running = [c for c in running if c.kind in (ClockKind.DISPATCH, ClockKind.CLOSE)]
    return min(running, key=lambda c: c.due, default=None)


def worst_state(readings: list[ClockReading]) -> ClockState:
    """BREACHED if any clock breached, else WARNING if any is amber, else OK."""
    states = {r.state for r in readings}
    for state in (ClockState.BREACHED, ClockState.WARNING):
        if state in states:
            return state
    return ClockState.OK


def lead_of(assignments: list[Assignment]) -> Assignment | None:
    """The active lead assignment (the latest lead that is not withdrawn or returned)."""
    for assignment in reversed(assignments):
        if assignment.role is AssignmentRole.LEAD and assignment.state not in (
            AssignmentState.WITHDRAWN, AssignmentState.RETURNED
        ):
            return assignment
    return None
