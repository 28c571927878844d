"""Unit-scoped views of one ticket: the actor's own part, the co-units' replies the lead consolidates,
and which units the ticket is waiting for. Caller's thread (DB worker) except ``holding_up`` (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
from console.domain.errors import NotFound, PermissionDenied
from console.queries.rows import AssignmentView
from console.supervision_queries.rows import HoldUp, ReplyContext, UnitPart

_CURRENT = ("dispatched", "accepted", "replied")


def reply_context(db: Database, ticket_id: int, unit_id: int) -> ReplyContext:
    """The unit ``unit_id``'s current part in ``ticket_id`` and, when it leads, the co-units dispatched
    with it (their state and replies). Raises ``PermissionDenied`` when the ticket was never assigned to
    the unit (unit handlers see only their unit's tickets) or the unit has no current part in it."""
    with db.reader() as s:
        t = s.get(TicketRow, ticket_id)
        if t is None:
            raise NotFound(f"工单 {ticket_id} 不存在")
        if not any(a.unit_id == unit_id for a in t.assignments):
            raise PermissionDenied(f"工单 {t.number} 不属于您的单位")
        units = {u.id: u for u in s.scalars(select(UnitRow).where(
            UnitRow.id.in_({a.unit_id for a in t.assignments})))}
        mine_row = next((a for a in reversed(t.assignments) if a.unit_id == unit_id and a.state in _CURRENT), None)
        if mine_row is None:
            raise PermissionDenied(f"工单 {t.number} 当前没有分派给您的单位")
        lead_row = next((a for a in reversed(t.assignments) if a.role == "lead" and a.state in _CURRENT), None)
        since = _round_start(s, t.id)
        co_rows = [a for a in t.assignments if a.role == "co" and a.state in _CURRENT
                   and (since is None or a.dispatched_at >= since)]
        return ReplyContext(t.id, t.number, t.title, t.status, t.received_at, t.return_count,
                            _part(mine_row, units[mine_row.unit_id]),
                            tuple(_part(a, units[a.unit_id]) for a in co_rows),
                            _part(lead_row, units[lead_row.unit_id]) if lead_row is not None else None)


def _round_start(s: Session, ticket_id: int) -> datetime | None:
    """When the current round of dispatch began: the latest dispatch or arbitration. Co-units are created
    only by those; a reassignment or a reopen gives the lead a new assignment but keeps the round's co-units."""
    return s.scalar(select(func.max(EventRow.at)).where(EventRow.ticket_id == ticket_id,
                                                        EventRow.action.in_(("dispatch", "arbitrate"))))


def _part(a: AssignmentRow, unit: UnitRow) -> UnitPart:
    return UnitPart(unit.code, unit.name, a.role, a.state, a.dispatched_at, a.accept_due_at, a.reply_due_at,
                    a.accepted_at, a.replied_at, a.reply_text, a.pending_extension_hours, a.extension_hours,
                    a.accept_hours, a.reply_hours, a.close_hours)


def holding_up(assignments: Iterable[AssignmentView], now: datetime) -> list[HoldUp]:
    """The units the ticket is waiting for: every assignment still to be accepted (待签收) or replied
    (办理中), with the clock that runs for it; overdue ones first, then the earliest due. Pure."""
    found = []
    for a in assignments:
        if a.state not in ("dispatched", "accepted"):
            continue
        kind = "accept" if a.state == "dispatched" else "reply"
        clock = next((c for c in a.clocks if c.kind == kind and c.done_at is None), None)
        if clock is None:
            continue
        found.append(HoldUp(a.unit_code, a.unit_name, a.role, a.state, kind, clock.due, clock.due < now))
    return sorted(found, key=lambda h: (not h.overdue, h.due, h.role != "lead"))
