"""A unit handler's use cases: accept (签收), start, return (退单), ask for more time (延期), reply (反馈)."""

from __future__ import annotations

from console.domain.enums import ReturnReason
from console.domain.errors import ValidationError
from console.domain.lifecycle import Action
from console.domain.ticket import Actor
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.runner import edit_one


def accept(ctx: ServiceContext, actor: Actor, ref: int | str, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.ACCEPT.value, lambda t, w: t.accept(w.actor, w.now),
                    request_id=request_id)


def start_handling(ctx: ServiceContext, actor: Actor, ref: int | str, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.START_HANDLING.value, lambda t, w: t.start_handling(w.actor),
                    request_id=request_id)


def return_ticket(ctx: ServiceContext, actor: Actor, ref: int | str, reason: ReturnReason, text: str = "",
                  request_id: str | None = None) -> Changed:
    """退单 with a reason code; past the room's limit the ticket goes to a supervisor for a final ruling."""
    limit = ctx.settings.arbitration_after_returns
    return edit_one(ctx, actor, ref, Action.RETURN.value,
                    lambda t, w: t.return_to_room(w.actor, reason=reason, text=text, now=w.now,
                                                  arbitration_after=limit),
                    request_id=request_id)


def request_extension(ctx: ServiceContext, actor: Actor, ref: int | str, hours: float, reason: str,
                      request_id: str | None = None) -> Changed:
    """延期申请: ``hours`` in (0, 1440] (the ticket checks) and a reason the supervisor decides on — required,
    stored trimmed; ``ValidationError`` when blank, and nothing is stored."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("延期理由不能为空")
    return edit_one(ctx, actor, ref, Action.REQUEST_EXTENSION.value,
                    lambda t, w: t.request_extension(w.actor, hours, reason), request_id=request_id)


def reply(ctx: ServiceContext, actor: Actor, ref: int | str, text: str, request_id: str | None = None) -> Changed:
    return edit_one(ctx, actor, ref, Action.REPLY.value, lambda t, w: t.reply(w.actor, text, w.now),
                    request_id=request_id)
