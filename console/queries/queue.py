"""The live queue's snapshot and its incremental refresh: open tickets as ``QueueRow`` objects.

``load_queue`` reads every open ticket in the caller's scope in three statements (tickets, their
assignments, item names); ``load_rows`` reads the same shape for a few ticket ids after a change and
also says which of them left the queue (closed, merged, out of scope). The next deadline follows
``console.domain.sla.next_deadline`` exactly (tested against it), from stored due times only.
Runs on the caller's thread (the window's DB worker).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, select
from sqlalchemy.orm import Session, aliased

from console.db.engine import Database
from console.db.schema import AssignmentRow, DutyItemRow, TicketRow, UnitRow
from console.domain.enums import TicketStatus, Urgency
from console.queries.rows import NO_DEADLINE, QueueRow

CLOSED_STATUSES = (TicketStatus.CLOSED.value, TicketStatus.MERGED.value)
_NON_DIGIT = re.compile(r"\D")
_RANK = {u.value: u.rank for u in Urgency}
_CHUNK = 500
OPEN_STATUSES = tuple(s.value for s in TicketStatus if s.value not in CLOSED_STATUSES)


@dataclass(frozen=True, slots=True)
class QueueScope:
    """Which tickets a workstation's queue holds: all open tickets, or those of one unit (unit handlers)."""

    unit_id: int | None = None


@dataclass(frozen=True, slots=True)
class RowRefresh:
    """Fresh rows for changed tickets, and the ids that are no longer in the queue."""

    rows: tuple[QueueRow, ...]
    gone: tuple[int, ...]


def load_queue(db: Database, scope: QueueScope = QueueScope()) -> list[QueueRow]:
    """Every open ticket in ``scope``, unsorted."""
    with db.reader() as session:
        where = _open_in_scope(scope)
        return _build(session, where)


def load_rows(db: Database, ticket_ids: Iterable[int], scope: QueueScope = QueueScope()) -> RowRefresh:
    """Rows for ``ticket_ids`` that are open and in scope; the other ids are reported as ``gone``."""
    wanted = sorted(set(ticket_ids))
    rows: list[QueueRow] = []
    with db.reader() as session:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            rows.extend(_build(session, and_(TicketRow.id.in_(chunk), _open_in_scope(scope))))
    found = {r.id for r in rows}
    return RowRefresh(tuple(rows), tuple(i for i in wanted if i not in found))


def _open_in_scope(scope: QueueScope) -> ColumnElement[bool]:
    # IN over the open statuses (not NOT IN over the closed ones) so the status index is used: open tickets
    # are a few per cent of a long history.
    where: ColumnElement[bool] = TicketRow.status.in_(OPEN_STATUSES)
    if scope.unit_id is not None:
        part = aliased(AssignmentRow)
        mine = exists().where(part.ticket_id == TicketRow.id, part.unit_id == scope.unit_id).correlate(TicketRow)
        where = and_(where, mine)
    return where


_TICKET_COLUMNS = (
    TicketRow.id, TicketRow.number, TicketRow.version, TicketRow.received_at, TicketRow.kind, TicketRow.channel,
    TicketRow.urgency, TicketRow.status, TicketRow.district, TicketRow.street, TicketRow.item_code,
    TicketRow.citizen_item_code, TicketRow.claimed_by, TicketRow.claimed_by_name, TicketRow.title, TicketRow.text,
    TicketRow.citizen_phone, TicketRow.address, TicketRow.dispatch_due_at, TicketRow.dispatched_at,
    TicketRow.closed_at, TicketRow.return_count, TicketRow.rollback_count, TicketRow.reopen_count,
    TicketRow.updated_at,
)

_ASSIGNMENT_COLUMNS = (
    AssignmentRow.ticket_id, AssignmentRow.role, AssignmentRow.state, AssignmentRow.dispatched_at,
    AssignmentRow.accept_due_at, AssignmentRow.reply_due_at, AssignmentRow.close_due_at, AssignmentRow.accepted_at,
    AssignmentRow.replied_at, AssignmentRow.returned_at, AssignmentRow.pending_extension_hours, UnitRow.code,
    UnitRow.name, UnitRow.line,
)


