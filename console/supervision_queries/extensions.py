"""Pending extension requests (延期) for the approvals panel. Caller's thread (DB worker)."""

from __future__ import annotations

from sqlalchemy import select

from console.db.engine import Database
from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
from console.domain.catalog import TimeLimits
from console.domain.sla import unit_deadlines
from console.queries.queue import OPEN_STATUSES
from console.supervision_queries.rows import PendingExtension


def pending_extensions(db: Database) -> list[PendingExtension]:
    """Every open ticket's pending extension request, oldest request first.

    ``new_reply_due`` is computed exactly as the domain does on approval (``sla.unit_deadlines`` from the
    assignment's dispatch time with all approved hours plus the requested ones)."""
    with db.reader() as s:
        rows = s.execute(
            select(AssignmentRow, TicketRow.number, TicketRow.title, TicketRow.urgency, TicketRow.status,
                   TicketRow.received_at, UnitRow.code, UnitRow.name)
            .join(TicketRow, TicketRow.id == AssignmentRow.ticket_id)
            .join(UnitRow, UnitRow.id == AssignmentRow.unit_id)
            .where(AssignmentRow.pending_extension_hours.is_not(None), TicketRow.status.in_(OPEN_STATUSES))).all()
        ticket_ids = {r[0].ticket_id for r in rows}
        requests: dict[tuple[int, str], tuple[object, str]] = {}
        if ticket_ids:
            for e in s.scalars(select(EventRow).where(EventRow.ticket_id.in_(ticket_ids),
                                                      EventRow.action == "request_extension")
                               .order_by(EventRow.id)):
                requests[(e.ticket_id or 0, str((e.data or {}).get("unit", "")))] = (e.at, e.actor_name)
        found = []
        for a, number, title, urgency, status, received_at, code, name in rows:
            hours = float(a.pending_extension_hours or 0.0)
            limits = TimeLimits(a.accept_hours, a.reply_hours, a.close_hours)
            new_due = unit_deadlines(a.dispatched_at, received_at, limits, a.extension_hours + hours).reply_due
            at, by = requests.get((a.ticket_id, code), (None, ""))
            found.append(PendingExtension(a.ticket_id, number, title, urgency, status, code, name, a.role, hours,
                                          a.pending_extension_reason, at, by, a.reply_due_at, new_due))  # type: ignore[arg-type]
    return sorted(found, key=lambda p: (p.requested_at is None, p.requested_at or p.reply_due, p.ticket_id))
