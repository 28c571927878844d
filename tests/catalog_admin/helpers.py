"""Small helpers for the duty-list tests: take a ticket in, read its lead unit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from console.db.schema import AssignmentRow, TicketRow, UnitRow
from console.domain.enums import Kind
from console.services.intake import NewTicket, intake


def take(room, item: str | None, district: str, street: str, *, text: str = "门口占道经营，人行道走不了",  # type: ignore[no-untyped-def]
         received_at: datetime | None = None, kind: Kind = Kind.COMPLAINT) -> str:
    """Intake one ticket (citizen picked ``item``) and return its number."""
    return intake(room.ctx, room.operator, NewTicket(text=text, district=district, street=street,
                                                     citizen_item_code=item, received_at=received_at,
                                                     kind=kind)).numbers[0]


def lead_of(room, number: str) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """(lead unit code, catalogue version) of a ticket."""
    with room.ctx.db.reader() as s:
        ticket = s.scalars(select(TicketRow).where(TicketRow.number == number)).one()
        unit = s.scalar(select(UnitRow.code).join(AssignmentRow, AssignmentRow.unit_id == UnitRow.id)
                        .where(AssignmentRow.ticket_id == ticket.id, AssignmentRow.role == "lead"))
        return unit, ticket.catalog_version
