"""Which units handle a duty item at a place: the lead and the co-units, by the item's territorial rule."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import UnitRow
from console.domain.catalog import DutyItem
from console.domain.enums import Level, Territorial
from console.domain.errors import NotFound, ValidationError
from console.domain.ticket import UnitRef
from console.reference.units import resolve_unit_code
from console.services.ticket_store import unit_ref


def units_by_code(session: Session, codes: list[str]) -> list[UnitRef]:
    """UnitRefs for ``codes`` in the given order; ``NotFound`` names the first unknown code."""
    if not codes:
        return []
    rows = {r.code: r for r in session.scalars(select(UnitRow).where(UnitRow.code.in_(codes)))}
    missing = [c for c in codes if c not in rows]
    if missing:
        raise NotFound(f"单位 {missing[0]} 不存在")
    return [unit_ref(rows[c]) for c in codes]


def resolve_units(session: Session, item: DutyItem, district: str | None,
                  street: str | None) -> tuple[UnitRef, list[UnitRef]]:
    """Lead and co-units for ``item`` at the place. Territorial items are led by the district government or
    street office with the item's lines co-handling. ``ValidationError`` when no lead can be found (e.g. a
    district-level item without a district), so the caller can send the ticket to review."""
    known = set(session.scalars(select(UnitRow.code).where(UnitRow.active)))
    lead_line, lead_level = item.lead_line, item.level
    co_lines = list(item.co_lines)
    if item.territorial is Territorial.DISTRICT_LEAD:
        lead_line, lead_level, co_lines = "district_gov", Level.DISTRICT, [item.lead_line, *co_lines]
    elif item.territorial is Territorial.STREET_LEAD:
        lead_line, lead_level, co_lines = "street_office", Level.STREET, [item.lead_line, *co_lines]
    lead_code = resolve_unit_code(lead_line, lead_level, district, street, known)
    if lead_code is None:
        raise ValidationError(f"无法为事项「{item.name}」确定主办单位：缺少所在区或街道")
    co_codes: list[str] = []
    for line in co_lines:
        code = resolve_unit_code(line, item.level, district, street, known)
        if code and code != lead_code and code not in co_codes:
            co_codes.append(code)
    lead, *co = units_by_code(session, [lead_code, *co_codes])
    return lead, co
