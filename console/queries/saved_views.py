"""Saved queue views (``saved_views`` table): list, save, delete. Only supervisors (and admins) may save
views shared with the whole room; everyone may keep personal views. Caller's thread (the DB worker)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from console.db.engine import Database
from console.db.schema import SavedViewRow
from console.db.uow import UnitOfWork
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.ticket import Actor
from console.queries.views import NamedView, ViewSpec

SHARING_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def list_saved_views(db: Database, actor: Actor) -> list[NamedView]:
    """The actor's own views and every shared view, by name."""
    with db.reader() as session:
        rows = session.scalars(select(SavedViewRow).where(or_(SavedViewRow.owner_id == actor.staff_id,
                                                              SavedViewRow.shared.is_(True)))
                               .order_by(SavedViewRow.shared.desc(), SavedViewRow.name)).all()
        return [NamedView(r.name, ViewSpec.from_json(r.definition), saved_id=r.id, shared=r.shared,
                          owner_id=r.owner_id) for r in rows]


def save_view(db: Database, actor: Actor, name: str, spec: ViewSpec, *, shared: bool, now: datetime) -> int:
    """Create or replace (same name, same owner) a view; returns its id."""
    name = name.strip()
    if not name:
        raise ValidationError("视图名称不能为空")
    if len(name) > 80:
        raise ValidationError("视图名称不能超过 80 字")
    if shared and actor.role not in SHARING_ROLES:
        raise PermissionDenied(f"「{actor.role.label}」不能保存共享视图（只有值班长可以）")
    with UnitOfWork(db) as uow:
        s = uow.session
        row = s.scalars(select(SavedViewRow).where(SavedViewRow.owner_id == actor.staff_id,
                                                   SavedViewRow.name == name)).first()
        if row is None:
            row = SavedViewRow(name=name, owner_id=actor.staff_id, created_at=now)
            s.add(row)
        row.shared, row.definition, row.updated_at = shared, spec.to_json(), now
        s.flush()
        view_id = row.id
        uow.commit()
        return view_id


def delete_view(db: Database, actor: Actor, view_id: int) -> None:
    """Delete a view the actor owns (supervisors may also delete shared views)."""
    with UnitOfWork(db) as uow:
        row = uow.session.get(SavedViewRow, view_id)
        if row is None:
            raise NotFound(f"视图 {view_id} 不存在")
        if row.owner_id != actor.staff_id and not (row.shared and actor.role in SHARING_ROLES):
            raise PermissionDenied("只能删除自己的视图")
        uow.session.delete(row)
        uow.commit()
