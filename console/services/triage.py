"""The dispatcher's use cases: claim work, dispatch, send to review, change urgency, add notes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, case, select, update

from console.db.schema import EventRow, StaffRow, TicketRow
from console.domain.enums import Role, TicketStatus, Urgency
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, DomainEvent, Ticket
from console.services.catalog_store import load_version, version_in_effect
from console.services.changes import Changed
from console.services.claim_release import release_claims
from console.services.context import ServiceContext
from console.services.runner import Work, edit_one, execute
from console.services.ticket_store import append_events
from console.services.unit_resolution import resolve_units, units_by_code

CLAIMABLE = {
    Role.OPERATOR: (TicketStatus.RECEIVED, TicketStatus.PENDING_REVIEW),
    Role.DISPATCHER: (TicketStatus.RECEIVED, TicketStatus.PENDING_REVIEW, TicketStatus.RETURNED),
    Role.SUPERVISOR: (TicketStatus.RECEIVED, TicketStatus.PENDING_REVIEW, TicketStatus.RETURNED,
                      TicketStatus.ARBITRATION),
}


def dispatch(ctx: ServiceContext, actor: Actor, ref: int | str, *, item_code: str | None = None,
             lead_unit: str | None = None, co_units: list[str] | None = None, reason: str = "",
             expected_version: int | None = None, request_id: str | None = None) -> Changed:
    """Dispatch to the units of ``item_code`` at the ticket's place, or to the units named explicitly.

    Explicit units override the item's; at least one of item or lead unit is required.
    """
    if item_code is None and lead_unit is None:
        raise ValidationError("分拨需要指定职责事项或主办单位")

    def mutate(ticket: Ticket, work: Work) -> list[DomainEvent]:
        catalog = load_version(work.session, _catalog_version(work, ticket))
        item = catalog.get(item_code) if item_code else None
        if item_code and item is None:
            raise ValidationError(f"职责事项 {item_code} 不存在")
        if lead_unit is not None:
            lead, *co = units_by_code(work.session, [lead_unit, *(co_units or [])])
        else:
            assert item is not None
            lead, co = resolve_units(work.session, item, ticket.location.district, ticket.location.street)
            if co_units is not None:
                co = units_by_code(work.session, co_units)
        limits = item.limits if item else (ticket.lead.limits if ticket.lead else catalog.items[0].limits)
        reviewed = ticket.status is TicketStatus.PENDING_REVIEW
        events = ticket.dispatch(work.actor, lead=lead, co_units=co, item_code=item_code, limits=limits,
                                 now=work.now, reason=reason)
        if reviewed:
            events[0].data["review"] = review_outcome(work, ticket, item_code, lead_unit is not None, reason)
        return events

    return edit_one(ctx, actor, ref, Action.DISPATCH.value, mutate, expected_version=expected_version,
                    request_id=request_id)


def review_outcome(work: Work, ticket: Ticket, item_code: str | None, units_overridden: bool,
                   reason: str) -> dict[str, object]:
    """The reviewer's decision on the router's suggestion (人工复核), recorded with the dispatch: the
    training data of the learned router and the source of the review quality figures."""
    suggestion = work.session.scalars(
        select(EventRow.data).where(EventRow.ticket_id == ticket.id, EventRow.action == Action.SUBMIT_REVIEW.value)
        .order_by(EventRow.id.desc()).limit(1)).first() or {}
    suggested = suggestion.get("suggested_item")
    if suggested is None:
        decision = "no_suggestion"
    elif suggested == item_code and not units_overridden:
        decision = "accepted"
    else:
        decision = "corrected"
    return {"decision": decision, "suggested_item": suggested, "chosen_item": item_code,
            "confidence": suggestion.get("confidence"), "model_version": suggestion.get("model_version"),
            "units_overridden": units_overridden, "reason": reason}


def _catalog_version(work: Work, ticket: Ticket) -> str:
    version = work.session.scalar(select(TicketRow.catalog_version).where(TicketRow.id == ticket.id))
    if version is None:
        version = version_in_effect(work.session, ticket.received_at)
    return version


def submit_for_review(ctx: ServiceContext, actor: Actor, ref: int | str, reason: str = "",
                      expected_version: int | None = None, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.SUBMIT_REVIEW.value, lambda t, w: t.submit_for_review(w.actor, reason),
                    expected_version=expected_version, request_id=request_id)


def claim(ctx: ServiceContext, actor: Actor, ref: int | str, *, take_over: bool = False,
          expected_version: int | None = None, request_id: str | None = None) -> Changed:
    """Start working on a ticket. Someone else's claim raises ``ClaimedByOther`` unless ``take_over``."""
    return edit_one(ctx, actor, ref, Action.CLAIM.value, lambda t, w: t.claim(w.actor, w.now, take_over),
                    expected_version=expected_version, request_id=request_id)


