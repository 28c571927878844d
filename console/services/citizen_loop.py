"""Closing the loop with the citizen: close, rating (好差评), unsatisfied rollback, reopen (回潮), merge (并案)."""

from __future__ import annotations

from console.domain.enums import Rating
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, Ticket
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.runner import Work, edit_one, execute
from console.services.ticket_store import load_row, to_domain


def close(ctx: ServiceContext, actor: Actor, ref: int | str, reason: str = "",
          request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.CLOSE.value, lambda t, w: t.close(w.actor, w.now, reason),
                    request_id=request_id)


def rate(ctx: ServiceContext, actor: Actor, ref: int | str, rating: Rating, text: str = "",
         request_id: str | None = None) -> Changed:
    """Record the rating; 不满意 sends the ticket back to its lead unit with a fresh deadline."""
    return edit_one(ctx, actor, ref, Action.RATE.value, lambda t, w: t.rate(w.actor, rating, text, w.now),
                    request_id=request_id)


def roll_back(ctx: ServiceContext, actor: Actor, ref: int | str, reason: str, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.ROLLBACK.value, lambda t, w: t.roll_back(w.actor, reason=reason, now=w.now),
                    request_id=request_id)


def reopen(ctx: ServiceContext, actor: Actor, ref: int | str, reason: str, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.REOPEN.value, lambda t, w: t.reopen(w.actor, reason=reason, now=w.now),
                    request_id=request_id)


def merge(ctx: ServiceContext, actor: Actor, duplicate: int | str, primary: int | str, reason: str = "",
          request_id: str | None = None) -> Changed:
    """并案: ``duplicate`` joins ``primary``; both tickets get an event, the duplicate keeps its citizen."""
    def body(work: Work) -> Changed:
        primary_ticket = to_domain(work.session, load_row(work.session, primary))
        row, ticket, _ = work.edit(duplicate, None, lambda t: t.merge_into(work.actor, primary_ticket, reason))
        assert primary_ticket.id is not None
        _, _, _ = work.edit(primary_ticket.id, None, lambda t: t.add_note(work.actor, f"并入工单 {ticket.number}"))
        return Changed(Action.MERGE.value, (row.id, primary_ticket.id), (ticket.number, primary_ticket.number))

    return execute(ctx, actor, Action.MERGE.value, body, request_id)


def unmerge(ctx: ServiceContext, actor: Actor, ref: int | str, reason: str, request_id: str | None = None) -> Changed:
    def mutate(ticket: Ticket, work: Work) -> list:
        return ticket.unmerge(work.actor, reason)
    return edit_one(ctx, actor, ref, Action.UNMERGE.value, mutate, request_id=request_id)
