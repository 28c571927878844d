"""Storing a new duty-list version: from edits or from a whole catalogue (an imported workbook).

Contract: a version is written once, in one transaction, with its effective date, reason and author, and one
``catalog_changes`` row per change (before/after as in the duty-list file). The effective date may not be in
the past (room time), so tickets already received keep the version they were routed with. Only admins (and
the system) may publish.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.catalog_admin.diff import CatalogDiff, diff_catalogs
from console.catalog_admin.edits import CatalogEditError, ChangeRecord, Edit, apply_edits, build_catalog
from console.catalog_admin.fields import FIELDS, flat_item, item_from_flat
from console.db.schema import CatalogChangeRow, CatalogNodeRow, CatalogVersionRow, DutyItemRow, LineRow
from console.domain.catalog import Catalog
from console.domain.clock import to_room_time
from console.domain.enums import Role
from console.domain.errors import NotFound, PermissionDenied, ValidationError
from console.domain.ticket import Actor
from console.reference.catalog_file import item_to_dict
from console.services.catalog_store import load_version
from console.services.changes import Changed
from console.services.context import ServiceContext
from console.services.runner import Work, execute

PUBLISHERS = (Role.ADMIN, Role.SYSTEM)


@dataclass(frozen=True, slots=True)
class VersionInfo:
    version: str
    effective_from: date
    reason: str
    created_by: str
    created_at: datetime
    change_count: int


@dataclass(frozen=True, slots=True)
class VersionSaved:
    """What ``publish_*`` stored: the new version, its base, and how many changes were recorded."""

    version: str
    base_version: str
    effective_from: date
    change_count: int
    diff: CatalogDiff


def list_versions(session: Session) -> list[VersionInfo]:
    """Every stored version, newest effective date first."""
    counts = dict(session.execute(select(CatalogChangeRow.version_id, func.count())
                                  .group_by(CatalogChangeRow.version_id)).all())
    rows = session.scalars(select(CatalogVersionRow).order_by(CatalogVersionRow.effective_from.desc(),
                                                              CatalogVersionRow.id.desc())).all()
    return [VersionInfo(r.version, r.effective_from, r.reason, r.created_by, r.created_at, counts.get(r.id, 0))
            for r in rows]


def latest_version(session: Session) -> str:
    """The newest stored version (the last to take effect, possibly in the future)."""
    version = session.scalars(select(CatalogVersionRow.version).order_by(
        CatalogVersionRow.effective_from.desc(), CatalogVersionRow.id.desc()).limit(1)).first()
    if version is None:
        raise NotFound("数据库中没有职责清单")
    return version


def known_lines(session: Session) -> set[str]:
    return set(session.scalars(select(LineRow.code)))


def next_version_name(session: Session, effective_from: date) -> str:
    """``YYYY-MM-DD.N``: the first free name for a version effective on that day."""
    taken = set(session.scalars(select(CatalogVersionRow.version)))
    n = 1
    while f"{effective_from.isoformat()}.{n}" in taken:
        n += 1
    return f"{effective_from.isoformat()}.{n}"


def changes_from_diff(old: Catalog, new: Catalog, diff: CatalogDiff | None = None) -> tuple[ChangeRecord, ...]:
    """Change-log records that turn ``old`` into ``new`` (used for imported workbooks)."""
    diff = diff or diff_catalogs(old, new)
    old_items = {i.code: i for i in old.items}
    new_items = {i.code: i for i in new.items}
    out: list[ChangeRecord] = [ChangeRecord(None, "node_add" if n.before is None else "node_remove"
                                            if n.after is None else "node_rename",
                                            {"code": n.code, "name": n.before} if n.before is not None else None,
                                            {"code": n.code, "name": n.after} if n.after is not None else None,
                                            ("name",)) for n in diff.nodes]
    out += [ChangeRecord(i.code, "add", None, item_to_dict(i), FIELDS) for i in diff.added]
    out += [ChangeRecord(i.code, "remove", item_to_dict(i), None, FIELDS) for i in diff.removed]
    pairs = [(old_items[c], new_items[c]) for c in old_items if c in new_items] + [
        (old_items[a], new_items[b]) for a, b in diff.moved]
    for before, after in pairs:
        fb, fa = flat_item(before), flat_item(after)
        fields = tuple(f for f in FIELDS if fb[f] != fa[f])
        if before.code != after.code:
            out.append(ChangeRecord(after.code, "move", item_to_dict(before), item_to_dict(after), ("code", *fields)))
        elif fields == ("active",):
            out.append(ChangeRecord(after.code, "retire" if not after.active else "reactivate", item_to_dict(before),
                                    item_to_dict(after), fields))
        elif fields:
            out.append(ChangeRecord(after.code, "edit", item_to_dict(before), item_to_dict(after), fields))
    return tuple(out)


def write_version(session: Session, catalog: Catalog, changes: Iterable[ChangeRecord], *, reason: str, actor: str,
                  now: datetime) -> int:
    """Insert ``catalog`` as a new version with ``changes`` in the change log; returns the version row id."""
    row = CatalogVersionRow(version=catalog.version, effective_from=catalog.effective_from, reason=reason,
                            created_by=actor, created_at=now)
    session.add(row)
    session.flush()
    nodes = []
    for category in catalog.categories:
        nodes.append({"version_id": row.id, "code": category.code, "name": category.name, "depth": 1})
        nodes.extend({"version_id": row.id, "code": s.code, "name": s.name, "depth": 2} for s in category.subcategories)
    session.execute(insert(CatalogNodeRow), nodes)
    items = catalog.items
    if items:
        session.execute(insert(DutyItemRow), [_item_row(row.id, i) for i in items])
    records = [{"version_id": row.id, "item_code": c.item_code, "change": c.change, "before": c.before,
                "after": c.after, "reason": reason, "actor": actor, "at": now} for c in changes]
    if records:
        session.execute(insert(CatalogChangeRow), records)
    return row.id


def publish_edits(ctx: ServiceContext, actor: Actor, edits: Sequence[Edit], *, effective_from: date, reason: str,
                  version: str | None = None, base_version: str | None = None) -> VersionSaved:
    """Apply ``edits`` to ``base_version`` (default: the newest stored) and store the result as a new version.

    Raises ``CatalogEditError`` (every problem, naming item and field), ``PermissionDenied`` for non-admins,
    ``ValidationError`` for a past date, a taken version name or an empty reason.
    """
    def make(work: Work, base: Catalog, name: str) -> tuple[Catalog, tuple[ChangeRecord, ...]]:
        result = apply_edits(base, edits, version=name, effective_from=effective_from,
                             known_lines=known_lines(work.session))
        return result.catalog, result.changes

    return _publish(ctx, actor, make, effective_from=effective_from, reason=reason, version=version,
                    base_version=base_version)


def publish_catalog(ctx: ServiceContext, actor: Actor, catalog: Catalog, *, effective_from: date, reason: str,
                    version: str | None = None, base_version: str | None = None) -> VersionSaved:
    """Store a whole catalogue (e.g. an imported workbook) as a new version; the change log records its
    differences from ``base_version`` (default: the newest stored). Every item is validated first."""
    def make(work: Work, base: Catalog, name: str) -> tuple[Catalog, tuple[ChangeRecord, ...]]:
        lines = known_lines(work.session)
        problems = []
        for item in catalog.items:
            problems += item_from_flat(flat_item(item), lines)[1]
        if problems:
            raise CatalogEditError(problems)
        nodes = {c.code: c.name for c in catalog.categories}
        nodes |= {s.code: s.name for c in catalog.categories for s in c.subcategories}
        new = build_catalog(name, effective_from, nodes, catalog.items)
        changes = changes_from_diff(base, new)
        if not changes:
            raise CatalogEditError([f"与版本 {base.version} 相比没有任何变化"])
        return new, changes

    return _publish(ctx, actor, make, effective_from=effective_from, reason=reason, version=version,
                    base_version=base_version)


def _publish(ctx: ServiceContext, actor: Actor, make: Any, *, effective_from: date, reason: str,
             version: str | None, base_version: str | None) -> VersionSaved:
    if not reason.strip():
        raise ValidationError("reason：修改职责清单必须写明原因")
    saved: list[VersionSaved] = []

    def body(work: Work) -> Changed:
        if work.actor.role not in PUBLISHERS:
            raise PermissionDenied(f"{work.actor.role.label}不能修改职责清单，须由管理员操作")
        today = to_room_time(work.now).date()
        if effective_from < today:
            raise ValidationError(f"effective_from：生效日期 {effective_from} 早于今天 {today}")
        session = work.session
        name = (version or next_version_name(session, effective_from)).strip()
        if session.scalar(select(CatalogVersionRow.id).where(CatalogVersionRow.version == name)) is not None:
            raise ValidationError(f"version：版本号 {name} 已存在")
        if len(name) > 40:
            raise ValidationError("version：版本号超过 40 字符")
        base = load_version(session, base_version or latest_version(session))
        new, changes = make(work, base, name)
        write_version(session, new, changes, reason=reason.strip(), actor=work.actor.name, now=work.now)
        saved.append(VersionSaved(name, base.version, effective_from, len(changes), diff_catalogs(base, new)))
        return Changed("catalog_version", detail=name)

    try:
        execute(ctx, actor, "catalog_version", body)
    except IntegrityError:
        raise ValidationError("version：版本号刚被另一位管理员占用，请刷新后重试") from None
    return saved[0]


def _item_row(version_id: int, item: Any) -> dict[str, Any]:
    return {"version_id": version_id, "code": item.code, "name": item.name, "description": item.description,
            "keywords": list(item.keywords), "lead_line": item.lead_line, "co_lines": list(item.co_lines),
            "level": item.level.value, "territorial": item.territorial.value,
            "accept_hours": item.limits.accept_hours, "reply_hours": item.limits.reply_hours,
            "close_hours": item.limits.close_hours, "default_urgency": item.default_urgency.value,
            "active": item.active}
