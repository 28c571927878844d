"""Write a scripted history straight into the tables (the analytics read only these columns)."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from sqlalchemy import select

from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
from console.db.uow import UnitOfWork

_numbers = count(1)


def add_ticket(room, *, received_at: datetime, item: str | None, district: str, street: str,  # type: ignore[no-untyped-def]
               lead: str | None = None, closed_at: datetime | None = None, status: str | None = None,
               kind: str = "complaint", text: str = "市民反映问题", reopened_at: datetime | None = None) -> int:
    """One ticket (with its lead assignment when ``lead`` is a unit code); returns its id."""
    with UnitOfWork(room.ctx.db) as uow:
        s = uow.session
        row = TicketRow(number=f"T{next(_numbers):06d}", channel="hotline", kind=kind, title=text[:20], text=text,
                        district=district, street=street, item_code=item, catalog_version="2026.1", urgency="normal",
                        status=status or ("closed" if closed_at else "dispatched"), received_at=received_at,
                        dispatch_due_at=received_at + timedelta(hours=8), closed_at=closed_at,
                        updated_at=received_at, reopen_count=1 if reopened_at else 0, assignments=[])
        if lead:
            unit_id = s.scalar(select(UnitRow.id).where(UnitRow.code == lead))
            row.assignments.append(AssignmentRow(
                unit_id=unit_id, role="lead", state="replied", dispatched_at=received_at,
                accept_due_at=received_at + timedelta(hours=2), reply_due_at=received_at + timedelta(hours=72),
                accept_hours=2, reply_hours=72, close_hours=120))
        s.add(row)
        s.flush()
        if reopened_at:
            s.add(EventRow(ticket_id=row.id, at=reopened_at, actor_name="分拨员", actor_role="dispatcher",
                           action="reopen", from_status="closed", to_status="dispatched", reason="问题再次出现",
                           data={}))
        uow.commit()
        return row.id
