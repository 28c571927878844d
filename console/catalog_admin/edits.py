"""Edits to a duty-list version, applied in memory to make the next version.

``apply_edits`` never changes the base catalogue (catalogues are immutable); it returns the new catalogue and
one ``ChangeRecord`` per change for the change log, or raises ``CatalogEditError`` listing every problem
(each naming the item or node and the field). Nothing touches the database here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from console.catalog_admin.fields import FIELDS, FieldProblem, flat_item, item_from_flat
from console.domain.catalog import Catalog, Category, DutyItem, Subcategory
from console.domain.errors import ValidationError
from console.reference.catalog_file import item_to_dict


@dataclass(frozen=True, slots=True)
class AddItem:
    """A new item; its code's first four digits name an existing (or newly added) subcategory."""

    item: DutyItem


@dataclass(frozen=True, slots=True)
class EditItem:
    """Change fields of an item: ``changes`` maps names of ``fields.FIELDS`` to new values
    (``keywords`` and ``co_lines`` as sequences of strings, enums as their values, hours as numbers)."""

    code: str
    changes: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class RetireItem:
    """Mark an item inactive (it stays in the list so old tickets keep their meaning)."""

    code: str


@dataclass(frozen=True, slots=True)
class MoveItem:
    """Move an item into another subcategory; it gets ``new_code`` or the next free code there."""

    code: str
    to_subcategory: str
    new_code: str | None = None


@dataclass(frozen=True, slots=True)
class AddNode:
    """A new category (2-digit code) or subcategory (4-digit code)."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class RenameNode:
    code: str
    name: str


Edit = AddItem | EditItem | RetireItem | MoveItem | AddNode | RenameNode


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One line of the change log: ``change`` is add / edit / retire / move / node_add / node_rename;
    ``before``/``after`` are JSON-ready (items as in the duty-list file, nodes as code and name)."""

    item_code: str | None
    change: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EditResult:
    catalog: Catalog
    changes: tuple[ChangeRecord, ...]


class CatalogEditError(ValidationError):
    """The edits cannot be applied; ``problems`` lists each one (item or node, field, what is wrong)."""

    def __init__(self, problems: Sequence[FieldProblem | str]):
        self.problems = tuple(str(p) for p in problems)
        #: the problems that name an item and a field, in the same order (for pointing at the field)
        self.field_problems = tuple(p for p in problems if isinstance(p, FieldProblem))
        super().__init__("职责清单修改有误：" + "；".join(self.problems))


@dataclass
class _Draft:
    nodes: dict[str, str]
    items: dict[str, DutyItem]
    changes: list[ChangeRecord] = field(default_factory=list)
    problems: list[FieldProblem | str] = field(default_factory=list)


def apply_edits(base: Catalog, edits: Iterable[Edit], *, version: str, effective_from: date,
                known_lines: Iterable[str]) -> EditResult:
    """The catalogue ``base`` with ``edits`` applied in order, as version ``version``.

    Raises ``CatalogEditError`` with every problem found (unknown line, bad limits, duplicate code, move into a
    missing subcategory, unknown item, …); on success every touched item is valid.
    """
    lines = set(known_lines)
    draft = _Draft(nodes={c.code: c.name for c in base.categories}
                   | {s.code: s.name for c in base.categories for s in c.subcategories},
                   items={i.code: i for i in base.items})
    for edit in edits:
        _apply(draft, edit, lines)
    if draft.problems:
        raise CatalogEditError(draft.problems)
    if not draft.changes:
        raise CatalogEditError(["没有任何修改"])
    return EditResult(build_catalog(version, effective_from, draft.nodes, draft.items.values()),
                      tuple(draft.changes))


def build_catalog(version: str, effective_from: date, nodes: Mapping[str, str], items: Iterable[DutyItem]) -> Catalog:
    """A catalogue from node names (2- and 4-digit codes) and items, everything ordered by code."""
    by_sub: dict[str, list[DutyItem]] = {}
    for item in sorted(items, key=lambda i: i.code):
        by_sub.setdefault(item.subcategory_code, []).append(item)
    categories = tuple(
        Category(code, nodes[code], tuple(Subcategory(sub, nodes[sub], tuple(by_sub.get(sub, ())))
                                          for sub in sorted(n for n in nodes if len(n) == 4 and n[:2] == code)))
        for code in sorted(n for n in nodes if len(n) == 2))
    return Catalog(version, effective_from, categories)


def _apply(draft: _Draft, edit: Edit, lines: set[str]) -> None:
    if isinstance(edit, AddItem):
        _add(draft, edit.item, lines)
    elif isinstance(edit, EditItem):
        _edit(draft, edit, lines)
    elif isinstance(edit, RetireItem):
        _retire(draft, edit.code)
    elif isinstance(edit, MoveItem):
        _move(draft, edit, lines)
    elif isinstance(edit, AddNode):
        _add_node(draft, edit)
    elif isinstance(edit, RenameNode):
        if edit.code not in draft.nodes:
            draft.problems.append(f"类别 {edit.code} 不存在，无法改名")
        elif not edit.name.strip():
            draft.problems.append(f"类别 {edit.code} 的名称不能为空")
        else:
            before = {"code": edit.code, "name": draft.nodes[edit.code]}
            draft.nodes[edit.code] = edit.name.strip()
            draft.changes.append(ChangeRecord(None, "node_rename", before, {"code": edit.code, "name": edit.name},
                                              ("name",)))
    else:  # pragma: no cover - the union is closed
        raise TypeError(f"unknown edit {edit!r}")


