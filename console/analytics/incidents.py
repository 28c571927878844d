"""Incidents: several tickets about one event on the ground (e.g. a street's flooding), linked together.

Linking records, for each ticket, a ``note`` event naming the incident (so every console learns of it from
the change feed) and one ``incident_tickets`` row; a ticket belongs to at most one incident. Dispatchers,
supervisors and admins may link; tickets keep their own lifecycle (merging duplicates, 并案, stays a ticket
action).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from console.db.schema import TicketRow
from console.db.schema_analytics import IncidentRow, IncidentTicketRow
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.lifecycle import Action
from console.domain.ticket import Actor, DomainEvent
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.runner import Work, execute
from console.services.ticket_store import append_events

LINKERS = (Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM)


@dataclass(frozen=True, slots=True)
class IncidentInfo:
    id: int
    title: str
    district: str | None
    street: str | None
    item_code: str | None
    status: str
    ticket_count: int
    created_by: str
    created_at: datetime
    numbers: tuple[str, ...] = ()


def link_incident(ctx: ServiceContext, actor: Actor, ticket_ids: Sequence[int], *, title: str = "",
                  incident_id: int | None = None, district: str | None = None, street: str | None = None,
                  item_code: str | None = None, note: str = "", move: bool = False) -> IncidentInfo:
    """Link tickets to an incident: a new one (``incident_id`` None, ``title`` required) or an existing one.

    Tickets already linked to the same incident are left alone; tickets linked to another incident are refused
    (``ValidationError`` naming them) unless ``move``. Returns the incident with its tickets.
    """
    ids = list(dict.fromkeys(int(i) for i in ticket_ids))
    if not ids:
        raise ValidationError("ticket_ids：没有选择工单")
    if incident_id is None and not title.strip():
        raise ValidationError("title：新建事件必须填写标题")
    made: list[int] = []

    def body(work: Work) -> Changed:
        if work.actor.role not in LINKERS:
            raise PermissionDenied(f"{work.actor.role.label}不能关联事件")
        s = work.session
        found = dict(s.execute(select(TicketRow.id, TicketRow.number).where(TicketRow.id.in_(ids))).all())
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"工单 id {missing[0]} 不存在")
        if incident_id is None:
            row = IncidentRow(title=title.strip()[:200], district=district, street=street, item_code=item_code,
                              status="open", note=note, created_by=work.actor.name, created_at=work.now,
                              updated_at=work.now)
            s.add(row)
            s.flush()
        else:
            found_row = s.get(IncidentRow, incident_id)
            if found_row is None:
                raise NotFound(f"事件 {incident_id} 不存在")
            row = found_row
            row.updated_at = work.now
        current = dict(s.execute(select(IncidentTicketRow.ticket_id, IncidentTicketRow.incident_id)
                                 .where(IncidentTicketRow.ticket_id.in_(ids))).all())
        elsewhere = [found[i] for i, inc in current.items() if inc != row.id]
        if elsewhere and not move:
            raise ValidationError("工单 " + "、".join(elsewhere) + " 已关联其他事件")
        if elsewhere:
            s.execute(delete(IncidentTicketRow).where(IncidentTicketRow.ticket_id.in_(
                [i for i, inc in current.items() if inc != row.id])))
        new = [i for i in ids if current.get(i) != row.id]
        if new:
            s.execute(insert(IncidentTicketRow), [
                {"incident_id": row.id, "ticket_id": i, "linked_by": work.actor.name, "linked_at": work.now}
                for i in new])
        for i in new:
            append_events(s, i, [DomainEvent(Action.NOTE, None, None, f"关联事件 #{row.id}：{row.title}",
                                             {"incident": row.id})], work.actor, work.now, work.request_id)
        made.append(row.id)
        return Changed("link_incident", tuple(new), tuple(found[i] for i in new), detail=str(row.id))

    execute(ctx, actor, "link_incident", body)
    with ctx.db.reader() as session:
        return incident(session, made[0])


def incident(session: Session, incident_id: int) -> IncidentInfo:
    """The incident with the numbers of its tickets (``NotFound`` if there is none)."""
    row = session.get(IncidentRow, incident_id)
    if row is None:
        raise NotFound(f"事件 {incident_id} 不存在")
    numbers = tuple(session.scalars(select(TicketRow.number).join(
        IncidentTicketRow, IncidentTicketRow.ticket_id == TicketRow.id)
        .where(IncidentTicketRow.incident_id == incident_id).order_by(TicketRow.received_at, TicketRow.id)))
    return IncidentInfo(row.id, row.title, row.district, row.street, row.item_code, row.status, len(numbers),
                        row.created_by, row.created_at, numbers)


def open_incidents(session: Session) -> list[IncidentInfo]:
    """Open incidents, newest first, with ticket counts (no numbers)."""
    counts = dict(session.execute(select(IncidentTicketRow.incident_id, func.count())
                                  .group_by(IncidentTicketRow.incident_id)).all())
    rows = session.scalars(select(IncidentRow).where(IncidentRow.status == "open")
                           .order_by(IncidentRow.created_at.desc(), IncidentRow.id.desc())).all()
    return [IncidentInfo(r.id, r.title, r.district, r.street, r.item_code, r.status, counts.get(r.id, 0),
                         r.created_by, r.created_at) for r in rows]


def close_incident(ctx: ServiceContext, actor: Actor, incident_id: int, note: str = "") -> None:
    """Mark the incident closed (its tickets are not touched)."""
    def body(work: Work) -> Changed:
        if work.actor.role not in LINKERS:
            raise PermissionDenied(f"{work.actor.role.label}不能关闭事件")
        row = work.session.get(IncidentRow, incident_id)
        if row is None:
            raise NotFound(f"事件 {incident_id} 不存在")
        row.status, row.updated_at = "closed", work.now
        if note:
            row.note = (row.note + "\n" + note).strip()
        return Changed("close_incident", detail=str(incident_id))

    execute(ctx, actor, "close_incident", body)
