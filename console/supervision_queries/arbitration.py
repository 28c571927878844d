"""The arbitration queue: tickets in 待仲裁 with every return and the duty list's suggestion. DB worker."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.schema import AssignmentRow, EventRow, TicketRow, UnitRow
from console.domain.enums import ReturnReason, TicketStatus
from console.queries.detail import resolve_hint
from console.queries.queue import item_directory
from console.supervision_queries.rows import ArbitrationCase, ReturnRecord, UnitChoice


def arbitration_queue(db: Database) -> list[ArbitrationCase]:
    """Tickets waiting for a supervisor's final ruling, longest waiting first. Each return lists the unit,
    its reason code and text; the suggestion is where the ticket's duty item would route it."""
    with db.reader() as s:
        tickets = s.scalars(select(TicketRow).where(TicketRow.status == TicketStatus.ARBITRATION.value)
                            .order_by(TicketRow.received_at)).all()
        if not tickets:
            return []
        ids = [t.id for t in tickets]
        units = {u.id: u for u in s.scalars(select(UnitRow).where(UnitRow.id.in_(
            select(AssignmentRow.unit_id).where(AssignmentRow.ticket_id.in_(ids)))))}
        events: dict[int, list[EventRow]] = defaultdict(list)
        for e in s.scalars(select(EventRow).where(EventRow.ticket_id.in_(ids),
                                                  EventRow.action.in_(("return", "escalate_return")))
                           .order_by(EventRow.id)):
            events[e.ticket_id or 0].append(e)
        items = item_directory(s)
        cases = []
        for t in tickets:
            returns = [e for e in events[t.id] if e.action == "return"]
            escalated = [e.at for e in events[t.id] if e.action == "escalate_return"]
            records = []
            for e in returns:
                data = e.data or {}
                reason_code = str(data.get("code", ""))
                unit_code = str(data.get("unit", ""))
                unit_name = next((u.name for u in units.values() if u.code == unit_code), unit_code)
                records.append(ReturnRecord(unit_code, unit_name, reason_code, _reason(reason_code), e.reason, e.at,
                                            e.actor_name))
            if not records:  # history without events (imported): fall back to the assignment rows
                for a in t.assignments:
                    if a.state == "returned":
                        u = units[a.unit_id]
                        records.append(ReturnRecord(u.code, u.name, a.return_reason or "", _reason(a.return_reason),
                                                    a.return_text, a.returned_at, ""))
            lead_code = lead_name = ""
            co: tuple[UnitChoice, ...] = ()
            code = t.item_code or t.citizen_item_code
            if code:
                hint = resolve_hint(s, t, code, "current", None, items)
                if not hint.problem:
                    lead_code, lead_name = hint.lead_unit_code, hint.lead_unit_name
                    co = _co_choices(s, t, code)
            cases.append(ArbitrationCase(
                t.id, t.number, t.title, t.text, t.urgency, t.district or "", t.street or "", code or "",
                items.get(code or "", ("", ""))[0], t.received_at, escalated[-1] if escalated else None,
                tuple(records), lead_code, lead_name, co))
    return sorted(cases, key=lambda c: (c.escalated_at or c.received_at, c.ticket_id))


def _reason(code: str | None) -> str:
    try:
        return ReturnReason(code).label if code else ""
    except ValueError:
        return code or ""


def _co_choices(s: Session, t: TicketRow, code: str) -> tuple[UnitChoice, ...]:
    from console.domain.errors import DomainError
    from console.services.catalog_store import catalog_at
    from console.services.unit_resolution import resolve_units

    try:
        item = catalog_at(s, t.received_at).get(code)
        if item is None:
            return ()
        _, co = resolve_units(s, item, t.district, t.street)
    except DomainError:
        return ()
    return tuple(UnitChoice(u.code, u.name) for u in co)
