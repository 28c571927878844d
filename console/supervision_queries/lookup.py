"""Finding tickets the live queue does not hold (closed, merged) and probable duplicates of a ticket.
Caller's thread (DB worker)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.schema import AssignmentRow, TicketRow, UnitRow
from console.domain.enums import Rating, TicketStatus
from console.domain.errors import NotFound
from console.domain.masking import mask_phone
from console.duplicates import duplicates_of
from console.supervision_queries.rows import DuplicateView, TicketBrief


def find_ticket(db: Database, ref: str | int, unit_id: int | None = None) -> TicketBrief:
    """The ticket numbered ``ref`` (or with id ``ref``), in any status. With ``unit_id`` (a unit handler's
    scope) a ticket never assigned to that unit is reported as not found, exactly like a missing one."""
    with db.reader() as s:
        text = str(ref).strip().upper()
        row = s.scalars(select(TicketRow).where(TicketRow.number == text)).first()
        if row is None and text.isdigit():
            row = s.get(TicketRow, int(text))
        if row is None or (unit_id is not None and not any(a.unit_id == unit_id for a in row.assignments)):
            raise NotFound(f"没有找到工单 {ref}")
        return _brief(s, row)


def _brief(s: Session, row: TicketRow) -> TicketBrief:
    lead = next((a for a in reversed(row.assignments) if a.role == "lead" and a.state != "withdrawn"), None)
    lead_name = s.scalar(select(UnitRow.name).where(UnitRow.id == lead.unit_id)) if lead else ""
    merged = s.scalar(select(TicketRow.number).where(TicketRow.id == row.merged_into_id)) \
        if row.merged_into_id else ""
    return TicketBrief(row.id, row.number, row.title, row.status, row.urgency, row.received_at, row.closed_at,
                       Rating(row.rating).label if row.rating else "", merged or "", lead_name or "")


def recent_merges(db: Database, since: datetime, limit: int = 200) -> list[TicketBrief]:
    """Tickets merged into another (并案) received since ``since``, newest first (for undoing a merge)."""
    with db.reader() as s:
        rows = s.scalars(select(TicketRow).where(TicketRow.status == TicketStatus.MERGED.value,
                                                 TicketRow.received_at >= since)
                         .order_by(TicketRow.received_at.desc()).limit(limit)).all()
        return [_brief(s, r) for r in rows]


def duplicates_for(db: Database, ticket_id: int, unit_id: int | None = None) -> list[DuplicateView]:
    """Probable duplicates of ``ticket_id`` (same district, similar text, close in time), best first, each
    with its citizen's masked phone. With ``unit_id`` only candidates assigned to that unit are shown."""
    with db.reader() as s:
        found = duplicates_of(s, ticket_id)
        if not found:
            return []
        rows = {r.id: r for r in s.scalars(select(TicketRow).where(TicketRow.id.in_([c.ticket_id for c in found])))}
        if unit_id is not None:
            mine = set(s.scalars(select(AssignmentRow.ticket_id).where(AssignmentRow.unit_id == unit_id,
                                                                       AssignmentRow.ticket_id.in_(rows))))
            found = [c for c in found if c.ticket_id in mine]
        return [DuplicateView(c.ticket_id, c.number, c.title, c.status, c.score, c.text_similarity, c.same_street,
                              c.hours_apart, mask_phone(rows[c.ticket_id].citizen_phone),
                              rows[c.ticket_id].received_at) for c in found]
