"""What differs between two versions of the duty list: items added, removed, retired, moved, and changed
field by field; categories added or renamed. Pure; ``diff_versions`` reads two stored versions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from console.catalog_admin.fields import FIELD_LABELS, FIELDS, flat_item
from console.domain.catalog import Catalog, DutyItem
from console.services.catalog_store import load_version


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Any
    after: Any

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)


@dataclass(frozen=True, slots=True)
class ItemChange:
    """An item present in both versions (possibly under a new code, when moved) whose fields differ."""

    code: str
    name: str
    fields: tuple[FieldChange, ...]
    old_code: str | None = None


@dataclass(frozen=True, slots=True)
class NodeChange:
    code: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class CatalogDiff:
    """``old`` → ``new``. ``moved`` maps old code → new code (same item under another subcategory, recognised
    by an identical name); ``retired`` are items that became inactive, ``reactivated`` the reverse."""

    old_version: str
    new_version: str
    added: tuple[DutyItem, ...]
    removed: tuple[DutyItem, ...]
    retired: tuple[str, ...]
    reactivated: tuple[str, ...]
    moved: tuple[tuple[str, str], ...]
    changed: tuple[ItemChange, ...]
    nodes: tuple[NodeChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.retired or self.reactivated or self.moved or self.changed
                    or self.nodes)

    def code_map(self) -> dict[str, str]:
        """Old code → code in the new version, for every moved item."""
        return dict(self.moved)

    def summary(self) -> str:
        """One line in Chinese, e.g. for a status bar."""
        return (f"{self.old_version} → {self.new_version}：新增 {len(self.added)} 项，删除 {len(self.removed)} 项，"
                f"停用 {len(self.retired)} 项，移动 {len(self.moved)} 项，修改 {len(self.changed)} 项，"
                f"类别变化 {len(self.nodes)} 处")

    def lines(self) -> list[str]:
        """The diff as readable lines (Chinese), one per change."""
        out = [self.summary()]
        out += [f"+ {i.code} {i.name}（主办 {i.lead_line}）" for i in self.added]
        out += [f"- {i.code} {i.name}" for i in self.removed]
        out += [f"停用 {c}" for c in self.retired]
        out += [f"启用 {c}" for c in self.reactivated]
        out += [f"移动 {a} → {b}" for a, b in self.moved]
        for change in self.changed:
            for f in change.fields:
                out.append(f"~ {change.code} {change.name}「{f.label}」：{_show(f.before)} → {_show(f.after)}")
        out += [f"类别 {n.code}：{n.before or '（无）'} → {n.after or '（无）'}" for n in self.nodes]
        return out


def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    """Every difference between ``old`` and ``new`` (see ``CatalogDiff``)."""
    old_items = {i.code: i for i in old.items}
    new_items = {i.code: i for i in new.items}
    gone = [old_items[c] for c in old_items if c not in new_items]
    came = [new_items[c] for c in new_items if c not in old_items]
    moved: list[tuple[str, str]] = []
    by_name: dict[str, list[DutyItem]] = {}
    for item in came:
        by_name.setdefault(item.name, []).append(item)
    for item in gone:
        candidates = by_name.get(item.name)
        if candidates:
            target = candidates.pop(0)
            moved.append((item.code, target.code))
    moved_old = {a for a, _ in moved}
    moved_new = {b for _, b in moved}
    pairs = [(old_items[c], new_items[c]) for c in old_items if c in new_items]
    pairs += [(old_items[a], new_items[b]) for a, b in moved]
    changed, retired, reactivated = [], [], []
    for before, after in pairs:
        fb, fa = flat_item(before), flat_item(after)
        fields = tuple(FieldChange(f, fb[f], fa[f]) for f in FIELDS if fb[f] != fa[f] and f != "active")
        if fb["active"] and not fa["active"]:
            retired.append(after.code)
        elif fa["active"] and not fb["active"]:
            reactivated.append(after.code)
        if fields:
            old_code = before.code if before.code != after.code else None
            changed.append(ItemChange(after.code, after.name, fields, old_code))
    old_nodes = _nodes(old)
    new_nodes = _nodes(new)
    nodes = tuple(NodeChange(code, old_nodes.get(code), new_nodes.get(code))
                  for code in sorted(old_nodes.keys() | new_nodes.keys()) if old_nodes.get(code) != new_nodes.get(code))
    return CatalogDiff(old.version, new.version, tuple(i for i in came if i.code not in moved_new),
                       tuple(i for i in gone if i.code not in moved_old), tuple(retired), tuple(reactivated),
                       tuple(moved), tuple(changed), nodes)


def diff_versions(session: Session, old_version: str, new_version: str) -> CatalogDiff:
    """The diff between two stored versions (``NotFound`` names a missing version)."""
    return diff_catalogs(load_version(session, old_version), load_version(session, new_version))


def _nodes(catalog: Catalog) -> dict[str, str]:
    found = {c.code: c.name for c in catalog.categories}
    found.update({s.code: s.name for c in catalog.categories for s in c.subcategories})
    return found


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "、".join(value) or "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value != "" else "（空）"
