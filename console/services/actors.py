"""Who is acting: the role and unit come from the staff table, never from the caller's word."""

from __future__ import annotations

from sqlalchemy.orm import Session

from console.db.schema import StaffRow
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied
from console.domain.ticket import Actor


def actor_from_row(row: StaffRow) -> Actor:
    return Actor(row.id, row.display_name, Role(row.role), row.unit_id)


def verify_actor(session: Session, actor: Actor) -> Actor:
    """The actor as stored: an unknown or deactivated account is refused; the system actor passes."""
    if actor.role is Role.SYSTEM and actor.staff_id is None:
        return actor
    row = session.get(StaffRow, actor.staff_id) if actor.staff_id is not None else None
    if row is None:
        raise NotFound(f"账号 {actor.name or actor.staff_id} 不存在")
    if not row.active:
        raise PermissionDenied(f"账号 {row.username} 已停用")
    return actor_from_row(row)
