"""Units for the review desk: every active unit (for the lead and co-unit pickers) and the plan of one
dispatch — the lead and co-units an item would go to at the ticket's place, or explicit overrides.
Caller's thread (the DB worker)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.engine import Database
from console.db.schema import LineRow, TicketRow, UnitRow
from console.domain.errors import DomainError, NotFound
from console.services.catalog_store import catalog_at
from console.services.unit_resolution import resolve_units


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """An existing unit as the pickers show it."""

    code: str
    name: str
    line_name: str = ""
    district: str = ""

    @property
    def search_text(self) -> str:
        return f"{self.code} {self.name} {self.line_name} {self.district}".lower()


@dataclass(frozen=True, slots=True)
class UnitPlan:
    """Where a dispatch of ``item_code`` would go; ``problem`` says why no lead could be found."""

    item_code: str
    lead: UnitChoice | None
    co: tuple[UnitChoice, ...]
    problem: str = ""


def unit_choices(db: Database) -> tuple[UnitChoice, ...]:
    """Every active unit, by code."""
    with db.reader() as s:
        lines = dict(s.execute(select(LineRow.code, LineRow.name_zh)).all())
        rows = s.execute(select(UnitRow.code, UnitRow.name, UnitRow.line, UnitRow.district)
                         .where(UnitRow.active).order_by(UnitRow.code)).all()
    return tuple(UnitChoice(code, name, lines.get(line, line), district or "") for code, name, line, district in rows)


def plan_for(s: Session, ticket: TicketRow, item_code: str) -> UnitPlan:
    """The item's lead and co-units at the ticket's place (never raises for a missing place)."""
    try:
        item = catalog_at(s, ticket.received_at).get(item_code)
        if item is None:
            return UnitPlan(item_code, None, (), f"职责事项 {item_code} 不存在")
        lead, co = resolve_units(s, item, ticket.district, ticket.street)
    except DomainError as why:
        return UnitPlan(item_code, None, (), str(why))
    return UnitPlan(item_code, UnitChoice(lead.code, lead.name), tuple(UnitChoice(u.code, u.name) for u in co))


def plan_item(db: Database, ticket_id: int, item_code: str) -> UnitPlan:
    """``plan_for`` in its own read session (when the reviewer picks another item)."""
    with db.reader() as s:
        ticket = s.get(TicketRow, ticket_id)
        if ticket is None:
            raise NotFound(f"工单 {ticket_id} 不存在")
        return plan_for(s, ticket, item_code)
