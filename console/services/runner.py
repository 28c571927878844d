"""The frame every use case runs in: one unit of work, a verified actor, request-id idempotency, typed
conflicts, and the ``Changed`` result.

A client request id is stored uniquely in the same transaction as the change. A retried call with the
same id (after a timeout, a crash-restart, a double click) returns the stored result and does nothing
again; a concurrent duplicate loses on the unique key and also gets the stored result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.db.schema import RequestRow, TicketRow
from console.db.uow import UnitOfWork
from console.domain.enums import Role
from console.domain.errors import ConflictError, PermissionDenied
from console.domain.sla import dispatch_due
from console.domain.ticket import Actor, DomainEvent, Ticket
from console.services.actors import verify_actor
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.ticket_store import append_events, conflict, load_row, to_domain, write_back


@dataclass
class Work:
    """Handed to a use case's body: the session, the verified actor, the time of the action."""

    session: Session
    actor: Actor
    now: datetime
    ctx: ServiceContext
    request_id: str | None

    def edit(self, ref: int | str, expected_version: int | None,
             mutate: Callable[[Ticket], list[DomainEvent]]) -> tuple[TicketRow, Ticket, list[DomainEvent]]:
        """Load (locked), check the caller's version and the actor's scope, mutate, write back, append events."""
        row = load_row(self.session, ref)
        if expected_version is not None and row.version != expected_version:
            raise conflict(self.session, row, expected_version)
        ticket = to_domain(self.session, row)
        ensure_in_scope(self.actor, ticket)
        holder_before = ticket.claimed_by
        events = mutate(ticket)
        if events:
            write_back(ticket, row, self.now)
            if ticket.claimed_by is None:
                row.claimed_workstation = None
            elif ticket.claimed_by != holder_before:
                row.claimed_workstation = self.ctx.workstation_id if ticket.claimed_by == self.actor.staff_id \
                    else None
            row.dispatch_due_at = dispatch_due(ticket.received_at, ticket.urgency, self.ctx.policy)
            try:
                self.session.flush()
            except StaleDataError:
                self.session.rollback()
                raise ConflictError(ticket.number, row.version, row.version + 1, None) from None
            append_events(self.session, row.id, events, self.actor, self.now, self.request_id)
        return row, ticket, events


def ensure_in_scope(actor: Actor, ticket: Ticket) -> None:
    """Unit handlers see and touch only tickets that were assigned to their unit."""
    if actor.role is Role.UNIT_HANDLER and not any(a.unit.id == actor.unit_id for a in ticket.assignments):
        raise PermissionDenied(f"工单 {ticket.number} 不属于您的单位")


def execute(ctx: ServiceContext, actor: Actor, action: str, body: Callable[[Work], Changed],
            request_id: str | None = None) -> Changed:
    """Run ``body`` in one unit of work and commit; replay the stored result for a known request id."""
    if request_id is not None and len(request_id) > 64:
        raise ValueError("request id longer than 64 characters")
    with UnitOfWork(ctx.db) as uow:
        if request_id is not None:
            stored = uow.session.get(RequestRow, request_id)
            if stored is not None:
                return Changed.from_json(stored.result)
        work = Work(uow.session, verify_actor(uow.session, actor), ctx.clock.now(), ctx, request_id)
        result = body(work)
        if request_id is not None:
            uow.session.add(RequestRow(request_id=request_id, actor_id=work.actor.staff_id, action=action,
                                       at=work.now, result=result.to_json()))
        try:
            uow.commit()
        except IntegrityError:
            uow.rollback()
            if request_id is None:
                raise
            return _stored_result(ctx, request_id)
        except StaleDataError:
            uow.rollback()
            raise ConflictError("?", 0, 0, None) from None
    return result


def _stored_result(ctx: ServiceContext, request_id: str) -> Changed:
    with ctx.db.reader() as session:
        stored = session.get(RequestRow, request_id)
        if stored is None:
            raise RuntimeError(f"request {request_id} collided but no stored result was found")
        return Changed.from_json(stored.result)


def edit_one(ctx: ServiceContext, actor: Actor, ref: int | str, action: str,
             mutate: Callable[[Ticket, Work], list[DomainEvent]], *, expected_version: int | None = None,
             request_id: str | None = None) -> Changed:
    """The common case: one ticket, one mutation."""
    def body(work: Work) -> Changed:
        row, ticket, events = work.edit(ref, expected_version, lambda t: mutate(t, work))
        return Changed(action, (row.id,) if events else (), (ticket.number,) if events else ())
    return execute(ctx, actor, action, body, request_id)