def _build(session: Session, where: ColumnElement[bool]) -> list[QueueRow]:
    tickets = session.execute(select(*_TICKET_COLUMNS).where(where)).all()
    if not tickets:
        return []
    by_ticket: dict[int, list[Any]] = defaultdict(list)
    assignments = session.execute(
        select(*_ASSIGNMENT_COLUMNS).join(UnitRow, UnitRow.id == AssignmentRow.unit_id)
        .join(TicketRow, TicketRow.id == AssignmentRow.ticket_id).where(where).order_by(AssignmentRow.id)).all()
    for a in assignments:
        by_ticket[a.ticket_id].append(a)
    items = item_directory(session)
    return [_row(t, by_ticket.get(t.id, ()), items) for t in tickets]


def item_directory(session: Session) -> dict[str, tuple[str, str]]:
    """Duty item code → (name, lead line), newest catalogue version winning."""
    result = session.execute(select(DutyItemRow.code, DutyItemRow.name, DutyItemRow.lead_line)
                             .order_by(DutyItemRow.version_id)).all()
    return {code: (name, line) for code, name, line in result}


def _ts(value: datetime | None) -> float:
    return value.timestamp() if value is not None else NO_DEADLINE


def next_running_clock(status: str, received_at: datetime, dispatch_due_at: datetime, dispatched_at: datetime | None,
                       closed_at: datetime | None, assignments: Sequence[Any]) -> tuple[str, datetime, datetime] | None:
    """(kind, start, due) of the running clock that falls due first, as ``sla.next_deadline`` decides."""
    if status in CLOSED_STATUSES:
        return None
    running: list[tuple[str, datetime, datetime]] = []
    if dispatched_at is None:
        running.append(("dispatch", received_at, dispatch_due_at))
    lead = None
    for a in assignments:
        if a.state == "withdrawn":
            continue
        stopped = a.returned_at if a.state == "returned" else None
        if (a.accepted_at or stopped) is None:
            running.append(("accept", a.dispatched_at, a.accept_due_at))
        if (a.replied_at or stopped) is None:
            running.append(("reply", a.dispatched_at, a.reply_due_at))
        if a.role == "lead" and a.state != "returned":
            lead = a
    if lead is not None and lead.close_due_at is not None and closed_at is None:
        running.append(("close", received_at, lead.close_due_at))
    if status in (TicketStatus.RETURNED.value, TicketStatus.ARBITRATION.value):
        running = [c for c in running if c[0] in ("dispatch", "close")]
    return min(running, key=lambda c: c[2], default=None)


def _lead(assignments: Sequence[Any]) -> Any:
    for a in reversed(assignments):
        if a.role == "lead" and a.state not in ("withdrawn", "returned"):
            return a
    return None


def _row(t: Any, assignments: Sequence[Any], items: dict[str, tuple[str, str]]) -> QueueRow:
    clock = next_running_clock(t.status, t.received_at, t.dispatch_due_at, t.dispatched_at, t.closed_at, assignments)
    lead = _lead(assignments)
    item_code = t.item_code or t.citizen_item_code or ""
    item_name, item_line = items.get(item_code, ("", ""))
    phone = _NON_DIGIT.sub("", t.citizen_phone or "")
    district, street = t.district or "", t.street or ""
    blob = " ".join((t.number, phone, t.title, t.text[:400], t.address or "", district + street, item_name))
    return QueueRow(
        id=t.id, number=t.number, version=t.version, received_ts=t.received_at.timestamp(), kind=t.kind,
        channel=t.channel, urgency=t.urgency, urgency_rank=_RANK.get(t.urgency, 9), status=t.status,
        district=district, street=street, item_code=item_code, item_name=item_name, category=item_code[:2],
        line=lead.line if lead is not None else item_line, lead_unit=lead.name if lead is not None else "",
        lead_unit_code=lead.code if lead is not None else "", claimed_by=t.claimed_by,
        claimed_by_name=t.claimed_by_name or "", title=t.title, due_kind=clock[0] if clock else "",
        due_start_ts=clock[1].timestamp() if clock else NO_DEADLINE, due_ts=_ts(clock[2] if clock else None),
        return_count=t.return_count, rollback_count=t.rollback_count, reopen_count=t.reopen_count,
        pending_extension=any(a.pending_extension_hours is not None for a in assignments),
        updated_ts=t.updated_at.timestamp(), search_blob=blob.lower(),
    )
