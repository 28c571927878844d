"""A supervisor's use cases: extensions, return arbitration, reassignment (bulk), reminders."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from console.db.schema import StaffRow
from console.domain.catalog import TimeLimits
from console.domain.enums import Role
from console.domain.errors import NotFound, ValidationError
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, Ticket
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.runner import Work, edit_one, execute
from console.services.unit_resolution import units_by_code


def decide_extension(ctx: ServiceContext, actor: Actor, ref: int | str, *, unit_code: str, approve: bool,
                     reason: str = "", request_id: str | None = None) -> Changed:
    """Approve (the unit's reply and close deadlines move) or refuse (with a reason — required, stored trimmed;
    ``ValidationError`` when blank) a pending extension."""
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError("驳回延期须填写理由")

    def mutate(ticket: Ticket, work: Work) -> list:
        unit = units_by_code(work.session, [unit_code])[0]
        return ticket.decide_extension(work.actor, unit_id=unit.id, approve=approve, reason=reason)

    action = Action.APPROVE_EXTENSION if approve else Action.REFUSE_EXTENSION
    return edit_one(ctx, actor, ref, action.value, mutate, request_id=request_id)


def arbitrate(ctx: ServiceContext, actor: Actor, ref: int | str, *, lead_unit: str, co_units: Sequence[str] = (),
              ruling: str, request_id: str | None = None) -> Changed:
    """The supervisor's final ruling on a disputed ticket: names the lead and dispatches again."""
    def mutate(ticket: Ticket, work: Work) -> list:
        lead, *co = units_by_code(work.session, [lead_unit, *co_units])
        limits = ticket.assignments[-1].limits if ticket.assignments else None
        if limits is None:
            raise ValidationError(f"工单 {ticket.number} 没有分拨记录，无法仲裁")
        return ticket.arbitrate(work.actor, lead=lead, co_units=co, limits=limits, now=work.now, ruling=ruling)

    return edit_one(ctx, actor, ref, Action.ARBITRATE.value, mutate, request_id=request_id)


def reassign_staff(ctx: ServiceContext, actor: Actor, refs: Sequence[int | str], *, to_username: str, reason: str,
                   request_id: str | None = None) -> Changed:
    """Give one or many tickets to another room member (bulk); all or none change."""
    def body(work: Work) -> Changed:
        target = work.session.scalars(select(StaffRow).where(StaffRow.username == to_username)).first()
        if target is None or not target.active:
            raise NotFound(f"账号 {to_username} 不存在或已停用")
        if Role(target.role) not in (Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR):
            raise ValidationError(f"{target.display_name} 不是受理/分拨人员，不能改派给他")
        ids, numbers = [], []
        for ref in refs:
            row, ticket, _ = work.edit(ref, None, lambda t: t.reassign_staff(
                work.actor, to_staff_id=target.id, to_name=target.display_name, now=work.now, reason=reason))
            ids.append(row.id)
            numbers.append(ticket.number)
        return Changed(Action.REASSIGN_STAFF.value, tuple(ids), tuple(numbers))

    return execute(ctx, actor, Action.REASSIGN_STAFF.value, body, request_id)


def reassign_unit(ctx: ServiceContext, actor: Actor, refs: Sequence[int | str], *, unit_code: str, reason: str,
                  request_id: str | None = None) -> Changed:
    """Move the lead of one or many tickets to another unit (bulk); all or none change."""
    def body(work: Work) -> Changed:
        unit = units_by_code(work.session, [unit_code])[0]
        ids, numbers = [], []
        for ref in refs:
            def mutate(t: Ticket) -> list:
                limits = t.lead.limits if t.lead else t.assignments[-1].limits if t.assignments else TimeLimits()
                return t.reassign_unit(work.actor, lead=unit, limits=limits, now=work.now, reason=reason)
            row, ticket, _ = work.edit(ref, None, mutate)
            ids.append(row.id)
            numbers.append(ticket.number)
        return Changed(Action.REASSIGN_UNIT.value, tuple(ids), tuple(numbers))

    return execute(ctx, actor, Action.REASSIGN_UNIT.value, body, request_id)


def remind(ctx: ServiceContext, actor: Actor, ref: int | str, text: str, *, supervise: bool = False,
           request_id: str | None = None) -> Changed:
    """催办 (or 督办) to the units still holding the ticket."""
    action = Action.SUPERVISE if supervise else Action.REMIND
    return edit_one(ctx, actor, ref, action.value, lambda t, w: t.remind(w.actor, text, supervise),
                    request_id=request_id)