def release(ctx: ServiceContext, actor: Actor, ref: int | str, reason: str = "",
            request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.RELEASE.value, lambda t, w: t.release(w.actor, reason),
                    request_id=request_id)


def claim_next(ctx: ServiceContext, actor: Actor, request_id: str | None = None) -> Changed:
    """Claim the most urgent unclaimed ticket waiting for the room (urgency, then dispatch deadline).

    One statement: ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`` on PostgreSQL, so
    concurrent callers never get the same ticket; SQLite's ``BEGIN IMMEDIATE`` serialises writers.
    Returns an empty ``Changed`` when nothing is waiting.
    """
    def body(work: Work) -> Changed:
        statuses = CLAIMABLE.get(work.actor.role)
        if statuses is None:
            raise PermissionDenied(f"「{work.actor.role.label}」不能认领工单")
        rank = case({u.value: u.rank for u in Urgency}, value=TicketRow.urgency)
        pick = (select(TicketRow.id)
                .where(TicketRow.claimed_by.is_(None), TicketRow.status.in_([s.value for s in statuses]))
                .order_by(rank, TicketRow.dispatch_due_at, TicketRow.id).limit(1))
        if work.session.get_bind().dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        claimed = work.session.execute(
            update(TicketRow).where(TicketRow.id == pick.scalar_subquery())
            .values(claimed_by=work.actor.staff_id, claimed_by_name=work.actor.name, claimed_at=work.now,
                    claimed_workstation=work.ctx.workstation_id, updated_at=work.now, version=TicketRow.version + 1)
            .returning(TicketRow.id, TicketRow.number, TicketRow.status)
            .execution_options(synchronize_session=False)).first()
        if claimed is None:
            return Changed(Action.CLAIM.value, detail="没有待处理的工单")
        status = TicketStatus(claimed.status)
        append_events(work.session, claimed.id, [DomainEvent(Action.CLAIM, status, status,
                                                             data={"to": work.actor.name, "next": True})],
                      work.actor, work.now, work.request_id)
        return Changed(Action.CLAIM.value, (claimed.id,), (claimed.number,))

    return execute(ctx, actor, Action.CLAIM.value, body, request_id)


def release_idle_claims(ctx: ServiceContext, idle_minutes: int | None = None) -> Changed:
    """Release every claim older than the idle limit (the system acts; each release is an event)."""
    limit = idle_minutes if idle_minutes is not None else ctx.settings.claim_idle_minutes
    system = Actor.system("超时释放")

    def body(work: Work) -> Changed:
        idle = and_(TicketRow.claimed_by.is_not(None), TicketRow.claimed_at < work.now - timedelta(minutes=limit))
        return release_claims(work, idle, f"认领超过 {limit} 分钟未操作，自动释放")

    return execute(ctx, system, Action.RELEASE.value, body)


def change_urgency(ctx: ServiceContext, actor: Actor, ref: int | str, urgency: Urgency, reason: str,
                   expected_version: int | None = None, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.CHANGE_URGENCY.value,
                    lambda t, w: t.change_urgency(w.actor, urgency, reason),
                    expected_version=expected_version, request_id=request_id)


def add_note(ctx: ServiceContext, actor: Actor, ref: int | str, text: str, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.NOTE.value, lambda t, w: t.add_note(w.actor, text),
                    request_id=request_id)


def staff_actor(ctx: ServiceContext, username: str) -> Actor:
    """The actor for a staff username (for the CLI, demo and tests)."""
    with ctx.db.reader() as session:
        row = session.scalars(select(StaffRow).where(StaffRow.username == username)).first()
        if row is None:
            raise NotFound(f"账号 {username} 不存在")
        return Actor(row.id, row.display_name, Role(row.role), row.unit_id)
