"""An item as a flat record of editable fields, with labels and per-field validation.

The flat form is what edits, diffs, the workbook and the change log talk about: one name per field, values
that are plain strings, numbers, booleans or tuples of strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from console.domain.catalog import DutyItem, TimeLimits
from console.domain.enums import Level, Territorial, Urgency

FIELDS: tuple[str, ...] = ("name", "description", "keywords", "lead_line", "co_lines", "level", "territorial",
                           "accept_hours", "reply_hours", "close_hours", "default_urgency", "active")
FIELD_LABELS: dict[str, str] = {
    "code": "事项编码", "name": "事项名称", "description": "事项说明", "keywords": "关键词", "lead_line": "主办条线",
    "co_lines": "协办条线", "level": "办理层级", "territorial": "属地规则", "accept_hours": "签收时限（小时）",
    "reply_hours": "反馈时限（小时）", "close_hours": "办结时限（小时）", "default_urgency": "默认紧急程度",
    "active": "有效",
}
LIMIT_FIELDS = ("accept_hours", "reply_hours", "close_hours")


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """One thing wrong with one field of one item (or node); ``str()`` is the message for the admin."""

    code: str
    field: str
    message: str

    def __str__(self) -> str:
        label = FIELD_LABELS.get(self.field, self.field)
        return f"事项 {self.code} 的「{label}」：{self.message}" if self.field else f"{self.code}：{self.message}"


def flat_item(item: DutyItem) -> dict[str, Any]:
    """``item`` as a flat record (``code`` plus every name in ``FIELDS``)."""
    return {"code": item.code, "name": item.name, "description": item.description, "keywords": tuple(item.keywords),
            "lead_line": item.lead_line, "co_lines": tuple(item.co_lines), "level": item.level.value,
            "territorial": item.territorial.value, "accept_hours": float(item.limits.accept_hours),
            "reply_hours": float(item.limits.reply_hours), "close_hours": float(item.limits.close_hours),
            "default_urgency": item.default_urgency.value, "active": bool(item.active)}


def item_from_flat(flat: Mapping[str, Any], known_lines: Iterable[str] | None = None
                   ) -> tuple[DutyItem | None, list[FieldProblem]]:
    """Build and validate an item from a flat record; (None, problems) when any field is wrong.

    ``known_lines`` (line codes) enables the line checks; every problem names the item and the field.
    """
    code = str(flat.get("code") or "").strip()
    problems: list[FieldProblem] = []

    def bad(field: str, message: str) -> None:
        problems.append(FieldProblem(code or "?", field, message))

    if len(code) != 6 or not code.isdigit():
        bad("code", f"编码「{code}」必须是 6 位数字")
    name = str(flat.get("name") or "").strip()
    if not name:
        bad("name", "名称不能为空")
    elif len(name) > 80:
        bad("name", "名称超过 80 字")
    keywords = _strings(flat.get("keywords"))
    if not keywords:
        bad("keywords", "至少需要一个关键词")
    elif len(set(keywords)) != len(keywords):
        bad("keywords", "关键词重复：" + "、".join(sorted({k for k in keywords if keywords.count(k) > 1})))
    lead = str(flat.get("lead_line") or "").strip()
    co_lines = _strings(flat.get("co_lines"))
    lines = set(known_lines) if known_lines is not None else None
    if not lead:
        bad("lead_line", "没有主办条线")
    elif lines is not None and lead not in lines:
        bad("lead_line", f"未知条线「{lead}」")
    unknown = [x for x in co_lines if lines is not None and x not in lines]
    if unknown:
        bad("co_lines", "未知条线「" + "」「".join(unknown) + "」")
    if lead and lead in co_lines:
        bad("co_lines", f"主办条线「{lead}」不能同时是协办条线")
    if len(set(co_lines)) != len(co_lines):
        bad("co_lines", "协办条线重复")
    level = _enum(Level, flat.get("level"), "level", bad, "city / district / street")
    territorial = _enum(Territorial, flat.get("territorial", "none"), "territorial", bad,
                        "none / district_lead / street_lead")
    urgency = _enum(Urgency, flat.get("default_urgency", "normal"), "default_urgency", bad, "urgent / fast / normal")
    hours: list[float] = []
    for field in LIMIT_FIELDS:
        try:
            hours.append(float(flat.get(field)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            bad(field, f"「{flat.get(field)}」不是数字")
    limits = None
    if len(hours) == 3:
        try:
            limits = TimeLimits(*hours)
        except ValueError:
            field, why = _limit_problem(*hours)
            bad(field, f"{why}（须 0 < 签收 ≤ 反馈 ≤ 办结，现为 {hours[0]:g} / {hours[1]:g} / {hours[2]:g}）")
    active = flat.get("active", True)
    if not isinstance(active, bool):
        bad("active", f"「{active}」不是是/否")
    if problems or level is None or territorial is None or urgency is None or limits is None:
        return None, problems
    return DutyItem(code=code, name=name, description=str(flat.get("description") or ""), keywords=tuple(keywords),
                    lead_line=lead, level=level, co_lines=tuple(co_lines), territorial=territorial, limits=limits,
                    default_urgency=urgency, active=bool(active)), []


def _limit_problem(accept: float, reply: float, close: float) -> tuple[str, str]:
    """The field that breaks 0 < accept ≤ reply ≤ close (the first one, reading left to right) and why."""
    if not accept > 0:
        return "accept_hours", "必须大于 0"
    if not reply > 0:
        return "reply_hours", "必须大于 0"
    if not reply >= accept:
        return "reply_hours", f"不能短于签收时限（{accept:g} 小时）"
    if not close > 0:
        return "close_hours", "必须大于 0"
    return "close_hours", f"不能短于反馈时限（{reply:g} 小时）"


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if str(v).strip()]


def _enum(kind: Any, value: Any, field: str, bad: Any, allowed: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        bad(field, f"「{value}」不是有效值（可选：{allowed}）")
        return None
