"""Composing, saving and acknowledging handovers (the ``handovers`` table).

Contracts: ``compose`` only reads; ``save_handover`` and ``acknowledge`` each run one transaction.
Only supervisors (值班长) and admins write a handover; the incoming supervisor named on it (or, when
none was named, any supervisor other than the author) acknowledges it, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import HandoverRow, StaffRow
from console.db.uow import UnitOfWork
from console.domain.clock import ensure_utc
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.shifts import Shift, calendar_for
from console.domain.ticket import Actor
from console.exports.handover_gather import gather
from console.exports.handover_model import HandoverData
from console.services.actors import verify_actor
from console.services.context import ServiceContext

WRITERS = frozenset({Role.SUPERVISOR, Role.ADMIN})
MAX_NOTES = 20_000


@dataclass(frozen=True, slots=True)
class SavedHandover:
    """A stored handover as the UI and exports need it (no ORM objects)."""

    id: int
    shift_start: datetime
    shift_end: datetime
    author: str
    incoming_supervisor_id: int | None
    incoming_supervisor: str
    acknowledged_at: datetime | None
    notes: str
    created_at: datetime
    data: HandoverData


@dataclass(frozen=True, slots=True)
class Supervisor:
    id: int
    name: str
    shift_slot: int | None


def compose(ctx: ServiceContext, shift: Shift, *, mask: bool = True) -> HandoverData:
    """Gather the handover of ``shift`` as of now (the context's clock). Read-only; any thread."""
    with ctx.db.reader() as session:
        return gather(session, slot=shift.slot, start=shift.start, end=shift.end, as_of=ctx.clock.now(), mask=mask)


def supervisors(ctx: ServiceContext) -> list[Supervisor]:
    """Active supervisors, for choosing the incoming one (ordered by shift, then name)."""
    with ctx.db.reader() as session:
        rows = session.execute(select(StaffRow.id, StaffRow.display_name, StaffRow.shift_slot)
                               .where(StaffRow.role == Role.SUPERVISOR.value, StaffRow.active.is_(True)))
        found = [Supervisor(i, n, s) for i, n, s in rows]
    return sorted(found, key=lambda s: (s.shift_slot if s.shift_slot is not None else 99, s.name))


def incoming_for(ctx: ServiceContext, shift: Shift) -> list[Supervisor]:
    """Supervisors of the shift that follows ``shift`` (the likely incoming supervisor first)."""
    following = calendar_for(ctx.settings).following(shift)
    everyone = supervisors(ctx)
    return [s for s in everyone if s.shift_slot == following.slot] + [
        s for s in everyone if s.shift_slot != following.slot]


def save_handover(ctx: ServiceContext, actor: Actor, data: HandoverData, *, notes: str = "",
                  incoming_supervisor_id: int | None = None) -> int:
    """Store the handover (masked snapshot, window, notes, incoming supervisor); returns its id.

    ``data`` must have been gathered masked: unmasked personal data is never copied into snapshots.
    """
    if not data.masked:
        raise ValidationError("交接单快照只能保存脱敏数据")
    if len(notes) > MAX_NOTES:
        raise ValidationError(f"交接备注超过 {MAX_NOTES} 字")
    with UnitOfWork(ctx.db) as uow:
        author = verify_actor(uow.session, actor)
        if author.role not in WRITERS:
            raise PermissionDenied(f"「{author.role.label}」不能填写交接单，需由值班长填写")
        if incoming_supervisor_id is not None:
            incoming = uow.session.get(StaffRow, incoming_supervisor_id)
            if incoming is None or not incoming.active or incoming.role != Role.SUPERVISOR.value:
                raise ValidationError("接班值班长须为在岗的值班长账号")
        row = HandoverRow(shift_start=data.start, shift_end=data.end, author_id=author.staff_id,
                          incoming_supervisor_id=incoming_supervisor_id, notes=notes.strip(),
                          snapshot=data.to_json(), created_at=ctx.clock.now())
        uow.session.add(row)
        uow.session.flush()
        uow.commit()
        return row.id


def acknowledge(ctx: ServiceContext, actor: Actor, handover_id: int) -> datetime:
    """The incoming supervisor confirms taking over; returns the acknowledgement time."""
    with UnitOfWork(ctx.db) as uow:
        who = verify_actor(uow.session, actor)
        row = uow.session.get(HandoverRow, handover_id)
        if row is None:
            raise NotFound(f"交接单 {handover_id} 不存在")
        if row.acknowledged_at is not None:
            raise ValidationError("该交接单已确认接班")
        if who.role is not Role.SUPERVISOR:
            raise PermissionDenied("只有值班长可以确认接班")
        if row.incoming_supervisor_id is not None and row.incoming_supervisor_id != who.staff_id:
            raise PermissionDenied("只有交接单指定的接班值班长可以确认")
        if row.incoming_supervisor_id is None and row.author_id == who.staff_id:
            raise PermissionDenied("交班人不能为自己确认接班")
        if row.incoming_supervisor_id is None:
            row.incoming_supervisor_id = who.staff_id
        now = ctx.clock.now()
        row.acknowledged_at = now
        uow.commit()
        return now


def load_handover(ctx: ServiceContext, handover_id: int) -> SavedHandover:
    with ctx.db.reader() as session:
        row = session.get(HandoverRow, handover_id)
        if row is None:
            raise NotFound(f"交接单 {handover_id} 不存在")
        return _saved(session, row)


def latest_for_shift(ctx: ServiceContext, shift_start: datetime) -> SavedHandover | None:
    """The newest handover saved for the shift starting at ``shift_start``, if any."""
    with ctx.db.reader() as session:
        row = session.scalars(select(HandoverRow).where(HandoverRow.shift_start == ensure_utc(shift_start))
                              .order_by(HandoverRow.id.desc()).limit(1)).first()
        return _saved(session, row) if row is not None else None


def _saved(session: Session, row: HandoverRow) -> SavedHandover:
    def name(staff_id: int | None) -> str:
        if staff_id is None:
            return ""
        staff = session.get(StaffRow, staff_id)
        return staff.display_name if staff else ""

    return SavedHandover(row.id, row.shift_start, row.shift_end, name(row.author_id), row.incoming_supervisor_id,
                         name(row.incoming_supervisor_id), row.acknowledged_at, row.notes, row.created_at,
                         HandoverData.from_json(row.snapshot))