def _checked(draft: _Draft, flat: Mapping[str, Any], lines: set[str]) -> DutyItem | None:
    item, problems = item_from_flat(flat, lines)
    draft.problems.extend(problems)
    if item is not None and item.subcategory_code not in draft.nodes:
        draft.problems.append(FieldProblem(item.code, "code", f"二级类别 {item.subcategory_code} 不存在"))
        return None
    return item


def _add(draft: _Draft, item: DutyItem, lines: set[str]) -> None:
    if item.code in draft.items:
        draft.problems.append(FieldProblem(item.code, "code", f"编码重复：已有事项「{draft.items[item.code].name}」"))
        return
    checked = _checked(draft, flat_item(item), lines)
    if checked is not None:
        draft.items[checked.code] = checked
        draft.changes.append(ChangeRecord(checked.code, "add", None, item_to_dict(checked), FIELDS))


def _edit(draft: _Draft, edit: EditItem, lines: set[str]) -> None:
    old = draft.items.get(edit.code)
    if old is None:
        draft.problems.append(FieldProblem(edit.code, "", "事项不存在"))
        return
    unknown = [f for f in edit.changes if f not in FIELDS]
    if unknown:
        draft.problems.extend(FieldProblem(edit.code, f, "不是可修改的字段") for f in unknown)
        return
    flat = flat_item(old) | dict(edit.changes)
    new = _checked(draft, flat, lines)
    if new is None:
        return
    changed = tuple(f for f in FIELDS if flat_item(old)[f] != flat_item(new)[f])
    if changed:
        draft.items[new.code] = new
        draft.changes.append(ChangeRecord(new.code, "edit", item_to_dict(old), item_to_dict(new), changed))


def _retire(draft: _Draft, code: str) -> None:
    old = draft.items.get(code)
    if old is None:
        draft.problems.append(FieldProblem(code, "", "事项不存在，无法停用"))
    elif not old.active:
        draft.problems.append(FieldProblem(code, "active", "事项已停用"))
    else:
        new = _replace(old, active=False)
        draft.items[code] = new
        draft.changes.append(ChangeRecord(code, "retire", item_to_dict(old), item_to_dict(new), ("active",)))


def _move(draft: _Draft, edit: MoveItem, lines: set[str]) -> None:
    old = draft.items.get(edit.code)
    if old is None:
        draft.problems.append(FieldProblem(edit.code, "", "事项不存在，无法移动"))
        return
    target = edit.to_subcategory
    if len(target) != 4 or target not in draft.nodes:
        draft.problems.append(FieldProblem(edit.code, "code", f"目标二级类别 {target} 不存在"))
        return
    if target == old.subcategory_code:
        draft.problems.append(FieldProblem(edit.code, "code", f"事项已在二级类别 {target} 中"))
        return
    new_code = edit.new_code or _next_code(draft.items, target)
    if new_code is None:
        draft.problems.append(FieldProblem(edit.code, "code", f"二级类别 {target} 已没有空余编码"))
        return
    if not new_code.startswith(target):
        draft.problems.append(FieldProblem(edit.code, "code", f"新编码 {new_code} 不在二级类别 {target} 中"))
        return
    if new_code in draft.items:
        taken_by = draft.items[new_code].name
        draft.problems.append(FieldProblem(edit.code, "code", f"新编码 {new_code} 已被「{taken_by}」占用"))
        return
    new = _checked(draft, flat_item(old) | {"code": new_code}, lines)
    if new is None:
        return
    del draft.items[old.code]
    draft.items[new.code] = new
    draft.changes.append(ChangeRecord(new.code, "move", item_to_dict(old), item_to_dict(new), ("code",)))


def _add_node(draft: _Draft, edit: AddNode) -> None:
    code, name = edit.code.strip(), edit.name.strip()
    if len(code) not in (2, 4) or not code.isdigit():
        draft.problems.append(f"类别编码「{code}」必须是 2 位（一级）或 4 位（二级）数字")
    elif code in draft.nodes:
        draft.problems.append(f"类别编码 {code} 重复：已有「{draft.nodes[code]}」")
    elif len(code) == 4 and code[:2] not in draft.nodes:
        draft.problems.append(f"二级类别 {code} 的一级类别 {code[:2]} 不存在")
    elif not name:
        draft.problems.append(f"类别 {code} 的名称不能为空")
    else:
        draft.nodes[code] = name
        draft.changes.append(ChangeRecord(None, "node_add", None, {"code": code, "name": name}, ("name",)))


def _next_code(items: Mapping[str, DutyItem], subcategory: str) -> str | None:
    used = {int(c[4:]) for c in items if c.startswith(subcategory)}
    free = next((n for n in range(1, 100) if n not in used and n > max(used, default=0)), None)
    return f"{subcategory}{free:02d}" if free is not None else None


def _replace(item: DutyItem, **changes: Any) -> DutyItem:
    import dataclasses

    return dataclasses.replace(item, **changes)
