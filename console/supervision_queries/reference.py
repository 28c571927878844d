"""Pickers for the supervisor's forms: active units and active room staff. Caller's thread (DB worker)."""

from __future__ import annotations

from sqlalchemy import select

from console.db.engine import Database
from console.db.schema import StaffRow, UnitRow
from console.domain.enums import Role
from console.supervision_queries.rows import StaffChoice, UnitChoice

ROOM_ROLES = (Role.OPERATOR.value, Role.DISPATCHER.value, Role.SUPERVISOR.value)


def unit_choices(db: Database) -> list[UnitChoice]:
    """Every active unit, by code."""
    with db.reader() as s:
        rows = s.execute(select(UnitRow.code, UnitRow.name).where(UnitRow.active).order_by(UnitRow.code)).all()
    return [UnitChoice(code, name) for code, name in rows]


def room_staff(db: Database) -> list[StaffChoice]:
    """Active operators, dispatchers and supervisors (who may hold tickets), by role then username."""
    with db.reader() as s:
        rows = s.execute(select(StaffRow.id, StaffRow.username, StaffRow.display_name, StaffRow.role,
                                StaffRow.shift_slot)
                         .where(StaffRow.active, StaffRow.role.in_(ROOM_ROLES))
                         .order_by(StaffRow.role, StaffRow.username)).all()
    return [StaffChoice(i, u, n, r, slot) for i, u, n, r, slot in rows]
