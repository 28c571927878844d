"""Which units handle a duty item at a place: the lead and the co-units, by the item's territorial rule."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db.schema import UnitRow
from console.domain.catalog import DutyItem
from console.domain.errors import NotFound, ValidationError
from console.domain.ticket import UnitRef
from console.reference.units import item_unit_codes
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
    lead_code, co_codes = item_unit_codes(item, district, street, known)
    if lead_code is None:
        raise ValidationError(f"无法为事项「{item.name}」确定主办单位：缺少所在区或街道")
    lead, *co = units_by_code(session, [lead_code, *co_codes])
    return lead, co
