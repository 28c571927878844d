"""Revealing a ticket's personal data: a reason is required and the reveal is recorded.

Roles outside ``console.domain.masking.UNMASKED_ROLES`` see citizens' names, phones, addresses and the phone
or ID numbers inside their text masked. ``reveal_personal_data`` returns them unmasked for one ticket after
recording who looked, why and at which fields: an event with action ``reveal_personal_data`` on the
ticket's timeline, written in the same transaction as the read (no reveal without its record). The
ticket itself does not change (no version bump); the returned ``Changed`` names it so that views showing
its history reload. Any staff account that may see the ticket may reveal; a unit handler only for tickets
assigned to their unit (``runner.ensure_in_scope``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from sqlalchemy import text

from console.domain.enums import Role, TicketStatus
from console.domain.errors import PermissionDenied, ValidationError
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, DomainEvent
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.runner import Work, ensure_in_scope, execute
from console.services.ticket_store import append_events, load_row, to_domain

MIN_REASON = 2
MAX_REASON = 200
REVEALED_FIELDS = ("citizen_name", "citizen_phone", "address", "text")
FIELD_LABELS = {"citizen_name": "姓名", "citizen_phone": "电话", "address": "地址", "text": "诉求内容"}


class PersonalDataAction(StrEnum):
    """Event actions of this module (kept apart from the ticket lifecycle's ``Action``)."""

    REVEAL = "reveal_personal_data"

    @property
    def label(self) -> str:
        return "查看个人信息"


@dataclass(frozen=True, slots=True)
class RevealedContact:
    """A ticket's personal data as stored, handed out after the reveal was recorded."""

    ticket_id: int
    number: str
    citizen_name: str
    citizen_phone: str
    address: str
    title: str
    text: str
    reason: str
    fields: tuple[str, ...] = REVEALED_FIELDS


def clean_reason(reason: str | None) -> str:
    """The reason trimmed; ``ValidationError`` (in Chinese) when it is missing, too short or too long."""
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError("查看完整信息须填写原因")
    if len(text) < MIN_REASON:
        raise ValidationError(f"查看原因至少 {MIN_REASON} 个字，请写明为何需要查看")
    if len(text) > MAX_REASON:
        raise ValidationError(f"查看原因不超过 {MAX_REASON} 个字")
    return text


def reveal_personal_data(ctx: ServiceContext, actor: Actor, ticket_ref: int | str, reason: str) -> RevealedContact:
    """Record why ``actor`` looks at the personal data of ``ticket_ref`` (id or number) and return it unmasked.

    ``ValidationError`` without a proper reason, ``PermissionDenied`` for the system account or a unit
    handler outside their unit, ``NotFound`` for an unknown ticket; nothing is recorded in those cases."""
    why = clean_reason(reason)
    revealed: list[RevealedContact] = []

    def body(work: Work) -> Changed:
        if work.actor.role is Role.SYSTEM:
            raise PermissionDenied("系统账号不能查看个人信息")
        row = load_row(work.session, ticket_ref, lock=False)
        ensure_in_scope(work.actor, to_domain(work.session, row))
        if ctx.gate is not None:  # a hardened room: the server records the reveal and hands out the data
            got = work.session.execute(text("SELECT * FROM dc_api.reveal_personal_data(:t, :r)"),
                                       {"t": row.id, "r": why}).one()
            revealed.append(RevealedContact(row.id, row.number, got.citizen_name or "", got.citizen_phone or "",
                                            got.address or "", got.title or "", got.text or "", why))
            return Changed(PersonalDataAction.REVEAL.value, (row.id,), (row.number,))
        status = TicketStatus(row.status)
        event = DomainEvent(cast(Action, PersonalDataAction.REVEAL), status, status, why,
                            {"fields": list(REVEALED_FIELDS)})
        append_events(work.session, row.id, [event], work.actor, work.now)
        revealed.append(RevealedContact(row.id, row.number, row.citizen_name or "", row.citizen_phone or "",
                                        row.address or "", row.title or "", row.text or "", why))
        return Changed(PersonalDataAction.REVEAL.value, (row.id,), (row.number,))

    execute(ctx, actor, PersonalDataAction.REVEAL.value, body)
    return revealed[0]


def reveal_summary(data: dict[str, object]) -> str:
    """「查看：姓名、电话、地址、诉求内容」 for the timeline."""
    fields = data.get("fields") or ()
    names = [FIELD_LABELS.get(str(f), str(f)) for f in fields] if isinstance(fields, list | tuple) else []
    return "查看：" + "、".join(names) if names else ""
