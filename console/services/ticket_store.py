"""Load a ticket row into the domain aggregate and write the aggregate back; append its events.

Only services call this. Writing back relies on the row's ``version_id_col``: a concurrent commit
between load and flush surfaces as ``ConflictError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import BigInteger, insert, literal_column, select
from sqlalchemy.orm import Session

from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
from console.domain.catalog import TimeLimits
from console.domain.enums import (
    AssignmentRole,
    AssignmentState,
    Channel,
    Kind,
    Rating,
    ReturnReason,
    TicketStatus,
    Urgency,
)
from console.domain.errors import ConflictError, NotFound
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, Assignment, Citizen, DomainEvent, Location, Ticket, UnitRef


def unit_ref(row: UnitRow) -> UnitRef:
    return UnitRef(row.id, row.code, row.name)


def load_row(session: Session, ref: int | str, *, lock: bool = True) -> TicketRow:
    """The ticket row by id or number, locked FOR UPDATE on PostgreSQL when ``lock``."""
    column = TicketRow.number if isinstance(ref, str) else TicketRow.id
    query = select(TicketRow).where(column == ref)
    if lock and session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=TicketRow)
    row = session.scalars(query).first()
    if row is None:
        raise NotFound(f"工单 {ref} 不存在")
    return row


def to_domain(session: Session, row: TicketRow) -> Ticket:
    units = {u.id: u for u in session.scalars(select(UnitRow).where(
        UnitRow.id.in_({a.unit_id for a in row.assignments})))} if row.assignments else {}
    return Ticket(
        id=row.id, number=row.number, channel=Channel(row.channel), kind=Kind(row.kind), title=row.title,
        text=row.text, citizen=Citizen(row.citizen_name, row.citizen_phone),
        location=Location(row.district, row.street, row.address, row.lat, row.lon), urgency=Urgency(row.urgency),
        received_at=row.received_at, status=TicketStatus(row.status), citizen_item_code=row.citizen_item_code,
        item_code=row.item_code, dispatched_at=row.dispatched_at, closed_at=row.closed_at,
        claimed_by=row.claimed_by, claimed_by_name=row.claimed_by_name, claimed_at=row.claimed_at,
        version=row.version, rating=Rating(row.rating) if row.rating else None, rating_text=row.rating_text,
        return_count=row.return_count, reopen_count=row.reopen_count, rollback_count=row.rollback_count,
        merged_into_id=row.merged_into_id,
        status_before_merge=TicketStatus(row.status_before_merge) if row.status_before_merge else None,
        assignments=[_assignment(a, unit_ref(units[a.unit_id])) for a in row.assignments],
    )


def _assignment(row: AssignmentRow, unit: UnitRef) -> Assignment:
    return Assignment(
        id=row.id, unit=unit, role=AssignmentRole(row.role), state=AssignmentState(row.state),
        dispatched_at=row.dispatched_at, accept_due_at=row.accept_due_at, reply_due_at=row.reply_due_at,
        close_due_at=row.close_due_at, accepted_at=row.accepted_at, replied_at=row.replied_at,
        reply_text=row.reply_text, returned_at=row.returned_at,
        return_reason=ReturnReason(row.return_reason) if row.return_reason else None, return_text=row.return_text,
        extension_hours=row.extension_hours, pending_extension_hours=row.pending_extension_hours,
        pending_extension_reason=row.pending_extension_reason,
        limits=TimeLimits(row.accept_hours, row.reply_hours, row.close_hours),
    )


def new_row(ticket: Ticket, dispatch_due_at: datetime, catalog_version: str | None) -> TicketRow:
    row = TicketRow(number=ticket.number, channel=ticket.channel.value, kind=ticket.kind.value,
                    title=ticket.title, text=ticket.text, received_at=ticket.received_at,
                    dispatch_due_at=dispatch_due_at, catalog_version=catalog_version, assignments=[])
    write_back(ticket, row, ticket.received_at)
    return row


def write_back(ticket: Ticket, row: TicketRow, now: datetime) -> None:
    """Copy the aggregate's mutable state onto its row (new assignments become new rows)."""
    row.citizen_name, row.citizen_phone = ticket.citizen.name, ticket.citizen.phone
    loc = ticket.location
    row.district, row.street, row.address, row.lat, row.lon = loc.district, loc.street, loc.address, loc.lat, loc.lon
    row.citizen_item_code, row.item_code = ticket.citizen_item_code, ticket.item_code
    row.urgency, row.status = ticket.urgency.value, ticket.status.value
    row.dispatched_at, row.closed_at = ticket.dispatched_at, ticket.closed_at
    row.claimed_by, row.claimed_by_name, row.claimed_at = ticket.claimed_by, ticket.claimed_by_name, ticket.claimed_at
    row.rating = ticket.rating.value if ticket.rating else None
    row.rating_text = ticket.rating_text
    row.return_count, row.reopen_count, row.rollback_count = (ticket.return_count, ticket.reopen_count,
                                                              ticket.rollback_count)
    row.merged_into_id = ticket.merged_into_id
    row.status_before_merge = ticket.status_before_merge.value if ticket.status_before_merge else None
    row.updated_at = now
    by_id = {a.id: a for a in row.assignments}
    for assignment in ticket.assignments:
        target = by_id.get(assignment.id) if assignment.id is not None else None
        if target is None:
            target = AssignmentRow(unit_id=assignment.unit.id, role=assignment.role.value,
                                   dispatched_at=assignment.dispatched_at)
            row.assignments.append(target)
        _write_assignment(assignment, target)


