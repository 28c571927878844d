"""One readable line per pending edit, for the editor's list of changes. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from console.catalog_admin.edits import AddItem, AddNode, Edit, EditItem, MoveItem, RenameNode, RetireItem
from console.catalog_admin.fields import FIELD_LABELS
from ui.i18n import t


def describe(edit: Edit, lines: Mapping[str, str]) -> str:
    """E.g. ``修改 010102「主办条线」→ 城管``; line codes are shown with their names."""
    if isinstance(edit, AddItem):
        return t("新增 {code} {name}（主办 {line}）").format(
            code=edit.item.code, name=edit.item.name, line=_line(edit.item.lead_line, lines))
    if isinstance(edit, EditItem):
        parts = [t("「{field}」→ {value}").format(field=t(FIELD_LABELS.get(k, k)), value=_value(k, v, lines))
                 for k, v in edit.changes.items()]
        return f"{t('修改')} {edit.code} " + t("，").join(parts)
    if isinstance(edit, RetireItem):
        return f"{t('停用')} {edit.code}"
    if isinstance(edit, MoveItem):
        return f"{t('移动')} {edit.code} → {t('二级类别')} {edit.to_subcategory}"
    if isinstance(edit, AddNode):
        return f"{t('新增类别')} {edit.code} {edit.name}"
    if isinstance(edit, RenameNode):
        return f"{t('类别改名')} {edit.code} → {edit.name}"
    return repr(edit)  # pragma: no cover - the union is closed


def _line(code: str, lines: Mapping[str, str]) -> str:
    name = lines.get(code)
    return t("{name}（{code}）").format(name=name, code=code) if name and name != code else code


def _value(field: str, value: Any, lines: Mapping[str, str]) -> str:
    if field == "lead_line":
        return _line(str(value), lines)
    if field == "co_lines":
        return t("、").join(_line(str(v), lines) for v in value) or t("（无）")
    if isinstance(value, list | tuple):
        return t("、").join(str(v) for v in value) or t("（无）")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
