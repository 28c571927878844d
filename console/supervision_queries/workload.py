"""Staff workload for a shift: open tickets each person holds, and the bulk-reassignment source list.
Caller's thread (DB worker)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from console.db.engine import Database
from console.db.schema import EventRow, StaffRow, TicketRow
from console.domain.enums import Urgency
from console.domain.shifts import calendar_for
from console.queries.queue import OPEN_STATUSES, next_running_clock
from console.services.context import ServiceContext
from console.supervision_queries.reference import ROOM_ROLES
from console.supervision_queries.rows import Workload, WorkloadRow


def shift_workload(ctx: ServiceContext, now: datetime | None = None) -> Workload:
    """Per person of the current shift (``staff.shift_slot`` is the shift's slot) and anyone else still
    holding open tickets (e.g. a dispatcher of the previous shift who went home): open tickets claimed,
    how many are urgent, how many have a passed deadline, the oldest claim, dispatches this shift.
    Sorted by open tickets held, most first."""
    now = now or ctx.clock.now()
    shift = calendar_for(ctx.settings).current(now)
    with ctx.db.reader() as s:
        held = s.scalars(select(TicketRow).where(TicketRow.status.in_(OPEN_STATUSES),
                                                 TicketRow.claimed_by.is_not(None))).all()
        unclaimed = s.scalar(select(func.count()).select_from(TicketRow).where(
            TicketRow.status.in_(OPEN_STATUSES), TicketRow.claimed_by.is_(None))) or 0
        per: dict[int, list[TicketRow]] = {}
        for t in held:
            per.setdefault(t.claimed_by or 0, []).append(t)
        dispatched = dict(s.execute(
            select(EventRow.actor_id, func.count()).where(EventRow.action == "dispatch",
                                                          EventRow.at >= shift.start, EventRow.at < shift.end,
                                                          EventRow.actor_id.is_not(None))
            .group_by(EventRow.actor_id)).all())
        staff = s.scalars(select(StaffRow).where(
            (StaffRow.id.in_(per.keys())) | ((StaffRow.shift_slot == shift.slot) & StaffRow.role.in_(ROOM_ROLES)
                                              & StaffRow.active))).all()
        rows = []
        for person in staff:
            tickets = per.get(person.id, [])
            overdue = 0
            for t in tickets:
                clock = next_running_clock(t.status, t.received_at, t.dispatch_due_at, t.dispatched_at, t.closed_at,
                                           t.assignments)
                overdue += clock is not None and clock[2] < now
            claims = [t.claimed_at for t in tickets if t.claimed_at is not None]
            rows.append(WorkloadRow(
                person.id, person.username, person.display_name, person.role, person.shift_slot,
                person.shift_slot == shift.slot, len(tickets),
                sum(t.urgency == Urgency.URGENT.value for t in tickets), overdue, min(claims, default=None),
                int(dispatched.get(person.id, 0))))
    rows.sort(key=lambda r: (-r.open_claimed, not r.on_shift, r.username))
    return Workload(shift.label, shift.start, shift.end, tuple(rows), int(unclaimed))


def open_claims_of(db: Database, staff_id: int) -> list[int]:
    """Ids of the open tickets ``staff_id`` holds (for 'reassign everything of someone who went home')."""
    with db.reader() as s:
        return list(s.scalars(select(TicketRow.id).where(TicketRow.status.in_(OPEN_STATUSES),
                                                         TicketRow.claimed_by == staff_id)
                              .order_by(TicketRow.id)))