def _write_assignment(a: Assignment, row: AssignmentRow) -> None:
    row.state = a.state.value
    row.accept_due_at, row.reply_due_at, row.close_due_at = a.accept_due_at, a.reply_due_at, a.close_due_at
    row.accepted_at, row.replied_at, row.reply_text = a.accepted_at, a.replied_at, a.reply_text
    row.returned_at, row.return_text = a.returned_at, a.return_text
    row.return_reason = a.return_reason.value if a.return_reason else None
    row.extension_hours = a.extension_hours
    row.pending_extension_hours, row.pending_extension_reason = a.pending_extension_hours, a.pending_extension_reason
    limits = a.limits
    row.accept_hours, row.reply_hours, row.close_hours = limits.accept_hours, limits.reply_hours, limits.close_hours


def append_events(session: Session, ticket_id: int | None, events: Iterable[DomainEvent], actor: Actor,
                  now: datetime, request_id: str | None = None) -> None:
    """Insert the events in order, in the caller's transaction (PostgreSQL rows carry their xid)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    rows = [{
        "ticket_id": ticket_id, "at": now,
        "actor_id": (e.actor_override or actor).staff_id, "actor_name": (e.actor_override or actor).name,
        "actor_role": (e.actor_override or actor).role.value, "action": e.action.value,
        "from_status": e.from_status.value if e.from_status else None,
        "to_status": e.to_status.value if e.to_status else None,
        "reason": e.reason, "data": e.data, "request_id": request_id,
    } for e in events]
    if not rows:
        return
    statement = insert(EventRow)
    if postgres:
        statement = statement.values(xid=literal_column("pg_current_xact_id()::text::bigint", BigInteger))
    session.execute(statement, rows)


def conflict(session: Session, row: TicketRow, expected_version: int) -> ConflictError:
    """A ``ConflictError`` naming who made the ticket's latest change."""
    last = session.scalars(select(EventRow).where(EventRow.ticket_id == row.id)
                           .order_by(EventRow.id.desc()).limit(1)).first()
    label = Action(last.action).label if last and last.action in Action._value2member_map_ else None
    return ConflictError(row.number, expected_version, row.version, last.actor_name if last else None, label)
