"""Duty-list versions in the database: import a version, read the version in effect at a time.

Versions are immutable once stored, so they are cached in the process, per database and version string.
"""

from __future__ import annotations

import weakref
from datetime import date, datetime
from threading import Lock
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.db.schema import CatalogChangeRow, CatalogNodeRow, CatalogVersionRow, DutyItemRow
from console.domain.catalog import Catalog, Category, DutyItem, Subcategory, TimeLimits
from console.domain.clock import to_room_time
from console.domain.enums import Level, Territorial, Urgency
from console.domain.errors import NotFound
from console.reference.catalog_file import item_to_dict

#: Loaded versions per database (engine): a version name is unique within one room's database only.
_cache: weakref.WeakKeyDictionary[Any, dict[str, Catalog]] = weakref.WeakKeyDictionary()
_cache_lock = Lock()


def store_catalog(session: Session, catalog: Catalog, *, actor: str, reason: str, now: datetime) -> int:
    """Insert ``catalog`` as a new version (recording one change per item) and return its id."""
    version = CatalogVersionRow(version=catalog.version, effective_from=catalog.effective_from, reason=reason,
                                created_by=actor, created_at=now)
    session.add(version)
    session.flush()
    nodes = []
    for category in catalog.categories:
        nodes.append({"version_id": version.id, "code": category.code, "name": category.name, "depth": 1})
        nodes.extend({"version_id": version.id, "code": s.code, "name": s.name, "depth": 2}
                     for s in category.subcategories)
    session.execute(insert(CatalogNodeRow), nodes)
    session.execute(insert(DutyItemRow), [{
        "version_id": version.id, "code": i.code, "name": i.name, "description": i.description,
        "keywords": list(i.keywords), "lead_line": i.lead_line, "co_lines": list(i.co_lines), "level": i.level.value,
        "territorial": i.territorial.value, "accept_hours": i.limits.accept_hours,
        "reply_hours": i.limits.reply_hours, "close_hours": i.limits.close_hours,
        "default_urgency": i.default_urgency.value, "active": i.active} for i in catalog.items])
    session.execute(insert(CatalogChangeRow), [{
        "version_id": version.id, "item_code": i.code, "change": "import", "before": None,
        "after": item_to_dict(i), "reason": reason, "actor": actor, "at": now} for i in catalog.items])
    return version.id


def version_in_effect(session: Session, at: datetime) -> str:
    """The version string in effect at ``at`` (the newest whose effective date has come, in room time)."""
    day = to_room_time(at).date()
    version = session.scalars(select(CatalogVersionRow.version).where(CatalogVersionRow.effective_from <= day)
                              .order_by(CatalogVersionRow.effective_from.desc(), CatalogVersionRow.id.desc())
                              .limit(1)).first()
    if version is None:
        version = session.scalars(select(CatalogVersionRow.version).order_by(CatalogVersionRow.id).limit(1)).first()
    if version is None:
        raise NotFound("数据库中没有职责清单，请先运行 dispatch-console db upgrade")
    return version


def load_version(session: Session, version: str) -> Catalog:
    """The stored catalogue ``version`` (cached per database)."""
    bind = session.get_bind()
    with _cache_lock:
        cached = _cache.get(bind, {}).get(version)
    if cached is not None:
        return cached
    row = session.scalars(select(CatalogVersionRow).where(CatalogVersionRow.version == version)).first()
    if row is None:
        raise NotFound(f"职责清单版本 {version} 不存在")
    nodes = session.scalars(select(CatalogNodeRow).where(CatalogNodeRow.version_id == row.id)
                            .order_by(CatalogNodeRow.code)).all()
    items = session.scalars(select(DutyItemRow).where(DutyItemRow.version_id == row.id)
                            .order_by(DutyItemRow.code)).all()
    by_sub: dict[str, list[DutyItem]] = {}
    for i in items:
        by_sub.setdefault(i.code[:4], []).append(DutyItem(
            code=i.code, name=i.name, description=i.description, keywords=tuple(i.keywords), lead_line=i.lead_line,
            level=Level(i.level), co_lines=tuple(i.co_lines), territorial=Territorial(i.territorial),
            limits=TimeLimits(i.accept_hours, i.reply_hours, i.close_hours),
            default_urgency=Urgency(i.default_urgency), active=i.active))
    categories = tuple(
        Category(c.code, c.name, tuple(Subcategory(s.code, s.name, tuple(by_sub.get(s.code, ())))
                                       for s in nodes if s.depth == 2 and s.code[:2] == c.code))
        for c in nodes if c.depth == 1)
    catalog = Catalog(row.version, row.effective_from, categories)
    with _cache_lock:
        _cache.setdefault(bind, {})[version] = catalog
    return catalog


def catalog_at(session: Session, at: datetime) -> Catalog:
    return load_version(session, version_in_effect(session, at))


def effective_today(catalog: Catalog, today: date) -> bool:
    return catalog.effective_from <= today
