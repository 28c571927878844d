"""Test helpers for the unit desk and supervision: unit handler accounts and tickets at given units, on the
UI tests' ``World`` (tests/ui/dc_testworld.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from console.db.schema import TicketRow, UnitRow
from console.domain.enums import ReturnReason, Role
from console.domain.ticket import Actor
from console.services import triage, unit_desk
from console.services.accounts import NewStaff, add_staff

NOISE = "010101"  # mini catalogue: construction noise → district ecology leads, housing co-handles


def add_handler(world: Any, unit_code: str, username: str) -> Actor:
    """Create a unit handler account for ``unit_code`` and register it in ``world.actors``."""
    with world.ctx.db.reader() as s:
        unit_id = s.scalar(select(UnitRow.id).where(UnitRow.code == unit_code))
    staff_id = add_staff(world.ctx, NewStaff(username, f"{unit_code}承办人", Role.UNIT_HANDLER, "demo",
                                             unit_code=unit_code))
    actor = Actor(staff_id, f"{unit_code}承办人", Role.UNIT_HANDLER, unit_id)
    world.actors[username] = actor
    return actor


def ticket(world: Any, ticket_id: int) -> TicketRow:
    with world.ctx.db.reader() as s:
        row = s.get(TicketRow, ticket_id)
        assert row is not None
        _ = row.assignments
        return row


def returned_twice(world: Any, eco: Actor, housing: Actor) -> int:
    """A noise ticket the ecology office and then the housing bureau returned: now 待仲裁."""
    ticket_id = world.intake("园岭街道工地半夜施工，电钻声吵得睡不着", item=NOISE)
    unit_desk.return_ticket(world.ctx, eco, ticket_id, ReturnReason.NOT_OUR_FUNCTION, "属于装修噪声")
    triage.dispatch(world.ctx, world.actors["disp01"], ticket_id, lead_unit="福田区/housing")
    unit_desk.return_ticket(world.ctx, housing, ticket_id, ReturnReason.UNCLEAR_OWNERSHIP, "工地权属不清")
    return ticket_id
